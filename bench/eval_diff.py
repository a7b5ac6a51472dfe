"""Compares two precis eval reports (JSON): every figure, the gains table included.

usage: python3 bench/eval_diff.py REFERENCE.json OTHER.json
Prints the reference's AUC, PR-AUC and log loss and the largest difference over every number of the
two reports (the run's own fields left out: times, the data's and model's descriptions, the config);
exits 1 when it exceeds 1e-9 or when anything else differs. The benchmarks share it.
"""
import json
import sys

RUN_FIELDS = ("created_at", "timings_seconds", "data", "model", "config")


def largest_difference(x, y):
    if isinstance(x, dict):
        return max(
            (largest_difference(x[k], y[k]) for k in x if k not in RUN_FIELDS), default=0.0
        )
    if isinstance(x, list):
        assert len(x) == len(y), (len(x), len(y))
        return max((largest_difference(p, q) for p, q in zip(x, y)), default=0.0)
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return abs(x - y)
    assert x == y, (x, y)
    return 0.0


a, b = (json.load(open(f)) for f in sys.argv[1:3])
worst = largest_difference(a, b)
m = a["metrics"]
print(f"  AUC {m['auc']:.12f}  PR-AUC {m['pr_auc']:.12f}  log loss {m['log_loss']:.12f}")
print(f"  every figure of the two reports (gains by decile included): largest difference {worst:.1e}")
sys.exit(0 if worst <= 1e-9 else 1)
