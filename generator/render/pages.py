"""Render a Corpus into pages: {relative path: Markdown or SVG}. Pure: no file I/O.

Every value that comes from an article goes through `md_escape` (the Jinja
finalize hook does it for every {{ }}), so article text can never become
Markdown structure, HTML or a script.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import jinja2
from markupsafe import Markup

from generator.link import claims_by_speaker
from generator.link import topics as topics_mod
from generator.model import Brief, Claim, Corpus
from generator.render import charts
from generator.render.markup import (
    LOW_CONFIDENCE,
    all_periods,
    environment,
    front_matter,
    granularity,
    meta_line,
    period_of,
    short,
    site_environment,
    tag_name,
)
from generator.report import corpus_report

TOP_SPEAKERS = 15  # rows on the corpus charts
TOP_TOPICS = 12  # columns on the who-talks-about-whom chart
TIMELINE_CLAIMS = 5  # claims per brief on the timeline (the page changes with every article: keep it small)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(number, text) of each non-empty paragraph, numbered like Claim.paragraph."""
    from generator.extract.claims import paragraph_starts

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


class SiteData:
    """What the cross-article pages share: topics, each claim's topics, speakers ranked by claims,
    and which speakers and topics get a page of their own.

    A speaker heard in fewer than `page_min_articles` articles (or a topic named in fewer)
    gets no page: everything it would show is already in its one brief, so links go there
    instead. Most speakers and topics of a news corpus appear in one article only, so this
    keeps a large site's page count, build time and search index in proportion.
    """

    def __init__(self, corpus: Corpus, page_min_articles: int = 2, draw: charts.Drawer | None = None):
        self.corpus = corpus
        self.page_min_articles = page_min_articles
        self.draw = draw or charts.Drawer()
        names = {sid: s.name for sid, s in corpus.speakers.items()}
        self.topics = topics_mod.corpus_topics(corpus.briefs, names)
        self.topics_of: dict[int, list[topics_mod.Topic]] = defaultdict(list)
        for topic in self.topics.values():
            for _, claim in topic.claims:
                self.topics_of[id(claim)].append(topic)
        self.claims = claims_by_speaker(corpus)
        self.local: dict[str, list] = defaultdict(list)  # speaker id -> that speaker in each brief
        for brief in corpus.briefs:
            for speaker in brief.speakers:
                self.local[speaker.id].append(speaker)
        ranked = [s for s in corpus.speakers.values() if self.claims[s.id]]
        self.speakers = sorted(ranked, key=lambda s: (-len(self.claims[s.id]), s.name))
        self.first_brief: dict[str, str] = {}  # speaker or topic id -> the article id its links fall back to
        self.paged_speakers: set[str] = set()
        for speaker in self.speakers:
            articles = list(dict.fromkeys(b.article.id for b, _ in self.claims[speaker.id]))
            self.first_brief[speaker.id] = articles[0]
            if len(articles) >= page_min_articles:
                self.paged_speakers.add(speaker.id)
        self.paged_topics: set[str] = set()
        self.topic_brief: dict[str, str] = {}
        for topic in self.topics.values():
            articles = list(dict.fromkeys(b.article.id for b, _ in topic.claims))
            self.topic_brief[topic.id] = articles[0]
            if len(articles) >= page_min_articles:
                self.paged_topics.add(topic.id)

    def claim_topics(self, claim: Claim) -> list[topics_mod.Topic]:
        return self.topics_of.get(id(claim), [])

    def speaker_href(self, sid: str, up: str = "../") -> Markup:
        """Link target for a speaker: their page, else their section of their one brief."""
        if sid in self.paged_speakers:
            return Markup(f"{up}speakers/{sid}.md")
        return Markup(f"{up}briefs/{self.first_brief[sid]}.md#{sid}")

    def topic_href(self, tid: str, up: str = "../") -> Markup:
        """Link target for a topic: its page, else the one brief that names it."""
        if tid in self.paged_topics:
            return Markup(f"{up}topics/{tid}.md")
        return Markup(f"{up}briefs/{self.topic_brief[tid]}.md")


def brief_chart(brief: Brief, draw: charts.Drawer | None = None) -> tuple[str, str] | None:
    """(SVG, alt text) of claims per speaker; None when fewer than two speakers (nothing to compare)."""
    sections = [s for s in speaker_sections(brief) if s["speaker"]]
    if len(sections) < 2:
        return None
    rows = [(s["name"], dict(Counter(c.kind for c in s["claims"]))) for s in sections]
    colours = [charts.speaker_colour(s["speaker"].id) for s in sections]
    svg = (draw or charts.Drawer())(charts.claims_by_kind, rows, "Claims per speaker", colours)
    alt = "Claims per speaker: " + "; ".join(
        f"{name} {sum(c.values())} ({', '.join(f'{n} {charts.KIND_LABELS[k]}' for k, n in c.items())})"
        for name, c in rows)
    return svg, alt


def render_brief(env: jinja2.Environment, brief: Brief, data: SiteData | None = None) -> dict[str, str]:
    pages = {}
    chart = brief_chart(brief, data.draw if data else None)
    aid = brief.article.id
    if chart:
        pages[f"briefs/{aid}.svg"] = chart[0]
    counts = Counter(c.kind for c in brief.claims)
    sections = speaker_sections(brief)
    claim_topics = data.claim_topics if data else (lambda claim: [])
    tags = [tag_name(s["name"]) for s in sections if s["speaker"]]
    for claim in brief.claims:
        tags += [tag_name(t.name) for t in claim_topics(claim)]
    tags = [t for t in dict.fromkeys(tags) if t]
    body = env.get_template("brief.md.j2").render(
        brief=brief, article=brief.article, sections=sections,
        lede=lede(brief), paragraphs=paragraphs(brief.article.text), counts=counts,
        chart_file=f"{aid}.svg" if chart else None, chart_alt=chart[1] if chart else None,
        low_confidence=LOW_CONFIDENCE, claim_topics=claim_topics,
        speaker_pages=data.paged_speakers if data else set(), topic_pages=data.paged_topics if data else set(),
        meta=meta_line(brief, sum(1 for s in sections if s["speaker"]), counts),
    )
    pages[f"briefs/{aid}.md"] = (front_matter({"tags": tags}) if tags else "") + body
    return pages


def sorted_briefs(corpus: Corpus) -> list[Brief]:
    """Newest first; undated last, then by title."""
    dated = sorted((b for b in corpus.briefs if b.article.date), key=lambda b: (b.article.date, b.article.title),
                   reverse=True)
    undated = sorted((b for b in corpus.briefs if not b.article.date), key=lambda b: b.article.title)
    return dated + undated


def briefs_list(corpus: Corpus, prefix: str = "briefs/", limit: int | None = None) -> str:
    """The Markdown list of briefs, newest first: all of them on the briefs index, the latest
    `limit` and a link to the rest on the home page (which must stay small however large the corpus)."""
    briefs = sorted_briefs(corpus)
    shown = briefs[:limit] if limit else briefs
    return environment().get_template("briefs_list.md.j2").render(
        briefs=shown, prefix=prefix, more=len(shown) < len(briefs), total=len(briefs))


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
    return {"speaker": speaker, "roles": roles, "affiliations": affiliations, "briefs": briefs,
            "count": len(claims), "kinds": Counter(c.kind for _, c in claims), "topics": topics,
            "first": min(dates) if dates else None, "last": max(dates) if dates else None}


def speaker_chart(data: SiteData, sid: str) -> tuple[str, str, list[tuple[str, int]]] | None:
    """Claims per article date; drawn only when the speaker spoke on two dates or more."""
    per_date = Counter(b.article.date for b, _ in data.claims[sid] if b.article.date)
    if len(per_date) < 2:
        return None
    dates = sorted(per_date)
    unit = granularity(dates)
    periods = all_periods(dates, unit) if unit != "day" else dates
    counts = [sum(n for d, n in per_date.items() if period_of(d, unit) == p) for p in periods]
    name = data.corpus.speakers[sid].name
    svg = data.draw(charts.counts_over_time, periods, counts, charts.speaker_colour(sid), f"Claims by {name} over time")
    rows = [(p, n) for p, n in zip(periods, counts, strict=False) if n]
    alt = f"Claims by {name} per {unit}: " + "; ".join(f"{p}: {n}" for p, n in rows)
    return svg, alt, rows


def render_speakers(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    infos = []
    for speaker in data.speakers:
        info = speaker_info(data, speaker.id)
        infos.append(info)
        if speaker.id not in data.paged_speakers:
            continue
        chart = speaker_chart(data, speaker.id)
        if chart:
            pages[f"speakers/{speaker.id}.svg"] = chart[0]
        meta = {"search": {"boost": 2}}
        pages[f"speakers/{speaker.id}.md"] = front_matter(meta) + env.get_template("speaker.md.j2").render(
            info=info, chart_file=f"{speaker.id}.svg" if chart else None,
            chart_alt=chart[1] if chart else None, chart_rows=chart[2] if chart else [],
            claim_topics=data.claim_topics, topic_href=data.topic_href)
    unattributed = sum(1 for b in data.corpus.briefs for c in b.claims if not c.speaker)
    pages["speakers/index.md"] = env.get_template("speakers_index.md.j2").render(
        infos=infos, unattributed=unattributed, speaker_href=data.speaker_href,
        paged=len(data.paged_speakers), min_articles=data.page_min_articles)
    return pages


def render_topics(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    groups = {kind: [t for t in data.topics.values() if t.kind == kind] for kind in topics_mod.KIND_TITLES}
    for topic in data.topics.values():
        if topic.id not in data.paged_topics:
            continue
        claims = sorted(topic.claims, key=lambda bc: (bc[0].article.date or "9999", bc[0].article.id, bc[1].start))
        speakers = Counter(c.speaker for _, c in claims if c.speaker)
        pages[f"topics/{topic.id}.md"] = env.get_template("topic.md.j2").render(
            topic=topic, claims=claims, speakers=data.corpus.speakers, speaker_counts=speakers.most_common(),
            kind_title=topics_mod.KIND_TITLES[topic.kind],
            speaker_href=data.speaker_href,
            speaker_page=data.speaker_href(topic.id) if topic.id in data.first_brief else None)
    pages["topics/index.md"] = env.get_template("topics_index.md.j2").render(
        groups=[(topics_mod.KIND_TITLES[k], ts) for k, ts in groups.items() if ts], count=len(data.topics),
        topic_href=data.topic_href, paged=len(data.paged_topics), min_articles=data.page_min_articles)
    return pages


def render_timeline(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    briefs = sorted_briefs(data.corpus)
    dates = [b.article.date for b in briefs if b.article.date]
    unit = granularity(dates)
    periods = all_periods(dates, unit)
    rows = []
    for p in periods:
        kinds = Counter(c.kind for b in briefs if b.article.date and period_of(b.article.date, unit) == p
                        for c in b.claims)
        articles = sum(1 for b in briefs if b.article.date and period_of(b.article.date, unit) == p)
        rows.append((p, articles, dict(kinds)))
    chart_alt = None
    if len(periods) >= 2:
        counts = [k for _, _, k in rows]
        pages["timeline.svg"] = data.draw(charts.kinds_over_time, periods, counts, f"Claims per {unit}")
        chart_alt = f"Claims per {unit}: " + "; ".join(f"{p}: {sum(k.values())}" for p, _, k in rows if k)
    by_date: dict[str, list[Brief]] = {}
    for b in reversed(briefs):
        by_date.setdefault(b.article.date or "Undated", []).append(b)
    pages["timeline.md"] = env.get_template("timeline.md.j2").render(
        by_date=sorted(by_date.items(), key=lambda kv: (kv[0] == "Undated", kv[0])), rows=rows, unit=unit,
        chart_file="timeline.svg" if chart_alt else None, chart_alt=chart_alt, speakers=data.corpus.speakers,
        short=short, speaker_href=data.speaker_href, claims_shown=TIMELINE_CLAIMS,
        undated=by_date.get("Undated", []))
    return pages


def render_charts(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    """Corpus charts: share of voice, quoted vs reported, who talks about whom. Each with its table."""
    pages = {}
    top = data.speakers[:TOP_SPEAKERS]
    figures = []
    attributed = sum(len(data.claims[s.id]) for s in data.speakers)
    if len(top) >= 2:
        rows = [(s.name, len(data.claims[s.id])) for s in top]
        colours = [charts.speaker_colour(s.id) for s in top]
        pages["charts/share-of-voice.svg"] = data.draw(charts.share_of_voice, rows, colours, "Share of voice")
        figures.append({
            "title": "Share of voice", "file": "share-of-voice.svg",
            "text": f"Each speaker's share of the {attributed} attributed claims" + (
                f" (top {len(top)} of {len(data.speakers)} speakers)." if len(data.speakers) > len(top) else "."),
            "alt": "Share of voice: " + "; ".join(f"{n} {c} claims ({100 * c / attributed:.0f}%)" for n, c in rows),
            "header": ["speaker", "claims", "share"],
            "rows": [[(s, s.name), str(c), f"{100 * c / attributed:.0f}%"]
                     for s, (_, c) in zip(top, rows, strict=False)]})
        kinds = [(s.name, dict(Counter(c.kind for _, c in data.claims[s.id]))) for s in top]
        pages["charts/quoted-vs-reported.svg"] = data.draw(charts.claims_by_kind, kinds,
                                                           "Quoted, mixed and reported claims", colours)
        figures.append({
            "title": "Quoted or reported", "file": "quoted-vs-reported.svg",
            "text": "How each speaker is heard: in their own words (quoted), reported, or both (mixed).",
            "alt": "Quoted, mixed and reported claims per speaker: " + "; ".join(
                f"{n}: {k.get('direct', 0)} quoted, {k.get('mixed', 0)} mixed, {k.get('indirect', 0)} reported"
                for n, k in kinds),
            "header": ["speaker", "quoted", "mixed", "reported"],
            "rows": [[(s, s.name), str(k.get("direct", 0)), str(k.get("mixed", 0)), str(k.get("indirect", 0))]
                     for s, (_, k) in zip(top, kinds, strict=False)]})
    pairs = Counter()
    for s in top:
        for _, claim in data.claims[s.id]:
            for t in data.claim_topics(claim):
                if t.id != s.id:
                    pairs[(s.id, t.id)] += 1
    if pairs:
        topic_totals = Counter()
        for (_, tid), n in pairs.items():
            topic_totals[tid] += n
        columns = [tid for tid, _ in sorted(topic_totals.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TOPICS]]
        talkers = [s for s in top if any(pairs[(s.id, t)] for t in columns)]
        grid = [[pairs[(s.id, t)] for t in columns] for s in talkers]
        names = [data.topics[t].name for t in columns]
        pages["charts/who-talks-about-whom.svg"] = data.draw(charts.matrix,
            [s.name for s in talkers], names, grid, [charts.speaker_colour(s.id) for s in talkers],
            "Who talks about whom")
        figures.append({
            "title": "Who talks about whom", "file": "who-talks-about-whom.svg",
            "text": "Claims by each speaker (rows) that name a country, organisation or person (columns).",
            "alt": "Who talks about whom: " + "; ".join(
                f"{s.name} about {', '.join(f'{n} {v}' for n, v in zip(names, row, strict=False) if v)}"
                for s, row in zip(talkers, grid, strict=False)),
            "header": ["speaker", *names],
            "topic_ids": columns,
            "rows": [[(s, s.name), *[str(v) if v else "" for v in row]]
                     for s, row in zip(talkers, grid, strict=False)]})
    pages["charts/index.md"] = env.get_template("charts.md.j2").render(
        figures=figures, topics=data.topics, attributed=attributed,
        speaker_href=data.speaker_href, topic_href=data.topic_href)
    return pages


def render_report(env: jinja2.Environment, corpus: Corpus) -> str:
    return env.get_template("report.md.j2").render(report=corpus_report(corpus), corpus=corpus)


def render_site(corpus: Corpus, page_min_articles: int = 2, draw: charts.Drawer | None = None) -> dict[str, str]:
    """All generated pages of the site, keyed by path relative to docs/."""
    env = site_environment()
    data = SiteData(corpus, page_min_articles, draw)
    pages: dict[str, str] = {}
    for brief in corpus.briefs:
        pages.update(render_brief(env, brief, data))
    pages["briefs/index.md"] = env.get_template("briefs_index.md.j2").render(
        listing=Markup(briefs_list(corpus, prefix="")), count=len(corpus.briefs))
    pages.update(render_speakers(env, data))
    pages.update(render_topics(env, data))
    pages.update(render_timeline(env, data))
    pages.update(render_charts(env, data))
    pages["report.md"] = render_report(env, corpus)
    return pages
