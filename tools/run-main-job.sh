#!/usr/bin/env bash
# The main job behind `make run`: writes the conformance corpus (every baseline and every
# one-defect mutation, as directories and .ozx files) into BUILD/corpus, validates every case
# with the validator's engine and prints the comparison with the manifest, then runs the corpus
# through the other implementations of the harness and prints who accepts, rejects or misreads
# what (BUILD/reports/COMPATIBILITY.md and index.html).
set -euo pipefail
build=${1:-build}
corpus_tool="$build/bin/ome-zarr-corpus"
corpus="$build/corpus"

echo "== Generating the corpus into $corpus"
start=$(date +%s%N)
"$corpus_tool" generate "$corpus"
end=$(date +%s%N)
printf 'generated in %d ms, %s on disk\n\n' $(((end - start) / 1000000)) "$(du -sh "$corpus" | cut -f1)"

echo "== Validating every case and comparing with the manifest's expected findings"
set +e
"$corpus_tool" validate "$corpus"
code=$?
set -e
echo
if [ "$code" -eq 0 ]; then
  echo "Every case gave exactly its expected findings."
else
  echo "Some cases did not give their expected findings (listed above)."
fi
echo "Manifest: $corpus/manifest.json   Validate one case yourself, e.g.:"
echo "  $build/bin/ome-zarr-validate $corpus/cases/ngff-0.5/image-labels-valid"

echo
echo "== The corpus through other implementations (harness/)"
bash "$(dirname "$0")/compatibility-report.sh" "$build" "$build/reports" 2>/dev/null
# The summary table of the report, for a person; the whole report is beside it.
sed -n '/^## Summary/,/^## /p' "$build/reports/COMPATIBILITY.md" | sed '$d'
echo "Full report: $build/reports/COMPATIBILITY.md and $build/reports/index.html (open in a browser)."
exit "$code"
