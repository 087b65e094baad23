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


def claim_topics(doc, claim: Claim) -> list[str]:
    """"kind:Name" of each place, organisation or person named inside one claim, in order."""
    out: list[str] = []
    mention = claim.speaker_mention
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or ent.start_char < claim.start or ent.end_char > claim.end:
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
    for claim in brief.claims:
        claim.topics = claim_topics(doc, claim)
    return type_speakers(doc, brief)


# Common nouns that, right before a name, say it is a work or a product ("comedy Sideways", "the
# drug Iressa", "shooter Half-Life 2", "their debut Southernplayalisticadillacmuzik").
# (Never a word that is also a verb before an object: "play Roger Federer", "hit", "track", "book".)
WORK_NOUNS = {"film", "movie", "comedy", "drama", "thriller", "documentary", "biopic", "album", "debut", "song",
              "novel", "memoir", "game", "shooter", "sequel", "sitcom", "musical", "opera", "programme", "drug",
              "medicine", "vaccine", "format", "console", "handset", "browser", "blockbuster", "franchise"}
PRODUCTS = {"drug", "medicine", "vaccine", "format", "console", "handset", "browser"}
PLACE_NOUNS = {"nearby", "village", "town", "city", "suburb", "district", "county", "province", "region", "stadium"}


def work_noun_before(text: str, name: str) -> str | None:
    """The kind ("work", "product", "locality" or "organisation") a class noun right before `name` in `text`, or
    right after it after a determiner, gives it ("comedy Sideways", "its Iressa drug", "security
    firm F-Secure"), else None; a body's noun wins."""
    kinds = set()
    for m in re.finditer(r"\b([a-z]+)\s+" + re.escape(name) + r"\b", text):
        if m.group(1) in BODY_NOUNS:
            return "organisation"
        if m.group(1) in WORK_NOUNS:
            kinds.add("product" if m.group(1) in PRODUCTS else "work")
        if m.group(1) in PLACE_NOUNS:
            kinds.add("locality")  # "nearby Pengam": a place as a mere location, not a seat of power
    # "its Iressa drug", "the Half-Life 2 game": a determiner, the name, the class noun
    for m in re.finditer(r"\b(?:the|its|his|her|their|a|an)\s+" + re.escape(name) + r"\s+([a-z]+)\b", text):
        if m.group(1) in BODY_NOUNS:
            return "organisation"
        if m.group(1) in WORK_NOUNS:
            kinds.add("product" if m.group(1) in PRODUCTS else "work")
    return min(kinds) if kinds else None


def type_speakers(doc, brief: Brief) -> Brief:
    """A named speaker that the article calls a work, a product or a mere location by a class noun
    next to its name (`work_noun_before`) takes that kind (in place). A person's full name ("Simon
    Yates") is never retyped, and spaCy's own labels are not used: the small model calls people
    and companies works of art too often."""
    for speaker in brief.speakers:
        words = speaker.name.split()
        if not speaker.named or (speaker.kind == "person" and len(words) > 1
                                 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)):
            continue
        said = work_noun_before(doc.text, speaker.name)
        if said and (said != "organisation" or speaker.kind != "person"):
            speaker.kind = said
    return brief
