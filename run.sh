#!/usr/bin/env bash
# Transfer Workbench launcher: builds the project when needed, then starts it.
#   ./run.sh                 open the window (or print usage until the window exists)
#   ./run.sh train ...       command line; ./run.sh --help lists the commands
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HOME_DIR"

JAR="target/transfer-workbench.jar"
CP_FILE="target/classpath.txt"

needs_build() {
  [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] && return 0
  [ -n "$(find src pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Building Transfer Workbench (first start takes a few minutes)..." >&2
  mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2
fi

# Off-heap (ND4J) arrays are capped by maxphysicalbytes in DL4J 1.0.0-M2.1, not maxbytes.
# On a 24 GB machine: 6 GB heap for images and the UI, 14 GB total process memory for the network.
JAVA_OPTS=${TW_JAVA_OPTS:-"-Xmx6g -Dorg.bytedeco.javacpp.maxphysicalbytes=14G"}
cd "$OLDPWD" 2>/dev/null || true
exec java $JAVA_OPTS \
  -Dorg.deeplearning4j.crash.reporting.enabled=false \
  -Dtw.home="$HOME_DIR" \
  -cp "$HOME_DIR/$JAR:$(cat "$HOME_DIR/$CP_FILE")" \
  org.transferworkbench.Main "$@"
