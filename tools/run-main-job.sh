#!/usr/bin/env bash
# The main job behind `make run`. Until the corpus generator exists, it writes a handful of
# small sample datasets (valid and broken Zarr v2/v3 and OME-Zarr 0.5, an .ozx and a broken
# ZIP), validates each one with ome-zarr-validate and prints a summary table for a person.
# Python is Debian's /usr/bin/python3 (where python3-zarr is installed), whatever python3 is on PATH.
set -euo pipefail
build=${1:-build}
tool="$build/bin/ome-zarr-validate"
out="$build/samples"
rm -rf "$out"
mkdir -p "$out/reports"

write() {  # write FILE CONTENT
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$2" > "$1"
}

v3_array='{"zarr_format":3,"node_type":"array","shape":[64,64],"data_type":"uint16",
 "chunk_grid":{"name":"regular","configuration":{"chunk_shape":[32,32]}},
 "chunk_key_encoding":{"name":"default","configuration":{"separator":"/"}},"fill_value":0,
 "codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"gzip","configuration":{"level":5}}],
 "dimension_names":["y","x"],"attributes":{}}'

# 1. A valid Zarr v3 group with one array (its root declares OME-Zarr 0.5, as RFC-9 requires of an .ozx).
write "$out/v3-valid.zarr/zarr.json" '{"zarr_format":3,"node_type":"group","attributes":{"ome":{"version":"0.5"}}}'
write "$out/v3-valid.zarr/image/zarr.json" "$v3_array"

# 2. A broken Zarr v3 array: codec order, fill value out of range, missing member.
write "$out/v3-broken.zarr/zarr.json" '{"zarr_format":3,"node_type":"group"}'
write "$out/v3-broken.zarr/image/zarr.json" '{"zarr_format":3,"node_type":"array","shape":[64,64],
 "data_type":"uint8","chunk_grid":{"name":"regular","configuration":{"chunk_shape":[32,0]}},
 "fill_value":256,"codecs":[{"name":"gzip","configuration":{"level":5}},{"name":"bytes"}]}'

# 3. Valid Zarr v2 data written by python3-zarr 2.13 (real chunks, blosc).
/usr/bin/python3 - "$out/v2-python-zarr.zarr" <<'PY'
import sys, numpy as np, zarr
root = zarr.open_group(sys.argv[1], mode="w")
a = root.create_dataset("image", shape=(64, 64), chunks=(32, 32), dtype="<u2")
a[:] = np.arange(64 * 64, dtype="<u2").reshape(64, 64)
root.create_dataset("labels", shape=(10,), chunks=(5,), dtype="|u1", dimension_separator="/")
PY

# 4. A broken Zarr v2 array: dtype without byte order, bad order, chunks of the wrong rank.
write "$out/v2-broken.zarr/.zgroup" '{"zarr_format":2}'
write "$out/v2-broken.zarr/image/.zarray" '{"zarr_format":2,"shape":[64,64],"chunks":[32],"dtype":"f8",
 "compressor":{"cname":"lz4"},"fill_value":"nan","filters":[],"order":"X"}'

# 5. OME-Zarr 0.5 images: a clean one with a label image, and one with its axes out of order.
/usr/bin/python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
def write(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    json.dump(doc, open(path, "w"), indent=1)
def level(shape, dtype):
    return {"zarr_format": 3, "node_type": "array", "shape": shape, "data_type": dtype,
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": shape}},
            "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
            "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
            "dimension_names": ["c", "y", "x"], "attributes": {}}
def image(root, dtype, axes_order=(0, 1, 2), extra=None):
    axes = [{"name": "c", "type": "channel"}, {"name": "y", "type": "space", "unit": "micrometer"},
            {"name": "x", "type": "space", "unit": "micrometer"}]
    ome = {"version": "0.5", "multiscales": [{"name": "image", "axes": [axes[i] for i in axes_order], "datasets": [
        {"path": str(l), "coordinateTransformations": [{"type": "scale", "scale": [1.0, 2.0 ** l, 2.0 ** l]}]}
        for l in range(2)]}]}
    ome.update(extra or {})
    write(f"{root}/zarr.json", {"zarr_format": 3, "node_type": "group", "attributes": {"ome": ome}})
    for l in range(2):
        write(f"{root}/{l}/zarr.json", level([2, 64 >> l, 64 >> l], dtype))
image(f"{out}/ome-0.5-image.zarr", "uint16")
write(f"{out}/ome-0.5-image.zarr/labels/zarr.json",
      {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "labels": ["cells"]}}})
image(f"{out}/ome-0.5-image.zarr/labels/cells", "uint32",
      extra={"image-label": {"colors": [{"label-value": 1, "rgba": [255, 0, 0, 255]}]}})
image(f"{out}/ome-0.5-bad-axes.zarr", "uint16", axes_order=(1, 2, 0))
PY

# 6. An RFC-9 .ozx: ZIP64, stored, root zarr.json first, then the other zarr.json, a comment.
(cd "$out/v3-valid.zarr" &&
 printf '{"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":true}}}}' |
 zip -q -0 -X -fz -z "../v3-valid.ozx" zarr.json image/zarr.json)

# 7. A ZIP whose hierarchy sits in a folder instead of the archive root.
(cd "$out" && zip -q -0 -X -r v3-wrapped.zip v3-valid.zarr)

printf '%-22s %-9s %-9s %6s %6s %8s  %s\n' sample expected verdict errors warn info rules
printf '%s\n' "--------------------------------------------------------------------------------------------"
for sample in v3-valid.zarr:valid v3-broken.zarr:invalid v2-python-zarr.zarr:valid v2-broken.zarr:invalid \
              ome-0.5-image.zarr:valid ome-0.5-bad-axes.zarr:invalid v3-valid.ozx:valid v3-wrapped.zip:invalid; do
  name=${sample%%:*}
  expected=${sample##*:}
  set +e
  "$tool" --format json --output "$out/reports/$name.json" "$out/$name"
  code=$?
  set -e
  /usr/bin/python3 - "$out/reports/$name.json" "$name" "$expected" "$code" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
name, expected, code = sys.argv[2], sys.argv[3], int(sys.argv[4])
verdict = "valid" if report["valid"] else "invalid"
s = report["summary"]
rules = sorted({f["rule"] for f in report["findings"]})
mark = "" if verdict == expected else "   <-- UNEXPECTED"
print(f"{name:<22} {expected:<9} {verdict:<9} {s['error'] + s['fatal']:>6} {s['warning']:>6} {s['info']:>8}  "
      f"{' '.join(rules[:6])}{' ...' if len(rules) > 6 else ''}{mark}")
PY
done
echo
echo "Reports: $out/reports/ (one JSON report per sample). Text form, e.g.:"
echo "  $tool $out/v3-broken.zarr"
