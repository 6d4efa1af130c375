#!/usr/bin/python3
"""PyTorch peer of `./run.sh bench`: the same VGG shapes, cases, synthetic data and CSV columns.

Run through scripts/bench_compare.sh, or by hand:
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread /usr/bin/python3 scripts/bench_pytorch.py \
      --models vgg16 --sizes 64 --cases infer,full --batch 16 --iterations 3 --warmup 1 [--csv out.csv]
Needs Debian's python3-torch (apt-get install -y python3-torch libopenblas0-pthread); torchvision is not used.
FLOPs are counted as in the Java bench: 2 per multiply-add; a training step counts the forward pass plus twice the
forward cost of every trained layer.
"""
import argparse
import os
import resource
import statistics
import sys
import time

import torch
from torch import nn

CLASSES = 10
BLOCKS = {"vgg16": [2, 2, 3, 3, 3], "vgg19": [2, 2, 4, 4, 4]}
WIDTHS = [64, 128, 256, 512, 512]
CSV_HEADER = ("framework,conv,model,size,case,batch,iterations,img_s,gflops,sgemm_gflops,heap_peak_mb,"
              "rss_peak_mb,javacpp_peak_mb,offheap_peak_mb,sec_median,sec_min,sec_max")


def features(model):
    layers, c = [], 3
    for n, w in zip(BLOCKS[model], WIDTHS):
        for _ in range(n):
            layers += [nn.Conv2d(c, w, 3, padding=1), nn.ReLU(inplace=True)]
            c = w
        layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers)


def head(kind, size):
    if kind == "compact":  # global average pool, dense 256, dropout, output (as the project's compact head)
        return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 256), nn.ReLU(inplace=True),
                             nn.Dropout(0.5), nn.Linear(256, CLASSES))
    flat = 512 * (size // 32) ** 2  # the paper's fc1 4096, fc2 4096
    return nn.Sequential(nn.Flatten(), nn.Linear(flat, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5),
                         nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(4096, CLASSES))


def mul_adds(model, size, kind):
    """(conv multiply-adds, head multiply-adds) per image, as VggLayout counts them."""
    conv, c, s = 0, 3, size
    for n, w in zip(BLOCKS[model], WIDTHS):
        for _ in range(n):
            conv += 9 * c * w * s * s
            c = w
        s //= 2
    hd = 512 * 256 + 256 * CLASSES if kind == "compact" else (512 * s * s) * 4096 + 4096 * 4096 + 4096 * CLASSES
    return conv, hd


def sgemm_gflops(n=1024, repeats=5):
    a, b = torch.rand(n, n), torch.rand(n, n)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    return 2 * n ** 3 / best / 1e9


def rss_peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def timed(step, warmup, iterations):
    for _ in range(warmup):
        step()
    out = []
    for _ in range(iterations):
        t = time.perf_counter()
        step()
        out.append(time.perf_counter() - t)
    return out


def train_step(net, params, x, y):
    opt = torch.optim.Adam(params, lr=1e-4)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(net(x), y).backward()
        opt.step()
    return step


def run_case(args, model, size, case, x, y, emit):
    conv_ma, head_ma = mul_adds(model, size, "compact")
    torch.manual_seed(args.seed)
    if case == "infer":
        net = nn.Sequential(features(model), head("compact", size)).eval()

        def infer():
            with torch.no_grad():
                net(x)
        emit(model, size, "infer", 2.0 * (conv_ma + head_ma), infer)
    elif case == "full":
        net = nn.Sequential(features(model), head("compact", size)).train()
        emit(model, size, "full", 6.0 * (conv_ma + head_ma), train_step(net, net.parameters(), x, y))
    elif case == "frozen":
        conv, hd = features(model), head("compact", size)
        for p in conv.parameters():
            p.requires_grad_(False)
        net = nn.Sequential(conv, hd).train()
        emit(model, size, "frozen", 2.0 * (conv_ma + 3 * head_ma), train_step(net, hd.parameters(), x, y))
    elif case == "cached":
        conv = features(model).eval()

        def feature_pass():
            with torch.no_grad():
                return conv(x)
        emit(model, size, "features", 2.0 * conv_ma, feature_pass)
        cached = feature_pass()
        kinds = ["compact"] + (["paper"] if size == 224 else [])
        for kind in kinds:
            hd = head(kind, size).train()
            emit(model, size, "cached-" + kind, 6.0 * mul_adds(model, size, kind)[1],
                 train_step(hd, hd.parameters(), cached, y))
    else:
        sys.exit("unknown case " + case)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="vgg16,vgg19")
    ap.add_argument("--sizes", default="64,128,224")
    ap.add_argument("--cases", default="infer,full,frozen,cached")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--iterations", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--csv")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, mkldnn {torch.backends.mkldnn.is_available()},"
          f" LD_LIBRARY_PATH={os.environ.get('LD_LIBRARY_PATH')}; batch {args.batch}; {args.warmup} warm-up + "
          f"{args.iterations} timed iterations, median; synthetic data, seed {args.seed}")

    def emit(model, size, case, flops, step):
        sgemm = sgemm_gflops()
        secs = timed(step, args.warmup, args.iterations)
        med = statistics.median(secs)
        ips = args.batch / med
        print(f"{model:<6} {size:3d} px  {case:<14} b{args.batch:<3d} {ips:8.2f} img/s {flops * ips / 1e9:7.1f} GFLOP/s"
              f" | sgemm {sgemm:6.1f} GFLOP/s | rss peak {rss_peak_mb() / 1e3:5.2f} GB | {med:.3f} s/iter "
              f"(min {min(secs):.3f}, max {max(secs):.3f}, n={len(secs)}) [pytorch]", flush=True)
        if args.csv:
            new = not os.path.exists(args.csv)
            with open(args.csv, "a") as f:
                if new:
                    f.write(CSV_HEADER + "\n")
                f.write(f"pytorch,mkldnn,{model},{size},{case},{args.batch},{len(secs)},{ips:.3f},"
                        f"{flops * ips / 1e9:.2f},{sgemm:.2f},,{rss_peak_mb():.0f},,,{med:.4f},{min(secs):.4f},"
                        f"{max(secs):.4f}\n")

    for model in args.models.split(","):
        for size in map(int, args.sizes.split(",")):
            torch.manual_seed(args.seed)
            x = torch.rand(args.batch, 3, size, size) * 255 - 120
            y = torch.arange(args.batch) % CLASSES
            for case in args.cases.split(","):
                run_case(args, model, size, case, x, y, emit)


if __name__ == "__main__":
    main()
