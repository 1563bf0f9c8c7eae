#!/usr/bin/python3
"""Tests of the harness itself: process handling, classification, report determinism.

    /usr/bin/python3 -m unittest discover -s harness/tests -v
"""

import hashlib
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import run  # noqa: E402
from ozv_harness import report_render  # noqa: E402
from ozv_harness.adapter_process import AdapterFailure, AdapterProcess  # noqa: E402
from ozv_harness.classify import classify, expected_verdict  # noqa: E402

FAKE = [sys.executable, os.path.join(HERE, "fake_adapter.py")]
SUM = "ab" * 32


def case(case_id, checksums=None):
    return {"id": case_id, "path": "cases/" + case_id, "spec_version": "0.5", "tags": ["t"],
            "level": 1, "checksums": checksums or {}}


class ClassifyTest(unittest.TestCase):
    def test_expected_verdict_from_suffix(self):
        self.assertEqual(expected_verdict("a/b-valid"), "valid")
        self.assertEqual(expected_verdict("a/b-warning"), "valid")
        self.assertEqual(expected_verdict("a/b-error"), "invalid")
        with self.assertRaises(ValueError):
            expected_verdict("a/b")

    def test_verdicts(self):
        self.assertEqual(classify("x-valid", {}, {"verdict": "valid"})[0], "correct-accept")
        self.assertEqual(classify("x-warning", {}, {"verdict": "valid"})[0], "correct-accept")
        self.assertEqual(classify("x-error", {}, {"verdict": "invalid"})[0], "correct-reject")
        self.assertEqual(classify("x-error", {}, {"verdict": "valid"})[0], "false-accept")
        self.assertEqual(classify("x-warning", {}, {"verdict": "invalid"})[0], "false-reject")

    def test_reads(self):
        self.assertEqual(classify("x-valid", {"0": SUM}, {"checksums": {"0": SUM}})[0], "read-ok")
        self.assertEqual(classify("x-valid", {"0": SUM}, {"checksums": {"0": "00"}})[0], "misread")
        self.assertEqual(classify("x-valid", {"0": SUM, "1": SUM}, {"checksums": {"0": SUM}})[0],
                         "misread")
        self.assertEqual(classify("x-valid", {"0": SUM},
                                  {"verdict": "valid", "checksums": {"0": "00"}})[0], "misread")
        self.assertEqual(classify("x-valid", {"0": SUM},
                                  {"checksums": {}, "read_errors": {"0": "boom"}})[0], "false-reject")

    def test_skips_and_errors(self):
        self.assertEqual(classify("x-error", {}, {"skipped": "v3"}), ("unsupported", "v3"))
        self.assertEqual(classify("x-valid", {}, {"errored": "oops"}), ("errored", "oops"))


class AdapterProcessTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_crash_hang_garbage_then_recovery(self):
        cases = [case("a/crash-valid"), case("b/fine-valid"), case("c/hang-error"),
                 case("d/fine-error"), case("e/garbage-valid"), case("f/fine-warning"),
                 case("g/wrongsum-valid", {"0": SUM})]
        info, lines, _ = run.run_adapter("fake", cases, self.tmp, 2.0, self.tmp, argv=FAKE)
        self.assertEqual(info["status"], "smoke test: the adapter handles none of "
                         + ", ".join(run.SMOKE_VALID))
        self.assertEqual(lines, [])
        # Give the fake smoke-test cases so the run proceeds.
        cases += [case(run.SMOKE_VALID[0]), case(run.SMOKE_INVALID[0])]
        info, lines, _ = run.run_adapter("fake", cases, self.tmp, 2.0, self.tmp, argv=FAKE)
        self.assertEqual(info["status"], "ok")
        outcome = {line["case"]: (line["outcome"], line["detail"]) for line in lines}
        self.assertEqual(outcome["a/crash-valid"][0], "errored")
        self.assertIn("exited (code 3)", outcome["a/crash-valid"][1])
        self.assertEqual(outcome["b/fine-valid"][0], "correct-accept")
        self.assertEqual(outcome["c/hang-error"][0], "errored")
        self.assertIn("timeout", outcome["c/hang-error"][1])
        self.assertEqual(outcome["d/fine-error"][0], "correct-reject")
        self.assertEqual(outcome["e/garbage-valid"][0], "errored")
        self.assertIn("not JSON", outcome["e/garbage-valid"][1])
        self.assertEqual(outcome["f/fine-warning"][0], "correct-accept")
        self.assertEqual(outcome["g/wrongsum-valid"][0], "misread")
        self.assertEqual(info["restarts"], 3)

    def test_missing_program_is_a_start_failure(self):
        proc = AdapterProcess("none", [os.path.join(self.tmp, "no-such-adapter")])
        with self.assertRaises(AdapterFailure):
            proc.start()


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        json.dump(value, out)


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)


def multiscales(axes, **extra):
    return [dict(extra, name="img", datasets=[
        {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0] * len(axes)}]}],
        axes=[{"name": name, "type": "space"} for name in axes])]


# A 3x3 uint16 image in 2x2 chunks: edge chunks are padded, so a reader must cut them.
IMAGE = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]


def image_chunks():
    """Returns {(row, col): raw little-endian chunk bytes} and the sha256 the corpus defines."""
    chunks = {}
    for ci in range(2):
        for cj in range(2):
            values = [IMAGE[i][j] if i < 3 and j < 3 else 0
                      for i in range(2 * ci, 2 * ci + 2) for j in range(2 * cj, 2 * cj + 2)]
            chunks[(ci, cj)] = b"".join(v.to_bytes(2, "little") for v in values)
    flat = b"".join(v.to_bytes(2, "little") for row in IMAGE for v in row)
    return chunks, hashlib.sha256(flat).hexdigest()


def write_v04_image(root, axes=("y", "x"), datasets=True, compressor=None):
    write_json(os.path.join(root, ".zgroup"), {"zarr_format": 2})
    attrs = {"multiscales": multiscales(axes, version="0.4")}
    if not datasets:
        del attrs["multiscales"][0]["datasets"]
    write_json(os.path.join(root, ".zattrs"), attrs)
    write_json(os.path.join(root, "0", ".zarray"), {
        "zarr_format": 2, "shape": [3, 3], "chunks": [2, 2], "dtype": "<u2", "order": "C",
        "compressor": compressor, "fill_value": 0, "filters": None, "dimension_separator": "."})
    chunks, digest = image_chunks()
    for (ci, cj), data in chunks.items():
        write_bytes(os.path.join(root, "0", "%d.%d" % (ci, cj)), data)
    return {"0": digest}


def write_v05_image(root, axes=("y", "x")):
    write_json(os.path.join(root, "zarr.json"), {
        "zarr_format": 3, "node_type": "group",
        "attributes": {"ome": {"version": "0.5", "multiscales": multiscales(axes)}}})
    write_json(os.path.join(root, "0", "zarr.json"), {
        "zarr_format": 3, "node_type": "array", "shape": [3, 3], "data_type": "uint16",
        "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
        "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
        "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
        "fill_value": 0, "dimension_names": list(axes)})
    chunks, digest = image_chunks()
    for (ci, cj), data in chunks.items():
        write_bytes(os.path.join(root, "0", "c", str(ci), str(cj)), data)
    return {"0": digest}


class RealAdapterTest(unittest.TestCase):
    """The npm adapters through the real protocol, on small cases written here.

    Needs harness/node_modules (harness/install.sh); without it the adapters fail to start
    and these tests fail, they are not skipped.
    """

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.cases = []

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def add(self, case_id, spec_version, writer, **options):
        checksums = writer(os.path.join(self.tmp, "cases", case_id), **options)
        self.cases.append({"id": case_id, "path": "cases/" + case_id, "spec_version": spec_version,
                           "tags": [], "level": 1,
                           "checksums": checksums if case_id.endswith("-valid") else {}})

    def add_smoke_cases(self):
        self.add("ngff-0.5/image-2d-valid", "0.5", write_v05_image)
        self.add("ngff-0.4/image-2d-valid", "0.4", write_v04_image)
        self.add("ngff-schema/v05-axis-name-number-error", "0.5", write_v05_image, axes=("y", "1"))
        self.add("ngff-schema/v04-datasets-missing-error", "0.4", write_v04_image, datasets=False)

    def run_adapter(self, name):
        info, lines, _ = run.run_adapter(name, self.cases, self.tmp, 30.0, self.tmp)
        return info, {line["case"]: (line["outcome"], line["detail"]) for line in lines}

    def test_zarrjs_v2_reads_v2_and_skips_v3(self):
        self.add_smoke_cases()
        # An unsupported compressor fails inside zarr-js's fetch callback: it must come back
        # as this array's read error, and the next case must still be read.
        self.add("zarr-v2/compressor-blosc-dot-valid", "0.4", write_v04_image,
                 compressor={"id": "blosc", "cname": "lz4", "clevel": 5, "shuffle": 1})
        self.add("zarr-v2/compressor-none-dot-valid", "0.4", write_v04_image)
        info, outcome = self.run_adapter("zarrjs-v2")
        self.assertEqual(info["status"], "ok")
        self.assertEqual(info["supports"]["zarr_formats"], [2])
        self.assertEqual(outcome["ngff-0.4/image-2d-valid"], ("read-ok", ""))
        self.assertEqual(outcome["ngff-0.5/image-2d-valid"][0], "unsupported")
        self.assertEqual(outcome["zarr-v2/compressor-blosc-dot-valid"],
                         ("false-reject", "cannot read 0: Error: compressor blosc is not supported"))
        self.assertEqual(outcome["zarr-v2/compressor-none-dot-valid"], ("read-ok", ""))
        self.assertEqual(outcome["ngff-schema/v04-datasets-missing-error"][0], "not-applicable")

    def test_zarrjs_v3_answers_with_read_errors_not_crashes(self):
        self.add_smoke_cases()
        info, outcome = self.run_adapter("zarrjs-v3")
        self.assertEqual(info["supports"]["zarr_formats"], [3])
        # zarr-js 3.3.0 takes codecs[0] as the compressor, so a plain `bytes` chain is not
        # read; whatever it does, it must answer as a reader (checksums or read errors).
        if info["status"] != "ok":
            self.assertTrue(info["status"].startswith(
                "smoke test failed on ngff-0.5/image-2d-valid: false-reject cannot read 0: "), info)
        else:
            self.assertEqual(outcome["ngff-0.5/image-2d-valid"], ("read-ok", ""))
            self.assertEqual(outcome["ngff-0.4/image-2d-valid"][0], "unsupported")

    def test_ngff_zarr_verdicts(self):
        self.add_smoke_cases()
        info, outcome = self.run_adapter("ngff-zarr")
        self.assertEqual(info["status"], "ok")
        self.assertIn("0.4", info["supports"]["ngff_versions"])
        self.assertIn("0.5", info["supports"]["ngff_versions"])
        self.assertEqual(outcome["ngff-0.5/image-2d-valid"][0], "correct-accept")
        self.assertEqual(outcome["ngff-0.4/image-2d-valid"][0], "correct-accept")
        self.assertEqual(outcome["ngff-schema/v05-axis-name-number-error"][0], "correct-reject")
        self.assertIn("axes", outcome["ngff-schema/v05-axis-name-number-error"][1])
        self.assertEqual(outcome["ngff-schema/v04-datasets-missing-error"],
                         ("correct-reject", "Failed to read OME-Zarr: Invalid OME-Zarr metadata: "
                                            "'datasets' must be a non-empty array"))


FAKE_VALIDATE = """#!/usr/bin/python3
import json, sys
if sys.argv[1] == "--version":
    print("ome-zarr-validate 0.0-fake")
    sys.exit(0)
print(json.dumps({"findings": []}))
sys.exit(1 if sys.argv[1].endswith("-error") else 0)
"""

# Answers `read PATH ARRAY...` like ome-zarr-corpus: the checksum of an array named "wrong..."
# is wrong, "bad..." cannot be read, others get sha256(name); a path with "crash" aborts.
FAKE_CORPUS = """#!/usr/bin/python3
import hashlib, json, os, sys
with open(os.environ["FAKE_READ_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1] != "read" or "crash" in sys.argv[2]:
    sys.exit(3)
sums, errors = {}, {}
for array in sys.argv[3:]:
    if array.startswith("bad"):
        errors[array] = "chunk %s/0 cannot be decoded: decode_failed" % array
    else:
        sums[array] = "0" * 64 if array.startswith("wrong") else hashlib.sha256(array.encode()).hexdigest()
print(json.dumps({"checksums": sums, "read_errors": errors}))
sys.exit(1 if errors else 0)
"""


def name_sum(array):
    return hashlib.sha256(array.encode()).hexdigest()


class OursAdapterTest(unittest.TestCase):
    """The ours adapter through the real protocol, with stand-ins for our two binaries.

    The stand-ins sit in one directory, as in a build's bin/: the reader adapter must find
    ome-zarr-corpus beside $OZV_VALIDATE.
    """

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.saved = {k: os.environ.get(k) for k in ("OZV_VALIDATE", "FAKE_READ_LOG")}
        bin_dir = os.path.join(self.tmp, "bin")
        os.makedirs(bin_dir)
        for name, text in (("ome-zarr-validate", FAKE_VALIDATE), ("ome-zarr-corpus", FAKE_CORPUS)):
            with open(os.path.join(bin_dir, name), "w") as out:
                out.write(text)
            os.chmod(os.path.join(bin_dir, name), 0o755)
        os.environ["OZV_VALIDATE"] = os.path.join(bin_dir, "ome-zarr-validate")
        self.log = os.path.join(self.tmp, "reads.jsonl")
        os.environ["FAKE_READ_LOG"] = self.log
        self.cases = []

    def tearDown(self):
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.tmp)

    def add(self, case_id, arrays):
        os.makedirs(os.path.join(self.tmp, "cases", case_id))
        self.cases.append({"id": case_id, "path": "cases/" + case_id, "spec_version": "0.5", "tags": [],
                           "level": 4, "checksums": {a: name_sum(a.replace("wrong", "w")) for a in arrays}})

    def reads(self):
        with open(self.log) as lines:
            return [json.loads(line) for line in lines]

    def test_verdicts_and_reads_are_two_adapters(self):
        self.add("ngff-0.5/image-2d-valid", ["0", "1", "labels/a/0"])
        self.add("ngff-schema/v05-axis-name-number-error", [])
        self.add("zarr-v3/wrong-pixels-valid", ["0", "wrong"])
        self.add("zarr-v3/bad-chunk-valid", ["0", "bad"])
        self.add("zarr-v3/crash-valid", ["0"])
        info, lines, _ = run.run_adapter("ours", self.cases, self.tmp, 30.0, self.tmp)
        self.assertEqual(info["status"], "ok")
        self.assertFalse(info["supports"]["read"])
        outcome = {line["case"]: line["outcome"] for line in lines}
        self.assertEqual(outcome["ngff-0.5/image-2d-valid"], "correct-accept")
        self.assertEqual(outcome["ngff-schema/v05-axis-name-number-error"], "correct-reject")
        self.assertFalse(os.path.exists(self.log))  # the validator adapter reads no pixels

        info, lines, _ = run.run_adapter("ours-reader", self.cases, self.tmp, 30.0, self.tmp)
        self.assertEqual(info["status"], "ok")
        self.assertTrue(info["supports"]["read"])
        self.assertFalse(info["supports"]["validate"])
        outcome = {line["case"]: (line["outcome"], line["detail"]) for line in lines}
        self.assertEqual(outcome["ngff-0.5/image-2d-valid"][0], "read-ok")
        self.assertEqual(outcome["ngff-schema/v05-axis-name-number-error"][0], "not-applicable")
        self.assertEqual(outcome["zarr-v3/wrong-pixels-valid"], ("misread", "checksum differs for wrong"))
        self.assertEqual(outcome["zarr-v3/bad-chunk-valid"],
                         ("false-reject", "cannot read bad: chunk bad/0 cannot be decoded: decode_failed"))
        self.assertEqual(outcome["zarr-v3/crash-valid"][0], "errored")
        self.assertIn("ome-zarr-corpus read: exit 3", outcome["zarr-v3/crash-valid"][1])
        # Each case with arrays is read once with all of them (smoke test included).
        reads = self.reads()
        image = os.path.join(self.tmp, "cases", "ngff-0.5/image-2d-valid")
        self.assertIn(["read", image, "0", "1", "labels/a/0"], reads)
        self.assertFalse([r for r in reads if "v05-axis-name-number-error" in r[1]])
        self.assertEqual(len([r for r in reads if "wrong-pixels" in r[1]]), 1)


class ReportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write_results(self, order):
        lines = [{"type": "header", "protocol": 1, "corpus_sha256": "c" * 64, "case_count": 2,
                  "only": "", "adapters": [{"name": "x", "status": "ok"}, {"name": "y", "status": "ok"}]}]
        results = [
            {"type": "result", "adapter": "x", "case": "ngff/a-error", "outcome": "false-accept",
             "detail": "d|e", "expected": "invalid", "area": "ngff", "spec_version": "0.5", "tags": []},
            {"type": "result", "adapter": "y", "case": "ngff/a-error", "outcome": "correct-reject",
             "detail": "", "expected": "invalid", "area": "ngff", "spec_version": "0.5", "tags": []},
            {"type": "result", "adapter": "x", "case": "zarr/b-valid", "outcome": "correct-accept",
             "detail": "", "expected": "valid", "area": "zarr", "spec_version": "0.4", "tags": []},
        ]
        lines += [results[i] for i in order]
        lines.append({"type": "footer", "elapsed_seconds": {"x": len(order)}})
        path = os.path.join(self.tmp, "results.jsonl")
        with open(path, "w") as out:
            out.writelines(json.dumps(l) + "\n" for l in lines)
        return path

    def render(self, order):
        report_render.render_files(self.write_results(order), self.tmp)
        with open(os.path.join(self.tmp, "COMPATIBILITY.md")) as md, \
                open(os.path.join(self.tmp, "index.html")) as page:
            return md.read(), page.read()

    def test_render_is_deterministic_and_order_independent(self):
        first = self.render([0, 1, 2])
        second = self.render([0, 1, 2])
        shuffled = self.render([2, 0, 1])
        self.assertEqual(first, second)
        self.assertEqual(first, shuffled)

    def test_an_adapter_that_did_not_run_is_explained_under_the_summary(self):
        path = self.write_results([0, 1, 2])
        with open(path) as lines:
            rows = [json.loads(line) for line in lines]
        rows[0]["adapters"].append({"name": "z", "status": "smoke test failed on a-valid: it crashed"})
        with open(path, "w") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
        report_render.render_files(path, self.tmp)
        with open(os.path.join(self.tmp, "COMPATIBILITY.md")) as md:
            markdown = md.read()
        summary = markdown.split("## Summary")[1].split("## Disagreements")[0]
        self.assertIn("Not run: z: smoke test failed on a-valid: it crashed", summary)
        self.assertNotIn("Not run: x", summary)

    def test_disagreement_and_summary(self):
        markdown, page = self.render([0, 1, 2])
        self.assertIn("| ngff/a-error | invalid | x | y |  |", markdown)
        self.assertIn("| x | 1 | 0 | 0 | 1 |", markdown)
        self.assertIn("d\\|e", markdown)
        self.assertNotIn("http", page.replace("http://www.w3.org", ""))


if __name__ == "__main__":
    unittest.main()
