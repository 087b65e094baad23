"""What claims talk about: the countries, organisations and people named inside them.

`tag_claims` runs at extraction time on the parsed Doc (so topics are cached
with the brief) and fills each Claim.topics with "kind:Name" strings, kind one
of place, organisation, person (the vocabulary of Speaker.kind), e.g.
"place:United States". `corpus_topics` merges the variants across articles
("US", "U.S.", "the United States" are one topic) for the topic pages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.link.names import _Groups, acronym, is_acronym, name_key, person_groups
from generator.model import Brief, Claim
from generator.slugs import slugify

ENTITY_KINDS = {"GPE": "place", "LOC": "place", "ORG": "organisation", "PERSON": "person"}
KIND_TITLES = {"place": "Countries and places", "organisation": "Organisations", "person": "People"}


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


def split_topic(topic: str) -> tuple[str, str]:
    """("place", "United States") from "place:United States"; an untyped topic counts as a place."""
    kind, sep, name = topic.partition(":")
    return (kind, name) if sep and kind in KIND_TITLES else ("place", topic)


@dataclass
class Topic:
    """One thing talked about across the corpus, with every claim that names it."""

    id: str
    name: str
    kind: str
    variants: list[str] = field(default_factory=list)
    claims: list[tuple[Brief, Claim]] = field(default_factory=list)


def corpus_topics(briefs: list[Brief], speaker_names: dict[str, str] | None = None) -> dict[str, Topic]:
    """Topics across briefs, variants merged, keyed by id; most talked-about first.

    Places and organisations merge when their names match once case, dots and
    "the" are ignored, or when one is the other's acronym ("US" / "United
    States"). People merge like speakers do (link.person_groups).
    `speaker_names` (id -> name) lets a person topic reuse its speaker's id.
    """
    seen: dict[str, Counter] = defaultdict(Counter)  # kind -> name -> count
    uses: list[tuple[str, str, Brief, Claim]] = []
    for brief in briefs:
        for claim in brief.claims:
            for topic in claim.topics:
                kind, name = split_topic(topic)
                seen[kind][name] += 1
                uses.append((kind, name, brief, claim))

    root_of: dict[tuple[str, str], str] = {}
    for kind, counts in seen.items():
        names = sorted(counts)
        groups = _Groups([])
        if kind == "person":
            person_groups(names, groups)
        else:
            for n in names:
                groups.find(name_key(n))
            longs = defaultdict(set)
            for n in names:
                if acronym(n):
                    longs[acronym(n)].add(groups.find(name_key(n)))
            for n in names:
                short = name_key(n).replace(" ", "")
                if is_acronym(n) and len(longs.get(short, ())) == 1:
                    groups.union(next(iter(longs[short])), name_key(n))
        for n in names:
            root_of[(kind, n)] = f"{kind}:{groups.find(name_key(n))}"

    members: dict[str, list[str]] = defaultdict(list)
    for (_kind, n), root in root_of.items():
        members[root].append(n)
    by_name = {v: k for k, v in (speaker_names or {}).items()}
    topics: dict[str, Topic] = {}
    id_of_root: dict[str, str] = {}
    for root in sorted(members):
        kind = root.split(":", 1)[0]
        counts = seen[kind]
        variants = members[root]
        full = [v for v in variants if not is_acronym(v)] or variants
        name = sorted(full, key=lambda v: (-counts[v], v.lower().startswith("the "), -len(v.split()), v))[0]
        tid = slugify(name, fallback="topic")
        if kind == "person" and name in by_name:
            tid = by_name[name]
        while tid in topics:
            tid += "-" + kind[:3]
        topics[tid] = Topic(id=tid, name=name, kind=kind, variants=sorted(set(variants) - {name}))
        id_of_root[root] = tid
    seen_claims: set[tuple[str, int]] = set()
    for kind, name, brief, claim in uses:
        topic = topics[id_of_root[root_of[(kind, name)]]]
        if (topic.id, id(claim)) not in seen_claims:  # "US" and "U.S." in one claim: listed once
            seen_claims.add((topic.id, id(claim)))
            topic.claims.append((brief, claim))
    return dict(sorted(topics.items(), key=lambda kv: (-len(kv[1].claims), kv[1].name)))
