#!/usr/bin/env bash
# Scores several AdaptiveDetector settings on the NAB development corpus, one line per setting, each
# run in a single JVM (seconds instead of tools/nab.sh's 48 launches of the jar). Each argument is one
# setting: DetectorConfig.Builder setters as name=value separated by spaces, "" for the defaults.
# Build core first (mvn -q -o -pl core -am package -DskipTests), then from the repository root, e.g.
# the robustness check of a change (the seasonal bin count, and each parameter at -30% and +30%):
#   tools/nab_sweep.sh "" seasonalBinsPerDay=16 seasonalBinsPerDay=32 repeatHalfLife=25 repeatHalfLife=47
# Prints: standard and reward_low_FP_rate scores, the standard threshold and its false-positive rows.
# The scored files go to target/nab-sweep (NAB_OUT to change it, e.g. to run two sweeps side by side);
# NAB_CLASSES points at another build of core.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${NAB_DATA:-../shared/data/nab-dev}"
SCORER="${NAB_SCORER:-../shared/tools/nab_score.py}"
CLASSES="${NAB_CLASSES:-core/target/classes}"
OUT="${NAB_OUT:-target/nab-sweep}"
[ -f "$CLASSES/dev/firebreak/detect/AdaptiveDetector.class" ] || { echo "nab_sweep.sh: build core first (mvn -q -o -pl core -am package -DskipTests)" >&2; exit 1; }
[ -d "$DATA/data" ] || { echo "nab_sweep.sh: $DATA/data not found (set NAB_DATA)" >&2; exit 1; }
[ -f "$SCORER" ] || { echo "nab_sweep.sh: $SCORER not found (set NAB_SCORER)" >&2; exit 1; }
[ $# -gt 0 ] || set -- ""
for setting in "$@"; do
    rm -rf "$OUT"
    # shellcheck disable=SC2086  # one setting is several name=value words
    java -cp "$CLASSES" tools/nab_sweep.java "$DATA/data" "$OUT" $setting
    python3 "$SCORER" --labels "$DATA/combined_windows.json" --results "$OUT" --json | python3 -c '
import json, sys
r = json.load(sys.stdin); s, l = r["standard"], r["reward_low_FP_rate"]
print("%-48s standard %6.2f  low FP %6.2f  (threshold %.4f, FP rows %d)" % (sys.argv[1] or "defaults", s["score"], l["score"], s["threshold"], s["fp"]))
' "$setting"
done
