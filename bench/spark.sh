#!/usr/bin/env bash
# Benchmark: precis predict against precis-spark predict (Spark local mode) on the same large file,
# in one run, then precis eval against precis-spark eval.
#
# Builds the file once as bench/memory.sh does (the bank data repeated 25 times: 1.03M rows), trains
# a logistic bundle on the bank data, scores the big file both ways and prints, for each, the wall
# time, rows per second (over the wall time, JVM start included) and the peak resident memory that
# /usr/bin/time measures. Checks that both wrote the same score on every row (the outputs, in file
# order, compared byte for byte: six decimals, as precis prints scores) and that eval gives the same
# AUC, PR-AUC, log loss and gains table (to 1e-9). Ends with the per-core rate of Spark's run and
# what it means, on paper, for 100M rows on 50 cores.
#
# usage: bench/spark.sh [--copies 25] [--master local[2]] [--work DIR] [--no-eval]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
copies=25 master="local[2]" work=${TMPDIR:-/tmp}/precis-bench eval=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --copies) copies=$2; shift 2 ;; --master) master=$2; shift 2 ;; --work) work=$2; shift 2 ;;
    --no-eval) eval=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/bench/lib.sh"
need_time
spark="$root/bin/precis-spark"
mkdir -p "$work"
data="$root/sample-data/bank/bank-additional-full.csv"
big=$(bank_copies "$copies" "$work")
rows=$(($(wc -l < "$big") - 1))
cores=$(awk -v m="$master" 'BEGIN { if (match(m, /\[[0-9]+\]/)) print substr(m, RSTART + 1, RLENGTH - 2); else print 0 }')
[[ $cores -gt 0 ]] || cores=$(nproc)

model="$work/spark-bench.precis"
"$precis" train --config "$root/sample-data/bank/bank.yaml" --data "$data" --model logistic \
  --out "$model" --force --quiet
"$spark" --help >/dev/null   # builds precis-spark.jar if needed, so the build is not timed

report() {
  printf '  %-28s wall %6.1f s   %8.0f rows/s   peak RSS %5d MiB\n' "$1" "$2" \
    "$(awk -v r="$rows" -v s="$2" 'BEGIN { print r / s }')" "$3"
}

echo "predict: $rows rows, logistic, $(nproc) cores here, Spark master $master"
timed "$work/precis-predict.time" "$precis" predict --model "$model" --data "$big" \
  --out "$work/precis-scores.csv" --force --quiet
precis_wall=$wall precis_rss=$rss_mib
timed "$work/spark-predict.time" "$spark" --master "$master" predict --model "$model" --data "$big" \
  --out "$work/spark-scores" --force 2>/dev/null
spark_wall=$wall spark_rss=$rss_mib
report "precis predict" "$precis_wall" "$precis_rss"
report "precis-spark predict" "$spark_wall" "$spark_rss"
echo "  precis-spark took $(ratio "$spark_wall" "$precis_wall") times the wall time of precis"

# Spark's parts, in partition order, are the file's rows in order: same lines, byte for byte
if cmp -s <(tail -n +2 "$work/precis-scores.csv") \
  <(for part in "$work"/spark-scores/part-*.csv; do tail -n +2 "$part"; done); then
  echo "  scores: identical on all $rows rows"
else
  echo "  scores: DIFFER (compare $work/precis-scores.csv with $work/spark-scores/)" >&2
  exit 1
fi

if [[ $eval == 1 ]]; then
  echo "eval: the same file, labelled"
  timed "$work/precis-eval.time" "$precis" eval --model "$model" --data "$big" \
    --out "$work/precis-eval.json" --force --quiet || true
  report "precis eval" "$wall" "$rss_mib"
  timed "$work/spark-eval.time" "$spark" --master "$master" eval --model "$model" --data "$big" \
    --out "$work/spark-eval.json" --force >/dev/null 2>&1 || true
  report "precis-spark eval" "$wall" "$rss_mib"
  /usr/bin/python3 "$root/bench/eval_diff.py" "$work/precis-eval.json" "$work/spark-eval.json"
fi

# On paper: Spark's rate per core here (the job alone, from its summary: a cluster pays the
# start-up once, not per 1M rows), on 100M rows spread over 50 such cores.
job_seconds=$(json "$work/spark-scores.summary.json" 'd["seconds"]')
awk -v r="$rows" -v s="$job_seconds" -v w="$spark_wall" -v c="$cores" 'BEGIN {
  per = r / s / c
  printf "precis-spark job alone: %.1f s of the %.1f s wall, %.0f rows/s per core on %d cores\n", s, w, per, c
  printf "on paper, 100M rows on 50 such cores: %.0f s of scoring (%.1f min), plus start-up and scheduling\n", 1e8 / (per * 50), 1e8 / (per * 50) / 60 }'
