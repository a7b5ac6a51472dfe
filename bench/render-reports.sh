#!/usr/bin/env bash
# Trains the bank model (logistic) and an xgboost challenger with train --html, evaluates them
# against each other on the bank sample with campaign economics (eval --challenger --html), and
# renders the three pages to PNGs with bench/render-report.sh, to look at before a change to the
# HTML reports is called done.
# Usage: bench/render-reports.sh [outdir]   (default out/reports)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/reports}
mkdir -p "$out"
bin/precis train --config sample-data/bank/bank.yaml --out "$out/bank.precis" \
  --html "$out/train.html" --force --quiet
bin/precis train --config sample-data/bank/bank.yaml --model xgboost \
  --set 'model.params={}' --set model.params.rounds=60 --out "$out/xgb.precis" \
  --html "$out/train-xgb.html" --force --quiet
bin/precis eval --model "$out/bank.precis" --challenger "$out/xgb.precis" \
  --data sample-data/bank/bank-additional.csv \
  --set 'eval.economics={cost: 2, value: 30, fixed: 100}' \
  --out "$out/eval.json" --html "$out/eval.html" --force --quiet
for page in train train-xgb eval; do
  bench/render-report.sh "$out/$page.html" "$out/$page.png"
done
