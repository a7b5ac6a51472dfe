#!/usr/bin/python3
"""Writes the golden fixture of Precis's uplift metrics: scores from the peer's models and the
peer's (scikit-uplift 0.5.1) metric values on them, at full precision.

usage (from the repository root; Debian python3-sklearn, python3-pandas, python3-xgboost):
  /usr/bin/python3 bench/uplift-golden.py ../shared/peers/peer_uplift.py \
      ../shared/datasets/hillstrom-email/split-seed42 src/test/resources/golden-uplift

It imports the peer's own functions (load, fit_predict and the metrics), fits on train.csv,
scores the test rows of women's e-mail (treated) and no e-mail (control), and writes
  scores.csv    treated, visit, conversion and one score column per model and outcome
  metrics.json  per score column and outcome: qini_auc, uplift_auc, uplift@30 and uplift@10
                (overall, by_group), uplift_by_decile, and both curves at 21 cut points;
                and the peer's hand-computed self-test example with its metrics
"""
import argparse, importlib.util, json, os, sys

import numpy as np


def peer_module(path):
    spec = importlib.util.spec_from_file_location("peer_uplift", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sampled(curve):
    x, y = curve
    picks = sorted({int(round(i * (len(x) - 1) / 20)) for i in range(21)})
    return [[float(x[i]), float(y[i])] for i in picks]


def metrics(p, y, u, t):
    row = {"qini_auc": float(p.qini_auc_score(y, u, t)),
           "uplift_auc": float(p.uplift_auc_score(y, u, t)),
           "uplift_by_decile": p.uplift_by_decile(y, u, t),
           "qini_curve": sampled(p.qini_curve(y, u, t)),
           "uplift_curve": sampled(p.uplift_curve(y, u, t)),
           "cut_points": int(len(p.qini_curve(y, u, t)[0]) - 1)}
    for k in (0.3, 0.1):
        for strategy in ("overall", "by_group"):
            row[f"uplift@{round(k * 100)}_{strategy}"] = float(p.uplift_at_k(y, u, t, strategy, k))
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer"); ap.add_argument("split"); ap.add_argument("out")
    a = ap.parse_args()
    p = peer_module(a.peer)
    opts = argparse.Namespace(treatment_col="segment", treatment="Womens E-Mail",
                              control="No E-Mail", outcome=None)
    drop = ["visit", "conversion", "spend"]
    columns = {}
    outcomes = {}
    models = {"visit": ["random", "t-lr", "s-xgb"], "conversion": ["t-lr"]}
    for outcome, names in models.items():
        opts.outcome = outcome
        Xtr, ytr, ttr = p.load(os.path.join(a.split, "train.csv"), opts, drop)
        Xte, yte, tte = p.load(os.path.join(a.split, "test.csv"), opts, drop)
        outcomes[outcome] = yte
        for name in names:
            u, _, _ = p.fit_predict(name, Xtr, ytr, ttr, Xte, 42, 2)
            columns[name if name == "random" else f"{name}_{outcome}"] = u
    result = {"source": "bench/uplift-golden.py on peer_uplift.py (scikit-uplift 0.5.1 formulas)",
              "split": "hillstrom-email/split-seed42 test rows, Womens E-Mail vs No E-Mail",
              "rows": int(len(tte)), "scores": {}}
    for column, u in columns.items():
        for outcome, y in outcomes.items():
            if column == "random" or column.endswith("_" + outcome):
                result["scores"].setdefault(column, {})[outcome] = metrics(p, y, u, tte)
    y = np.array([1, 0, 1, 0, 0, 1]); t = np.array([1, 1, 0, 0, 1, 0])
    s = np.array([.9, .8, .7, .6, .5, .4])
    # six rows: too few for deciles or uplift@30 (empty arms), so the example holds the rest
    example = {k: v for k, v in metrics(p, y, s, t).items() if k in ("qini_auc", "uplift_auc")}
    example.update({"score": s.tolist(), "treated": t.tolist(), "outcome": y.tolist(),
                    "qini_curve": np.c_[p.qini_curve(y, s, t)].tolist(),
                    "uplift_curve": np.c_[p.uplift_curve(y, s, t)].tolist(),
                    "uplift@50_overall": float(p.uplift_at_k(y, s, t, "overall", 0.5)),
                    "uplift@50_by_group": float(p.uplift_at_k(y, s, t, "by_group", 0.5))})
    result["self_test_example"] = example
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "metrics.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    names = list(columns)
    with open(os.path.join(a.out, "scores.csv"), "w") as f:
        f.write(",".join(["treated", "visit", "conversion"] + names) + "\n")
        for i in range(len(tte)):
            f.write(",".join([str(int(tte[i])), str(int(outcomes["visit"][i])),
                              str(int(outcomes["conversion"][i]))]
                             + [repr(float(columns[n][i])) for n in names]) + "\n")


if __name__ == "__main__":
    sys.exit(main())
