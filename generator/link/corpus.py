"""Link speakers across articles: the same person gets one id everywhere.

Extraction names speakers article by article ("Fawzi Barhum" in one article,
"Fawzi Barhoum" or just "Barhum" in another). Linking groups these names into
one speaker per person with general rules:

- people whose first names agree and whose surnames are equal, or differ by a
  spelling variant (a small edit distance on the surname only), are one person;
- an initial ("G. Bush") or a surname alone ("Barhum") joins the one person it
  fits; when it fits several (George Bush and Laura Bush) it stays apart;
- organisations and places are one when their names are the same once case,
  dots and a leading "the" are ignored, or one is the other's acronym.

An editor's `speakers.yml` (see README) then adds aliases and merges, keeps
names apart, sets preferred names, roles and affiliations, and lists names that
are not speakers. Every link and every override applied is reported.
Pure: no file is read here except the overrides file by `load_overrides`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from generator.link.colours import speaker_colours
from generator.link.names import (
    BODY_ALIASES,
    NOBLE_TITLES,
    RANKS,
    SPEAKING_KINDS,
    TITLES,
    Groups,
    acronym,
    alias_key,
    clean_name,
    fold,
    is_acronym,
    is_demonym,
    name_key,
    name_tokens,
    person_groups,
    surname_variant,
)
from generator.link.overrides import Overrides
from generator.link.people import GIVEN_NAMES, article_people, full_name, titled
from generator.link.roles import canonical, clean
from generator.link.topics import PLACE_NAMES, corpus_topics
from generator.link.usage import is_company, is_person, is_seat, never_speaks
from generator.model import Brief, Claim, Corpus, Speaker
from generator.slugs import slugify

BODY_NAMES = {alias_key(canon): canon for canon, _ in BODY_ALIASES}  # alias_key -> the body's full name
BODY_KEYS = set(BODY_NAMES)


def _pick_name(counts: Counter) -> str:
    """The name written most often; ties go to the fuller, then the alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], n.lower().startswith("the "), -len(n.split()), -len(n), n))[0]


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return sorted(counts, key=lambda v: (-counts[v], v))[0] if counts else None


def entities(briefs: list[Brief], edited: set[str] = frozenset()) -> tuple[list, list]:
    """Every (brief index, speaker) as linking takes it, and those that do not speak.

    Names as extraction left them are cleaned (names.clean_name); a surname alone, or a rank
    alone, is the one full name its article gives (people.py); a title before a name makes a
    person, a party's name is a body's name. Only people and bodies speak: a speaker typed as a
    place is the body that sits there ("China said", "Downing Street said"), or a person when
    the corpus names it as one more often or its first word is a given name; a mere location
    ("nearby Pengam"), a work, a product or a people is no speaker. A name the editor's speakers
    file names (`edited`, name keys) is kept whatever it is. A name that is only ranks and titles
    ("Tory Treasurer Lord") names nobody.
    """
    named_as: dict[str, Counter] = defaultdict(Counter)  # name key -> kind -> articles
    texts: dict[str, list[str]] = defaultdict(list)  # a one-word speaker's name -> the articles it speaks in
    for b in briefs:
        for name in {s.name for s in b.speakers if s.named and len(s.name.split()) == 1}:
            texts[name].append(b.article.text)
    unused: dict[str, str | None] = {}
    for b in briefs:
        for key, kind in {(name_key(t.partition(":")[2]), t.partition(":")[0]) for c in b.claims for t in c.topics}:
            named_as[key][kind] += 1
    mentions: list[tuple[int, Speaker]] = []
    not_speaking_here: list[tuple[int, Speaker]] = []
    for i, b in enumerate(briefs):
        people = None
        for s in b.speakers:
            if s.named and name_key(s.name) in edited:
                mentions.append((i, s))  # the editor's word wins
                continue
            if s.named and len(name_tokens(s.name)) == 1 and alias_key(s.name) not in BODY_KEYS:
                people = article_people(b) if people is None else people
                full = full_name(s.name, people)  # "Blair", "Mr Blair": the Tony Blair of this article
                if not full and fold(s.name) in RANKS:
                    full = titled(b.article.text, s.name)  # "Cardinal": the one cardinal it names
                if full:
                    s = replace(s, name=full, kind="person")
            if s.named and s.name in texts and alias_key(s.name) not in BODY_KEYS:
                if s.name not in unused:
                    unused[s.name] = never_speaks(s.name, texts[s.name])
                if unused[s.name]:
                    not_speaking_here.append((i, replace(s, kind=unused[s.name])))  # "at Anfield", "the film JFK"
                    continue
            if s.named and s.kind == "person" and is_seat(s.name) and name_tokens(s.name)[0] not in GIVEN_NAMES:
                s = replace(s, kind="organisation")  # "Downing Street": a seat of government
            elif s.named and s.kind == "organisation" and is_person(s.name, b.article.text, GIVEN_NAMES):
                s = replace(s, kind="person")  # "England coach Sven-Goran Eriksson"
            elif s.named and s.kind == "person" and any(is_company(s.name, t) for t in texts.get(s.name, ())):
                s = replace(s, kind="organisation")  # "equipment supplier Ericsson", "Ericsson shares"
            if s.named and s.kind != "person" and fold(s.name.split()[0]).strip(".") in TITLES - NOBLE_TITLES:
                s = replace(s, kind="person")  # "Mr Ebbers" is a person, whatever extraction took him for
            if not s.named and alias_key(s.name) in BODY_KEYS:
                s = replace(s, named=True, kind="organisation")  # "Labour", "the Tories": a body's name
            if s.named and s.kind == "place":
                known = named_as.get(name_key(s.name), Counter())
                if known["person"] > known["place"] or len(name_tokens(s.name)) > 1 \
                        and name_tokens(s.name)[0] in GIVEN_NAMES and name_key(s.name) not in PLACE_NAMES:
                    s = replace(s, kind="person")  # "Rio Ferdinand", typed a place
                else:
                    s = replace(s, kind="organisation")  # "China said": the body that sits there
            if s.named and s.kind not in SPEAKING_KINDS:
                not_speaking_here.append((i, s))
                continue
            name = clean_name(s.name, s.kind) if s.named else s.name
            if s.named and all(fold(w) in RANKS or fold(w) in TITLES for w in name.split()):
                mentions.append((i, replace(s, name=name, named=False)))
            elif name != s.name:
                mentions.append((i, replace(s, name=name)))
            else:
                mentions.append((i, s))
    return mentions, not_speaking_here


def link(briefs: list[Brief], overrides: Overrides | None = None) -> Corpus:
    """Give every speaker one corpus-wide id. Input briefs are not modified (they may be cached)."""
    ov = overrides or Overrides()
    notes: list[str] = []

    # Every (brief, local speaker), typed and cleaned (`entities`), and how many claims it has.
    edited_names = {name_key(n) for p in ov.people for n in [p["name"], *p["aliases"]]} | {
        name_key(n) for group in ov.merge for n in group}
    mentions, not_speaking = entities(briefs, edited_names)
    claim_counts: Counter = Counter()
    for i, b in enumerate(briefs):
        for c in b.claims:
            if c.speaker:
                claim_counts[(i, c.speaker)] += 1

    key_of = {s.name: name_key(s.name) for _, s in mentions}  # name_key is slow: once per name

    def matches(s: Speaker, wanted: str) -> bool:
        return key_of[s.name] == name_key(wanted) or s.id == wanted or s.id == slugify(wanted, fallback="")

    def same_person(s: Speaker, wanted: str) -> bool:
        """`matches`, or a person whose name differs from `wanted` only by the spelling of the surname
        (the linking rule: "Fawzi Barhoum" is the "Fawzi Barhum" an editor wrote)."""
        if matches(s, wanted):
            return True
        have, want = name_tokens(s.name), name_tokens(wanted)
        return (s.kind == "person" and len(have) == len(want) >= 2 and have[:-1] == want[:-1]
                and surname_variant(have[-1], want[-1]))

    # Not speakers: their claims become unattributed. The most specific decision wins: a claim an
    # editor gave this speaker in corrections.yml keeps it (the speaker stays, for those claims only).
    by_editor: Counter = Counter((i, c.speaker) for i, b in enumerate(briefs) for c in b.claims
                                 if c.speaker and "speaker" in c.corrected)
    dropped: set[tuple[int, str]] = set()
    for wanted in ov.not_speakers:
        hit = [(i, s) for i, s in mentions if same_person(s, wanted)]
        if hit:
            dropped |= {(i, s.id) for i, s in hit}
            n = sum(claim_counts[(i, s.id)] - by_editor[(i, s.id)] for i, s in hit)
            kept = sum(by_editor[(i, s.id)] for i, s in hit)
            notes.append(f"{ov.source}: '{wanted}' is not a speaker: {n} claims unattributed"
                         + (f"; {kept} kept, given to them claim by claim in corrections.yml" if kept else ""))
        else:
            notes.append(f"{ov.source}: not_speakers '{wanted}' matched no speaker")
    for i, s in not_speaking:
        dropped.add((i, s.id))
        notes.append(f"'{s.name}' ({s.kind}) does not speak: {claim_counts[(i, s.id)]} claims unattributed")
    for i, s in mentions:
        if s.named and is_demonym(s.name) and (i, s.id) not in dropped:
            dropped.add((i, s.id))
            notes.append(f"'{s.name}' is a nationality word, not a speaker: "
                         f"{claim_counts[(i, s.id)]} claims unattributed")
    for key in dropped & set(by_editor):
        claim_counts[key] = by_editor[key]
    mentions = [(i, s) for i, s in mentions if (i, s.id) not in dropped or by_editor[(i, s.id)]]
    # A description ("officials", "the report", "a spokesman") names nobody: the officials of one
    # article are not those of the next, so each stays a speaker of its own article only.
    # A description the editor names in speakers.yml (an alias, a merge) counts as a name.
    edited = [n for group in [[p["name"], *p["aliases"]] for p in ov.people] + ov.merge for n in group]
    edited_keys = {name_key(n) for n in edited}  # what `matches` compares, computed once
    edited_ids = set(edited) | {slugify(n, fallback="") for n in edited}
    unnamed = [(i, s) for i, s in mentions
               if not s.named and key_of[s.name] not in edited_keys and s.id not in edited_ids]
    unnamed_ids = {(i, s.id) for i, s in unnamed}
    mentions = [(i, s) for i, s in mentions if (i, s.id) not in unnamed_ids]

    # Group names: the editor's merges first (forced), then the automatic rules.
    keys_by_id: dict[str, set[str]] = defaultdict(set)
    for _, s in mentions:
        keys_by_id[s.id].add(key_of[s.name])
    all_keys = set(key_of[s.name] for _, s in mentions)

    def keys_for(wanted: str) -> set[str]:
        """Name keys of the speakers an editor's name means (as `matches`, without a scan of every mention)."""
        key = name_key(wanted)
        found = {key} if key in all_keys else set()
        return found | keys_by_id.get(wanted, set()) | keys_by_id.get(slugify(wanted, fallback=""), set())

    apart = [set().union(*(keys_for(n) for n in group)) for group in ov.apart]
    for group in ov.apart:
        missing = [n for n in group if not keys_for(n)]
        if missing:
            notes.append(f"{ov.source}: apart {', '.join(repr(n) for n in missing)} matched no speaker")
        else:
            notes.append(f"{ov.source}: kept apart {', '.join(repr(n) for n in group)}")
    groups = Groups([g for g in apart if len(g) > 1])
    kinds: dict[str, Counter] = defaultdict(Counter)
    for _, s in mentions:
        groups.find(key_of[s.name])
        kinds[key_of[s.name]][s.kind] += 1
    editor_groups = [[p["name"], *p["aliases"]] for p in ov.people if p["aliases"]] + ov.merge
    for number, group in enumerate(editor_groups):
        found = [k for n in group for k in sorted(keys_for(n))]
        missing = [n for n in group if not keys_for(n)]
        if number < len(editor_groups) - len(ov.merge) and found:
            missing = missing[1:] if missing[:1] == group[:1] else missing  # a preferred name need not be written
        for k in found[1:]:
            groups.union(found[0], k, forced=True)
        if len(found) > 1:
            notes.append(f"{ov.source}: merged {', '.join(repr(n) for n in group if keys_for(n))}")
        if missing:
            notes.append(f"{ov.source}: {', '.join(repr(n) for n in missing)} matched no speaker")

    def kind_of(key: str) -> str:
        return kinds[key].most_common(1)[0][0] if kinds[key] else "person"

    names_by_key = {key_of[s.name]: s.name for _, s in mentions}
    people = sorted(n for k, n in names_by_key.items() if kind_of(k) == "person")
    heard: Counter = Counter()  # name key -> claims, for a surname that fits several people
    for i, s in mentions:
        heard[key_of[s.name]] += claim_counts[(i, s.id)]
    person_groups(people, groups, notes, heard)
    aliased: dict[str, list[str]] = defaultdict(list)  # "Tories", "Conservative Party": one body
    for k, n in names_by_key.items():
        if kind_of(k) != "person" or alias_key(n) in BODY_KEYS:
            aliased[alias_key(n)].append(k)
    for key, ks in aliased.items():
        for k in ks[1:]:
            if groups.union(ks[0], k):
                body = BODY_NAMES.get(key, names_by_key[ks[0]])
                notes.append(f"'{names_by_key[k]}' is {body} (another name of one body)")
    body_groups = {groups.find(ks[0]) for key, ks in aliased.items() if key in BODY_KEYS}
    bodies = sorted(k for k in names_by_key if kind_of(k) != "person")
    by_acronym: dict[str, list[str]] = defaultdict(list)
    for k in bodies:
        if acronym(names_by_key[k]):
            by_acronym[acronym(names_by_key[k])].append(k)
    for k in bodies:
        if not is_acronym(names_by_key[k]):
            continue
        longs = {groups.find(o) for o in by_acronym.get(k.replace(" ", ""), [])}
        if len(longs) == 1 and groups.union(longs.pop(), k):
            notes.append(f"'{names_by_key[k]}' is {names_by_key[by_acronym[k.replace(' ', '')][0]]} (acronym)")

    # One corpus speaker per group.
    members: dict[str, list[tuple[int, Speaker]]] = defaultdict(list)
    for i, s in mentions:
        members[groups.find(key_of[s.name])].append((i, s))
    merged_name = {}
    for group in ov.merge:
        first = next((n for n in group if keys_for(n)), None)
        if first:
            key = sorted(keys_for(first))[0]
            merged_name[groups.find(key)] = names_by_key[key]  # the first name listed, as articles write it
    people_by_key = {}
    for p in ov.people:
        keys = set().union(*(keys_for(n) for n in [p["name"], *p["aliases"]]))
        for k in keys:
            people_by_key[groups.find(k)] = p
        if not keys:
            notes.append(f"{ov.source}: speaker '{p['name']}' matched no speaker")

    speakers: dict[str, Speaker] = {}
    local_to_corpus: dict[tuple[int, str], str] = {}
    # Roles and affiliations as each article gives them, cleaned (roles.clean), then one form per
    # role of a speaker (roles.canonical); the editor's role and affiliation win over all of them.
    shown: dict[tuple[int, str], tuple[str | None, str | None]] = {}
    for root, group in members.items():
        p = people_by_key.get(root) or {}
        pairs = {(i, s.id): clean(s.role, s.affiliation, s.name) for i, s in group}
        forms = canonical([r for r, _ in pairs.values() if r])
        for key, (role, affiliation) in pairs.items():
            role = p.get("role") or forms.get(role, role)
            affiliation = p.get("affiliation") or affiliation
            if "role" in p and "affiliation" not in p and affiliation:
                affiliation = clean(role, affiliation, "")[1]  # not what the editor's role spells out
            shown[key] = (role, affiliation)
    for i, s in unnamed:
        shown[(i, s.id)] = clean(s.role, s.affiliation, s.name)
    for root in sorted(members, key=lambda r: min(i for i, _ in members[r])):
        group = members[root]
        counts = Counter()
        for i, s in group:
            counts[s.name] += max(claim_counts[(i, s.id)], 1)
        full = Counter({n: c for n, c in counts.items() if len(name_tokens(n)) > 1}) or counts
        name = merged_name.get(root) or (BODY_NAMES.get(alias_key(_pick_name(full))) if root in body_groups else None) \
            or _pick_name(full)
        p = people_by_key.get(root)
        if p:
            name = p["name"]
            what = ", ".join(k for k in ("role", "affiliation", "kind") if k in p) or "name"
            notes.append(f"{ov.source}: '{name}' applied ({what})")
        sid = slugify(name, fallback="speaker")
        n = 2
        while sid in speakers:
            sid, n = f"{slugify(name, fallback='speaker')}-{n}", n + 1
        speakers[sid] = Speaker(
            id=sid, name=name,
            kind=(p or {}).get("kind") or ("organisation" if root in body_groups else None)
            or _most_common([s.kind for _, s in group]) or "person",
            role=(p or {}).get("role") or _most_common([shown[(i, s.id)][0] for i, s in group]),
            affiliation=(p or {}).get("affiliation") or _most_common([shown[(i, s.id)][1] for i, s in group]),
            aliases=sorted({s.name for _, s in group} - {name}),
        )
        for i, s in group:
            local_to_corpus[(i, s.id)] = sid
    for i, s in unnamed:
        sid, n = s.id, 2
        while sid in speakers:
            sid, n = f"{s.id}-{n}", n + 1
        speakers[sid] = replace(s, id=sid, aliases=[], role=shown[(i, s.id)][0], affiliation=shown[(i, s.id)][1])
        local_to_corpus[(i, s.id)] = sid

    linked = []
    for i, b in enumerate(briefs):
        local = []
        for s in b.speakers:
            sid = local_to_corpus.get((i, s.id))
            if sid and all(x.id != sid for x in local):
                role, affiliation = shown.get((i, s.id), (s.role, s.affiliation))
                local.append(replace(s, id=sid, name=speakers[sid].name, aliases=list(s.aliases),
                                     role=role, affiliation=affiliation))
        claims = [replace(c, speaker=local_to_corpus.get((i, c.speaker))
                          if c.speaker and ((i, c.speaker) not in dropped or "speaker" in c.corrected) else None)
                  for c in b.claims]
        linked.append(Brief(article=b.article, speakers=local, claims=claims))
    return describe(Corpus(briefs=linked, speakers=speakers, speaker_notes=notes))


def describe(corpus: Corpus) -> Corpus:
    """Fill in what every page draws on, once: the topics (linked like speakers), each speaker's
    claims, the speakers ranked by claims, and their colours. Returns the same corpus."""
    corpus.topics = corpus_topics(corpus.briefs, corpus.speakers)
    corpus.claims_of = claims_by_speaker(corpus)
    ranked = [s for s in corpus.speakers.values() if corpus.claims_of[s.id]]
    corpus.ranking = [s.id for s in sorted(ranked, key=lambda s: (-len(corpus.claims_of[s.id]), s.name))]
    corpus.colours = speaker_colours(corpus.briefs, corpus.ranking)
    return corpus


def _claim_order(bc: tuple[Brief, Claim]):
    brief, claim = bc
    return brief.article.date is None, brief.article.date or "", brief.article.id, claim.start


def claims_by_speaker(corpus: Corpus) -> dict[str, list[tuple[Brief, Claim]]]:
    """Every speaker's claims with their briefs, oldest first (undated last), in one pass."""
    out: dict[str, list[tuple[Brief, Claim]]] = {sid: [] for sid in corpus.speakers}
    for brief in corpus.briefs:
        for claim in brief.claims:
            if claim.speaker in out:
                out[claim.speaker].append((brief, claim))
    for claims in out.values():
        claims.sort(key=_claim_order)
    return out
