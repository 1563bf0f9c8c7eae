#!/usr/bin/python3
"""Adapter: Debian's python3-jsonschema (Draft202012Validator) over the official OME-NGFF
schemas, read at run time from $OZV_SHARED_DIR/ngff-upstream/<version>/schemas.

The schema-only baseline: every OME document of the case is validated against the schemas
its members select; any schema error makes the case invalid. Nothing else is checked.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jsonschema  # noqa: E402
from adapter_loop import serve  # noqa: E402
from ome_documents import Unreadable, ome_documents, schema_dir, schemas_for  # noqa: E402

try:
    from importlib.metadata import version as _dist_version
    VERSION = _dist_version("jsonschema")
except Exception:  # pragma: no cover - very old Python
    VERSION = "unknown"

_validators = {}


def _load_version(version):
    """All schemas of one version, registered by $id so cross-file $refs resolve offline.

    Each version gets its own store: 0.4 files reuse `latest` ids that would clash.
    """
    directory = schema_dir(version)
    schemas = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".schema"):
            with open(os.path.join(directory, name), "rb") as handle:
                schemas[name[:-len(".schema")]] = json.loads(handle.read().decode("utf-8"))
    store = {s["$id"]: s for s in schemas.values() if isinstance(s.get("$id"), str)}
    validators = {}
    for name, schema in schemas.items():
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        validators[name] = jsonschema.Draft202012Validator(schema, resolver=resolver)
    return validators


def validator(version, name):
    if version not in _validators:
        _validators[version] = _load_version(version)
    return _validators[version].get(name)


def describe():
    return {"name": "python-jsonschema", "version": VERSION, "language": "python",
            "supports": {"ngff_versions": ["0.4", "0.5"], "zarr_formats": [2, 3], "codecs": [],
                         "zip": True, "validate": True, "read": False}}


def run_case(message):
    version = message["spec_version"]
    try:
        documents = ome_documents(message["path"], version)
    except Unreadable as error:
        return {"verdict": "invalid", "reason": str(error)}
    for key, document, ome_keys in documents:
        for name in schemas_for(ome_keys):
            check = validator(version, name)
            if check is None:
                continue
            error = next(iter(check.iter_errors(document)), None)
            if error is not None:
                where = "/".join(str(p) for p in error.absolute_path)
                return {"verdict": "invalid",
                        "reason": "%s vs %s.schema at /%s: %s" % (key, name, where, error.message[:200])}
    return {"verdict": "valid"}


if __name__ == "__main__":
    serve(describe, run_case)
