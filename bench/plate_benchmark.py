#!/usr/bin/python3
"""Plate benchmark (issue 3): a metadata-only OME-Zarr 0.5 plate of 384 wells x 4 fields x
5 levels (~10k documents), validated by ome-zarr-validate and, in the same run, by the
baseline a user can assemble today: Python jsonschema (Draft 2020-12) over the official
schemas, one node at a time. Prints both times, the ratio and whether the verdicts agree.

usage: bench/plate_benchmark.py [build-dir] [shared-dir]   (run on demand, not a test)
"""
import json, os, pathlib, shutil, subprocess, sys, tempfile, time

build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build")
shared = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "../shared")
ROWS, COLS, FIELDS, LEVELS = "ABCDEFGHIJKLMNOP", [str(c) for c in range(1, 25)], 4, 5


def write(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc))


def group(ome):
    return {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", **ome}}}


def level(size):
    return {"zarr_format": 3, "node_type": "array", "shape": [size, size], "data_type": "uint16",
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [size, size]}},
            "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
            "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
            "dimension_names": ["y", "x"], "attributes": {}}


def generate(root):
    wells = [{"path": f"{r}/{c}", "rowIndex": ri, "columnIndex": ci}
             for ri, r in enumerate(ROWS) for ci, c in enumerate(COLS)]
    write(root / "zarr.json", group({"plate": {
        "name": "bench", "field_count": FIELDS, "rows": [{"name": r} for r in ROWS],
        "columns": [{"name": c} for c in COLS], "wells": wells}}))
    axes = [{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}]
    image = group({"multiscales": [{"axes": axes, "datasets": [
        {"path": str(l), "coordinateTransformations": [{"type": "scale", "scale": [2.0 ** l, 2.0 ** l]}]}
        for l in range(LEVELS)]}]})
    documents = 1
    for r in ROWS:
        write(root / r / "zarr.json", {"zarr_format": 3, "node_type": "group", "attributes": {}})
        documents += 1
        for c in COLS:
            write(root / r / c / "zarr.json", group({"well": {"images": [{"path": str(f)} for f in range(FIELDS)]}}))
            documents += 1
            for f in range(FIELDS):
                write(root / r / c / str(f) / "zarr.json", image)
                for l in range(LEVELS):
                    write(root / r / c / str(f) / str(l) / "zarr.json", level(1024 >> l))
                documents += 1 + LEVELS
    return documents


def baseline(root):
    """Python jsonschema over the official schemas, following the metadata one node at a time."""
    from jsonschema import Draft202012Validator, RefResolver
    store, by_name = {}, {}
    for f in (shared / "ngff-upstream/0.5/schemas").glob("*.schema"):
        s = json.loads(f.read_text())
        store[s["$id"]], by_name[f.name] = s, s
    validators = {n: Draft202012Validator(s, resolver=RefResolver.from_schema(s, store=store)) for n, s in by_name.items()}
    errors = 0

    def node(path, schema):
        nonlocal errors
        attrs = json.loads((root / path / "zarr.json").read_text())["attributes"]
        errors += sum(1 for _ in validators[schema].iter_errors(attrs))
        return attrs["ome"]

    plate = node("", "plate.schema")["plate"]
    for well in plate["wells"]:
        for image in node(well["path"], "well.schema")["well"]["images"]:
            ms = node(f"{well['path']}/{image['path']}", "image.schema")["multiscales"][0]
            for ds in ms["datasets"]:  # the arrays must exist and have the right rank
                arr = json.loads((root / well["path"] / image["path"] / ds["path"] / "zarr.json").read_text())
                errors += len(arr["shape"]) != len(ms["axes"])
    return errors


def median_time(run, times):
    """The median wall time of `times` runs of run() (the machine is shared: one run can be unlucky)."""
    samples, result = [], None
    for _ in range(times):
        start = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[len(samples) // 2], samples, result


def main():
    tool = build / "bin/ome-zarr-validate"
    work = pathlib.Path(tempfile.mkdtemp(prefix="ozv-plate-"))
    try:
        root = work / "plate.ome.zarr"
        documents = generate(root)
        subprocess.run([tool, root], capture_output=True)  # warm the page cache for both
        ours_time, ours_samples, ours = median_time(
            lambda: subprocess.run([tool, "--format", "json", root], capture_output=True, text=True), 7)
        base_time, base_samples, base_errors = median_time(lambda: baseline(root), 3)
        report = json.loads(ours.stdout)
        print(f"plate: {len(ROWS) * len(COLS)} wells x {FIELDS} fields x {LEVELS} levels, {documents} documents")
        print(f"machine: {os.cpu_count()} cores; median of {len(ours_samples)} runs (ours) and {len(base_samples)} (baseline)")
        print(f"ome-zarr-validate:            {ours_time:7.3f} s  valid={report['valid']} findings={len(report['findings'])}"
              f"  runs {' '.join(f'{t:.3f}' for t in ours_samples)}")
        print(f"python jsonschema (official): {base_time:7.3f} s  errors={base_errors}"
              f"  runs {' '.join(f'{t:.3f}' for t in base_samples)}")
        print(f"speed-up: {base_time / ours_time:.2f}x (target 10x)")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
