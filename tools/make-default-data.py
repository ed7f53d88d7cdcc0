#!/usr/bin/env python3
"""Makes Riffle's embedded default dataset: a stratified subset of Fashion-MNIST.

Run:  python3 tools/make-default-data.py [--source /usr/share/datasets/fashion-mnist] [--out data/fashion-mnist-subset]

Source: Debian's package `dataset-fashion-mnist` (apt-get install dataset-fashion-mnist), the full
60,000 + 10,000 images. Takes the first 1,000 training and the first 200 test images of each class, in
the files' own order (which is already shuffled), and writes the four IDX files gzip-compressed with a
zero timestamp, so the output is byte-for-byte reproducible. Standard library only.
"""
import argparse
import gzip
import os
import struct
import sys


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    got, = struct.unpack(">i", data[:4])
    if got != magic:
        sys.exit(f"{path}: magic 0x{got:08X}, expected 0x{magic:08X}")
    ndim = data[3]
    dims = struct.unpack(">" + "i" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def pick(labels, per_class, classes=10):
    taken = [0] * classes
    chosen = []
    for i, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(i)
    if any(t < per_class for t in taken):
        sys.exit(f"not enough samples: per class {taken}, wanted {per_class}")
    return chosen


def write_idx(path, magic, dims, payload):
    header = struct.pack(">i", magic) + struct.pack(">" + "i" * len(dims), *dims)
    tmp = path + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as f:
            f.write(header + payload)
    os.replace(tmp, path)


def subset(source, out, prefix, per_class):
    (n, rows, cols), pixels = read_idx(os.path.join(source, f"{prefix}-images-idx3-ubyte.gz"), 0x803)
    (m,), labels = read_idx(os.path.join(source, f"{prefix}-labels-idx1-ubyte.gz"), 0x801)
    if n != m:
        sys.exit(f"{prefix}: {n} images but {m} labels")
    chosen = pick(labels, per_class)
    size = rows * cols
    write_idx(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"), 0x803, (len(chosen), rows, cols),
              b"".join(pixels[i * size:(i + 1) * size] for i in chosen))
    write_idx(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"), 0x801, (len(chosen),),
              bytes(labels[i] for i in chosen))
    print(f"{prefix}: {len(chosen)} of {n} images ({per_class} per class)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "fashion-mnist-subset"))
    ap.add_argument("--train-per-class", type=int, default=1000)
    ap.add_argument("--test-per-class", type=int, default=200)
    a = ap.parse_args()
    if not os.path.isdir(a.source):
        sys.exit(f"{a.source}: not found; install it with: apt-get install dataset-fashion-mnist")
    os.makedirs(a.out, exist_ok=True)
    subset(a.source, a.out, "train", a.train_per_class)
    subset(a.source, a.out, "t10k", a.test_per_class)


if __name__ == "__main__":
    main()
