"""Credit lines at a paragraph's end (issue 17): the same answers as the regular expression
they replace, in linear time (`AP/` + 300 capitals + `!` took 20 s)."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.extract import quotes
from generator.extract.quotes import CREDIT_RE, caption_spans

OLD_CREDIT_RE = re.compile(
    r"(?:\b[A-Z][A-Z.]{1,}|Getty Images|Reuters|Shutterstock)\s*/\s*"
    r"(?:[A-Z][\w.'\-]*\s*){1,4}(?:/\s*[A-Z][\w.'\-]*\s*)*\)?\s*$"
    r"|\((?:Photo|Image|Picture|Credit)s?(?: credit)?:[^)]*\)\s*$")

CREDITS = ["Reuters/Kevin Lamarque", "POOL / Alexander Zemlianichenko",
           "AFP/Getty Images", "Getty Images/Joe Raedle/Staff", "EPA/A.B. O'Neil-Smith",
           "Leaders met on Monday. (Photo: Jane Doe)", "The summit (Picture credit: Jo Bloggs) ",
           "Shutterstock / A B C D", "A caption. REUTERS/Yves Herman/File"]
NOT_CREDITS = ["He said the AP/Ipsos poll showed it.", "AP/Jane Doe went home today and stayed",
               "ap/Jane Doe", "A/Jane Doe", "AP/One Two Three Four Five", "AP/ + lower",
               "(Photo: one) and more", "Reuters/", "/Jane Doe", "AP/Jane//Doe", "",
               # never credits to the expression either (kept as they were): the agency must be
               # in capitals right before the slash, and each part after the name one word
               "AP Photo/Jane Doe", "(AP Photo/Evan Vucci)", "REUTERS/Yves Herman/File Photo",
               "U.S. NAVY/Petty Officer Third Class Jo Ann"]


@pytest.mark.parametrize("body", CREDITS)
def test_credit_lines(body):
    assert CREDIT_RE.search(body) and OLD_CREDIT_RE.search(body)


@pytest.mark.parametrize("body", NOT_CREDITS)
def test_not_credit_lines(body):
    assert not CREDIT_RE.search(body) and not OLD_CREDIT_RE.search(body)


PIECES = ["A", "P", "AP", "x", "/", " ", ".", ")", "(", ":", "\n", "Reuters", "Getty Images", "Photo", "-", "'",
          "é", "\u00a0", "\x1c", "7", "_", "Doe", "credit", "Credits", "Image"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("AP Photo/Jane Doe")
@example("x.AP/J (Photo: x)")
@example("(Photo: a)(Photo: b)")
def test_same_answer_as_the_regular_expression(body):
    assert bool(CREDIT_RE.search(body)) == bool(OLD_CREDIT_RE.search(body)), body


def work(body):
    """Characters handed to the parser's regular expressions (each runs in linear time)."""
    seen = [0]

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def fullmatch(self, s, *a):
            seen[0] += len(s)
            return self.pattern.fullmatch(s, *a)

        def search(self, s, pos=0):
            seen[0] += len(s) - pos
            return self.pattern.search(s, pos)

    with pytest.MonkeyPatch.context() as mp:
        for name in ("_NAME_RE", "_WORD_RE", "_WORD_START_RE", "_PHOTO_CREDIT_RE"):
            mp.setattr(quotes, name, Counting(getattr(quotes, name)))
        CREDIT_RE.search(body)
    return seen[0]


HOSTILE = [lambda n: "AP/" + "A" * n + "!", lambda n: "AP/" + "A " * n, lambda n: "AB/" * n + "x",
           lambda n: "A." * n + "a/Jo", lambda n: "(Photo:" * n + ")", lambda n: "AP/Jo" + "/Jo Jo" * n,
           lambda n: "AP/" + "/A" * n + ")", lambda n: "X" + " Y/Z" * n]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(range(len(HOSTILE))), st.integers(10, 2000))
def test_work_grows_linearly(shape, n):
    body = HOSTILE[shape](n)
    assert work(body) <= 3 * len(body) + 10


def test_hostile_paragraph_is_no_caption_and_quick():
    body = "AP/" + "A" * 100_000 + "!"
    assert caption_spans(body) == []
    assert caption_spans("Leaders meet.\n\nAP/" + "A" * 100_000) == [(15, 15 + 3 + 100_000)]
