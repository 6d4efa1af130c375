#!/usr/bin/env bash
# Captures the window on a virtual display and writes PNGs to assets/ for the README.
# Needs Xvfb and ImageMagick (apt-get install -y xvfb imagemagick libgtk-3-0).
#   scripts/screenshots.sh                    all six tabs, on the demo dataset (about 8 minutes on 2 cores)
#   SHOTS="dataset model" scripts/screenshots.sh   only some of them
# What it does: one headless comparison run (./run.sh train --lr 1e-4), then one window per shot. The training
# shot starts a real run in the window (-Dtw.autostart=true), waits for it to finish and measures FX-thread stalls
# (-Dtw.fxStallProbe=true): see the "FX stall probe" lines at the end and in $LOG. The runs, evaluation and predict
# shots show these two runs. Screenshots are 1200 px wide, 256 colours, each well under 300 KB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DISPLAY_NO=${DISPLAY_NO:-:99}
LOG=${LOG:-/tmp/tw-screenshots.log}
TRAIN_TIMEOUT=${TRAIN_TIMEOUT:-600}
RUNS=${RUNS:-$(mktemp -d)}
DEMO="$ROOT/datasets/demo-cells"
export DISPLAY=$DISPLAY_NO
: > "$LOG"

if ! xdpyinfo >/dev/null 2>&1; then
  Xvfb "$DISPLAY_NO" -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  sleep 1
fi

APP=""
open_window() { # tab [extra java options]: starts the window in the background
  TW_JAVA_OPTS="-Xmx3g -Dorg.bytedeco.javacpp.maxphysicalbytes=8G -Dtw.prefs=tw-screenshots \
-Dtw.runsDir=$RUNS -Dtw.dataset=$DEMO -Dtw.tab=$1 ${2:-}" ./run.sh >>"$LOG" 2>&1 &
  APP=$!
}

capture() { # name: the whole virtual screen, shrunk for the README
  import -window root "/tmp/tw-$1.png"
  convert "/tmp/tw-$1.png" -trim +repage -resize 1200x -colors 128 "assets/$1.png"   # -trim: the black screen
  echo "assets/$1.png $(du -k "assets/$1.png" | cut -f1) KB"
}

close_window() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
}

shot() { # name tab seconds [extra java options]
  open_window "$2" "${4:-}"
  sleep "$3"
  capture "$1"
  close_window
}

succeeded_runs() {   # 0 when the folder has no run yet (grep's "no file" must not stop the script under pipefail)
  { grep -l '"state" : "SUCCEEDED"' "$RUNS"/*/run.json 2>/dev/null || true; } | wc -l
}

mkdir -p assets
./run.sh --version >/dev/null   # builds first, so no screenshot catches a build instead of the window
SHOTS=${SHOTS:-dataset model training runs studies evaluation predict}
case " $SHOTS " in
  *" runs "*|*" evaluation "*|*" predict "*)
    if [ "$(succeeded_runs)" -eq 0 ]; then   # a second run to compare with the one the window trains
      ./run.sh train --runs-dir "$RUNS" --lr 1e-4 --name adam-lr-1e-4 >>"$LOG" 2>&1
    fi ;;
esac
for s in $SHOTS; do
  case $s in
    dataset) shot dataset dataset 30 ;;
    model) shot model model 25 ;;
    training)
      before=$(succeeded_runs)
      open_window training "-Dtw.autostart=true -Dtw.fxStallProbe=true"
      sleep 40
      capture training-live && mv assets/training-live.png /tmp/   # the stage progress, for a look only
      for _ in $(seq "$TRAIN_TIMEOUT"); do
        [ "$(succeeded_runs)" -gt "$before" ] && break
        sleep 1
      done
      sleep 3   # the last drain and the notification
      capture training
      sleep 10  # one more stall-probe report after the run
      close_window ;;
    runs) shot runs runs 30 "-Dtw.compareRuns=true" ;;
    studies)   # a short study first, unless the runs folder has one
      ls "$RUNS"/studies/*/queue.json >/dev/null 2>&1 || ./run.sh study docs/study-quick.json --runs-dir "$RUNS" >>"$LOG" 2>&1
      shot studies studies 40 "-Dtw.showStudy=true" ;;
    evaluation) shot evaluation evaluation 45 ;;
    predict)
      picks=$(for c in erythrocyte lymphocyte neutrophil platelet; do ls -d "$DEMO/$c"/*.jpg | head -3; done | paste -sd,)
      shot predict predict 75 "-Dtw.predict=$picks" ;;
  esac
done
grep "FX stall probe\|longest" "$LOG" | tail -3 || true
echo "runs: $RUNS (remove it when done)"
