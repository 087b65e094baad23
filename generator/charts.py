"""matplotlib charts as SVG text. Deterministic: the same data gives the same bytes."""

from __future__ import annotations

import functools
import io

KIND_COLOURS = {"direct": "#1f6feb", "mixed": "#8250df", "indirect": "#d4a72c"}
KIND_LABELS = {"direct": "quoted", "mixed": "mixed", "indirect": "reported"}


@functools.lru_cache(maxsize=1)
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "svg.hashsalt": "quotebrief",  # stable ids inside the SVG
        "svg.fonttype": "path",  # no font files or font requests needed
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return plt


def claims_by_kind(rows: list[tuple[str, dict[str, int]]], title: str) -> str:
    """Horizontal stacked bars: one row per name, quoted / mixed / reported counts."""
    plt = _pyplot()
    names = [name for name, _ in rows][::-1]
    height = 0.6 + 0.35 * max(len(rows), 1)
    fig, ax = plt.subplots(figsize=(6.4, height))
    left = [0] * len(names)
    for kind, colour in KIND_COLOURS.items():
        values = [counts.get(kind, 0) for _, counts in rows][::-1]
        ax.barh(names, values, left=left, color=colour, label=KIND_LABELS[kind], height=0.6)
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("claims")
    ax.set_title(title, loc="left", fontsize=10)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    fig.tight_layout()
    return _svg(fig)


def _svg(fig) -> str:
    plt = _pyplot()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "quotebrief"})
    plt.close(fig)
    return buf.getvalue()
