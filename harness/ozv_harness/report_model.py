"""What both reports show, computed once from the result lines (sorted, so deterministic)."""

from .classify import OUTCOMES

SYMBOLS = {
    "correct-accept": "ok", "correct-reject": "ok", "read-ok": "ok",
    "false-accept": "FA", "false-reject": "FR", "misread": "MR",
    "unsupported": "--", "not-applicable": ".", "errored": "ER",
}

SUMMARY_COLUMNS = ("correct-accept", "correct-reject", "read-ok", "false-accept",
                   "false-reject", "misread", "unsupported", "not-applicable", "errored")

# What an outcome says the implementation did with the case, for finding disagreements.
STANCE = {
    "correct-accept": "accept", "false-accept": "accept", "read-ok": "accept",
    "correct-reject": "reject", "false-reject": "reject", "misread": "misread",
}


def build(header, results):
    adapters = sorted({r["adapter"] for r in results} |
                      {a["name"] for a in header.get("adapters", [])})
    cases = {}
    for line in results:
        entry = cases.setdefault(line["case"], {
            "case": line["case"], "area": line["area"], "expected": line["expected"],
            "spec_version": line["spec_version"], "outcomes": {}, "details": {}})
        entry["outcomes"][line["adapter"]] = line["outcome"]
        entry["details"][line["adapter"]] = line.get("detail", "")
    ordered = [cases[k] for k in sorted(cases)]
    summary = {a: {o: 0 for o in OUTCOMES} for a in adapters}
    for line in results:
        summary[line["adapter"]][line["outcome"]] += 1
    areas = sorted({c["area"] for c in ordered})
    disagreements = []
    for case in ordered:
        stances = {}
        for adapter, outcome in sorted(case["outcomes"].items()):
            if outcome in STANCE:
                stances.setdefault(STANCE[outcome], []).append(adapter)
        if len(stances) > 1:
            disagreements.append({"case": case["case"], "expected": case["expected"],
                                  "stances": stances})
    return {"adapters": adapters, "cases": ordered, "summary": summary, "areas": areas,
            "disagreements": disagreements}
