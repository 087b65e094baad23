"""Render a Corpus into pages: {relative path: Markdown or SVG}. Pure: no file I/O.

Every value that comes from an article goes through `md_escape` (the Jinja
finalize hook does it for every {{ }}), so article text can never become
Markdown structure, HTML or a script.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import charts
from generator.model import Brief, Claim, Corpus

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KIND_LABELS = {"direct": "Quoted", "mixed": "Mixed", "indirect": "Reported"}
LOW_CONFIDENCE = 0.5
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(value) -> str:
    """Text safe inside Markdown: HTML entities for <>&\"', backslashes for Markdown marks."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = html.escape(" ".join(str(value).split()), quote=True)
    return _MD_SPECIAL.sub(r"\\\1", text)


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) is dropped."""
    if not url or not re.match(r"^https?://[^\s<>\"'`]+$", url.strip()):
        return None
    return url.strip().replace("(", "%28").replace(")", "%29")


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
    env.filters["raw"] = lambda v: Markup(v)
    env.filters["safe_url"] = safe_url
    env.globals["kind_label"] = KIND_LABELS.get
    return env


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(number, text) of each non-empty paragraph, numbered like Claim.paragraph."""
    from generator.extract import paragraph_starts

    starts = paragraph_starts(text)
    out = []
    for i, s in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        chunk = text[s:end].strip()
        if chunk:
            out.append((i + 1, chunk))
    return out


def lede(brief: Brief, limit: int = 320) -> str:
    paras = paragraphs(brief.article.text)
    first = paras[0][1] if paras else ""
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def speaker_sections(brief: Brief) -> list[dict]:
    """Speakers with their claims, most claims first; unattributed claims last."""
    groups: dict[str | None, list[Claim]] = {}
    for claim in brief.claims:
        groups.setdefault(claim.speaker, []).append(claim)
    sections = []
    for sid, claims in groups.items():
        speaker = brief.speaker(sid)
        sections.append({"speaker": speaker, "claims": claims,
                         "name": speaker.name if speaker else "Unattributed"})
    sections.sort(key=lambda s: (s["speaker"] is None, -len(s["claims"]), s["name"]))
    return sections


def brief_chart(brief: Brief) -> tuple[str, str] | None:
    """(SVG, alt text) of claims per speaker, or None when there is nothing to draw."""
    sections = [s for s in speaker_sections(brief) if s["speaker"]]
    if not sections:
        return None
    rows = [(s["name"], Counter(c.kind for c in s["claims"])) for s in sections]
    svg = charts.claims_by_kind(rows, "Claims per speaker")
    alt = "Claims per speaker: " + "; ".join(
        f"{name} {sum(c.values())} ({', '.join(f'{n} {charts.KIND_LABELS[k]}' for k, n in c.items())})"
        for name, c in rows)
    return svg, alt


def render_brief(env: jinja2.Environment, brief: Brief) -> dict[str, str]:
    pages = {}
    chart = brief_chart(brief)
    aid = brief.article.id
    if chart:
        pages[f"briefs/{aid}.svg"] = chart[0]
    counts = Counter(c.kind for c in brief.claims)
    pages[f"briefs/{aid}.md"] = env.get_template("brief.md.j2").render(
        brief=brief, article=brief.article, sections=speaker_sections(brief),
        lede=lede(brief), paragraphs=paragraphs(brief.article.text), counts=counts,
        chart_file=f"{aid}.svg" if chart else None, chart_alt=chart[1] if chart else None,
        low_confidence=LOW_CONFIDENCE,
    )
    return pages


def sorted_briefs(corpus: Corpus) -> list[Brief]:
    """Newest first; undated last, then by title."""
    dated = sorted((b for b in corpus.briefs if b.article.date), key=lambda b: (b.article.date, b.article.title),
                   reverse=True)
    undated = sorted((b for b in corpus.briefs if not b.article.date), key=lambda b: b.article.title)
    return dated + undated


def briefs_list(corpus: Corpus, prefix: str = "briefs/") -> str:
    """The Markdown list of briefs, newest first, for the home page and briefs index."""
    return environment().get_template("briefs_list.md.j2").render(briefs=sorted_briefs(corpus), prefix=prefix)


def render_site(corpus: Corpus) -> dict[str, str]:
    """All generated pages of the site, keyed by path relative to docs/."""
    env = environment()
    pages: dict[str, str] = {}
    for brief in corpus.briefs:
        pages.update(render_brief(env, brief))
    pages["briefs/index.md"] = env.get_template("briefs_index.md.j2").render(
        listing=Markup(briefs_list(corpus, prefix="")), count=len(corpus.briefs))
    pages["report.md"] = env.get_template("report.md.j2").render(corpus=corpus)
    return pages
