"""Who gets a voice: each claim's speaker group (named person, organisation, unnamed source), the
gender a text states for a person, and the shares the Voices page and the data export print.

Gender is never guessed: a person is a woman or a man only where an article says so in words
the extractor saw: a she/he it bound to them as the speaker of a claim, a title before their
surname (Mr, Mrs, Ms, Miss, Sir, Dame) or a gendered noun in a mention or role ("spokeswoman",
"chairman"). Anything else, a first name included, is "not stated"; so is a person the texts
call both unless one is stated more than AGREEMENT times as often (the extractor binds a
pronoun to the wrong person now and then: one stray "she" must not unsay 400 "Mr Howard"s).
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from generator.model import Brief, Claim, Corpus, Speaker

GROUPS = ("person", "organisation", "unnamed")
GROUP_LABELS = {"person": "named people", "organisation": "organisations", "unnamed": "unnamed sources"}
GENDERS = ("woman", "man", "not stated")

FEMALE_WORDS = frozenset("""she her mrs ms miss dame lady madam spokeswoman chairwoman businesswoman
congresswoman policewoman sportswoman countrywoman frontwoman stateswoman headmistress actress waitress
mother wife daughter sister grandmother aunt niece girlfriend widow queen princess duchess baroness
woman girl""".split())
MALE_WORDS = frozenset("""he him his mr sir lord spokesman chairman businessman congressman policeman
sportsman countryman frontman statesman headmaster father husband son brother grandfather uncle nephew
boyfriend widower king prince duke baron man boy""".split())
# In a role only words for what a person does count: kinship and rank there are often someone
# else's ("son of the founder", "aide to Prince Charles")
ROLE_WORDS = frozenset("""spokeswoman chairwoman businesswoman congresswoman policewoman sportswoman stateswoman
headmistress actress waitress spokesman chairman businessman congressman policeman sportsman statesman
headmaster""".split())
AGREEMENT = 4  # the gender stated must outnumber the other this many times (a pronoun is bound wrongly at times)
# Titles looked for before a person's surname anywhere in an article ("Mr Blair", "Mrs. Thatcher")
TITLES = {"mr": "man", "mrs": "woman", "ms": "woman", "miss": "woman", "sir": "man", "dame": "woman"}
_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame)\.?\s+(?:[A-Z][\w'’-]*\s+){0,2}([A-Z][\w'’-]+)")
_WORD = re.compile(r"[a-z]+")
_PAIR_RE = re.compile(r"\b(?=([A-Z][\w'’-]*)\.?\s+([A-Z][\w'’-]+)\b)")  # every capitalised word after another


def voice_group(claim: Claim, speakers: dict[str, Speaker]) -> str:
    """person | organisation | unnamed: no speaker, or a description standing in for a name
    ("officials"), is an unnamed source; a place that speaks (a seat of government) a body."""
    speaker = speakers.get(claim.speaker) if claim.speaker else None
    if speaker is None or not speaker.named:
        return "unnamed"
    return "person" if speaker.kind == "person" else "organisation"


def _words_gender(text: str | None, among: frozenset[str] | None = None) -> set[str]:
    """The genders that gendered words of a mention or role state ("spokeswoman" -> woman)."""
    words = set(_WORD.findall((text or "").lower()))
    if among is not None:
        words &= among
    found = set()
    if words & FEMALE_WORDS:
        found.add("woman")
    if words & MALE_WORDS:
        found.add("man")
    return found


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else ""


@dataclass
class Gender:
    gender: str  # woman | man | not stated
    evidence: str  # what the texts said, for the export ("she (3); Mrs (1)"), empty when nothing


@functools.lru_cache(maxsize=8192)
def _names_in(text: str) -> tuple[dict[str, frozenset[str]], tuple[tuple[str, str], ...]]:
    """An article's capitalised words with the capitalised words written before each, and its
    (title, surname) pairs: worked out once per text in a process (a `mkdocs serve` rebuild reads
    the same texts again; the regular expressions were most of the Voices figures' time)."""
    before: dict[str, set[str]] = defaultdict(set)
    for match in _PAIR_RE.finditer(text):
        before[match.group(2)].add(match.group(1))
    titles = tuple((m.group(1), m.group(2)) for m in _TITLE_RE.finditer(text))
    return {k: frozenset(v) for k, v in before.items()}, titles


def stated_genders(corpus: Corpus) -> dict[str, Gender]:
    """Each named person's gender as the articles state it, with the evidence counted."""
    seen: dict[str, Counter] = defaultdict(Counter)  # speaker id -> Counter of (gender, cue word)
    for brief in corpus.briefs:
        people = {sid: s for sid in {c.speaker for c in brief.claims if c.speaker}
                  if (s := corpus.speakers.get(sid)) is not None and s.kind == "person" and s.named}
        if not people:
            continue
        for claim in brief.claims:
            if claim.speaker in people and claim.speaker_mention is not None:
                mention = claim.speaker_mention.text
                for gender in _words_gender(mention):
                    word = next(w for w in _WORD.findall(mention.lower())
                                if w in (FEMALE_WORDS if gender == "woman" else MALE_WORDS))
                    seen[claim.speaker][(gender, f"mention {word}")] += 1
        for speaker in brief.speakers:
            if speaker.id in people:
                for gender in _words_gender(speaker.role, ROLE_WORDS):
                    word = next(w for w in _WORD.findall(speaker.role.lower()) if w in ROLE_WORDS
                                and w in (FEMALE_WORDS if gender == "woman" else MALE_WORDS))
                    seen[speaker.id][(gender, f"role {word}")] += 1
        # a title before a surname ("Mr Blair"), unless the article also writes the surname after
        # another name ("Cherie Blair"): the title may then be another person's
        before_word, title_matches = _names_in(brief.article.text)
        by_surname = {}
        for sid, s in people.items():
            surname = _surname(s.name)
            if len(surname) < 2:
                continue
            before = before_word.get(surname, set())
            if not before - {p.rstrip(".") for p in s.name.split()} - {t.capitalize() for t in TITLES}:
                by_surname[surname] = None if surname in by_surname else sid
        titled: dict[str, Counter] = defaultdict(Counter)
        for title, surname in title_matches:
            if by_surname.get(surname):
                titled[surname][title] += 1
        for surname, titles in titled.items():
            if len({TITLES[t.lower()] for t in titles}) == 1:  # "Mr Bush" and "Mrs Bush": two people
                for title, n in titles.items():
                    seen[by_surname[surname]][(TITLES[title.lower()], f"title {title.lower()}")] += n
    out = {}
    for sid, speaker in corpus.speakers.items():
        if speaker.kind != "person" or not speaker.named:
            continue
        cues = seen.get(sid, Counter())
        said = Counter()
        for (g, _), n in cues.items():
            said[g] += n
        woman, man = said["woman"], said["man"]
        gender = ("woman" if woman > AGREEMENT * man else "man" if man > AGREEMENT * woman else "not stated"
                  ) if woman or man else "not stated"
        out[sid] = Gender(gender, "; ".join(f"{word} ({n})" for (_, word), n in sorted(cues.items())))
    return out


def sections(corpus: Corpus) -> dict[str, str | None]:
    """Article id -> its section: the first folder under the folder that holds every article
    ("business" for bbc/business/001.txt); None when the articles share one folder."""
    folders = [os.path.dirname(b.article.path) or "." for b in corpus.briefs]
    if not folders:
        return {}
    try:
        root = os.path.commonpath(folders)
    except ValueError:  # relative and absolute paths mixed
        return {b.article.id: None for b in corpus.briefs}
    out = {}
    for brief, folder in zip(corpus.briefs, folders):
        rel = PurePath(os.path.relpath(folder, root)).parts
        out[brief.article.id] = rel[0] if rel and rel[0] not in (".", "..") else None
    return out


@dataclass
class ClaimVoice:
    """A claim with what the Voices figures group it by."""

    brief: Brief
    claim: Claim
    group: str
    gender: str | None  # for named people only
    section: str | None
    topics: list[str]  # topic names


def claim_voices(corpus: Corpus, topics_of=None, genders: dict[str, Gender] | None = None) -> list[ClaimVoice]:
    """Every claim of the corpus with its group, gender, section and topic names, in corpus order."""
    genders = genders if genders is not None else stated_genders(corpus)
    section_of = sections(corpus)
    out = []
    for brief in corpus.briefs:
        for claim in brief.claims:
            group = voice_group(claim, corpus.speakers)
            gender = genders[claim.speaker].gender if group == "person" and claim.speaker in genders else None
            names = [t.name for t in topics_of(claim)] if topics_of else []
            out.append(ClaimVoice(brief, claim, group, gender, section_of.get(brief.article.id), names))
    return out


def table(rows: dict[str, Counter], keys: tuple[str, ...]) -> list[dict]:
    """[{label, counts: {key: n}, total}] in the order given."""
    return [{"label": label, "counts": {k: counts.get(k, 0) for k in keys}, "total": sum(counts.values())}
            for label, counts in rows.items()]


TOP_TOPICS = 15  # topics on the Voices page and in voices.csv: the most talked-about


def figures(claim_voices: list[ClaimVoice]) -> dict[str, list[dict]]:
    """The Voices tables, {breakdown: [{label, counts, total}]}: speaker groups overall, per section,
    per topic (the TOP_TOPICS most named) and per period (dated claims only); the gender of named
    people's claims overall and per section. The page and voices.csv print exactly these."""
    from generator.render.figures import all_periods, granularity, period_of

    out: dict[str, list[dict]] = {}
    overall = Counter(cv.group for cv in claim_voices)
    out["overall"] = table({"all claims": overall}, GROUPS) if claim_voices else []
    by_section: dict[str, Counter] = defaultdict(Counter)
    for cv in claim_voices:
        if cv.section:
            by_section[cv.section][cv.group] += 1
    out["section"] = table(dict(sorted(by_section.items())), GROUPS) if len(by_section) >= 2 else []
    by_topic: dict[str, Counter] = defaultdict(Counter)
    for cv in claim_voices:
        for name in dict.fromkeys(cv.topics):
            by_topic[name][cv.group] += 1
    top = sorted(by_topic, key=lambda t: (-sum(by_topic[t].values()), t))[:TOP_TOPICS]
    out["topic"] = table({t: by_topic[t] for t in top}, GROUPS)
    dates = [cv.brief.article.date for cv in claim_voices if cv.brief.article.date]
    unit = granularity(dates)
    by_period: dict[str, Counter] = {p: Counter() for p in all_periods(dates, unit)}
    for cv in claim_voices:
        if cv.brief.article.date:
            by_period.setdefault(period_of(cv.brief.article.date, unit), Counter())[cv.group] += 1
    out["period"] = table(dict(sorted(by_period.items())), GROUPS) if len(by_period) >= 2 else []
    people = [cv for cv in claim_voices if cv.group == "person"]
    gender_rows: dict[str, Counter] = {"claims by named people": Counter(cv.gender for cv in people)}
    if out["section"]:
        for section in sorted({cv.section for cv in people if cv.section}):
            gender_rows[section] = Counter(cv.gender for cv in people if cv.section == section)
    out["gender"] = table(gender_rows, GENDERS) if people else []
    return out


GROUP_COLOURS = {"person": "#1f5fa8", "organisation": "#2e7d32", "unnamed": "#57606a"}
GENDER_COLOURS = {"woman": "#ad1f6b", "man": "#0b6e99", "not stated": "#57606a"}
BREAKDOWNS = {  # breakdown -> (heading, first column, what a row is)
    "overall": ("Overall", "claims", "all claims of the corpus"),
    "section": ("By section", "section", "the folder an article sits in"),
    "topic": ("By topic", "topic", "claims that name the topic"),
    "period": ("Over time", "period", "claims of articles dated in the period"),
    "gender": ("Gender, where the text states it", "claims", "claims by named people"),
}


def worth_a_chart(breakdown: str, rows: list[dict]) -> bool:
    """A chart only where it tells something: the overall split and gender once there are claims,
    two sections or topics or more, and over time three filled periods (charts.worth_a_time_chart)."""
    from generator.render import charts

    if not rows:
        return False
    if breakdown == "period":
        return charts.worth_a_time_chart([r["total"] for r in rows])
    if breakdown in ("section", "topic"):
        return len(rows) >= 2
    return any(r["total"] for r in rows)


def render_voices(env, data, claim_voices: list[ClaimVoice] | None = None) -> dict[str, str]:
    """The Voices page (voices/index.md) and its charts: each with its table and how it was made."""
    from generator.render import charts
    from generator.render.markup import front_matter

    claim_voices = claim_voices if claim_voices is not None else claim_voices_of(data)
    figs = figures(claim_voices)
    pages = {}
    sections_out = []
    for breakdown, rows in figs.items():
        if not rows:
            continue
        heading, first, what = BREAKDOWNS[breakdown]
        keys = GENDERS if breakdown == "gender" else GROUPS
        colours = GENDER_COLOURS if breakdown == "gender" else GROUP_COLOURS
        labels = {k: k for k in GENDERS} if breakdown == "gender" else GROUP_LABELS
        chart = None
        if worth_a_chart(breakdown, rows):
            chart = f"{breakdown}.svg"
            pages[f"voices/{chart}"] = data.draw(
                charts.stacked_shares, [(r["label"], [r["counts"][k] for k in keys]) for r in rows],
                [labels[k] for k in keys], [colours[k] for k in keys], f"Who gets a voice: {heading.lower()}")
        alt = f"{heading}: " + "; ".join(f"{r['label']}: " + ", ".join(
            f"{labels[k]} {r['counts'][k]} ({charts.share_text(r['counts'][k], r['total'])})" for k in keys)
            for r in rows)
        sections_out.append({"id": breakdown, "heading": heading, "first": first, "what": what, "chart_file": chart,
                             "alt": alt, "parts": [labels[k] for k in keys], "rows": [
                                 {"label": r["label"], "total": r["total"],
                                  "cells": [(r["counts"][k], charts.share_text(r["counts"][k], r["total"]))
                                            for k in keys]} for r in rows]})
    people = sum(1 for cv in claim_voices if cv.group == "person")
    pages["voices/index.md"] = front_matter({"search": {"boost": 0.5}}) + env.get_template("voices.md.j2").render(
        sections=sections_out, total=len(claim_voices), people=people, top_topics=TOP_TOPICS, agreement=AGREEMENT)
    return pages


def claim_voices_of(data, genders: dict[str, Gender] | None = None) -> list[ClaimVoice]:
    return claim_voices(data.corpus, data.claim_topics, genders)
