"""From a parsed article to its claims and speakers. Pure functions, no I/O.

Three passes over the spaCy parse, each a plain function:

1. reported speech: a cue of speech or stance (say, tell, warn, believe, accuse,
   call on, according to, ...) and its content, read off the dependency tree (a
   clausal complement, a "to" clause, an object, a prepositional object); the
   content is the claim, quote marks inside it make it mixed, nothing but a quote
   makes it direct. Cues inside quotes are the quoted person's words, not claims.
2. direct quotes (generator.quotes finds the marks): a quote that no reported claim
   holds gets the cue of its sentence, or of the sentence before when that ends in
   a colon; a quote with no cue of its own goes to the speaker of the claim before
   it. Parts of a quote split by its attribution ("...," he said, "...") become one
   claim with its fragments. Short quotes with no cue (scare quotes, titles) are
   not claims.
3. headline and transcript attribution ("Lavrov: West is ...", "WALLACE: ...").

Speakers are resolved by generator.attribution (names, pronouns, descriptions,
organisations, roles). Photo captions are not article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.attribution import Cast
from generator.model import Article, Brief, Claim, Span, Speaker
from generator.parse import cased, token_indices
from generator import quotes as quote_marks
from generator.quotes import MAX_QUOTE_CHARS, Quote, caption_spans  # noqa: F401 (MAX_QUOTE_CHARS re-exported)
from generator.read import slugify

EXTRACTOR_VERSION = "0.3"

# Cues whose content is a clause: "said (that) ...", "believes ...".
CLAUSE_CUES = {
    "say", "tell", "add", "argue", "warn", "promise", "insist", "note", "deny", "believe",
    "state", "claim", "declare", "explain", "announce", "stress", "suggest", "comment", "write",
    "report", "admit", "acknowledge", "confirm", "assert", "maintain", "predict", "reply",
    "respond", "think", "caution", "emphasize", "emphasise", "allege", "concede", "contend",
    "estimate", "vow", "pledge", "threaten", "recall", "observe", "remark", "agree", "hope",
    "fear", "show", "find", "indicate", "reveal", "conclude", "testify", "tweet", "post",
    "know", "feel", "worry", "complain", "boast", "joke", "point", "counter", "acknowledge",
    "continue", "repeat", "insist", "guarantee", "assure", "reassure", "remind", "inform",
    "recommend", "propose", "demand", "ask", "urge", "question", "wonder", "doubt", "expect",
    "understand", "signal", "mention", "charge", "accuse", "concur", "speculate", "clarify",
    "declare", "proclaim", "highlight", "underline", "underscore", "imply", "hint", "seem",
    "appear", "learn", "discover", "determine", "rule", "forecast", "project", "calculate",
    "agree", "decide", "announce", "swear", "bet", "figure", "reckon", "suspect", "suppose",
    "add", "say", "read", "state", "explain", "muse", "quip", "scoff", "shout", "yell",
    "tout", "brag", "lament", "concede", "recognize", "recognise", "admit", "demonstrate",
    "prove", "illustrate", "contend", "opine", "posit", "presume", "insinuate", "surmise",
}
# Cues whose content is a "to" clause: "promised to ...", "urged X to ...".
XCOMP_CUES = {
    "promise", "vow", "pledge", "threaten", "refuse", "decline", "want", "plan", "hope", "agree",
    "urge", "ask", "call", "tell", "encourage", "warn", "intend", "offer", "propose", "demand",
    "seek", "expect", "aim", "wish", "prefer", "advise", "invite", "challenge", "beg", "order",
    "instruct", "press", "push", "appeal", "plead", "swear", "insist", "claim", "vote",
}
# Cues of stance whose content is their object: "criticized the plan", "backs Clinton".
OBJECT_CUES = {
    "criticize", "criticise", "praise", "support", "back", "endorse", "oppose", "condemn", "blame",
    "accuse", "call", "announce", "deny", "admit", "acknowledge", "mention", "cite", "propose",
    "demand", "reject", "welcome", "slam", "blast", "defend", "dismiss", "question", "mock",
    "thank", "applaud", "reveal", "express", "describe", "predict", "recommend", "favor",
    "favour", "denounce", "decry", "dispute", "challenge", "ridicule", "lambaste", "laud",
    "hail", "champion", "advocate", "urge", "fault", "attack", "criticize", "label", "dub",
    "characterize", "promise", "pledge", "vow", "want", "prefer", "like", "dislike", "hate",
    "love", "fear", "reiterate", "repeat", "recall", "emphasize", "stress", "highlight",
    "claim", "tout", "insist", "estimate", "forecast", "project", "suggest", "show",
    "tell", "ask", "answer", "say", "write", "tweet", "declare", "state", "note", "add",
    "recognize", "concede", "confirm", "rule", "float", "rebuke", "chide", "scold", "assail",
}
# Verb + preposition cues: "called for ...", "warned of ...", "accused X of ...".
PREP_CUES = {
    "call": {"for", "on"}, "ask": {"for", "about"}, "push": {"for"}, "argue": {"for", "against"},
    "talk": {"about", "of"}, "speak": {"about", "of", "out"}, "warn": {"of", "about", "against"},
    "complain": {"about", "of"}, "accuse": {"of"}, "praise": {"for"}, "blame": {"for", "on"},
    "criticize": {"for"}, "criticise": {"for"}, "insist": {"on"}, "comment": {"on"},
    "agree": {"with", "on"}, "vote": {"for", "against"}, "advocate": {"for"}, "lobby": {"for"},
    "campaign": {"for", "against"}, "thank": {"for"}, "apologize": {"for"}, "apologise": {"for"},
    "rail": {"against"}, "lash": {"at"}, "hit": {"at"}, "point": {"to", "at"}, "refer": {},
    "testify": {"about"}, "boast": {"about", "of"}, "joke": {"about"}, "focus": {"on"},
    "fight": {"for", "against"}, "side": {"with"}, "disagree": {"with"}, "object": {"to"},
    "appeal": {"for", "to"}, "plead": {"for"}, "pray": {"for"}, "hope": {"for"},
}
# Nouns of speech or stance: "Trump's remarks about Mexico", "her claim that ...".
NOUN_CUES = {
    "remark", "comment", "statement", "view", "criticism", "denunciation", "praise", "support",
    "opposition", "call", "promise", "pledge", "claim", "warning", "assertion", "accusation",
    "allegation", "argument", "belief", "fear", "concern", "opinion", "stance", "position",
    "attack", "defense", "defence", "endorsement", "vow", "threat", "demand", "suggestion",
    "proposal", "complaint", "insistence", "approval", "condemnation", "refusal", "announcement",
    "prediction", "assessment", "conclusion", "finding", "message", "tweet", "admission",
    "denial", "rejection", "rhetoric", "characterization", "description", "reference", "dismissal",
    "push", "plea", "appeal", "request", "testimony", "answer", "response", "reply", "insult",
}
NOUN_CUE_LEMMAS = cased(NOUN_CUES)
LIGHT_VERBS = {"make", "issue", "express", "offer", "voice", "deliver", "repeat", "reiterate", "post",
               "send", "give", "publish", "release", "echo", "renew", "air", "lodge", "file", "level"}
NOUN_PREPS = {"about", "of", "on", "for", "to", "against", "over", "that"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "ccomp")
MIN_QUOTE_WORDS = 4
MIN_CONTENT_CHARS = 8
TRAILING = " \t\n,;:\u2014\u2013-"
HEADLINE_RE = re.compile(
    r"(?P<who>(?:[A-Z][\w.'\u2019\-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w.'\u2019\-]*|of|de|van|von|al-\w+)){0,4}):"
    r"[ \t]+(?P<what>\S)")
NOT_SPEAKERS = {"update", "note", "editor", "photo", "related", "read", "watch", "video", "source",
                "sources", "credit", "image", "caption", "breaking", "exclusive", "analysis",
                "opinion", "live", "q", "a", "question", "answer", "warning", "correction", "tags",
                "topics", "share", "partial", "transcript", "comment", "example", "via", "see",
                "by", "and", "but", "so", "then", "now", "here", "there", "this", "that", "also",
                "after", "before", "when", "today", "yesterday", "tomorrow", "first", "second",
                "third", "finally", "still", "meanwhile", "plus", "bottom", "background", "reporting",
                "edited", "contact", "email", "phone", "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
                "june", "july", "august", "september", "october", "november", "december"}


@dataclass
class Candidate:
    """A claim before speaker resolution: content span, cue and subject tokens."""

    start: int
    end: int
    cue: Span | None
    cue_tok: object | None  # spaCy Token (or None for quotes with no cue)
    subject: object | None  # spaCy Token heading the speaker mention
    source: str  # clause | xcomp | object | prep | according | quote | floating | headline
    fragments: list[Span] = field(default_factory=list)
    mention: Span | None = None  # when there is no subject token (headlines)
    speaker_name: str | None = None  # fixed speaker (floating quotes)
    speaker_kind: str = "person"
    confidence: float | None = None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included (see generator.quotes)."""
    return [(q.start, q.end) for q in quote_marks.find_quotes(text)]


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def paragraph_of(starts: list[int], offset: int) -> int:
    n = 0
    for i, s in enumerate(starts):
        if s <= offset:
            n = i
    return n + 1


def extract(doc, article: Article) -> Brief:
    """Claims and speakers of one parsed article."""
    text = article.text
    captions = caption_spans(text)
    quotes = quote_marks.find_quotes(text, captions)
    qranges = [(q.start, q.end) for q in quotes]
    cast = Cast(doc, captions, qranges)

    cands = reported_candidates(doc, captions, qranges)
    snap_to_quotes(text, cands, quotes)
    for c in cands:  # a quote reported with "said": the words next to it name the speaker
        q = next((q for q in quotes if q.start == c.start and q.end == c.end), None)
        near = adjacent_cue(doc, text, q) if q is not None and c.cue_tok is not None else None
        if near is not None and near[0].i == c.cue_tok.i:
            c.subject, c.mention = near[1], near[2]
    cands = drop_embedded(cands)
    cands += headline_candidates(text, captions)
    cands += quote_candidates(doc, text, quotes, cands, captions)
    cands = merge_split_quotes(text, cands)
    cands.sort(key=lambda c: c.start)
    cands = attach_floating(text, cands)

    claims, speakers = [], {}
    for cand in cands:
        claim = _claim(text, cand, quotes, cast, speakers)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    starts = paragraph_starts(text)
    _floating_speakers(claims, starts)
    for claim in claims:
        claim.paragraph = paragraph_of(starts, claim.start)
    used = {c.speaker for c in claims if c.speaker}
    return Brief(article=article, speakers=[s for k, s in speakers.items() if k in used], claims=claims)


# --------------------------------------------------------------------------- reported speech
def _inside(ranges, i: int) -> bool:
    return any(s <= i < e for s, e in ranges)


def subject_of(verb, depth: int = 0):
    """The subject of a cue, inherited by participles and conjoined verbs ("..., saying")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if depth < 3 and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "Lavrov, speaking after ..." / "a statement saying"
        return subject_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head, depth + 1)  # "... by saying ...", "after announcing ..."
    return None


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_span(tok, exclude=(), after: int | None = None, before: int | None = None) -> tuple[int, int]:
    """Characters of a token's subtree, trimmed of leading "that"/punctuation and of excluded
    subtrees; only tokens after (or before) a cue's index when given."""
    skip = set()
    for e in exclude:
        skip.update(t.i for t in e.subtree)
    toks = [t for t in tok.subtree if t.i not in skip and not t.is_space
            and (after is None or t.i > after) and (before is None or t.i < before)]
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")
                    or (toks[0].is_punct and toks[0].text not in "\"\u201c\u2018`'")):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in "\"\u201d\u2019'":
        toks.pop()
    if not toks:
        return tok.idx, tok.idx
    return _span_of(toks)


def _cue_span(tok) -> Span:
    """The cue word, with its particle ("pointed out")."""
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if len(toks) == 1:
        return Span(tok.text, tok.idx, tok.idx + len(tok.text))
    s, e = _span_of(toks)
    return Span("".join(t.text_with_ws for t in tok.doc[min(t.i for t in toks):max(t.i for t in toks) + 1]).strip(), s, e)


VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN"})
ACCORDING = frozenset({"according"})


def _maybe_cue(doc) -> list[int]:
    """Tokens that could be a cue (verbs, "according", nouns of speech): the rest are never read."""
    noun_cues = set(token_indices(doc, "POS", NOUN_POS)).intersection(token_indices(doc, "LEMMA", NOUN_CUE_LEMMAS))
    return sorted(noun_cues.union(token_indices(doc, "POS", VERB_POS), token_indices(doc, "LOWER", ACCORDING)))


def reported_candidates(doc, captions, qranges) -> list[Candidate]:
    out: list[Candidate] = []
    inherited: dict[int, object] = {}  # conjoined cue -> subject of the cue it is coordinated with
    for tok in (doc[i] for i in _maybe_cue(doc)):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
            if not _inside(captions, tok.idx) and not _inside(qranges, tok.idx):
                cand = _noun_cue(tok)
                if cand is not None:
                    out.append(cand)
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according":
            continue
        if _inside(captions, tok.idx) or _inside(qranges, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            cand = _according_to(tok)
            if cand:
                out.append(cand)
            continue
        subj = inherited.get(tok.i) or subject_of(tok)
        children = list(tok.children)
        negated = any(c.dep_ == "neg" for c in children)
        found = None
        headless = False
        ccomp = [c for c in children if c.dep_ == "ccomp"]
        if lemma in CLAUSE_CUES and ccomp:
            content = ccomp[0]
            # "Wang said that X, and called on Y": a cue conjoined to the content's verb with
            # no subject of its own is coordinated with this cue, not part of what was said
            coord = [c for c in content.children if c.dep_ == "conj" and c.i > tok.i and _is_cue(c)
                     and not any(g.dep_ in SUBJECT_DEPS for g in c.children)]
            for c in coord:
                inherited[c.i] = subj
            side = {"after": tok.i} if content.i > tok.i else {"before": tok.i}
            s, e = _subtree_span(content, exclude=coord, **side)
            # "a proposal, which Washington says would aim to ...": the content has lost its
            # subject to the relative clause, so the claim is a weaker reading
            headless = content.i > tok.i and any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in content.children)
            if tok.tag_ == "VBG" and content.i > tok.i and tok.sent.root.i > content.right_edge.i:
                # "saying while X might seem Y, the two countries wanted Z": the participle's
                # content runs to the end of the sentence its clause was misparsed into
                e = _subtree_span(tok.sent.root, after=content.right_edge.i)[1]
            found = ("clause", (s, e))
        if found is None and lemma in CLAUSE_CUES and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            # '"Only you," she said, "would ..."': the clause the cue interrupts
            found = ("clause", _subtree_span(tok.head, exclude=[tok]))
        if found is None and lemma in XCOMP_CUES:
            x = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
            if x:
                obj = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < x[0].i]
                start = _subtree_span(obj[0])[0] if obj else _subtree_span(x[0])[0]
                if lemma == "call":  # "called on UN members to ..." is found with its preposition
                    x = []
                else:
                    found = ("xcomp", (start, _subtree_span(x[0])[1]))
        if found is None and lemma in PREP_CUES and not negated:
            for prep in [c for c in children if c.dep_ in ("prep", "prt") and c.i > tok.i]:
                if prep.lower_ not in PREP_CUES[lemma]:
                    continue
                objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if not objs:
                    continue
                x = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > prep.i]
                obj = [c for c in children if c.dep_ == "dobj" and c.i < prep.i]
                start = _subtree_span(obj[0])[0] if obj and lemma in ("accuse", "praise", "blame",
                                                                      "criticize", "criticise", "thank") \
                    else _subtree_span(objs[0])[0]
                end = _subtree_span(x[0])[1] if x else _subtree_span(objs[0])[1]
                cue = Span(doc[tok.i:prep.i + 1].text, tok.idx, prep.idx + len(prep.text))
                out.append(Candidate(start, end, cue, tok, subj, "prep"))
                found = ("done", None)
                break
        if found is None and lemma in OBJECT_CUES and not negated:
            obj = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
            if obj and obj[0].pos_ not in ("PRON",) and obj[0].lower_ not in ("it", "this", "that"):
                s, e = _subtree_span(obj[0])
                extra = [c for c in children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.i > obj[0].i]
                if extra:
                    e = max(e, _subtree_span(extra[0])[1])
                found = ("object", (s, e))
        if found is None or found[0] == "done":
            continue
        if subj is None and found[0] != "clause" and tok.dep_ in ("amod", "compound"):
            continue  # a participle used as an adjective ("pledged delegates")
        source, (s, e) = found
        if e - s < MIN_CONTENT_CHARS and source != "object":
            continue
        if e <= s:
            continue
        out.append(Candidate(s, e, _cue_span(tok), tok, subj, source,
                             confidence=0.45 if source == "clause" and headless else None))
    return out


def _noun_cue(tok) -> Candidate | None:
    """'Trump's remarks about Mexico', 'Clinton made the claim that ...': whose, and about what."""
    holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    if holder is None and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        holder = subject_of(tok.head)  # "Clinton made remarks about ...", "issued a statement that ..."
        if holder is not None and tok.head.lemma_.lower() not in LIGHT_VERBS \
                and not (holder.pos_ in ("PROPN", "PRON") or holder.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            holder = None
    if holder is None or holder.lower_ in ("my", "our", "your"):
        return None
    content = None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPS:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                content = _subtree_span(obj)
                break
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            content = _subtree_span(c)
            break
    if content is None or content[1] - content[0] < MIN_CONTENT_CHARS:
        return None
    if is_title(_span_text(tok.doc, content)):
        return None  # "Washington's suggestion of a 'Summit for Democracy'": a name, not a claim
    cue = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    return Candidate(content[0], content[1], cue, tok, holder, "noun")


def _span_text(doc, span: tuple[int, int]) -> str:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.text if s is not None else ""


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in CLAUSE_CUES or lemma in XCOMP_CUES
                                           or lemma in OBJECT_CUES or lemma in PREP_CUES)


def snap_to_quotes(text: str, cands: list[Candidate], quotes: list[Quote]) -> None:
    """A content that starts or ends inside a quote takes the whole quote (marks included):
    the parse often leaves a closing mark or an opening "But" outside the clause."""
    for c in cands:
        for q in quotes:
            starts_inside = c.start <= q.start < c.end
            opens_content = q.start < c.start < q.end and (c.start - q.start < 40 or q.paragraphs > 1)
            if starts_inside or opens_content:
                c.start, c.end = min(c.start, q.start), max(c.end, q.end)
        first = next((q for q in quotes if q.start == c.start or
                      (q.start > c.start and not text[c.start:q.start].strip(' "\u201c'))), None)
        if first is not None and first.end < c.end:
            after = text[first.end:c.end].lstrip()
            if after[:1] in ("-", "\u2014", "\u2013", "("):
                c.end = first.end  # '"..." -- a possible reference to ...' is the writer's aside


def _according_to(tok) -> Candidate | None:
    """'X happened, according to Y' / 'According to Y, X happened'."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head.i != head.i:
        head = head.head
    pp = tok if tok.head.i == head.i else next((a for a in tok.ancestors if a.head.i == head.i), tok)
    s, e = _subtree_span(head, exclude=[pp])
    if e - s < MIN_CONTENT_CHARS:
        return None
    cue_end = to.idx + len(to.text)
    cue = Span(tok.doc[tok.i:to.i + 1].text, tok.idx, cue_end)
    return Candidate(s, e, cue, tok, pobj, "according")


def drop_embedded(cands: list[Candidate]) -> list[Candidate]:
    """One claim per attribution: drop a claim whose cue sits inside another claim's content
    ("Wang said that Beijing believes ..."), and a stance object when its participle says
    what the claim is ("attacked X, saying Y")."""
    # "repeated her claim that X": the noun, not the verb's object, says what the claim is
    cands = [c for c in cands if not (c.source == "object" and any(
        o.source == "noun" and o.cue_tok.head.i == c.cue_tok.i for o in cands))]
    keep = []
    for c in cands:
        if c.cue_tok is None:
            keep.append(c)
            continue
        inside = any(o is not c and o.start <= c.cue.start < o.end for o in cands)
        explained = c.source in ("object", "prep") and any(
            o is not c and o.cue_tok is not None and o.cue_tok.head.i == c.cue_tok.i
            and o.cue_tok.dep_ in ("advcl", "conj", "xcomp") and o.source in ("clause", "xcomp")
            for o in cands)
        if not inside and not explained:
            keep.append(c)
    # the same content twice (a cue with two readings): keep the first
    out, seen = [], set()
    for c in keep:
        key = (c.start, c.end)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# --------------------------------------------------------------------------- direct quotes
def _covered(cands, s: int, e: int) -> bool:
    return any(c.start <= s and e <= c.end for c in cands)


def _overlaps(cands, s: int, e: int) -> bool:
    return any(c.start < e and s < c.end for c in cands)


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
    for q in quotes:
        if _covered(cands, q.start, q.end) or _overlaps(cands + out, q.start, q.end):
            continue
        inner = q.inner(text)
        if is_title(inner):
            continue
        if len(inner.split()) < MIN_QUOTE_WORDS:
            before = text[:q.start].rstrip(" \t")
            if before[-1:] in (".", "!", "?", "\"", "\u201d", "'") and inner[-1:] in ".!?":
                # '"...," he said. "We're hopeful."': may continue the claim before it
                out.append(Candidate(q.start, q.end, None, None, None, "continuation"))
            continue  # scare quotes, single quoted words
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        near = adjacent_cue(doc, text, q)
        if near is not None:
            tok, subj, mention = near
            out.append(Candidate(q.start, q.end, _cue_span(tok), tok, subj, "quote", mention=mention))
            continue
        cue = _quote_cue(doc, q, span)
        if cue is not None:
            tok, subj = cue
            out.append(Candidate(q.start, q.end, _cue_span(tok), tok, subj, "quote"))
            continue
        out.append(Candidate(q.start, q.end, None, None, None, "floating"))
    return out


NP_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")
HEAD_POS = ("PROPN", "NOUN", "PRON")


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
        heads = [t for t in run if t.pos_ in HEAD_POS]
        if heads:
            return toks[0], heads[-1], _mention(text, run[:run.index(heads[-1]) + 1])
    for k, t in enumerate(toks):  # '"...," he said' / '"...," Mr. Conant, the consultant, said'
        if _speech_verb(t):
            before = [x for x in toks[:k] if x.pos_ not in ("AUX", "ADV", "PART") or x.pos_ == "PART" and x.text in ("'s",)]
            np = []
            for x in toks[:k]:
                if x.text == "," or x.pos_ in ("AUX", "ADV", "VERB", "ADP", "SCONJ"):
                    break
                np.append(x)
            heads = [x for x in np if x.pos_ in HEAD_POS]
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


def _mention(text: str, toks) -> Span | None:
    if not toks:
        return None
    s, e = _span_of(toks)
    return Span(text[s:e], s, e)


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
            if tok.lemma_.lower() not in CLAUSE_CUES | XCOMP_CUES:
                continue
            subj = subject_of(tok)
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
        before = text[:c.start].rstrip()
        if before and before[-1] not in ".!?:\"\u201d'" and not text[len(before):c.start].count("\n") \
                and len(text[c.start:c.end].split()) < 8:
            continue  # a quote inside a sentence with no cue: a scare quote, not a claim
        prev = next((p for p in reversed(out) if "\n" not in text[p.end:c.start] and c.start - p.end < 400
                     and p.source in ("quote", "clause") and _ends_in_quote(text, p.end)), None)
        if prev is not None:
            if not prev.fragments:
                prev.fragments = [Span(text[prev.start:prev.end], prev.start, prev.end)]
            prev.fragments.append(Span(text[c.start:c.end], c.start, c.end))
            prev.end = c.end
            continue
        if c.source == "floating":
            out.append(c)
    return out


def _ends_in_quote(text: str, end: int) -> bool:
    tail = text[:end].rstrip(" \t,.;:")
    return tail[-1:] in ("\"", "\u201d", "'") 


def _floating_speakers(claims: list[Claim], starts: list[int]) -> None:
    """A quote with no cue goes to the speaker of the claim before it (within two
    paragraphs), else of the claim after it in the same paragraph."""
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
            after = next((c for c in claims[k + 1:] if c.speaker), None)
            if after is not None and paragraph_of(starts, after.start) == par:
                near = after
        if near is not None:
            claim.speaker = near.speaker
            claim.speaker_mention = near.speaker_mention
            claim.confidence = round(min(near.confidence, 0.6), 2)


# --------------------------------------------------------------------------- headlines
def headline_candidates(text: str, captions) -> list[Candidate]:
    """'Pence: Flowers Won't Be at Debate' and transcripts 'WALLACE: Let's start ...'."""
    out = []
    for m in re.finditer(r"(?:^|\n)[ \t]*", text):
        pos = m.end()
        if text[pos:pos + 1] in ("\"", "\u201c"):
            pos += 1  # a transcript inside quote marks: '"WALLACE: ...'
        h = HEADLINE_RE.match(text, pos)
        if h is None or _inside(captions, pos):
            continue
        who = h.group("who")
        if who.split()[0].lower().strip(".") in NOT_SPEAKERS or len(who) > 60:
            continue
        s = h.start("what")
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        while e > s and text[e - 1] in " \t.":
            e -= 1
        if e - s < MIN_CONTENT_CHARS:
            continue
        colon = h.end("who")
        out.append(Candidate(s, e, Span(":", colon, colon + 1), None, None, "headline",
                             mention=Span(who, h.start("who"), h.end("who"))))
    return out


# --------------------------------------------------------------------------- claims
def _kind(text: str, s: int, e: int, quotes: list[Quote], fragments: list[Span] = ()) -> str:
    if fragments and all(any(q.start == f.start and q.end == f.end for q in quotes) for f in fragments):
        return "direct"  # a quote split by its attribution
    inside = [q for q in quotes if s <= q.start and q.end <= e]
    if not inside:
        partial = [q for q in quotes if q.start < e and s < q.end]
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


def _claim(text: str, cand: Candidate, quotes, cast: Cast, speakers: dict) -> Claim | None:
    s, e = _trim(text, cand.start, cand.end)
    if e <= s:
        return None
    kind = _kind(text, s, e, quotes, cand.fragments)
    if kind == "direct" and text[s:s + 5].lower() == "that ":
        s += 5
    claim = Claim(kind=kind, text=text[s:e], start=s, end=e, cue=cand.cue, fragments=cand.fragments)
    name, skind, conf, person, named = None, "person", 0.3, None, True
    if cand.subject is not None:
        res = cast.resolve(cand.subject)
        name, skind, conf, person, named = res.name, res.kind, res.confidence, res.person, res.named
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
        conf = 0.6
    elif cand.speaker_name is not None:
        name, skind, conf = cand.speaker_name, cand.speaker_kind, 0.55
    if cand.source == "object":
        conf -= 0.15
    if cand.confidence is not None:
        conf = cand.confidence
    claim.confidence = round(max(0.05, min(conf, 0.95)), 2)
    if name:
        sid = slugify(name, fallback="unknown")
        if sid not in speakers:
            speakers[sid] = Speaker(id=sid, name=name, kind=skind,
                                    role=person.role if person else None,
                                    affiliation=person.affiliation if person else None, named=named)
        claim.speaker = sid
    return claim
