"""What each claim talks about: the places, organisations and people spaCy names inside it.

Runs on the parsed Doc (so the mentions are cached with the brief): each Claim.topics gets
"kind:Name" strings, kind one of place, organisation, person (the vocabulary of
Speaker.kind), e.g. "place:United States". Linking them across the corpus (variants merged,
typed once, people joined to speakers) is generator/link/topics.py's work.
"""

from __future__ import annotations

import re

from generator.model import Brief, Claim
from generator.titles import is_acronym

ENTITY_KINDS = {"GPE": "place", "LOC": "place", "ORG": "organisation", "PERSON": "person"}


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
    """Fill Claim.topics of every claim of a freshly extracted brief (in place) and return it."""
    for claim in brief.claims:
        claim.topics = claim_topics(doc, claim)
    return brief

