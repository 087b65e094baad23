"""Read article files into Article records: find the files, read each, report problems.

Formats: .txt (a first line followed by a blank line is the headline),
.md with YAML front matter, .html (main text through trafilatura), .jsonl
(one article per line). A bad file or line becomes a Problem naming the file,
the line or field, and what is wrong; it never stops the others from being read.

Problem severities: `skipped` (nothing of the file or record is analysed),
`partial` (some of it is: a line dropped, text cut, front matter ignored),
`note` (read in full, but something was guessed or changed: an encoding, a
title, a renamed id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Article, Problem
from generator.read.decode import _decode_noted
from generator.read.formats import finish, read_html, read_jsonl, read_markdown, read_txt
from generator.read.limits import MAX_HTML_BYTES, MAX_JSONL_BYTES, MAX_TEXT_CHARS, SUFFIXES, ReadError


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


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


def read_paths(paths: list[str | Path], max_chars: int = MAX_TEXT_CHARS) -> ReadResult:
    """Read every article under `paths`; problems are collected, not raised."""
    result = ReadResult()
    for path in find_article_files(paths):
        result.files.append(str(path))
        try:
            articles, problems = read_file(path, max_chars)
        except (ReadError, OSError) as exc:
            result.problems.append(Problem(str(path), _reason(exc)))
            continue
        except Exception as exc:  # a reader bug must not sink the build either
            result.problems.append(Problem(str(path), f"could not be read ({type(exc).__name__}: {exc})"))
            continue
        result.articles.extend(articles)
        result.problems.extend(problems)
    _make_ids_unique(result)
    return result


def _reason(exc: Exception) -> str:
    if isinstance(exc, ReadError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot be read ({exc.strerror or exc})" if isinstance(exc, OSError) else str(exc)


def read_file(path: Path, max_chars: int = MAX_TEXT_CHARS) -> tuple[list[Article], list[Problem]]:
    """The articles of one file and what was noticed on the way; a ReadError when none can be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
    name = str(path)
    problems: list[Problem] = []
    if suffix == ".jsonl":
        data = _read_bytes(path, MAX_JSONL_BYTES, "JSONL file")
        return read_jsonl(_decode_noted(data, name, problems), name, problems, max_chars)
    if suffix in (".html", ".htm"):
        data = _read_bytes(path, MAX_HTML_BYTES, "HTML page")
        if not data.strip():
            raise ReadError("empty file")
        article = read_html(_decode_noted(data, name, problems), name, problems)
    else:
        limit = 4 * max_chars + 4096  # enough bytes for max_chars characters in any encoding
        data, size = _read_head(path, limit)
        text = _decode_noted(data, name, problems, truncated=size > len(data))
        if not text.strip():
            raise ReadError("empty file" if not data else "empty file (only whitespace)")
        if size > len(data):
            problems.append(Problem(name, f"file is {_size(size)}, too long to analyse in full; "
                                          f"only its first {_size(len(data))} were read", "partial", "size"))
        if suffix == ".txt":
            article = read_txt(text, name, problems)
        else:
            article = read_markdown(text, name, problems)
    article = finish(article, problems, None, max_chars)
    return ([article] if article is not None else []), problems


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise ReadError(f"{what} is {_size(size)}, more than the {_size(limit)} read at most")
    return path.read_bytes()


def _read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """At most `limit` bytes of a file (memory stays bounded for huge files) and the file's size."""
    with open(path, "rb") as fh:
        size = Path(path).stat().st_size
        return fh.read(limit), size


def _make_ids_unique(result: ReadResult) -> None:
    """Keep every article; a repeated id (compared without case, as some file systems do) gets -2, -3, ..."""
    taken: set[str] = set()
    for article in result.articles:
        base = article.id
        if base.lower() in taken:
            n = 2
            while f"{base}-{n}".lower() in taken:
                n += 1
            article.id = f"{base}-{n}"
            result.problems.append(Problem(article.path, f"duplicate id {base!r}; renamed to {article.id!r}",
                                           "note", "id"))
        taken.add(article.id.lower())
