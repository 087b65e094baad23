"""The charts of the site's pages, each with its alt text and its numbers as a table.

Speakers are coloured by `SiteData.colours` (charts.assign_colours): one colour each, everywhere,
different from every speaker drawn beside them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import jinja2

from generator.link.colours import TOP_SPEAKERS
from generator.model import Brief
from generator.render import charts
from generator.render.claims import sorted_briefs, speaker_sections
from generator.render.markup import front_matter, short

if TYPE_CHECKING:
    from generator.render.data import SiteData

TOP_TOPICS = 10  # columns on the who-talks-about-whom chart
TIMELINE_CLAIMS = 5  # claims per brief on the timeline (the page changes with every article: keep it small)


def period_of(date: str, granularity: str) -> str:
    return {"year": date[:4], "month": date[:7]}.get(granularity, date)


def granularity(dates: list[str]) -> str:
    """Years for a long span, months for a medium one, days otherwise."""
    if not dates:
        return "day"
    first, last = min(dates), max(dates)
    years = int(last[:4]) - int(first[:4])
    months = years * 12 + int(last[5:7] or 1) - int(first[5:7] or 1)
    return "year" if years >= 3 else "month" if months >= 3 else "day"


def all_periods(dates: list[str], unit: str) -> list[str]:
    """Every period from the first date to the last (empty ones too: gaps are information)."""
    present = sorted({period_of(d, unit) for d in dates})
    if not present or unit == "day":
        return present
    if unit == "year":
        return [str(y) for y in range(int(present[0]), int(present[-1]) + 1)]
    out, (y, m) = [], map(int, present[0].split("-"))
    while f"{y:04d}-{m:02d}" <= present[-1]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def brief_chart(brief: Brief, draw: charts.Drawer | None = None, colour=None) -> tuple[str, str] | None:
    """(SVG, alt text) of claims per speaker; None when fewer than two speakers (nothing to compare)."""
    sections = [s for s in speaker_sections(brief) if s["speaker"] and any(not c.flagged for c in s["claims"])]
    if len(sections) < 2:
        return None
    rows = [(s["name"], dict(Counter(c.kind for c in s["claims"] if not c.flagged))) for s in sections]
    colours = [(colour or charts.speaker_colour)(s["speaker"].id) for s in sections]
    svg = (draw or charts.Drawer())(charts.claims_by_kind, rows, "Claims per speaker", colours)
    alt = "Claims per speaker: " + "; ".join(
        f"{name} {sum(c.values())} ({', '.join(f'{n} {charts.KIND_LABELS[k]}' for k, n in c.items())})"
        for name, c in rows)
    flagged = sum(1 for c in brief.claims if c.flagged and c.speaker)
    if flagged:
        alt += f" (flagged claims left out: {flagged})"
    return svg, alt


def speaker_chart(data: SiteData, sid: str) -> tuple[str | None, str, list[tuple[str, int]]] | None:
    """(SVG or None, alt, table rows) of claims per period, when the speaker spoke on two dates or
    more; the SVG only when there is a trend to see (charts.worth_a_time_chart), else the table alone."""
    per_date = Counter(b.article.date for b, _ in data.charted[sid] if b.article.date)
    if len(per_date) < 2:
        return None
    dates = sorted(per_date)
    unit = granularity(dates)
    periods = all_periods(dates, unit) if unit != "day" else dates
    counts = [sum(n for d, n in per_date.items() if period_of(d, unit) == p) for p in periods]
    name = data.corpus.speakers[sid].name
    svg = None
    if charts.worth_a_time_chart(counts):
        svg = data.draw(charts.counts_over_time, periods, counts, data.colour(sid), f"Claims by {name} over time")
    rows = [(p, n) for p, n in zip(periods, counts) if n]
    alt = f"Claims by {name} per {unit}: " + "; ".join(f"{p}: {n}" for p, n in rows)
    return svg, alt, rows


def render_timeline(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    pages = {}
    briefs = sorted_briefs(data.corpus)
    dates = [b.article.date for b in briefs if b.article.date]
    unit = granularity(dates)
    periods = all_periods(dates, unit)
    kinds_in: dict[str, Counter] = defaultdict(Counter)  # one pass over the briefs, not one per period
    articles_in: Counter = Counter()
    for b in briefs:
        if b.article.date:
            period = period_of(b.article.date, unit)
            articles_in[period] += 1
            kinds_in[period].update(c.kind for c in b.claims if not c.flagged)
    rows = [(p, articles_in[p], dict(kinds_in[p])) for p in periods]
    chart_alt = None
    if len(periods) >= 2 and charts.worth_a_time_chart([sum(k.values()) for _, _, k in rows]):
        pages["timeline.svg"] = data.draw(charts.kinds_over_time, periods, [k for _, _, k in rows],
                                          f"Claims per {unit}")
        chart_alt = f"Claims per {unit}: " + "; ".join(f"{p}: {sum(k.values())}" for p, _, k in rows if k)
    by_date: dict[str, list[Brief]] = {}
    for b in reversed(briefs):
        by_date.setdefault(b.article.date or "Undated", []).append(b)
    pages["timeline.md"] = front_matter({"search": {"boost": 0.5}}) + env.get_template("timeline.md.j2").render(
        by_date=sorted(by_date.items(), key=lambda kv: (kv[0] == "Undated", kv[0])), rows=rows, unit=unit,
        chart_file="timeline.svg" if chart_alt else None, chart_alt=chart_alt, speakers=data.corpus.speakers,
        short=short, speaker_href=data.speaker_href, claims_shown=TIMELINE_CLAIMS,
        shown_claims=[c for b in briefs if b.article.date for c in b.claims[:TIMELINE_CLAIMS]],
        undated=by_date.get("Undated", []), flagged=data.flagged)
    return pages


def render_charts(env: jinja2.Environment, data: SiteData) -> dict[str, str]:
    """Corpus charts: share of voice, quoted vs reported, who talks about whom. Each with its table."""
    pages = {}
    # flagged claims are left out (SiteData.charted), and the page says so
    top = sorted((s for s in data.speakers if data.charted[s.id]),
                 key=lambda s: (-len(data.charted[s.id]), s.name))[:TOP_SPEAKERS]
    figures = []
    attributed = sum(len(data.charted[s.id]) for s in data.speakers)
    if len(top) >= 2:
        rows = [(s.name, len(data.charted[s.id])) for s in top]
        colours = [data.colour(s.id) for s in top]
        # Shares of every attributed claim of the corpus, not of the speakers shown: chart, alt text
        # and table print the same numbers (charts.shares).
        percents = charts.shares([c for _, c in rows], attributed)
        pages["charts/share-of-voice.svg"] = data.draw(charts.share_of_voice, rows, colours, "Share of voice",
                                                       attributed)
        figures.append({
            "title": "Share of voice", "file": "share-of-voice.svg",
            "text": f"Each speaker's share of all {attributed} attributed claims"
                    + (f" (the top {len(top)} of {len(data.speakers)} speakers are shown)."
                       if len(data.speakers) > len(top) else "."),
            "alt": "Share of voice: " + "; ".join(f"{n} {c} claims ({p})" for (n, c), p in zip(rows, percents)),
            "header": ["speaker", "claims", "share"],
            "rows": [[(s, s.name), str(c), p] for s, (_, c), p in zip(top, rows, percents)]})
        kinds = [(s.name, dict(Counter(c.kind for _, c in data.charted[s.id]))) for s in top]
        pages["charts/quoted-vs-reported.svg"] = data.draw(
            charts.claims_by_kind, kinds, "Quoted, mixed and reported claims", colours)
        figures.append({
            "title": "Quoted or reported", "file": "quoted-vs-reported.svg",
            "text": "How each speaker is heard: in their own words (quoted), reported, or both (mixed).",
            "alt": "Quoted, mixed and reported claims per speaker: " + "; ".join(
                f"{n}: {k.get('direct', 0)} quoted, {k.get('mixed', 0)} mixed, {k.get('indirect', 0)} reported"
                for n, k in kinds),
            "header": ["speaker", "quoted", "mixed", "reported"],
            "rows": [[(s, s.name), str(k.get("direct", 0)), str(k.get("mixed", 0)), str(k.get("indirect", 0))]
                     for s, (_, k) in zip(top, kinds)]})
    pairs = Counter()
    for s in top:
        for _, claim in data.charted[s.id]:
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
            [s.name for s in talkers], names, grid, [data.colour(s.id) for s in talkers],
            "Who talks about whom")
        figures.append({
            "title": "Who talks about whom", "file": "who-talks-about-whom.svg",
            "text": "Claims by each speaker (rows) that name a country, organisation or person (columns).",
            "alt": "Who talks about whom: " + "; ".join(
                f"{s.name} about {', '.join(f'{n} {v}' for n, v in zip(names, row) if v)}"
                for s, row in zip(talkers, grid)),
            "header": ["speaker", *names],
            "topic_ids": columns,
            "rows": [[(s, s.name), *[str(v) if v else "" for v in row]] for s, row in zip(talkers, grid)]})
    pages["charts/index.md"] = front_matter({"search": {"boost": 0.5}}) + env.get_template("charts.md.j2").render(
        figures=figures, topics=data.topics, attributed=attributed, flagged=data.flagged,
        speaker_href=data.speaker_href, topic_href=data.topic_href)
    return pages
