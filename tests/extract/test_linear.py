"""Extraction in time linear in the paragraph (issue 17): offsets looked up in sorted ranges
(ranges.py), never by scanning every quote, caption or claim; the same answers as the scans."""

import os
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import direct
from generator.extract.quotes import Quote
from generator.extract.ranges import FirstAbove, Ranges, Stabbing
from generator.extract.tree import Candidate

EXTRACT_DIR = os.path.dirname(direct.__file__)


def lines_run(nlp, n):
    """Lines of generator/extract executed to extract one paragraph of n attributed quotes:
    a count of work that, unlike a clock, is the same on every run."""
    from generator.extract.claims import extract
    from generator.model import Article

    text = '"We will go," he said, "and' * n
    doc = nlp(text)
    count = [0]

    def local(frame, event, arg):
        count[0] += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(EXTRACT_DIR) else None

    sys.settrace(calls)
    try:
        extract(doc, Article(path="x.txt", id="x", title="x", text=text))
    finally:
        sys.settrace(None)
    return count[0] / len(doc)


def test_lines_run_per_token_stay_flat_as_the_paragraph_grows(nlp):
    """The parse nests each cue's content in the next, so every content holds all the quotes
    before it: scanning them made the lines run per token triple from 100 to 400 repetitions."""
    lines_run(nlp, 10)  # first-call work (caches, lazy imports) out of the way
    per_token = [lines_run(nlp, n) for n in (100, 200, 400)]
    assert per_token[-1] <= per_token[0] * 1.15, per_token


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(-2, 62))
def test_ranges_and_stabbing_answer_as_a_scan(ranges, i):
    assert (i in Ranges(ranges)) == any(s <= i < e for s, e in ranges)
    assert Stabbing(ranges).count(i) == sum(s <= i < e for s, e in ranges)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=20), st.integers(0, 22), st.integers(-1, 51))
def test_first_above_answers_as_a_scan(values, i, bound):
    want = next((k for k in range(i, len(values)) if values[k] > bound), None)
    assert FirstAbove(values).first(i, bound) == want


def scanned_snap(text, cands, quotes):
    """snap_to_quotes as it was: every quote looked at for every content."""
    for c in cands:
        for q in quotes:
            starts_inside = c.start <= q.start < c.end
            opens_content = q.start < c.start < q.end and (c.start - q.start < 40 or q.paragraphs > 1)
            if starts_inside or opens_content:
                c.start, c.end = min(c.start, q.start), max(c.end, q.end)
        for q in quotes:
            if q.start < c.start < q.end and q.end - 3 <= c.end <= q.end + 3 \
                    and re.search(r"[.?!]\W*\s", text[q.start:c.start]):
                c.start, c.end = q.start, max(c.end, q.end)
        first = next((q for q in quotes if q.start == c.start or
                      (q.start > c.start and not text[c.start:q.start].strip(' "\u201c'))), None)
        if first is not None and first.end < c.end:
            if text[first.end:c.end].lstrip()[:1] in ("-", "\u2014", "\u2013", "("):
                c.end = first.end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab. "?!-\n', min_size=70, max_size=70),
       st.lists(st.tuples(st.integers(0, 69), st.integers(1, 45), st.sampled_from([1, 2])), max_size=7),
       st.lists(st.tuples(st.integers(0, 69), st.integers(-3, 50)), min_size=1, max_size=4))
def test_snap_to_quotes_finds_what_a_scan_finds(text, quotes, contents):
    """Nested and overlapping quotes (a single-quoted span holding a double one) and contents
    included; quotes come in text order, as find_quotes gives them."""
    quotes = sorted((Quote(s, min(70, s + n), p) for s, n, p in quotes), key=lambda q: q.start)
    fast = [Candidate(s, max(0, s + n), None, None, None, "clause") for s, n in contents]
    slow = [Candidate(s, max(0, s + n), None, None, None, "clause") for s, n in contents]
    direct.snap_to_quotes(text, fast, quotes)
    scanned_snap(text, slow, quotes)
    assert [(c.start, c.end) for c in fast] == [(c.start, c.end) for c in slow]


def calls_per_token(nlp, text):
    """Function calls (Python and spaCy's own, which cProfile sees) made to extract and tag the
    topics of one parsed article, per token: a count of work, the same on every run."""
    import cProfile
    import pstats

    from generator.build import extract_doc
    from generator.model import Article

    doc = nlp(text)
    profile = cProfile.Profile()
    profile.enable()
    try:
        brief = extract_doc(doc, Article(path="x.txt", id="x", title="x", text=text))
    finally:
        profile.disable()
    assert not any(n.startswith("extraction failed") for n in brief.article.notes), brief.article.notes
    return pstats.Stats(profile).total_calls / len(doc)


def test_a_quote_dense_article_costs_the_same_per_token_at_any_length(nlp):
    """`"Go N," Smith said.` a line: reading each sentence's entities (sent.ents walks every entity
    of the document) once per mention, every entity once per claim (topics) and every quote once
    per claim made 4,400 lines cost 10x plain news; the calls per token grew with the length."""
    def text(n):
        return "\n\n".join(f'"Go on now {i}," Smith said.' for i in range(n))

    calls_per_token(nlp, text(20))  # first-call work out of the way
    per_token = [calls_per_token(nlp, text(n)) for n in (200, 400, 800)]
    assert per_token[-1] <= per_token[0] * 1.3, per_token


def test_a_name_dense_article_costs_the_same_per_token_at_any_length(nlp):
    """Thousands of names differing by one letter, one a line."""
    import itertools
    import string

    def text(n):
        names = itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), n)
        return "\n\n".join(f"Minister Marta Kov{a}{b}{c}ek said the plan would work." for a, b, c in names)

    calls_per_token(nlp, text(20))
    per_token = [calls_per_token(nlp, text(n)) for n in (200, 400, 800)]
    assert per_token[-1] <= per_token[0] * 1.3, per_token
