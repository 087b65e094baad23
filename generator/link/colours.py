"""Speaker colours: one per speaker, the same on every page and chart, and different from every
speaker drawn beside it. Worked out once per corpus when it is linked (Corpus.colours).

Every colour here reads as text on white with WCAG AA contrast (>= 4.5:1; tested), and the
first ones are the most distinct from each other: the most-heard speakers get them.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from generator.model import Brief

# Speaker colours also stay apart from the kind colours (CIE76 distance >= 25, tested), since a
# chart that colours names also has a quoted / mixed / reported legend.
SPEAKER_PALETTE = (
    "#1f5fa8", "#b3261e", "#2e7d32", "#7b3fa0", "#ad1f6b", "#5b6b00", "#c2410c", "#7f1d1d",
    "#0b6e99", "#1b5e20", "#283593", "#a0522d", "#880e4f", "#4e5d00", "#0000a6", "#0b736a",
    "#594324", "#4c2459", "#a600a6", "#592431",
)
TOP_SPEAKERS = 15  # rows on the corpus charts: the speakers drawn together there


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


def speaker_colour(speaker_id: str | None) -> str:
    """A speaker's colour where no site-wide assignment (`assign_colours`) is at hand: from the id."""
    if not speaker_id:
        return "#57606a"
    digest = hashlib.sha256(speaker_id.encode("utf-8")).digest()
    return SPEAKER_PALETTE[int.from_bytes(digest[:4], "big") % len(SPEAKER_PALETTE)]


def speaker_colours(briefs: list[Brief], order: list[str]) -> dict[str, str]:
    """One colour per speaker of `order` (ids, most claims first), distinct among those drawn
    together (the top speakers of the corpus charts, and the speakers of each brief), and stable
    when an article is edited (see assign_colours)."""
    together = [order[:TOP_SPEAKERS]] + [[c.speaker for c in b.claims if c.speaker] for b in briefs]
    # Who chooses first: the top speakers, then those of several briefs, then those of one, each
    # tier by id, not by claims: a speaker heard once more moves no one's colour, and a speaker of
    # one brief coming or going can recolour that brief only.
    top = set(order[:TOP_SPEAKERS])
    in_briefs = Counter(sid for group in together[1:] for sid in set(group))
    return assign_colours(sorted(order, key=lambda sid: (sid not in top, in_briefs[sid] < 2, sid)), together)
