#!/usr/bin/env bash
# Training-epoch speed: Riffle against PyTorch 1.13, side by side in one run.
#
# Same work on both sides: the 784-256-10 MLP, SGD (lr 0.01, momentum 0.9), batch 128, 2 threads,
# one shuffled epoch over 50,000 Fashion-MNIST training images (the full set less a 10,000-image
# validation split), fed through DistributedSampler(num_replicas=1) + a DataLoader.
# Each side's figure is the mean training time of epochs 2..E (epoch 1 warms up).
# PyTorch runs twice: with OpenBLAS at 1 thread (its faster setting on this 2-core machine) and at 2.
#
# Needs: apt-get install dataset-fashion-mnist python3-torch libopenblas0-pthread
# Run:   bash bench/train-epoch.sh [EPOCHS]        (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EPOCHS=${1:-4}
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "bench: no PyTorch for /usr/bin/python3; apt-get install python3-torch libopenblas0-pthread" >&2; exit 2; }

dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Riffle (TorchSharp 0.107.0, libtorch 2.10)"
dotnet src/Riffle.Cli/bin/Release/net10.0/riffle.dll train --data "$DATA" --model mlp --epochs "$EPOCHS" \
  --batch-size 128 --threads 2 --val-fraction 0.16666667 --out "$work/riffle" | tee "$work/riffle.log" | grep -E '^(data|  +[0-9])'
grep -q 'train 50000,' "$work/riffle.log" || { echo "bench: expected 50,000 training images" >&2; exit 1; }
riffle=$(awk -F'\t' 'NR > 2 { s += $2; n++ } END { printf "%.4f", s / n }' "$work/riffle/metrics.tsv")

declare -A torch_s
for blas in 1 2; do
  echo "== PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), OPENBLAS_NUM_THREADS=$blas"
  OPENBLAS_NUM_THREADS=$blas /usr/bin/python3 bench/pytorch_mlp_epoch.py --data "$DATA" --train-size 50000 \
    --epochs "$EPOCHS" --threads 2 --batch-size 128 | tee "$work/torch$blas.log"
  torch_s[$blas]=$(awk '/^epoch_seconds:/ { print $2 }' "$work/torch$blas.log")
done

echo
echo "riffle epoch_seconds:                      $riffle"
for blas in 1 2; do
  awk -v b="$blas" -v t="${torch_s[$blas]}" -v r="$riffle" \
    'BEGIN { printf "pytorch epoch_seconds (OpenBLAS %s thread): %s   ratio pytorch/riffle: %.2f\n", b, t, t / r }'
done
