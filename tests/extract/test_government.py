"""A capitalised common noun for a body ("the Government", "the Commission") names no one body:
never a speaker's name, and never the company the article names most."""

import pytest

from conftest import speakers_by_text as speakers


def _as_org(nlp, text, words):
    """The Doc of `text` with every occurrence of `words` tagged an organisation, as the model
    does in some articles and not in others."""
    import re

    from spacy.tokens import Span

    doc = nlp(text)
    spans = []
    for w in words:
        for m in re.finditer(re.escape(w), text):
            span = doc.char_span(m.start(), m.end())
            spans.append(Span(doc, span.start, span.end, label="ORG"))
    taken = {i for s in spans for i in range(s.start, s.end)}
    doc.ents = [e for e in doc.ents if not taken & set(range(e.start, e.end))] + spans
    return doc


@pytest.mark.parametrize("body", ["Government", "Commission", "Council"])
def test_a_capitalised_common_noun_for_a_body_is_no_speaker(nlp, body):
    from generator.extract import extract
    from generator.model import Article

    text = (f"Northgate Mining has warned of job cuts. As long as the {body} pays, the plan stands, "
            f"said Tom Reed of Northgate Mining.\n\nThe {body} said on Monday that no money was left.")
    doc = _as_org(nlp, text, [body])
    got = speakers(extract(doc, Article(path="t", id="t", title="T", text=text)))
    assert body not in got.values()
    assert "Northgate Mining" not in {got.get("no money was left")}  # not the company the article is about
    assert got.get("no money was left") is None


def test_the_government_is_not_the_body_named_last(nlp):
    from generator.extract import extract
    from generator.model import Article

    text = ("The Treasury would be making far more than it paid out, Tom Reed said. Later the government "
            "said that it would question what was considered art.")
    doc = _as_org(nlp, text, ["Treasury"])
    got = speakers(extract(doc, Article(path="t", id="t", title="T", text=text)))
    assert got.get("it would question what was considered art") is None


def test_a_body_whose_name_holds_the_noun_is_still_found(extract_text):
    text = ("The Scottish Government has opened a review of ferry contracts. The government said the "
            "review would report in June.")
    got = speakers(extract_text(text))
    assert got.get("the review would report in June") == "Scottish Government"


def test_a_spokesman_of_a_capitalised_common_noun_speaks_for_no_body(nlp):
    from generator.extract import extract
    from generator.model import Article

    text = "A Government spokesman said that the figures would be published in March."
    doc = _as_org(nlp, text, ["Government"])
    got = speakers(extract(doc, Article(path="t", id="t", title="T", text=text)))
    assert got == {"the figures would be published in March": None}
