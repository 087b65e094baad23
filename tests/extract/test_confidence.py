"""confidence.py: the evidence a claim's confidence weighs, and the model fitted on it."""

import json
from pathlib import Path

from generator.extract.confidence import MODEL, probability


def test_the_model_file_is_the_one_the_fit_writes():
    data = json.loads((Path(__file__).resolve().parents[2] / "generator/extract/confidence_model.json").read_text())
    assert data == MODEL
    assert "bias" in data["weights"] and any(k.startswith("speaker=") for k in data["weights"])
    assert all(abs(v) < 20 for v in data["weights"].values())


def test_evidence_the_fit_never_saw_weighs_nothing():
    assert probability({"bias": 1.0, "speaker=a-rule-nobody-wrote": 1.0}) == probability({"bias": 1.0})
    assert 0.05 <= probability({"bias": 1.0, "speaker=nobody": 1.0, "span=prep": 1.0}) <= 0.95
    model = {"weights": {"bias": 100.0}}
    assert probability({"bias": 1.0}, model) == 0.95  # never certain


def test_a_claim_with_nobody_behind_its_he_is_flagged_a_generic_group_is_not(extract_text, evidence):
    brief = extract_text("He said the deal was off. Analysts said the shares would fall.")
    by_text = {c.text: c for c in brief.claims}
    off, fall = by_text["the deal was off"], by_text["the shares would fall"]
    assert off.speaker is None and evidence(off)["speaker=nobody"] == 1.0
    assert off.confidence == probability(evidence(off)) < 0.5
    assert evidence(fall)["speaker=generic-group"] == 1.0 and fall.confidence >= 0.5


def test_a_named_speaker_ranks_above_an_unnamed_one(extract_text):
    brief = extract_text("Jane Smith said the talks would resume. A source said the talks had failed.")
    by_text = {c.text: c.confidence for c in brief.claims}
    assert by_text["the talks would resume"] > by_text["the talks had failed"]


def test_a_speaker_the_article_keeps_naming_is_trusted_more(extract_text):
    # (a cue other than "said", so neither figure sits at the 0.95 cap)
    once = extract_text("Jane Smith admitted the talks would resume.").claims[0]
    often = extract_text("Jane Smith met the unions. Smith spoke for an hour. Ms Smith later admitted the talks "
                         "would resume.").claims[-1]
    assert often.confidence > once.confidence


def test_a_he_named_sentences_back_weighs_its_distance(extract_text, evidence):
    near = extract_text("John Smith met the unions on Monday. He said the talks would resume.")
    far = extract_text("John Smith met the unions on Monday. The meeting lasted an hour. Coffee was served. "
                       "The rooms were cold. He said the talks would resume.")
    f_near, f_far = evidence(near.claims[-1]), evidence(far.claims[-1])
    assert f_near["speaker=pronoun"] == f_far["speaker=pronoun"] == 1.0
    assert f_near["antecedent_back"] == 1.0 and f_far["antecedent_back"] == 4.0
    assert near.claims[-1].confidence > far.claims[-1].confidence


def test_a_he_the_ranking_barely_preferred_has_a_small_lead(extract_text, evidence):
    alone = extract_text("John Smith met the unions. He said the talks would resume.")
    two = extract_text("John Smith met Peter Jones. He said the talks would resume.")
    f_alone, f_two = evidence(alone.claims[-1]), evidence(two.claims[-1])
    assert f_alone["antecedent_lead"] == 3.0  # nobody else in view: as sure as the ranking gets
    assert 0 < f_two["antecedent_lead"] < 3.0  # Peter Jones, named in the same sentence, ranks close
    assert alone.claims[-1].confidence > two.claims[-1].confidence


def test_a_document_with_no_issuer_found_is_evidence_against_nobody(extract_text, evidence):
    brief = extract_text("A statement said the plant would close. Analysts said the shares would fall.")
    by_text = {c.text: c for c in brief.claims}
    plant, shares = by_text["the plant would close"], by_text["the shares would fall"]
    assert plant.speaker is None and evidence(plant)["document_source"] == 1.0
    assert "document_source" not in evidence(shares)
    assert plant.confidence < shares.confidence
