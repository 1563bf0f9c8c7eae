#!/usr/bin/python3
"""Tests of the harness itself: process handling, classification, report determinism.

    /usr/bin/python3 -m unittest discover -s harness/tests -v
"""

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

    def test_disagreement_and_summary(self):
        markdown, page = self.render([0, 1, 2])
        self.assertIn("| ngff/a-error | invalid | x | y |  |", markdown)
        self.assertIn("| x | 1 | 0 | 0 | 1 |", markdown)
        self.assertIn("d\\|e", markdown)
        self.assertNotIn("http", page.replace("http://www.w3.org", ""))


if __name__ == "__main__":
    unittest.main()
