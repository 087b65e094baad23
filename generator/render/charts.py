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

KIND_COLOURS = {"direct": "#1f6feb", "mixed": "#8250df", "indirect": "#d4a72c"}
KIND_LABELS = {"direct": "quoted", "mixed": "mixed", "indirect": "reported"}
# Dark enough to read as text on white, distinct enough side by side.
SPEAKER_PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#e6550d", "#31a354", "#756bb1", "#636363",
)


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """What a chart's bytes depend on besides its data: this module and matplotlib's version."""
    from importlib.metadata import version

    return hashlib.sha256(Path(__file__).read_bytes() + version("matplotlib").encode()).hexdigest()[:16]


def speaker_colour(speaker_id: str | None) -> str:
    """One colour per speaker, the same on every chart and every build."""
    if not speaker_id:
        return "#9a9a9a"
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
        "font.size": 9,
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


def _height(rows: int) -> float:
    return 0.9 + 0.3 * max(rows, 1)


def claims_by_kind(rows: list[tuple[str, dict[str, int]]], title: str,
                   colours: list[str] | None = None) -> str:
    """Horizontal stacked bars: one row per name, quoted / mixed / reported counts.

    `colours` (one per row) colours the names, so a speaker keeps their colour.
    There is one of these per brief (thousands in a large corpus), so it is written
    as SVG directly: ~1 ms instead of ~90 ms through matplotlib, the same look."""
    width, row_h, top, bottom = 640, 30, 44, 46
    font = "font-family:'DejaVu Sans',Verdana,sans-serif"
    longest = max((len(name) for name, _ in rows), default=0)
    left = min(16 + 7.0 * longest, width * 0.45)  # ~7 px per character at 12 px
    plot_w = width - left - 24
    height = top + row_h * max(len(rows), 1) + bottom
    most = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if most / s <= 8)
    scale = plot_w / (step * -(-most // step))
    esc = _xml
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" style="{font}">',
           f"<title>{esc(title)}</title>",
           f'<text x="8" y="20" font-size="13px">{esc(title)}</text>']
    x = width - 24
    for kind in reversed(list(KIND_COLOURS)):  # legend, right-aligned on the title line
        label = KIND_LABELS[kind]
        x -= 6.2 * len(label) + 24
        out.append(f'<rect x="{x:.1f}" y="10" width="12" height="12" fill="{KIND_COLOURS[kind]}"/>'
                   f'<text x="{x + 16:.1f}" y="20" font-size="11px">{label}</text>')
    axis_y = top + row_h * max(len(rows), 1)
    for tick in range(0, step * -(-most // step) + 1, step):
        tx = left + tick * scale
        out.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" stroke="#e5e5e5"/>'
                   f'<text x="{tx:.1f}" y="{axis_y + 16}" font-size="11px" text-anchor="middle">{tick}</text>')
    for i, (name, counts) in enumerate(rows):
        y = top + row_h * i
        colour = colours[i] if colours and i < len(colours) else "#333333"
        fits = int((left - 16) / 7.0)
        shown = name if len(name) <= fits else name[:fits - 1] + "\u2026"
        out.append(f'<text x="{left - 8:.1f}" y="{y + row_h / 2 + 4:.1f}" font-size="12px" text-anchor="end" '
                   f'fill="{esc(colour)}">{esc(shown)}</text>')
        x0 = left
        for kind, fill in KIND_COLOURS.items():
            n = counts.get(kind, 0)
            if n:
                out.append(f'<rect x="{x0:.1f}" y="{y + 5}" width="{n * scale:.1f}" height="{row_h - 10}" '
                           f'fill="{fill}"><title>{esc(name)}: {n} {KIND_LABELS[kind]}</title></rect>')
                x0 += n * scale
    out.append(f'<line x1="{left:.1f}" y1="{axis_y}" x2="{left + plot_w:.1f}" y2="{axis_y}" stroke="#333333"/>'
               f'<text x="{left + plot_w / 2:.1f}" y="{axis_y + 36}" font-size="11px" '
               f'text-anchor="middle">claims</text>')
    out.append("</svg>\n")
    return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + "\n".join(out)


def _xml(value) -> str:
    """Text safe inside SVG markup (names come from articles)."""
    return html.escape(str(value), quote=True)


def share_of_voice(rows: list[tuple[str, int]], colours: list[str], title: str) -> str:
    """Horizontal bars: each speaker's share of all attributed claims, in their colour."""
    plt = _pyplot()
    total = sum(n for _, n in rows) or 1
    names = [name for name, _ in rows][::-1]
    shares = [100 * n / total for _, n in rows][::-1]
    fig, ax = plt.subplots(figsize=(6.4, _height(len(rows))))
    ax.barh(range(len(names)), shares, color=colours[::-1], height=0.6)
    ax.set_yticks(range(len(names)), names)
    _colour_labels(ax, colours[::-1])
    for y, share in enumerate(shares):
        ax.text(share, y, f" {share:.0f}%", va="center", fontsize=8)
    ax.set_xlabel("% of attributed claims")
    ax.set_title(title, loc="left", fontsize=10)
    fig.tight_layout()
    return _svg(fig)


def counts_over_time(periods: list[str], counts: list[int], colour: str, title: str) -> str:
    """Vertical bars: claims per period, in one colour (a speaker's)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 2.4))
    ax.bar(range(len(periods)), counts, color=colour, width=0.6)
    ax.set_xticks(range(len(periods)), periods, rotation=45 if len(periods) > 6 else 0, ha="right"
                  if len(periods) > 6 else "center")
    ax.set_ylabel("claims")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title, loc="left", fontsize=10)
    fig.tight_layout()
    return _svg(fig)


def kinds_over_time(periods: list[str], rows: list[dict[str, int]], title: str) -> str:
    """Vertical stacked bars: claims per period by kind (the timeline)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 2.8))
    bottom = [0] * len(periods)
    for kind, colour in KIND_COLOURS.items():
        values = [r.get(kind, 0) for r in rows]
        ax.bar(range(len(periods)), values, bottom=bottom, color=colour, label=KIND_LABELS[kind], width=0.6)
        bottom = [a + b for a, b in zip(bottom, values, strict=False)]
    ax.set_xticks(range(len(periods)), periods, rotation=45 if len(periods) > 6 else 0, ha="right"
                  if len(periods) > 6 else "center")
    ax.set_ylabel("claims")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    ax.set_title(title, loc="left", fontsize=10)
    fig.tight_layout()
    return _svg(fig)


def matrix(rows: list[str], columns: list[str], values: list[list[int]], row_colours: list[str],
           title: str) -> str:
    """A grid of counts: rows (speakers) against columns (topics), darker = more."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(4.0, 1.6 + 0.45 * len(columns)), 1.4 + 0.32 * len(rows)))
    top = max((v for row in values for v in row), default=1) or 1
    ax.imshow(values, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(columns)), columns, rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    _colour_labels(ax, row_colours)
    for y, row in enumerate(values):
        for x, v in enumerate(row):
            if v:
                ax.text(x, y, str(v), ha="center", va="center", fontsize=8,
                        color="white" if v > top / 2 else "black")
    ax.spines[:].set_visible(False)
    ax.set_title(title, loc="left", fontsize=10)
    fig.tight_layout()
    return _svg(fig)


def _svg(fig) -> str:
    plt = _pyplot()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "quotebrief"})
    plt.close(fig)
    return buf.getvalue()
