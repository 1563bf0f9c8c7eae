"""Finds the OME-NGFF metadata documents of a case, as a schema-only validator would.

0.4 (Zarr v2): every `.zattrs` object; 0.5 (Zarr v3): the `attributes` of every group's
`zarr.json` that has an `ome` member. Directory stores are walked, `.ozx` files read with
zipfile. A document that does not parse is reported as such: a schema-only tool cannot
validate what it cannot read.
"""

import json
import os
import zipfile


class Unreadable(Exception):
    pass


def _entries(path):
    """Yields (key, bytes-loader) for the metadata files of a store, sorted by key."""
    wanted = (".zattrs", "zarr.json")
    if os.path.isdir(path):
        found = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in files:
                if name in wanted:
                    full = os.path.join(root, name)
                    found.append((os.path.relpath(full, path).replace(os.sep, "/"), full))
        for key, full in sorted(found):
            yield key, (lambda f=full: open(f, "rb").read())
        return
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise Unreadable("cannot open the zip file: %s" % error)
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.filename.rsplit("/", 1)[-1] in wanted:
                try:
                    data = archive.read(info)
                except (RuntimeError, zipfile.BadZipFile, OSError, NotImplementedError) as error:
                    raise Unreadable("cannot read %s: %s" % (info.filename, error))
                yield info.filename, (lambda d=data: d)


def ome_documents(path, spec_version):
    """Returns [(key, document, ome_keys)] where ome_keys are the members that select schemas."""
    documents = []
    for key, load in _entries(path):
        try:
            document = json.loads(load().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise Unreadable("%s does not parse: %s" % (key, error))
        if spec_version == "0.4":
            if key.endswith(".zattrs") and isinstance(document, dict):
                documents.append((key, document, document))
        elif key.endswith("zarr.json") and isinstance(document, dict) \
                and document.get("node_type") == "group":
            attributes = document.get("attributes")
            if isinstance(attributes, dict) and isinstance(attributes.get("ome"), dict):
                documents.append((key, attributes, attributes["ome"]))
    return documents


# member of the OME metadata -> schema file name (without .schema)
SCHEMA_FOR_KEY = (
    ("multiscales", "image"),
    ("image-label", "label"),
    ("plate", "plate"),
    ("well", "well"),
    ("bioformats2raw.layout", "bf2raw"),
    ("series", "ome"),
)


def schemas_for(ome_keys):
    return [schema for key, schema in SCHEMA_FOR_KEY if key in ome_keys]


def shared_dir():
    default = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared")
    return os.path.abspath(os.environ.get("OZV_SHARED_DIR", default))


def schema_dir(version):
    return os.path.join(shared_dir(), "ngff-upstream", version, "schemas")
