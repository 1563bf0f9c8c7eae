"""Reading the corpus manifest (spec-schemas/corpus-manifest.schema.json)."""

import json
import os

from .classify import expected_verdict


class CorpusError(Exception):
    pass


def load_manifest(corpus_dir):
    path = os.path.join(corpus_dir, "manifest.json")
    try:
        with open(path, "rb") as handle:
            manifest = json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError("cannot read %s: %s" % (path, error))
    cases = manifest.get("cases") if isinstance(manifest, dict) else None
    if not isinstance(cases, list):
        raise CorpusError("%s has no 'cases' array" % path)
    for case in cases:
        if not isinstance(case, dict) or not isinstance(case.get("id"), str) \
                or not isinstance(case.get("path"), str):
            raise CorpusError("%s: a case lacks a string id or path" % path)
        try:
            expected_verdict(case["id"])
        except ValueError as error:
            raise CorpusError(str(error))
    return manifest


def case_area(case):
    """The area a case belongs to in the report: its ID's first segment, with the .ozx
    variants grouped under the area of the case they copy."""
    parts = case["id"].split("/")
    if parts[0] == "ozx" and len(parts) > 2:
        return "ozx/" + parts[1]
    return parts[0]


def run_message(corpus_dir, case):
    checksums = case.get("checksums") or {}
    return {
        "cmd": "run",
        "case": case["id"],
        "path": os.path.abspath(os.path.join(corpus_dir, case["path"])),
        "spec_version": case.get("spec_version", ""),
        "arrays": sorted(checksums),
    }
