"""The seed article scored by ../shared/eval's scorer: the extractor must keep its targets."""

import json
import subprocess
import sys

from conftest import ROOT, require_shared

SEED_E2E_F1 = 0.95
SEED_STRICT_ATTRIBUTION = 1.0


def test_seed_meets_its_targets():
    evaluate = require_shared("eval", "evaluate.py")
    gold = require_shared("eval", "seed.jsonl")
    cmd = f"{sys.executable} -m generator extract {{input}} --jsonl --no-cache"
    proc = subprocess.run([sys.executable, str(evaluate), "--gold", str(gold), "--cmd", cmd, "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    scores = json.loads(proc.stdout)
    assert not scores["warnings"], scores["warnings"]
    assert scores["end_to_end"]["F1"] >= SEED_E2E_F1, scores["end_to_end"]
    assert scores["attribution"]["strict"] >= SEED_STRICT_ATTRIBUTION, scores["attribution"]
