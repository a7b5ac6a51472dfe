#!/usr/bin/env bash
# Benchmark: how fast `precis` answers when it does no real work: --help, and a config error.
# Both must stay under 0.5 s: TensorFlow and the model families load only when a command needs them.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
precis="$root/bin/precis"
"$precis" --version >/dev/null
bad=$(mktemp --suffix=.yaml)
printf 'version: 1\ndata:\n  tagret: y\n' > "$bad"
time_best() {
  local best= start seconds
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    if [[ -z $best ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  echo "$best"
}
printf 'precis --help:          %.3f s\n' "$(time_best "$precis" --help)"
printf 'config error (exit 2):  %.3f s\n' "$(time_best "$precis" train --config "$bad" --out /tmp/never.precis)"
rm -f "$bad"
