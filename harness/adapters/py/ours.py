#!/usr/bin/python3
"""Adapter: this project's ome-zarr-validate (verdict), or with --reader its decoders (pixels).

The validator is $OZV_VALIDATE (make report sets it), else the first argument, else
build-lead's or build's. Its verdict comes from the exit code (0 valid, 1 invalid) of a run
with --checks chunks (the full check the manifest expects). With --reader the adapter is a
reader like zarrita: `ome-zarr-corpus read PATH ARRAY...`, the corpus tool built next to the
validator, decodes every chunk with the validator's decoders and prints the checksums and
read errors the protocol asks for, so our pixels are compared like any other reader's. Two
adapters rather than one answering both, so that the report counts reads on their own.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from adapter_loop import serve  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
BUILD_DIRS = ("build-lead", "build")
READER = "--reader" in sys.argv[1:]
ARGS = [arg for arg in sys.argv[1:] if arg != "--reader"]


def _in_build_dirs(name):
    """build-lead/bin/NAME or build/bin/NAME when built there, else NAME (found on PATH)."""
    for build in BUILD_DIRS:
        candidate = os.path.join(ROOT, build, "bin", name)
        if os.path.exists(candidate):
            return candidate
    return name


def binary():
    if os.environ.get("OZV_VALIDATE"):
        return os.environ["OZV_VALIDATE"]
    if ARGS:
        return ARGS[0]
    return _in_build_dirs("ome-zarr-validate")


def corpus_binary():
    """ome-zarr-corpus from the validator's directory, else from build-lead/ or build/."""
    validator = binary()
    if os.path.dirname(validator):
        beside = os.path.join(os.path.dirname(validator), "ome-zarr-corpus")
        if os.path.exists(beside):
            return beside
    return _in_build_dirs("ome-zarr-corpus")


def describe():
    try:
        out = subprocess.run([binary(), "--version"], capture_output=True, timeout=30).stdout
        version = out.decode("utf-8", "replace").split()[-1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        version = "unknown"
    name = "ome-zarr-validate decoders (ome-zarr-corpus read)" if READER else "ome-zarr-validate"
    return {"name": name, "version": version, "language": "c++",
            "supports": {"ngff_versions": ["0.4", "0.5"], "zarr_formats": [2, 3],
                         "codecs": ["blosc", "bytes", "crc32c", "gzip", "sharding_indexed",
                                    "transpose", "zlib", "zstd"],
                         "zip": True, "validate": not READER, "read": READER}}


def verdict(path):
    done = subprocess.run([binary(), path, "--checks", "chunks", "--format", "json", "--jobs", "1"],
                          capture_output=True, timeout=600)
    if done.returncode not in (0, 1):
        return {"errored": "exit %d: %s" % (done.returncode,
                                            done.stderr.decode("utf-8", "replace").strip()[:300])}
    answer = {"verdict": "valid" if done.returncode == 0 else "invalid"}
    try:
        report = json.loads(done.stdout.decode("utf-8"))
        rules = sorted({f["rule"] for f in report.get("findings", [])
                        if f.get("severity") in ("error", "fatal")})
        if rules:
            answer["reason"] = ", ".join(rules[:5])
    except (ValueError, AttributeError, TypeError, KeyError):
        pass
    return answer


def read(path, arrays):
    """checksums and read_errors of `arrays`, or errored when the reader did not answer."""
    done = subprocess.run([corpus_binary(), "read", path] + list(arrays), capture_output=True, timeout=600)
    if done.returncode not in (0, 1):
        return {"errored": "ome-zarr-corpus read: exit %d: %s" % (
            done.returncode, done.stderr.decode("utf-8", "replace").strip()[:300])}
    try:
        printed = json.loads(done.stdout.decode("utf-8"))
        answer = {"checksums": dict(printed["checksums"])}
        errors = dict(printed["read_errors"])
    except (ValueError, TypeError, KeyError) as error:
        return {"errored": "ome-zarr-corpus read printed no answer: %s" % error}
    if errors:
        answer["read_errors"] = {key: str(message)[:300] for key, message in errors.items()}
    return answer


def run_case(message):
    if not READER:
        return verdict(message["path"])
    if not message.get("arrays"):
        return {"skipped": "the case names no arrays to read"}
    return read(message["path"], message["arrays"])


if __name__ == "__main__":
    serve(describe, run_case)
