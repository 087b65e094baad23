"""Reading the dependency parse: the subject of a cue, the characters of a subtree, a cue's span.

Shared by the finders of reported speech (cues.py) and of direct quotes (direct.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.lexicon import (
    CLAUSE_CUES,
    OBJECT_CUES,
    PERSON_NOUNS,
    PREP_CUES,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    XCOMP_CUES,
)
from generator.extract.ranges import Ranges
from generator.model import Span


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
    content_is_clause: bool = False  # a noun cue's content is a "that" clause ("the claim that ...")
    stance: bool = False  # a belief, intention, finding or noun object: not an act of communication


def _inside(ranges, i: int) -> bool:
    """Whether offset i is in one of the ranges (a Ranges: logarithmic; a list: scanned)."""
    return i in ranges if isinstance(ranges, Ranges) else any(s <= i < e for s, e in ranges)


def _dateline(tok) -> bool:
    """'PARIS (Reuters) -', 'LONDON -': a place in capitals opening a paragraph, before a bracket or a dash."""
    doc = tok.doc
    return tok.text.isupper() and len(tok.text) > 1 and tok.is_sent_start and tok.i + 1 < len(doc) \
        and doc[tok.i + 1].text in ("(", "-", "\u2013", "\u2014")


def subject_of(verb, depth: int = 0):
    """The subject of a cue, inherited by participles and conjoined verbs ("..., saying"); a name
    right before a finite cue the parse gave no subject (or a verb for one) is its subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if all(c.pos_ in ("VERB", "AUX") for c in subjects):  # none, or a verb misread as one
        lost = name_before(verb)
        if lost is not None:
            return lost
    if len(subjects) > 1:  # "PARIS (Reuters) - Henri Dupuis said": a dateline is no subject
        subjects = [c for c in subjects if not _dateline(c)] or subjects
    if len(subjects) > 1:  # "US oil giant Exxon said": the parse split a description from the
        # name it goes with into two subjects; the name right after the description is the subject
        # (or set off by a comma: "The new chairman of the Bar Council, Ann Lee QC warned")
        for a, b in zip(subjects, subjects[1:]):
            joined = b.left_edge.i == a.right_edge.i + 1 or b.left_edge.i == a.right_edge.i + 2 \
                and verb.doc[a.right_edge.i + 1].text == "," and b.ent_type_ in ("PERSON", "ORG")
            if joined and b.pos_ == "PROPN" and a.pos_ == "NOUN" and b.i < verb.i:
                return b
            # "The new chairman of the council, Jo Hart QC warned": the name after the comma
            if b.left_edge.i == a.right_edge.i + 2 and verb.doc[a.right_edge.i + 1].text == "," \
                    and b.pos_ == "PROPN" and a.pos_ == "NOUN" and b.right_edge.i + 1 == verb.i \
                    and any(t.ent_type_ == "PERSON" or t.text[:1].isupper() and t.dep_ == "compound" for t in b.lefts):
                return b
    if len(subjects) > 1:  # "..., in particular the UK, France and Spain, said the report": the
        after = [c for c in subjects if c.left_edge.i == verb.i + 1]  # noun right after the verb
        return after[0] if after else subjects[0]
    if subjects:
        return subjects[0]
    if depth < 3 and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "Lavrov, speaking after ..." / "a statement saying"
        return subject_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head, depth + 1)  # "... by saying ...", "after announcing ..."
    return None


# what opens and closes an aside between a name and its verb: "Jo Hart, 44, said", "Jo Hart - in
# Paris for talks - said"
ASIDE_MARKS = frozenset({",", "-", "\u2013", "\u2014"})
# words after which a clause, with its own subject, may start: "after Mr X, asked about Y, had said"
CLAUSE_OPENERS = frozenset({"after", "before", "when", "while", "as", "because", "since", "although", "though",
                            "if", "unless", "until", "once", "but", "and", "that", "whereas", "so"})
# entity types that never speak: "in March, said", "at Heathrow, said"
NOT_SPEAKERS = frozenset({"DATE", "TIME", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "MONEY",
                          "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"})


# words cut short before a name: their stop ends no sentence ("Gov. Jan Lee", "Sen. Ann Roe")
ABBREVIATIONS = frozenset({"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "rev.", "gen.", "lt.", "col.",
                           "capt.", "sgt.", "cpl.", "maj.", "adm.", "gov.", "sen.", "rep.", "pres.", "hon.", "mt.",
                           "ft.", "messrs.", "insp.", "supt.", "det.", "brig.", "cmdr.", "lord.", "fr."})


def sentences_back(tok, n: int) -> int:
    """The index of the first token of the sentence `n` sentences before `tok`'s (its own at 0)."""
    doc, first = tok.doc, tok.sent.start
    for _ in range(n):
        first = doc[first - 1].sent.start if first > 0 else first
    return first


def missed_stop(tok) -> bool:
    """'a PhD. Anil Varma said': a word with its sentence's stop glued on, which the sentence
    splitter missed; not an abbreviation before a name ("Dr.", "Gov.") nor an initial ("J.", "U.S.")."""
    text = tok.text
    return len(text) > 2 and text.endswith(".") and not text[:-1].isupper() and "." not in text[:-1] \
        and tok.lower_ not in ABBREVIATIONS


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                                     for c in verb.children)


def _title_of(tok, name) -> bool:
    """'Acme boss Ann Lee', 'team captain Ann Lee': a noun for a person's job or role that the parse
    joins to the name as its title (a titled name right before a verb of saying with no subject is
    that verb's subject, whatever phrase the parse hung it on)."""
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.i == name.i and tok.text.islower() \
        and tok.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS


def _misread_name(tok) -> bool:
    """A capitalised word that is no stop word, tagged as an adverb or a noun's modifier: the only
    word before a verb of saying with no subject, it can only be its speaker's name."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper() and not tok.is_stop \
        and tok.pos_ in ("ADV", "PROPN", "NOUN") and tok.dep_ in ("advmod", "npadvmod", "dep", "compound") \
        and tok.ent_type_ not in NOT_SPEAKERS


def _name_end(tok) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ not in NOT_SPEAKERS


def name_before(verb):
    """'As part of his plea, John Smith, 44, said that ...', 'after Mr Trump, asked about it, had
    said': a name standing right before a finite verb, but for an apposition or a participle
    between commas (at most two), that the parse hung elsewhere (on "plea", as the object of a
    preposition of a misread clause) and left the verb with no subject. The name must open its
    clause: after a comma, a conjunction, a stop the sentence splitter missed, or nothing.
    Returns the name's last token, or None."""
    doc = verb.doc
    if verb.pos_ not in ("VERB", "AUX") or not _finite(verb):
        return None
    start = verb.sent.start
    if verb.i - 1 == start and _misread_name(doc[start]):
        return doc[start]  # "Desailly says ...": a name opening the sentence, read as an adverb
    i = verb.i - 1
    while i >= start and (doc[i].dep_ in ("aux", "neg") or doc[i].pos_ == "ADV" and doc[i].dep_ == "advmod"):
        i -= 1  # "John Smith, 44, has also said"
    for _ in range(2):
        if i < start or doc[i].text not in ASIDE_MARKS:
            break
        mark = doc[i].text  # the comma or dash that opens the aside ("Mr Yushchenko - keen to
        k = i - 1           # reassure investors - had said") closes it
        while k >= start and i - k <= (16 if mark == "," else 24) and doc[k].text != mark:
            if doc[k].is_quote or doc[k].text in (";", ":", "(", ")") or doc[k].dep_ in SUBJECT_DEPS \
                    or doc[k].dep_ == "relcl" or doc[k].tag_ in ("VBZ", "VBP", "MD") \
                    or doc[k].tag_ == "VBD" and (k == start or doc[k - 1].text != ","):
                return None  # a clause of its own, or a quote: not an aside about the name
            k -= 1
        if k < start or doc[k].text != mark or k == i - 1:
            return None
        i = k - 1
    if i < start or not _name_end(doc[i]):
        return None
    j = i
    while j > start and not missed_stop(doc[j - 1]) \
            and (_name_end(doc[j - 1]) or doc[j - 1].text == "-" and not doc[j - 1].whitespace_):
        j -= 1
    if j > start:
        before = doc[j - 1]
        opens = before.text in (",", ";", "-", "\u2013", "\u2014") or before.lower_ in CLAUSE_OPENERS \
            or missed_stop(before) or _title_of(before, doc[i])  # "a PhD. Name", "in Paris firm boss Name"
        if not opens and before.tag_ != "''" or before.tag_ == "``":  # '"...," Name, 44, said' opens
            return None
    return doc[i]


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_OPENING = "\"\u201c\u2018`'"  # marks a span may start with
_CLOSING = "\"\u201d\u2019'"  # marks a span may end with


def _subtree_span(tok, exclude=(), after: int | None = None, before: int | None = None) -> tuple[int, int]:
    """Characters of a token's subtree, trimmed of leading "that"/punctuation and of excluded
    subtrees; only tokens after (or before) a cue's index when given.

    Only the tokens at the two ends of the span are looked at (see _Tree), never the whole
    subtree: a paragraph with thousands of cues costs linear time, not quadratic.
    """
    tree = _tree(tok.doc)
    x = tok.i
    lo, hi = tree.left[x], tree.right[x]
    if after is not None:
        lo = max(lo, after + 1)
    if before is not None:
        hi = min(hi, before - 1)
    ex = [e.i for e in exclude]
    first = tree.first(x, ex, lo, hi)
    last = tree.last(x, ex, first, hi) if first is not None else None
    if last is None:
        return tok.idx, tok.idx
    end = tok.doc[last]
    return tok.doc[first].idx, end.idx + len(end.text)


class _Tree:
    """One parsed document read once, in time linear in its tokens: pre-order numbers and
    sizes (t is in x's subtree when order[x] <= order[t] < order[x] + size[x]), subtree
    edges, and for each token the next token a span may start with (front) or end with
    (back), jumping over spaces and the punctuation and "that" a span is trimmed of.

    `visited` counts the tokens the span finders stepped on (tests assert its growth).
    """

    def __init__(self, doc):
        from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE

        n = len(doc)
        cols = doc.to_array([HEAD, IS_SPACE, IS_PUNCT, DEP]).astype("int64").reshape(n, 4)
        kids: list[list[int]] = [[] for _ in range(n)]
        roots = []
        for i, rel in enumerate(cols[:, 0].tolist()):  # HEAD is the offset to the head
            (kids[i + rel] if rel else roots).append(i)
        self.order, self.size = [0] * n, [1] * n
        self.left, self.right = list(range(n)), list(range(n))
        count = 0
        for root in roots:
            stack = [(root, False)]
            while stack:
                i, done = stack.pop()
                if done:
                    for c in kids[i]:
                        self.size[i] += self.size[c]
                        self.left[i] = min(self.left[i], self.left[c])
                        self.right[i] = max(self.right[i], self.right[c])
                    continue
                self.order[i] = count
                count += 1
                stack.append((i, True))
                stack.extend((c, False) for c in kids[i])
        lead = cols[:, 1].tolist()  # spaces, then the punctuation and "that" a span is trimmed of
        trail = list(lead)
        mark = doc.vocab.strings["mark"]
        for i in (cols[:, 2].astype(bool) | (cols[:, 3] == mark)).nonzero()[0].tolist():
            t = doc[i]
            lead[i] = lead[i] or (t.dep_ == "mark" and t.lower_ in ("that", "whether", "if")) \
                or (t.is_punct and t.text not in _OPENING)
            trail[i] = trail[i] or (t.is_punct and t.text not in _CLOSING)
        self.front, self.back = [n] * (n + 1), [-1] * (n + 1)
        for i in range(n - 1, -1, -1):
            self.front[i] = self.front[i + 1] if lead[i] else i
        for i in range(n):
            self.back[i] = self.back[i - 1] if trail[i] else i  # back[-1] is -1
        self.visited = 0

    def _in(self, x: int, t: int) -> bool:
        return self.order[x] <= self.order[t] < self.order[x] + self.size[x]

    def _contiguous(self, e: int) -> bool:
        return self.size[e] == self.right[e] - self.left[e] + 1

    def first(self, x: int, ex: list[int], lo: int, hi: int) -> int | None:
        """The first token of x's subtree in [lo, hi], outside the subtrees of `ex`, that is
        not a space and that a span is not trimmed of at its start."""
        j = lo
        while j <= hi:
            self.visited += 1
            j = self.front[j]
            if j > hi:
                return None
            if not self._in(x, j):
                j += 1
                continue
            e = next((e for e in ex if self._in(e, j)), None)
            if e is None:
                return j
            j = self.right[e] + 1 if self._contiguous(e) else j + 1
        return None

    def last(self, x: int, ex: list[int], lo: int, hi: int) -> int | None:
        """The last such token that a span is not trimmed of at its end."""
        j = hi
        while j >= lo:
            self.visited += 1
            j = self.back[j]
            if j < lo:
                return None
            if not self._in(x, j):
                j -= 1
                continue
            e = next((e for e in ex if self._in(e, j)), None)
            if e is None:
                return j
            j = self.left[e] - 1 if self._contiguous(e) else j - 1
        return None


def _tree(doc) -> _Tree:
    """The document's _Tree, made once and kept on the Doc itself (spaCy's user_data), so
    nothing outlives the document."""
    tree = doc.user_data.get("quotebrief.tree")
    if tree is None:
        tree = doc.user_data["quotebrief.tree"] = _Tree(doc)
    return tree


def _cue_span(tok) -> Span:
    """The cue word, with its particle ("pointed out")."""
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    if len(toks) == 1:
        return Span(tok.text, tok.idx, tok.idx + len(tok.text))
    s, e = _span_of(toks)
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    return Span("".join(t.text_with_ws for t in tok.doc[first:last + 1]).strip(), s, e)


def _span_text(doc, span: tuple[int, int]) -> str:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.text if s is not None else ""


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in CLAUSE_CUES or lemma in XCOMP_CUES
                                           or lemma in OBJECT_CUES or lemma in PREP_CUES)


def _mention(text: str, toks) -> Span | None:
    if not toks:
        return None
    s, e = _span_of(toks)
    return Span(text[s:e], s, e)
