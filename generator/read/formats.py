"""One reader per format: .txt, .md with YAML front matter, .html (trafilatura), .jsonl."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from generator.model import Article, Problem
from generator.read.clean import removed_note, strip_invisible
from generator.read.language import not_english
from generator.read.limits import JUNK_RUN, MAX_FRONT_MATTER_BYTES, MAX_TEXT_CHARS, ReadError
from generator.read.safe_yaml import YamlLimit, load_yaml
from generator.slugs import safe_id, slugify


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
    """YAML front matter (loaded safely: no tags that build objects, no aliases, at most
    MAX_FRONT_MATTER_BYTES) then the article text.

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
    article = Article(path=path, id=safe_id(str(meta.get("id") or Path(path).stem)), title="", text=body)
    _apply_meta(article, meta, path, problems)
    return article


def _front_matter(block: str, path: str, problems: list[Problem]) -> dict:
    notes: list[tuple[int, str]] = []
    try:
        loaded = load_yaml(block, max_bytes=MAX_FRONT_MATTER_BYTES, max_aliases=0, what="front matter",
                           notes=notes)
    except YamlLimit as exc:
        problems.append(Problem(path, f"{exc}; front matter ignored, text read", "partial", "front matter"))
        return {}
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
    for line, note in notes:  # values YAML could not build, kept as text (a bad date is then left out)
        problems.append(Problem(path, strip_invisible(note)[0], "note", f"front matter line {line + 2}"))
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
        except RecursionError:  # json gives up on lists or objects nested thousands deep
            problems.append(Problem(path, "JSON nested too deeply to read; line skipped", "partial", where))
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
            title="",
            text=body,
            record_id=strip_invisible(str(raw_id))[0] if raw_id not in (None, "") else None,
        )
        if raw_id not in (None, ""):
            article.notes.append(f"source id: {' '.join(strip_invisible(str(raw_id)[:200])[0].split())}")
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
    for key in ("title", "source", "url", "licence"):
        value = meta.get(key) if key != "licence" else (meta.get("licence") or meta.get("license"))
        if value is not None:
            text = _meta_text(value, key, path, problems, where)
            if key == "title":
                article.title = text or article.title
            else:
                setattr(article, key, text)
    if meta.get("date") is not None:
        article.date = parse_date(meta["date"])
        if article.date is None:
            note = f"date {strip_invisible(str(meta['date'])[:60])[0]!r} does not parse; left out"
            article.notes.append(note)
            problems.append(Problem(path, note, "note", f"{where} date" if where else "date"))
    tags = meta.get("tags")
    if isinstance(tags, list):
        article.tags = [t for t in (_meta_text(t, "tags", path, problems, where) for t in tags) if t]
    elif isinstance(tags, str):
        article.tags = [t.strip() for t in tags.split(",") if t.strip()]
    elif tags is not None:
        _meta_text(tags, "tags", path, problems, where)  # said and left out


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
    if len(text) > 40:  # no date is this long (fromisoformat reads 5,000 ones as 1111-11-11)
        return None
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _looks_like_headline(line: str) -> bool:
    """Short, and not a sentence ending in a full stop: a lead paragraph is not a headline."""
    line = line.strip()
    return 0 < len(line) <= 160 and not line.endswith((".", ".\"", ".\u201d", ":"))


MAX_FIELD_CHARS = {"title": 300, "source": 300, "licence": 300, "tags": 100}
"""Longest title, source, licence and tag kept (cut at a space, noted): a heading, not an essay."""
MAX_URL_CHARS = 2_048
"""Longest URL kept (browsers and servers refuse longer ones); past it the URL is left out, noted."""
_SCALARS = (str, int, float, dt.date)  # bool is an int: `title: yes` is read as the text True


def _meta_text(value, key: str, path: str, problems: list[Problem], where: str | None) -> str | None:
    """A metadata field as one line of text, or None (noted) when it is a list, a mapping or bytes
    (never published as a Python repr such as "['a', 'b']" or "b'hello'"), or a URL too long to keep."""
    field_where = f"{where} {key}" if where else key
    if not isinstance(value, _SCALARS):
        kinds = {list: "a list", dict: "a mapping", bytes: "binary data (!!binary)"}
        what = kinds.get(type(value), type(value).__name__)
        problems.append(Problem(path, f"'{key}' is {what}, not a text; left out", "note", field_where))
        return None
    text = _text_field(value)
    if text is None:
        return None
    if key == "url" and len(text) > MAX_URL_CHARS:
        problems.append(Problem(path, f"url is {len(text):,} characters, more than the {MAX_URL_CHARS:,} kept; "
                                      "left out", "note", field_where))
        return None
    limit = MAX_FIELD_CHARS.get(key)
    if limit and len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        problems.append(Problem(path, f"{key} is {len(text):,} characters; cut to {len(cut):,}", "note", field_where))
        text = cut + "…"
    return text


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


def finish(article: Article, problems: list[Problem], where: str | None,
           max_chars: int = MAX_TEXT_CHARS) -> Article | None:
    """Checks every reader shares: remove control and invisible characters, cut over-long text,
    blank out junk runs, note a made-up title, leave out non-English text (None: the article
    is not analysed; the problem says why)."""
    _strip_invisible(article, problems, where)
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


def _strip_invisible(article: Article, problems: list[Problem], where: str | None) -> None:
    """Clean the text (no claim offset exists yet) and every field shown as a heading or a name."""
    for name in ("text", "title", "source", "licence", "url", "tags"):
        value = getattr(article, name)
        values = value if name == "tags" else [value]
        cleaned, removed = [], []
        for v in values:
            c, r = strip_invisible(v) if v else (v, [])
            cleaned.append(c if name == "text" or not r else " ".join(c.split()))
            removed.extend(r)
        if not removed:
            continue
        if name == "tags":
            article.tags = [t for t in cleaned if t]
        else:
            setattr(article, name, cleaned[0] if cleaned[0] or name in ("text", "title") else None)
        note = removed_note(name, removed)
        article.notes.append(note)
        problems.append(Problem(article.path, note, "note", f"{where} {name}" if where else name))


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
        for last in re.finditer(r"[.!?][\"'\u201d\u2019)\]]*\s", text[floor:limit]):  # noqa: B007 (the last match is kept)
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
