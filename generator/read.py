"""Read article files into Article records.

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

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.language import not_english
from generator.model import Article, Problem

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_ID_LENGTH = 80
MAX_TEXT_CHARS = 100_000
"""Longest article text analysed (~16,000 words; spaCy needs ~10 s per 100,000 characters):
longer text is cut at a paragraph or sentence break, and the report says so."""
JUNK_RUN = re.compile(r"[^\w\s]{16,}")
"""A run of 16+ marks with no letter or space (a rule, a spam run of quotes or brackets):
never prose, and spaCy's tokenizer takes quadratic time over a long one."""
MAX_HTML_BYTES = 16 * 1024 * 1024
"""Longest HTML page read: past this the page is skipped (main-text extraction would crawl)."""
MAX_JSONL_BYTES = 512 * 1024 * 1024
"""Largest JSONL file read."""


class ReadError(ValueError):
    """A file that cannot be read as an article; the message says why."""


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def slugify(value: str, fallback: str = "article") -> str:
    """A safe file-name slug: ASCII letters, digits and dashes only, never a path."""
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^a-zA-Z0-9]+", "-", value).strip("-").lower()
    value = value[:MAX_ID_LENGTH].strip("-") or fallback
    return f"{value}-x" if value in _RESERVED else value  # CON, NUL, LPT1 (Windows) or a folder's index page


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,%d}$" % (MAX_ID_LENGTH - 1))
_RESERVED = {"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_id(raw: str, fallback: str = "article") -> str:
    """An id kept as given when it is already a safe file name, else its slug."""
    raw = str(raw)
    if _SAFE_ID.match(raw) and raw.lower() not in _RESERVED:
        return raw
    return slugify(raw, fallback)


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


def finish(article: Article, problems: list[Problem], where: str | None,
           max_chars: int = MAX_TEXT_CHARS) -> Article | None:
    """Checks every reader shares: cut over-long text, blank out junk runs, note a made-up title,
    leave out non-English text (None: the article is not analysed; the problem says why)."""
    text, cut = cap_text(article.text, max_chars)
    if cut:
        article.text = text
        article.notes.append(cut)
        problems.append(Problem(article.path, cut, "partial", where))
    runs = list(JUNK_RUN.finditer(article.text))
    if runs:
        article.text = JUNK_RUN.sub(lambda m: " " * len(m.group()), article.text)
        longest = max(runs, key=lambda m: len(m.group()))
        note = (f"{len(runs)} run{'s' if len(runs) > 1 else ''} of 16+ marks without letters or spaces blanked out "
                f"(longest: {len(longest.group()):,} characters at character {longest.start():,}, "
                f"starting {longest.group()[:8]!r})")
        article.notes.append(note)
        problems.append(Problem(article.path, note, "note", where))
    if not article.text.strip():
        problems.append(Problem(article.path, "no text left to analyse", "partial" if where else "skipped", where))
        return None
    reason = not_english(article.text)
    if reason:
        severity = "partial" if where else "skipped"  # one JSONL record, or the whole file
        problems.append(Problem(article.path, reason, severity, where))
        return None
    if not article.title:
        article.title = _title_from_text(article.text)
        note = f"no title; made one from the text: {article.title!r}"
        article.notes.append(note)
        problems.append(Problem(article.path, note, "note", where or "title"))
    return article


def cap_text(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, str | None]:
    """Text of at most `limit` characters, cut at a paragraph, else sentence, else word break.

    Returns the text and a note saying what was cut (None when nothing was).
    """
    if len(text) <= limit:
        return text, None
    floor = limit // 2
    cut = text.rfind("\n\n", floor, limit)
    where = "a paragraph break"
    if cut == -1:
        last = None
        for last in re.finditer(r"[.!?][\"'\u201d\u2019)\]]*\s", text[floor:limit]):
            pass
        cut = floor + last.end() - 1 if last else -1
        where = "a sentence end"
    if cut == -1:
        cut = max(text.rfind(" ", floor, limit), text.rfind("\n", floor, limit))
        where = "a space between words"
    if cut == -1:
        cut, where = limit, "the character limit (no break found)"
    kept = text[:cut].rstrip()
    note = (f"article text is {len(text):,} characters, more than the {limit:,} analysed; "
            f"cut at {where} after character {len(kept):,}, the last {len(text) - len(kept):,} left out")
    return kept, note


# ---------------------------------------------------------------- decoding

_UTF_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", None),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 (little-endian, byte order mark)"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 (big-endian, byte order mark)"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian, byte order mark)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian, byte order mark)"),
)
# Bytes 0x80-0x9F that Windows-1252 maps to punctuation and letters (0x81, 0x8D, 0x8F, 0x90, 0x9D are unused).
_CP1252_C1 = set(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode(data: bytes, truncated: bool = False) -> tuple[str, str | None]:
    """Text from bytes and a note naming the encoding when it was not plain UTF-8.

    UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one (told by
    its NUL bytes), Windows-1252 and Latin-1 (told by where their high bytes fall).
    Anything else is a ReadError saying why: the encoding is never guessed blindly.
    `truncated` means the bytes were cut from a longer file (a split character at the end is dropped).
    """
    text, note = _decode(data, truncated)
    if "\x00" in text:
        raise ReadError("binary file (contains NUL bytes), not text")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(2, len(text[:100_000]) // 200):
        raise ReadError(f"binary file ({controls} control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _decode(data: bytes, truncated: bool) -> tuple[str, str | None]:
    for bom, codec, label in _UTF_BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if truncated and codec.startswith("utf-16"):
                body = body[: len(body) - len(body) % 2]
            elif truncated and codec.startswith("utf-32"):
                body = body[: len(body) - len(body) % 4]
            try:
                text = _strict(body, codec, truncated)
            except UnicodeDecodeError as exc:
                raise ReadError(f"starts with a {codec.upper()} byte order mark but is not valid "
                                f"{codec.upper()} (byte {exc.start + len(bom)})") from None
            return text, f"decoded as {label}" if label else None
    utf16 = _utf16_by_nuls(data)
    if utf16:
        body = data[: len(data) - len(data) % 2]
        try:
            return _strict(body, utf16, truncated), f"decoded as {utf16.upper()} (no byte order mark; told by its NUL bytes)"
        except UnicodeDecodeError:
            pass
    try:
        return _strict(data, "utf-8", truncated), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes), not text")
    return _single_byte(data, bad)


def _strict(data: bytes, codec: str, truncated: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if truncated and exc.end >= len(data) - 3:  # a character split by the read limit
            return data[: exc.start].decode(codec)
        raise


def _utf16_by_nuls(data: bytes) -> str | None:
    """utf-16-le/-be when nearly every other byte is NUL, as in ASCII-heavy UTF-16 text."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _single_byte(data: bytes, bad: int) -> tuple[str, str | None]:
    """Windows-1252 or Latin-1 when the high bytes look like accents and punctuation in text."""
    high = [b for b in data if b >= 0x80]
    letters = sum(1 for b in data if 0x41 <= (b | 0x20) <= 0x7A)
    c1 = {b for b in high if b < 0xA0}
    why = f"not valid UTF-8 (byte 0x{data[bad]:02X} at offset {bad})"
    if letters < 4 * len(high) or not _high_bytes_sit_in_words(data):
        raise ReadError(f"{why}, and its encoding cannot be told with confidence; save it as UTF-8")
    if c1 - _CP1252_C1:
        raise ReadError(f"{why}, and bytes {', '.join(f'0x{b:02X}' for b in sorted(c1 - _CP1252_C1))} "
                        "are neither Windows-1252 nor Latin-1 text; save it as UTF-8")
    if c1:
        marks = "".join(sorted({bytes([b]).decode("cp1252") for b in c1}))
        return data.decode("cp1252"), f"not UTF-8; decoded as Windows-1252 (its {marks} are Windows-1252 punctuation)"
    return data.decode("latin-1"), "not UTF-8; decoded as Latin-1 (ISO-8859-1)"


def _high_bytes_sit_in_words(data: bytes) -> bool:
    """Most bytes >= 0x80 stand next to an ASCII letter, space or punctuation, as accents and quotes do."""
    near = total = 0
    for i, b in enumerate(data):
        if b < 0x80:
            continue
        total += 1
        before = data[i - 1] if i else 0x20
        after = data[i + 1] if i + 1 < len(data) else 0x20
        if before < 0x80 or after < 0x80:
            near += 1
    return total == 0 or near / total >= 0.8


def _decode_noted(data: bytes, path: str, problems: list[Problem], truncated: bool = False) -> str:
    text, note = decode(data, truncated)
    if note:
        problems.append(Problem(path, note, "note", "encoding"))
    return text


# ---------------------------------------------------------------- formats

def read_txt(text: str, path: str, problems: list[Problem] | None = None) -> Article:
    """First line + blank line = headline; otherwise the title comes from the text."""
    lines = text.split("\n", 2)
    if len(lines) >= 2 and _looks_like_headline(lines[0]) and not lines[1].strip():
        title, body = lines[0].strip(), (lines[2] if len(lines) > 2 else "")
    else:
        title, body = "", text
    body = body.strip("\n")
    if not body.strip():
        body = title
    return Article(path=path, id=safe_id(Path(path).stem), title=title, text=body)


def read_markdown(text: str, path: str, problems: list[Problem] | None = None) -> Article:
    """YAML front matter (loaded safely: no tags that build objects) then the article text.

    Broken front matter is reported and ignored; the text is still read.
    """
    problems = [] if problems is None else problems
    meta: dict = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 3)
        if end == -1:
            problems.append(Problem(path, "front matter opened with '---' is never closed; "
                                          "the whole file is read as text", "partial", "front matter"))
        else:
            body = text[end + 4:].split("\n", 1)[1] if "\n" in text[end + 4:] else ""
            meta = _front_matter(text[4:end], path, problems)
    body = body.strip("\n")
    if not body.strip():
        raise ReadError("no article text after the front matter")
    article = Article(path=path, id=safe_id(str(meta.get("id") or Path(path).stem)),
                      title=_text_field(meta.get("title")) or "", text=body)
    _apply_meta(article, meta, path, problems)
    return article


def _front_matter(block: str, path: str, problems: list[Problem]) -> dict:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"front matter line {mark.line + 2}" if mark else "front matter"
        problems.append(Problem(path, f"malformed YAML ({getattr(exc, 'problem', None) or exc}); "
                                      "front matter ignored, text read", "partial", where))
        return {}
    if loaded is not None and not isinstance(loaded, dict):
        problems.append(Problem(path, f"front matter is a {type(loaded).__name__}, not a mapping of fields; "
                                      "ignored, text read", "partial", "front matter"))
        return {}
    return {str(k): v for k, v in (loaded or {}).items()}


def read_html(html: str, path: str, problems: list[Problem] | None = None) -> Article:
    """Main text of a web page (scripts, styles, navigation and comments left out) and its metadata."""
    import trafilatura

    problems = [] if problems is None else problems
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ReadError("HTML page without main text (nothing left once navigation, scripts and styles are removed)")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = _text_field(getattr(doc, "title", None)) or ""
    if title and lines and " ".join(lines[0].split()) == title and len(lines) > 1:
        lines = lines[1:]  # the headline repeated as the first line of the text
    article = Article(path=path, id=safe_id(Path(path).stem), title=title, text="\n\n".join(lines))
    meta = {"date": getattr(doc, "date", None), "url": getattr(doc, "url", None),
            "source": getattr(doc, "sitename", None)}
    _apply_meta(article, {k: v for k, v in meta.items() if v}, path, problems)
    return article


def read_jsonl(text: str, path: str, problems: list[Problem] | None = None,
               max_chars: int = MAX_TEXT_CHARS) -> tuple[list[Article], list[Problem]]:
    """One article per line; a broken line or a record without text is skipped, the rest kept."""
    articles: list[Article] = []
    problems = [] if problems is None else problems
    stem = slugify(Path(path).stem)
    lines = 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        lines += 1
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, f"broken JSON ({exc.msg} at column {exc.colno}); line skipped",
                                    "partial", where))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(path, f"record is a JSON {type(record).__name__}, not an object; line skipped",
                                    "partial", where))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            missing = "has no 'text'" if body is None else "has an empty or non-string 'text'"
            problems.append(Problem(path, f"record {missing}; line skipped", "partial", where))
            continue
        raw_id = record.get("id")
        article = Article(
            path=path,
            id=safe_id(str(raw_id), fallback=f"{stem}-{number}") if raw_id not in (None, "") else f"{stem}-{number}",
            title=_text_field(record.get("title")) or "",
            text=body,
        )
        if raw_id not in (None, ""):
            article.notes.append(f"source id: {raw_id}")
        _apply_meta(article, record, path, problems, where)
        article = finish(article, problems, where, max_chars)
        if article is not None:
            articles.append(article)
    if not lines:
        raise ReadError("empty file")
    if not articles:
        raise ReadError(f"no readable record in {lines} line{'s' if lines != 1 else ''}: "
                        + "; ".join(f"{p.where}: {p.message}" for p in problems if p.severity == "partial"))
    return articles, problems


def _apply_meta(article: Article, meta: dict, path: str, problems: list[Problem], where: str | None = None) -> None:
    for key in ("source", "url", "licence"):
        value = meta.get(key) if key != "licence" else (meta.get("licence") or meta.get("license"))
        if value is not None:
            setattr(article, key, _text_field(value))
    if meta.get("date") is not None:
        article.date = parse_date(meta["date"])
        if article.date is None:
            note = f"date {str(meta['date'])[:60]!r} does not parse; left out"
            article.notes.append(note)
            problems.append(Problem(path, note, "note", f"{where} date" if where else "date"))
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
    first = " ".join(text.strip()[:2000].split("\n", 1)[0].split())
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    short = sentence[:limit].rsplit(" ", 1)[0] if " " in sentence[:limit] else sentence[:limit]
    return short + "…"


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
