#!/usr/bin/env bash
# Data-parallel overhead: two MPI ranks with one libtorch thread each against one process with two threads, on the
# same global batch (2 x 64 = 128), training the MLP on 50,000 Fashion-MNIST images. The figure is the mean
# training time of epochs 2..E of each, and their ratio (ranks / single process); the goal is at most 1.15.
#
# Needs: apt-get install dataset-fashion-mnist openmpi-bin
# Run:   bash bench/distributed.sh [EPOCHS]        (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EPOCHS=${1:-4}
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
command -v mpirun > /dev/null || { echo "bench: no mpirun; apt-get install openmpi-bin" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
riffle=src/Riffle.Cli/bin/Release/net10.0/riffle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(train --data "$DATA" --model mlp --epochs "$EPOCHS" --val-fraction 0.16666667 --seed 7)
mean() { awk -F'\t' 'NR > 2 { s += $2; n++ } END { printf "%.4f", s / n }' "$1/metrics.tsv"; }

"$riffle" "${common[@]}" --batch-size 128 --threads 2 --out "$work/single" > /dev/null
mpirun -np 2 --bind-to core "$riffle" "${common[@]}" --batch-size 64 --threads 1 --out "$work/ranks" > /dev/null
single=$(mean "$work/single"); ranks=$(mean "$work/ranks")
echo "one process, 2 threads, batch 128:        epoch_seconds $single"
echo "two ranks, 1 thread each, batch 64 each:  epoch_seconds $ranks"
awk -v s="$single" -v r="$ranks" 'BEGIN { printf "ratio ranks/single: %.3f (goal: at most 1.15)\n", r / s }'
echo "Train Loss per epoch (single | ranks):"
paste <(cut -f1,3 "$work/single/metrics.tsv") <(cut -f3 "$work/ranks/metrics.tsv")
