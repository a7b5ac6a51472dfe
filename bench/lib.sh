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
