"""Claims as pages show them: paragraphs, the lede, a brief's speakers with their claims, briefs in order."""

from __future__ import annotations

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
