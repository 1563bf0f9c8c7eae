"""Turns one adapter answer for one case into an outcome.

The expected verdict comes from the case ID's suffix, as the corpus README defines it:
`-valid` and `-warning` must be accepted, `-error` rejected.
"""

OUTCOMES = (
    "correct-accept", "correct-reject", "false-accept", "false-reject",
    "misread", "read-ok", "unsupported", "not-applicable", "errored",
)

# Outcomes that are a conformance failure of the implementation (not of the harness).
FAILURES = ("false-accept", "false-reject", "misread")


def expected_verdict(case_id):
    if case_id.endswith("-error"):
        return "invalid"
    if case_id.endswith("-valid") or case_id.endswith("-warning"):
        return "valid"
    raise ValueError("case ID %r has no -valid/-warning/-error suffix" % case_id)


def classify(case_id, expected_checksums, answer):
    """Returns (outcome, detail) for an answer already checked by protocol.check_run_answer.

    A verdict and checksums may both be present: a wrong pixel is the worse news, so misread
    wins over any verdict; a read error on data the corpus says is valid is a rejection of
    valid data. Checksums for arrays the manifest does not list are ignored, missing ones
    count as a misread.
    """
    if "errored" in answer:
        return "errored", answer["errored"]
    if "skipped" in answer:
        return "unsupported", answer["skipped"]
    expected = expected_verdict(case_id)
    read_errors = answer.get("read_errors") or {}
    checksums = answer.get("checksums")
    if read_errors:
        first = sorted(read_errors)[0]
        detail = "cannot read %s: %s" % (first, read_errors[first])
        if expected == "valid":
            return "false-reject", detail
        if "verdict" not in answer:
            return "correct-reject", detail
    if checksums is not None and expected_checksums:
        wrong = sorted(p for p in expected_checksums
                       if p not in read_errors and checksums.get(p) != expected_checksums[p])
        if wrong:
            return "misread", "checksum differs for " + ", ".join(wrong)
    if "verdict" in answer:
        verdict = answer["verdict"]
        reason = answer.get("reason", "") if isinstance(answer.get("reason"), str) else ""
        if verdict == expected:
            return ("correct-accept" if verdict == "valid" else "correct-reject"), reason
        return ("false-accept" if verdict == "valid" else "false-reject"), reason
    if checksums is not None:
        return "read-ok", ""
    return "correct-reject", ""
