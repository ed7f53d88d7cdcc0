#!/usr/bin/python3
# PyTorch 1.13 reference for Riffle's training-speed benchmark.
#
# Measures the wall-clock time of one training epoch (the loop over the
# DataLoader only: batching, forward, loss, backward, SGD step, per-step
# .item() bookkeeping) of a 784-256-10 MLP on Fashion-MNIST, fed through a
# DistributedSampler(num_replicas=1) + DataLoader as a typical user would.
# Data loading/normalisation and model construction are not timed.
#
# Output: "blas: openblas|other" (torch.__config__.show(), or the OpenBLAS
# library actually loaded: Debian's build reports BLAS_INFO=generic but links
# libblas.so.3 -> OpenBLAS), one line per epoch
#   epoch E: seconds S train_loss L train_acc A
# and a final line "epoch_seconds: X" (mean of epochs 2..E if E >= 2,
# otherwise epoch 1), 4 decimals.
#
# Threads: --threads sets torch's intra-op and inter-op pools; OpenBLAS
# (GEMMs) runs with OPENBLAS_NUM_THREADS, 1 unless already exported.
#
# Run with Debian's system torch (not the pyenv python on PATH):
#   /usr/bin/python3 bench/pytorch_mlp_epoch.py \
#       [--data /usr/share/datasets/fashion-mnist] [--train-size 50000] \
#       [--epochs 2] [--threads 2] [--batch-size 128] [--workers 0] \
#       [--seed 7] [--lr 0.01] [--momentum 0.9]

import argparse
import gzip
import os
import sys
import time

import numpy as np

MEAN = 0.2860
STD = 0.3530


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    got = int.from_bytes(data[0:4], "big")
    if got != magic:
        raise ValueError(f"{path}: bad IDX magic {got}, expected {magic}")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        raise ValueError(f"{path}: expected {dims} elements, got {arr.size}")
    return arr.reshape(dims)


def load_train(data_dir, n):
    images = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"), 2051)
    labels = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"), 2049)
    if n > images.shape[0]:
        raise ValueError(f"--train-size {n} > {images.shape[0]} available images")
    x = images[:n].reshape(n, -1).astype(np.float32) / 255.0
    x = (x - MEAN) / STD
    y = labels[:n].astype(np.int64)
    return x, y


def detect_blas(torch):
    """'openblas' if torch's config names it, or (Debian builds report
    BLAS_INFO=generic but link libblas.so.3 -> OpenBLAS) if an OpenBLAS
    library is mapped into this process after a matmul."""
    if "openblas" in torch.__config__.show().lower():
        return "openblas"
    torch.ones(8, 8) @ torch.ones(8, 8)
    try:
        with open("/proc/self/maps") as f:
            if "openblas" in f.read().lower():
                return "openblas"
    except OSError:
        pass
    return "other"


def main():
    p = argparse.ArgumentParser(description="PyTorch MLP epoch-time benchmark")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--train-size", type=int, default=50000)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    args = p.parse_args()
    if args.epochs < 1:
        p.error("--epochs must be >= 1")

    # Debian's "generic"-BLAS torch build does not forward set_num_threads to
    # OpenBLAS, whose own pool would default to one thread per core on top of
    # torch's --threads OpenMP threads. That oversubscription made epochs
    # ~2.5x slower on a 2-core box, so OpenBLAS defaults to 1 thread here
    # (override by exporting OPENBLAS_NUM_THREADS). Must be set before torch
    # is imported.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset
    from torch.utils.data.distributed import DistributedSampler

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    torch.manual_seed(args.seed)

    blas = detect_blas(torch)
    print(f"blas: {blas}", flush=True)
    if blas != "openblas":
        print("warning: torch does not appear to use OpenBLAS; timings are not "
              "comparable with the reference setup", file=sys.stderr)

    x, y = load_train(args.data, args.train_size)
    # Per-sample __getitem__ -> (784-float image tensor, scalar label tensor).
    ds = TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
    sampler = DistributedSampler(ds, num_replicas=1, rank=0, shuffle=True,
                                 seed=args.seed)
    loader = DataLoader(ds, batch_size=args.batch_size, sampler=sampler,
                        num_workers=args.workers)

    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    loss_fn = nn.CrossEntropyLoss()

    times = []
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)
        model.train()
        total_loss = 0.0
        correct = 0
        seen = 0
        t0 = time.perf_counter()
        for xb, yb in loader:
            opt.zero_grad()
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            n = yb.shape[0]
            total_loss += loss.item() * n
            correct += (out.argmax(1) == yb).sum().item()
            seen += n
        dt = time.perf_counter() - t0
        times.append(dt)
        print(f"epoch {epoch}: seconds {dt:.4f} train_loss {total_loss / seen:.4f} "
              f"train_acc {correct / seen:.4f}", flush=True)

    per_epoch = sum(times[1:]) / len(times[1:]) if len(times) >= 2 else times[0]
    print(f"epoch_seconds: {per_epoch:.4f}")


if __name__ == "__main__":
    main()
