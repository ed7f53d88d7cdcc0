#!/usr/bin/env bash
# Pre-flight audit speed: the audit of riffle doctor audit on the full Fashion-MNIST (60,000 training + 10,000 test
# images), one rank, the default loader (batch 128, shuffled, seed 42, 10% validation split): the label order of two
# epochs and an XXH64 content hash of all 70,000 images across train, val and test.
#
# Times are measured inside the process by the library (AuditReport.Elapsed), after the data is loaded and split.
# `riffle bench audit` runs the audit several times in one process: the first run includes just-in-time compilation
# of the audit's code, as the audit at the start of `riffle train` pays it; the later runs show the work alone. The
# script starts several fresh processes and prints the medians of both. Target: at most 50 ms.
#
# Needs: apt-get install dataset-fashion-mnist
# Run:   bash bench/audit.sh [processes, default 5] [more audit options, e.g. --order by-label --shuffle false]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
RUNS=${1:-5}
shift $(( $# > 0 ? 1 : 0 ))
[ -d "$DATA" ] || { echo "bench: $DATA not found; apt-get install dataset-fashion-mnist" >&2; exit 2; }
dotnet build src/Riffle.Cli -c Release -v q -nologo > /dev/null
riffle() { dotnet src/Riffle.Cli/bin/Release/net10.0/riffle.dll "$@"; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for run in $(seq "$RUNS"); do
  # The last line: "audit: first 35.3 ms, then median 13.9 ms".
  line=$(riffle bench audit --data "$DATA" --repeat 5 "$@" | tail -n 1)
  echo "process $run: $line"
  echo "$line" | awk '{ print $3, $7 }' >> "$results"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
first=$(awk '{ print $1 }' "$results" | median)
warm=$(awk '{ print $2 }' "$results" | median)
echo "audit of 60,000 + 10,000 images, 2 epochs, over $RUNS processes: first audit in a process (compilation included) median $first ms; later audits median $warm ms"
