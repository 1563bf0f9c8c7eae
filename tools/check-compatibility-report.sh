#!/usr/bin/env bash
# The committed reports/COMPATIBILITY.md must be what `make report` produces now: regenerates
# it in a scratch folder and fails with the difference when it drifted (rerun `make report`).
#   tools/check-compatibility-report.sh BUILD
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bash "$here/tools/compatibility-report.sh" "$build" "$scratch/reports" "$scratch" >/dev/null
if ! diff -u "$here/reports/COMPATIBILITY.md" "$scratch/reports/COMPATIBILITY.md"; then
  echo "reports/COMPATIBILITY.md is out of date: run 'make report' and commit it" >&2
  exit 1
fi
echo "reports/COMPATIBILITY.md is up to date"
