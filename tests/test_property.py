"""Property test: extraction never raises on random or mangled text, and every span it returns
indexes the article text exactly (0 <= start < end <= len(text), text[start:end] == span.text)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Article
from generator.workers import extract_doc

NEWS = [
    '"We will not back down from this fight," said Jane Smith, the mayor of Springfield.',
    "John Brown said that the factory would close next year, blaming high energy costs.",
    "\u201cThe budget is balanced,\u201d she told reporters on Monday, \u201cand the city is safe.\u201d",
    "The minister, Sergei Lavrov, argued that the West was \"undermining\" the United Nations.",
    "According to the report, unemployment fell to 4.1% in March.",
    "``It's over,'' he said. ``We lost.''",
    "Officials warned that the storm could bring \u2018catastrophic\u2019 flooding to the coast.",
    "\u201cNo comment,\u201d said a spokesperson for the company. Mr Smith declined to answer.",
]
MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "``", "''", "'", "\u00ab", "\u00bb"]
ODD = ["\n", "\n\n", " ", "\t", "\u00e9", "\u200b", "\u2028", "\U0001F600", "\u0301", "\ufeff", "\u00a0", "<",
       "&", "{{", "\u05d0", "\u0627"]


def assert_spans_index(text: str, brief) -> None:
    speakers = {s.id for s in brief.speakers}
    for claim in brief.claims:
        spans = [claim, *(s for s in (claim.cue, claim.speaker_mention) if s is not None), *claim.fragments]
        for span in spans:
            assert 0 <= span.start < span.end <= len(text), (span, len(text))
            assert text[span.start:span.end] == span.text, span
        assert claim.speaker is None or claim.speaker in speakers
        assert claim.kind in ("direct", "indirect", "mixed")


def run(nlp, text: str):
    article = Article(path="prop.txt", id="prop", title="Property", text=text)
    brief = extract_doc(nlp(text), article)
    assert_spans_index(text, brief)
    return brief


@st.composite
def mangled_news(draw):
    """Real-looking news sentences with quote marks deleted or added, newlines and odd unicode inserted."""
    text = " ".join(draw(st.lists(st.sampled_from(NEWS), min_size=1, max_size=5)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete-mark", "insert-mark", "insert-odd", "delete-range", "duplicate"]))
        pos = draw(st.integers(0, len(text)))
        if op == "delete-mark":
            marks = [i for i, c in enumerate(text) if c in "\"\u201c\u201d\u2018\u2019`'"]
            if marks:
                i = draw(st.sampled_from(marks))
                text = text[:i] + text[i + 1:]
        elif op == "insert-mark":
            text = text[:pos] + draw(st.sampled_from(MARKS)) + text[pos:]
        elif op == "insert-odd":
            text = text[:pos] + draw(st.sampled_from(ODD)) + text[pos:]
        elif op == "delete-range":
            end = draw(st.integers(pos, min(len(text), pos + 30)))
            text = text[:pos] + text[end:]
        else:
            end = draw(st.integers(pos, min(len(text), pos + 80)))
            text = text[:end] + text[pos:end] + text[end:]
    return text


PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=mangled_news())
def test_extraction_on_mangled_news(nlp, text):
    run(nlp, text)


@PROPERTY
@given(pieces=st.lists(st.one_of(st.sampled_from(MARKS + ODD + NEWS[0].split() + ["said", "Smith", "."]),
                                 st.text(max_size=8)), max_size=80))
def test_extraction_on_random_text(nlp, pieces):
    run(nlp, "".join(pieces))


def test_mangled_news_still_yields_claims(nlp):
    """The property is not vacuous: the unmangled sentences do give claims with cues and speakers."""
    brief = run(nlp, " ".join(NEWS))
    assert len(brief.claims) >= 5
    assert any(c.cue for c in brief.claims) and any(c.speaker_mention for c in brief.claims)
