"""Plain data passed between the pipeline stages (read -> extract -> link -> render).

Everything here is serialisable to JSON so that briefs can be cached and
printed as the `quotebrief extract` data contract (see the README, "Data contract").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LOW_CONFIDENCE = 0.5
"""A claim below this confidence is flagged for review (unless an editor verified or reattributed it)."""


@dataclass
class Article:
    """One article as read. `text` is exactly what claim offsets index."""

    path: str
    id: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    licence: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader noticed (decoded, cut, ...)
    # `id` is the URL-safe slug that page paths use; `record_id` is an input record's own id
    # exactly as given ("business/006"), which `quotebrief extract` prints as "id"
    record_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(**data)


@dataclass
class Span:
    """A stretch of article text: text == article.text[start:end]."""

    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Span | None:
        return cls(**data) if data else None


@dataclass
class Speaker:
    """A person or body who makes claims in an article (or, after linking, a corpus)."""

    id: str
    name: str
    kind: str = "person"  # person | organisation | place
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    named: bool = True  # False for a description standing in for a name ("officials", "the report")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(**data)


@dataclass
class Claim:
    """A direct quote, reported claim or mix of both, with character offsets."""

    kind: str  # direct | indirect | mixed
    text: str
    start: int
    end: int
    speaker: str | None = None  # Speaker.id
    cue: Span | None = None
    speaker_mention: Span | None = None
    confidence: float = 0.5
    fragments: list[Span] = field(default_factory=list)  # quoted parts of a split quote
    paragraph: int = 0  # 1-based paragraph number in the article
    topics: list[str] = field(default_factory=list)  # entity names the claim talks about
    id: str = ""  # stable across re-extractions (generator/extract/ids.py); corrections and permalinks use it
    verified: bool = False  # an editor checked it (corrections.yml)
    corrected: list[str] = field(default_factory=list)  # what corrections.yml changed: speaker, kind, span

    @property
    def flagged(self) -> bool:
        """Low confidence and not settled by an editor (verified, or given its speaker): readers
        see a mark, the review queue lists it, charts draw it apart."""
        return self.confidence < LOW_CONFIDENCE and not self.verified and "speaker" not in self.corrected

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        data = dict(data)
        data["cue"] = Span.from_dict(data.get("cue"))
        data["speaker_mention"] = Span.from_dict(data.get("speaker_mention"))
        data["fragments"] = [Span(**f) for f in data.get("fragments", [])]
        return cls(**data)


@dataclass
class Brief:
    """What one article yields: its speakers, claims and the entities it mentions."""

    article: Article
    speakers: list[Speaker] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "speakers": [s.to_dict() for s in self.speakers],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        return cls(
            article=Article.from_dict(data["article"]),
            speakers=[Speaker.from_dict(s) for s in data["speakers"]],
            claims=[Claim.from_dict(c) for c in data["claims"]],
        )

    def contract(self) -> dict[str, Any]:
        """The `quotebrief extract --jsonl` record (the README's data contract)."""
        a = self.article
        return {
            "path": a.path,
            "id": a.record_id if a.record_id is not None else a.id,
            "slug": a.id,
            "title": a.title,
            "date": a.date,
            "source": a.source,
            "url": a.url,
            "speakers": [s.to_dict() for s in self.speakers],
            "claims": [{"id": c.id, **c.to_dict()} for c in self.claims],
        }


@dataclass
class Problem:
    """Something wrong with one input file: reported, never fatal to the build."""

    path: str
    message: str
    severity: str = "skipped"  # skipped | partial | note
    where: str | None = None  # line or field

    def __post_init__(self) -> None:
        """A lone surrogate (a file name's undecodable byte, a value quoted from a JSON or YAML escape)
        is shown as U+FFFD: a report line must always be printable and writable as UTF-8."""
        for name in ("path", "message", "where"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.isascii():
                setattr(self, name, "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value))

    def __str__(self) -> str:
        loc = f"{self.path}:{self.where}" if self.where else self.path
        return f"{loc}: {self.severity}: {self.message}"


@dataclass
class Corpus:
    """All briefs after linking: speakers carry one id across articles."""

    briefs: list[Brief]
    speakers: dict[str, Speaker]
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    speaker_notes: list[str] = field(default_factory=list)  # how linking and speakers.yml merged speakers
    files: list[str] = field(default_factory=list)  # every input file, for the build report
