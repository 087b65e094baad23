"""The entities of an article as spaCy names them: what each claim talks about, and what each
speaker is.

Runs on the parsed Doc (so the result is cached with the brief): each Claim.topics gets
"kind:Name" strings, kind one of place, organisation, person (the vocabulary of
Speaker.kind), e.g. "place:United States"; a speaker that the article calls a work or a
product ("the comedy Sideways", "its Iressa drug"), or a mere location ("nearby Pengam"),
gets that kind, and only people and bodies speak (link drops the rest; a place that
speaks, "China said", "Downing Street said", is the body that sits there).
Linking across the corpus (variants merged, typed once, people joined to speakers) is
generator/link's work.
"""

from __future__ import annotations

import bisect
import re

from generator.model import Brief, Claim
from generator.titles import is_acronym

ENTITY_KINDS = {"GPE": "place", "LOC": "place", "ORG": "organisation", "PERSON": "person"}
# Common nouns that, right before a name, say it is a body whatever spaCy's label ("security firm F-Secure").
BODY_NOUNS = {"firm", "company", "group", "maker", "giant", "agency", "body", "organisation", "organization",
              "association", "bank", "council", "union", "party", "charity", "club", "team", "band", "label",
              "studio", "publisher", "developer", "retailer", "carrier", "airline", "broadcaster", "newspaper",
              "paper", "magazine", "website", "network", "operator", "provider", "manufacturer", "society",
              "institute", "foundation", "watchdog", "regulator", "board", "committee", "commission"}


def clean_entity(text: str) -> str | None:
    """An entity's name as a topic: no leading "the", no possessive, no line breaks; None if not a name."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"(?:'s|’s|'|’)$", "", name).strip(" .,;:-") if not is_acronym(name) else name.strip(" ,;:-")
    if len(name.replace(".", "")) < 2 or not any(ch.isupper() for ch in name):
        return None
    return name


def claim_topics(doc, claim: Claim, ents: list | None = None, starts: list[int] | None = None) -> list[str]:
    """"kind:Name" of each place, organisation or person named inside one claim, in order.

    `ents` (doc.ents as a list) and `starts` (their start_char): given by tag_claims, so the entities
    are read once per document and only those inside the claim visited (doc.ents builds every span
    again at each read: once per claim, that was quadratic in a quote-dense article)."""
    out: list[str] = []
    mention = claim.speaker_mention
    if ents is None:
        ents = list(doc.ents)
        starts = [e.start_char for e in ents]
    for ent in ents[bisect.bisect_left(starts, claim.start):]:
        if ent.start_char >= claim.end:
            break
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or ent.end_char > claim.end:
            continue
        if mention and ent.start_char <= mention.start < ent.end_char:
            continue  # the speaker's own name, not what they talk about
        name = clean_entity(ent.text)
        if name and f"{kind}:{name}" not in out:
            out.append(f"{kind}:{name}")
    return out


def tag_claims(doc, brief: Brief) -> Brief:
    """Fill Claim.topics of every claim of a freshly extracted brief (in place), type its speakers
    (`type_speakers`) and return it."""
    ents = list(doc.ents)
    starts = [e.start_char for e in ents]
    for claim in brief.claims:
        claim.topics = claim_topics(doc, claim, ents, starts)
    return type_speakers(doc, brief)


# Common nouns that, right before a name, say it is a work or a product ("comedy Sideways", "the
# drug Iressa", "shooter Half-Life 2", "their debut Southernplayalisticadillacmuzik").
# (Never a word that is also a verb before an object: "play Roger Federer", "hit", "track", "book".)
WORK_NOUNS = {"film", "movie", "comedy", "drama", "thriller", "documentary", "biopic", "album", "debut", "song",
              "novel", "memoir", "game", "shooter", "sequel", "sitcom", "musical", "opera", "programme", "drug",
              "medicine", "vaccine", "format", "console", "handset", "browser", "blockbuster", "franchise"}
PRODUCTS = {"drug", "medicine", "vaccine", "format", "console", "handset", "browser"}
PLACE_NOUNS = {"nearby", "village", "town", "city", "suburb", "district", "county", "province", "region", "stadium"}


_CLASS_NOUN = re.compile(r"\b[a-z]+\b")
_DETERMINERS = ("the", "its", "his", "her", "their", "a", "an")
_PUNCT = ",;:.!?)\"'”’"


def class_nouns(text: str, names: list[str]) -> dict[str, str]:
    """name -> the kind ("work", "product", "locality" or "organisation") a class noun right before
    it in `text`, or right after it after a determiner, gives it ("comedy Sideways", "its Iressa
    drug", "security firm F-Secure"); a body's noun wins. One pass over the text's lower-case
    words, however many names (a name-dense article costs the same per word)."""
    nouns = WORK_NOUNS | BODY_NOUNS | PLACE_NOUNS
    by_first: dict[str, list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for name in names:
        if name.split():
            by_first.setdefault(name.split()[0], []).append(name)
            by_last.setdefault(name.split()[-1], []).append(name)
    found: dict[str, set[str]] = {}
    for m in _CLASS_NOUN.finditer(text):
        noun = m.group(0)
        if noun not in nouns:
            continue
        kind = ("organisation" if noun in BODY_NOUNS else "product" if noun in PRODUCTS
                else "work" if noun in WORK_NOUNS else "locality")
        after = text[m.end():m.end() + 200]
        nxt = re.match(r"\s+(\S+)", after)
        word = nxt.group(1) if nxt else ""
        for name in set(by_first.get(word, []) + by_first.get(word.rstrip(_PUNCT), [])):
            if re.match(r"\s+" + re.escape(name) + r"\b", after):
                found.setdefault(name, set()).add(kind)  # "comedy Sideways", "nearby Pengam"
        if kind == "locality":
            continue
        before = text[max(0, m.start() - 200):m.start()]
        prev = re.search(r"(\S+)\s+$", before)
        word = prev.group(1) if prev else ""
        for name in set(by_last.get(word, []) + by_last.get(word.rstrip(_PUNCT), [])):
            if re.search(r"\b(?:" + "|".join(_DETERMINERS) + r")\s+" + re.escape(name) + r"\s+$", before):
                found.setdefault(name, set()).add(kind)  # "its Iressa drug", "the Half-Life 2 game"
    return {n: "organisation" if "organisation" in ks else min(ks) for n, ks in found.items()}


def work_noun_before(text: str, name: str) -> str | None:
    """The kind a class noun next to `name` in `text` gives it (`class_nouns`), else None."""
    return class_nouns(text, [name]).get(name)


def type_speakers(doc, brief: Brief) -> Brief:
    """A named speaker that the article calls a work, a product or a mere location by a class noun
    next to its name (`class_nouns`) takes that kind (in place). A person's full name ("Simon
    Yates") is never retyped, and spaCy's own labels are not used: the small model calls people
    and companies works of art too often."""
    def full_name(speaker) -> bool:
        words = speaker.name.split()
        return speaker.kind == "person" and len(words) > 1 and all(
            w[:1].isupper() and w.replace("-", "").isalpha() for w in words)

    candidates = [s for s in brief.speakers if s.named and not full_name(s)]
    said = class_nouns(doc.text, sorted({s.name for s in candidates})) if candidates else {}
    for speaker in candidates:
        kind = said.get(speaker.name)
        if kind and (kind != "organisation" or speaker.kind != "person"):
            speaker.kind = kind
    return brief
