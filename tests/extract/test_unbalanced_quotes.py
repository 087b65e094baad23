"""Unbalanced or mismatched quotation marks: extraction goes on, no quote swallows the article."""

import time

from generator.extract.claims import find_quotes
from generator.extract.quotes import MAX_QUOTE_CHARS

FILLER = "The council met on Monday and the meeting went on for hours. " * 10


def test_unclosed_straight_quote_does_not_cross_paragraphs():
    text = 'He said "this will never end.\n\n' + FILLER + '\n\n"We are done here," she said.'
    spans = find_quotes(text)
    assert [text[s:e] for s, e in spans] == ['"We are done here,"']


def test_curly_quote_left_open_does_not_swallow_the_next_quote():
    text = "\u201cThe first quote never closes. " + FILLER + "\u201cThe second one does,\u201d she said."
    spans = find_quotes(text)
    assert [text[s:e] for s, e in spans] == ["\u201cThe second one does,\u201d"]


def test_stray_closing_marks_are_ignored():
    text = "Stray \u201d mark and '' here. \u201cA real quote, well formed,\u201d he said."
    assert [text[s:e] for s, e in find_quotes(text)] == ["\u201cA real quote, well formed,\u201d"]


def test_one_paragraph_article_with_an_unclosed_quote_is_not_swallowed():
    text = 'He said "it is over. ' + FILLER * 10 + 'Then "the end," she said.'
    spans = find_quotes(text)
    assert [text[s:e] for s, e in spans] == ['"the end,"'], "the closed quote is found, the open one dropped"
    assert all(e - s <= MAX_QUOTE_CHARS for s, e in spans)


def test_many_unclosed_marks_take_linear_time():
    text = ("\u201cword " * 50_000) + '"x'
    t = time.perf_counter()
    assert find_quotes(text) == []
    assert time.perf_counter() - t < 5, "find_quotes is quadratic in the number of quote marks"


def test_extraction_goes_on_past_a_broken_quote(extract_text):
    text = ('"This quote is never closed, said the mayor.\n\n'
            '"We will not back down from this fight," said Jane Smith, the mayor.')
    brief = extract_text(text)
    assert [c.text for c in brief.claims if c.kind == "direct"] == ['"We will not back down from this fight,"']
