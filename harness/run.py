#!/usr/bin/python3
"""Runs the OME-Zarr corpus through implementation adapters and records who gets what right.

    run.py --corpus DIR --out REPORTS [--adapters a,b] [--timeout S] [--jobs N] [--only SUBSTR]

Writes REPORTS/results.jsonl (header, one line per case and adapter, footer), then renders
REPORTS/COMPATIBILITY.md and REPORTS/index.html from it (report.py does the same alone).
Adapter stderr goes to REPORTS/logs/NAME.stderr. Exit 0 when the run completed (conformance
failures of other implementations are the product, not an error), 2 on usage errors.
"""

import argparse
import concurrent.futures
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ozv_harness import protocol, registry, report_render  # noqa: E402
from ozv_harness.adapter_process import AdapterFailure, AdapterProcess  # noqa: E402
from ozv_harness.classify import OUTCOMES, classify, expected_verdict  # noqa: E402
from ozv_harness.corpus import CorpusError, case_area, load_manifest, run_message  # noqa: E402

# After this many failed restarts in a row the adapter is given up on for the rest of the run.
MAX_RESTART_FAILURES = 3

SMOKE_VALID = ("ngff-0.5/image-2d-valid", "ngff-0.4/image-2d-valid", "zarr-v2/compressor-none-dot-valid")
SMOKE_INVALID = ("ngff-schema/v05-axis-name-number-error", "ngff-schema/v04-datasets-missing-error",
                 "zarr-v2/array-not-object-error")


def precheck(description, case):
    """Returns (outcome, reason) when the harness need not ask the adapter, else None.

    Uses only what the adapter declared at start, so a skip is the adapter's own statement.
    """
    supports = description["supports"]
    if not supports["validate"] and not case.get("checksums"):
        return "not-applicable", "reader only, and the manifest lists no checksums for this case"
    versions = supports["ngff_versions"]
    if versions and case.get("spec_version") not in versions:
        return "unsupported", "declares no support for OME-NGFF %s" % case.get("spec_version")
    if case["path"].endswith(".ozx") and not supports["zip"]:
        return "unsupported", "declares no support for .ozx (zip) stores"
    return None


def result_line(name, case, outcome, detail, answer):
    line = {
        "type": "result", "adapter": name, "case": case["id"], "outcome": outcome,
        "detail": detail, "expected": expected_verdict(case["id"]),
        "area": case_area(case), "spec_version": case.get("spec_version", ""),
        "level": case.get("level"), "tags": sorted(case.get("tags", [])),
    }
    if answer and "verdict" in answer:
        line["verdict"] = answer["verdict"]
    return line


def run_one(proc, corpus_dir, case, timeout):
    """Returns (outcome, detail, answer); adapter failures become `errored`."""
    try:
        answer = proc.run_case(run_message(corpus_dir, case), timeout)
    except AdapterFailure as failure:
        return "errored", str(failure), None
    outcome, detail = classify(case["id"], case.get("checksums") or {}, answer)
    return outcome, detail, answer


def smoke_test(proc, description, corpus_dir, by_id, timeout):
    """One valid and one invalid case the adapter handles: returns None or why it failed.

    Candidates the adapter skips are passed over; an adapter that skips them all fails.
    """
    reader_only = not description["supports"]["validate"]
    for group in (SMOKE_VALID, SMOKE_INVALID):
        tried = None
        for case_id in group:
            case = by_id.get(case_id)
            if case is None or precheck(description, case) is not None:
                continue
            outcome, detail, _ = run_one(proc, corpus_dir, case, timeout)
            if outcome == "unsupported":
                continue
            tried = case_id
            acceptable = ("correct-accept", "read-ok", "correct-reject")
            if case_id.endswith("-error") and reader_only:
                acceptable = tuple(o for o in OUTCOMES if o != "errored")
            if outcome not in acceptable:
                return "smoke test failed on %s: %s %s" % (case_id, outcome, detail)
            break
        if tried is None and not (group is SMOKE_INVALID and reader_only):
            return "smoke test: the adapter handles none of %s" % ", ".join(group)
    return None


def run_adapter(name, cases, corpus_dir, timeout, log_dir, argv=None):
    """Runs one adapter over all cases: returns (header info, result lines, seconds)."""
    started = time.monotonic()
    proc = AdapterProcess(name, argv or registry.argv_for(name),
                          stderr_path=os.path.join(log_dir, name + ".stderr"))
    info = {"name": name}
    lines = []
    try:
        description = proc.start()
    except AdapterFailure as failure:
        info["status"] = "failed to start: %s" % failure
        return info, lines, time.monotonic() - started
    info.update({k: description[k] for k in ("version", "language", "supports")})
    info["reported_name"] = description["name"]
    by_id = {case["id"]: case for case in cases}
    failure = smoke_test(proc, description, corpus_dir, by_id, timeout)
    if failure:
        proc.stop()
        info["status"] = failure
        return info, lines, time.monotonic() - started
    info["status"] = "ok"
    restart_failures = 0
    for case in cases:
        skip = precheck(description, case)
        if skip:
            lines.append(result_line(name, case, skip[0], skip[1], None))
            continue
        if restart_failures >= MAX_RESTART_FAILURES:
            lines.append(result_line(name, case, "errored", "adapter given up: cannot restart", None))
            continue
        outcome, detail, answer = run_one(proc, corpus_dir, case, timeout)
        restart_failures = restart_failures + 1 if detail.startswith("cannot start") or \
            "during start" in detail or "answer to start" in detail else 0
        lines.append(result_line(name, case, outcome, detail, answer))
    info["restarts"] = proc.restarts
    proc.stop()
    return info, lines, time.monotonic() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--corpus", required=True, help="directory with manifest.json")
    parser.add_argument("--out", required=True, help="report directory (created)")
    parser.add_argument("--adapters", default=",".join(sorted(registry.ADAPTERS)),
                        help="comma-separated adapter names (default: all)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--jobs", type=int, default=2, help="adapters run in parallel")
    parser.add_argument("--only", default="", help="only cases whose ID contains this")
    args = parser.parse_args(argv)
    names = sorted(set(n for n in args.adapters.split(",") if n))
    unknown = [n for n in names if n not in registry.ADAPTERS]
    if unknown:
        parser.error("unknown adapter(s): %s (known: %s)" % (", ".join(unknown),
                                                            ", ".join(sorted(registry.ADAPTERS))))
    try:
        manifest = load_manifest(args.corpus)
    except CorpusError as error:
        print("run.py: %s" % error, file=sys.stderr)
        return 2
    cases = sorted((c for c in manifest["cases"] if args.only in c["id"]), key=lambda c: c["id"])
    log_dir = os.path.join(args.out, "logs")
    os.makedirs(log_dir, exist_ok=True)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {n: pool.submit(run_adapter, n, cases, args.corpus, args.timeout, log_dir)
                   for n in names}
        outputs = {n: futures[n].result() for n in names}
    elapsed = time.monotonic() - started
    header = {"type": "header", "protocol": protocol.PROTOCOL_VERSION,
              "corpus_sha256": manifest.get("corpus_sha256", ""), "case_count": len(cases),
              "only": args.only, "adapters": [outputs[n][0] for n in names]}
    counts = {}
    for name in names:
        tally = {outcome: 0 for outcome in OUTCOMES}
        for line in outputs[name][1]:
            tally[line["outcome"]] += 1
        counts[name] = tally
    footer = {"type": "footer", "counts": counts,
              "elapsed_seconds": {n: round(outputs[n][2], 1) for n in names},
              "total_elapsed_seconds": round(elapsed, 1)}
    results_path = os.path.join(args.out, "results.jsonl")
    with open(results_path, "w", encoding="utf-8") as out:
        out.write(json.dumps(header, sort_keys=True) + "\n")
        for name in names:
            for line in outputs[name][1]:
                out.write(json.dumps(line, sort_keys=True) + "\n")
        out.write(json.dumps(footer, sort_keys=True) + "\n")
    report_render.render_files(results_path, args.out)
    for info in header["adapters"]:
        print("%-18s %-10s %s" % (info["name"], info.get("version", "-"), info["status"]),
              file=sys.stderr)
        if info["name"] in counts:
            nonzero = {k: v for k, v in counts[info["name"]].items() if v}
            print("    %s  (%.1fs)" % (json.dumps(nonzero), outputs[info["name"]][2]), file=sys.stderr)
    print("total %.1fs; wrote %s" % (elapsed, results_path), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
