"""What every page that shows a claim marks on it: the low-confidence flag, an editor's verified and
corrected marks, the claim's anchor and its copy-link control, the legend that explains them, and
the article text with each claim's words wrapped so that a link can highlight them.

One place for all of it, so briefs, speaker, topic and timeline pages (and the review queue) mark
a claim alike. Inline HTML built here from safe values only: an id is printed only when it is
made of letters, digits and dashes (`anchor`), everything else goes through html.escape.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from generator.model import LOW_CONFIDENCE, Brief, Claim
from generator.render.markup import md_escape

# Material Design Icons (Apache 2.0), the theme's own set. The site draws them from its stylesheet
# (quotebrief.css, so a page does not repeat them per claim); the book inlines them (`icon`).
_ICONS = {
    "flag": "M14.4 6 14 4H5v17h2v-7h5.6l.4 2h7V6h-5.6z",
    "check": "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59 21 7z",
    "pencil": "M20.71 7.04c.39-.39.39-1.04 0-1.41l-2.34-2.34c-.37-.39-1.02-.39-1.41 0l-1.84 1.83 3.75 "
              "3.75M3 17.25V21h3.75L17.81 9.93l-3.75-3.75L3 17.25z",
    "link": "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 "
            "13h8v-2H8v2m9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10z",
}
FLAG_TIP = ("Low confidence ({:.2f}): the extractor is unsure of this claim or of who said it; "
            "check it against the article")
VERIFIED_TIP = "Checked by an editor (corrections.yml)"
CORRECTED_TIP = "Corrected by an editor (corrections.yml): {}"


def icon(name: str) -> str:
    return (f'<svg class="qb-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" '
            f'focusable="false"><path d="{_ICONS[name]}"/></svg>')


_SAFE_ID = re.compile(r"[A-Za-z0-9-]{1,80}")
_KINDS = {"direct", "indirect", "mixed", "stance"}


def anchor(claim: Claim) -> str:
    """The claim's id on pages: its stable id, safe in HTML and Markdown as it is (md_escape leaves
    it alone); a claim with none (made by hand) or with another (a tampered cache) is named by its span.
    Cheap on purpose: every page that shows a claim asks for it."""
    cid = claim.id
    if cid and isinstance(cid, str) and _SAFE_ID.fullmatch(cid):
        return cid
    return f"at-{int(claim.start)}-{int(claim.end)}"


def claim_classes(claim: Claim) -> Markup:
    """CSS classes of a claim's block: its kind, and flagged / verified / corrected."""
    classes = f"qb-claim qb-{claim.kind if claim.kind in _KINDS else 'other'}"
    if claim.flagged:
        classes += " qb-flagged"
    if claim.verified:
        classes += " qb-is-verified"
    if claim.corrected:
        classes += " qb-is-corrected"
    return Markup(classes)


def flag(claim: Claim) -> Markup:
    """The low-confidence mark (empty for a claim that is not flagged): icon, words, colour, tooltip."""
    if not claim.flagged:
        return Markup("")
    tip = html.escape(FLAG_TIP.format(claim.confidence))
    return Markup(f'<span class="qb-flag" title="{tip}" role="note" aria-label="{tip}">'
                  f"low confidence {claim.confidence:.2f}</span>")


def editor_marks(claim: Claim) -> Markup:
    """'verified' and 'corrected (speaker, kind)' marks, when an editor's corrections touched the claim."""
    out = []
    if claim.verified:
        out.append(f'<span class="qb-verified" title="{html.escape(VERIFIED_TIP)}">verified</span>')
    if claim.corrected:
        what = ", ".join(claim.corrected)
        tip = html.escape(CORRECTED_TIP.format(what))
        out.append(f'<span class="qb-corrected" title="{tip}">corrected ({html.escape(what)})</span>')
    return Markup(" ".join(out))


_NONE = Markup("")


def marks(claim: Claim) -> Markup:
    """Flag and editor's marks, each after a ' · ' (empty when there are none: most claims)."""
    if not (claim.verified or claim.corrected or claim.flagged):
        return _NONE
    parts = [str(m) for m in (flag(claim), editor_marks(claim)) if m]
    return Markup("".join(f" · {p}" for p in parts))


def permalink(claim: Claim, brief_href: str = "") -> Markup:
    """The copy-link control: a Markdown link to the claim on its brief (`brief_href`, a .md path, so
    MkDocs makes it a URL; empty on the brief itself); javascript copies its whole address."""
    return Markup(f'[link]({brief_href}#claim-{anchor(claim)}){{ .qb-permalink title="Copy a link to this claim" }}')


def legend(claims, review_href: str) -> Markup:
    """The key to the marks (Markdown), for a page that shows claims; only the marks that page uses.
    `review_href`: the review queue's .md path from that page."""
    claims = list(claims)
    parts = []
    if any(c.flagged for c in claims):
        parts.append(f'<span class="qb-flag">low confidence</span> below {LOW_CONFIDENCE:.1f}: '
                     "the extractor is unsure of the claim or of who said it; check it against the article "
                     f"(all of them: the [review queue]({review_href}))")
    if any(c.verified for c in claims):
        parts.append('<span class="qb-verified">verified</span>: checked by an editor')
    if any(c.corrected for c in claims):
        parts.append('<span class="qb-corrected">corrected</span>: changed by an editor')
    if not parts:
        return Markup("")
    return Markup('<p class="qb-legend" data-search-exclude markdown>' + " · ".join(parts) + "</p>\n\n")


def _esc(segment: str) -> str:
    """md_escape, keeping one space where the segment began or ended with spacing."""
    if not segment:
        return ""
    body = md_escape(segment)
    if not body:
        return " "
    return (" " if segment[0].isspace() else "") + body + (" " if segment[-1].isspace() else "")


def article_paragraphs(brief: Brief) -> list[tuple[int, Markup]]:
    """(number, Markdown) of each paragraph of the article, every claim's words wrapped in
    `<span class="qb-words" id="w-<claim id>">`, so the claim's ¶ link can highlight them
    (CSS :target). A claim inside another claim's words gets an empty anchor where it starts."""
    from generator.extract.claims import paragraph_starts

    text = brief.article.text
    starts = paragraph_starts(text)
    claims = sorted(brief.claims, key=lambda c: (c.start, -c.end))
    out = []
    k = 0
    for i, s in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        lead = len(text[s:end]) - len(text[s:end].lstrip())
        ps, pe = s + lead, s + len(text[s:end].rstrip())
        if pe <= ps:
            continue
        while k < len(claims) and claims[k].start < ps:
            k += 1
        pieces, at, nested = [], ps, []
        j = k
        while j < len(claims) and claims[j].start < pe:
            c = claims[j]
            j += 1
            cid = anchor(c)
            if c.start < at:  # inside the words of the claim before
                nested.append(cid)
                continue
            cend = min(c.end, pe)
            pieces.append(_esc(text[at:c.start]))
            pieces.append(f'<span class="qb-words" id="w-{cid}">{_esc(text[c.start:cend])}</span>')
            at = cend
        pieces.append(_esc(text[at:pe]))
        # claims nested in others: an anchor at the paragraph's start, so their links still land here
        lead_anchors = "".join(f'<span id="w-{cid}"></span>' for cid in nested)
        out.append((i + 1, Markup(lead_anchors + "".join(pieces).strip())))
    return out


def book_marks(claim: Claim) -> Markup:
    """The flag and editor's marks for the briefing book (WeasyPrint): the icons inline, since the
    book has no site stylesheet to draw them; the same words and colours as the site's light scheme."""
    out = []
    if claim.flagged:
        out.append(f'<span class="qb-flag">{icon("flag")}low confidence {claim.confidence:.2f}</span>')
    if claim.verified:
        out.append(f'<span class="qb-verified">{icon("check")}verified</span>')
    if claim.corrected:
        out.append(f'<span class="qb-corrected">{icon("pencil")}corrected ({html.escape(", ".join(claim.corrected))})'
                   "</span>")
    return Markup("".join(f" · {m}" for m in out))
