"""Claims as pages show them: paragraphs, the lede, a brief's speakers with their claims, briefs in order."""

from __future__ import annotations

from markupsafe import Markup

from generator.model import Brief, Claim, Corpus


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(number, text) of each non-empty paragraph, numbered like Claim.paragraph."""
    from generator.extract.claims import paragraph_starts

    starts = paragraph_starts(text)
    out = []
    for i, s in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        chunk = text[s:end].strip()
        if chunk:
            out.append((i + 1, chunk))
    return out


def lede(brief: Brief, limit: int = 320) -> str:
    paras = paragraphs(brief.article.text)
    first = paras[0][1] if paras else ""
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


UNNAMED = "Unnamed sources"


def speaker_sections(brief: Brief) -> list[dict]:
    """Speakers with their claims, most claims first; claims of unnamed sources ("analysts said")
    last. Each section's `said` are its acts of communication, `stances` (with the stances
    option) what the speaker believes, wants or plans, shown apart."""
    groups: dict[str | None, list[Claim]] = {}
    for claim in brief.claims:
        groups.setdefault(claim.speaker, []).append(claim)
    sections = []
    for sid, claims in groups.items():
        speaker = brief.speaker(sid)
        sections.append({"speaker": speaker, "claims": claims,
                         "said": [c for c in claims if c.kind != "stance"],
                         "stances": [c for c in claims if c.kind == "stance"],
                         "name": speaker.name if speaker else UNNAMED})
    sections.sort(key=lambda s: (s["speaker"] is None, -len(s["claims"]), s["name"]))
    return sections


def sorted_briefs(corpus: Corpus) -> list[Brief]:
    """Newest first; undated last, then by title."""
    dated = sorted((b for b in corpus.briefs if b.article.date), key=lambda b: (b.article.date, b.article.title),
                   reverse=True)
    undated = sorted((b for b in corpus.briefs if not b.article.date), key=lambda b: b.article.title)
    return dated + undated


def briefs_order(corpus: Corpus) -> Markup:
    """How `sorted_briefs` orders this corpus, in words, so a list never claims an order it does not
    have. Markup: our own words, printed as they are in Markdown and in HTML alike."""
    undated = sum(1 for b in corpus.briefs if not b.article.date)
    if not corpus.briefs or undated == 0:
        return Markup("newest first")
    if undated == len(corpus.briefs):
        return Markup("by title (no article has a date)")
    return Markup(f"newest first, then the {int(undated)} undated by title")


# ---------------------------------------------------------------- who said it, and how

_IRREGULAR = {"say": "said", "says": "said", "saying": "said", "tell": "told", "tells": "told", "telling": "told",
              "write": "wrote", "writes": "wrote", "writing": "wrote", "speak": "spoke", "speaks": "spoke",
              "speaking": "spoke", "read": "read", "reads": "read", "reading": "read", "think": "thought",
              "thinks": "thought", "thinking": "thought", "hold": "held", "holds": "held", "insist": "insisted"}
# Verbs after which reported words read as "X said that ...": the rest take a colon ("X urged: ...",
# "X told: ...", since "told" wants its listener first).
_THAT = {"said", "noted", "added", "stated", "claimed", "denied", "warned", "insisted", "argued",
         "suggested", "announced", "confirmed", "reported", "explained", "acknowledged", "admitted",
         "believed", "thought", "agreed", "predicted", "replied", "wrote", "stressed", "maintained"}


def _past(word: str) -> str:
    """A speech verb in the simple past, as a page tells what was said ("says" -> "said")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _IRREGULAR.values():
        return w
    if w.endswith("ed"):
        return w
    if w.endswith("ing") and len(w) > 5:
        return w[:-3] + "ed"
    if w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w + ("d" if w.endswith("e") else "ed")


def attribution(claim: Claim) -> dict:
    """How a page introduces a claim: {"verb": "said", "mode": "that" | "colon" | "according"}.

    From the claim's cue ("says" -> said, "accuses Israel of" -> accused Israel of, "According to"
    -> according); a direct quote always takes a colon, reported words "that" after a verb of saying."""
    cue = " ".join((claim.cue.text if claim.cue else "").split())
    if not cue:
        return {"verb": "said", "mode": "colon" if claim.kind in ("direct", "mixed") else "that"}
    if cue.lower().startswith("according to"):
        return {"verb": "", "mode": "according"}
    words = cue.split()
    verb = " ".join([_past(words[0]), *words[1:]])
    that = claim.kind not in ("direct", "mixed") and len(words) == 1 and verb in _THAT
    return {"verb": verb, "mode": "that" if that else "colon"}


def short_name(speaker) -> str:
    """A person by surname ("Lavrov"), anything else by its whole name."""
    if speaker is None:
        return UNNAMED
    words = speaker.name.split()
    return words[-1] if speaker.kind == "person" and len(words) > 1 and speaker.named else speaker.name


def _quote_key(text: str) -> str:
    """Two claims are one quotation when their words agree (case, quote marks and punctuation aside)."""
    import re

    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def merged_claims(claims: list[tuple[Brief, Claim]]) -> list[dict]:
    """One speaker's claims with repeated quotations merged: [{claim, sources: [(brief, claim)]}],
    in the order of each one's first source (claims come oldest first). The same words carried by
    several articles are one entry listing every brief as a source."""
    entries: dict[str, dict] = {}
    seen: set[tuple[str, str]] = set()  # (quotation, article): each brief once per quotation
    for brief, claim in claims:
        key = _quote_key(claim.text) or f"#{id(claim)}"
        entry = entries.setdefault(key, {"claim": claim, "sources": []})
        if (key, brief.article.id) not in seen:
            seen.add((key, brief.article.id))
            entry["sources"].append((brief, claim))
    return list(entries.values())
