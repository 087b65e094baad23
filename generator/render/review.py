"""The review queue: every flagged claim (low confidence, not yet verified or reattributed by an
editor), lowest confidence first, with what an editor needs to check it and the id to paste into
corrections.yml. The page `review/` and `quotebrief review` print the same rows."""

from __future__ import annotations

from markupsafe import Markup

from generator.model import LOW_CONFIDENCE, Brief, Claim, Corpus
from generator.render.markup import front_matter, short


def review_queue(corpus: Corpus) -> list[tuple[Brief, Claim]]:
    """Flagged claims with their briefs: lowest confidence first, then by article and place."""
    rows = [(b, c) for b in corpus.briefs for c in b.claims if c.flagged]
    rows.sort(key=lambda bc: (bc[1].confidence, bc[0].article.id, bc[1].start))
    return rows


def speaker_of(corpus: Corpus, claim: Claim) -> str:
    speaker = corpus.speakers.get(claim.speaker) if claim.speaker else None
    return speaker.name if speaker else "unattributed"


def review_rows(corpus: Corpus) -> list[dict]:
    """One dict per queued claim: confidence, id, article (id, title), speaker, mention, words."""
    return [{"confidence": f"{c.confidence:.2f}", "id": c.id, "article": b.article.id, "title": b.article.title,
             "speaker": speaker_of(corpus, c), "mention": c.speaker_mention.text if c.speaker_mention else "",
             "words": short(c.text, 120), "brief": b, "claim": c} for b, c in review_queue(corpus)]


def review_lines(corpus: Corpus) -> list[str]:
    """The queue as tab-separated lines for a terminal or a script, a header first."""
    lines = ["confidence\tclaim\tarticle\tspeaker\tmention\twords"]
    for row in review_rows(corpus):
        cells = [row[k] for k in ("confidence", "id", "article", "speaker", "mention", "words")]
        lines.append("\t".join(" ".join(str(v).split()) for v in cells))
    return lines


def render_review(env, corpus: Corpus) -> dict[str, str]:
    """The page `review/`: kept out of search (it is for the editor, and repeats claims)."""
    rows = review_rows(corpus)
    claims = sum(len(b.claims) for b in corpus.briefs)
    verified = sum(1 for b in corpus.briefs for c in b.claims if c.verified)
    return {"review/index.md": front_matter({"search": {"exclude": True}}) + env.get_template("review.md.j2").render(
        rows=rows, claims=claims, verified=verified, threshold=Markup(f"{LOW_CONFIDENCE:.1f}"))}
