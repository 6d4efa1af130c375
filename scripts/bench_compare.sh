#!/usr/bin/env bash
# DL4J (./run.sh bench) against PyTorch (scripts/bench_pytorch.py), case by case, on the same shapes and data.
#   scripts/bench_compare.sh [--models vgg16] [--sizes 64,224] [--cases infer,full,frozen,cached]
#                            [--batch 16] [--iterations 3] [--warmup 1] [--out DIR] [--stock]
# Each case runs as its own pair of processes, Java and PyTorch back to back, the order alternating from case to
# case, so that both sides of a ratio see the same machine load. Each side prints an sgemm check beside each case.
# Results: DIR/results.csv (all rows), DIR/log.txt, and the side-by-side table on stdout.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS=vgg16 SIZES=64,224 CASES=infer,full,frozen,cached BATCH=16 ITER=3 WARMUP=1 STOCK=""
OUT="${TMPDIR:-/tmp}/tw-bench-$(date +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --models) MODELS=$2; shift 2 ;; --sizes) SIZES=$2; shift 2 ;; --cases) CASES=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;; --iterations) ITER=$2; shift 2 ;; --warmup) WARMUP=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;; --stock) STOCK=--stock; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PY=/usr/bin/python3
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "PyTorch is missing. Install Debian's build (as root):" >&2
  echo "  apt-get update && apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
mkdir -p "$OUT"
CSV="$OUT/results.csv" LOG="$OUT/log.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$LOG"
"$PY" -c 'import torch,time; torch.set_num_threads(2); a=torch.rand(1024,1024); b=torch.rand(1024,1024); a@b; t=time.perf_counter(); [a@b for _ in range(5)]; print("sgemm check (torch, OpenBLAS, 2 threads): %.1f GFLOP/s" % (2*1024**3*5/(time.perf_counter()-t)/1e9))' | tee -a "$LOG"
COMMON=(--batch "$BATCH" --iterations "$ITER" --warmup "$WARMUP" --csv "$CSV")
java_case() { "$HERE/run.sh" bench --models "$1" --sizes "$2" --cases "$3" $STOCK "${COMMON[@]}" 2>&1 | grep -E ' px |^(cpu|nd4j|conv)' | tee -a "$LOG"; }
torch_case() { "$PY" "$HERE/scripts/bench_pytorch.py" --models "$1" --sizes "$2" --cases "$3" "${COMMON[@]}" | tee -a "$LOG"; }
n=0
for m in ${MODELS//,/ }; do
  for s in ${SIZES//,/ }; do
    for c in ${CASES//,/ }; do
      if [ $((n % 2)) -eq 0 ]; then java_case "$m" "$s" "$c"; torch_case "$m" "$s" "$c"
      else torch_case "$m" "$s" "$c"; java_case "$m" "$s" "$c"; fi
      n=$((n + 1))
    done
  done
done
"$PY" - "$CSV" <<'PYEOF' | tee "$OUT/table.txt"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
key = lambda r: (r["model"], int(r["size"]), r["case"])
dl4j = {key(r): r for r in rows if r["framework"] == "dl4j"}
torch = {key(r): r for r in rows if r["framework"] == "pytorch"}
print(f"{'model':<6} {'px':>3} {'case':<15} {'DL4J img/s':>10} {'GFLOP/s':>7} {'sgemm':>6} {'rss GB':>6} | "
      f"{'PyTorch img/s':>13} {'GFLOP/s':>7} {'sgemm':>6} {'rss GB':>6} | {'DL4J/PyTorch':>12}")
for k in sorted(set(dl4j) | set(torch), key=lambda k: (k[0], k[1])):
    d, t = dl4j.get(k), torch.get(k)
    side = lambda r: (f"{float(r['img_s']):10.2f} {float(r['gflops']):7.1f} {float(r['sgemm_gflops']):6.1f} "
                      f"{float(r['rss_peak_mb']) / 1e3:6.2f}") if r else f"{'-':>10} {'':>7} {'':>6} {'':>6}"
    ratio = f"{float(d['img_s']) / float(t['img_s']):12.2f}" if d and t else f"{'-':>12}"
    print(f"{k[0]:<6} {k[1]:3d} {k[2]:<15} {side(d)} | {'':3}{side(t)} | {ratio}")
PYEOF
echo "rows: $CSV" >&2
