# Helpers the benchmarks share; source it after setting root (the checkout).
# Only public tools: /usr/bin/python3 for JSON, awk for arithmetic.

precis="$root/bin/precis"

# json FILE EXPR: prints EXPR, a Python expression over d, the file's JSON.
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# peer_value FILE MODEL KEY: KEY of the JSON line (a peer's output) whose model is MODEL.
peer_value() {
  /usr/bin/python3 -c 'import json,sys; print(next(json.loads(l)[sys.argv[3]] for l in open(sys.argv[1]) if json.loads(l)["model"] == sys.argv[2]))' "$1" "$2" "$3"
}

# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# bank_copies COPIES DIR: prints the path of the full bank data repeated COPIES times (one header),
# made in DIR on first use.
bank_copies() {
  local data="$root/sample-data/bank/bank-additional-full.csv" big="$2/bank-x$1.csv"
  if [[ ! -f "$big" ]]; then
    echo "making $big ($1 copies of $(basename "$data"))" >&2
    awk -v copies="$1" 'NR == 1 { print; next } { line[++m] = $0 }
      END { for (c = 0; c < copies; c++) for (i = 1; i <= m; i++) print line[i] }' "$data" > "$big.tmp"
    mv "$big.tmp" "$big"
  fi
  echo "$big"
}

# need_time: exits 2, saying how to install it, where /usr/bin/time (which timed runs) is missing.
need_time() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "needs /usr/bin/time (Debian: apt-get install time)" >&2
    exit 2
  fi
}

# timed LOG COMMAND...: runs it under /usr/bin/time, its figures in LOG; sets wall (s) and rss_mib.
timed() {
  local log="$1"
  shift
  /usr/bin/time -f '%e %M' -o "$log" "$@"
  read -r wall kib < <(tail -n 1 "$log")
  rss_mib=$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')
}
