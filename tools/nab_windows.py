#!/usr/bin/env python3
"""Per-window view of a NAB run: which labelled windows a detector caught, how early, and where its
false positives are, at the threshold that the NAB scorer picks for one profile.

Run tools/nab.sh first (it writes target/nab-results), then from the repository root:
    python3 tools/nab_windows.py [--profile standard|reward_low_FP_rate|reward_low_FN_rate] [--misses]

One line per data file: false-positive rows and their cost, then per window either
'@0.42 +0.93' (first detection at 42% of the window, the score it earns) or 'MISS' with the highest
anomaly score inside the window, so that near misses stand out.
"""
import argparse, importlib.util, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("nab_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("NAB_DATA", os.path.join(ROOT, "..", "shared", "data", "nab-dev")))
    ap.add_argument("--scorer", default=os.environ.get("NAB_SCORER", os.path.join(ROOT, "..", "shared", "tools", "nab_score.py")))
    ap.add_argument("--results", default=os.path.join(ROOT, "target", "nab-results"))
    ap.add_argument("--profile", default="standard")
    ap.add_argument("--misses", action="store_true", help="only files with a missed window")
    a = ap.parse_args()
    nab = load_scorer(a.scorer)
    cost = nab.DEFAULT_PROFILES[a.profile]
    windows = json.load(open(os.path.join(a.data, "combined_windows.json")))
    per_file, allrows = {}, []
    for f in sorted(windows):
        path = os.path.join(a.results, f)
        if not os.path.exists(path):
            sys.exit("missing result file %s: run tools/nab.sh first" % path)
        ts, sc = nab.read_results(path)
        rows = nab.sweep(ts, sc, windows[f], f, cost)
        per_file[f] = (ts, rows)
        allrows.extend(rows)
    best = max(nab.score_by_threshold(allrows, cost), key=lambda r: r[1])
    thr = best[0]
    print("%s: threshold %.4f (rows scoring at least this count as detections)" % (a.profile, thr))
    for f, (ts, rows) in per_file.items():
        index = {t: i for i, t in enumerate(ts)}
        fp = [(i, w) for i, (s, w, name) in enumerate(rows) if name is None and s >= thr]
        parts, missed = [], False
        for start, end in windows[f]:
            lo, hi = index[nab.norm_ts(start)], index[nab.norm_ts(end)]
            inside = [(i, rows[i]) for i in range(lo, hi + 1) if rows[i][2] not in (None, "probationary")]
            hits = [(i, r) for i, r in inside if r[0] >= thr]
            if hits:
                i, r = hits[0]
                parts.append("@%.2f %+.2f" % ((i - lo) / float(hi - lo + 1), max(r[1] for _, r in hits)))
            else:
                missed = True
                parts.append("MISS max %.3f" % max([r[0] for _, r in inside] or [0.0]))
        if a.misses and not missed:
            continue
        print("%-56s FP %3d (%+.2f)  %s" % (f, len(fp), sum(w for _, w in fp), "  ".join("[%s]" % p for p in parts)))


if __name__ == "__main__":
    main()
