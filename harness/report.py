#!/usr/bin/python3
"""Renders REPORTS/COMPATIBILITY.md and REPORTS/index.html from a results.jsonl.

    report.py RESULTS.jsonl [--out DIR]      (DIR defaults to the results file's folder)
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ozv_harness import report_render  # noqa: E402
from ozv_harness.results import ResultsError  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description="render the compatibility reports")
    parser.add_argument("results")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    try:
        report_render.render_files(args.results, args.out or os.path.dirname(os.path.abspath(args.results)))
    except (OSError, ResultsError) as error:
        print("report.py: %s" % error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
