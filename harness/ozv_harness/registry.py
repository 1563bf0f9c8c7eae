"""The adapters the harness knows, and how to start each.

Paths are resolved here, once, so that run.py and the tests agree: Python adapters run under
the same interpreter as the harness (Debian's, which has jsonschema and zarr), Node adapters
under `node` from PATH (or $OZV_NODE).
"""

import os
import sys

HARNESS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADAPTER_DIR = os.path.join(HARNESS_DIR, "adapters")


def _python(script, *args):
    return [sys.executable, os.path.join(ADAPTER_DIR, "py", script)] + list(args)


def _node(script, *args):
    return [os.environ.get("OZV_NODE", "node"), os.path.join(ADAPTER_DIR, "js", script)] + list(args)


# name -> argv; the order here is irrelevant: the harness sorts by name.
ADAPTERS = {
    "ours": lambda: _python("ours.py"),
    "ours-reader": lambda: _python("ours.py", "--reader"),
    "python-jsonschema": lambda: _python("python_jsonschema.py"),
    "python-zarr": lambda: _python("python_zarr.py"),
    "ajv2020": lambda: _node("ajv.mjs", "draft2020"),
    "ajv-draft07": lambda: _node("ajv.mjs", "draft07"),
    "zarrita": lambda: _node("zarrita.mjs"),
    "zarrjs-v2": lambda: _node("zarrjs.mjs", "v2"),
    "zarrjs-v3": lambda: _node("zarrjs.mjs", "v3"),
    "ngff-zarr": lambda: _node("ngff_zarr.mjs"),
}


def argv_for(name):
    """Returns the command line of a known adapter."""
    if name in ADAPTERS:
        return ADAPTERS[name]()
    raise KeyError("unknown adapter %r (known: %s)" % (name, ", ".join(sorted(ADAPTERS))))
