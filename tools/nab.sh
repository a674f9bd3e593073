#!/usr/bin/env bash
# Scores `firebreak detect` on the NAB development corpus (../shared/data/nab-dev) with the NAB rules.
# Builds nothing: build the jar first (mvn -q -DskipTests clean package; without clean the shaded jar
# can keep stale classes), then run from the repository root:
#   tools/nab.sh [JAR]          (default JAR: examples/target/firebreak.jar)
# Writes one result CSV per data file under target/nab-results/ and prints the profile scores.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-examples/target/firebreak.jar}"
DATA="${NAB_DATA:-../shared/data/nab-dev}"
SCORER="${NAB_SCORER:-../shared/tools/nab_score.py}"
OUT="target/nab-results"
[ -f "$JAR" ] || { echo "nab.sh: $JAR not found; build it first: mvn -q -DskipTests clean package" >&2; exit 1; }
[ -d "$DATA/data" ] || { echo "nab.sh: $DATA/data not found (set NAB_DATA)" >&2; exit 1; }
[ -f "$SCORER" ] || { echo "nab.sh: $SCORER not found (set NAB_SCORER)" >&2; exit 1; }
rm -rf "$OUT"
(cd "$DATA/data" && find . -name '*.csv' | sed 's|^\./||' | sort) | while read -r f; do
    mkdir -p "$OUT/$(dirname "$f")"
    java -jar "$JAR" detect --in "$DATA/data/$f" --out "$OUT/$f"
done
python3 "$SCORER" --labels "$DATA/combined_windows.json" --results "$OUT" --data "$DATA/data"
