#!/usr/bin/env bash
# Transfer Workbench launcher: builds the project when needed, then starts it.
#   ./run.sh                      open the window
#   ./run.sh train ...            command line; ./run.sh --help lists the commands
#   ./run.sh --gpu [...]          the same with ND4J's CUDA backend added (falls back to the CPU without a GPU)
#   ./run.sh --gpu-device N [...] the same on GPU number N only (sets CUDA_VISIBLE_DEVICES)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CALLER_DIR="$PWD"
cd "$HOME_DIR"

GPU=0
case "${1:-}" in
  --gpu) GPU=1; shift ;;
  --gpu-device) GPU=1; export CUDA_VISIBLE_DEVICES="${2:?--gpu-device needs a device number}"; shift 2 ;;
esac

JAR="target/transfer-workbench.jar"
CP_FILE="target/classpath.txt"
PROFILE=""
if [ "$GPU" = 1 ]; then
  CP_FILE="target/classpath-cuda.txt"
  PROFILE="-Pcuda"
fi

needs_build() {
  [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] && return 0
  [ -n "$(find src pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Building Transfer Workbench (the first start downloads the libraries and takes a few minutes)..." >&2
  mvn -B -q $PROFILE -DskipTests package dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2
fi

if [ "$GPU" = 1 ] && [ ! -e /dev/nvidiactl ] && ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1'; then
  # No NVIDIA driver: let ND4J take the CPU backend first instead of failing noisily on CUDA.
  export BACKEND_PRIORITY_CPU=200
fi

# Off-heap (ND4J) arrays are capped by maxphysicalbytes in DL4J 1.0.0-M2.1, not maxbytes.
# On a 24 GB machine: 6 GB heap for images and the UI, 14 GB total process memory for the network.
JAVA_OPTS=${TW_JAVA_OPTS:-"-Xmx6g -Dorg.bytedeco.javacpp.maxphysicalbytes=14G"}
cd "$CALLER_DIR"
exec java $JAVA_OPTS \
  -Dorg.deeplearning4j.crash.reporting.enabled=false \
  -Dtw.home="$HOME_DIR" \
  -cp "$HOME_DIR/$JAR:$(cat "$HOME_DIR/$CP_FILE")" \
  org.transferworkbench.Main "$@"
