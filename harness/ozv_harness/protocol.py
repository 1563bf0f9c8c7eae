"""Constants and message checks of the harness <-> adapter protocol (see harness/README.md).

Kept apart from the process handling so tests and adapters can share one definition of
what a well-formed answer is.
"""

PROTOCOL_VERSION = 1

VERDICTS = ("valid", "invalid")


class ProtocolError(Exception):
    """An adapter answered something the protocol does not allow."""


def check_start_answer(answer):
    """Returns the adapter's self-description or raises ProtocolError."""
    if not isinstance(answer, dict):
        raise ProtocolError("start answer is not a JSON object")
    for key in ("name", "version", "language"):
        if not isinstance(answer.get(key), str) or not answer[key]:
            raise ProtocolError("start answer lacks a non-empty string '%s'" % key)
    supports = answer.get("supports")
    if not isinstance(supports, dict):
        raise ProtocolError("start answer lacks the 'supports' object")
    for key in ("validate", "read", "zip"):
        if not isinstance(supports.get(key), bool):
            raise ProtocolError("supports.%s must be a boolean" % key)
    for key in ("ngff_versions", "zarr_formats", "codecs"):
        value = supports.get(key)
        if not isinstance(value, list):
            raise ProtocolError("supports.%s must be an array" % key)
    return answer


def check_run_answer(answer, case_id):
    """Returns the answer to a run command or raises ProtocolError.

    An answer for another case is a protocol error too: the harness could otherwise credit
    a late answer to the wrong case.
    """
    if not isinstance(answer, dict):
        raise ProtocolError("run answer is not a JSON object")
    if answer.get("case") != case_id:
        raise ProtocolError("run answer names case %r, expected %r" % (answer.get("case"), case_id))
    has_any = False
    if "skipped" in answer:
        if not isinstance(answer["skipped"], str):
            raise ProtocolError("'skipped' must be a string reason")
        return answer
    if "errored" in answer:
        if not isinstance(answer["errored"], str):
            raise ProtocolError("'errored' must be a string")
        return answer
    if "verdict" in answer:
        if answer["verdict"] not in VERDICTS:
            raise ProtocolError("verdict must be 'valid' or 'invalid'")
        has_any = True
    for member, values in (("checksums", "hex strings"), ("read_errors", "messages")):
        if member in answer:
            mapping = answer[member]
            if not isinstance(mapping, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
                raise ProtocolError("'%s' must map array paths to %s" % (member, values))
            has_any = True
    if not has_any:
        raise ProtocolError("run answer has none of verdict, checksums, read_errors, skipped, errored")
    return answer
