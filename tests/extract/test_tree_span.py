"""_subtree_span reads only the two ends of a span (issue 17): the same characters as
walking the whole subtree, in time linear in the paragraph, not quadratic."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ARTICLES
from generator.extract import tree
from generator.extract.tree import _subtree_span


def walked_span(tok, exclude=(), after=None, before=None):
    """The span as computed before issue 17: every token of the subtree looked at."""
    skip = set()
    for e in exclude:
        skip.update(t.i for t in e.subtree)
    toks = [t for t in tok.subtree if t.i not in skip and not t.is_space
            and (after is None or t.i > after) and (before is None or t.i < before)]
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")
                    or (toks[0].is_punct and toks[0].text not in "\"\u201c\u2018`'")):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in "\"\u201d\u2019'":
        toks.pop()
    if not toks:
        return tok.idx, tok.idx
    toks.sort(key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def calls(doc, rng):
    """Every token, alone, with excluded subtrees (children, grandchildren, outsiders) and cut at a cue."""
    for tok in doc:
        yield tok, (), None, None
        kids = list(tok.children)
        if kids:
            yield tok, tuple(rng.sample(kids, min(len(kids), rng.randint(1, 2)))), None, None
            yield tok, (), kids[0].i, None
            yield tok, (), None, kids[-1].i
        inner = [t for t in tok.subtree if t.i != tok.i]
        if inner:
            yield tok, (rng.choice(inner), rng.choice(doc)), rng.choice([None, tok.i]), None


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.md"))]
    texts.append('"We will go," he said, "and' * 40)
    texts.append("Officials said that , , , . . . ; the plan -- which he said , that -- would \u201cwork\u201d .")
    return list(nlp.pipe(texts))


def test_same_span_as_walking_the_subtree(docs):
    rng = random.Random(17)
    n = 0
    for doc in docs:
        for tok, exclude, after, before in calls(doc, rng):
            assert _subtree_span(tok, exclude, after, before) == walked_span(tok, exclude, after, before), \
                (doc[tok.sent.start:tok.sent.end].text, tok.i, [e.i for e in exclude], after, before)
            n += 1
    assert n > 10_000


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list('"\u201c\u201d,.;-') + ["He said", "that", "we", "will", "and", "go",
                                                              "Ann", "\n\n", "told"]), max_size=60))
def test_same_span_on_odd_text(nlp, words):
    doc = nlp(" ".join(words))
    rng = random.Random(len(doc))
    for tok, exclude, after, before in calls(doc, rng):
        assert _subtree_span(tok, exclude, after, before) == walked_span(tok, exclude, after, before)


def visited(nlp, extract, n):
    text = '"We will go," he said, "and' * n
    doc = nlp(text)
    from generator.model import Article

    extract(doc, Article(path="x.txt", id="x", title="x", text=text))
    return tree._tree(doc).visited, len(doc)


def test_work_grows_linearly_with_the_paragraph(nlp):
    """The tokens the span finder steps on grow in proportion to the paragraph (they grew
    with its square: one 27 kB paragraph took 15 s)."""
    from generator.extract.claims import extract

    counts = [visited(nlp, extract, n) for n in (50, 100, 200, 400)]
    per_token = [v / tokens for v, tokens in counts]
    assert counts[-1][0] > 0
    assert max(per_token) < 4 and per_token[-1] <= per_token[0] * 1.25, counts


def test_of_two_subjects_the_noun_right_after_an_inverted_cue_speaks(nlp):
    """'Sales rose, in particular London, said the report': when the parse gives a verb of saying
    two subjects, the one right after the verb is its speaker, not a place in the content."""
    from spacy.tokens import Doc

    words = ["Sales", "rose", ",", "in", "particular", "London", ",", "said", "the", "report", "."]
    heads = [1, 7, 7, 7, 3, 7, 7, 7, 9, 7, 7]
    deps = ["nsubj", "ccomp", "punct", "prep", "amod", "nsubj", "punct", "ROOT", "det", "nsubj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert tree.subject_of(doc[7]).text == "report"
    assert tree.subject_of(doc[1]).text == "Sales"
