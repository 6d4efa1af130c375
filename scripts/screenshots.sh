#!/usr/bin/env bash
# Captures the window on a virtual display and writes PNGs to assets/ for the README.
# Needs Xvfb and ImageMagick (apt-get install -y xvfb imagemagick libgtk-3-0).
#   scripts/screenshots.sh            dataset, model and a live training run on the demo dataset
# Also measures FX-thread stalls during training: see the "FX stall probe" lines in $LOG.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DISPLAY_NO=${DISPLAY_NO:-:99}
LOG=${LOG:-/tmp/tw-screenshots.log}
TRAIN_SECONDS=${TRAIN_SECONDS:-150}
RUNS=$(mktemp -d)
export DISPLAY=$DISPLAY_NO TW_RUNS_DIR=$RUNS
: > "$LOG"

if ! xdpyinfo >/dev/null 2>&1 && ! pgrep -f "Xvfb $DISPLAY_NO" >/dev/null; then
  Xvfb "$DISPLAY_NO" -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  sleep 1
fi

shot() { # name tab seconds [extra java options]
  local name=$1 tab=$2 wait=$3 extra=${4:-}
  TW_JAVA_OPTS="-Xmx3g -Dorg.bytedeco.javacpp.maxphysicalbytes=8G -Dtw.prefs=tw-screenshots \
-Dtw.dataset=$ROOT/datasets/demo-cells -Dtw.tab=$tab $extra" ./run.sh >>"$LOG" 2>&1 &
  local app=$!
  sleep "$wait"
  import -window root "/tmp/tw-$name.png"
  convert "/tmp/tw-$name.png" -resize 1200x -colors 256 "assets/$name.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "assets/$name.png $(du -k "assets/$name.png" | cut -f1) KB"
}

mkdir -p assets
./run.sh --version >/dev/null   # builds first, so no screenshot catches a build instead of the window
SHOTS=${SHOTS:-dataset model training}
for s in $SHOTS; do
  case $s in
    dataset) shot dataset dataset 45 ;;
    model) shot model model 20 ;;
    training) shot training training "$TRAIN_SECONDS" "-Dtw.autostart=true -Dtw.fxStallProbe=true" ;;
  esac
done
grep "FX stall probe" "$LOG" | tail -3 || true
rm -rf "$RUNS"
