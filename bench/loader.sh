#!/usr/bin/env bash
# Loader throughput: Riffle's DataLoader against PyTorch 1.13's DataLoader and TorchSharp's own DataLoader,
# side by side in one run, on the full Fashion-MNIST training set (60,000 images), batch 128, one shuffled
# epoch each, with augmentation (random crop with padding 4, horizontal flip, normalize), at 0 and 2 workers.
#
#   Riffle:     riffle bench loader --augment --workers N               (threads; 20 warm-up batches untimed)
#   TorchSharp: riffle bench loader --augment --workers N --impl torchsharp
#               (TorchSharp's DataLoader over the same data and transforms, one tensor per sample;
#                its num_worker counts the consumer, so 0 workers runs as num_worker=1)
#   PyTorch:    bench/pytorch_loader.py --augment --workers N            (DistributedSampler + DataLoader,
#               PIL + torchvision transforms, worker processes)
#
# Needs: apt-get install dataset-fashion-mnist python3-torch python3-torchvision libopenblas0-pthread
# Run:   bash bench/loader.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
/usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null || { echo "bench: no PyTorch/torchvision for /usr/bin/python3; apt-get install python3-torch python3-torchvision libopenblas0-pthread" >&2; exit 2; }
dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
riffle() { dotnet src/Riffle.Cli/bin/Release/net10.0/riffle.dll "$@"; }
rate() { awk '/^samples\/s:/ { print $2 }'; }

printf '%-8s %14s %14s %14s %16s %16s\n' workers riffle torchsharp pytorch riffle/pytorch riffle/torchsharp
for workers in 0 2; do
  r=$(riffle bench loader --data "$DATA" --augment --workers "$workers" | rate)
  t=$(riffle bench loader --data "$DATA" --augment --workers "$workers" --impl torchsharp | rate)
  p=$(/usr/bin/python3 bench/pytorch_loader.py --data "$DATA" --augment --workers "$workers" | rate)
  awk -v w="$workers" -v r="$r" -v t="$t" -v p="$p" \
    'BEGIN { printf "%-8s %14d %14d %14d %16.1f %16.1f\n", w, r, t, p, r / p, r / t }'
done
