"""What a mention says: the name in it, its words, and the people an article names.

`Person` is someone named in the article with what the article says they are;
`Resolution` is the speaker a mention stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.extract.lexicon import (
    AGENT_ENDINGS,
    HONORIFICS,
    NOT_AGENTS,
    PERSON_NOUNS,
    POSTNOMINALS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from generator.extract.tree import _inside


@dataclass
class Person:
    """Someone named in the article, with what the article says they are."""

    name: str
    kind: str = "person"  # person | organisation | place
    role: str | None = None
    affiliation: str | None = None
    words: set[str] = field(default_factory=set)  # lowercased words of role, affiliation, descriptions
    nationality: set[str] = field(default_factory=set)
    role_strength: int = 0  # 3 title, 2 apposition, 1 description
    gender: str | None = None  # "m" or "f" when the article says so; None when unknown or contradictory
    # offices the article gives them besides a title: "resigned as home secretary", or "the home
    # secretary" already resolved to them (role nouns, lowercased)
    offices: set[str] = field(default_factory=set)


@dataclass
class Resolution:
    """A speaker for a mention: name (None when unknown), kind and how sure we are."""

    name: str | None
    kind: str
    confidence: float
    person: Person | None = None
    named: bool = True  # False when `name` is a description ("Officials", "The report"), not a name
    how: str = ""  # which rule resolved it (name, pronoun, spokes, unnamed-group, ...): confidence reads it


def _in(ranges, i: int) -> bool:
    return _inside(ranges, i)


def _clean_name(span) -> list:
    toks = list(span)
    # a dash set off by spaces ends a name ("Karl Brenner - Hansa Rostock's biggest creditor -"
    # tagged as one person); a hyphen inside a name has none ("Lovell-Badge", "Ban Ki-moon")
    for k, t in enumerate(toks):
        if t.text in ("-", "\u2013", "\u2014") and 0 < k and (t.whitespace_ or toks[k - 1].whitespace_):
            toks = toks[:k]
            break
    toks = [t for t in toks if not (t.is_punct and t.text != "-") and t.lower_ not in HONORIFICS]
    while len(toks) > 1 and toks[0].lower_ in ("a", "an", "the") and toks[1].text[:1].isupper():
        toks.pop(0)  # "a Bob Deans try": the model took the article into the name
    while toks and toks[-1].lower_ in ("'s", "\u2019s", "s", "-"):
        toks.pop()
    while len(toks) > 2 and toks[-1].text in POSTNOMINALS:
        toks.pop()  # "Frank Field MP", "Jo Hart QC": letters after a name are no part of it
    while toks and toks[0].text == "-":
        toks.pop(0)
    if len(toks) > 2 and toks[0].i > 0 and toks[0].doc[toks[0].i - 1].dep_ == "cc" \
            and toks[0].doc[toks[0].i - 1].head.dep_ in ("conj", "pobj"):
        toks.pop(0)  # "Minister for Culture, Media and Sport Peter Vane": the title's last word
    # a title the model took into the name, as at the start of a sentence ("Spokeswoman Maria
    # Lopez said"): not part of the name (it becomes the role, see _title_before)
    # a noun for a person, capitalised only because it opens the sentence ("Striker Ruud van
    # Nistelrooy told"), is no part of it either
    while len(toks) > 1 and toks[1].text[:1].isupper() and (
            toks[0].lower_ in TITLE_WORDS
            or toks[0].is_sent_start and toks[0].text[1:].islower() and toks[0].lower_ in PERSON_NOUNS):
        toks.pop(0)
    return toks


def _name_text(toks) -> str:
    """The name as written ("Ban Ki-moon"), from its first to its last token."""
    doc = toks[0].doc
    return doc[toks[0].i:toks[-1].i + 1].text if toks[-1].i - toks[0].i < 8 else _words_text(toks)


def _words_text(toks) -> str:
    """Tokens as written, keeping the text's own spacing ("the UN's relief agency", not "UN 's")."""
    return "".join(t.text_with_ws for t in toks).strip()


def _nationality(tok) -> bool:
    return tok.ent_type_ in ("NORP", "GPE") and tok.pos_ in ("ADJ", "PROPN")


def _title_nationality(tok) -> bool:
    """A nationality or country in a person's title ("Wales captain", "French minister"), not a
    place inside a club's or body's name ("Real Madrid midfielder", "Inter Milan coach")."""
    if not _nationality(tok):
        return False
    doc = tok.doc
    return not any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                   and doc[j].ent_type_ not in ("NORP", "GPE") and doc[j].lower_ not in TITLE_WORDS
                   for j in (tok.i - 1, tok.i + 1))


NP_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "pcomp", "appos", "attr", "oprd", "ROOT"}


def _noun_chunk(head):
    """The noun phrase `head` heads, up to the head ("the veteran Russian diplomat"), as spaCy's
    noun_chunks gives it; None when the word heads no noun phrase of its own."""
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    top = head
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head  # "the minister and the envoy": a conjunct of a noun phrase is one too
    if top.dep_ not in NP_DEPS:
        return None
    return head.doc[head.left_edge.i:head.i + 1]


def _not_a_title(tok) -> bool:
    """A lower-case common noun that is no role ("part", "critics", "effort") before "of"."""
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.lemma_.lower() not in ROLE_NOUNS


def body_title(name: str, text: str) -> str:
    """A body named by one noun for people keeps its article ("The Observer", "The Economist"):
    alone, "Observer" reads as a description of someone, not as the newspaper's name. Only where
    the article writes it so: "TimeWarner" and "Gartner" end like agents but never take "the"."""
    low = name.lower()
    if name[:1].isupper() and name[1:].islower() and name.isalpha() and low not in NOT_AGENTS \
            and (low in ROLE_NOUNS or low in PERSON_NOUNS or len(low) > 4 and low.endswith(AGENT_ENDINGS)) \
            and re.search(r"\b[Tt]he " + re.escape(name) + r"\b", text):
        return "The " + name
    return name


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text


def age_of(tok) -> str | None:
    """The number of an age description whose head is `tok`: "67" of "the 67-year-old"."""
    doc = tok.doc
    if tok.lower_ not in ("old", "olds") or tok.i < 4 or doc[tok.i - 1].text != "-" \
            or doc[tok.i - 2].lower_ not in ("year", "years") or doc[tok.i - 3].text != "-":
        return None
    num = doc[tok.i - 4]
    return num.text if num.like_num else None
