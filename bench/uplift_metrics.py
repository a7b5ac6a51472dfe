#!/usr/bin/python3
"""Scores a Precis uplift prediction with the peer's metrics (scikit-uplift 0.5.1's formulas).

usage: uplift_metrics.py PEER_SCRIPT TEST_CSV SCORED_CSV TREATMENT_COL TREATED CONTROL OUTCOME
Keeps the test rows in either arm (the scored CSV has one line per test row, in order) and prints
one JSON line: Qini AUC, uplift AUC and uplift@30% (both strategies).
"""
import importlib.util, json, sys

import pandas as pd

peer_path, test, scored, col, treated, control, outcome = sys.argv[1:8]
spec = importlib.util.spec_from_file_location("peer_uplift", peer_path)
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
rows = pd.read_csv(test)
scores = pd.read_csv(scored)["uplift"].to_numpy()
keep = rows[col].isin([treated, control]).to_numpy()
t = (rows[col] == treated).astype(int).to_numpy()[keep]
y = rows[outcome].astype(int).to_numpy()[keep]
u = scores[keep]
print(json.dumps({
    "qini_auc": round(float(peer.qini_auc_score(y, u, t)), 6),
    "uplift_auc": round(float(peer.uplift_auc_score(y, u, t)), 6),
    "uplift@30_overall": round(float(peer.uplift_at_k(y, u, t, "overall", 0.3)), 6),
    "uplift@30_by_group": round(float(peer.uplift_at_k(y, u, t, "by_group", 0.3)), 6),
}))
