"""How the articles use a name: evidence that it is no person or body that speaks, or which of
the two it is.

Extraction types a name from one sentence; its articles say more. A one-word name that, in every
article where it is a speaker, only ever stands after a place preposition ("at Anfield", "in
Pengam") or as what was made or watched ("the film JFK", "the director behind JFK") is a place or
a work; a name used once as a subject, after a title or with a given name is not. A name ending
in a street or building word ("Downing Street") is a seat that speaks for a body; a given name
and a surname after a job ("England coach Sven-Goran Eriksson") or before his or her own pronoun
is a person.
"""

from __future__ import annotations

import re

from generator.link.names import fold, name_tokens

# Prepositions of place: what follows them is where something is, not who speaks. Not "by", "to",
# "from", "for", "of", "with": "according to Reuters", "a statement from Sony" name speakers.
PLACE_PREPOSITIONS = {"at", "in", "near", "nearby", "outside", "inside", "into", "onto", "around", "across",
                      "beyond", "within", "towards", "toward", "past", "through", "opposite"}
# Words before the name of something made or watched: "the film JFK", "the director behind JFK".
MAKING_WORDS = {"behind", "film", "films", "movie", "movies", "album", "single", "song", "novel", "book", "play",
                "musical", "game", "series", "sitcom", "show", "directed", "directing", "direct", "produced",
                "watched", "watching", "watch", "starred", "released", "wrote", "remake", "sequel", "hit"}
# The last word of a seat or a building: "Downing Street", "Buckingham Palace".
SEAT_WORDS = {"street", "road", "square", "avenue", "palace", "yard", "plaza"}
# A job before a name is a person's apposition, unless it is a body's: "travel firm Thomas Cook".
COMPANY_NOUNS = {"firm", "company", "group", "bank", "maker", "retailer", "giant", "operator", "agency", "chain",
                 "label", "carrier", "airline", "brand", "broadcaster", "publisher", "supplier", "manufacturer",
                 "insurer", "lender", "developer", "conglomerate", "rival", "provider"}
BODY_NOUNS = COMPANY_NOUNS | {"firms", "company", "group", "bank", "maker", "makers", "retailer", "giant", "operator",
              "agency", "chain", "label", "team", "club", "party", "band", "carrier", "airline", "brand",
              "store", "stores", "network", "broadcaster", "publisher", "newspaper", "paper", "studio",
              "charity", "organisation", "body", "union", "the", "a", "an", "and", "or", "of", "for", "by",
              "from", "with", "to", "on", "said", "says", "told"}
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b")
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")


def _occurrences(name: str, text: str):
    return re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", text)


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([\w'’-]+)[ \t]*$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


def never_speaks(name: str, texts: list[str]) -> str | None:
    """'place' or 'work' when a one-word name is, in every one of `texts`, only after a place
    preposition or a word of making or watching; None when any use could be a speaker's."""
    if len(name.split()) != 1 or not texts:
        return None
    found = set()
    for text in texts:
        for m in _occurrences(name, text):
            before = _word_before(text, m.start())
            if fold(before) in PLACE_PREPOSITIONS:
                found.add("place")
            elif fold(before) in MAKING_WORDS:
                found.add("work")
            else:
                return None  # "Anfield said", "Mr Anfield", "John Anfield", or a sentence's first word
    if not found:
        return None
    return "work" if "work" in found else "place"


def is_company(name: str, text: str) -> bool:
    """A one-word name the article puts after a company's noun ("equipment supplier Ericsson") or
    before its shares ("Ericsson shares"): a body, however extraction typed it."""
    if len(name.split()) != 1:
        return False
    for m in _occurrences(name, text):
        if fold(_word_before(text, m.start())) in COMPANY_NOUNS or re.match(r"(?:'s|’s)?\s+shares\b", text[m.end():]):
            return True
    return False


def is_seat(name: str) -> bool:
    """A name whose last word is a street or building ("Downing Street"): a seat, so a body when it speaks."""
    words = name.split()
    return len(words) > 1 and fold(words[-1]) in SEAT_WORDS


def is_person(name: str, text: str, given_names: frozenset[str] | set[str]) -> bool:
    """A given name and a surname ("Sven-Goran Eriksson") that the article puts after a job
    ("England coach Sven-Goran Eriksson") or before a pronoun of its own sentence ("... Eriksson,
    who said he ...")."""
    words = name.split()
    tokens = name_tokens(name)
    if not 2 <= len(words) <= 3 or len(tokens) != len(words) or not all(w[:1].isupper() for w in words):
        return False
    if not (fold(words[0]) in given_names or _HYPHENATED_GIVEN.fullmatch(words[0])):
        return False
    for m in _occurrences(name, text):
        before = _word_before(text, m.start())
        if before[:1].islower() and fold(before) not in BODY_NOUNS and fold(before) not in PLACE_PREPOSITIONS \
                and fold(before) not in MAKING_WORDS:
            return True  # "coach Sven-Goran Eriksson"
        sentence = re.split(r"(?<=[.!?])\s", text[m.end():m.end() + 200], maxsplit=1)[0]
        if _PRONOUN.search(sentence):
            return True
    return False
