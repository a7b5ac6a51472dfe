#!/usr/bin/env bash
# The cost of `predict --explain 3` beside plain predict on the bank full file (41,188 rows), per
# family: best of $RUNS runs (default 3) of the scoring time (the summary's total, JVM start-up
# left out) and of the process's CPU time (user + sys, start-up included, so the difference is
# what explaining costs in CPU whatever else the machine runs), in seconds and per million rows.
# Usage: bench/explain-cost.sh [threads] [family ...]   (default: logistic xgboost; trains each
# bundle into $TMPDIR unless there)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
shift || true
families=("$@")
[ ${#families[@]} -gt 0 ] || families=(logistic xgboost)
runs=${RUNS:-3}
tmp=${TMPDIR:-/tmp}
data=sample-data/bank/bank-additional-full.csv
rows=$(($(wc -l < "$data") - 1))
best() { # best of $runs runs: "scoring-seconds cpu-seconds"
  local wall=999999 cpu=999999 t c
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%U %S' -o "$tmp/explain-cpu.txt" \
      "$@" --summary "$tmp/explain-summary.json" > /dev/null
    t=$(python3 -c "import json; print(json.load(open('$tmp/explain-summary.json'))['timings_seconds']['total'])")
    c=$(python3 -c "u, s = open('$tmp/explain-cpu.txt').read().split()[-2:]; print(float(u) + float(s))")
    wall=$(python3 -c "print(min($wall, $t))")
    cpu=$(python3 -c "print(min($cpu, $c))")
  done
  echo "$wall $cpu"
}
for family in "${families[@]}"; do
  bundle="$tmp/explain-$family.precis"
  if [ ! -f "$bundle" ]; then
    params=(--set 'model.params={}')
    [ "$family" = logistic ] && params=()
    bin/precis train --config sample-data/bank/bank.yaml --model "$family" "${params[@]}" \
      --out "$bundle" --quiet
  fi
  run=(bin/precis predict --model "$bundle" --data "$data" --out /dev/null
       --threads "$threads" --quiet --force)
  read -r plain plain_cpu <<< "$(best "${run[@]}")"
  read -r explain explain_cpu <<< "$(best "${run[@]}" --explain 3)"
  python3 -c "
rows=$rows; p=$plain; e=$explain; pc=$plain_cpu; ec=$explain_cpu; m=1e6/rows
print(f'$family: plain {p:.2f}s, --explain 3 {e:.2f}s on {rows:,} rows;'
      f' per million rows {p*m:.1f}s vs {e*m:.1f}s (+{(e-p)*m:.1f}s),'
      f' CPU +{(ec-pc)*m:.1f}s')"
done
