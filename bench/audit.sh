#!/usr/bin/env bash
# Pre-flight audit speed: riffle doctor audit on the full Fashion-MNIST (60,000 training + 10,000 test images),
# one rank, the default loader (batch 128, shuffled, seed 42, 10% validation split): the label order of two epochs
# and an XXH64 content hash of all 70,000 images across train, val and test.
#
# The figure is measured inside the process by the library (AuditReport.Elapsed), after the data is loaded and
# split, and is the first and only audit of that process: just-in-time compilation of the audit's code included,
# as a real `riffle train` start-up would pay it. Each run is a fresh process; the script prints every run and the
# median. Target: at most 50 ms.
#
# Needs: apt-get install dataset-fashion-mnist
# Run:   bash bench/audit.sh [runs, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
RUNS=${1:-7}
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
riffle() { dotnet src/Riffle.Cli/bin/Release/net10.0/riffle.dll "$@"; }

times=()
for run in $(seq "$RUNS"); do
  # The last line: "audit: 31.4 ms (hashing pixels 15.2 ms), after loading the data". Exit code 1 would mean findings.
  line=$(riffle doctor audit --data "$DATA" | tail -n 1)
  echo "run $run: $line"
  times+=("$(echo "$line" | awk '{ print $2 }')")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "audit of 60,000 + 10,000 images, 1 rank, 2 epochs: median %.1f ms over %d runs (min %.1f, max %.1f)\n", m, NR, t[1], t[NR] }'
