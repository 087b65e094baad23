"""What claims talk about, linked across the corpus: countries, organisations and people.

Extraction (generator/extract/topics.py) records in each Claim.topics the "kind:Name" of
every entity named inside the claim. `corpus_topics` links them once, like speakers: variants
merged ("US", "U.S.", "the United States" are one topic), typed, and a person talked about
joined to the speaker of the same name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from generator.link.names import (
    TITLES,
    Groups,
    acronym,
    fold,
    is_acronym,
    name_key,
    name_tokens,
    person_groups,
    topic_key,
)
from generator.link.people import article_people, full_name
from generator.model import KIND_TITLES, Brief, Claim, Topic
from generator.slugs import slugify


def split_topic(topic: str) -> tuple[str, str]:
    """("place", "United States") from "place:United States"; an untyped topic counts as a place."""
    kind, sep, name = topic.partition(":")
    return (kind, name) if sep and kind in KIND_TITLES else ("place", topic)


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
PLACE_NAMES = set(_ALIAS_OF)  # countries and capitals a reader knows speak through their governments
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
        people = None
        for claim in brief.claims:
            for topic in claim.topics:
                kind, name = split_topic(topic)
                name = tidy_name(name)
                if name and kind == "person" and len(name_tokens(name)) == 1:
                    people = article_people(brief) if people is None else people
                    name = full_name(name, people) or name  # "Brown": the Gordon Brown of this article
                if name and fold(name.split()[0]).strip(".") in TITLES:
                    kind = "person"  # "Mr Blair" is a person, whatever spaCy took him for
                if name:
                    votes[name][kind] += 1
                    uses.append((name, brief, claim))
    table = _speaker_table(speakers)
    full_people = [n for n in list(votes) + [v[1] for v in table.values() if v[2] in (None, "person")]
                   if len(name_tokens(n)) > 1 and (n not in votes or votes[n]["person"])]
    firsts = {name_tokens(n)[0] for n in full_people}
    lasts = {name_tokens(n)[-1] for n in full_people}
    for n in list(votes):  # "David", "XV": a first name alone or a numeral is no one in particular
        if (len(n.split()) == 1 and votes[n]["person"] * 2 > sum(votes[n].values())
                and (fold(n) in firsts and fold(n) not in lasts or re.fullmatch(r"[IVXLC]+", n))):
            del votes[n]
    uses = [u for u in uses if u[0] in votes]
    names = sorted(votes)
    groups = Groups([])
    loose: dict[str, list[str]] = defaultdict(list)  # "iPod" / "IPods", "RipGuard" / "Rip Guard"
    for n in names:
        person = votes[n]["person"] > sum(votes[n].values()) / 2
        loose[topic_key(n, "person" if person else "organisation")].append(n)
    for same in loose.values():
        for n in same[1:]:
            groups.union(name_key(same[0]), name_key(n))
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
    # A name a body speaks under is that body, whatever spaCy took it for ("Foster's", the brewer).
    bodies = {key for key, entry in table.items() if entry[2] not in (None, "person")}
    people = [n for n in names if votes[n]["person"] and name_key(n) not in bodies]
    person_speakers = {v[1] for v in table.values() if v[2] in (None, "person")}
    heard = Counter({name_key(n): sum(votes[n].values()) for n in names})
    person_groups(sorted(set(people) | person_speakers), groups, weight=heard)
    surnames = defaultdict(set)  # a one-word topic typed otherwise that is the surname of one person speaker
    for pname in person_speakers:
        words = pname.split()
        if len(words) > 1:
            surnames[name_key(words[-1])].add(pname)
    for n in names:
        if len(n.split()) == 1 and len(surnames.get(name_key(n), ())) == 1 and name_key(n) not in bodies:
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
    by_name: dict[str, Topic] = {}
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
            name = sorted(full, key=lambda v: (-count[v], fold(v.split()[0]).strip(".") in TITLES,
                                               v.lower().startswith("the "), -len(v.split()),
                                               topic_key(v, "person") != topic_key(v), v))[0]  # "iPod", not "IPods"
            kind = sorted(kinds, key=lambda k: (-kinds[k], k))[0]
            tid = slugify(name, fallback="topic")
        if kind not in KIND_TITLES:
            kind = "organisation"
        same = by_name.get(name_key(name))
        if same is not None:  # one name, one topic: a speaker's name reached from two roots
            same.variants = sorted((set(same.variants) | set(variants)) - {same.name})
            id_of_root[root] = same.id
            continue
        while tid in topics:
            tid += "-" + kind[:3]
        topics[tid] = by_name[name_key(name)] = Topic(id=tid, name=name, kind=kind,
                                                      variants=sorted(set(variants) - {name}))
        id_of_root[root] = tid
    seen_claims: set[tuple[str, int]] = set()
    for name, brief, claim in uses:
        topic = topics[id_of_root[groups.find(name_key(name))]]
        if topic.id == claim.speaker:
            continue  # a speaker naming themselves does not talk about themselves
        if (topic.id, id(claim)) not in seen_claims:  # "US" and "U.S." in one claim: listed once
            seen_claims.add((topic.id, id(claim)))
            topic.claims.append((brief, claim))
    # a topic named only by the speaker it is (their own name in their words) is no topic
    alone = first_names_alone(list(topics.values()), [v[1] for v in table.values() if v[2] in (None, "person")])
    kept = [(tid, t) for tid, t in topics.items() if t.claims and tid not in alone]
    return dict(sorted(kept, key=lambda kv: (-len(kv[1].claims), kv[1].name)))


def first_names_alone(topics: list[Topic], people: list[str]) -> set[str]:
    """Ids of the person topics that are a first name alone ("David", "Matt"): the first name of
    someone the corpus names in full (a topic or a person speaker) and the surname of nobody."""
    full = [name_tokens(n) for n in [t.name for t in topics if t.kind == "person"] + people]
    firsts = {tokens[0] for tokens in full if len(tokens) > 1}
    lasts = {tokens[-1] for tokens in full if len(tokens) > 1}
    return {t.id for t in topics if t.kind == "person" and len(t.name.split()) == 1
            and (tokens := name_tokens(t.name)) and tokens[0] in firsts and tokens[0] not in lasts}
