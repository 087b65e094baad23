"""Render a Corpus into pages: {relative path: Markdown or SVG}. Pure: no file I/O.

Every value that comes from an article goes through `md_escape` (the Jinja
finalize hook does it for every {{ }}), so article text can never become
Markdown structure, HTML or a script.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import pickle
from collections import Counter, defaultdict

import jinja2
from markupsafe import Markup

from generator.link.names import fold
from generator.model import KIND_TITLES, Brief, Claim, Corpus, Topic
from generator.render import charts, marks, review
from generator.render.claims import (  # noqa: F401
    UNNAMED,
    attribution,
    briefs_order,
    lede,
    merged_claims,
    paragraphs,
    short_name,
    sorted_briefs,
    speaker_sections,
)
from generator.render.data import SiteData  # noqa: F401
from generator.render.figures import (  # noqa: F401
    TOP_SPEAKERS,
    all_periods,
    brief_chart,
    granularity,
    period_of,
    render_charts,
    render_timeline,
    speaker_chart,
)
from generator.render.marks import site_environment
from generator.render.markup import LOW_CONFIDENCE, environment, front_matter, meta_line, tag_name
from generator.report import corpus_report


def render_brief(env: jinja2.Environment, brief: Brief, data: SiteData | None = None) -> dict[str, str]:
    pages = {}
    chart = brief_chart(brief, data.draw if data else None, data.colour if data else None)
    aid = brief.article.id
    if chart:
        pages[f"briefs/{aid}.svg"] = chart[0]
    counts = Counter(c.kind for c in brief.claims)
    sections = speaker_sections(brief)
    claim_topics = data.claim_topics if data else (lambda claim: [])
    # Tags only for speakers and topics with a page of their own (heard or named in several
    # articles): a tag of one brief leads nowhere the brief does not already show.
    speaker_pages = data.paged_speakers if data else set()
    topic_pages = data.paged_topics if data else set()
    tags = [tag_name(s["name"]) for s in sections if s["speaker"] and s["speaker"].id in speaker_pages]
    for claim in brief.claims:
        tags += [tag_name(t.name) for t in claim_topics(claim) if t.id in topic_pages]
    tags = [t for t in dict.fromkeys(tags) if t]
    body = env.get_template("brief.md.j2").render(
        brief=brief, article=brief.article, sections=sections,
        lede=lede(brief), paragraphs=marks.article_paragraphs(brief), counts=counts,
        chart_file=f"{aid}.svg" if chart else None, chart_alt=chart[1] if chart else None,
        low_confidence=LOW_CONFIDENCE, claim_topics=claim_topics,
        speaker_pages=data.paged_speakers if data else set(), topic_pages=data.paged_topics if data else set(),
        meta=meta_line(brief, sum(1 for s in sections if s["speaker"]), counts),
    )
    # Briefs (and their claims) first in search; the tag chips are hidden so they never push the
    # headline down (the page links its speakers and topics anyway; the Tags page lists them).
    meta = {"search": {"boost": BRIEF_BOOST}}
    if tags:
        meta.update({"tags": tags, "hide": ["tags"]})
    pages[f"briefs/{aid}.md"] = front_matter(meta) + body
    return pages


def brief_pages(env: jinja2.Environment, brief: Brief, data: SiteData) -> dict[str, str]:
    """`render_brief`, or its pages of the last build when nothing they show changed.

    Why: under `mkdocs serve` an edit changes one brief or a few, and rendering all of
    them again was most of a rebuild. The key is everything the pages are made from:
    the whole linked brief, and of the site only what the brief shows of it (its
    speakers' colours and pages, its claims' topics and their pages). The templates are
    fixed for the life of the process (`site_environment`). Kept in the cache's memory
    only (namespace `rendered`), with the chart entries the pages use."""
    cache = data.draw.cache
    if "rendered" not in cache.memory_only:
        return render_brief(env, brief, data)
    shown = ([(s.id, s.id in data.paged_speakers, data.colour(s.id)) for s in brief.speakers],
             [[(t.id, t.name, t.id in data.paged_topics) for t in data.claim_topics(c)] for c in brief.claims])
    key = hashlib.blake2b(pickle.dumps((_brief_digest(data, brief), shown), pickle.HIGHEST_PROTOCOL)).hexdigest()
    hit = cache.load("rendered", key, pickle.loads)
    if hit is not None:
        pages, slots = hit
        cache.keep(slots)
        return pages
    with cache.recording() as slots:
        pages = render_brief(env, brief, data)
    cache.store("rendered", key, (pages, slots), pickle.dumps)
    return pages


def _brief_digest(data: SiteData, brief: Brief) -> str:
    """A hash of the whole brief, made once per build (a speaker or topic page's key names briefs by it)."""
    digest = data.digests.get(id(brief))
    if digest is None:
        digest = hashlib.blake2b(pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
        data.digests[id(brief)] = digest
    return digest


def _page_key(data: SiteData, parts) -> str:
    """A hash of what a page is made from, with each brief named by its digest and each topic by
    what a page shows of it (id, name, kind, number of claims), not pickled whole again."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table,
                              Brief: lambda b: (str, (_brief_digest(data, b),)),
                              Topic: lambda t: (tuple, ((t.id, t.name, t.kind, len(t.claims)),))}
    pickler.dump(parts)
    return hashlib.blake2b(out.getvalue()).hexdigest()


class _Recorded:
    """A link function whose calls are recorded, so a reused page can check its links still hold."""

    def __init__(self, fn):
        self.fn, self.calls = fn, {}

    def __call__(self, *args):
        if args not in self.calls:
            self.calls[args] = self.fn(*args)
        return self.calls[args]


def memo_page(data: SiteData, parts, render) -> str:
    """`render(speaker_href=..., topic_href=...)`, or its text of the last build when `parts` (all
    the page is made from but its links) are the same and every link it made still goes where it
    went. Why: after an edit most speaker and topic pages are unchanged, and rendering thousands
    of them again was most of a `mkdocs serve` rebuild. Kept in the cache's memory only."""
    cache = data.draw.cache
    links = {"speaker_href": data.speaker_href, "topic_href": data.topic_href}
    if "rendered" not in cache.memory_only:
        return render(**links)
    key = "page-" + _page_key(data, parts)
    hit = cache.load("rendered", key, pickle.loads)
    if hit is not None:
        text, calls = hit
        if all(links[name](*args) == result for name, args, result in calls):
            return text
    recorded = {name: _Recorded(fn) for name, fn in links.items()}
    text = render(**recorded)
    calls = [(name, args, result) for name, r in recorded.items() for args, result in r.calls.items()]
    cache.store("rendered", key, (text, calls), pickle.dumps)
    return text


def briefs_list(corpus: Corpus, prefix: str = "briefs/", limit: int | None = None, topics_of=None) -> str:
    """The Markdown list of briefs, newest first: all of them on the briefs index (filterable in the
    browser), the latest `limit` and links to the rest, the Voices page and the data on the home page
    (which must stay small however large the corpus). `topics_of(brief)`: its topic names."""
    briefs = sorted_briefs(corpus)
    shown = briefs[:limit] if limit else briefs
    root = prefix.removesuffix("briefs/")
    return environment().get_template("briefs_list.md.j2").render(
        briefs=shown, prefix=prefix, more=len(shown) < len(briefs), total=len(briefs), home=limit is not None,
        root_prefix=root, filter=limit is None, topics_of=topics_of or (lambda brief: []),
        order=briefs_order(corpus) if limit else None)


def brief_topic_names(data: SiteData):
    """topics_of for briefs_list: the names of the topics a brief's claims name, most named first."""
    def topics_of(brief: Brief) -> list[str]:
        counts = Counter(t.name for c in brief.claims for t in data.claim_topics(c))
        return [name for name, _ in counts.most_common()]
    return topics_of


def speaker_info(data: SiteData, sid: str) -> dict:
    """Everything a speaker page shows: roles and affiliations seen, articles, dates, topics."""
    claims = data.claims[sid]
    roles = [local.role for local in data.local[sid]]
    affiliations = [local.affiliation for local in data.local[sid]]
    speaker = data.corpus.speakers[sid]
    roles = [r for r in dict.fromkeys([speaker.role, *roles]) if r]
    affiliations = [a for a in dict.fromkeys([speaker.affiliation, *affiliations]) if a]
    groups: dict[str, list[Claim]] = {}
    by_id = {}
    for brief, claim in claims:
        groups.setdefault(brief.article.id, []).append(claim)
        by_id[brief.article.id] = brief
    briefs = [(by_id[aid], cs) for aid, cs in groups.items()]
    about = Counter(t.id for _, c in claims for t in data.claim_topics(c))
    topics = [(data.topics[tid], n) for tid, n in sorted(about.items(), key=lambda kv: (-kv[1], kv[0]))]
    dates = [b.article.date for b, _ in claims if b.article.date]
    entries = merged_claims(claims)
    return {"speaker": speaker, "roles": roles, "affiliations": affiliations, "briefs": briefs,
            "entries": entries, "repeated": sum(1 for e in entries if len(e["sources"]) > 1),
            "count": len(claims), "kinds": Counter(c.kind for _, c in claims), "topics": topics,
            "flagged": sum(1 for _, c in claims if c.flagged),
            "first": min(dates) if dates else None, "last": max(dates) if dates else None}

def render_speakers(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    infos = []
    for speaker in data.speakers:
        info = speaker_info(data, speaker.id)
        infos.append(info)
        if speaker.id not in data.paged_speakers:
            continue
        chart = speaker_chart(data, speaker.id)
        if chart and chart[0]:
            pages[f"speakers/{speaker.id}.svg"] = chart[0]
        meta = {"search": {"boost": page_boost(len(data.claims[speaker.id]))}}
        shown = [data.claim_topics(c) for _, c in data.claims[speaker.id]]
        pages[f"speakers/{speaker.id}.md"] = front_matter(meta) + memo_page(
            data, ("speaker", info, chart, shown),
            functools.partial(env.get_template("speaker.md.j2").render,
                              info=info, chart_file=f"{speaker.id}.svg" if chart and chart[0] else None,
                              chart_alt=chart[1] if chart else None, chart_rows=chart[2] if chart else [],
                              claim_topics=data.claim_topics))
    pages.update(render_speakers_index(env, data, infos))
    return pages


BRIEF_BOOST = 2  # search: briefs and their claims
SPEAKER_TOPIC_BOOST = 3.5  # the topic page of a speaker who has a page too: after that page


def page_boost(claims: int) -> float:
    """Search boost of a speaker or topic page: above every brief (BRIEF_BOOST), so that a name or
    a surname finds its page first (a brief's section headed with the name matches its title too),
    and higher for the more heard or named ("Blair": Tony Blair's page before Cherie Blair's).

    Material's search (lunr) scores a title match 1,000 times a text match and a tag match a
    million times; tags are kept out of the index (plugin on_post_build), so titles and these
    boosts decide."""
    return round(4 + min(claims, 100) / 25, 2)


SPEAKERS_ON_ONE_PAGE = 400  # more speakers than this: an index page per initial


def initial(name: str) -> str:
    """The letter a name is listed under (accents dropped), or "other"."""
    first = next((ch for ch in fold(name) if ch.isalnum()), "")
    return first if "a" <= first <= "z" else "other"


def render_speakers_index(env: jinja2.Environment, data: SiteData, infos: list[dict]) -> dict[str, str]:
    """The speakers index: every speaker on one page, most claims first; for a corpus with more
    than SPEAKERS_ON_ONE_PAGE speakers, the index lists those with a page of their own and
    links a page per initial that lists everyone under it.

    Why: in a news corpus most speakers are heard once, and one table of thousands of rows is
    slow to load and search in a browser, and slow to convert, which every edit under
    `mkdocs serve` that changes a count did (half a second for the BBC corpus's 3,189)."""
    template = env.get_template("speakers_index.md.j2")
    common = {"unattributed": sum(1 for b in data.corpus.briefs for c in b.claims if not c.speaker),
              "paged": len(data.paged_speakers), "min_articles": data.page_min_articles, "total": len(infos)}

    def page(infos: list[dict], up: str = "../", **values) -> str:
        """The template rendered, or reused while its rows (what it shows of each speaker) are the same."""
        rows = [(i["speaker"].id, i["speaker"].name, i["roles"][:1], i["count"], len(i["briefs"]), i["first"],
                 i["last"], sorted(i["kinds"]), [t.name for t, _ in i["topics"]], i["flagged"]) for i in infos]
        return memo_page(data, ("speakers index", up, rows, values), lambda speaker_href, **_: template.render(
            infos=infos, speaker_href=lambda sid: speaker_href(sid, up), **values))

    if len(infos) <= SPEAKERS_ON_ONE_PAGE:
        return {"speakers/index.md": page(infos, letters=[], letter=None, **common)}
    groups: dict[str, list[dict]] = defaultdict(list)
    for info in infos:
        groups[initial(info["speaker"].name)].append(info)
    letters = [{"id": key, "label": key.upper() if key != "other" else "other", "count": len(groups[key])}
               for key in sorted(groups, key=lambda k: (k == "other", k))]
    pages = {"speakers/index.md": page([i for i in infos if i["speaker"].id in data.paged_speakers],
                                       letters=letters, letter_prefix="by-letter/", letter=None, **common)}
    for group in letters:
        # only what this initial's speakers say (no site-wide count): an edit that adds a speaker
        # changes the page of their initial, not every page of the 26
        infos = groups[group["id"]]
        own = {**common, "total": len(infos), "paged": sum(1 for i in infos if i["speaker"].id in data.paged_speakers)}
        pages[f"speakers/by-letter/{group['id']}.md"] = front_matter({"search": {"exclude": True}}) + page(
            infos, up="../../", letters=[{"id": g["id"], "label": g["label"]} for g in letters],
            letter_prefix="", letter=group["label"], **own)
    return pages


def render_topics(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    groups = {kind: [t for t in data.topics.values() if t.kind == kind] for kind in KIND_TITLES}
    for topic in data.topics.values():
        if topic.id not in data.paged_topics:
            continue
        claims = sorted(topic.claims, key=lambda bc: (bc[0].article.date or "9999", bc[0].article.id, bc[1].start))
        speakers = Counter(c.speaker for _, c in claims if c.speaker)
        # a topic that is also a speaker: the speaker's page comes first in search
        boost = SPEAKER_TOPIC_BOOST if topic.id in data.paged_speakers else page_boost(len(topic.claims))
        speaker_page = data.speaker_href(topic.id) if topic.id in data.first_brief else None
        shown = ([data.claim_topics(c) for _, c in claims], {sid: data.corpus.speakers[sid] for sid in speakers})
        pages[f"topics/{topic.id}.md"] = front_matter({"search": {"boost": boost}}) + memo_page(
            data, ("topic", topic, topic.variants, claims, speakers.most_common(), speaker_page, shown),
            functools.partial(env.get_template("topic.md.j2").render,
                              topic=topic, claims=claims, speakers=data.corpus.speakers,
                              speaker_counts=speakers.most_common(), kind_title=KIND_TITLES[topic.kind],
                              claim_topics=data.claim_topics, speaker_page=speaker_page))
    pages["topics/index.md"] = env.get_template("topics_index.md.j2").render(
        groups=[(KIND_TITLES[k], ts) for k, ts in groups.items() if ts], count=len(data.topics),
        topic_href=data.topic_href, paged=len(data.paged_topics), min_articles=data.page_min_articles)
    return pages

def render_report(env: jinja2.Environment, corpus: Corpus) -> str:
    """The Build report: a page for the editor, kept out of the search index."""
    return front_matter({"search": {"exclude": True}}) + env.get_template("report.md.j2").render(
        report=corpus_report(corpus), corpus=corpus)


def render_site(corpus: Corpus, page_min_articles: int = 2, draw: charts.Drawer | None = None) -> dict[str, str]:
    """All generated pages of the site, keyed by path relative to docs/."""
    env = site_environment()
    env.globals.update(attribution=attribution, short_name=short_name)
    data = SiteData(corpus, page_min_articles, draw)
    pages: dict[str, str] = {}
    for brief in corpus.briefs:
        pages.update(brief_pages(env, brief, data))
    topics_of = brief_topic_names(data)  # the key: what briefs_list.md.j2 shows of each brief, no more
    pages["briefs/index.md"] = memo_page(
        data, ("briefs index", [(b.article.id, b.article.title, b.article.date, sorted({c.kind for c in b.claims}),
                                 sum(1 for c in b.claims if c.flagged), [s.name for s in b.speakers], topics_of(b))
                                for b in sorted_briefs(corpus)], briefs_order(corpus)),
        lambda **_: env.get_template("briefs_index.md.j2").render(
            listing=Markup(briefs_list(corpus, prefix="", topics_of=topics_of)), count=len(corpus.briefs),
            order=briefs_order(corpus)))
    pages.update(render_speakers(env, data))
    pages.update(render_topics(env, data))
    pages.update(render_timeline(env, data))
    pages.update(render_charts(env, data))
    pages.update(review.render_review(env, corpus))
    pages["report.md"] = render_report(env, corpus)
    pages.update(render_extras(env, data))
    return pages


def render_extras(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    """The Voices page and the data downloads (render/voices.py, render/export.py): one pass over the claims."""
    from generator.render import export, voices

    genders = voices.stated_genders(data.corpus)
    claim_voices = voices.claim_voices_of(data, genders)
    return {**voices.render_voices(env, data, claim_voices),
            **export.render_data(data, claim_voices=claim_voices, genders=genders)}
