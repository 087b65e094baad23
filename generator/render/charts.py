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
from pathlib import Path

from generator.cache import Cache
from generator.link.colours import SPEAKER_PALETTE, assign_colours, speaker_colour  # noqa: F401

# Every colour here reads as text on white with WCAG AA contrast (>= 4.5:1; tested), and the
# first ones are the most distinct from each other: the most-heard speakers get them.
KIND_COLOURS = {"direct": "#1f6feb", "mixed": "#8250df", "indirect": "#9a6700", "stance": "#57606a"}
KIND_LABELS = {"direct": "quoted", "mixed": "mixed", "indirect": "reported", "stance": "stance"}
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


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """What a chart's bytes depend on besides its data: this module and matplotlib's version."""
    from importlib.metadata import version

    return hashlib.sha256(Path(__file__).read_bytes() + version("matplotlib").encode()).hexdigest()[:16]


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


def _fit(name: str, room: float) -> str:
    fits = max(int(room / _CHAR_W), 4)
    return name if len(name) <= fits else name[:fits - 1] + "\u2026"


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
    row_h, top, bottom = 30, 62, 44
    longest = max((len(name) for name, _ in rows), default=0)
    left = min(12 + _CHAR_W * longest, WIDTH * 0.42)
    plot_w = WIDTH - left - 16
    height = top + row_h * max(len(rows), 1) + bottom
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
    axis_y = top + row_h * max(len(rows), 1)
    for tick in range(0, step * -(-most // step) + 1, step):
        tx = left + tick * scale
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" stroke="{GRID}"/>'
                   f'<text x="{tx:.1f}" y="{axis_y + 18}" font-size="{FONT}px" text-anchor="middle">{tick}</text>')
    for i, (name, counts) in enumerate(rows):
        y = top + row_h * i
        colour = colours[i] if colours and i < len(colours) else TEXT
        out.append(f'<text x="{left - 8:.1f}" y="{y + row_h / 2 + 5:.1f}" font-size="{FONT}px" text-anchor="end" '
                   f'fill="{esc(colour)}">{esc(_fit(name, left - 12))}</text>')
        x0 = left
        for kind, fill in KIND_COLOURS.items():
            n = counts.get(kind, 0)
            if n:
                out.append(f'<rect x="{x0:.1f}" y="{y + 5}" width="{n * scale:.1f}" height="{row_h - 10}" '
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


def shares(counts: list[int], total: int) -> list[int]:
    """Whole percentages of `total`, as the share-of-voice chart and its table print them."""
    return [round(100 * n / total) if total else 0 for n in counts]


def share_of_voice(rows: list[tuple[str, int]], colours: list[str], title: str, total: int | None = None) -> str:
    """Horizontal bars: each speaker's share of `total` claims (all attributed claims of the corpus,
    not only of the rows shown), in their colour, with its percentage printed at the bar's end."""
    total = total or sum(n for _, n in rows)
    row_h, top, bottom = 30, 40, 44
    longest = max((len(name) for name, _ in rows), default=0)
    left = min(12 + _CHAR_W * longest, WIDTH * 0.42)
    plot_w = WIDTH - left - 16 - 4.5 * _CHAR_W  # room for the label after the longest bar
    percents = shares([n for _, n in rows], total)
    most = max(100 * n / total for _, n in rows) if rows and total else 1
    height = top + row_h * max(len(rows), 1) + bottom
    out = _svg_open(height, title)
    axis_y = top + row_h * max(len(rows), 1)
    for i, ((name, n), pct) in enumerate(zip(rows, percents)):
        y = top + row_h * i
        colour = colours[i] if i < len(colours) else TEXT
        w = plot_w * (100 * n / total) / most if total else 0
        out.append(f'<text x="{left - 8:.1f}" y="{y + row_h / 2 + 5:.1f}" font-size="{FONT}px" text-anchor="end" '
                   f'fill="{_xml(colour)}">{_xml(_fit(name, left - 12))}</text>'
                   f'<rect x="{left:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{_xml(colour)}">'
                   f'<title>{_xml(name)}: {n} of {total} claims</title></rect>'
                   f'<text class="share" x="{left + w + 5:.1f}" y="{y + row_h / 2 + 5:.1f}" '
                   f'font-size="{FONT}px">{pct}%</text>')
    out.append(f'<line x1="{left:.1f}" y1="{top - 4}" x2="{left:.1f}" y2="{axis_y}" stroke="{TEXT}"/>'
               f'<text x="{left:.1f}" y="{axis_y + 24}" font-size="{FONT}px">% of all {total} attributed claims</text>')
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
    fig, ax = _figure(2.2 + 0.36 * len(rows) + 0.1 * max((len(c) for c in columns), default=0))
    top = max((v for row in values for v in row), default=1) or 1
    cmap = plt.get_cmap("Blues")
    ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(columns)), [_fit(c, 14 * _CHAR_W) for c in columns], rotation=60, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), [_fit(r, 14 * _CHAR_W) for r in rows])
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
