"""confidence.py: the evidence a claim's confidence rests on, and the rates fitted for it."""

import json
from pathlib import Path

from generator.extract.confidence import RATES, rate


def test_the_rates_file_is_the_one_the_fit_writes():
    data = json.loads((Path(__file__).resolve().parents[2] / "generator/extract/confidence_rates.json").read_text())
    assert data == RATES
    assert set(data) == {"speaker", "span"} and "*" in data["speaker"] and "*" in data["span"]
    assert all(0 < v < 1 for v in data["speaker"].values())


def test_evidence_the_fit_never_saw_gets_the_overall_rate():
    assert rate("a-rule-nobody-wrote", "a-new-finder") == round(RATES["speaker"]["*"] * RATES["span"]["*"], 2)
    assert 0.05 <= rate("nobody", "prep") <= 0.95


def test_a_claim_with_nobody_behind_its_he_is_flagged_a_generic_group_is_not(extract_text):
    brief = extract_text("He said the deal was off. Analysts said the shares would fall.")
    by_text = {c.text: c for c in brief.claims}
    assert by_text["the deal was off"].speaker is None
    assert by_text["the deal was off"].confidence == rate("nobody", "clause") < 0.5
    assert by_text["the shares would fall"].confidence == rate("generic-group", "clause") >= 0.5


def test_a_named_speaker_ranks_above_an_unnamed_one(extract_text):
    brief = extract_text("Jane Smith said the talks would resume. A source said the talks had failed.")
    by_text = {c.text: c.confidence for c in brief.claims}
    assert by_text["the talks would resume"] > by_text["the talks had failed"]
