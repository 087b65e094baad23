"""Errors of identity a reader would see on a linked corpus's pages, counted by class.

`make eval`'s `corpus` set runs this over the whole BBC corpus and fails on any:

- split: one person or body under two speakers ("Tories" and "Conservatives", "FT" and
  "Financial Times", "Blair" and "Tony Blair" when he is the one Blair);
- damaged: a speaker name with a bracket left open, a trailing fragment ("Arsene Wenger - he"),
  or a rank or job glued on ("Striker Thierry Henry", "Tory Treasurer Lord");
- non-speakers: a speaker that is a place, a work or product, or a nationality word ("Swedish"),
  or a one-word name its articles only ever use after a place preposition or a word of making
  ("at Anfield", "the film JFK": link.usage);
- kinds: a speaker typed against the stronger evidence of its articles: a seat typed a person
  ("Downing Street"), a given name and surname after a job typed a body ("England coach
  Sven-Goran Eriksson"), a one-word person after a company's noun ("supplier Ericsson");
- roles: a role that names no position ("disheartened", "future", "vice");
- topics: two topics for one thing ("iPod" / "IPods", "Brown" / "Gordon Brown"), a person topic
  that is a first name alone ("David"), and a speaker said to talk about themselves.

The rules are the linker's own ideas of sameness (link.names) applied as a referee: what the
linker should have joined or cleaned, whatever the article.
"""

from __future__ import annotations

import re
from collections import defaultdict

from generator.link.names import (
    BODY_ALIASES,
    SPEAKING_KINDS,
    TITLES,
    acronym,
    alias_key,
    damage,
    fold,
    is_acronym,
    is_demonym,
    name_tokens,
    topic_key,
)
from generator.link.people import GIVEN_NAMES
from generator.link.roles import is_position
from generator.link.topics import first_names_alone
from generator.link.usage import is_company, is_person, is_seat, never_speaks
from generator.model import Corpus

BODY_KEYS = {alias_key(canon) for canon, _ in BODY_ALIASES}


def check(corpus: Corpus) -> dict[str, list[str]]:
    """Every error found, by class: split, damaged, non_speakers, kinds, roles, topics."""
    out: dict[str, list[str]] = {"split": [], "damaged": [], "non_speakers": [], "kinds": [], "roles": [],
                                 "topics": []}
    speakers = [s for s in corpus.speakers.values() if s.named and corpus.claims_of.get(s.id)]
    # split: two speakers that one rule says are one
    bodies = defaultdict(list)
    for s in speakers:
        if s.kind != "person" or alias_key(s.name) in BODY_KEYS:
            bodies[alias_key(s.name)].append(s.name)
    out["split"] += [" / ".join(sorted(names)) for names in bodies.values() if len(names) > 1]
    orgs = {s.name: s for s in speakers if s.kind == "organisation"}
    by_acronym = defaultdict(set)
    for n in orgs:
        if acronym(n):
            by_acronym[acronym(n)].add(n)
    for n in orgs:
        if is_acronym(n) and len(by_acronym.get(fold(n.replace(".", "")), ())) == 1:
            out["split"].append(f"{n} / {next(iter(by_acronym[fold(n.replace('.', ''))]))}")
    people = [s for s in speakers if s.kind == "person"]
    by_surname = defaultdict(set)
    for s in people:
        tokens = name_tokens(s.name)
        if len(tokens) > 1:
            by_surname[tokens[-1]].add(s.name)
    for s in people:
        tokens = name_tokens(s.name)
        if len(tokens) == 1 and len(by_surname.get(tokens[0], ())) == 1:
            out["split"].append(f"{s.name} / {next(iter(by_surname[tokens[0]]))}")
    for s in speakers:
        why = damage(s.name, s.kind == "person")
        if why:
            out["damaged"].append(f"{s.name} ({why})")
        if s.kind not in SPEAKING_KINDS:
            out["non_speakers"].append(f"{s.name} ({s.kind})")
        elif is_demonym(s.name):
            out["non_speakers"].append(f"{s.name} (a nationality word)")
        else:
            texts = list({id(b): b.article.text for b, _ in corpus.claims_of[s.id]}.values())
            used = never_speaks(s.name, texts)
            if used:
                out["non_speakers"].append(f"{s.name} (a {used}: never the subject in its articles)")
            if s.kind == "person" and is_seat(s.name) and name_tokens(s.name)[0] not in GIVEN_NAMES:
                out["kinds"].append(f"{s.name} (a seat typed person)")
            elif s.kind == "organisation" and any(is_person(s.name, t, GIVEN_NAMES) for t in texts):
                out["kinds"].append(f"{s.name} (a person typed organisation)")
            elif s.kind == "person" and any(is_company(s.name, t) for t in texts):
                out["kinds"].append(f"{s.name} (a company typed person)")
        if s.role and not is_position(s.role):
            out["roles"].append(f"{s.name}: {s.role}")
    # topics
    seen = defaultdict(list)
    for t in corpus.topics.values():
        seen[(topic_key(t.name, t.kind), t.kind == "person")].append(t.name)
    out["topics"] += [" / ".join(names) for names in seen.values() if len(names) > 1]
    person_topics = {t.name for t in corpus.topics.values() if t.kind == "person"}
    surnames = defaultdict(set)
    for n in person_topics | {s.name for s in people}:
        tokens = name_tokens(n)
        if len(tokens) > 1:
            surnames[tokens[-1]].add(n)
    alone = first_names_alone(list(corpus.topics.values()),
                              [s.name for s in corpus.speakers.values() if s.named and s.kind == "person"])
    for t in corpus.topics.values():
        tokens = name_tokens(t.name)
        if len(tokens) == 1 and len(t.name.split()) == 1 and len(surnames.get(tokens[0], ())) == 1 \
                and t.kind == "person" and t.id not in corpus.speakers:
            out["topics"].append(f"{t.name} / {next(iter(surnames[tokens[0]]))}")
        elif t.id in alone:
            out["topics"].append(f"{t.name} (a first name alone)")
        if t.kind != "person" and fold(t.name.split()[0]).strip(".") in TITLES:
            out["topics"].append(f"{t.name} (a person filed as {t.kind})")
        if t.kind == "person" and re.fullmatch(r"[IVXLC]+", t.name):
            out["topics"].append(f"{t.name} (a numeral)")
    topics_of = defaultdict(set)
    for t in corpus.topics.values():
        for _, c in t.claims:
            topics_of[id(c)].add(t.id)
    for sid, claims in corpus.claims_of.items():
        if any(sid in topics_of[id(c)] for _, c in claims):
            out["topics"].append(f"{corpus.speakers[sid].name} talks about themselves")
    return out
