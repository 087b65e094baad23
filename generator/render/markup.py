"""Markdown made safe: escaping, safe URLs and the Jinja environments every page is rendered with.

Every value that comes from an article goes through `md_escape` (the Jinja
finalize hook does it for every {{ }}), so article text can never become
Markdown structure, HTML or a script.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse

import jinja2
from markupsafe import Markup

from generator import resources
from generator.model import LOW_CONFIDENCE, Brief  # noqa: F401 - LOW_CONFIDENCE: the templates' threshold

TEMPLATES = resources.templates()
KIND_LABELS = {"direct": "Quoted", "mixed": "Mixed", "indirect": "Reported", "stance": "Stance"}
# HTML entities for <>&", a backslash before each Markdown mark: one pass over the text
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                             **{mark: "\\" + mark for mark in "\\`*_{}[]()#+!|~"}})


def md_escape(value) -> str:
    """Text safe inside Markdown: HTML entities for <>&\", backslashes for Markdown marks.

    Apostrophes stay as they are: they are harmless in text and an entity would
    leak into heading ids ("un-x27s-relief-agency").
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return " ".join(str(value).split()).translate(_MD_ESCAPES)


def count_noun(n: int, noun: str) -> str:
    """'1 claim', '2 claims': numbers with their noun, for page text."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def file_name(article) -> str:
    """The article's file as a reader may see it: its name only (never where the build ran), and a
    JSONL record's own id."""
    import os

    name = os.path.basename(article.path) or article.path
    return f"{name}, record {article.record_id}" if article.record_id is not None else name


def meta_line(brief: Brief, n_speakers: int, counts) -> Markup:
    """'date · Source: [outlet](url) · 3 speakers · 15 claims (…)'; with neither source nor URL,
    the file the article came from, so every brief says where it came from."""
    article = brief.article
    parts = [md_escape(article.date)] if article.date else []
    url = safe_url(article.url)
    if url:
        parts.append(f"Source: [{md_escape(article.source or 'original article')}]({url})")
    elif article.source:
        parts.append(f"Source: {md_escape(article.source)}")
    else:
        parts.append(f"From the file {md_escape(file_name(article))}")
    parts.append(count_noun(n_speakers, "speaker"))
    parts.append(f"{count_noun(len(brief.claims), 'claim')} ({counts['direct']} quoted, "
                 f"{counts['mixed']} mixed, {counts['indirect']} reported)")
    return Markup(" · ".join(parts))


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) is dropped."""
    if not url or not re.match(r"^https?://[^\s<>\"'`]+$", url.strip()):
        return None
    return url.strip().replace("(", "%28").replace(")", "%29")


_LINK_SAFE = re.compile(r"[A-Za-z0-9._~/#?=&%+,;:@!$*\[\]-]*")


def link_target(value) -> Markup:
    """The `| raw` filter, for link targets only: ids, file names and safe_url output pass as they are;
    anything else (a scheme other than http(s), spaces, quotes, brackets) is percent-encoded, inert."""
    text = "" if value is None else str(value)
    scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text)
    if _LINK_SAFE.fullmatch(text) and (scheme is None or safe_url(text) == text):
        return Markup(text)
    return Markup(urllib.parse.quote(text, safe="/#._-~"))


def attr_value(value) -> Markup:
    """The `| attr` filter: a value for a double-quoted HTML attribute (data-* of filterable lists):
    HTML-escaped only, since Markdown never reads inside a tag; lists are joined by "|"."""
    if value is None:
        return Markup("")
    if isinstance(value, (list, tuple, set)):
        value = "|".join(" ".join(str(v).replace("|", " ").split()) for v in value)
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def is_flagged(claim) -> bool:
    """Flagged as a brief flags it (model.Claim.flagged: low confidence, not settled by an editor)."""
    return bool(claim.flagged)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        finalize=md_escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["raw"] = link_target
    env.filters["safe_url"] = safe_url
    env.filters["count"] = count_noun
    env.filters["attr"] = attr_value
    env.globals["flagged"] = is_flagged
    env.tests["flagged"] = is_flagged
    env.globals["kind_label"] = KIND_LABELS.get
    env.globals["file_name"] = file_name
    return env


# ---------------------------------------------------------------- helpers for the site pages

_TAG_UNSAFE = re.compile(r"[^\w .,'’&-]+")


def tag_name(value: str) -> str:
    """A tag as plain words: the theme prints tag names unescaped, so no markup characters survive."""
    return " ".join(_TAG_UNSAFE.sub(" ", str(value)).replace("&", "and").split())[:80]


def front_matter(meta: dict) -> str:
    """YAML front matter; every string goes through json.dumps, which is valid YAML."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {json.dumps(str(v))}" for v in value]
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {json.dumps(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {json.dumps(value)}")
    return "\n".join(lines + ["---", ""]) + "\n"


def short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------- periods of the timeline and charts
