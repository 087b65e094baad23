"""Quotation marks and text layout: where quotes, paragraphs and photo captions are.

Pure string functions (no spaCy), so they can be tested on their own. Offsets are
Python string indices into the article text.

Quotes: curly (“…”), straight ("…") and TeX-style (``…'') double marks; single
marks (‘…’) only inside a double-quoted span (nested) or as a top-level quote of
several words. A quote may run over several paragraphs when each continuing
paragraph opens with a mark and only the last one closes (news convention). An
opening mark that is never closed ends at its paragraph: it never swallows the
rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"\u201c", "``", "\u201e"}
CLOSERS = {"\u201d", "''"}
DOUBLE_RE = re.compile(r"``|''|[\u201c\u201d\u201e\"]")
SINGLE_OPEN = "\u2018"
SINGLE_CLOSE = "\u2019"
PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
MAX_QUOTE_CHARS = 3000
# One sentence of a quote whose mark is never closed; a longer "quote" inside one paragraph
# is an unbalanced mark, not speech.
SENTENCE_QUOTE_CHARS = 500


@dataclass
class Quote:
    """A quotation, marks included: text[start:end]."""

    start: int
    end: int
    paragraphs: int = 1  # how many paragraphs it runs over

    def inner(self, text: str) -> str:
        return text[self.start:self.end].strip("\"'`\u201c\u201d\u2018\u2019\u201e \n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated), surrounding whitespace excluded."""
    spans = []
    pos = 0
    for m in PARAGRAPH_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _mark_role(text: str, start: int, mark: str) -> str:
    """'open', 'close' or 'either' for a double quotation mark at `start`."""
    end = start + len(mark)
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in "([{\u2014\u2013-/"
    space_after = after.isspace() or after in ".,;:!?)]}\u2014\u2013-"
    if mark in OPENERS:
        # a curly opener used as a closer ("word“ ") is a typing slip: trust the context
        return "close" if space_after and not space_before else "open"
    if mark in CLOSERS:
        return "open" if space_before and not space_after else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def find_quotes(text: str, skip: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Every double-quoted span, in text order; spans inside `skip` ranges are ignored."""
    paragraphs = paragraph_spans(text)
    skip = skip or []
    quotes: list[Quote] = []
    open_at: int | None = None
    open_par = 0
    n_pars = 1
    par_mark = before_par = 0  # of a quote over paragraphs: the last paragraph's mark, the end of the one before
    for p, (ps, pe) in enumerate(paragraphs):
        if any(s <= ps and pe <= e for s, e in skip):
            open_at = None
            continue
        marks = [(m.start(), m.group()) for m in DOUBLE_RE.finditer(text, ps, pe)]
        for k, (pos, mark) in enumerate(marks):
            role = _mark_role(text, pos, mark)
            if open_at is not None and open_par != p:
                # a quote left open at the end of an earlier paragraph continues only
                # when this paragraph opens with a mark
                if k == 0 and pos == ps and role != "close":
                    open_par, par_mark, before_par = p, pos, paragraphs[p - 1][1]
                    n_pars += 1
                    continue
                open_at = None
            if open_at is None:
                if role in ("open", "either"):
                    open_at, open_par, n_pars = pos, p, 1
                continue
            if role in ("close", "either"):
                if n_pars > 1 or pos + len(mark) - open_at <= MAX_QUOTE_CHARS:
                    quotes.append(Quote(open_at, pos + len(mark), n_pars))
                open_at = None
            else:  # a second opener: the first one was never closed
                if open_par == p and pos - open_at <= SENTENCE_QUOTE_CHARS and _sentence_open(text, open_at, ps) \
                        and _sentence_open(text, pos, ps):
                    # '"A. "B.' (news style): a quote of several sentences whose marks reopen at
                    # each sentence; the first part ends where the next opens
                    quotes.append(Quote(open_at, len(text[:pos].rstrip()), 1))
                open_at, open_par, n_pars = pos, p, 1
        attributed = open_at is not None and ATTRIBUTED_END_RE.search(text, max(open_at, pe - 120), pe)
        if open_at is not None and n_pars > 1 and open_par == p and (not _continues(text, paragraphs, p) or attributed):
            # a quote over paragraphs never closed: the paragraphs before this one, each opened
            # by a mark, are the quote (its closing mark is what went missing, here); this
            # paragraph's own opening mark is read as a quote of its own
            quotes.append(Quote(open_at, before_par, n_pars - 1))
            open_at, n_pars = par_mark, 1
        if open_at is not None and (not _continues(text, paragraphs, p) or attributed):
            # an attribution at the paragraph's end ('"..., said the mayor.') means the
            # closing mark was forgotten: the quote does not run on; a quote that opened a
            # sentence and is never closed runs to the end of its paragraph
            if open_par == p and not attributed and _sentence_open(text, open_at, ps) and text[pe - 1] in ".!?" \
                    and len(text[open_at:pe].split()) >= 4 and pe - open_at <= SENTENCE_QUOTE_CHARS:
                quotes.append(Quote(open_at, pe, 1))
            open_at = None
    quotes.extend(_single_quotes(text, paragraphs, quotes, skip))
    quotes.sort(key=lambda q: q.start)
    return quotes


ATTRIBUTED_END_RE = re.compile(
    r",\s+(?:(?:said|says|added|told|asked|wrote)\b|(?:[\w.'\u2019-]+\s+){1,4}(?:said|says|added|told|asked|wrote)\b)"
    r"[^\"\u201c\u201d]{0,80}$")


def _sentence_open(text: str, pos: int, par_start: int) -> bool:
    """A mark that opens a sentence: at its paragraph's start or after . ! ? (and a space)."""
    before = text[par_start:pos].rstrip()
    return not before or before[-1] in ".!?:"


def _continues(text: str, paragraphs: list[tuple[int, int]], p: int) -> bool:
    if p + 1 >= len(paragraphs):
        return False
    nxt = paragraphs[p + 1][0]
    m = DOUBLE_RE.match(text, nxt)
    return bool(m) and _mark_role(text, nxt, m.group()) != "close"


def _single_quotes(text, paragraphs, doubles, skip) -> list[Quote]:
    """Top-level ‘…’ quotes of three words or more (British style), outside double quotes."""
    out = []
    for ps, pe in paragraphs:
        if any(s <= ps and pe <= e for s, e in skip):
            continue
        i = ps
        while True:
            i = text.find(SINGLE_OPEN, i, pe)
            if i < 0:
                break
            if any(q.start <= i < q.end for q in doubles):
                i += 1
                continue
            j = i + 1
            end = -1
            while True:
                j = text.find(SINGLE_CLOSE, j, pe)
                if j < 0:
                    break
                after = text[j + 1] if j + 1 < len(text) else " "
                if not after.isalnum():  # an apostrophe (it’s) is followed by a letter
                    end = j + 1
                    break
                j += 1
            if end < 0:
                break
            if len(text[i:end].split()) >= 3:
                out.append(Quote(i, end))
            i = end
    return out


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are photo captions, credit lines or web furniture ("READ MORE: ...",
    "WATCH BELOW"), not article text.

    A caption is a prefix of the paragraph before or after it (as when a caption is printed
    twice, once with its credit), or one that ends in a credit
    such as "POOL / Alexander Zemlianichenko", "AFP/Getty Images" or
    "(Photo: Jane Doe)". A paragraph that repeats the one before it is left out too:
    the first copy is read (paragraphs A, A, B give A's claims once and B's).
    """
    paragraphs = paragraph_spans(text)
    bodies = [text[s:e] for s, e in paragraphs]
    out = []
    for k, (s, e) in enumerate(paragraphs):
        body = bodies[k]
        lines = [line.strip() for line in body.split("\n") if line.strip()]
        repeated = len(lines) > 1 and any(lines[i + 1].startswith(lines[i]) for i in range(len(lines) - 1))
        # a prefix of a neighbour (a caption printed again with its credit), or the copy of the
        # paragraph before: a paragraph repeated next to itself is read once, its first copy
        neighbour = (k > 0 and bodies[k - 1] == body) or any(
            0 <= j < len(bodies) and bodies[j] != body and bodies[j].startswith(body) for j in (k - 1, k + 1))
        if len(body.split()) > 80:
            continue
        if repeated or neighbour or CREDIT_RE.search(body) or PHOTO_RE.match(body) or FURNITURE_RE.match(body):
            out.append((s, e))
    return out


class _Credit:
    r"""Does a paragraph end in a credit line? `CREDIT_RE.search(body)` as the regular expression

        (?:\b[A-Z][A-Z.]{1,}|Getty Images|Reuters|Shutterstock)\s*/\s*
        (?:[A-Z][\w.'\-]*\s*){1,4}(?:/\s*[A-Z][\w.'\-]*\s*)*\)?\s*$
        | \((?:Photo|Image|Picture|Credit)s?(?: credit)?:[^)]*\)\s*$

    answered it ("AP Photo/Jane Doe", "POOL / Alexander Zemlianichenko", "(Photo: Jane Doe)"),
    read from the paragraph's end in linear time: that expression backtracked in time growing
    with the fourth power of a paragraph such as `AP/` + 300 capitals + `!` (20 s).
    """

    def search(self, body: str) -> bool:
        tail = body.rstrip()
        if tail.endswith(")"):
            opened = tail.rfind(")", 0, len(tail) - 1) + 1  # "(Photo: ...)" holds no ")"
            if _PHOTO_CREDIT_RE.search(tail, opened):
                return True
            tail = tail[:-1].rstrip()
        parts = tail.split("/")
        # parts[i] ends with the agency, parts[i + 1] is a name of 1-4 words, each later part one word
        for i in range(len(parts) - 2, -1, -1):
            if _NAME_RE.fullmatch(parts[i + 1]) and _ends_in_agency(parts[i]):
                return True
            if not _WORD_RE.fullmatch(parts[i + 1]):
                return False
        return False


def _ends_in_agency(part: str) -> bool:
    """Ends (spaces aside) in Getty Images, Reuters, Shutterstock or a word of 2+ capitals and dots."""
    part = part.rstrip()
    if part.endswith(("Getty Images", "Reuters", "Shutterstock")):
        return True
    run = len(part.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ."))  # where the closing run of capitals and dots starts
    start = _WORD_START_RE.search(part, run)
    return start is not None and len(part) - start.start() >= 2


_CREDIT_WORD = r"[A-Z][\w.'\-]*+"
_NAME_RE = re.compile(rf"\s*+{_CREDIT_WORD}(?:\s++{_CREDIT_WORD}){{0,3}}\s*+")
_WORD_RE = re.compile(rf"\s*+{_CREDIT_WORD}\s*+")
_WORD_START_RE = re.compile(r"\b[A-Z]")
_PHOTO_CREDIT_RE = re.compile(r"\((?:Photo|Image|Picture|Credit)s?(?: credit)?:")
CREDIT_RE = _Credit()
# web page furniture: links and prompts between paragraphs, not article text
FURNITURE_RE = re.compile(
    r"\s*(?:READ MORE|MORE ON THIS|WATCH(?: BELOW| NOW| LIVE| MORE)?|LISTEN(?: NOW)?"
    r"|RELATED(?: STORIES| LINKS)?|SEE ALSO"
    r"|ADVERTISEMENT|SPONSORED|Read more|Watch below|Related stories|Click here|Follow us|Sign up|Share this"
    r"|Most read|Top stories)\b")
PHOTO_RE = re.compile(r"(?:Photo|Image|Picture|Caption|Photograph)(?: credit)?\s*:", re.IGNORECASE)
