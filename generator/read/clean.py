"""Characters no article needs and that can hide or reorder what a reader sees: NUL and other
control characters, bidirectional embeddings, overrides and isolates (U+202A-U+202E,
U+2066-U+2069), zero-width characters, and lone surrogates (U+D800-U+DFFF: half a UTF-16 pair,
which no UTF-8 text can hold, so hashing or writing it fails). A JSON string or a YAML escape
may hold any of them (`\\u0000`, `\\u202e`, `\\udfff`) although a file's bytes may not.

Removed from the article text by the reader, before any claim offset exists, and from
every field that becomes a heading or a name (title, source, licence, tags); each removal
is noted.
"""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069"
                       "\ud800-\udfff]")
"""Control characters but tab and line feed, C1 controls, zero-width space, non-joiner and joiner,
word joiner, zero-width no-break space (byte order mark), bidi embeddings, overrides and isolates,
lone surrogates."""


def strip_invisible(text: str) -> tuple[str, list[str]]:
    """The text without INVISIBLE characters (those that are spacing, such as a form feed,
    become a space), and what was removed (e.g. ['U+0000 NUL x2'])."""
    found = INVISIBLE.findall(text)
    if not found:
        return text, []
    counts: dict[str, int] = {}
    for ch in found:
        counts[ch] = counts.get(ch, 0) + 1
    cleaned = INVISIBLE.sub(lambda m: " " if m.group().isspace() else "", text)
    return cleaned, [_label(ch, n) for ch, n in sorted(counts.items())]


def _label(ch: str, n: int) -> str:
    if "\ud800" <= ch <= "\udfff":
        name = "lone surrogate"
    else:
        name = unicodedata.name(ch, "") or {"\x00": "NUL"}.get(ch, "control character")
    return f"U+{ord(ch):04X} {name}" + (f" x{n}" if n > 1 else "")


def removed_note(where: str, removed: list[str]) -> str:
    shown = ", ".join(removed[:4]) + (f" and {len(removed) - 4} more" if len(removed) > 4 else "")
    return f"control or invisible characters removed from the {where}: {shown}"
