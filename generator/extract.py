"""From a parsed article to its claims and speakers. Pure functions, no I/O.

A first version: direct quotes (paired quotation marks) attributed through the
cue verb of their sentence, and reported speech ("X said (that) ...") found in
the dependency parse. Pronouns and surnames resolve to the last full name.
"""

from __future__ import annotations

import re

from generator.model import Article, Brief, Claim, Span, Speaker
from generator.read import slugify

EXTRACTOR_VERSION = "0.1"

SPEECH_VERBS = {
    "say", "tell", "add", "argue", "warn", "promise", "insist", "note", "accuse", "deny",
    "believe", "state", "claim", "declare", "explain", "announce", "stress", "urge", "suggest",
    "comment", "write", "report", "admit", "acknowledge", "confirm", "assert", "maintain",
    "predict", "reply", "respond", "describe", "decry", "call", "ask", "think", "caution",
    "emphasize", "emphasise", "point", "allege", "concede", "contend", "estimate", "vow",
    "pledge", "threaten", "recall", "observe", "remark", "agree", "hope", "fear",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
OPEN_TO_CLOSE = {"\u201c": "\u201d", '"': '"', "``": "''"}
QUOTE_RE = re.compile(r"``|\u201c|\u201d|\"|''")


MAX_QUOTE_CHARS = 3000  # longer "quotes" are unbalanced marks, not speech


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; an unclosed mark is dropped.

    Linear in the number of marks: an unbalanced mark never makes a quote that
    crosses a paragraph break, swallows the next quote (a curly opening mark
    before the closing one) or runs longer than MAX_QUOTE_CHARS.
    """
    import bisect

    spans = []
    marks = list(QUOTE_RE.finditer(text))
    kinds = [m.group() for m in marks]
    # next_index[k][i]: index of the first mark of kind k at or after i
    next_index = {}
    for kind in ("\u201c", "\u201d", '"', "''"):
        nxt, col = len(marks), [0] * (len(marks) + 1)
        col[len(marks)] = nxt
        for i in range(len(marks) - 1, -1, -1):
            if kinds[i] == kind:
                nxt = i
            col[i] = nxt
        next_index[kind] = col
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    i = 0
    while i < len(marks):
        opening = kinds[i]
        if opening in ("\u201d", "''"):
            i += 1
            continue
        closing = OPEN_TO_CLOSE[opening]
        j = next_index[closing][i + 1]
        if j == len(marks):
            i += 1
            continue
        start, end = marks[i].start(), marks[j].end()
        k = bisect.bisect_left(breaks, start)
        crosses_paragraph = k < len(breaks) and breaks[k] < end
        reopened = opening == "\u201c" and next_index["\u201c"][i + 1] < j
        if crosses_paragraph or reopened or end - start > MAX_QUOTE_CHARS:
            i += 1
            continue
        spans.append((start, end))
        i = j + 1
    return spans


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def paragraph_of(starts: list[int], offset: int) -> int:
    n = 0
    for i, s in enumerate(starts):
        if s <= offset:
            n = i
    return n + 1


def extract(doc, article: Article) -> Brief:
    """Claims and speakers of one parsed article."""
    text = article.text
    names = _person_names(doc)
    quotes = find_quotes(text)
    claims: list[Claim] = []
    resolver = _Resolver(names)

    covered: list[tuple[int, int]] = []
    events = []  # (offset, kind, payload) processed in text order for pronoun resolution
    for start, end in quotes:
        if end - start < 12 or len(text[start:end].split()) < 3:
            continue  # a single quoted word or title, not a claim
        events.append((start, "quote", (start, end)))
    for tok in doc:
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            content = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
            if content:
                events.append((tok.idx, "reported", (tok, content[0])))
    events.sort(key=lambda e: e[0])

    for _, kind, payload in events:
        if kind == "quote":
            start, end = payload
            if any(s <= start < e for s, e in covered):
                continue
            sent = doc.char_span(start, end, alignment_mode="expand")
            cue, subj = _cue_near(doc, start, end)
            claim = Claim(kind="direct", text=text[start:end], start=start, end=end)
            _attribute(claim, cue, subj, resolver)
            claims.append(claim)
            covered.append((start, end))
            del sent
        else:
            verb, head = payload
            span = doc[head.left_edge.i: head.right_edge.i + 1]
            start, end = span.start_char, span.end_char
            if end - start < 10 or any(s <= start < e or s < end <= e for s, e in covered):
                continue
            subj = _subject(verb)
            if subj is None:
                continue
            kind_ = "mixed" if QUOTE_RE.search(text[start:end]) else "indirect"
            claim = Claim(kind=kind_, text=text[start:end], start=start, end=end)
            _attribute(claim, verb, subj, resolver)
            claims.append(claim)
            covered.append((start, end))

    claims.sort(key=lambda c: c.start)
    starts = paragraph_starts(text)
    for claim in claims:
        claim.paragraph = paragraph_of(starts, claim.start)
    speakers = {}
    for claim in claims:
        if claim.speaker and claim.speaker not in speakers:
            speakers[claim.speaker] = resolver.speakers[claim.speaker]
    return Brief(article=article, speakers=list(speakers.values()), claims=claims)


def _person_names(doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2]


def _cue_near(doc, start: int, end: int):
    """The speech verb of the sentence holding a quote, outside the quote, and its subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    sent = span[0].sent
    for tok in sent:
        if start <= tok.idx < end:
            continue
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            return tok, _subject(tok)
    return None, None


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        return _subject(verb.head)
    return None


class _Resolver:
    """Turns a subject token into a Speaker, resolving pronouns and surnames in text order."""

    def __init__(self, names: list[str]):
        self.names = names
        self.speakers: dict[str, Speaker] = {}
        self.last: str | None = None

    def resolve(self, subj) -> tuple[str | None, float]:
        if subj is None:
            return self.last, 0.4 if self.last else 0.0
        if subj.lower_ in PRONOUNS:
            person = _last_person_before(subj.doc, subj.i)
            if person is not None:
                return self._speaker(self._full_name(person.text), "person"), 0.7
            return self.last, 0.7 if self.last else 0.0
        ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
        name = ent.text if ent is not None else " ".join(
            t.text for t in subj.subtree if t.dep_ in ("compound", "flat") or t is subj)
        name = self._full_name(name)
        kind = "person"
        if ent is not None and ent.label_ in ("ORG", "NORP"):
            kind = "organisation"
        elif ent is not None and ent.label_ == "GPE":
            kind = "place"
        return self._speaker(name, kind), 0.9 if ent is not None else 0.6

    def _full_name(self, name: str) -> str:
        for full in self.names:
            if full == name or name in full.split():
                return full
        return name

    def _speaker(self, name: str, kind: str) -> str:
        sid = slugify(name, fallback="unknown")
        if sid not in self.speakers:
            self.speakers[sid] = Speaker(id=sid, name=name, kind=kind)
        if kind == "person":
            self.last = sid
        return sid


def _last_person_before(doc, i: int):
    """The nearest PERSON entity before token i, in the same or an earlier sentence."""
    best = None
    for ent in doc.ents:
        if ent.end <= i and ent.label_ == "PERSON":
            best = ent
    return best


def _attribute(claim: Claim, cue, subj, resolver: _Resolver) -> None:
    sid, confidence = resolver.resolve(subj)
    claim.speaker = sid
    claim.confidence = confidence
    if cue is not None:
        claim.cue = Span(cue.text, cue.idx, cue.idx + len(cue.text))
    if subj is not None:
        claim.speaker_mention = Span(subj.text, subj.idx, subj.idx + len(subj.text))
