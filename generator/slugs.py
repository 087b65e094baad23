"""Slugs and safe ids: file names made from untrusted text, used by every stage that names a page."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 80


def slugify(value: str, fallback: str = "article") -> str:
    """A safe file-name slug: ASCII letters, digits and dashes only, never a path."""
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^a-zA-Z0-9]+", "-", value).strip("-").lower()
    value = value[:MAX_ID_LENGTH].strip("-") or fallback
    return f"{value}-x" if value in _RESERVED else value  # CON, NUL, LPT1 (Windows) or a folder's index page


_SAFE_ID = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{MAX_ID_LENGTH - 1}}}$")
_RESERVED = {"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_id(raw: str, fallback: str = "article") -> str:
    """An id kept as given when it is already a safe file name, else its slug."""
    raw = str(raw)
    if _SAFE_ID.fullmatch(raw) and raw.lower() not in _RESERVED:  # fullmatch: "$" would let "a\n" through
        return raw
    return slugify(raw, fallback)
