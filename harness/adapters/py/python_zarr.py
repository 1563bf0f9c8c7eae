#!/usr/bin/python3
"""Adapter: Debian's python3-zarr (zarr-python 2) as a Zarr v2 reader.

Opens each array the harness lists, reads all of it and answers the sha256 of its data in
C order, little-endian. Zarr v3 stores (a root zarr.json, or an .ozx) are skipped: this
version does not implement Zarr v3.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy  # noqa: E402
import zarr  # noqa: E402
from adapter_loop import serve  # noqa: E402


def describe():
    return {"name": "zarr-python", "version": zarr.__version__, "language": "python",
            "supports": {"ngff_versions": [], "zarr_formats": [2],
                         "codecs": ["blosc", "gzip", "zlib", "zstd"],
                         "zip": False, "validate": False, "read": True}}


def checksum(array):
    data = array[...]
    data = numpy.asarray(data)
    if data.dtype.byteorder == ">" or (data.dtype.byteorder == "=" and sys.byteorder == "big"):
        data = data.astype(data.dtype.newbyteorder("<"))
    return hashlib.sha256(numpy.ascontiguousarray(data).tobytes(order="C")).hexdigest()


def run_case(message):
    path = message["path"]
    if not os.path.isdir(path):
        return {"skipped": "zarr-python 2 reads directory stores only here (no .ozx)"}
    if os.path.exists(os.path.join(path, "zarr.json")):
        return {"skipped": "Zarr v3 is not implemented by zarr-python %s" % zarr.__version__}
    checksums, errors = {}, {}
    store = zarr.DirectoryStore(path)
    for key in message["arrays"]:
        try:
            checksums[key] = checksum(zarr.open_array(store=store, path=key, mode="r"))
        except Exception as error:  # the reader's own refusal, reported per array
            errors[key] = ("%s: %s" % (type(error).__name__, error))[:300]
    answer = {"checksums": checksums}
    if errors:
        answer["read_errors"] = errors
    return answer


if __name__ == "__main__":
    serve(describe, run_case)
