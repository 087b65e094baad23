"""Stable claim ids (generator/extract/ids.py): same text, same ids; spans may move; edits stay local."""

import re

from generator.extract.ids import ID_LENGTH, assign_ids, sentence_starts
from generator.model import Claim

TEXT = (
    'Mayor Jane Smith said the plant would close. "We will fight this," she added.\n\n'
    "Mr. Brown, the union leader, said workers had not been told. He said talks would go on.\n\n"
    "The company said it would not comment."
)


def claims_at(text, *phrases):
    out = []
    for phrase in phrases:
        start = text.index(phrase)
        out.append(Claim(kind="indirect", text=phrase, start=start, end=start + len(phrase)))
    return out


PHRASES = ("the plant would close", '"We will fight this,"', "workers had not been told", "talks would go on",
           "it would not comment")


def ids(text, phrases=PHRASES, article="a"):
    return [c.id for c in assign_ids(article, text, claims_at(text, *phrases))]


def test_ids_are_short_url_safe_and_unique():
    got = ids(TEXT)
    assert len(set(got)) == len(got)
    assert all(re.fullmatch(rf"[a-z2-7]{{{ID_LENGTH}}}", i) for i in got)


def test_same_text_gives_same_ids():
    assert ids(TEXT) == ids(TEXT)


def test_ids_differ_between_articles():
    assert not set(ids(TEXT, article="a")) & set(ids(TEXT, article="b"))


def test_a_span_nudged_within_its_sentence_keeps_its_id():
    before = ids(TEXT)
    nudged = ("said the plant would close.", 'We will fight this', "had not been told", "talks would go on.",
              "company said it would not comment")
    assert ids(TEXT, nudged) == before


def test_an_edit_elsewhere_keeps_the_other_ids():
    before = dict(zip(PHRASES, ids(TEXT), strict=True))
    edited = TEXT.replace("Mr. Brown, the union leader,", "Tom Brown, who leads the union,")
    edited = "A new first paragraph was added.\n\n" + edited
    after = dict(zip(PHRASES, ids(edited), strict=True))
    assert after["workers had not been told"] != before["workers had not been told"]  # its sentence changed
    for phrase in PHRASES:
        if phrase != "workers had not been told":
            assert after[phrase] == before[phrase], phrase


def test_two_claims_in_one_sentence_and_a_repeated_sentence_get_different_ids():
    text = "Ann said prices rose and Bob said wages fell. Ann said prices rose and Bob said wages fell."
    first = text.index("prices rose")
    second = text.index("prices rose", first + 1)
    claims = [Claim(kind="indirect", text="prices rose", start=s, end=s + 11) for s in (first, second)]
    claims += [Claim(kind="indirect", text="wages fell", start=text.index("wages fell"), end=text.index("wages fell")
                     + 10)]
    got = [c.id for c in assign_ids("a", text, claims)]
    assert len(set(got)) == 3


def test_sentences_are_not_cut_after_titles_and_initials():
    text = "Mr. J. Smith of the U.S. Senate said no. Then he left."
    assert sentence_starts(text) == [0, text.index("Then")]


def test_extracted_claims_carry_ids_that_survive_re_extraction(extract_text):
    text = ('"We will not back down," said Jane Smith, the mayor.\n\n'
            "The council said it would meet on Monday. Officials said the budget was short.")
    first = extract_text(text)
    assert first.claims and all(c.id for c in first.claims)
    again = extract_text(text)
    assert [c.id for c in again.claims] == [c.id for c in first.claims]
    edited = extract_text(text.replace("would meet on Monday", "would meet on Tuesday"))
    kept = {c.text: c.id for c in first.claims if "Monday" not in c.text and "council" not in c.text}
    assert kept and all(c.id == kept[c.text] for c in edited.claims if c.text in kept)
