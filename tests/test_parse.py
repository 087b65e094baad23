"""The spaCy stage: one pipeline per process, every component extraction needs, streaming."""

from __future__ import annotations

import types

from conftest import ARTICLES
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


# ---------------------------------------------------------------------- the rule components in bulk
TRICKY = [
    "There is no plan, and there are no talks. It's not over: they don't know, y' know, nothin' doin'.",
    "  Leading spaces.\n\n\nA paragraph after blank lines \t and tabs.\n\n",
    "He gets what he got. She's said she'd go; we're told they've gone.",
    "",
    "\n",
]
COLUMNS = ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")


def _arrays(docs):
    return [doc.to_array(list(COLUMNS)).tolist() for doc in docs]


def test_parse_gives_the_docs_of_the_whole_pipeline(nlp):
    """The rule components applied in bulk after the others give every token the same tag, POS,
    morphology, lemma, dependency, entity and sentence start as nlp.pipe (bundled articles too)."""
    from generator.read import read_paths

    texts = TRICKY + [a.text for a in read_paths([ARTICLES]).articles]
    assert list(parse.bulk_steps(nlp)) == ["attribute_ruler", "lemmatizer"]
    assert _arrays(parse.parse(texts)) == _arrays(nlp.pipe(texts))


def test_briefs_of_bundled_articles_are_those_of_the_whole_pipeline(nlp):
    from generator.build import extract_doc
    from generator.read import read_paths

    articles = read_paths([ARTICLES]).articles
    stock = [extract_doc(d, a).to_dict() for d, a in zip(nlp.pipe(a.text for a in articles), articles, strict=True)]
    fast = [extract_doc(d, a).to_dict() for d, a in zip(parse.parse(a.text for a in articles), articles, strict=True)]
    assert fast == stock


def test_attributes_leave_rules_of_other_shapes_to_spacy():
    """A ruler with a pattern the bulk version does not work out (three tokens, an operator) is run
    by spaCy; one it does (one or two tokens, sets and regular expressions) gives spaCy's result,
    a later rule overriding an earlier one."""
    import spacy

    def ruler_with(patterns):
        blank = spacy.blank("en")
        ruler = blank.add_pipe("attribute_ruler")
        for pattern, attrs in patterns:
            ruler.add([pattern], attrs)
        return blank, ruler

    simple = [([{"LOWER": "said"}], {"LEMMA": "say", "POS": "VERB"}),
              ([{"LOWER": {"IN": ["said", "told"]}}], {"LEMMA": "tell"}),
              ([{"LOWER": {"REGEX": "^n'?t$"}}], {"POS": "PART"}),
              ([{"LOWER": "do"}, {"LOWER": "n't"}], {"POS": "AUX"})]
    blank, ruler = ruler_with(simple)
    bulk = parse.Attributes(ruler)
    assert bulk.rules is not None
    text = "He said they don't know, she told me. Said and told."
    want = ruler(blank.make_doc(text))
    got = bulk(blank.make_doc(text))
    assert [(t.lemma_, t.pos_) for t in got] == [(t.lemma_, t.pos_) for t in want]
    assert got[1].lemma_ == "tell"  # the later rule wins

    blank, ruler = ruler_with([([{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}], {"POS": "X"})])
    bulk = parse.Attributes(ruler)
    assert bulk.rules is None
    assert [t.pos_ for t in bulk(blank.make_doc("a b c d"))] == ["X", "", "", ""]


def _breaks_token_by_token(doc):
    """paragraph_breaks as it was: Token.is_sent_start set one token at a time (each set checks
    the whole Doc for a parse, so this was quadratic in the line breaks)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_space or (tok.is_punct and (tok.i + 1 == len(doc) or "\n" in doc[tok.i + 1].text
                                                 or "\n" in tok.whitespace_)):
            tok.is_sent_start = False
    return doc


def test_paragraph_breaks_set_all_at_once_are_those_set_token_by_token(nlp):
    texts = [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.md"))]
    texts += ['"Go 1," Smith said.\n\n"Go 2," he said.\n \nEnd.', "a\n", "\n", "x", "Hello.\n\n\n(AP)\n",
              "Line one\r\nLine two.\n\n\n\n\"Quote,\" she said.\n"]
    for text in texts:
        with nlp.select_pipes(enable=[]):
            a, b = nlp.make_doc(text), nlp.make_doc(text)
        parse.paragraph_breaks(a)
        _breaks_token_by_token(b)
        assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b], text[:80]
