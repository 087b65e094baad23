"""Names across articles: folding, surnames, acronyms, spelling variants, and groups of one person's names."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.bodies import PARTY_NAMES, PRESS_NAMES
from generator.titles import HONORIFICS, NOBLE_TITLES, is_acronym

__all__ = ["TITLES", "Groups", "acronym", "fold", "is_acronym", "name_key", "name_tokens", "person_groups",
           "surname_variant", "alias_key", "damage", "is_demonym", "topic_key", "clean_name", "BODY_ALIASES", "RANKS",
           "SPEAKING_KINDS", "NOBLE_TITLES", "HONORIFICS"]

TITLES = {h.rstrip(".") for h in HONORIFICS} | NOBLE_TITLES  # dropped from the front when names are compared
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"}


@functools.lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower case without accents: the form names are compared in. (Remembered: linking and
    topics fold the same few thousand names on every build, a `mkdocs serve` rebuild too.)"""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_tokens(name: str) -> list[str]:
    """Folded words of a person's name, without honorifics and suffixes ("Mr", "Jr")."""
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=1 << 17)
def _name_tokens(name: str) -> tuple[str, ...]:
    """Remembered: linking asks for the words of the same few thousand names on every build."""
    words = [w.strip(".,'’\"") for w in fold(name).replace("’", "'").split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w for w in words if w]
    while words and words[0] in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return tuple(words)


@functools.lru_cache(maxsize=1 << 17)
def name_key(name: str) -> str:
    """Exact-match key of any name: folded, dots and a leading "the" dropped."""
    words = re.sub(r"[.\u2019']", "", fold(name)).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def acronym(name: str) -> str | None:
    """Initials of a name of several capitalised words ("United States" -> "us"), else None."""
    words = [w for w in re.split(r"[\s-]+", name.strip()) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    words = [w for w in words if w.lower() not in ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return fold("".join(w[0] for w in words))



def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off at `limit` (enough to tell a spelling variant)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def _one_edit_apart(a: str, b: str) -> bool:
    """At most one insertion, deletion or substitution between a and b (linear time)."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return len(b) - len(a) == 1 and a[i:] == b[i + 1:]


def surname_variant(a: str, b: str) -> bool:
    """Two spellings of one surname: "barhum" / "barhoum", never "bush" / "rush"."""
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    allowed = 2 if min(len(a), len(b)) >= 9 else 1
    if allowed == 1:
        return _one_edit_apart(a, b)
    return abs(len(a) - len(b)) <= allowed and edit_distance(a, b, limit=allowed + 1) <= allowed


@dataclass
class _Name:
    """A person's name as written, split into first name and surname."""

    text: str
    first: str | None  # folded; None for a surname alone
    last: str

    @property
    def initial_only(self) -> bool:
        return self.first is not None and len(self.first) == 1

    @classmethod
    def parse(cls, text: str) -> _Name | None:
        words = name_tokens(text)
        if not words:
            return None
        if len(words) == 1:
            return cls(text, None, words[0])
        return cls(text, words[0], words[-1])


class Groups:
    """Union-find over name keys that refuses unions the editor said to keep apart."""

    def __init__(self, apart: list[set[str]]):
        self.parent: dict[str, str] = {}
        self.apart = apart

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def members(self, x: str) -> set[str]:
        root = self.find(x)
        return {k for k in self.parent if self.find(k) == root}

    def union(self, a: str, b: str, forced: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not forced and self.apart:
            joined = self.members(a) | self.members(b)
            if any(len(group & joined) > 1 for group in self.apart):
                return False
        self.parent[rb] = ra
        return True


DOMINANT = 10  # a surname alone is the one person of that surname heard this many times more than the rest
_FEMININE = {"mrs", "ms", "miss", "lady", "dame", "baroness"}


def person_groups(names: list[str], groups: Groups | None = None,
                  notes: list[str] | None = None, weight: dict[str, int] | None = None) -> Groups:
    """Group person names (keys from name_key) that denote one person; see the module doc.

    `weight` (name key -> claims or uses): a surname alone that fits several people joins the one
    heard DOMINANT times more than all the others together ("Mr Blair" is Tony Blair, not the
    Ian Blair of a handful of claims); a woman's title before it ("Mrs Blair") keeps it apart."""
    groups = groups or Groups([])
    notes = notes if notes is not None else []
    parsed = {}
    for text in names:
        n = _Name.parse(text)
        if n is not None:
            parsed.setdefault(name_key(text), n)
            groups.find(name_key(text))
    full = {k: n for k, n in parsed.items() if n.first and not n.initial_only}
    # 1. Full names: first names agree, surnames equal or spelling variants.
    by_first: dict[tuple[str, str], list[str]] = defaultdict(list)  # variants share a first letter
    for k, n in sorted(full.items()):
        by_first[(n.first, n.last[0])].append(k)
    for keys in by_first.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                na, nb = full[a], full[b]
                if surname_variant(na.last, nb.last) and groups.union(a, b):
                    if na.last != nb.last:
                        notes.append(f"'{nb.text}' and '{na.text}' are one person (spelling variant of the surname)")
    # 2. Initials and surnames alone join the one person they fit.
    by_last: dict[str, list[str]] = defaultdict(list)
    for f, m in full.items():
        by_last[m.last].append(f)
    lasts_by_initial: dict[str, list[str]] = defaultdict(list)
    for last in by_last:
        lasts_by_initial[last[0]].append(last)
    heard: Counter | None = None  # group root -> weight, worked out when a surname first fits several
    for k, n in sorted(parsed.items()):
        if k in full:
            continue

        def fitting(lasts):  # noqa: B023 (called in this iteration only)
            return {groups.find(f) for last in lasts for f in by_last[last]
                    if n.first is None or full[f].first.startswith(n.first)}  # noqa: B023

        fits = fitting([n.last]) or fitting(
            [last for last in lasts_by_initial[n.last[0]] if abs(len(last) - len(n.last)) <= 2
             and surname_variant(last, n.last)])
        if len(fits) == 1:
            target = fits.pop()
            if groups.find(k) != target and groups.union(target, k):
                notes.append(f"'{n.text}' is {parsed[target].text if target in parsed else target}")
        elif len(fits) > 1:
            who = sorted(parsed[f].text for f in fits if f in parsed)
            if weight and heard is None:
                heard = Counter()
                for f in full:
                    heard[groups.find(f)] += weight.get(f, 0)
            heaviest = _dominant(fits, heard) if heard and n.first is None and \
                fold(n.text.split()[0]).strip(".") not in _FEMININE else None
            if heaviest is not None and groups.union(heaviest, k):
                name = parsed[heaviest].text if heaviest in parsed else heaviest
                notes.append(f"'{n.text}' is {name} (heard far more than {' or '.join(w for w in who if w != name)})")
            else:
                notes.append(f"'{n.text}' could be {' or '.join(who)}: kept apart (add it to speakers.yml to decide)")
    return groups


def _dominant(fits: set[str], heard: Counter) -> str | None:
    """The one of `fits` (group roots) heard DOMINANT times more than the others together, else None."""
    top = max(fits, key=lambda r: (heard[r], r))
    rest = sum(heard[r] for r in fits) - heard[top]
    return top if heard[top] >= DOMINANT * max(rest, 1) else None


# ---------------------------------------------------------------- bodies' aliases, damaged names, demonyms
SPEAKING_KINDS = {"person", "organisation"}
# One body under its everyday names (parties and papers, the lexicon's one table), compared by alias_key.
BODY_ALIASES = [*PARTY_NAMES.items(), *PRESS_NAMES.items()]
# Words naming a job or rank that a name never starts or ends with ("Striker Thierry Henry").
RANKS = {"striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "coach", "manager", "boss",
         "captain", "skipper", "chairman", "chairwoman", "treasurer", "secretary", "minister", "spokesman",
         "spokeswoman", "chancellor", "president", "director", "chief", "leader", "singer", "rapper", "actor",
         "actress", "star", "player", "champion", "senator", "governor", "mayor", "judge", "officer", "detective",
         "inspector", "constable", "sergeant", "commissioner", "presenter", "host", "producer", "writer",
         "author", "founder", "analyst", "economist", "professor", "head", "dj", "mp", "mep", "cardinal",
         "archbishop", "bishop", "pope", "rabbi", "imam", "sheikh", "general", "colonel", "major", "admiral"}
# A nationality or people's word is no speaker ("Swedish", "Dutchman", "the French").
# Of the words ending in a bare "-an" only these few are peoples' words: "Titan", "Nissan", "Wigan"
# and "Milan" are names.
DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ish|ese|man|men|woman|women)|[A-Z][a-z]+(?:ian|ean|ican)s?"
                     r"|(?:German|Afghan|Cuban|Kenyan|Ugandan|Rwandan|Angolan|Moroccan|Tibetan|Venezuelan"
                     r"|Guatemalan|Nicaraguan|Paraguayan|Uruguayan|Lankan|Samoan|Tongan|Andorran|Chadian)s?)$")
NOT_DEMONYMS = {"brian", "ian", "alan", "dean", "sean", "susan", "jordan", "morgan", "logan", "duncan", "megan",
                "christian", "julian", "adrian", "vivian", "lilian", "gillian", "damian", "fabian", "sebastian",
                "stan", "dan", "evan", "ivan", "ryan", "jan", "juan", "nathan", "allan", "roman", "norman",
                "herman", "sherman", "freeman", "goodman", "newman", "coleman", "chapman", "bowman", "tillman",
                "hoffman", "kaufman", "friedman", "silverman", "goldman", "redman", "whiteman", "lyman",
                "vatican", "pentagon", "batman", "superman", "mandan", "sudan", "iran", "oman", "japan",
                "taiwan", "pakistan", "afghanistan", "kazakhstan", "uzbekistan", "bhutan", "yemen"}


@functools.lru_cache(maxsize=1 << 16)
def alias_key(name: str) -> str:
    """A body's name compared loosely: no "the", no trailing "party", one plural "s" dropped."""
    key = name_key(name)
    for canon, names in BODY_ALIASES:
        if key in {name_key(n) for n in [canon, *names]}:
            return name_key(canon)
    key = re.sub(r"\s+party$", "", key)
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else key


PARTICLES = {"de", "da", "van", "von", "der", "al", "bin", "ibn", "la", "le", "du", "dos", "del"}


@functools.lru_cache(maxsize=1 << 16)
def damage(name: str, person: bool = True) -> str | None:
    """Why a speaker name is damaged, or None."""
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        return "a bracket left open"
    if re.search(r"\s[-\u2013\u2014]\s*\S*$", name) or re.search(r"\s[-\u2013\u2014]$", name):
        return "a trailing fragment"
    words = name.split()
    if person and len(words) > 1 and words[0][:1].isupper() and words[-1][:1].islower() \
            and fold(words[-1]) not in PARTICLES:
        return "a trailing fragment"
    if len(words) > 1 and fold(words[-1]) in TITLES:
        return "a title glued on"
    rest = words[1:]
    if person and len(rest) >= 2 and fold(words[0]) in RANKS and all(w[:1].isupper() for w in rest):
        return "a rank or job glued on"
    return None


@functools.lru_cache(maxsize=1 << 16)
def is_demonym(name: str) -> bool:
    """"Swedish", "Dutchman", "Italians": a people's word, not a name."""
    word = name.strip()
    return (" " not in word and bool(DEMONYM.match(word)) and fold(word).rstrip("s") not in NOT_DEMONYMS
            and fold(word) not in NOT_DEMONYMS)


@functools.lru_cache(maxsize=1 << 16)
def topic_key(name: str, kind: str = "organisation") -> str:
    """A topic compared loosely: case, spaces, hyphens and dots aside, and (but for people's names,
    where "Edward" and "Edwards" are two) one plural "s" dropped."""
    key = re.sub(r"[\s.\-'\u2019]", "", fold(name))
    if kind == "person":
        return key
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


_DASH_TAIL = re.compile(r"\s+[-\u2013\u2014]+(?:\s+\S+){0,2}\s*$")
_OPEN_BRACKET = re.compile(r"\s*[(\[][^)\]]*$")


@functools.lru_cache(maxsize=1 << 16)
def clean_name(name: str, kind: str = "person") -> str:
    """A speaker name without what extraction left on it: a bracket left open ("World Health
    Organisation (WHO"), a trailing fragment after a dash ("Arsene Wenger - he"), a rank, job or
    party word glued on the front of a person's name ("Striker Thierry Henry", "Tory Liam Fox"),
    a title or lower-case words at its end ("Tory Treasurer Lord"). Never empty: the name as it
    was when nothing of a name would be left."""
    out = " ".join(name.split())
    out = _OPEN_BRACKET.sub("", out) if out.count("(") > out.count(")") or out.count("[") > out.count("]") else out
    if _DASH_TAIL.search(out) and (m := _DASH_TAIL.search(out)).group(0).strip(" -\u2013\u2014")[:1].islower():
        out = out[:m.start()]
    elif re.search(r"\s[-\u2013\u2014]+$", out):
        out = re.sub(r"\s[-\u2013\u2014]+$", "", out)
    words = out.split()
    if kind == "person" and words and words[0][:1].isupper():
        while len(words) > 1 and words[-1][:1].islower() and fold(words[-1]) not in PARTICLES:
            words.pop()
        while len(words) > 2 and all(w[:1].isupper() for w in words[1:]):
            if fold(words[0]) in RANKS or is_demonym(words[0]) or alias_key(words[0]) in _BODY_KEYS:
                words.pop(0)  # "Striker Thierry Henry", "Welshman Ray Reardon", "Tory Liam Fox"
            elif len(words) > 3 and alias_key(" ".join(words[:2])) in _BODY_KEYS:
                words = words[2:]  # "Lib Dem Norman Baker"
            else:
                break
    while len(words) > 1 and fold(words[-1]) in TITLES:
        words.pop()
    return " ".join(words) or name


_BODY_KEYS = {alias_key(canon) for canon, _ in BODY_ALIASES}
