"""Reading results.jsonl back: header, result lines, footer."""

import json


class ResultsError(Exception):
    pass


def load(path):
    header, footer, results = None, None, []
    with open(path, "r", encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except ValueError as error:
                raise ResultsError("%s:%d: not JSON (%s)" % (path, number, error))
            kind = line.get("type") if isinstance(line, dict) else None
            if kind == "header":
                header = line
            elif kind == "footer":
                footer = line
            elif kind == "result":
                results.append(line)
            else:
                raise ResultsError("%s:%d: unknown line type %r" % (path, number, kind))
    if header is None:
        raise ResultsError("%s: no header line" % path)
    results.sort(key=lambda r: (r["case"], r["adapter"]))
    return header, results, footer or {}
