"""Stable claim ids: what corrections.yml and the `#claim-<id>` permalinks are keyed by.

An id must survive a re-extraction and an extractor upgrade wherever the claim is still
found, so it never hashes offsets or the claim's own span (both move when the extractor
improves). It hashes what the article text says around the claim instead: the article's
id, the words of the sentence in which the claim's content starts, and how many claims
started in a sentence with those words before it. So the same text gives the same ids, a
span nudged within its sentence keeps its id, and an edit to another sentence changes no
other claim's id. Sentences are cut by a plain rule on the text (not by the parser, whose
sentences change with the model).
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from bisect import bisect_right

from generator.model import Claim

ID_LENGTH = 10  # base32 characters: 50 bits, so a clash within 100,000 claims has odds of about 1 in 200,000

# A sentence ends at . ! ? or … (closing quotes and brackets after it included) before a space
# and a capital, digit or opening quote; a paragraph break ends one too.
_END = re.compile(r"""[.!?\u2026]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])|\n[ \t]*\n""")
# "Mr. Smith", "J. Smith", "U.S. officials": a full stop after these ends no sentence
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
                  "jr", "sr", "mt", "rev", "hon", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "aug",
                  "sept", "oct", "nov", "dec"}
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def sentence_starts(text: str) -> list[int]:
    """Offsets at which the plain-text sentences of `text` start (0 first)."""
    starts = [0]
    for m in _END.finditer(text):
        if m.group().startswith(".") and not m.group().startswith(".."):
            word = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        starts.append(m.end())
    return starts


def _words(text: str) -> str:
    """The sentence as its words only: case, quote styles, punctuation and spacing do not count."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def _digest(*parts: str) -> str:
    raw = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return base64.b32encode(raw).decode("ascii").lower()[:ID_LENGTH]


def assign_ids(article_id: str, text: str, claims: list[Claim]) -> list[Claim]:
    """Give each claim its stable id (in place; claims in any order); returns `claims`."""
    starts = sentence_starts(text)
    seen: dict[str, int] = {}
    taken: set[str] = set()
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        content = re.search(r"\w", claim.text)
        at = claim.start + (content.start() if content else 0)
        k = bisect_right(starts, at) - 1
        sentence = _words(text[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(text)])
        n = seen.get(sentence, 0)
        seen[sentence] = n + 1
        cid = _digest(article_id, sentence, str(n))
        while cid in taken:  # two hashes alike within one article: vanishingly rare, but ids must differ
            n += 1
            cid = _digest(article_id, sentence, str(n), "again")
        taken.add(cid)
        claim.id = cid
    return claims
