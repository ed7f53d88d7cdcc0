#!/usr/bin/python3
# PyTorch 1.13 reference for Riffle's data-loader throughput benchmark.
#
# Measures the wall-clock time of one shuffled epoch of the full
# Fashion-MNIST training set (60,000 images) through torch.utils.data.
# DataLoader + DistributedSampler(num_replicas=1, rank=0, shuffle=True), as a
# typical PyTorch user writes it: a map-style Dataset whose __getitem__ takes
# the uint8 28x28 image, wraps it in a PIL image (Image.fromarray(.., "L")),
# applies a torchvision transform and returns (float tensor, int label); the
# default collate stacks each batch. No model: each batch is only consumed
# (images.shape touched, labels counted), so this is the input pipeline alone.
#
# Transforms:
#   --augment: RandomCrop(28, padding=4), RandomHorizontalFlip(), ToTensor(),
#              Normalize((0.2860,), (0.3530,))
#   otherwise: ToTensor(), Normalize((0.2860,), (0.3530,))
#
# Timing: first --warmup-batches batches of a separate epoch (set_epoch(1))
# are drawn and that iterator is discarded (workers shut down). Then epoch 0
# is timed from creating the iterator to receiving the last batch; with
# --workers > 0 that includes starting the worker processes, as in any epoch
# with non-persistent workers. Reading/decoding the IDX files is not timed.
#
# Threads: torch.set_num_threads(1) in the main process; DataLoader worker
# processes keep their default (torch itself sets 1 intra-op thread in each
# worker). OpenBLAS runs with OPENBLAS_NUM_THREADS, 1 unless already exported
# (as in pytorch_mlp_epoch.py; nothing here is a GEMM, it only avoids idle
# OpenBLAS pools in each process).
#
# Output: one line
#   pytorch loader: 60000 samples, batch 128, N workers, augmented|not augmented: B batches in S s
# and a final line "samples/s: X" (integer).
#
# Run with Debian's system torch/torchvision (not the pyenv python on PATH;
# needs python3-torchvision):
#   /usr/bin/python3 bench/pytorch_loader.py \
#       [--data /usr/share/datasets/fashion-mnist] [--workers 0|2] \
#       [--batch-size 128] [--augment] [--seed 0] [--warmup-batches 20]

import argparse
import gzip
import os
import sys
import time

import numpy as np

# Must be set before torch is imported (see pytorch_mlp_epoch.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402
from PIL import Image  # noqa: E402
from torch.utils.data import DataLoader, Dataset  # noqa: E402
from torch.utils.data.distributed import DistributedSampler  # noqa: E402
from torchvision import transforms  # noqa: E402

MEAN = 0.2860
STD = 0.3530


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if len(data) < 4:
        raise ValueError(f"{path}: too short to be an IDX file")
    got = int.from_bytes(data[0:4], "big")
    if got != magic:
        raise ValueError(f"{path}: bad IDX magic {got:#010x}, expected "
                         f"{magic:#010x} (not an IDX "
                         f"{'image' if magic == 2051 else 'label'} file?)")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        raise ValueError(f"{path}: expected {dims} elements, got {arr.size}")
    return arr.reshape(dims)


def load_train(data_dir):
    images = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"), 2051)
    labels = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"), 2049)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise ValueError(f"expected N x 28 x 28 images, got {images.shape}")
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"{images.shape[0]} images but {labels.shape[0]} labels")
    return images, labels


class FashionMNIST(Dataset):
    """uint8 28x28 image -> PIL "L" image -> transform; (tensor, int label)."""

    def __init__(self, images, labels, transform):
        self.images = images
        self.labels = labels
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = Image.fromarray(self.images[i], mode="L")
        return self.transform(img), int(self.labels[i])


def main():
    p = argparse.ArgumentParser(description="PyTorch DataLoader throughput benchmark")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--augment", action="store_true")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--warmup-batches", type=int, default=20)
    args = p.parse_args()
    if args.workers < 0:
        p.error("--workers must be >= 0")
    if args.batch_size < 1:
        p.error("--batch-size must be >= 1")
    if args.warmup_batches < 0:
        p.error("--warmup-batches must be >= 0")

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)

    normalize = transforms.Normalize((MEAN,), (STD,))
    if args.augment:
        transform = transforms.Compose([
            transforms.RandomCrop(28, padding=4),
            transforms.RandomHorizontalFlip(),
            transforms.ToTensor(),
            normalize,
        ])
    else:
        transform = transforms.Compose([transforms.ToTensor(), normalize])

    try:
        images, labels = load_train(args.data)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
    ds = FashionMNIST(images, labels, transform)
    sampler = DistributedSampler(ds, num_replicas=1, rank=0, shuffle=True,
                                 seed=args.seed)
    loader = DataLoader(ds, batch_size=args.batch_size, sampler=sampler,
                        num_workers=args.workers)

    # Warm-up on a separate epoch; dropping the iterator shuts its workers
    # down before the timed epoch starts.
    if args.warmup_batches > 0:
        sampler.set_epoch(1)
        it = iter(loader)
        for _ in range(args.warmup_batches):
            try:
                next(it)
            except StopIteration:
                break
        del it

    sampler.set_epoch(0)
    batches = 0
    samples = 0
    t0 = time.perf_counter()
    for xb, yb in loader:
        _ = xb.shape
        samples += len(yb)
        batches += 1
    dt = time.perf_counter() - t0

    if samples != len(ds):
        print(f"error: epoch yielded {samples} samples, expected {len(ds)}",
              file=sys.stderr)
        sys.exit(1)
    print(f"pytorch loader: {samples} samples, batch {args.batch_size}, "
          f"{args.workers} workers, "
          f"{'augmented' if args.augment else 'not augmented'}: "
          f"{batches} batches in {dt:.3f} s", flush=True)
    print(f"samples/s: {round(samples / dt)}")


if __name__ == "__main__":
    main()
