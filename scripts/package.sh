#!/usr/bin/env bash
# Builds a self-contained Linux app (no JDK or Maven needed to run it) with jpackage; not part of the test run.
#   scripts/package.sh             target/dist/transfer-workbench/ (app image; start bin/transfer-workbench)
#                                  and target/dist/transfer-workbench_<version>_amd64.deb when fakeroot and
#                                  dpkg-deb are installed (install with: apt install ./target/dist/*.deb)
# Needs JDK 17 with jmods (Debian: openjdk-17-jdk) and Maven. The image holds the app jar, its runtime dependency
# jars (linux-x86_64 natives only, as the pom selects), a trimmed Java runtime, the icon and the demo dataset.
# The launcher takes the same arguments as run.sh: none opens the window, "train ..." etc. run the command line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NAME=transfer-workbench
VERSION=$(sed -n "s|^  <version>\(.*\)</version>|\1|p" pom.xml | head -1)
VERSION=${VERSION%%-*}   # jpackage wants digits and dots
INPUT=target/package-input
DIST=target/dist

mvn -B -q -DskipTests package
rm -rf "$INPUT" "$DIST"
mkdir -p "$INPUT/lib" "$DIST"
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$INPUT/lib"
cp target/$NAME.jar "$INPUT/"
mkdir -p "$INPUT/datasets"
cp -r datasets/demo-cells "$INPUT/datasets/"
# The main jar names its dependencies, so the launcher's class path is just the main jar.
CLASS_PATH=$(cd "$INPUT" && ls lib/*.jar | tr '\n' ' ')
printf 'Class-Path: %s\n' "$CLASS_PATH" | fold -w 69 | sed '2,$s/^/ /' > target/package-manifest.txt
jar --update --file "$INPUT/$NAME.jar" --manifest target/package-manifest.txt

# Same JVM options as run.sh. tw.home is the folder with the jars, where the demo dataset lies; runs go to
# runs/ beside them, unless --runs-dir or $TW_RUNS_DIR say otherwise (needed for the .deb: /opt is read-only).
COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "Transfer Workbench"
  --description "Transfer learning with VGG16/VGG19 on your own images"
  --input "$INPUT" --main-jar "$NAME.jar" --main-class org.transferworkbench.Main
  --icon src/main/resources/org/transferworkbench/ui/icon.png
  --add-modules java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.zipfs
  --jlink-options "--strip-debug --no-header-files --no-man-pages"
  --java-options "-Xmx6g" --java-options "-Dorg.bytedeco.javacpp.maxphysicalbytes=14G"
  --java-options "-Dorg.deeplearning4j.crash.reporting.enabled=false"
  --java-options "-Dtw.home=\$APPDIR")

jpackage --type app-image --dest "$DIST" "${COMMON[@]}"
echo "app image: $DIST/$NAME ($(du -sh "$DIST/$NAME" | cut -f1)); start: $DIST/$NAME/bin/$NAME"

if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
  jpackage --type deb --dest "$DIST" "${COMMON[@]}" --linux-shortcut --linux-menu-group Science \
    --linux-package-deps "libgtk-3-0"
  ls -sh "$DIST"/*.deb
fi
