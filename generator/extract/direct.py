"""Direct quotes: the attribution next to a quote, quotes split by their attribution,
quotes with no cue of their own (headline and transcript attribution: headlines.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from generator.extract.lexicon import CLAUSE_CUES, MIN_QUOTE_WORDS, NAMING_CUES, XCOMP_CUES
from generator.extract.mentions import age_of
from generator.extract.quotes import Quote
from generator.extract.ranges import FirstAbove, Ranges, first_at_or_after
from generator.extract.tree import Candidate, _cue_span, _mention, subject_of
from generator.model import Span


def snap_to_quotes(text: str, cands: list[Candidate], quotes: list[Quote]) -> None:
    """A content that starts or ends inside a quote takes the whole quote (marks included):
    the parse often leaves a closing mark or an opening "But" outside the clause.

    Quotes are in text order. A content only ever grows, so of the quotes that start inside it
    only those ending past its end change it, and of those that start before it only those
    ending past its start: each is found in log time (FirstAbove), never by scanning every
    quote, as nested contents (a paragraph of '"...," he said, "...' parsed as one chain)
    hold thousands of them."""
    ends = FirstAbove([q.end for q in quotes])
    starts = [q.start for q in quotes]
    for c in cands:
        k = 0
        while True:
            before = k < len(quotes) and quotes[k].start < c.start
            k = ends.first(k, c.start if before else c.end)
            if k is None:
                break
            q = quotes[k]
            if before and q.start >= c.start:
                continue  # past the quotes that start before the content: look for one ending past it
            if q.start >= max(c.start, c.end):
                break  # starts past the content's end, as do all later ones
            starts_inside = c.start <= q.start < c.end
            opens_content = q.start < c.start < q.end and (c.start - q.start < 40 or q.paragraphs > 1)
            if starts_inside or opens_content:
                c.start, c.end = min(c.start, q.start), max(c.end, q.end)
            k += 1
        k = 0
        while (k := ends.first(k, c.start)) is not None and quotes[k].start < c.start:
            q = quotes[k]
            # '"Why did nobody claim? It was clear," he said': the parse starts the content at the
            # quote's last sentence; the claim is the whole quote
            # (or at a clause of it: '"I met them, and they know it," he told'): the words a cue
            # after the quote reports are the quote, not the clause the parse hung on the cue
            if q.start < c.start < q.end and q.end - 3 <= c.end <= q.end + 3 \
                    and (re.search(r"[.?!]\W*\s", text[q.start:c.start])
                         or (c.cue_tok is not None and c.cue_tok.idx >= q.end)):
                c.start, c.end = q.start, max(c.end, q.end)
            k += 1
        k = first_at_or_after(starts, c.start)  # the first quote at or after the content's start
        first = None
        if k < len(quotes) and (quotes[k].start == c.start or not text[c.start:quotes[k].start].strip(' "\u201c')):
            first = quotes[k]  # any later quote has a word before it
        if first is not None and first.end < c.end:
            after = text[first.end:c.end].lstrip()
            if after[:1] in ("-", "\u2014", "\u2013", "("):
                c.end = first.end  # '"..." -- a possible reference to ...' is the writer's aside


class _Overlap:
    """Does a range overlap one of some claims (start < e and s < end), claims added in order of
    their starts: the claims starting before e are a prefix, the largest of their ends decides."""

    def __init__(self, cands):
        self.starts, self.reach = [], []
        for c in sorted(cands, key=lambda c: c.start):
            self.add(c)

    def add(self, c) -> None:
        self.starts.append(c.start)
        self.reach.append(c.end if not self.reach or c.end > self.reach[-1] else self.reach[-1])

    def any(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s


def is_title(inner: str) -> bool:
    """'Summit for Democracy', 'Fox News Sunday': capitalised words, no sentence."""
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019]*", inner)]
    if not words:
        return True
    small = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "with", "by"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and all(w[0].isupper() for w in content) and not re.search(r"[.!?]\W*$", inner)


def quote_candidates(doc, text: str, quotes: list[Quote], cands, captions) -> list[Candidate]:
    out: list[Candidate] = []
    # a claim that covers a quote overlaps it: one question, asked of the claims before and
    # of the quote claims found so far (whose starts come in text order, as the quotes')
    claimed, found = _Overlap(cands), _Overlap([])

    def keep(cand: Candidate) -> None:
        out.append(cand)
        found.add(cand)

    for q in quotes:
        if claimed.any(q.start, q.end) or found.any(q.start, q.end):
            continue
        inner = q.inner(text)
        if is_title(inner):
            continue
        if len(inner.split()) < MIN_QUOTE_WORDS:
            j = _rstripped(text, q.start, " \t")
            if j and text[j - 1] in (".", "!", "?", "\"", "\u201d", "'") and inner[-1:] in ".!?":
                # '"...," he said. "We're hopeful."': may continue the claim before it
                keep(Candidate(q.start, q.end, None, None, None, "continuation"))
            continue  # scare quotes, single quoted words
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        near = adjacent_cue(doc, text, q)
        if near is not None:
            tok, subj, mention = near
            keep(Candidate(q.start, q.end, _cue_span(tok), tok, subj, "quote", mention=mention))
            continue
        cue = _quote_cue(doc, q, span)
        if cue is not None:
            tok, subj = cue
            keep(Candidate(q.start, q.end, _cue_span(tok), tok, subj, "quote"))
            continue
        keep(Candidate(q.start, q.end, None, None, None, "floating"))
    return out


NP_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")
HEAD_POS = ("PROPN", "NOUN", "PRON")


def _head_word(tok) -> bool:
    """A word that can head a speaker's noun phrase: a noun or pronoun, or the "old" of an age
    ("the 36-year-old said", which the tagger reads as an adjective after the noun "year")."""
    return tok.pos_ in HEAD_POS or age_of(tok) is not None


def _speech_verb(tok) -> bool:
    return tok.lemma_.lower() in CLAUSE_CUES and tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("said", "says")


def adjacent_cue(doc, text: str, q: Quote):
    """News attribution right next to a quote, read from the words themselves (the parse of
    a sentence broken by quote marks is often wrong): '"...," said Lavrov', '"...," he said',
    '"...," Mr. Conant, the consultant, said', 'Lavrov said: "..."'.
    Returns (cue token, speaker head token, mention span) or None."""
    after = doc.char_span(q.end, min(len(text), q.end + 200), alignment_mode="expand")
    toks = []
    if after is not None:
        for t in after:
            if t.idx < q.end:
                continue
            if t.is_space and "\n" in t.text or t.is_quote or t.text in (".", "!", "?", ";"):
                break
            toks.append(t)
            if len(toks) >= 14:
                break
    while toks and toks[0].is_punct:
        toks.pop(0)
    if toks and _speech_verb(toks[0]):  # '"...," said Lavrov'
        run = []
        for t in toks[1:]:
            if t.pos_ in NP_POS or t.text == "." and run:
                run.append(t)
            else:
                break
        heads = [t for t in run if _head_word(t)]
        if heads:
            return toks[0], heads[-1], _mention(text, run[:run.index(heads[-1]) + 1])
    closed = _closes_sentence(text, q)
    for k, t in enumerate(toks):  # '"...," he said' / '"...," Mr. Conant, the consultant, said'
        if _speech_verb(t):
            if closed and (_has_content(t) or any(x.tag_ == "MD" for x in toks[:k])) \
                    or any(x.lower_ in ("who", "which", "whose") for x in toks[:k]):
                # '"... ." He suggested changing ...', '"..." Mr Barber, who said ...', '"... clean."
                # The task forces will report back to the council': a new sentence, not an attribution
                break
            before = [x for x in toks[:k]
                      if x.pos_ not in ("AUX", "ADV", "PART") or x.pos_ == "PART" and x.text in ("'s",)]
            np = []
            for x in toks[:k]:
                if x.text == "," or x.pos_ in ("AUX", "ADV", "VERB", "ADP", "SCONJ"):
                    break
                np.append(x)
            heads = [x for x in np if _head_word(x)]
            if heads and before and not any(x.pos_ == "VERB" for x in toks[:k]):
                return t, heads[-1], _mention(text, np[:np.index(heads[-1]) + 1])
            break
    # 'Lavrov said: "..."' / 'he added, "..."'
    prev = doc.char_span(max(0, q.start - 120), q.start, alignment_mode="contract")
    if prev is not None and len(prev) >= 2:
        toks = [t for t in prev if not t.is_space]
        if toks and toks[-1].text in (",", ":") and len(toks) >= 2 and _speech_verb(toks[-2]):
            verb = toks[-2]
            subj = subject_of(verb)
            if subj is not None and subj.i < verb.i and verb.i - subj.i <= 6:
                return verb, subj, None
    return None


def _closes_sentence(text: str, q: Quote) -> bool:
    """'"... the nation."': the quote ends its sentence (news attribution follows '," he said')."""
    return text[q.start:q.end].rstrip("\"'\u201d\u2019 ")[-1:] == "."


def _has_content(verb) -> bool:
    """A speech verb with its own clause, 'to' clause or object after it: the cue of a new claim."""
    return any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children)


def cut_at_sentence(text: str, cands: list[Candidate], quotes: list[Quote]) -> None:
    """'"... nation." He said the plan ...': a parse that runs two sentences together gives the
    cue of the second a content starting in the first. A clause whose content starts before a
    sentence end (outside quote marks) that comes before its cue keeps only what follows its cue."""
    inner = Ranges((q.start + 1, q.end - 1) for q in quotes)  # offsets strictly inside a quote's marks
    # the sentence ends outside quote marks, found once: a match is a property of the few
    # characters at its place, so a search between two offsets finds those of them that fit
    ends = [m.start() for m in SENTENCE_END_RE.finditer(text) if m.start() not in inner]
    for c in cands:
        if c.source != "clause" or c.cue is None or c.subject is None or c.start >= c.cue.start:
            continue
        who = c.subject.idx
        if c.cue.end >= c.end or not c.start < who < c.cue.start:
            continue
        k = first_at_or_after(ends, c.start)
        while k < len(ends) and ends[k] < who and not SENTENCE_END_RE.match(text, ends[k], who):
            k += 1  # cut short by `who` (then so is any later one)
        if k < len(ends) and ends[k] < who:
            j = c.cue.end
            while j < c.end and text[j] in " ,:":
                j += 1
            if text[j:min(j + 5, c.end)].lower() == "that ":
                j += 5
            c.start = j
SENTENCE_END_RE = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c]?[A-Z])")


def quote_chains(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """'"A. "B. "C."': a quote whose mark is never closed and is reopened at the next sentence
    (news style) is one quotation: (start, end) of each chain of two parts or more."""
    chains, cur = [], None
    for a, b in zip(quotes, quotes[1:]):
        gap = text[a.end:b.start]
        if not gap.strip() and "\n" not in gap and text[a.end - 1] not in ("\"", "\u201d", "'", "\u2019"):
            cur = (cur[0] if cur else a.start, b.end)
            continue
        if cur:
            chains.append(cur)
        cur = None
    if cur:
        chains.append(cur)
    return chains


def merge_chains(text: str, cands: list[Candidate], quotes: list[Quote]) -> list[Candidate]:
    """The parts of one chain of reopened quotes are one claim: the part with a cue (or the
    first) holds the whole chain; a claim that runs on past the chain keeps its own content."""
    out = list(cands)
    for s, e in quote_chains(text, quotes):
        parts = sorted((c for c in out if s <= c.start and c.end <= e), key=lambda c: c.start)
        if not parts or any(c not in parts and c.start < e and s < c.end for c in out):
            continue
        # 'X admitted: "A. "B. "C," X added.': a part with an attribution of its own after it,
        # in a chain whose opening has its own cue, is a new quote (two cues, two claims): the
        # mark before it was never closed, the chain before it ends there
        cued = [k for k, c in enumerate(parts) if c.source in ("quote", "clause") and c.cue_tok is not None]
        cut = next((k for k in cued if k and _attributed_after(text, parts[k])
                    and any(j < k and parts[j].cue_tok.i != parts[k].cue_tok.i for j in cued)), len(parts))
        for group in (parts[:cut], parts[cut:]):
            if not group:
                continue
            holder = next((c for c in group if c.cue_tok is not None and c.source in ("quote", "clause")), None) \
                or next((c for c in group if c.source not in ("continuation",)), group[0])
            holder.start, holder.end = group[0].start, max(c.end for c in group)
            if holder.source == "continuation":
                holder.source = "floating"
            out = [c for c in out if c is holder or c not in group]
    return out


def _attributed_after(text: str, c: Candidate) -> bool:
    """'"...," Ms Ray added': a quote closed after a comma (or ? !), its cue right after it."""
    gap = text[c.end:c.cue_tok.idx] if c.cue_tok.idx >= c.end else None
    return gap is not None and len(gap) <= 40 and not re.search(r"[.!?\n\"\u201c\u201d]", gap) \
        and not _has_content(c.cue_tok) \
        and re.search(r"[,?!][\"\u201d']+$", text[max(c.start, c.end - 4):c.end]) is not None


def _quote_cue(doc, q: Quote, span):
    """The speech verb (outside the quote) of the sentences the quote is in, and its subject;
    or the cue of a sentence just before that ends in a colon ('Caddell continued:')."""
    sents = []
    for tok in (span[0], span[-1]):
        if tok.sent not in sents:
            sents.append(tok.sent)
    best = None
    for sent in sents:
        for tok in sent:
            if q.start <= tok.idx < q.end or tok.pos_ not in ("VERB", "AUX"):
                continue
            naming = tok.lemma_.lower() not in CLAUSE_CUES | XCOMP_CUES
            if naming and not _names_the_quote(tok, q):
                continue
            subj = _naming_agent(tok) if naming else subject_of(tok)
            if subj is None or q.start <= subj.idx < q.end:
                continue
            dist = min(abs(tok.idx - q.start), abs(tok.idx - q.end))
            if best is None or dist < best[0]:
                best = (dist, tok, subj)
    if best is not None:
        return best[1], best[2]
    first = span[0].sent
    if first.start > 0:
        prev = doc[first.start - 1]
        while prev.is_space and prev.i > 0:
            prev = doc[prev.i - 1]
        if prev.text == ":" or prev.text.endswith(":"):
            root = prev.sent.root
            subj = subject_of(root)
            if subj is not None and root.pos_ in ("VERB", "AUX"):
                return root, subj
    return None


def _names_the_quote(tok, q: Quote) -> bool:
    """'X described it as "a historic day"', 'the plan, branded "a shambles" by X': a verb of naming
    whose complement is the quote is its cue (what X called it is what X said); not "dubbed" or
    "termed", which give nicknames."""
    if tok.lemma_.lower() not in NAMING_CUES - {"dub", "term"}:
        return False
    end = tok.right_edge
    return tok.idx < q.start and q.end <= end.idx + len(end.text) + 1


def _naming_agent(tok):
    """The speaker of a verb of naming: its "by" agent when passive or a participle ('described by
    X as'), none when passive with no agent, else its subject."""
    by = next((c for c in tok.children if c.lower_ == "by" and c.dep_ in ("agent", "prep")), None)
    agent = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    if agent is not None:
        return agent
    if tok.tag_ == "VBN" and (tok.dep_ in ("acl", "amod") or any(c.dep_ in ("auxpass", "nsubjpass")
                                                                  for c in tok.children)):
        return None
    return subject_of(tok)


def merge_split_quotes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'"A," he said, "B."' is one claim: join direct-quote claims that share a cue token."""
    by_cue: dict[int, list[Candidate]] = {}
    rest = []
    for c in cands:
        if c.cue_tok is not None and c.source in ("quote", "clause"):
            by_cue.setdefault(c.cue_tok.i, []).append(c)
        else:
            rest.append(c)
    for group in by_cue.values():
        if len(group) == 1:
            rest.append(group[0])
            continue
        group.sort(key=lambda c: c.start)
        first = group[0]
        frags = []
        for c in group:
            frags.extend(c.fragments or [Span(text[c.start:c.end], c.start, c.end)])
        first.end = max(c.end for c in group)
        first.fragments = frags
        rest.append(first)
    return rest


def attach_floating(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A quote with no cue of its own continues the claim before it in the same paragraph
    (one claim, several fragments), else goes to the speaker of the nearest claim."""
    out: list[Candidate] = []
    for c in cands:
        if c.source not in ("floating", "continuation"):
            out.append(c)
            continue
        end = _rstripped(text, c.start)
        if end and text[end - 1] not in ".!?:\"\u201d'" and not text[end:c.start].count("\n") \
                and len(text[c.start:c.end].split()) < 8:
            continue  # a quote inside a sentence with no cue: a scare quote, not a claim
        # a reported clause ends with its sentence: a quote opening the next is a claim of its own
        # ('... was a "shambles". "This announcement is ..."'), never a fragment of the clause's
        prev = next((p for p in reversed(out) if "\n" not in text[p.end:c.start] and c.start - p.end < 400
                     and (p.source == "quote" or p.source == "clause" and not _reported_before(text, p, c.start))
                     and _ends_in_quote(text, p.end)
                     and _attribution_gap(text[p.end:c.start], p.cue is not None and p.end <= p.cue.start < c.start)),
                    None)
        if prev is not None and any(o.start >= prev.end and o.cue_tok is not None and not attributes(o, prev)
                                    for o in out[out.index(prev) + 1:]):
            # '"A." But her spokesman insisted X. "B."': a claim with a speaker of its own stands
            # between them; B is not A's
            prev = None
        if prev is not None:
            if not prev.fragments:
                prev.fragments = [Span(text[prev.start:prev.end], prev.start, prev.end)]
            prev.fragments.append(Span(text[c.start:c.end], c.start, c.end))
            prev.end = c.end
            continue
        if c.source == "floating":
            out.append(c)
    return out


def _reported_before(text: str, claim: Candidate, start: int) -> bool:
    """Whether `claim` is reported speech (its content opens with no quote mark) whose sentence ends
    before a quote opening at `start` ('said the bill was a "shambles". "This', '... a "shambles."
    "This'): the quote is a claim of its own (bbc-speech gold never joins them)."""
    if text[claim.start:claim.start + 1] in "\"\u201c'`" or claim.cue is None or claim.cue.end > claim.start:
        return False  # a quote ('"A," he said. "B."'): one claim; so is a clause its cue does not open
    j = _rstripped(text, claim.end, " \"\u201d'")
    return any(ch in ".!?" for ch in text[claim.end:start]) or j > 0 and text[j - 1] in ".!?"


def attributes(claim: Candidate, quote: Candidate) -> bool:
    """Is `claim` part of the attribution of `quote` ('"A," he said, noting X': "noting" hangs on
    the quote's cue)?"""
    cue = quote.cue_tok
    return cue is not None and (claim.cue_tok.i == cue.i or claim.cue_tok.head.i == cue.i)


def _rstripped(text: str, end: int, chars: str | None = None) -> int:
    """len(text[:end].rstrip(chars)), without copying the text before `end`."""
    while end > 0 and (text[end - 1].isspace() if chars is None else text[end - 1] in chars):
        end -= 1
    return end


def _ends_in_quote(text: str, end: int) -> bool:
    """A claim that ends with a quote, closed ('..."') or reopened at the next sentence ('... "B')."""
    j, k = _rstripped(text, end, " \t,.;:"), end
    while k < len(text) and text[k] == " ":
        k += 1
    return j > 0 and text[j - 1] in ("\"", "\u201d", "'") or text[k:k + 1] in ("\"", "\u201c")


def _attribution_gap(gap: str, holds_cue: bool = False) -> bool:
    """Between two quotes of one speaker: nothing, or the attribution of the first ('," he said. ');
    one that holds the first quote's cue may name the speaker at length ('," Jeff Joseph, from
    the Retail Design Council (RDC), told the BBC. '); never two sentences ('," said Mr Bell.
    The chief said his report would follow. ': a claim of its own in between)."""
    if any(m in gap for m in ("\"", "\u201c", "\u201d")):
        return False
    return len(gap) <= (160 if holds_cue else 80) and not re.search(r"[.!?]\s", gap.strip())
