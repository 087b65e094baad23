"""scripts/standoff.py: our own annotations kept as offsets, rebuilt from the corpus at run time."""

import importlib.util
import json

from conftest import ROOT


def _standoff():
    spec = importlib.util.spec_from_file_location("standoff", ROOT / "scripts" / "standoff.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BODY = 'The plan is dead, Jane Hill said. "We will try again," she added.\n'


def _gold():
    start = BODY.index('"We')
    return {"id": "politics/900", "source": "bbc", "title": "Plan", "text": BODY, "meta": {}, "claims": [
        {"start": 0, "end": 16, "text": BODY[0:16], "speaker": "Jane Hill", "kind": "indirect", "optional": False,
         "speaker_mention": {"start": 18, "end": 27, "text": "Jane Hill"}, "cue": {"start": 28, "end": 32,
                                                                               "text": "said"}},
        {"start": start, "end": start + 20, "text": BODY[start:start + 20], "speaker": "Jane Hill",
         "kind": "direct", "optional": False, "speaker_mention": None, "cue": None}]}


def test_a_standoff_record_holds_no_word_of_the_text_and_rebuilds_the_gold(tmp_path):
    mod = _standoff()
    record = mod.to_standoff(_gold())
    dumped = json.dumps(record)
    assert "plan is dead" not in dumped and "try again" not in dumped and "text" not in record["claims"][0]
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "900.txt").write_text("Plan\n\n" + BODY, encoding="utf-8")
    arts, skipped = mod.gold_articles([record], tmp_path)
    assert skipped == [] and arts[0]["claims"] == _gold()["claims"] and arts[0]["text"] == BODY


def test_an_article_whose_text_changed_or_is_missing_is_left_out_and_said(tmp_path):
    mod = _standoff()
    record = mod.to_standoff(_gold())
    arts, skipped = mod.gold_articles([record], tmp_path)
    assert arts == [] and "missing" in skipped[0]
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "900.txt").write_text("Plan\n\n" + BODY.replace("dead", "over"), encoding="utf-8")
    arts, skipped = mod.gold_articles([record], tmp_path)
    assert arts == [] and "changed" in skipped[0]
