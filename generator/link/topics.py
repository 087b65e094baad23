"""What claims talk about: the countries, organisations and people named inside them.

`tag_claims` runs at extraction time on the parsed Doc (so topics are cached
with the brief) and fills each Claim.topics with "kind:Name" strings, kind one
of place, organisation, person (the vocabulary of Speaker.kind), e.g.
"place:United States". `corpus_topics` merges the variants across articles
("US", "U.S.", "the United States" are one topic) for the topic pages.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.link.names import HONORIFICS, _Groups, acronym, fold, is_acronym, name_key, name_tokens, person_groups
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
    """Fill Claim.topics of every claim of a freshly extracted brief (in place) and return it."""
    ents = list(doc.ents)
    starts = [e.start_char for e in ents]
    for claim in brief.claims:
        claim.topics = claim_topics(doc, claim, ents, starts)
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


# One country under its names, and the capital standing for its government ("Washington said"):
# a small general table, compared by name_key. Each entry: canonical name, kind, other names.
PLACE_ALIASES = [
    ("United States", "place", ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "Washington"]),
    ("United Kingdom", "place", ["UK", "U.K.", "Britain", "Great Britain", "London"]),
    ("Russia", "place", ["Russian Federation", "Moscow", "Kremlin"]),
    ("China", "place", ["PRC", "People's Republic of China", "Beijing"]),
    ("North Korea", "place", ["DPRK", "Democratic People's Republic of Korea", "Pyongyang"]),
    ("South Korea", "place", ["ROK", "Republic of Korea", "Seoul"]),
    ("Ireland", "place", ["Republic of Ireland", "Dublin"]),
    ("Israel", "place", ["State of Israel"]),
    ("Gaza Strip", "place", ["Gaza"]),
    ("Iran", "place", ["Islamic Republic of Iran", "Tehran"]),
    ("France", "place", ["French Republic", "Paris"]),
    ("Germany", "place", ["Federal Republic of Germany", "Berlin"]),
    ("Japan", "place", ["Tokyo"]),
    ("Ukraine", "place", ["Kyiv", "Kiev"]),
    ("Syria", "place", ["Damascus"]),
    ("Afghanistan", "place", ["Kabul"]),
    ("European Union", "organisation", ["EU", "E.U.", "Brussels"]),
    ("United Nations", "organisation", ["UN", "U.N."]),
]
_ALIAS_OF = {name_key(n): (canon, kind) for canon, kind, names in PLACE_ALIASES for n in [canon, *names]}
# Entities spaCy names that are no topic: time zones, bare compass points.
# "Home" is what spaCy leaves of "Home Secretary" / "Home Office".
NOT_TOPICS = {"gmt", "utc", "bst", "est", "edt", "pst", "north", "south", "east", "west", "home"}
_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}


def tidy_name(name: str) -> str | None:
    """A topic's name fit for a label: brackets closed, a trailing "(ACRONYM)" left to the variants'
    acronym rule ("Palestinian Legislative Council (PLC" -> "Palestinian Legislative Council")."""
    name = " ".join(name.split())
    if name.count("(") > name.count(")"):
        name = name + ")"
    name = re.sub(r"\s*\([A-Z.]{2,8}\)$", "", name).strip()
    name = name.strip("()[] ") if name.count("(") != name.count(")") else name
    if len(name.replace(".", "")) < 2 or name_key(name) in NOT_TOPICS:
        return None
    return name


def _speaker_table(speakers) -> dict[str, tuple[str, str, str]]:
    """name_key of every speaker name and alias -> (id, name, kind). `speakers`: id -> Speaker or name."""
    out = {}
    for sid, s in (speakers or {}).items():
        name, kind, aliases = (s, None, []) if isinstance(s, str) else (s.name, s.kind, s.aliases)
        for n in [name, *aliases]:
            out.setdefault(name_key(n), (sid, name, kind))
    return out


def corpus_topics(briefs: list[Brief], speakers: dict | None = None) -> dict[str, Topic]:
    """Topics across briefs, variants merged, keyed by id; most talked-about first.

    Linked like speakers: names that match once case, dots and "the" are ignored, an acronym
    and its name ("US" / "United States"), the names of one country (PLACE_ALIASES, capitals
    standing for governments included), and people by the rules of link.names ("Bush" is
    "George W. Bush" when he is the one Bush). A topic that is a speaker (`speakers`: id ->
    Speaker, or id -> name) takes the speaker's id, name and kind; a country of the table its
    name and kind; otherwise the kind most uses give it.
    """
    votes: dict[str, Counter] = defaultdict(Counter)  # name -> kind -> uses
    uses: list[tuple[str, Brief, Claim]] = []
    for brief in briefs:
        for claim in brief.claims:
            for topic in claim.topics:
                kind, name = split_topic(topic)
                name = tidy_name(name)
                if name:
                    votes[name][kind] += 1
                    uses.append((name, brief, claim))
    table = _speaker_table(speakers)
    names = sorted(votes)
    groups = _Groups([])
    for n in names:
        groups.find(name_key(n))
        alias = _ALIAS_OF.get(name_key(n))
        if alias:
            groups.union(name_key(alias[0]), name_key(n))
    longs = defaultdict(set)
    for n in names:
        if acronym(n):
            longs[acronym(n)].add(groups.find(name_key(n)))
    for n in names:
        short = name_key(n).replace(" ", "")
        if is_acronym(n) and len(longs.get(short, ())) == 1:
            groups.union(next(iter(longs[short])), name_key(n))
    by_tokens = defaultdict(list)  # "Mr Blair" and "Blair": one name, whoever it is (not "Mrs Blair")
    for n in names:
        words = fold(n).replace(".", "").split()
        by_tokens[tuple(name_tokens(n))].append((_GENDER.get(words[0]) if words else None, n))
    for same in by_tokens.values():
        for gender, n in same[1:]:
            if not {gender, same[0][0]} >= {"m", "f"}:
                groups.union(name_key(same[0][1]), name_key(n))
    for n in names:  # "Labour Party" is "Labour"
        if name_key(n).endswith(" party") and votes[n]["organisation"]:
            bare = name_key(n)[:-len(" party")]
            if any(name_key(o) == bare for o in names):
                groups.union(bare, name_key(n))
    people = [n for n in names if votes[n]["person"]]
    person_speakers = {v[1] for v in table.values() if v[2] in (None, "person")}
    person_groups(sorted(set(people) | person_speakers), groups)
    surnames = defaultdict(set)  # a one-word topic typed otherwise that is the surname of one person speaker
    for pname in person_speakers:
        words = pname.split()
        if len(words) > 1:
            surnames[name_key(words[-1])].add(pname)
    for n in names:
        if len(n.split()) == 1 and len(surnames.get(name_key(n), ())) == 1:
            groups.union(name_key(next(iter(surnames[name_key(n)]))), name_key(n))

    members: dict[str, list[str]] = defaultdict(list)
    for n in names:
        members[groups.find(name_key(n))].append(n)
    speaker_in: dict[str, set] = defaultdict(set)
    for key, entry in table.items():
        if key in groups.parent:
            speaker_in[groups.find(key)].add(entry)
    by_acronym: dict[str, list] = defaultdict(list)  # each speaker's acronym, worked out once
    for entry in set(table.values()):
        if entry[2] != "person" and (short := acronym(entry[1])):
            by_acronym[short].append(entry)
    for n in names:  # an acronym topic whose long form is a speaker's name ("EU" / "European Union")
        if is_acronym(n):
            for entry in by_acronym.get(name_key(n).replace(" ", ""), ()):
                speaker_in[groups.find(name_key(n))].add(entry)
    topics: dict[str, Topic] = {}
    id_of_root: dict[str, str] = {}
    for root in sorted(members):
        variants = members[root]
        count = Counter({v: sum(votes[v].values()) for v in variants})
        alias = next((_ALIAS_OF[name_key(v)] for v in variants if name_key(v) in _ALIAS_OF), None)
        speaker = next(iter(speaker_in[root])) if len(speaker_in[root]) == 1 else None
        kinds = sum((votes[v] for v in variants), Counter())
        if alias:
            name, kind = alias
            tid = slugify(name, fallback="topic")
        elif speaker:
            tid, name, kind = speaker[0], speaker[1], speaker[2] or kinds.most_common(1)[0][0]
        else:
            full = [v for v in variants if not is_acronym(v)] or variants
            name = sorted(full, key=lambda v: (-count[v], fold(v.split()[0]).strip(".") in HONORIFICS,
                                               v.lower().startswith("the "), -len(v.split()), v))[0]
            kind = sorted(kinds, key=lambda k: (-kinds[k], k))[0]
            tid = slugify(name, fallback="topic")
        if kind not in KIND_TITLES:
            kind = "organisation"
        while tid in topics:
            tid += "-" + kind[:3]
        topics[tid] = Topic(id=tid, name=name, kind=kind, variants=sorted(set(variants) - {name}))
        id_of_root[root] = tid
    seen_claims: set[tuple[str, int]] = set()
    for name, brief, claim in uses:
        topic = topics[id_of_root[groups.find(name_key(name))]]
        if (topic.id, id(claim)) not in seen_claims:  # "US" and "U.S." in one claim: listed once
            seen_claims.add((topic.id, id(claim)))
            topic.claims.append((brief, claim))
    return dict(sorted(topics.items(), key=lambda kv: (-len(kv[1].claims), kv[1].name)))
