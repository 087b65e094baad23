"""The seed article scored by ../shared/eval's scorer (the extractor must keep its targets), and
scripts/eval.py's fixed halves of the public speech articles."""

import hashlib
import importlib.util
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


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_halves_are_fixed_by_the_id_alone():
    ev = _script("eval")
    for article_id in ("business/006", "politics/350", "polnear/nyt_2015-12-22_x"):
        first = hashlib.sha1(article_id.encode()).digest()[0]
        assert ev.half(article_id) == ("dev" if first % 2 == 0 else "held")


def test_both_halves_of_the_public_articles_are_about_as_large():
    ev = _script("eval")
    ids = [json.loads(line)["id"] for name in ev.SPEECH
           for line in require_shared("eval", name).read_text(encoding="utf-8").splitlines() if line.strip()]
    dev = [i for i in ids if ev.half(i) == "dev"]
    assert len(ids) == 137 and 60 <= len(dev) <= 77


def test_a_generic_phrase_is_flagged_but_a_title_written_after_the_is_not():
    ev = _script("eval")
    record = {"speakers": [{"id": "analysts", "name": "Analysts"}, {"id": "the-observer", "name": "The Observer"},
                           {"id": "the-firm", "name": "The firm"}],
              "claims": [{"speaker": "analysts", "speaker_mention": {"text": "Analysts"}},
                         {"speaker": "the-observer", "speaker_mention": {"text": "the Observer"}},
                         {"speaker": "the-firm", "speaker_mention": {"text": "the firm"}}]}
    assert ev.generic_speakers(record) == ["Analysts", "The firm"]
