"""matplotlib charts as SVG text. Deterministic: the same data gives the same bytes.

Drawing a chart costs tens of milliseconds, so charts are drawn through a `Drawer`,
which keeps each SVG in the build's cache by a hash of its data and this module's code:
a rebuild redraws only the charts whose numbers changed. The chart functions themselves
are plain. Each speaker keeps one colour on every chart (`speaker_colour`, derived from
the speaker id).
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import textwrap
from pathlib import Path

from generator.cache import Cache

# Every colour here reads as text on white with WCAG AA contrast (>= 4.5:1; tested), and the
# first ones are the most distinct from each other: the most-heard speakers get them.
KIND_COLOURS = {"direct": "#1f6feb", "mixed": "#8250df", "indirect": "#9a6700", "stance": "#57606a"}
KIND_LABELS = {"direct": "quoted", "mixed": "mixed", "indirect": "reported", "stance": "stance"}
# Speaker colours also stay apart from the kind colours (CIE76 distance >= 25, tested), since a
# chart that colours names also has a quoted / mixed / reported legend.
SPEAKER_PALETTE = (
    "#1f5fa8", "#b3261e", "#2e7d32", "#7b3fa0", "#ad1f6b", "#5b6b00", "#c2410c", "#7f1d1d",
    "#0b6e99", "#1b5e20", "#283593", "#a0522d", "#880e4f", "#4e5d00", "#0000a6", "#0b736a",
    "#594324", "#4c2459", "#a600a6", "#592431",
)
TEXT = "#1f2328"  # chart text on the white chart background: contrast 15.8:1
GRID = "#d0d7de"
WIDTH = 440  # every chart's width in SVG units: on a 390 px phone it is shown ~360 px wide,
FONT = 14  # so 14-unit text is still >= 11 px there (tested in the browser)


def luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2)."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def assign_colours(order: list[str], together: list[list[str]]) -> dict[str, str]:
    """One palette colour per speaker id, different from every speaker it is shown together with.

    `order`: who chooses first (the caller puts the top speakers of the corpus charts first);
    `together`: groups shown side by side (the speakers of one brief, the top speakers of the
    corpus charts). Each speaker takes the first colour of its own turn of the palette (starting
    at `speaker_colour`'s, from its id) that no neighbour chosen before holds; past 20 speakers in
    one group, the one its neighbours use least. Why its own turn: a speaker keeps its colour when
    others come, go or are heard more, so an edit re-renders only the pages it really changes (a
    greedy colouring in palette order by claim count moved colours across hundreds of pages when
    one article was saved).
    """
    neighbours: dict[str, set[str]] = {sid: set() for sid in order}
    for group in together:
        members = [sid for sid in dict.fromkeys(group) if sid in neighbours]
        for sid in members:
            neighbours[sid].update(m for m in members if m != sid)
    colours: dict[str, str] = {}
    size = len(SPEAKER_PALETTE)
    for sid in order:
        first = SPEAKER_PALETTE.index(speaker_colour(sid))
        turn = [SPEAKER_PALETTE[(first + i) % size] for i in range(size)]
        used = [colours[n] for n in neighbours[sid] if n in colours]
        free = [c for c in turn if c not in used]
        colours[sid] = free[0] if free else min(turn, key=lambda c: (used.count(c), turn.index(c)))
    return colours


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """What a chart's bytes depend on besides its data: this module and matplotlib's version."""
    from importlib.metadata import version

    return hashlib.sha256(Path(__file__).read_bytes() + version("matplotlib").encode()).hexdigest()[:16]


def speaker_colour(speaker_id: str | None) -> str:
    """A speaker's colour where no site-wide assignment (`assign_colours`) is at hand: from the id."""
    if not speaker_id:
        return "#57606a"
    digest = hashlib.sha256(speaker_id.encode("utf-8")).digest()
    return SPEAKER_PALETTE[int.from_bytes(digest[:4], "big") % len(SPEAKER_PALETTE)]


@functools.lru_cache(maxsize=1)
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "svg.hashsalt": "quotebrief",  # stable ids inside the SVG
        "svg.fonttype": "none",  # text as <text> (local fonts, no requests): drawn ~1.5x faster than glyph paths
        "font.size": FONT,  # in points, which are the SVG's units: the same scale as the other charts
        "text.color": TEXT, "axes.labelcolor": TEXT, "xtick.color": TEXT, "ytick.color": TEXT,
        "axes.edgecolor": TEXT, "figure.facecolor": "white", "axes.facecolor": "white",
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return plt


class Drawer:
    """Draws charts through the cache: a chart is drawn once per distinct data and code, ever.

    `drawer(share_of_voice, rows, colours, title)` returns the SVG, from the cache when a chart
    of the same function, arguments, code and matplotlib version was drawn before.
    """

    def __init__(self, cache: Cache | None = None):
        self.cache = cache or Cache(None, memory=("charts",))
        self.drawn = 0  # charts drawn by this drawer (the rest came from the cache)

    def __call__(self, chart, *args, **kwargs) -> str:
        key = Cache.key("chart", chart.__name__, _code_version(), args, kwargs)
        svg = self.cache.load_text("charts", key, valid=lambda s: s.rstrip().endswith("</svg>"))
        if svg is None:
            svg = chart(*args, **kwargs)
            self.drawn += 1
            self.cache.store_text("charts", key, svg)
        return svg


def _colour_labels(ax, colours: list[str] | None) -> None:
    if colours:
        for label, colour in zip(ax.get_yticklabels(), colours, strict=False):
            label.set_color(colour)


_FONT_STYLE = "font-family:'DejaVu Sans',Verdana,sans-serif"
_CHAR_W = 0.6 * FONT  # average width of a character of DejaVu Sans


def wrap(name: str, room: float) -> list[str]:
    """A name in lines that fit `room` SVG units: every word kept (no name is cut short on an
    axis); a word longer than a line is broken."""
    return textwrap.wrap(name, max(int(room / _CHAR_W), 4), break_long_words=True) or [""]


LINE_H = FONT + 3  # a line of a wrapped label


def _label(x: float, mid: float, lines: list[str], colour: str) -> str:
    """A right-aligned label of one or more lines, centred on `mid`."""
    first = mid + 5 - LINE_H * (len(lines) - 1) / 2
    spans = "".join(f'<tspan x="{x:.1f}" y="{first + LINE_H * i:.1f}">{_xml(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text font-size="{FONT}px" text-anchor="end" fill="{_xml(colour)}">{spans}</text>'


def _rows_layout(names: list[str], room: float, row_h: int = 30) -> tuple[list[list[str]], list[float], float]:
    """Each name's lines, each row's top (from 0) and the rows' whole height: a row grows with its lines."""
    lines = [wrap(n, room) for n in names]
    tops, y = [], 0.0
    for ls in lines:
        tops.append(y)
        y += max(row_h, LINE_H * len(ls) + 10)
    return lines, tops, y


def _label_room(names: list[str]) -> float:
    """Room left of the bars for names: the longest name's width, at most 42% of the chart
    (longer names wrap onto more lines)."""
    longest = max((len(n) for n in names), default=0)
    return min(12 + _CHAR_W * longest, WIDTH * 0.42)


def _svg_open(height: float, title: str) -> list[str]:
    """An SVG WIDTH units wide on a white ground (readable in the dark theme too), with its title."""
    return ['<?xml version="1.0" encoding="utf-8" standalone="no"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" style="{_FONT_STYLE}" fill="{TEXT}">',
            f"<title>{_xml(title)}</title>",
            f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>',
            f'<text x="8" y="22" font-size="{FONT + 2}px" font-weight="bold">{_xml(title)}</text>']


def _axis_step(most: int) -> int:
    return next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if most / s <= 4)


def claims_by_kind(rows: list[tuple[str, dict[str, int]]], title: str,
                   colours: list[str] | None = None) -> str:
    """Horizontal stacked bars: one row per name, quoted / mixed / reported counts.

    `colours` (one per row) colours the names, so a speaker keeps their colour.
    There is one of these per brief (thousands in a large corpus), so it is written
    as SVG directly: ~1 ms instead of ~90 ms through matplotlib."""
    top, bottom = 62, 44
    left = _label_room([name for name, _ in rows])
    plot_w = WIDTH - left - 16
    lines, tops, rows_h = _rows_layout([name for name, _ in rows], left - 12)
    rows_h = rows_h or 30
    height = top + rows_h + bottom
    most = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    step = _axis_step(most)
    scale = plot_w / (step * -(-most // step))
    esc = _xml
    out = _svg_open(height, title)
    kinds = [k for k in KIND_COLOURS if any(c.get(k) for _, c in rows)] or list(KIND_COLOURS)[:3]
    x = 8.0
    for kind in kinds:  # legend under the title, only the kinds drawn
        label = KIND_LABELS[kind]
        out.append(f'<rect x="{x:.1f}" y="34" width="14" height="14" fill="{KIND_COLOURS[kind]}"/>'
                   f'<text x="{x + 19:.1f}" y="46" font-size="{FONT}px">{label}</text>')
        x += 19 + _CHAR_W * len(label) + 14
    axis_y = top + rows_h
    for tick in range(0, step * -(-most // step) + 1, step):
        tx = left + tick * scale
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" stroke="{GRID}"/>'
                   f'<text x="{tx:.1f}" y="{axis_y + 18}" font-size="{FONT}px" text-anchor="middle">{tick}</text>')
    for i, (name, counts) in enumerate(rows):
        y = top + tops[i]
        h = (tops[i + 1] if i + 1 < len(tops) else rows_h) - tops[i]
        colour = colours[i] if colours and i < len(colours) else TEXT
        out.append(_label(left - 8, y + h / 2, lines[i], colour))
        x0 = left
        for kind, fill in KIND_COLOURS.items():
            n = counts.get(kind, 0)
            if n:
                out.append(f'<rect x="{x0:.1f}" y="{y + h / 2 - 10:.1f}" width="{n * scale:.1f}" height="20" '
                           f'fill="{fill}"><title>{esc(name)}: {n} {KIND_LABELS[kind]}</title></rect>')
                x0 += n * scale
    out.append(f'<line x1="{left:.1f}" y1="{axis_y}" x2="{left + plot_w:.1f}" y2="{axis_y}" stroke="{TEXT}"/>'
               f'<text x="{left + plot_w / 2:.1f}" y="{axis_y + 38}" font-size="{FONT}px" '
               f'text-anchor="middle">claims</text>')
    out.append("</svg>\n")
    return "\n".join(out)


def _xml(value) -> str:
    """Text safe inside SVG markup (names come from articles)."""
    return html.escape(str(value), quote=True)


def share_text(n: int, total: int) -> str:
    """A share as printed on charts and in their tables: one decimal under 10% ("0.6%", "2.1%"),
    whole percent above ("23%"), so a speaker with 10 claims of 1,600 is never "1%"."""
    if not total or not n:
        return "0%"
    share = 100 * n / total
    return f"{share:.1f}%" if share < 9.95 else f"{share:.0f}%"


def shares(counts: list[int], total: int) -> list[str]:
    """`share_text` of each count."""
    return [share_text(n, total) for n in counts]


def share_of_voice(rows: list[tuple[str, int]], colours: list[str], title: str, total: int | None = None) -> str:
    """Horizontal bars: each speaker's share of `total` claims (all attributed claims of the corpus,
    not only of the rows shown), in their colour, labelled with its count and share at the bar's end."""
    total = total or sum(n for _, n in rows)
    top, bottom = 40, 44
    names = [name for name, _ in rows]
    left = _label_room(names)
    labels = [f"{n} ({p})" for (_, n), p in zip(rows, shares([n for _, n in rows], total))]
    plot_w = WIDTH - left - 16 - _CHAR_W * max((len(t) for t in labels), default=4)  # room for the labels
    most = max(100 * n / total for _, n in rows) if rows and total else 1
    lines, tops, rows_h = _rows_layout(names, left - 12)
    rows_h = rows_h or 30
    height = top + rows_h + bottom
    out = _svg_open(height, title)
    axis_y = top + rows_h
    for i, ((name, n), label) in enumerate(zip(rows, labels)):
        y = top + tops[i]
        h = (tops[i + 1] if i + 1 < len(tops) else rows_h) - tops[i]
        colour = colours[i] if i < len(colours) else TEXT
        w = plot_w * (100 * n / total) / most if total else 0
        out.append(_label(left - 8, y + h / 2, lines[i], colour)
                   + f'<rect x="{left:.1f}" y="{y + h / 2 - 10:.1f}" width="{w:.1f}" height="20" '
                   f'fill="{_xml(colour)}"><title>{_xml(name)}: {n} of {total} claims</title></rect>'
                   f'<text class="share" x="{left + w + 5:.1f}" y="{y + h / 2 + 5:.1f}" '
                   f'font-size="{FONT}px">{label}</text>')
    out.append(f'<line x1="{left:.1f}" y1="{top - 4}" x2="{left:.1f}" y2="{axis_y}" stroke="{TEXT}"/>'
               f'<text x="{left:.1f}" y="{axis_y + 24}" font-size="{FONT}px">claims (% of all {total} attributed '
               f'claims)</text>')
    out.append("</svg>\n")
    return "\n".join(out)


def worth_a_time_chart(counts: list[int]) -> bool:
    """A chart over time says something only with three periods or more that have claims, and
    when those are not lost among empty ones (at least a quarter of the periods drawn)."""
    filled = sum(1 for n in counts if n)
    return filled >= 3 and 4 * filled >= len(counts)


def _period_ticks(ax, periods: list[str]) -> None:
    """Period labels, horizontal, every k-th one when there are many (no overlap at this width)."""
    every = max(1, -(-len(periods) * max(len(p) for p in periods) // 40))
    shown = range(0, len(periods), every)
    ax.set_xticks(list(shown), [periods[i] for i in shown])


def _figure(height_in: float):
    return _pyplot().subplots(figsize=(WIDTH / 72, height_in))


def counts_over_time(periods: list[str], counts: list[int], colour: str, title: str) -> str:
    """Vertical bars: claims per period, in one colour (a speaker's).

    Written as SVG directly, as the other bar charts: a speaker page's chart is drawn once for
    each of thousands of speakers, and matplotlib takes about 80 ms a chart, this about 1 ms."""
    left, right, top, bottom, height = 48, 12, 40, 48, 230
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    most = max(counts, default=0) or 1
    step = _axis_step(most)
    ceiling = step * -(-most // step)
    slot = plot_w / max(len(periods), 1)
    every = max(1, -(-len(periods) * max((len(p) for p in periods), default=1) * _CHAR_W // plot_w))
    axis_y = top + plot_h
    out = _svg_open(height, title)
    for tick in range(0, ceiling + 1, step):
        ty = axis_y - plot_h * tick / ceiling
        out.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="{GRID}"/>'
                   f'<text x="{left - 6}" y="{ty + 5:.1f}" font-size="{FONT}px" text-anchor="end">{tick}</text>')
    for i, (period, n) in enumerate(zip(periods, counts)):
        x = left + slot * i
        h = plot_h * n / ceiling
        if n:
            out.append(f'<rect x="{x + slot * 0.2:.1f}" y="{axis_y - h:.1f}" width="{slot * 0.6:.1f}" '
                       f'height="{h:.1f}" fill="{_xml(colour)}"><title>{_xml(period)}: {n} claims</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{x + slot / 2:.1f}" y="{axis_y + 20}" font-size="{FONT}px" '
                       f'text-anchor="middle">{_xml(period)}</text>')
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + plot_w}" y2="{axis_y}" stroke="{TEXT}"/>'
               f'<text x="{left + plot_w / 2:.1f}" y="{axis_y + 42}" font-size="{FONT}px" '
               f'text-anchor="middle">claims per period</text>')
    out.append("</svg>\n")
    return "\n".join(out)


def kinds_over_time(periods: list[str], rows: list[dict[str, int]], title: str) -> str:
    """Vertical stacked bars: claims per period by kind (the timeline)."""
    fig, ax = _figure(3.6)
    bottom = [0] * len(periods)
    for kind, colour in KIND_COLOURS.items():
        values = [r.get(kind, 0) for r in rows]
        if any(values):
            ax.bar(range(len(periods)), values, bottom=bottom, color=colour, label=KIND_LABELS[kind], width=0.6)
        bottom = [a + b for a, b in zip(bottom, values)]
    _period_ticks(ax, periods)
    ax.set_ylabel("claims")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", frameon=False, ncols=3)
    ax.set_ylim(0, max(bottom, default=1) * 1.35 or 1)  # room for the legend above the bars
    ax.set_title(title, loc="left", fontsize=FONT + 1)
    fig.tight_layout()
    return _svg(fig)


def matrix(rows: list[str], columns: list[str], values: list[list[int]], row_colours: list[str],
           title: str) -> str:
    """A grid of counts: rows (speakers) against columns (topics), darker = more.
    Each number is black or white, whichever contrasts more with its cell."""
    plt = _pyplot()
    # Full names, wrapped (never cut): rows at 18 characters a line, columns at 14
    row_labels = ["\n".join(wrap(r, 18 * _CHAR_W)) for r in rows]
    col_labels = ["\n".join(wrap(c, 14 * _CHAR_W)) for c in columns]
    col_lines = max((lab.count("\n") + 1 for lab in col_labels), default=1)
    fig, ax = _figure(2.2 + 0.36 * sum(lab.count("\n") + 1 for lab in row_labels)
                      + 0.1 * 14 + 0.2 * col_lines)
    top = max((v for row in values for v in row), default=1) or 1
    cmap = plt.get_cmap("Blues")
    ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(columns)), col_labels, rotation=60, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), row_labels)
    _colour_labels(ax, row_colours)
    from matplotlib.colors import to_hex

    for y, row in enumerate(values):
        for x, v in enumerate(row):
            if v:
                cell = to_hex(cmap(v / top))
                ink = "#000000" if contrast(cell, "#000000") >= contrast(cell, "#ffffff") else "#ffffff"
                ax.text(x, y, str(v), ha="center", va="center", color=ink)
    ax.spines[:].set_visible(False)
    ax.set_title(title, loc="left", fontsize=FONT + 1)
    fig.tight_layout()
    return _svg(fig)


def _svg(fig) -> str:
    plt = _pyplot()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "quotebrief"})
    plt.close(fig)
    return buf.getvalue()


def stacked_shares(rows: list[tuple[str, list[int]]], keys: list[str], colours: list[str], title: str) -> str:
    """Horizontal bars of 100%: each row split into its parts (`keys`, in `colours`), every part
    wide enough labelled with its count; a legend of the parts under the title.

    Written as SVG directly (about 1 ms; matplotlib takes ~90 ms a chart)."""
    top, bottom = 64, 36
    left = _label_room([label for label, _ in rows])
    plot_w = WIDTH - left - 26  # room for the last tick's "100%"
    lines, tops, rows_h = _rows_layout([label for label, _ in rows], left - 12)
    rows_h = rows_h or 30
    height = top + rows_h + bottom
    out = _svg_open(height, title)
    x = 8.0
    for key, colour in zip(keys, colours):
        out.append(f'<rect x="{x:.1f}" y="34" width="14" height="14" fill="{_xml(colour)}"/>'
                   f'<text x="{x + 19:.1f}" y="46" font-size="{FONT}px">{_xml(key)}</text>')
        x += 19 + _CHAR_W * len(key) + 14
    axis_y = top + rows_h
    for tick in (0, 25, 50, 75, 100):
        tx = left + plot_w * tick / 100
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" stroke="{GRID}"/>'
                   f'<text x="{tx:.1f}" y="{axis_y + 18}" font-size="{FONT}px" text-anchor="middle">{tick}%</text>')
    for i, (label, counts) in enumerate(rows):
        y = top + tops[i]
        h = (tops[i + 1] if i + 1 < len(tops) else rows_h) - tops[i]
        out.append(_label(left - 8, y + h / 2, lines[i], TEXT))
        total = sum(counts)
        x0 = left
        for key, colour, n in zip(keys, colours, counts):
            if not n:
                continue
            w = plot_w * n / total
            out.append(f'<rect x="{x0:.1f}" y="{y + h / 2 - 11:.1f}" width="{w:.1f}" height="22" '
                       f'fill="{_xml(colour)}"><title>{_xml(label)}: {_xml(key)} {n} of {total} '
                       f'({share_text(n, total)})</title></rect>')
            if w >= _CHAR_W * len(str(n)) + 6:  # the count inside its part, white on the part's colour
                out.append(f'<text x="{x0 + w / 2:.1f}" y="{y + h / 2 + 5:.1f}" font-size="{FONT}px" '
                           f'text-anchor="middle" fill="#ffffff">{n}</text>')
            x0 += w
    out.append("</svg>\n")
    return "\n".join(out)
