"""Read article files into Article records.

Formats: .txt (a first line followed by a blank line is the headline),
.md with YAML front matter, .jsonl (one article per line). A bad file or line
becomes a Problem; it never stops the others from being read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.model import Article, Problem

SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
MAX_ID_LENGTH = 80


class ReadError(ValueError):
    """A file that cannot be read as an article; the message says why."""


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def slugify(value: str, fallback: str = "article") -> str:
    """A safe file-name slug: ASCII letters, digits and dashes only, never a path."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^a-zA-Z0-9]+", "-", value).strip("-").lower()
    value = value[:MAX_ID_LENGTH].strip("-")
    return value or fallback


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,%d}$" % (MAX_ID_LENGTH - 1))
_RESERVED = {"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_id(raw: str, fallback: str = "article") -> str:
    """An id kept as given when it is already a safe file name, else its slug."""
    raw = str(raw)
    if _SAFE_ID.match(raw) and raw.lower() not in _RESERVED:
        return raw
    slug = slugify(raw, fallback)
    return f"{slug}-x" if slug in _RESERVED else slug


def find_article_files(paths: list[str | Path]) -> list[Path]:
    """Article files under the given files and folders, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(
                f for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
            )
        else:
            found.append(p)
    return found


def read_paths(paths: list[str | Path]) -> ReadResult:
    """Read every article under `paths`; problems are collected, not raised."""
    result = ReadResult()
    for path in find_article_files(paths):
        result.files.append(str(path))
        try:
            articles, problems = read_file(path)
        except (ReadError, OSError) as exc:
            result.problems.append(Problem(str(path), str(exc)))
            continue
        result.articles.extend(articles)
        result.problems.extend(problems)
    _make_ids_unique(result)
    return result


def read_file(path: Path) -> tuple[list[Article], list[Problem]]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
    text = decode(path.read_bytes())
    if suffix == ".jsonl":
        return read_jsonl(text, str(path))
    if not text.strip():
        raise ReadError("empty file")
    if suffix == ".txt":
        return [read_txt(text, str(path))], []
    return [read_markdown(text, str(path))], []


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped); anything else is a ReadError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise ReadError("binary file (contains NUL bytes)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(text: str, path: str) -> Article:
    """First line + blank line = headline; otherwise the title comes from the text."""
    lines = text.split("\n", 2)
    if len(lines) >= 2 and _looks_like_headline(lines[0]) and not lines[1].strip():
        title, body = lines[0].strip(), (lines[2] if len(lines) > 2 else "")
    else:
        title, body = _title_from_text(text), text
    body = body.strip("\n")
    if not body.strip():
        body, title = title, title
    return Article(path=path, id=safe_id(Path(path).stem), title=title, text=body)


def read_markdown(text: str, path: str) -> Article:
    meta: dict = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end == -1:
            raise ReadError("front matter opened with '---' is never closed")
        try:
            loaded = yaml.safe_load(text[4:end])
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            raise ReadError(f"malformed YAML front matter{where}: {getattr(exc, 'problem', exc)}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ReadError("front matter is not a mapping of fields")
        meta = loaded or {}
        body = text[end + 4:].split("\n", 1)[1] if "\n" in text[end + 4:] else ""
    body = body.strip("\n")
    if not body.strip():
        raise ReadError("no article text after the front matter")
    article = Article(path=path, id=safe_id(str(meta.get("id") or Path(path).stem)),
                      title=_text_field(meta.get("title")) or _title_from_text(body), text=body)
    _apply_meta(article, meta, path)
    return article


def read_jsonl(text: str, path: str) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    stem = slugify(Path(path).stem)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, f"broken JSON ({exc.msg}); line skipped", "partial", where))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(path, "record is not a JSON object; line skipped", "partial", where))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(Problem(path, "record has no 'text'; line skipped", "partial", where))
            continue
        raw_id = record.get("id")
        article = Article(
            path=path,
            id=safe_id(str(raw_id), fallback=f"{stem}-{number}") if raw_id not in (None, "") else f"{stem}-{number}",
            title=_text_field(record.get("title")) or _title_from_text(body),
            text=body,
        )
        if raw_id not in (None, ""):
            article.notes.append(f"source id: {raw_id}")
        _apply_meta(article, record, f"{path}:{where}")
        articles.append(article)
    if not articles and not problems:
        raise ReadError("empty file")
    return articles, problems


def _apply_meta(article: Article, meta: dict, where: str) -> None:
    for key in ("source", "url", "licence"):
        value = meta.get(key) if key != "licence" else (meta.get("licence") or meta.get("license"))
        if value is not None:
            setattr(article, key, _text_field(value))
    if meta.get("date") is not None:
        article.date = parse_date(meta["date"])
        if article.date is None:
            article.notes.append(f"date {meta['date']!r} does not parse; left out")
    tags = meta.get("tags")
    if isinstance(tags, list):
        article.tags = [str(t) for t in tags]
    elif isinstance(tags, str):
        article.tags = [t.strip() for t in tags.split(",") if t.strip()]


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or common string form, else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%d %B %Y", "%B %d, %Y",
                "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _looks_like_headline(line: str) -> bool:
    """Short, and not a sentence ending in a full stop: a lead paragraph is not a headline."""
    line = line.strip()
    return 0 < len(line) <= 160 and not line.endswith((".", ".\"", ".\u201d", ":"))


def _text_field(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _title_from_text(text: str, limit: int = 90) -> str:
    first = " ".join(text.strip().split("\n", 1)[0].split())
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def _make_ids_unique(result: ReadResult) -> None:
    taken: set[str] = set()
    for article in result.articles:
        base = article.id
        if base in taken:
            n = 2
            while f"{base}-{n}" in taken:
                n += 1
            article.id = f"{base}-{n}"
            result.problems.append(Problem(article.path, f"duplicate id {base!r}; renamed to {article.id!r}", "note"))
        taken.add(article.id)
