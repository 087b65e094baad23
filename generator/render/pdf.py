"""The briefing book: the briefs as one print-only HTML document, laid out as PDF by WeasyPrint.

The briefs are the site's own Markdown (site.render_brief) converted with the
markdown package, so the book and the site never disagree. Everything here but
`to_pdf` is a pure function from briefs to HTML; write.py writes the bytes.
The Material theme's HTML is never used: WeasyPrint lays it out badly.
"""

from __future__ import annotations

import base64
import html as html_mod
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from generator.render import markup, pages as site
from generator.cache import Cache
from generator.model import Brief, Corpus

PAPERS = {"a4": "A4", "letter": "letter"}
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables"]
BOOK_CSS = markup.TEMPLATES / "book.css"


def book_environment() -> jinja2.Environment:
    """Jinja2 for HTML: autoescaped, unlike the Markdown environment of pages.py."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(markup.TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


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


def strip_front_matter(md: str) -> str:
    """The page without its YAML front matter (tags and such are for MkDocs, not for paper)."""
    if md.startswith("---\n"):
        end = md.find("\n---\n", 4)
        if end != -1:
            return md[end + 5:]
    return md


def separate_claims(md: str) -> str:
    """Give every claim its own blockquote.

    In the brief's Markdown a claim's kind line ("> **Quoted** · ...") can be
    followed directly, or after one blank line, by the next claim's "> " line;
    Python-Markdown would run them together into one paragraph or blockquote.
    """
    kinds = "|".join(re.escape(k) for k in markup.KIND_LABELS.values())
    return re.sub(rf"(?m)^(> (?:<span[^>]*>)?\*\*(?:{kinds})\*\*.*\n)\n?(?=>)", "\\1\n<!-- -->\n\n", md)


def _meta_with_url(match: re.Match) -> str:
    """The brief's meta line, with the article's URL printed in full on a line of its own."""
    meta = re.sub(r"·(\s*·)+", "·", match.group(0))  # no empty field between two separators
    link = re.search(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', meta)
    if not link:
        return meta
    meta = meta.replace(link.group(0), link.group(2))
    return f'{meta}\n<p class="article-url"><a href="{link.group(1)}">{link.group(1)}</a></p>'


def _claim_class(match: re.Match) -> str:
    """A claim's blockquote gets its kind as a class (claim-direct, ...), for the colour of its rule."""
    kinds = {label: kind for kind, label in markup.KIND_LABELS.items()}
    kind = kinds.get(match.group(1))
    return f'<blockquote class="claim claim-{kind}">' if kind else match.group(0)


def _mark_headings(html: str, brief: Brief) -> str:
    """Speaker headings get ids (the index links to them) and the article text's heading a class.

    Headings are matched to site.speaker_sections by their text, in order, so an
    extra heading in the brief template never shifts the index.
    """
    names = [" ".join(s["name"].split()) for s in site.speaker_sections(brief)]
    matched = 0

    def heading(match: re.Match) -> str:
        nonlocal matched
        text = " ".join(html_mod.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
        if matched < len(names) and text == names[matched]:
            matched += 1
            return f'<h2 id="{section_anchor(brief, matched - 1)}" class="speaker">{match.group(1)}</h2>'
        if text == "Article":
            return f'<h2 class="article-text">{match.group(1)}</h2>'
        return match.group(0)

    return re.sub(r"<h2(?:\s[^>]*)?>(.*?)</h2>", heading, html, flags=re.S)


def brief_html(brief: Brief, env: jinja2.Environment | None = None) -> str:
    """One brief as HTML: the site's Markdown brief converted with markdown, made fit for a book.

    Paragraph anchors get the article id as prefix (unique in the book), the chart
    becomes a data: URI (drawn as vectors), links to other site pages become plain
    text, speaker headings get ids for the index, and the article text a wrapper
    so the book can set it smaller.
    """
    aid = brief.article.id
    out = site.render_brief(env or markup.environment(), brief)
    md = separate_claims(strip_front_matter(out[f"briefs/{aid}.md"]))
    html = markdown.markdown(md, extensions=MARKDOWN_EXTENSIONS)
    svg = out.get(f"briefs/{aid}.svg")
    if svg:
        html = html.replace(f'src="{aid}.svg"', f'src="{_data_uri(svg)}"')
    html = html.replace('id="p-', f'id="{aid}-p-').replace('href="#p-', f'href="#{aid}-p-')
    html = re.sub(r'<a href="(?!#|https?:)[^"]*"[^>]*>(.*?)</a>', r'<span class="site-link">\1</span>', html)
    html = re.sub(r'<p class="qb-meta"[^>]*>.*?</p>', _meta_with_url, html, count=1, flags=re.S)
    html = _mark_headings(html, brief)
    html = re.sub(r"<blockquote>(?=(?:(?!</blockquote>).)*?<strong>(\w+)</strong>)", _claim_class, html, flags=re.S)
    head, sep, rest = html.partition("<h2")
    html = head.replace("<blockquote>", '<blockquote class="lede">', 1) + sep + rest
    before, sep, after = html.partition('<h2 class="article-text">')
    if sep:
        title, _, body = after.partition("</h2>")
        html = f'{before}{sep}{title}</h2>\n<div class="article-text-body">{body}</div>'
    return html


def speaker_index(briefs: list[Brief], corpus: Corpus) -> list[dict]:
    """Speakers A–Z, each with the briefs where they make claims: [{name, role, refs: [{anchor, title}]}]."""
    entries: dict[str, dict] = {}
    for brief in briefs:
        for i, section in enumerate(site.speaker_sections(brief)):
            speaker = section["speaker"]
            if speaker is None:
                continue
            known = corpus.speakers.get(speaker.id, speaker)
            entry = entries.setdefault(speaker.id, {
                "name": known.name,
                "role": ", ".join(x for x in (known.role, known.affiliation) if x),
                "refs": [],
            })
            entry["refs"].append({"anchor": section_anchor(brief, i), "title": brief.article.title,
                                  "claims": len(section["claims"])})
    return sorted(entries.values(), key=lambda e: (e["name"].casefold(), e["name"]))


def book_css() -> str:
    return BOOK_CSS.read_text("utf-8")


def book_html(briefs: list[Brief], corpus: Corpus, title: str = "Briefing book", paper: str = "a4",
              subtitle: str = "", front_matter: bool = True) -> str:
    """The whole book as one HTML document: cover, contents, briefs, speaker index.

    With front_matter=False it is just the briefs (the per-brief PDF of the site).
    """
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
    env = markup.environment()
    entries = []
    for brief in briefs:
        sections = site.speaker_sections(brief)
        entries.append({
            "anchor": brief_anchor(brief),
            "title": brief.article.title,
            "date": brief.article.date or "",
            "source": brief.article.source or "",
            "speakers": [s["name"] for s in sections if s["speaker"]],
            "claims": len(brief.claims),
            "html": Markup(brief_html(brief, env)),
        })
    return book_environment().get_template("book.html.j2").render(
        title=title, subtitle=subtitle, dates=date_range(briefs), briefs=entries,
        index=speaker_index(briefs, corpus) if front_matter else [],
        front_matter=front_matter, css=Markup(book_css()), page_size=PAPERS[paper],
        claims=sum(e["claims"] for e in entries),
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


def brief_pdf(brief: Brief, corpus: Corpus, paper: str = "a4", cache: Cache | None = None) -> bytes:
    """One brief alone (no cover, contents or index): the PDF linked from the brief's page.

    Laying out a PDF takes about a second, so with a `cache` each one is kept by a hash of
    its HTML (which holds everything shown) and WeasyPrint's version: a rebuild lays out
    only the briefs whose page changed.
    """
    html = book_html([brief], corpus, title=brief.article.title, paper=paper, front_matter=False)
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
