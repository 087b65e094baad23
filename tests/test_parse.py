"""The spaCy stage: one pipeline per process, every component extraction needs, streaming."""

from __future__ import annotations

import types

from generator import parse


def test_pipeline_is_loaded_once_per_process():
    assert parse.load_nlp() is parse.load_nlp()


def test_pipeline_keeps_what_extraction_reads(nlp):
    """pos_ (tagger + attribute_ruler), lemma_ (lemmatizer), dep_ and sentences (parser), ents (ner)."""
    for name in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    doc = nlp("Gordon Brown said the plan would work.")
    said = doc[2]
    assert (said.lemma_, said.pos_, said.dep_) == ("say", "VERB", "ROOT")
    assert [e.label_ for e in doc.ents] == ["PERSON"]


def test_model_fingerprint_matches_the_loaded_pipeline(nlp):
    """Cache keys can be computed without loading spaCy, and agree with the loaded model."""
    assert parse.model_fingerprint() == parse.model_id(nlp)


def test_parse_streams_docs_in_order(nlp):
    texts = ["First text here.", "Second one.", "Third and last."]
    docs = parse.parse(iter(texts))
    assert isinstance(docs, types.GeneratorType)
    assert [d.text for d in docs] == texts


def test_token_indices_agree_with_reading_every_token(nlp):
    """The array shortcut extraction uses finds exactly the tokens a loop over the Doc finds."""
    doc = nlp("The Foreign Minister said on Monday that officials had warned, according to AP, "
              "that the ministers would say nothing. He said so.")
    assert parse.token_indices(doc, "POS", frozenset({"VERB", "AUX"})) == [
        t.i for t in doc if t.pos_ in ("VERB", "AUX")]
    assert parse.token_indices(doc, "DEP", frozenset({"nsubj"})) == [t.i for t in doc if t.dep_ == "nsubj"]
    assert parse.token_indices(doc, "LOWER", frozenset({"according"})) == [
        t.i for t in doc if t.lower_ == "according"]
    # lemmas keep their case ("Minister" of a proper noun): `cased` covers the ways a word is written
    ministers = [t.i for t in doc if t.lemma_.lower() == "minister"]
    assert len(ministers) == 2
    assert parse.token_indices(doc, "LEMMA", parse.cased({"minister"})) == ministers
    assert parse.token_indices(doc, "LEMMA", frozenset({"nothing-here"})) == []
