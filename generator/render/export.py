"""The data behind the site, for reuse: every claim as JSON Lines and CSV, the speakers and the
Voices figures as CSV. Pure: {path: text}; the site publishes them under data/ and
`quotebrief export` writes the same files through generator/write.py.

Values from articles are untrusted: in CSV a cell that starts with = + - @ or a tab or carriage
return would be run as a formula by a spreadsheet, so it gets a leading apostrophe (the
spreadsheet convention for "this is text"). JSON Lines carries the values as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import TYPE_CHECKING

from generator.render import voices
from generator.render.markup import is_flagged

if TYPE_CHECKING:
    from generator.render.data import SiteData

DATA_DIR = "data"
FORMATS = ("jsonl", "csv")
CLAIM_COLUMNS = (
    "id", "article_id", "title", "date", "source", "url", "section", "paragraph",
    "speaker_id", "speaker_name", "speaker_kind", "speaker_group", "gender", "role", "affiliation",
    "kind", "text", "start", "end", "cue", "speaker_mention", "confidence", "flagged", "topics", "corrections",
)
SPEAKER_COLUMNS = (
    "speaker_id", "name", "kind", "speaker_group", "gender", "gender_evidence", "role", "affiliation", "aliases",
    "claims", "quoted", "mixed", "reported", "articles", "first_date", "last_date",
)
VOICE_COLUMNS = ("breakdown", "value", "group", "claims", "of_claims", "share")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
BOM = "\ufeff"  # so a spreadsheet reads the UTF-8 right


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: lists joined by "; ", formulas defused."""
    if value.__class__ is str:  # most cells: the quick way
        return "'" + value if value[:1] in _FORMULA_FIRST else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


flagged = is_flagged  # low confidence, or an editor's mark

def corrections_of(claim) -> list[str]:
    """What the editor's corrections did to this claim (the correct stage): what they changed
    (speaker, kind, span) and "verified" when an editor checked it; [] when none."""
    return [*claim.corrected, *(["verified"] if claim.verified else [])]


def claim_records(data: SiteData, claim_voices: list[voices.ClaimVoice] | None = None) -> list[dict]:
    """One record per claim, in corpus order, with the CLAIM_COLUMNS as typed values."""
    speakers = data.corpus.speakers
    claim_voices = claim_voices if claim_voices is not None else voices.claim_voices(data.corpus, data.claim_topics)
    records = []
    for cv in claim_voices:
        brief, claim = cv.brief, cv.claim
        article = brief.article
        speaker = speakers.get(claim.speaker) if claim.speaker else None
        local = brief.speaker(claim.speaker) if claim.speaker else None
        records.append({
            "id": getattr(claim, "id", None),
            "article_id": article.record_id if article.record_id is not None else article.id,
            "title": article.title, "date": article.date, "source": article.source, "url": article.url,
            "section": cv.section, "paragraph": claim.paragraph,
            "speaker_id": claim.speaker,
            "speaker_name": speaker.name if speaker else None,
            "speaker_kind": speaker.kind if speaker else None,
            "speaker_group": cv.group, "gender": cv.gender,
            "role": (speaker and speaker.role) or (local and local.role) or None,
            "affiliation": (speaker and speaker.affiliation) or (local and local.affiliation) or None,
            "kind": claim.kind, "text": claim.text, "start": claim.start, "end": claim.end,
            "cue": claim.cue.text if claim.cue else None,
            "speaker_mention": claim.speaker_mention.text if claim.speaker_mention else None,
            "confidence": round(claim.confidence, 3), "flagged": flagged(claim),
            "topics": cv.topics, "corrections": corrections_of(claim),
        })
    return records


def speaker_records(data: SiteData, genders: dict[str, voices.Gender] | None = None) -> list[dict]:
    """One record per speaker with claims, most claims first (the speakers index's order)."""
    genders = genders if genders is not None else voices.stated_genders(data.corpus)
    out = []
    for speaker in data.speakers:
        claims = data.claims[speaker.id]
        kinds = Counter(c.kind for _, c in claims)
        dates = [b.article.date for b, _ in claims if b.article.date]
        gender = genders.get(speaker.id)
        group = "unnamed" if not speaker.named else "person" if speaker.kind == "person" else "organisation"
        out.append({
            "speaker_id": speaker.id, "name": speaker.name, "kind": speaker.kind, "speaker_group": group,
            "gender": gender.gender if gender else None, "gender_evidence": gender.evidence if gender else None,
            "role": speaker.role or next((s.role for s in data.local[speaker.id] if s.role), None),
            "affiliation": speaker.affiliation or next((s.affiliation for s in data.local[speaker.id]
                                                        if s.affiliation), None),
            "aliases": list(speaker.aliases), "claims": len(claims),
            "quoted": kinds["direct"], "mixed": kinds["mixed"], "reported": kinds["indirect"],
            "articles": len({b.article.id for b, _ in claims}),
            "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
        })
    return out


def voice_records(figures: dict) -> list[dict]:
    """The Voices page's tables, one row per (breakdown, value, group): the same numbers."""
    out = []
    for breakdown, rows in figures.items():
        for row in rows:
            for key, n in row["counts"].items():
                out.append({"breakdown": breakdown, "value": row["label"], "group": key, "claims": n,
                            "of_claims": row["total"], "share": round(100 * n / row["total"], 1) if row["total"]
                            else 0.0})
    return out


def to_csv(records: list[dict], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([safe_cell(record.get(c)) for c in columns])
    return BOM + buf.getvalue()


def to_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def render_data(data: SiteData, formats: tuple[str, ...] = FORMATS, prefix: str = f"{DATA_DIR}/",
                claim_voices: list[voices.ClaimVoice] | None = None,
                genders: dict[str, voices.Gender] | None = None) -> dict[str, str]:
    """{path: text} of the data files: claims.jsonl (jsonl), claims.csv, speakers.csv and voices.csv (csv)."""
    genders = genders if genders is not None else voices.stated_genders(data.corpus)
    claim_voices = claim_voices if claim_voices is not None else voices.claim_voices_of(data, genders)
    claims = claim_records(data, claim_voices)
    out = {}
    if "jsonl" in formats:
        out[f"{prefix}claims.jsonl"] = to_jsonl(claims)
    if "csv" in formats:
        out[f"{prefix}claims.csv"] = to_csv(claims, CLAIM_COLUMNS)
        out[f"{prefix}speakers.csv"] = to_csv(speaker_records(data, genders), SPEAKER_COLUMNS)
        out[f"{prefix}voices.csv"] = to_csv(voice_records(voices.figures(claim_voices)), VOICE_COLUMNS)
    return out
