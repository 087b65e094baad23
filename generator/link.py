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

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.model import Brief, Claim, Corpus, Problem, Speaker
from generator.read import slugify

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "lord", "lady"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"}


# ---------------------------------------------------------------- names


def fold(text: str) -> str:
    """Lower case without accents: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_tokens(name: str) -> list[str]:
    """Folded words of a person's name, without honorifics and suffixes ("Mr", "Jr")."""
    words = [w.strip(".,'’\"") for w in fold(name).replace("’", "'").split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w for w in words if w]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return words


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


def is_acronym(name: str) -> bool:
    """"US", "U.S.", "UN": capitals (and dots) only."""
    bare = name.replace(".", "").strip()
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


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
    def parse(cls, text: str) -> "_Name | None":
        words = name_tokens(text)
        if not words:
            return None
        if len(words) == 1:
            return cls(text, None, words[0])
        return cls(text, words[0], words[-1])


class _Groups:
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


def person_groups(names: list[str], groups: _Groups | None = None,
                  notes: list[str] | None = None) -> _Groups:
    """Group person names (keys from name_key) that denote one person; see the module doc."""
    groups = groups or _Groups([])
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
    for k, n in sorted(parsed.items()):
        if k in full:
            continue

        def fitting(lasts):
            return {groups.find(f) for last in lasts for f in by_last[last]
                    if n.first is None or full[f].first.startswith(n.first)}

        fits = fitting([n.last]) or fitting(
            [last for last in lasts_by_initial[n.last[0]] if abs(len(last) - len(n.last)) <= 2
             and surname_variant(last, n.last)])
        if len(fits) == 1:
            target = fits.pop()
            if groups.find(k) != target and groups.union(target, k):
                notes.append(f"'{n.text}' is {parsed[target].text if target in parsed else target}")
        elif len(fits) > 1:
            who = sorted(parsed[f].text for f in fits if f in parsed)
            notes.append(f"'{n.text}' could be {' or '.join(who)}: kept apart (add it to speakers.yml to decide)")
    return groups


# ---------------------------------------------------------------- overrides


@dataclass
class Overrides:
    """What an editor's speakers.yml says. Names may be given as written or as ids."""

    people: list[dict] = field(default_factory=list)  # name, aliases, role, affiliation, kind
    merge: list[list[str]] = field(default_factory=list)
    apart: list[list[str]] = field(default_factory=list)
    not_speakers: list[str] = field(default_factory=list)
    source: str = "speakers.yml"


def _strings(value, where: str, problems: list[Problem], source: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    problems.append(Problem(source, "expected a name or a list of names", "partial", where))
    return []


def parse_overrides(data, source: str = "speakers.yml") -> tuple[Overrides, list[Problem]]:
    """Overrides from parsed YAML; anything malformed is reported and skipped."""
    problems: list[Problem] = []
    out = Overrides(source=source)
    if data is None:
        return out, problems
    if not isinstance(data, dict):
        return out, [Problem(source, "expected a mapping with speakers, merge, apart, not_speakers", "partial")]
    known = {"speakers", "merge", "apart", "not_speakers"}
    for key in sorted(set(data) - known):
        problems.append(Problem(source, f"unknown key '{key}' (known: {', '.join(sorted(known))})", "partial", key))
    for i, entry in enumerate(data.get("speakers") or []):
        where = f"speakers[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(Problem(source, "each speaker needs a name", "partial", where))
            continue
        person = {"name": entry["name"].strip(),
                  "aliases": _strings(entry.get("aliases"), where + ".aliases", problems, source)}
        for key in ("role", "affiliation", "kind"):
            if entry.get(key) is not None:
                person[key] = str(entry[key])
        out.people.append(person)
    for key in ("merge", "apart"):
        for i, group in enumerate(data.get(key) or []):
            names = _strings(group, f"{key}[{i}]", problems, source)
            if len(names) >= 2:
                getattr(out, key).append(names)
            elif names:
                problems.append(Problem(source, "a group needs two names or more", "partial", f"{key}[{i}]"))
    out.not_speakers = _strings(data.get("not_speakers"), "not_speakers", problems, source)
    return out, problems


def load_overrides(path: Path | None) -> tuple[Overrides, list[Problem]]:
    """Read speakers.yml; a missing file means no overrides, a broken one is reported."""
    import yaml

    if path is None or not Path(path).exists():
        return Overrides(), []
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return Overrides(source=Path(path).name), [Problem(str(path), f"not valid YAML: {exc}", "partial")]
    return parse_overrides(data, Path(path).name)


# ---------------------------------------------------------------- linking


def _pick_name(counts: Counter) -> str:
    """The name written most often; ties go to the fuller, then the alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], n.lower().startswith("the "), -len(n.split()), -len(n), n))[0]


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return sorted(counts, key=lambda v: (-counts[v], v))[0] if counts else None


def link(briefs: list[Brief], overrides: Overrides | None = None) -> Corpus:
    """Give every speaker one corpus-wide id. Input briefs are not modified (they may be cached)."""
    ov = overrides or Overrides()
    notes: list[str] = []

    # Every (brief, local speaker) and how many claims it has.
    mentions: list[tuple[int, Speaker]] = [(i, s) for i, b in enumerate(briefs) for s in b.speakers]
    claim_counts: Counter = Counter()
    for i, b in enumerate(briefs):
        for c in b.claims:
            if c.speaker:
                claim_counts[(i, c.speaker)] += 1

    key_of = {s.name: name_key(s.name) for _, s in mentions}  # name_key is slow: once per name

    def matches(s: Speaker, wanted: str) -> bool:
        return key_of[s.name] == name_key(wanted) or s.id == wanted or s.id == slugify(wanted, fallback="")

    # Not speakers: their claims become unattributed.
    dropped: set[tuple[int, str]] = set()
    for wanted in ov.not_speakers:
        hit = [(i, s) for i, s in mentions if matches(s, wanted)]
        if hit:
            dropped |= {(i, s.id) for i, s in hit}
            n = sum(claim_counts[(i, s.id)] for i, s in hit)
            notes.append(f"{ov.source}: '{wanted}' is not a speaker: {n} claims unattributed")
        else:
            notes.append(f"{ov.source}: not_speakers '{wanted}' matched no speaker")
    mentions = [(i, s) for i, s in mentions if (i, s.id) not in dropped]
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
    groups = _Groups([g for g in apart if len(g) > 1])
    kinds: dict[str, Counter] = defaultdict(Counter)
    for _, s in mentions:
        groups.find(key_of[s.name])
        kinds[key_of[s.name]][s.kind] += 1
    editor_groups = [[p["name"], *p["aliases"]] for p in ov.people if p["aliases"]] + ov.merge
    for group in editor_groups:
        found = [k for n in group for k in sorted(keys_for(n))]
        missing = [n for n in group if not keys_for(n)]
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
    person_groups(people, groups, notes)
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
    for root in sorted(members, key=lambda r: min(i for i, _ in members[r])):
        group = members[root]
        counts = Counter()
        for i, s in group:
            counts[s.name] += max(claim_counts[(i, s.id)], 1)
        full = Counter({n: c for n, c in counts.items() if len(name_tokens(n)) > 1}) or counts
        name = merged_name.get(root) or _pick_name(full)
        p = people_by_key.get(root)
        if p:
            name = p["name"]
            notes.append(f"{ov.source}: '{name}' applied ({', '.join(k for k in ('role', 'affiliation', 'kind') if k in p) or 'name'})")
        sid = slugify(name, fallback="speaker")
        n = 2
        while sid in speakers:
            sid, n = f"{slugify(name, fallback='speaker')}-{n}", n + 1
        speakers[sid] = Speaker(
            id=sid, name=name,
            kind=(p or {}).get("kind") or _most_common([s.kind for _, s in group]) or "person",
            role=(p or {}).get("role") or _most_common([s.role for _, s in group]),
            affiliation=(p or {}).get("affiliation") or _most_common([s.affiliation for _, s in group]),
            aliases=sorted({s.name for _, s in group} - {name}),
        )
        for i, s in group:
            local_to_corpus[(i, s.id)] = sid
    for i, s in unnamed:
        sid, n = s.id, 2
        while sid in speakers:
            sid, n = f"{s.id}-{n}", n + 1
        speakers[sid] = replace(s, id=sid, aliases=[])
        local_to_corpus[(i, s.id)] = sid

    linked = []
    for i, b in enumerate(briefs):
        local = []
        for s in b.speakers:
            sid = local_to_corpus.get((i, s.id))
            if sid and all(x.id != sid for x in local):
                local.append(replace(s, id=sid, name=speakers[sid].name, aliases=list(s.aliases)))
        claims = [replace(c, speaker=local_to_corpus.get((i, c.speaker)) if c.speaker else None)
                  for c in b.claims]
        linked.append(Brief(article=b.article, speakers=local, claims=claims))
    return Corpus(briefs=linked, speakers=speakers, speaker_notes=notes)


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
