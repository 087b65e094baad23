"""The briefing book: the briefs as one print-only HTML document, laid out as PDF by WeasyPrint.

Each brief is printed from a template of its own (templates/book_brief.html.j2, in
the autoescaped HTML environment), fed the same data as the site's brief
(pages.py: speaker_sections, lede, paragraphs, brief_chart), so the book and the
site never disagree. Everything here but `to_pdf` is a pure function from briefs
to HTML; write.py writes the bytes.
The Material theme's HTML is never used: WeasyPrint lays it out badly.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.cache import Cache
from generator.model import Brief, Corpus
from generator.render import charts, markup
from generator.render import pages as site

PAPERS = {"a4": "A4", "letter": "letter"}
BOOK_CSS = markup.TEMPLATES / "book.css"


def book_environment() -> jinja2.Environment:
    """Jinja2 for HTML: autoescaped (every value prints as text), unlike the Markdown environment of pages.py."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(markup.TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["count"] = markup.count_noun
    from generator.render import marks

    env.globals.update(kind_label=markup.KIND_LABELS.get, low_confidence=markup.LOW_CONFIDENCE,
                       book_marks=marks.book_marks, file_name=markup.file_name)
    return env


def parse_date(value: str) -> dt.date:
    """An ISO date (YYYY-MM-DD), for --since and --until."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (expected YYYY-MM-DD): {value!r}") from None


def article_date(brief: Brief) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(brief.article.date)[:10]) if brief.article.date else None
    except ValueError:
        return None


def speaker_matches(brief: Brief, query: str) -> bool:
    """True when a speaker with claims in the brief is the one asked for.

    The query matches a speaker's id, or when every word of it is a word of the
    name or an alias (case-insensitive): "Lavrov" finds "Sergei Lavrov".
    """
    words = query.casefold().split()
    with_claims = {c.speaker for c in brief.claims}
    for speaker in brief.speakers:
        if speaker.id not in with_claims:
            continue
        if query.strip().casefold() == speaker.id.casefold():
            return True
        for name in [speaker.name, *speaker.aliases]:
            if words and all(w in name.casefold().split() for w in words):
                return True
    return False


def speaker_name(briefs: list[Brief], query: str) -> str:
    """The full name of the speaker a --speaker query found (the query itself when none)."""
    for brief in briefs:
        for speaker in brief.speakers:
            if speaker_matches(Brief(article=brief.article, speakers=[speaker], claims=brief.claims), query):
                return speaker.name
    return query


def select_briefs(corpus: Corpus, speaker: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None) -> list[Brief]:
    """The briefs a book holds, newest first like the site; undated briefs drop out of a date range."""
    chosen = []
    for brief in site.sorted_briefs(corpus):
        date = article_date(brief)
        if (since or until) and date is None:
            continue
        if since and date < since or until and date > until:
            continue
        if speaker and not speaker_matches(brief, speaker):
            continue
        chosen.append(brief)
    return chosen


def date_range(briefs: Iterable[Brief]) -> str:
    """'28 November 2007 – 7 May 2021' (or one date, or '' when nothing is dated)."""
    dates = sorted(d for d in (article_date(b) for b in briefs) if d)
    if not dates:
        return ""
    first, last = (f"{d.day} {d:%B %Y}" for d in (dates[0], dates[-1]))
    return first if first == last else f"{first} – {last}"


def section_anchor(brief: Brief, index: int) -> str:
    return f"{brief.article.id}--s{index}"


def brief_anchor(brief: Brief) -> str:
    return f"brief-{brief.article.id}"


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def brief_context(brief: Brief, colours: dict[str, str] | None = None) -> dict:
    """What book_brief.html.j2 prints of one brief: the data of the site's brief (pages.py), for paper.

    Sections carry the anchor the speaker index links to; the chart is a data: URI (drawn as
    vectors); the article's URL is kept only when it is http(s) (markup.safe_url).
    """
    sections = [dict(s, anchor=section_anchor(brief, i)) for i, s in enumerate(site.speaker_sections(brief))]
    colours = colours or {}
    chart = site.brief_chart(brief, colour=lambda sid: colours.get(sid) or charts.speaker_colour(sid))
    return {
        "brief": brief, "article": brief.article, "anchor": brief_anchor(brief),
        "url": markup.safe_url(brief.article.url), "lede": site.lede(brief),
        "chart": {"src": _data_uri(chart[0]), "alt": chart[1]} if chart else None,
        "sections": sections, "speakers": [s["name"] for s in sections if s["speaker"]],
        "counts": Counter(c.kind for c in brief.claims), "paragraphs": site.paragraphs(brief.article.text),
    }


def brief_html(brief: Brief, env: jinja2.Environment | None = None) -> str:
    """One brief as the book prints it: templates/book_brief.html.j2, autoescaped (`env`: book_environment())."""
    return (env or book_environment()).get_template("book_brief.html.j2").render(b=brief_context(brief))


def speaker_index(briefs: list[Brief], corpus: Corpus) -> list[dict]:
    """Speakers A–Z (people by surname), each with the briefs where they make claims:
    [{name, kind, role, refs: [{anchor, title}]}]."""
    entries: dict[str, dict] = {}
    for brief in briefs:
        for i, section in enumerate(site.speaker_sections(brief)):
            speaker = section["speaker"]
            if speaker is None:
                continue
            known = corpus.speakers.get(speaker.id, speaker)
            entry = entries.setdefault(speaker.id, {
                "name": known.name, "kind": known.kind,
                "role": ", ".join(x for x in (known.role, known.affiliation) if x),
                "refs": [],
            })
            entry["refs"].append({"anchor": section_anchor(brief, i), "title": brief.article.title,
                                  "claims": len(section["claims"])})
    return sorted(entries.values(), key=lambda e: (index_key(e["name"], e["kind"]), e["name"]))


def index_key(name: str, kind: str) -> tuple[str, str]:
    """A book index entry's place: people by surname, then first names ("Abbas, Mahmoud" before
    "Barhum, Fawzi"); organisations and places by their whole name."""
    from generator.link.names import fold, name_tokens

    words = name_tokens(name) if kind == "person" else []
    if len(words) > 1:
        return words[-1], " ".join(words[:-1])
    return fold(name), ""


def book_css() -> str:
    return BOOK_CSS.read_text("utf-8")


def book_html(briefs: list[Brief], corpus: Corpus, title: str = "Briefing book", paper: str = "a4",
              subtitle: str = "", front_matter: bool = True, colours: dict[str, str] | None = None) -> str:
    """The whole book as one HTML document: cover, contents, briefs, speaker index.

    With front_matter=False it is just the briefs (the per-brief PDF of the site). Speakers keep
    the colours the site gives them (`colours`, else worked out from the corpus).
    """
    if colours is None:
        colours = site.speaker_colours(corpus)
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
    return book_environment().get_template("book.html.j2").render(
        title=title, subtitle=subtitle, dates=date_range(briefs), briefs=[brief_context(b, colours) for b in briefs],
        index=speaker_index(briefs, corpus) if front_matter else [],
        front_matter=front_matter, css=Markup(book_css()), page_size=PAPERS[paper],
        claims=sum(len(b.claims) for b in briefs),
        speakers=len({s for b in briefs for s in (c.speaker for c in b.claims) if s}),
    )


def to_pdf(html: str) -> bytes:
    """Lay out book HTML with WeasyPrint. Fonts are subset and embedded; SVG stays vector.

    Only data: URIs (the charts) may be loaded: no network, no local files.
    """
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=str(Path.cwd()), url_fetcher=fetcher).write_pdf()


def book_pdf(briefs: list[Brief], corpus: Corpus, **options) -> bytes:
    return to_pdf(book_html(briefs, corpus, **options))


def brief_pdf(brief: Brief, corpus: Corpus, paper: str = "a4", cache: Cache | None = None,
              colours: dict[str, str] | None = None) -> bytes:
    """One brief alone (no cover, contents or index): the PDF linked from the brief's page.

    Laying out a PDF takes about a second, so with a `cache` each one is kept by a hash of
    its HTML (which holds everything shown) and WeasyPrint's version: a rebuild lays out
    only the briefs whose page changed.
    """
    html = book_html([brief], corpus, title=brief.article.title, paper=paper, front_matter=False, colours=colours)
    if cache is None:
        return to_pdf(html)
    from importlib.metadata import version

    key = Cache.key("pdf", version("weasyprint"), html)
    data = cache.load("pdf", key, _whole_pdf)
    if data is None:
        data = to_pdf(html)
        cache.store_bytes("pdf", key, data)
    return data


def _whole_pdf(data: bytes) -> bytes:
    if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise ValueError("not a whole PDF")
    return data


def add_pdf_link(md: str, pdf_name: str) -> str:
    """A brief page's Markdown with a link to its PDF, after the meta line (else after the title)."""
    link = f"\n[PDF of this brief]({pdf_name}){{ .qb-pdf-link }}\n"
    head, sep, rest = md.partition("</p>\n")
    if sep:
        return head + sep + link + rest
    title, _, rest = md.partition("\n")
    return title + "\n" + link + rest
