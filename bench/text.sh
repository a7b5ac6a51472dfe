#!/usr/bin/env bash
# Benchmark: Precis's text models against the Python peers on the same split, in one run.
#
# Runs ../shared/peers/peer_text.py (scikit-learn, PyTorch from Debian's packages) on the train
# and test files, then trains the matching Precis model on every train row (no validation part,
# as the peers fit all of them) and scores the test file with `precis eval`:
#   tfidf-lr  scikit-learn TF-IDF + logistic  vs  logistic on prep.text tfidf, word 1-2 grams,
#                                                 min_count 2 (sample-data/sms/sms.yaml)
#   bow-nb    CountVectorizer + MultinomialNB  vs  naive-bayes on prep.text weighting counts
#   lstm      PyTorch Embedding-LSTM           vs  --model text-lstm
#   emb-bag   PyTorch averaged embeddings      vs  --model text-embedding-bag
#   minilm    (no peer)                        vs  logistic on prep.text.embed=minilm
# A Precis model this build does not have (unknown type or key) is printed as not available.
#
# Fit seconds: the peer's cover fitting its vectoriser or tokenizer and the model, not reading the
# file; Precis's are the train report's `features` (fitting the pipeline and encoding the rows,
# not reading them) plus `fit`, so neither counts start-up or reading. Ratio: Precis / peer, below
# 1.0 is faster. The last column is the whole `precis train` command (/usr/bin/time), JVM start,
# reading, scoring and the report included.
#
# usage: bench/text.sh [--train FILE] [--test FILE] [--text COL] [--target COL] [--positive VALUE]
#                      [--sep '\t'] [--threads N] [--models "tfidf-lr bow-nb lstm emb-bag minilm"]
#                      [--work DIR]
# Files are read without quoting (data.quote: none), as the peer reads them; the default is the
# SMS split in sample-data/sms. Columns other than the text and the target are left out.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
train="$root/sample-data/sms/train.tsv" test="$root/sample-data/sms/test.tsv"
text=text target=label positive=spam sep='\t' threads=$(nproc)
models="tfidf-lr bow-nb lstm emb-bag minilm" work=${TMPDIR:-/tmp}/precis-text
while [[ $# -gt 0 ]]; do
  case $1 in
    --train) train=$2; shift 2 ;; --test) test=$2; shift 2 ;; --text) text=$2; shift 2 ;;
    --target) target=$2; shift 2 ;; --positive) positive=$2; shift 2 ;; --sep) sep=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;; --models) models=$2; shift 2 ;; --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
delimiter=$sep
[[ $sep == '\t' ]] && delimiter=$'\t'

# The columns the peer does not read, for data.drop.
drop=$(/usr/bin/python3 -c 'import sys
header = open(sys.argv[1], encoding="utf-8").readline().rstrip("\r\n").split(sys.argv[2])
print(",".join(c for c in header if c not in sys.argv[3:]))' "$train" "$delimiter" "$text" "$target")
common=(--data "$train" --set "data.delimiter=$delimiter" --set data.quote=none
  --target "$target" --set "data.positive=$positive" --set "data.types={$text: text}"
  --set "data.drop=[$drop]" --set prep.split.valid=0 --set prep.split.test=0
  --set "engine.threads=$threads")

# The Precis side of each pair.
precis_args() {
  case $1 in
    tfidf-lr) echo --model logistic --set prep.text.ngram_min=1 --set prep.text.ngram_max=2 \
      --set prep.text.min_count=2 --set prep.text.weighting=tfidf ;;
    bow-nb) echo --model naive-bayes --set prep.text.weighting=counts ;;
    lstm) echo --model text-lstm ;;
    emb-bag) echo --model text-embedding-bag ;;
    minilm) echo --model logistic --set prep.text.embed=minilm ;;
    *) echo "unknown model $1 (choose from tfidf-lr bow-nb lstm emb-bag minilm)" >&2; exit 2 ;;
  esac
}

# run_precis NAME: trains and evaluates; prints "auc features_s fit_s command_s", or a reason.
run_precis() {
  local name=$1 args
  read -r -a args <<< "$(precis_args "$name")"
  if ! /usr/bin/time -f %e -o "$work/$name.time" "$precis" train "${common[@]}" "${args[@]}" \
      --out "$work/$name.precis" --force --quiet 2> "$work/$name.log"; then
    if grep -q "unknown model type\|unknown key" "$work/$name.log"; then echo "not available"
    else echo "failed (see $work/$name.log)"; fi
    return
  fi
  "$precis" eval --model "$work/$name.precis" --data "$test" --out "$work/$name.eval.json" \
    --force --quiet >/dev/null 2>> "$work/$name.log" || true
  local report="$work/$name.train-report.json"
  echo "$(json "$work/$name.eval.json" 'd["metrics"]["auc"]')" \
    "$(json "$report" 'd["timings_seconds"]["features"]')" \
    "$(json "$report" 'd["timings_seconds"]["fit"]')" "$(tail -n 1 "$work/$name.time")"
}

peers=$(for m in $models; do case $m in tfidf-lr|bow-nb|lstm|emb-bag) printf '%s,' "$m" ;; esac; done)
echo "train: $train ($(($(wc -l < "$train") - 1)) rows), test: $test; text '$text', $threads threads"
: > "$work/peers.jsonl"
if [[ -n $peers ]]; then
  /usr/bin/python3 "$root/../shared/peers/peer_text.py" --train "$train" --test "$test" \
    --sep "$sep" --text "$text" --target "$target" --positive "$positive" \
    --models "${peers%,}" --threads "$threads" > "$work/peers.jsonl"
fi

printf '%-9s %10s %8s %10s %8s %7s %12s\n' model "Precis AUC" "peer AUC" "Precis s" "peer s" ratio "precis cmd s"
for name in $models; do
  result=$(run_precis "$name")
  peer_auc=- peer_fit=-
  if grep -q "\"model\": \"$name\"" "$work/peers.jsonl"; then
    peer_auc=$(peer_value "$work/peers.jsonl" "$name" auc)
    peer_fit=$(peer_value "$work/peers.jsonl" "$name" fit_s)
  fi
  read -r auc features fit command <<< "$result"
  if [[ ! $auc =~ ^[0-9.]+$ ]]; then
    printf '%-9s %10s %8s %10s %8s %7s   %s\n' "$name" - "$peer_auc" - "$peer_fit" - "$result"
    continue
  fi
  seconds=$(awk -v a="$features" -v b="$fit" 'BEGIN { printf "%.3f", a + b }')
  rate=-
  [[ $peer_fit != - ]] && rate=$(ratio "$seconds" "$peer_fit")
  printf '%-9s %10.4f %8s %10s %8s %7s %12s\n' "$name" "$auc" "$peer_auc" "$seconds" "$peer_fit" "$rate" "$command"
  if [[ $name == minilm ]]; then
    rows=$(json "$work/$name.train-report.json" 'd["splits"]["train"]["rows"]')
    echo "  minilm: $(awk -v n="$rows" -v s="$features" 'BEGIN { printf "%.0f", n / s }') texts/s embedded (features step, $threads threads)"
  fi
done
