#!/usr/bin/env bash
# Benchmark: `precis train --model logistic` (or `precis prep`) on a large file with the heap capped.
#
# Builds the file once by repeating the bank data (25 times: 1.03M rows), then runs the command on
# it under -Xmx (1g by default) and prints the wall time and the peak resident memory that
# /usr/bin/time measures for the whole JVM (heap, metaspace, threads and native memory together).
#
# usage: bench/memory.sh [--command train|prep] [--copies 25] [--heap 1g] [--work DIR]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
command=train copies=25 heap=1g work=${TMPDIR:-/tmp}/precis-bench
while [[ $# -gt 0 ]]; do
  case $1 in
    --command) command=$2; shift 2 ;; --copies) copies=$2; shift 2 ;; --heap) heap=$2; shift 2 ;; --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time (Debian: apt-get install time)" >&2
  exit 2
fi
mkdir -p "$work"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
big=$(bank_copies "$copies" "$work")
rows=$(($(wc -l < "$big") - 1))
"$precis" --version >/dev/null   # builds the jar if needed, so the build is not timed

case $command in
  train) out="$work/big.precis" ;;
  prep) out="$work/big-prep" ;;
  *) echo "unknown command $command (train or prep)" >&2; exit 2 ;;
esac
echo "$command --model logistic: $rows rows, -Xmx$heap, $(nproc) cores"
log="$work/$command-memory.time"
status=0
PRECIS_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f '%e %M' -o "$log" "$precis" "$command" \
  --config "$root/sample-data/bank/bank.yaml" --data "$big" --model logistic \
  --out "$out" --force --quiet || status=$?
read -r seconds kib < <(tail -n 1 "$log") || { seconds=0; kib=0; }
printf '  exit %d   wall %.1f s   peak RSS %.0f MiB\n' "$status" "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
exit "$status"
