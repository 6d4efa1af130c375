#!/usr/bin/env bash
# Checks the GPU build without a GPU: the -Pcuda profile resolves (the CUDA natives jar is about 600 MB, which is
# why this is not part of `mvn test`), compiles, and a run falls back to the CPU with a one-line message.
# On a machine with an NVIDIA GPU the same script shows the GPU in the "Device:" line instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pcuda -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath-cuda.txt
tmp=$(mktemp -d)
./run.sh --gpu train --epochs 1 --input 32 --runs-dir "$tmp/runs" --name cuda-profile-check 2>&1 | tee "$tmp/out.txt"
grep -q '^Device: ' "$tmp/out.txt"
if grep -q 'Exception\|UnsatisfiedLinkError' "$tmp/out.txt"; then
  echo "FAILED: stack traces in the output" >&2
  exit 1
fi
echo "cuda profile OK: $(grep '^Device: ' "$tmp/out.txt")"
rm -rf "$tmp"
