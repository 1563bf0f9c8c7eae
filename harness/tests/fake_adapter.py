#!/usr/bin/python3
"""A deliberately unreliable adapter for the harness tests.

Answers by the case ID: `...crash...` exits, `...hang...` never answers, `...garbage...`
prints a non-JSON line, `...wrongsum...` answers a wrong checksum; anything else gets the
verdict its suffix asks for (and the right checksums when FAKE_CHECKSUMS names them).
"""

import json
import os
import sys
import time

for raw in sys.stdin:
    message = json.loads(raw)
    if message["cmd"] == "start":
        print(json.dumps({"name": "fake", "version": "1", "language": "python", "protocol": 1,
                          "supports": {"ngff_versions": ["0.4", "0.5"], "zarr_formats": [2, 3],
                                       "codecs": [], "zip": False, "validate": True,
                                       "read": True}}), flush=True)
    elif message["cmd"] == "stop":
        break
    elif message["cmd"] == "run":
        case = message["case"]
        if "crash" in case:
            sys.exit(3)
        if "hang" in case:
            time.sleep(3600)
        if "garbage" in case:
            print("this is not JSON", flush=True)
            continue
        answer = {"case": case,
                  "verdict": "invalid" if case.endswith("-error") else "valid"}
        if message["arrays"]:
            good = json.loads(os.environ.get("FAKE_CHECKSUMS", "{}"))
            answer["checksums"] = {p: ("0" * 64 if "wrongsum" in case else good.get(p, ""))
                                   for p in message["arrays"]}
        print(json.dumps(answer), flush=True)
