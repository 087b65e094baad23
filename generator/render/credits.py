"""Hand-written pages that show the corpus: markers in docs/ pages that the plugin fills at build time.

- `<!-- quotebrief:briefs -->`: the latest briefs (the home page);
- `<!-- quotebrief:sources -->`: the sources of the articles in the site, with their licences;
- `<!-- quotebrief:if-source NAME -->` ... `<!-- quotebrief:end -->`: text kept only when some
  article of the site comes from source NAME (a credit a licence asks for), so Credits never
  credits a source the site does not contain.
"""

from __future__ import annotations

import re
from collections import defaultdict

from markupsafe import Markup

from generator.model import Corpus
from generator.render.markup import environment, file_name, md_escape, safe_url

MARKER = "<!-- quotebrief:"
BRIEFS = "<!-- quotebrief:briefs -->"
SOURCES = "<!-- quotebrief:sources -->"
_IF_SOURCE = re.compile(r"<!-- quotebrief:if-source (.+?) -->\n?(.*?)<!-- quotebrief:end -->\n?", re.S)
LISTED = 100  # articles listed one by one; past this, a count per source only


def fill_markers(markdown: str, corpus: Corpus, latest: int) -> str:
    """The page with its markers replaced by what this corpus holds."""
    if MARKER not in markdown:
        return markdown
    present = {(b.article.source or "").strip().casefold() for b in corpus.briefs}
    markdown = _IF_SOURCE.sub(lambda m: m.group(2) if m.group(1).strip().casefold() in present else "", markdown)
    if BRIEFS in markdown:
        from generator.render.pages import briefs_list

        markdown = markdown.replace(BRIEFS, briefs_list(corpus, limit=latest))
    if SOURCES in markdown:
        markdown = markdown.replace(SOURCES, sources_section(corpus))
    return markdown


def sources_section(corpus: Corpus) -> str:
    """Markdown: a table of the sources of the site's articles (articles and licences per source),
    then the articles one by one (title, date, licence, original) when there are at most LISTED."""
    groups: dict[str, list] = defaultdict(list)
    for brief in corpus.briefs:
        groups[(brief.article.source or "").strip()].append(brief.article)
    order = sorted(groups, key=lambda s: (s == "", -len(groups[s]), s.casefold()))
    rows = [{"source": s or "not recorded", "count": len(groups[s]),
             "licences": sorted({a.licence or "not recorded" for a in groups[s]})} for s in order]
    articles = []
    if len(corpus.briefs) <= LISTED:
        for s in order:
            for a in sorted(groups[s], key=lambda a: (a.date or "", a.title)):
                url = safe_url(a.url)
                title = f"[{md_escape(a.title)}]({url})" if url else md_escape(a.title)
                articles.append({"title": Markup(title), "source": s or "not recorded", "date": a.date or "",
                                 "licence": a.licence or "not recorded",
                                 "file": "" if (a.source or url) else file_name(a)})
    return environment().get_template("sources.md.j2").render(rows=rows, articles=articles,
                                                             total=len(corpus.briefs))
