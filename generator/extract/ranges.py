"""Ranges of characters looked up in logarithmic time: is an offset inside a quote, a caption,
a claim's content; which quotes can reach an offset.

The finders ask these questions once per token, quote or claim: answered by scanning every
range, a paragraph of thousands of quotes cost time growing with its square (issue 17).
Ranges are sorted by start with the running maximum of their ends, so the ranges that start at
or before an offset are a prefix, and whether one of them reaches past the offset is one
comparison. Ranges may overlap or nest (a single-quoted span holding a double-quoted one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Ranges:
    """Half-open (start, end) ranges; `i in ranges` when start <= i < end for one of them."""

    def __init__(self, ranges=()):
        pairs = sorted((s, e) for s, e in ranges)
        self.starts = [s for s, _ in pairs]
        self.reach = []  # reach[k]: the largest end among the first k + 1 ranges
        top = None
        for _, e in pairs:
            top = e if top is None or e > top else top
            self.reach.append(top)

    def __contains__(self, i: int) -> bool:
        k = bisect_right(self.starts, i)
        return k > 0 and self.reach[k - 1] > i

    def __bool__(self) -> bool:
        return bool(self.starts)


class FirstAbove:
    """The first of some values, from an index on, that is greater than a bound (a tree of
    maxima): which quote, from the k-th in text order, ends past an offset, in log time."""

    def __init__(self, values: list[int]):
        self.n = len(values)
        size = 1
        while size < max(self.n, 1):
            size *= 2
        self.size = size
        low = float("-inf")
        tree = [low] * (2 * size)
        tree[size:size + self.n] = values
        for k in range(size - 1, 0, -1):
            tree[k] = tree[2 * k] if tree[2 * k] > tree[2 * k + 1] else tree[2 * k + 1]
        self.tree = tree

    def first(self, i: int, bound: int) -> int | None:
        if i >= self.n:
            return None
        tree, pos = self.tree, i + self.size
        while tree[pos] <= bound:  # on to the next subtree to the right
            while pos & 1:
                pos >>= 1
            if pos == 0:
                return None
            pos += 1
        while pos < self.size:  # down to its first value above the bound
            pos = 2 * pos if tree[2 * pos] > bound else 2 * pos + 1
        return pos - self.size


class Stabbing:
    """How many of some half-open ranges hold an offset: those that start at or before it less
    those that also end at or before it (a range that ends before it starts holds nothing)."""

    def __init__(self, ranges):
        kept = [(s, e) for s, e in ranges if s < e]
        self.starts = sorted(s for s, _ in kept)
        self.ends = sorted(e for _, e in kept)

    def count(self, i: int) -> int:
        return bisect_right(self.starts, i) - bisect_right(self.ends, i)


def first_at_or_after(starts: list[int], offset: int) -> int:
    """Index of the first of sorted starts that is >= offset."""
    return bisect_left(starts, offset)
