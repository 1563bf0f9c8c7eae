"""The protocol loop every Python adapter shares: JSON lines in, JSON lines out.

An exception inside a handler becomes an `errored` answer for that case rather than a
crash, so the harness can tell an implementation's failure from a broken adapter.
"""

import json
import sys
import traceback

PROTOCOL_VERSION = 1


def serve(describe, run_case):
    """describe() -> start answer; run_case(message) -> answer fields (without "case")."""
    out = sys.stdout
    for raw in sys.stdin:
        try:
            message = json.loads(raw)
        except ValueError:
            continue
        command = message.get("cmd") if isinstance(message, dict) else None
        if command == "start":
            answer = dict(describe())
            answer["protocol"] = PROTOCOL_VERSION
        elif command == "run":
            try:
                answer = dict(run_case(message))
            except Exception as error:  # the implementation's own failure, reported not raised
                last = traceback.format_exception_only(type(error), error)[-1].strip()
                answer = {"errored": last[:500]}
            answer["case"] = message.get("case")
        elif command == "stop":
            return
        else:
            continue
        out.write(json.dumps(answer, sort_keys=True) + "\n")
        out.flush()
