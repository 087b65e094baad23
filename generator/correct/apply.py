"""Apply an editor's corrections to extracted briefs, before linking, so every later stage agrees.

Pure: briefs in, new briefs out (the input briefs may be the cache's, and are never changed).
A correction whose claim id is in no brief is stale (its article changed or is gone): it is
reported in the build report, never dropped unseen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.correct.load import Correction, Corrections
from generator.model import Brief, Claim, Problem, Speaker
from generator.slugs import slugify

_ID_SHAPED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def apply_corrections(briefs: list[Brief], corrections: Corrections,
                      report_stale: bool = True) -> tuple[list[Brief], list[Problem]]:
    """The briefs with the corrections applied, and the build report's lines about them. Stale
    entries are reported when `report_stale` (the briefs are every article of the site)."""
    if not corrections:
        return briefs, list(corrections.notes)
    wanted = {c.claim: c for c in corrections.entries}
    source = corrections.source
    problems: list[Problem] = list(corrections.notes)  # values kept as written: said, with their line
    found: set[str] = set()
    done = {"speaker": 0, "drop": 0, "verified": 0, "kind": 0, "span": 0}
    directory = _Directory(briefs)
    out = []
    for brief in briefs:
        if not any(c.id in wanted for c in brief.claims):
            out.append(brief)
            continue
        speakers = list(brief.speakers)
        claims = []
        for claim in brief.claims:
            entry = wanted.get(claim.id)
            if entry is None:
                claims.append(claim)
                continue
            found.add(claim.id)
            if entry.drop:
                done["drop"] += 1
                continue
            claims.append(_correct(brief, claim, entry, speakers, directory, problems, source, done))
        used = {c.speaker for c in claims if c.speaker}
        out.append(Brief(article=brief.article, speakers=[s for s in speakers if s.id in used], claims=claims))
    for entry in corrections.entries:
        if report_stale and entry.claim not in found:
            problems.append(Problem(source, f"claim '{entry.claim}' is in no article: stale (its article "
                                            "changed or is gone); this entry is not applied", "partial",
                                    str(entry.line)))
    applied = ", ".join(f"{n} {what}" for what, n in (
        ("reattributed", done["speaker"]), ("dropped", done["drop"]), ("verified", done["verified"]),
        ("given another kind", done["kind"]), ("given another span", done["span"])) if n)
    if applied:
        problems.append(Problem(source, f"corrections applied: {applied}", "note"))
    return out, problems


def _correct(brief: Brief, claim: Claim, entry: Correction, speakers: list[Speaker], directory: _Directory,
             problems: list[Problem], source: str, done: dict) -> Claim:
    """A copy of `claim` with what `entry` says; what cannot be done is reported."""
    fixed = replace(claim, corrected=list(claim.corrected), fragments=list(claim.fragments))
    where = str(entry.line)
    if entry.speaker:
        speaker = directory.find(entry.speaker, speakers, entry.speaker_kind)
        if speaker is None:
            problems.append(Problem(source, f"'{entry.speaker}' is no speaker id of this site; write the "
                                            "speaker's name to add a new speaker", "partial", where))
        else:
            if entry.speaker_kind and speaker.kind != entry.speaker_kind:
                problems.append(Problem(source, f"'speaker_kind' is for a new name; '{speaker.name}' is a "
                                                f"speaker of the site already ({speaker.kind}): kept so "
                                                "(speakers.yml sets a speaker's kind)", "note", where))
            if all(s.id != speaker.id for s in speakers):
                speakers.append(speaker)
            fixed.speaker = speaker.id
            fixed.corrected.append("speaker")
            done["speaker"] += 1
    if entry.kind and entry.kind != claim.kind:
        fixed.kind = entry.kind
        fixed.corrected.append("kind")
        done["kind"] += 1
    if entry.text:
        span = _nearest(brief.article.text, entry.text, claim.start)
        if span is None:
            problems.append(Problem(source, f"claim '{entry.claim}': the words of 'text' are not in its "
                                            f"article ({brief.article.path}); its span is kept", "partial", where))
        else:
            from generator.extract.claims import paragraph_of, paragraph_starts  # spaCy-free, but heavy to import

            start, end = span
            fixed.start, fixed.end, fixed.text = start, end, brief.article.text[start:end]
            fixed.fragments = []
            fixed.paragraph = paragraph_of(paragraph_starts(brief.article.text), start)
            fixed.corrected.append("span")
            done["span"] += 1
    if entry.verified:
        fixed.verified = True
        done["verified"] += 1
    return fixed


def _nearest(text: str, words: str, near: int) -> tuple[int, int] | None:
    """Where `words` are written in `text` (spacing aside), the place nearest to offset `near`."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)] if pattern else []
    return min(spans, key=lambda s: abs(s[0] - near)) if spans else None


class _Directory:
    """Every speaker of the extracted briefs, by id and by name: a correction may name a speaker
    heard in another article ("sergei-lavrov", "Sergei Lavrov"), who then speaks in this one too."""

    def __init__(self, briefs: list[Brief]):
        self.briefs = briefs
        self.by_key: dict[str, Speaker] | None = None  # made on first use

    def find(self, value: str, local: list[Speaker], kind: str | None = None) -> Speaker | None:
        """The speaker `value` names; a new one (of `kind`, else a person) for a name nobody has."""
        key = value.casefold()
        for speaker in local:
            if key in (speaker.id, speaker.name.casefold()):
                return speaker
        if self.by_key is None:
            self.by_key = {}
            for brief in self.briefs:
                for speaker in brief.speakers:
                    self.by_key.setdefault(speaker.id, speaker)
                    self.by_key.setdefault(speaker.name.casefold(), speaker)
        known = self.by_key.get(key)
        if known is not None:
            return replace(known, aliases=list(known.aliases))
        if _ID_SHAPED.fullmatch(value):  # an id nobody has: a typo, or a speaker of a page gone
            return None
        return Speaker(id=slugify(value, fallback="speaker"), name=value, kind=kind or "person")
