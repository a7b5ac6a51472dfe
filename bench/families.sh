#!/usr/bin/env bash
# Benchmark: every model family against the Python peers on the same data, in one run.
#
# Trains each family with its defaults on a split's train file (85% fitted, 15% validation),
# scores the split's test file with `precis eval`, and runs ../shared/peers/peer_tabular.py
# (scikit-learn, XGBoost, PyTorch from Debian's packages) on the same files. Then it times
# xgboost and mlp with the peers' exact settings (rounds, depth, rate, threads; layers, epochs,
# batch) and prints the fit-time ratios: below 1.0 means Precis is faster.
#
# usage: bench/families.sh [--data DIR] [--sep ';'] [--target y] [--positive yes]
#                          [--drop duration] [--threads 2] [--families "logistic xgboost ..."]
#                          [--work DIR] [--no-peer] [--peer-positive VALUE]
# --peer-positive: the positive label as pandas reads it, where it differs (TRUE is read as True).
# DIR holds train.csv and test.csv (default: the bank split shipped with the tests).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
data="$root/src/test/resources/bank-split-seed42" sep=';' target=y positive=yes drop=duration
threads=$(nproc) work=${TMPDIR:-/tmp}/precis-families peer=1 peer_positive=
families="logistic linear-svm naive-bayes fm tree forest xgboost mlp"
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) data=$2; shift 2 ;; --sep) sep=$2; shift 2 ;; --target) target=$2; shift 2 ;;
    --positive) positive=$2; shift 2 ;; --drop) drop=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;; --families) families=$2; shift 2 ;;
    --work) work=$2; shift 2 ;; --no-peer) peer=0; shift ;;
    --peer-positive) peer_positive=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

# train NAME TYPE [--set ...]: fits, evaluates on test.csv; prints "auc fit_seconds"
train() {
  local name=$1 type=$2; shift 2
  "$precis" train --data "$data/train.csv" --set "data.delimiter=$sep" --target "$target" \
    --set "data.positive=$positive" --set "data.drop=[$drop]" --set prep.split.test=0 \
    --set "engine.threads=$threads" --model "$type" "$@" \
    --out "$work/$name.precis" --force --quiet
  "$precis" eval --model "$work/$name.precis" --data "$data/test.csv" \
    --out "$work/$name.eval.json" --force --quiet >/dev/null || true
  echo "$(json "$work/$name.eval.json" 'd["metrics"]["auc"]') $(json "$work/$name.train-report.json" 'd["timings_seconds"]["fit"]')"
}

echo "data: $data ($(($(wc -l < "$data/train.csv") - 1)) train rows), $threads threads"
printf '%-22s %8s %8s\n' "precis (defaults)" "test AUC" "fit s"
for family in $families; do
  read -r auc fit < <(train "$family" "$family")
  printf '%-22s %8.4f %8.2f\n' "$family" "$auc" "$fit"
done

[[ $peer == 1 ]] || exit 0
echo
echo "peers (../shared/peers/peer_tabular.py, same files, $threads threads)"
/usr/bin/python3 "$root/../shared/peers/peer_tabular.py" --train "$data/train.csv" \
  --test "$data/test.csv" --sep "$sep" --target "$target" --positive "${peer_positive:-$positive}" --drop "$drop" \
  --models lr,hgb,xgb,mlp --threads "$threads" > "$work/peers.jsonl"
while read -r line; do
  /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("%-22s %8.4f %8.2f" % (r["tool"] + " " + r["model"], r["auc"], r["fit_s"]))' "$line"
done < "$work/peers.jsonl"
peer_fit() { peer_value "$work/peers.jsonl" "$1" fit_s; }

echo
echo "same settings as the peer (fit time ratio precis / peer; below 1.0 is faster)"
# The peer fits one network on every train row with no early stopping: so do these.
XGB_AS_PEER=(--set prep.split.valid=0 --set model.params.rounds=300 --set model.params.max_depth=6
  --set model.params.learning_rate=0.05 --set model.params.subsample=0.8
  --set model.params.colsample_bytree=0.8)
MLP_AS_PEER=(--set prep.split.valid=0 --set 'model.params.hidden=[64,32]' --set model.params.epochs=20
  --set model.params.batch_size=256 --set model.params.learning_rate=0.001 --set model.params.members=1
  --set model.params.dropout=0 --set model.params.l2=0)
read -r auc fit < <(train xgboost-as-peer xgboost "${XGB_AS_PEER[@]}")
printf '%-22s %8.4f %8.2f   x%.2f of XGBoost (%.2f s)\n' "xgboost 300x6 eta .05" "$auc" "$fit" \
  "$(ratio "$fit" "$(peer_fit xgb)")" "$(peer_fit xgb)"
read -r auc fit < <(train mlp-as-peer mlp "${MLP_AS_PEER[@]}")
printf '%-22s %8.4f %8.2f   x%.2f of PyTorch (%.2f s)\n' "mlp 64-32 20 ep b256" "$auc" "$fit" \
  "$(ratio "$fit" "$(peer_fit mlp)")" "$(peer_fit mlp)"
