"""Reading the dependency parse: the subject of a cue, the characters of a subtree, a cue's span.

Shared by the finders of reported speech (cues.py) and of direct quotes (direct.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.lexicon import CLAUSE_CUES, OBJECT_CUES, PREP_CUES, SUBJECT_DEPS, XCOMP_CUES
from generator.model import Span


@dataclass
class Candidate:
    """A claim before speaker resolution: content span, cue and subject tokens."""

    start: int
    end: int
    cue: Span | None
    cue_tok: object | None  # spaCy Token (or None for quotes with no cue)
    subject: object | None  # spaCy Token heading the speaker mention
    source: str  # clause | xcomp | object | prep | according | quote | floating | headline
    fragments: list[Span] = field(default_factory=list)
    mention: Span | None = None  # when there is no subject token (headlines)
    speaker_name: str | None = None  # fixed speaker (floating quotes)
    speaker_kind: str = "person"
    confidence: float | None = None
    content_is_clause: bool = False  # a noun cue's content is a "that" clause ("the claim that ...")
    stance: bool = False  # a belief, intention, finding or noun object: not an act of communication


def _inside(ranges, i: int) -> bool:
    return any(s <= i < e for s, e in ranges)


def subject_of(verb, depth: int = 0):
    """The subject of a cue, inherited by participles and conjoined verbs ("..., saying")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if depth < 3 and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "Lavrov, speaking after ..." / "a statement saying"
        return subject_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head, depth + 1)  # "... by saying ...", "after announcing ..."
    return None


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_span(tok, exclude=(), after: int | None = None, before: int | None = None) -> tuple[int, int]:
    """Characters of a token's subtree, trimmed of leading "that"/punctuation and of excluded
    subtrees; only tokens after (or before) a cue's index when given."""
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
    return _span_of(toks)


def _cue_span(tok) -> Span:
    """The cue word, with its particle ("pointed out")."""
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if len(toks) == 1:
        return Span(tok.text, tok.idx, tok.idx + len(tok.text))
    s, e = _span_of(toks)
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    return Span("".join(t.text_with_ws for t in tok.doc[first:last + 1]).strip(), s, e)


def _span_text(doc, span: tuple[int, int]) -> str:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.text if s is not None else ""


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in CLAUSE_CUES or lemma in XCOMP_CUES
                                           or lemma in OBJECT_CUES or lemma in PREP_CUES)


def _mention(text: str, toks) -> Span | None:
    if not toks:
        return None
    s, e = _span_of(toks)
    return Span(text[s:e], s, e)
