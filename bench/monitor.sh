#!/usr/bin/env bash
# The live monitor's cost: trains the MLP for a few epochs on 50,000 Fashion-MNIST images with the doctor on and
# prints the monitor's own time against the training time (riffle measures it around every monitor call; the
# per-step bookkeeping it needs is two integers per batch). Goal: at most 1% of an epoch.
#
# Needs: apt-get install dataset-fashion-mnist
# Run:   bash bench/monitor.sh [EPOCHS]        (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EPOCHS=${1:-4}
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src/Riffle.Cli/bin/Release/net10.0/riffle train --data "$DATA" --model mlp --epochs "$EPOCHS" --val-fraction 0.16666667 \
  --threads 2 --doctor warn --out "$work/run" | grep -E '^(data|doctor: live monitor)'
