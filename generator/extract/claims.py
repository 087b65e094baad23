"""From a parsed article to its claims and speakers. Pure functions, no I/O.

Three passes over the spaCy parse:

1. reported speech (cues.py): a cue and its content; quote marks inside the content make
   it mixed, nothing but a quote makes it direct.
2. direct quotes (direct.py): a quote that no reported claim holds gets the cue of its
   sentence, or of the sentence before when that ends in a colon; a quote with no cue of its
   own goes to the speaker of the claim before it. Short quotes with no cue (scare quotes,
   titles) are not claims.
3. headline and transcript attribution ("Lavrov: West is ...", "WALLACE: ...").

Speakers are resolved by resolve.py (names, pronouns, descriptions, organisations,
roles). Photo captions are not article text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from generator.extract import quotes as quote_marks
from generator.extract.confidence import confidence
from generator.extract.cues import drop_embedded, is_request, reported_candidates
from generator.extract.direct import (
    adjacent_cue,
    attach_floating,
    attributes,
    cut_at_sentence,
    merge_chains,
    merge_split_quotes,
    quote_candidates,
    snap_to_quotes,
)
from generator.extract.headlines import headline_candidates
from generator.extract.ids import assign_ids
from generator.extract.lexicon import PARTY_FULL_NAME, TRAILING
from generator.extract.mentions import body_title
from generator.extract.quotes import Quote, caption_spans
from generator.extract.resolve import Resolver
from generator.extract.tree import Candidate, _span_of
from generator.model import Article, Brief, Claim, Span, Speaker, paragraph_starts
from generator.slugs import slugify


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included (see generator.quotes)."""
    return [(q.start, q.end) for q in quote_marks.find_quotes(text)]


def paragraph_of(starts: list[int], offset: int) -> int:
    """1-based number of the paragraph holding `offset` (starts: sorted paragraph starts)."""
    return max(bisect_right(starts, offset) - 1, 0) + 1


def extract(doc, article: Article, *, stances: bool = False) -> Brief:
    """Claims and speakers of one parsed article. With `stances`, also what people believe, want
    or plan (kind "stance"); by default only acts of communication are claims."""
    text = article.text
    captions = caption_spans(text)
    quotes = quote_marks.find_quotes(text, captions)
    qranges = [(q.start, q.end) for q in quotes]
    cast = Resolver(doc, captions, qranges, article.title or "")

    cands = reported_candidates(doc, captions, qranges)
    # what a request reports is no claim, but its words are someone's, not the article's: a body
    # named in them ("asked the court to stop Apple") is not who a later "it" goes on with
    unsaid = [(c.start, c.end) for c in cands if c.stance and c.cue_tok is not None and is_request(c.cue_tok)]
    if not stances:
        cands = [c for c in cands if not c.stance]
    snap_to_quotes(text, cands, quotes)
    exact: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        exact.setdefault((q.start, q.end), q)
    opening = {q.start: q for q in quotes}
    for c in cands:  # a quote reported with "said": the words next to it name the speaker
        q = exact.get((c.start, c.end))
        if q is None and c.subject is None and c.cue_tok is not None and c.start in opening:
            # '"...," Jeff Joseph, from the CEA told ...': the parse made the speaker part of the
            # content; the words between quote and cue name him, the quote alone is the content
            q = opening[c.start]
            if not q.end < c.end <= c.cue_tok.idx:
                q = None
            elif (near := adjacent_cue(doc, text, q)) is not None and near[0].i == c.cue_tok.i:
                c.end = q.end
        near = adjacent_cue(doc, text, q) if q is not None and c.cue_tok is not None else None
        if near is not None and near[0].i == c.cue_tok.i:
            c.subject, c.mention = near[1], near[2]
    cut_at_sentence(text, cands, quotes)
    cands = drop_embedded(cands)
    cands += headline_candidates(text, captions)
    cands += quote_candidates(doc, text, quotes, cands, captions)
    cands = merge_chains(text, cands, quotes)
    cands = merge_split_quotes(text, cands)
    cands.sort(key=lambda c: c.start)
    cands = attach_floating(text, cands)
    cands = drop_inside_split_quotes(cands)

    cast.prepare([(c.start, c.end) for c in cands] + ([] if stances else unsaid),
                 frozenset(c.subject.i for c in cands if c.subject is not None))
    claims, speakers = [], {}
    for cand in cands:
        claim = _claim(text, cand, quotes, cast, speakers)
        if claim is not None:
            claims.append(claim)
    for speaker in speakers.values():
        if speaker.name in cast.people_by_pronoun:
            speaker.kind = "person"  # "Sloncek said ... He said": a person the model took for a body
    claims = [part for claim in claims for part in split_paragraphs(text, claim, quotes)]
    claims.sort(key=lambda c: c.start)
    starts = paragraph_starts(text)
    _floating_speakers(claims, starts)
    for claim in claims:
        claim.paragraph = paragraph_of(starts, claim.start)
    assign_ids(article.id, text, claims)
    used = {c.speaker for c in claims if c.speaker}
    return Brief(article=article, speakers=[s for k, s in speakers.items() if k in used], claims=claims)


def drop_inside_split_quotes(cands: list[Candidate]) -> list[Candidate]:
    """'"A," Clark said, noting he would stand. "B."': a quote whose parts are joined across its
    attribution is one claim from its first mark to its last (bbc-speech/GUIDE); what the
    attribution between the parts reports (a verb hanging on the quote's cue) is inside it, not a
    claim of its own. Candidates in order of their starts: the joined quote reaching furthest so
    far decides."""
    out, reach, holder = [], -1, None
    for c in cands:
        if holder is not None and c.end <= reach and c.start >= holder.start and c.source not in ("quote", "floating") \
                and len(holder.fragments) > 1 and c.cue_tok is not None and attributes(c, holder):
            continue
        out.append(c)
        if c.fragments and c.end > reach:
            reach, holder = c.end, c
    return out


def _floating_speakers(claims: list[Claim], starts: list[int]) -> None:
    """A quote with no cue goes to the speaker of the claim before it (within two
    paragraphs), else of the claim after it in the same paragraph."""
    following = [len(claims)] * (len(claims) + 1)  # the first claim at or after k with a speaker
    for k in range(len(claims) - 1, -1, -1):
        following[k] = k if claims[k].speaker else following[k + 1]
    for k, claim in enumerate(claims):
        if claim.cue is not None or claim.speaker is not None:
            continue
        par = paragraph_of(starts, claim.start)
        near = None
        for j in range(k - 1, -1, -1):
            if claims[j].speaker and par - paragraph_of(starts, claims[j].start) <= 2:
                near = claims[j]
                break
            if claims[j].speaker or par - paragraph_of(starts, claims[j].start) > 2:
                break
        if near is None:
            j = following[k + 1]  # later claims are not given speakers yet
            after = claims[j] if j < len(claims) else None
            if after is not None and paragraph_of(starts, after.start) == par:
                near = after
        if near is not None:
            claim.speaker = near.speaker
            claim.speaker_mention = near.speaker_mention
            claim.confidence = round(min(near.confidence, claim.confidence), 2)


def split_paragraphs(text: str, claim: Claim, quotes: list[Quote]) -> list[Claim]:
    """A quote that runs on into the next paragraph is a new claim there (speech convention): one
    claim per paragraph, all of the same speaker; the cue and mention stay with the paragraph they
    are in (or nearest to)."""
    cuts = [m for m in re.finditer(r"\n\s*\n\s*", text[claim.start:claim.end])]
    if not cuts:
        return [claim]
    bounds, s = [], claim.start
    for m in cuts:
        bounds.append((s, claim.start + m.start()))
        s = claim.start + m.end()
    bounds.append((s, claim.end))
    anchor = claim.cue.start if claim.cue else claim.start
    home = min(range(len(bounds)), key=lambda k: 0 if bounds[k][0] <= anchor < bounds[k][1]
               else min(abs(anchor - bounds[k][0]), abs(anchor - bounds[k][1])))
    parts = []
    for k, (ps, pe) in enumerate(bounds):
        ps, pe = _trim(text, ps, pe)
        if pe <= ps:
            continue
        frags = [Span(text[max(f.start, ps):min(f.end, pe)], max(f.start, ps), min(f.end, pe))
                 for f in claim.fragments if f.start < pe and ps < f.end]
        kind = claim.kind if claim.kind in ("stance", "direct") else _kind(text, ps, pe, quotes, frags)
        parts.append(Claim(kind=kind, text=text[ps:pe], start=ps, end=pe, speaker=claim.speaker,
                           cue=claim.cue if k == home else None,
                           speaker_mention=claim.speaker_mention if k == home else None,
                           confidence=claim.confidence, fragments=frags if len(frags) > 1 else []))
    return parts or [claim]


def _kind(text: str, s: int, e: int, quotes: list[Quote], fragments: list[Span] = ()) -> str:
    near, exact = _near_quotes(quotes, s, e)
    if fragments and all((f.start, f.end) in exact for f in fragments):
        return "direct"  # a quote split by its attribution
    inside = [q for q in near if s <= q.start and q.end <= e]
    if not inside:
        partial = [q for q in near if q.start < e and s < q.end]
        return "mixed" if partial else "indirect"
    rest = text[s:e]
    for q in sorted(inside, key=lambda q: -q.start):
        rest = rest[: q.start - s] + rest[q.end - s:]
    rest = re.sub(r"\b(?:that|said|says|he|she|they|it|and|adding|added)\b", "", rest)
    return "direct" if not re.search(r"\w", rest) else "mixed"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while True:
        while s < e and text[s] in TRAILING:
            s += 1
        while e > s and text[e - 1] in TRAILING:
            e -= 1
        m = re.search(r"\s(?:and|but|or)$", text[s:e])
        if not m:
            return s, e
        e = s + m.start()


SHARES = {"%", "percent", "cent", "quarter", "quarters", "third", "thirds", "half", "fifth", "fifths", "tenth",
          "tenths"}


def survey_share(subj) -> bool:
    """'40% said', 'a quarter of web users said', 'one in five said', 'two-thirds of voters
    told': a share of people answering a survey (bbc-speech/GUIDE: findings are no claims)."""
    if subj.ent_type_ == "PERCENT" or subj.lower_ in SHARES:
        return True
    return subj.like_num and any(c.lower_ == "in" and any(g.like_num for g in c.children) for c in subj.children)


_quote_index: list = [None, 0, [], [], set()]  # the last quote list seen: it, its length, starts, ends, spans


def _near_quotes(quotes: list[Quote], s: int, e: int) -> tuple[list[Quote], set[tuple[int, int]]]:
    """The quotes that may overlap text[s:e], and the (start, end) of every quote. Why: a scan of
    every quote for every claim was quadratic in a quote-dense article (4,400 quotes: 2.5 s, and
    four times that at twice the size); quotes come in text order without overlapping, so their
    starts and ends are both sorted and a bisection finds the few near a claim. The index is made
    once per list of quotes (an article's)."""
    index = _quote_index
    if index[0] is not quotes or index[1] != len(quotes):
        starts, ends = [q.start for q in quotes], [q.end for q in quotes]
        ordered = all(a <= b for a, b in zip(ends, starts[1:], strict=False))
        index[:] = [quotes, len(quotes), starts if ordered else None, ends, {(q.start, q.end) for q in quotes}]
    _, _, starts, ends, exact = index
    if starts is None:  # not in order (never from find_quotes): every quote
        return quotes, exact
    return quotes[bisect_right(ends, s):bisect_left(starts, e)], exact


def _claim(text: str, cand: Candidate, quotes, cast: Resolver, speakers: dict) -> Claim | None:
    s, e = _trim(text, cand.start, cand.end)
    if e <= s:
        return None
    kind = "stance" if cand.stance else _kind(text, s, e, quotes, cand.fragments)
    if kind == "direct" and text[s:s + 5].lower() == "that ":
        s += 5
    if cand.subject is not None and survey_share(cand.subject):
        return None  # "40% said they ...": the finding of a survey, no act of communication
    claim = Claim(kind=kind, text=text[s:e], start=s, end=e, cue=cand.cue, fragments=cand.fragments)
    name, skind, person, named = None, "person", None, True
    how = "none"
    if cand.subject is not None:
        res = cast.speaker_of(cand.subject, s, e)
        name, skind, person, named = res.name, res.kind, res.person, res.named
        how = res.how
        if cand.mention is not None:
            claim.speaker_mention = cand.mention
        else:
            ms, me = _span_of(cast.mention_tokens(cand.subject))
            claim.speaker_mention = Span(text[ms:me], ms, me)
    elif cand.mention is not None:
        claim.speaker_mention = cand.mention
        names = cast.full_names(cand.mention.text.split()[-1])
        name = names[0] if names else cand.mention.text.title() if cand.mention.text.isupper() else cand.mention.text
        person = cast.people.get(name)
        how = "headline"
    elif cand.speaker_name is not None:
        name, skind, how = cand.speaker_name, cand.speaker_kind, "fixed"
    if cand.source in ("floating", "continuation"):
        how = "floating"
    claim.confidence = confidence(cand, how, name, cast, place=skind == "place", kind=kind)
    if name and name.lower() in PARTY_FULL_NAME:  # "the Tories", "Lib Dems": the party by its full name
        name, skind = PARTY_FULL_NAME[name.lower()], "organisation"
    elif name and skind == "organisation":
        name = body_title(name, text)
    if name:
        sid = slugify(name, fallback="unknown")
        if sid not in speakers:
            speakers[sid] = Speaker(id=sid, name=name, kind=skind,
                                    role=person.role if person else None,
                                    affiliation=person.affiliation if person else None, named=named)
        claim.speaker = sid
    return claim
