#!/usr/bin/env bash
# Benchmark: each uplift approach with a logistic and an xgboost base learner, and the uplift
# forest, against the Python peers (../shared/peers/peer_uplift.py: scikit-learn, XGBoost,
# scikit-uplift's metrics).
#
# Trains each on the Hillstrom train rows (sample-data/hillstrom, women's e-mail vs no e-mail,
# outcome visit), predicts the test rows, and scores the uplift with the peer's own metric code
# (bench/uplift_metrics.py), so both columns of the table are measured the same way.
#
# usage: bench/uplift.sh [--outcome visit] [--threads N] [--work DIR] [--no-peer]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
outcome=visit threads=$(nproc) work=${TMPDIR:-/tmp}/precis-uplift peer=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --outcome) outcome=$2; shift 2 ;; --threads) threads=$2; shift 2 ;;
    --work) work=$2; shift 2 ;; --no-peer) peer=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
data="$root/sample-data/hillstrom" peers="$root/../shared/peers/peer_uplift.py"
other=$([[ $outcome == visit ]] && echo conversion || echo visit)

printf '%-38s %9s %9s %9s %7s\n' model qini_auc auuc 'up@30' fit_s
# the uplift forest is no base learner: its row pairs model.uplift forest with its own type
for pair in two-model:logistic two-model:xgboost single-model:logistic single-model:xgboost \
  class-transformation:logistic class-transformation:xgboost forest:uplift-forest; do
  approach=${pair%%:*} base=${pair#*:} name=$approach-$base
  "$precis" train --config "$data/hillstrom.yaml" --set "data.target=$outcome" \
    --set "data.drop=[$other,spend]" --set "model.uplift=$approach" --model "$base" \
    --set "engine.threads=$threads" --out "$work/$name.precis" --force --quiet
  "$precis" predict --model "$work/$name.precis" --data "$data/test.csv" \
    --out "$work/$name.csv" --force --quiet
  /usr/bin/python3 "$root/bench/uplift_metrics.py" "$peers" "$data/test.csv" "$work/$name.csv" \
    segment "Womens E-Mail" "No E-Mail" "$outcome" > "$work/$name.json"
  printf '%-38s %9.4f %9.4f %9.4f %7.2f\n' "precis $name" \
    "$(json "$work/$name.json" 'd["qini_auc"]')" "$(json "$work/$name.json" 'd["uplift_auc"]')" \
    "$(json "$work/$name.json" 'd["uplift@30_overall"]')" \
    "$(json "$work/$name.train-report.json" 'd["timings_seconds"]["fit"]')"
done
if [[ $peer == 1 ]]; then
  /usr/bin/python3 "$peers" --train "$data/train.csv" --test "$data/test.csv" --outcome "$outcome" \
    --threads "$threads" --models t-lr,t-xgb,s-lr,s-xgb,ct-lr,ct-xgb,random > "$work/peers.jsonl"
  /usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    print("%-38s %9.4f %9.4f %9.4f %7.2f" % ("peer " + d["model"], d["qini_auc"], d["uplift_auc"],
          d["uplift@30_overall"], d["fit_s"]))' "$work/peers.jsonl"
fi
