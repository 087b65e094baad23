"""Slugs and safe ids: file names made from untrusted text, used by every stage that names a page."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 80


_LATIN = "ł l ø o đ d ð d þ th ß ss æ ae œ oe ı i ŋ ng ħ h ŧ t"
_CYRILLIC = ("а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
             "ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya і i є ye ґ g ў u ј j љ lj њ nj ћ c ђ dj џ dz ѕ dz")
_GREEK = ("α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch "
          "ψ ps ω o")
_TRANSLIT = dict(zip(*[iter(f"{_LATIN} {_CYRILLIC} {_GREEK}".split())] * 2, strict=True))
"""Letters that do not decompose into a Latin letter and an accent, with their usual Latin spelling
(Cyrillic and Greek by common romanisation); a sign that has none (ъ, ь) becomes '-' then vanishes."""


def _latin(value: str) -> str:
    """Letters in Latin where there is a usual spelling; accents dropped; other letters and digits
    (Chinese, Arabic, ...) kept as they are: a slug never loses a letter (Мaria, with a Cyrillic М,
    is maria, not aria)."""
    out = []
    for ch in unicodedata.normalize("NFKD", value):
        if ch.isascii():
            out.append(ch)
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(_TRANSLIT.get(ch.lower(), ch.lower() if ch.isalnum() else "-"))
    return "".join(out)


def slugify(value: str, fallback: str = "article") -> str:
    """A safe file-name slug: letters (Latin where there is a usual spelling), digits and dashes only,
    never a path."""
    value = _latin(str(value)[:4 * MAX_ID_LENGTH])
    value = re.sub(r"[\W_]+", "-", value).strip("-").lower()
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
