#!/usr/bin/env bash
# Times oneDNN 3.3's own convolution kernels (forward, backward data, backward weights) on VGG's 3x3 shapes at
# 64 px, batch 16, two threads: what a direct oneDNN binding could expect from the kernels, to set beside the
# per-primitive times DL4J (libnd4j's oneDNN 2.3) and PyTorch (oneDNN 2.6) print under DNNL_VERBOSE=1.
# See docs/PERFORMANCE.md. Needs g++ and Maven (fetches the JavaCPP oneDNN natives into the local repository).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION=3.3.4-1.5.10
mvn -B -q dependency:get -Dartifact=org.bytedeco:dnnl:$VERSION:jar:linux-x86_64 -Dtransitive=false
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
unzip -q "$HOME/.m2/repository/org/bytedeco/dnnl/$VERSION/dnnl-$VERSION-linux-x86_64.jar" \
  'org/bytedeco/dnnl/linux-x86_64/*' -d "$WORK"
LIB="$WORK/org/bytedeco/dnnl/linux-x86_64"
g++ -O2 -std=c++17 -I"$LIB/include" "$HERE/onednn_kernels.cpp" -o "$WORK/onednn_kernels" -L"$LIB" -l:libdnnl.so.3
for shape in "64 64 64" "128 128 32" "256 256 16" "512 512 8" "512 512 4"; do
  # shellcheck disable=SC2086
  OMP_NUM_THREADS=2 LD_LIBRARY_PATH="$LIB" "$WORK/onednn_kernels" $shape
done
