#!/usr/bin/env bash
# The cost of `predict --explain 3` beside plain predict on the bank full file (41,188 rows), for
# a logistic and an xgboost bundle: best of 3 runs' scoring time each (JVM start-up left out),
# in seconds and per million rows.
# Usage: bench/explain-cost.sh [threads]   (trains the two bundles into $TMPDIR unless there)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
tmp=${TMPDIR:-/tmp}
data=sample-data/bank/bank-additional-full.csv
rows=$(($(wc -l < "$data") - 1))
[ -f "$tmp/explain-logistic.precis" ] ||
  bin/precis train --config sample-data/bank/bank.yaml --out "$tmp/explain-logistic.precis" --quiet
[ -f "$tmp/explain-xgboost.precis" ] ||
  bin/precis train --config sample-data/bank/bank.yaml --model xgboost --set 'model.params={}' \
    --out "$tmp/explain-xgboost.precis" --quiet
best() { # best of 3 runs' scoring time (the summary's total, JVM start-up left out), in seconds
  local best=999999 t
  for _ in 1 2 3; do
    "$@" --summary "$tmp/explain-summary.json" > /dev/null
    t=$(python3 -c "import json; print(json.load(open('$tmp/explain-summary.json'))['timings_seconds']['total'])")
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best"
}
for family in logistic xgboost; do
  run=(bin/precis predict --model "$tmp/explain-$family.precis" --data "$data" --out /dev/null
       --threads "$threads" --quiet --force)
  plain=$(best "${run[@]}")
  explain=$(best "${run[@]}" --explain 3)
  python3 -c "
rows=$rows; p=$plain; e=$explain
print(f'$family: plain {p:.2f}s, --explain 3 {e:.2f}s on {rows:,} rows;'
      f' per million rows {p/rows*1e6:.1f}s vs {e/rows*1e6:.1f}s (+{(e-p)/rows*1e6:.1f}s)')"
done
