"""The full names an article gives its people, so that a surname alone ("Blair", "Mr Blair",
"Friday") is the one person the article names in full ("Tony Blair", "Mike Friday").

Evidence, all from the article itself: its person speakers and the people spaCy found in its
claims (Claim.topics), and any "Given Surname" in its text whose first word is a common given
name (GIVEN_NAMES). A surname that fits two full names of one article stays as written.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from generator.link.names import RANKS, TITLES, clean_name, fold, is_demonym, name_key, name_tokens
from generator.model import Brief

# Common given names (either gender; only as evidence that "Given Surname" names a person).
GIVEN_NAMES = frozenset("""
alice alison amanda amy andrea angela ann anna anne barbara beatrice betty brenda carol caroline
catherine charlotte christine claire deborah diana diane donna dorothy elizabeth ellen emily emma
fiona frances gillian hannah harriet heather helen hilary irene jacqueline jane janet jennifer
jessica joan joanna judith julia julie karen katherine kathleen laura linda lisa louise lucy
margaret maria marie mary melanie michelle monica nancy natalie nicola olivia patricia paula
pauline rachel rebecca ruth sally sandra sarah sharon sheila sophie susan teresa tessa valerie
victoria wendy yvonne condoleezza hillary madeleine theresa nicole kate
adam alan albert alexander andrew anthony arthur barry ben benjamin bernard bill brian bruce
charles christopher colin craig daniel david dennis derek donald douglas duncan edward eric
frank fred frederick gary geoffrey george gerald gordon graham gregory harold harry henry ian
jack james jason jeffrey jeremy jim john jonathan joseph keith kenneth kevin lawrence malcolm
mark martin matthew michael neil nicholas nigel norman patrick paul peter philip raymond
richard robert roger ronald roy russell simon stephen steven stuart thomas timothy tom tony
trevor victor walter william tim steve mike rob dave bob gerhard jacques vladimir silvio
alex chris sam kim robin terry jean leslie
""".split())
_PAIR = re.compile(r"(?=\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+((?:Mc|Mac|O'|O’)?[A-Z][\w'’-]*[a-z][\w'’-]*)\b)")


# Capitalised words that start a sentence or a phrase, never a given name.
NOT_FIRST = {"the", "a", "an", "in", "on", "at", "but", "and", "if", "when", "as", "for", "with", "by", "from",
             "to", "of", "that", "this", "these", "those", "former", "ex", "then", "new", "old", "after", "before",
             "while", "his", "her", "their", "its", "our", "my", "your", "it", "he", "she", "they", "we", "i",
             "there", "here", "so", "yet", "now", "later", "earlier", "last", "next", "during", "under", "over",
             "about", "since", "until", "despite", "although", "because", "however", "meanwhile", "both", "all",
             "some", "many", "most", "one", "two", "three", "mrs", "mr", "ms", "dr", "saint", "st", "great",
             "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "united",
             "royal", "national", "international", "world", "european", "british", "american", "english",
             "scottish", "welsh", "irish", "french", "german", "prime", "home", "foreign", "chief", "deputy",
             "shadow", "general", "labour", "tory", "conservative", "liberal", "democrat", "republican",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _lowercase_before(text: str, start: int) -> bool:
    """The word before `start` is a lower-case word (a job: "ex-boss Bernie Ebbers"), not a sentence end."""
    before = text[max(0, start - 40):start].rstrip()
    m = re.search(r"([\w'’-]+)$", before)
    return bool(m) and m.group(1)[:1].islower()


def _rank_before(text: str, start: int) -> bool:
    """The word before `start` is a rank or title ("Cardinal Cormac Murphy-O'Connor")."""
    m = re.search(r"([\w'’-]+)\s*$", text[max(0, start - 40):start])
    return bool(m) and fold(m.group(1)) in RANKS


def titled(text: str, rank: str) -> str | None:
    """The one person an article names after a rank ("Cardinal" -> "Cormac Murphy-O'Connor"), else None."""
    found = {}
    for m in re.finditer(r"\b" + re.escape(rank) + r"\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]*[a-z][\w'’-]*)", text):
        name = clean_name(m.group(1), "person")
        if len(name_tokens(name)) > 1:
            found.setdefault(name_key(name), name)
    return next(iter(found.values())) if len(found) == 1 else None


def article_people(brief: Brief) -> dict[str, str]:
    """Surname (folded) -> the one full name the article gives for it."""
    speakers = tuple(s.name for s in brief.speakers if s.named and s.kind == "person")
    topics = tuple(t.partition(":")[2] for c in brief.claims for t in c.topics if t.startswith("person:"))
    return _people(brief.article.text, speakers, topics)


@functools.lru_cache(maxsize=8192)
def _people(text: str, speakers: tuple[str, ...], topics: tuple[str, ...]) -> dict[str, str]:
    """Remembered: linking runs on every build (a `mkdocs serve` rebuild too), over the same articles."""
    found: dict[str, dict[str, str]] = defaultdict(dict)  # surname -> name_key -> name

    def add(name: str) -> None:
        name = re.sub(r"(?:'s|’s|'|’)$", "", clean_name(name, "person"))
        tokens = name_tokens(name)
        if len(tokens) > 1 and name[:1].isupper():
            found[tokens[-1]].setdefault(name_key(name), name)

    for name in speakers + topics:
        add(name)
    for m in _PAIR.finditer(text):
        first = fold(m.group(1))
        if first in GIVEN_NAMES or (
                "-" in first and first not in NOT_FIRST and not first.endswith(("-based", "-born"))):
            add(f"{m.group(1)} {m.group(2)}")  # "Mike Friday", "Sven-Goran Eriksson"
        elif first not in NOT_FIRST and first not in TITLES and first not in RANKS and not is_demonym(m.group(1)) \
                and (_lowercase_before(text, m.start()) or _rank_before(text, m.start())):
            add(f"{m.group(1)} {m.group(2)}")  # "ex-boss Bernie Ebbers", "Cardinal Cormac Murphy-O'Connor"
    out = {}
    for surname, names in found.items():
        # "Tony Blair" and "Tony Blair's": one; "Tony Blair" and "Cherie Blair": two, so neither
        firsts = {name_tokens(n)[0] for n in names.values()}
        if len(firsts) == 1:
            out[surname] = sorted(names.values(), key=lambda n: (-len(n.split()), n))[0]
    return out


def full_name(name: str, people: dict[str, str]) -> str | None:
    """The full name a surname alone (or after a title: "Mr Blair") stands for, else None."""
    tokens = name_tokens(name)
    if len(tokens) != 1 or len(name.split()) > 2:
        return None
    return people.get(tokens[0])
