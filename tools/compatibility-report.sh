#!/usr/bin/env bash
# Runs the corpus through every implementation the harness knows (harness/adapters) and renders
# OUT/COMPATIBILITY.md and OUT/index.html. The raw JSON lines and the adapters' logs stay in
# WORK/compat (they hold run times, so they are not committed).
#   tools/compatibility-report.sh BUILD [OUT] [WORK]     (WORK defaults to BUILD)
set -euo pipefail
build=${1:-build}
out=${2:-reports}
work=${3:-$build}
here=$(cd "$(dirname "$0")/.." && pwd)
sh "$here/harness/install.sh" >/dev/null
"$build/bin/ome-zarr-corpus" generate "$work/corpus" >/dev/null
export OZV_VALIDATE="$(cd "$build" && pwd)/bin/ome-zarr-validate"
/usr/bin/python3 "$here/harness/run.py" --corpus "$work/corpus" --out "$work/compat" >/dev/null
mkdir -p "$out"
/usr/bin/python3 "$here/harness/report.py" "$work/compat/results.jsonl" --out "$out"
