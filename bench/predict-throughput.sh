#!/usr/bin/env bash
# Benchmark: `precis predict` throughput on a 1M-row file made by repeating the bank data.
#
# Trains a logistic bundle on the sample data, builds the big file once (kept in the work dir),
# then times predict end to end (JVM start included) with the heap capped, for each thread count,
# and checks the outputs are byte-identical. With --peer it also times pandas + scikit-learn
# (../shared/peers/peer_tabular.py, Debian's python3-sklearn) scoring the same file.
#
# usage: bench/predict-throughput.sh [--rows N] [--heap 256m] [--runs 3] [--peer] [--work DIR]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
rows=1000000 heap=256m runs=3 peer=0 work=${TMPDIR:-/tmp}/precis-bench
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) rows=$2; shift 2 ;; --heap) heap=$2; shift 2 ;; --runs) runs=$2; shift 2 ;;
    --peer) peer=1; shift ;; --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
data="$root/sample-data/bank/bank-additional-full.csv"
big="$work/bank-$rows.csv"
precis="$root/bin/precis"

if [[ ! -f "$big" ]]; then
  echo "making $big ($rows rows, repeating $(basename "$data"))" >&2
  awk -v rows="$rows" 'NR == 1 { print; next } { line[++m] = $0 } END { for (i = 0; i < rows; i++) print line[i % m + 1] }' \
    "$data" > "$big.tmp" && mv "$big.tmp" "$big"
fi
"$precis" train --config "$root/sample-data/bank/bank.yaml" --out "$work/bank.precis" --force --quiet
"$precis" --version >/dev/null   # first run after a build records the class-data archive

echo "predict: $rows rows, -Xmx$heap, $(nproc) cores, best of $runs runs (wall time, JVM start included)"
for threads in 1 2; do
  best=
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s.%N)
    PRECIS_JAVA_OPTS="-Xmx$heap" "$precis" predict --model "$work/bank.precis" --data "$big" \
      --out "$work/scores-$threads.csv" --top-percent 10 --threads "$threads" --force --quiet
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    if [[ -z $best ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  printf '  threads %d: %.2f s  %8.0f rows/s\n' "$threads" "$best" "$(awk -v r="$rows" -v s="$best" 'BEGIN { print r / s }')"
done
if cmp -s "$work/scores-1.csv" "$work/scores-2.csv"; then
  echo "  output identical for 1 and 2 threads"
else
  echo "  OUTPUT DIFFERS between thread counts" >&2
  exit 1
fi

if [[ $peer == 1 ]]; then
  split="$root/src/test/resources/bank-split-seed42"
  echo "peer: pandas + scikit-learn logistic, read + transform + predict + write of the same file"
  /usr/bin/python3 "$root/../shared/peers/peer_tabular.py" --train "$split/train.csv" --test "$split/test.csv" \
    --sep ';' --target y --positive yes --drop duration --models lr --threads "$(nproc)" \
    --score "$big" --score-out "$work/peer-scores.csv" |
    /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print("  %.2f s  %8d rows/s" % (r["score_s"], r["score_rows_per_s"]))'
fi
