"""Read article files into Article records: find the files, read each, report problems.

Formats: .txt (a first line followed by a blank line is the headline),
.md with YAML front matter, .html (main text through trafilatura), .jsonl
(one article per line). A bad file or line becomes a Problem naming the file,
the line or field, and what is wrong; it never stops the others from being read.

Problem severities: `skipped` (nothing of the file or record is analysed),
`partial` (some of it is: a line dropped, text cut, front matter ignored),
`note` (read in full, but something was guessed or changed: an encoding, a
title, a renamed id, control characters removed), `ignored` (a path in an articles
folder that is not an article: a hidden file, a NOTICE; see find.py).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.model import Article, Problem
from generator.read.decode import _decode_noted
from generator.read.find import _kind, find_files
from generator.read.formats import finish, read_html, read_jsonl, read_markdown, read_txt
from generator.read.limits import MAX_HTML_BYTES, MAX_JSONL_BYTES, MAX_TEXT_CHARS, SUFFIXES, ReadError


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def find_article_files(paths: list[str | Path], *, follow_links: bool = False) -> list[Path]:
    """Article files under the given files and folders, in a stable order (see find.find_files:
    links out of a folder are followed only with `follow_links`)."""
    return find_files(paths, follow_links=follow_links)[0]


def read_paths(paths: list[str | Path], max_chars: int = MAX_TEXT_CHARS, *,
               follow_links: bool = False, cache=None) -> ReadResult:
    """Read every article under `paths`; problems are collected, not raised.

    Every path given or found that is not read is a Problem too: skipped (an article file
    that cannot be read: a missing path, a broken link or a link out of the folder, a
    named pipe) or ignored (not an article: a hidden or other kind of file).
    `cache` (a generator.cache.Cache with the memory-only namespace "read"): a file whose
    stat is that of the last build is not read again (see `read_file_again`).
    """
    result = ReadResult()
    found, not_read = find_files(paths, follow_links=follow_links)
    result.problems.extend(not_read)
    for path in found:
        if not _utf8_name(str(path)):  # bytes that are not UTF-8 in a file name (surrogate escapes)
            shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            result.problems.append(Problem(shown, "file name is not UTF-8 text; not read (rename the file)"))
            continue
        result.files.append(str(path))
        try:
            articles, problems = read_file_again(path, max_chars, cache)
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


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _reason(exc: Exception) -> str:
    if isinstance(exc, ReadError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
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


def read_file_again(path: Path, max_chars: int, cache=None) -> tuple[list[Article], list[Problem]]:
    """`read_file`, or what it gave for this file in the last build when the file's device,
    inode, size, modification and change times are the same (as `make` and MkDocs' own
    watcher judge a file unchanged). Why: under `mkdocs serve` an edit changes one file of
    thousands, and decoding and cleaning every one again was a tenth of a rebuild. Copies of
    the articles are returned (a repeated id is renamed on them)."""
    if cache is None or "read" not in cache.memory_only:
        return read_file(path, max_chars)
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        return read_file(path, max_chars)
    key = f"{path}\0{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{max_chars}"
    got = cache.load("read", key, bytes)
    if got is None:
        got = read_file(path, max_chars)
        cache.store("read", key, got, bytes)
    articles, problems = got
    return [replace(a, tags=list(a.tags), notes=list(a.notes)) for a in articles], list(problems)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _read_bytes(path: Path, limit: int, what: str) -> bytes:
    with _open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise ReadError(f"{what} is {_size(size)}, more than the {_size(limit)} read at most")
        return fh.read()


def _read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """At most `limit` bytes of a file (memory stays bounded for huge files) and the file's size."""
    with _open_regular(path) as fh:
        return fh.read(limit), os.fstat(fh.fileno()).st_size


def _open_regular(path: Path):
    """The file opened for reading, if it is a regular file: opening never waits (a named
    pipe would wait for a writer), and a pipe, socket or device is refused, not read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(f"not a regular file ({_kind(mode)}); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
