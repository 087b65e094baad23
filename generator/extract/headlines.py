"""Headline and transcript attribution: 'Pence: Flowers Won't Be at Debate', 'WALLACE: ...'."""

from __future__ import annotations

import re

from generator.extract.lexicon import HEADLINE_RE, MIN_CONTENT_CHARS, NOT_SPEAKERS
from generator.extract.ranges import Ranges
from generator.extract.tree import Candidate, _inside
from generator.model import Span


def headline_candidates(text: str, captions) -> list[Candidate]:
    """'Pence: Flowers Won't Be at Debate' and transcripts 'WALLACE: Let's start ...'."""
    out = []
    captions = Ranges(captions)
    for m in re.finditer(r"(?:^|\n)[ \t]*", text):
        pos = m.end()
        if text[pos:pos + 1] in ("\"", "\u201c"):
            pos += 1  # a transcript inside quote marks: '"WALLACE: ...'
        h = HEADLINE_RE.match(text, pos)
        if h is None or _inside(captions, pos):
            continue
        who = h.group("who")
        if who.split()[0].lower().strip(".") in NOT_SPEAKERS or len(who) > 60:
            continue
        line_end = text.find("\n", h.start("what"))
        what = text[h.start("what"):len(text) if line_end < 0 else line_end]
        if _data_line(text, who, what) or _heading(text, who):
            continue
        s = h.start("what")
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        while e > s and text[e - 1] in " \t.":
            e -= 1
        if e - s < MIN_CONTENT_CHARS:
            continue
        colon = h.end("who")
        out.append(Candidate(s, e, Span(":", colon, colon + 1), None, None, "headline",
                             mention=Span(who, h.start("who"), h.end("who"))))
    return out


def _data_line(text: str, label: str, content: str) -> bool:
    """'Replacements: Everitt for Mapletoft (53), ...', 'Scorers: ...': a label and a list, not a
    speaker and what they said. A one-word label the article also writes in lower case is a
    common word, not a name."""
    if re.search(r"\(\d+\)", content) or content.count(",") >= 3 and not re.search(r"[.!?]\s", content):
        return True
    return " " not in label and re.search(r"(?<![\w-])" + re.escape(label.lower()) + r"(?![\w-])", text) is not None


def _heading(text: str, label: str) -> bool:
    """'CITY VIEW: ...', 'MARKET CLOSE: ...': a label of two or more words in capitals is a
    section heading unless the article writes one of its words as a name elsewhere ("McCain" of
    a transcript's "SEN. JOHN MCCAIN:")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", label) if len(w) > 1]
    if len(words) < 2 or not label.isupper():
        return False
    for w in words:
        for m in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.IGNORECASE):
            if m.group()[:1].isupper() and not m.group().isupper():
                return False
    return True
