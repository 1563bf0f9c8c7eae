#!/usr/bin/python3
"""Adapter: this project's ome-zarr-validate, by exit code (0 valid, 1 invalid).

The binary is $OZV_VALIDATE (make report sets it), else the first argument, else build's.
It validates with --checks chunks (the full check the manifest expects); it does not hand
out pixel checksums yet, so it declares read=false.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from adapter_loop import serve  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def binary():
    if os.environ.get("OZV_VALIDATE"):
        return os.environ["OZV_VALIDATE"]
    if len(sys.argv) > 1:
        return sys.argv[1]
    candidate = os.path.join(ROOT, "build", "bin", "ome-zarr-validate")
    return candidate if os.path.exists(candidate) else "ome-zarr-validate"


def describe():
    try:
        out = subprocess.run([binary(), "--version"], capture_output=True, timeout=30).stdout
        version = out.decode("utf-8", "replace").split()[-1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        version = "unknown"
    return {"name": "ome-zarr-validate", "version": version, "language": "c++",
            "supports": {"ngff_versions": ["0.4", "0.5"], "zarr_formats": [2, 3],
                         "codecs": ["blosc", "bytes", "crc32c", "gzip", "sharding_indexed",
                                    "transpose", "zlib", "zstd"],
                         "zip": True, "validate": True, "read": False}}


def run_case(message):
    done = subprocess.run([binary(), message["path"], "--checks", "chunks", "--format", "json", "--jobs", "1"],
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


if __name__ == "__main__":
    serve(describe, run_case)
