"""Reported speech: a cue of speech or stance and its content, read off the dependency tree.

say, tell, warn, believe, accuse, call on, according to, ...: the content is a clausal
complement, a "to" clause, an object or a prepositional object. Cues inside quotes are
the quoted person's words, not claims.
"""

from __future__ import annotations

import re

from generator.extract.direct import is_title
from generator.extract.lexicon import (
    CLAUSE_CUES,
    DATA_NOUNS,
    FINDING_CUES,
    LIGHT_VERBS,
    MIN_CONTENT_CHARS,
    NAMING_CUES,
    NOUN_CUE_LEMMAS,
    NOUN_CUES,
    NOUN_PREPS,
    OBJECT_CUES,
    PERSON_NOUNS,
    PREP_CUES,
    RELATIVE,
    ROLE_NOUNS,
    SPEECH_CUES,
    SPEECH_NOUNS,
    SPEECH_PREP,
    SPEECH_XCOMP,
    SUBJECT_DEPS,
    VOICED_NOUNS,
    VOICING_VERBS,
    XCOMP_CUES,
)
from generator.extract.ranges import Ranges, Stabbing
from generator.extract.tree import Candidate, _cue_span, _inside, _is_cue, _span_text, _subtree_span, subject_of
from generator.model import Span
from generator.parse import token_indices

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN"})
ACCORDING = frozenset({"according"})
# verbs of saying with an addressee as object: "told delegates that ..."
ADDRESSEE_CUES = frozenset({"tell", "warn", "assure", "reassure", "remind", "inform", "promise", "advise"})
NAMED_AS_RE = re.compile(r" [\"\u201c][^\"\u201c\u201d\n]{1,80}[\"\u201d]")  # right after a named object
QUOTED_RE = re.compile(r"[\"\u201c\u2018']([^\"\u201d\u2019]+?)(?:[\"\u201d\u2019]|$)")


def _maybe_cue(doc) -> list[int]:
    """Tokens that could be a cue (verbs, "according", nouns of speech): the rest are never read."""
    noun_cues = set(token_indices(doc, "POS", NOUN_POS)).intersection(token_indices(doc, "LEMMA", NOUN_CUE_LEMMAS))
    return sorted(noun_cues.union(token_indices(doc, "POS", VERB_POS), token_indices(doc, "LOWER", ACCORDING)))


def is_data(tok) -> bool:
    """'figures', 'the survey', 'research', 'which' of 'a study, which': a finding, not a speaker."""
    if tok is None:
        return False
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.ent_type_ in ("ORG", "PERSON") and tok.pos_ == "PROPN":
        return False  # "Jupiter Research", "Market Research Ltd": a body's name
    return tok.lemma_.lower() in DATA_NOUNS or tok.lower_ in DATA_NOUNS


def _passive(tok) -> bool:
    """'is expected to', 'was asked to': the subject is not the one who speaks."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def is_speech(cand: Candidate) -> bool:
    """Whether a reported claim is an act of communication (the speech convention) rather than a
    stance, belief, intention, finding or a verb's noun object."""
    tok, lemma, source = cand.cue_tok, cand.cue_tok.lemma_.lower(), cand.source
    if source == "according":
        return not is_data(cand.subject)
    if source == "noun":
        return cand.content_is_clause and (lemma in SPEECH_NOUNS or _voiced(tok))
    if source == "object":
        return lemma in NAMING_CUES and _quoted_complement(cand) and not is_data(cand.subject)
    if lemma in FINDING_CUES or lemma not in SPEECH_CUES:
        return False
    if is_request(tok):
        return False  # "asked the court to stop Apple": what someone wants done, a stance
    content = _complement(tok)
    if lemma not in ASKING and content is not None and _open_question(content):
        return False  # "will announce which technology", "would not say whether": nothing said, a stance
    if source != "according" and not _says_something(cand):
        return False  # "called for a retrial", "demanded an apology": a noun, no proposition (GUIDE.md)
    if source == "xcomp":
        return lemma in SPEECH_XCOMP and not _passive(tok)
    if source == "prep":
        # "Labour has been accused of ...": the subject of a passive cue is not who spoke
        return not _passive(tok) and lemma in SPEECH_PREP and cand.cue.text.split()[-1].lower() in SPEECH_PREP[lemma] \
            and len(cand.cue.text.split()) <= 4
    return not is_data(cand.subject)


def _complement(tok):
    """The first clause after a cue that is its complement ("announce [which ...]", "asked X [to ...]")."""
    return next((c for c in tok.children if c.i > tok.i and c.dep_ in ("ccomp", "xcomp")), None)


def is_request(tok) -> bool:
    """'asked the court to stop Apple', 'was told to surrender his passport': asking or telling
    someone to do something states nothing (the annotated gold keeps none of them)."""
    if tok.lemma_.lower() not in ("ask", "tell"):
        return False
    content = _complement(tok)
    return content is not None and content.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in content.children)


def _says_something(cand: Candidate) -> bool:
    """Whether what a claim reports holds a verb or quoted words: a bare noun phrase ("called for
    a public inquiry", "demanded an apology", "denied the same offences") reports an act, not a
    proposition, and the speech convention leaves it out (a stance with `stances`)."""
    span = cand.cue_tok.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in span)


def _voiced(tok) -> bool:
    """'expressed concern that ...', 'fears were voiced by X that ...': a feeling or an opinion
    that a verb of utterance puts into words is said."""
    return tok.lemma_.lower() in VOICED_NOUNS and tok.dep_ in ("dobj", "nsubjpass") \
        and tok.head.lemma_.lower() in VOICING_VERBS


def _quoted_complement(cand: Candidate) -> bool:
    """'called the book "a triumph"', '(was) described as "idle speculation"': in what the verb
    names, a quote of two words or more that is no title says what the speaker called it."""
    text = doc_text(cand.cue_tok.doc)
    m = QUOTED_RE.search(text, max(cand.start - 1, cand.cue_tok.idx), cand.end + 1)
    return m is not None and len(m.group(1).split()) >= 2 and not is_title(m.group(1))


def _addressee_clause(tok, lemma, children) -> list:
    """'told a party gathering that X': the parse hangs the "that" clause on the addressee."""
    if lemma not in ADDRESSEE_CUES:
        return []
    return [c for o in children if o.dep_ == "dobj" and o.i > tok.i for c in o.children
            if c.dep_ in ("acl", "relcl") and c.i > o.i
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)][:1]


# prepositions of when and where something was said ("at a news conference", "in a letter"),
# not of what about ("asked about criticism that ...")
OCCASION_PREPS = {"at", "in", "during", "on", "to", "after", "before"}


def _clause_on_occasion(tok, lemma, children) -> list:
    """'said on Friday during a news conference that X': the parse hangs the "that" clause on
    the noun of a phrase that says when or where the words were said; its "that" is a
    complementiser (a relative "that" is the clause's subject or object, not its mark)."""
    if lemma not in CLAUSE_CUES:
        return []
    return [c for p in children if p.dep_ == "prep" and p.i > tok.i and p.lower_ in OCCASION_PREPS
            for o in p.children if o.dep_ == "pobj"
            for c in o.children if c.dep_ in ("acl", "relcl") and c.i > o.i
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)][:1]


def _named_by(tok) -> tuple[object, tuple[int, int]] | None:
    """'X was described as "idle speculation" by Downing Street': the agent, and the complement."""
    if not _passive(tok):
        return None
    by = next((t for t in tok.subtree if t.i > tok.i and t.lower_ == "by" and t.dep_ in ("agent", "prep")), None)
    agent = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    comp = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                 if o.dep_ == "pobj"), None) or next((c for c in tok.children if c.dep_ == "oprd"), None)
    if agent is None or comp is None or agent.i < comp.i:
        return None
    return agent, _subtree_span(comp, exclude=[by])


def reported_candidates(doc, captions, qranges) -> list[Candidate]:
    out: list[Candidate] = []
    captions, qranges = Ranges(captions), Ranges(qranges)
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
        if _no_statement(tok, lemma, subj, children):
            continue
        negated = any(c.dep_ == "neg" for c in children)
        found = None
        headless = False
        ccomp = [c for c in children if c.dep_ == "ccomp"] or _addressee_clause(tok, lemma, children) \
            or _clause_on_occasion(tok, lemma, children)
        if subj is not None and subj.i < tok.i:
            # "after Ms X, asked about it, had said that Y": a clause before the cue that holds its
            # speaker is not what was said
            ccomp = [c for c in ccomp if not (c.i < tok.i and c.left_edge.i <= subj.i <= c.right_edge.i)]
        if subj is None and ccomp and ccomp[0].i < tok.i and _quote_follows(tok) \
                and not _quoted_before(tok, ccomp[0]):
            # 'The row began after Mr Hale, asked about it, had said, "..."': a cue its quote
            # follows, with no subject of its own, reports the quote, never the words before
            # it; the quote is left to the finder of direct quotes
            continue
        if subj is None and ccomp and ccomp[0].i < tok.i and lemma in INVERTED_CUES and tok.dep_ == "ROOT":
            subj = _inverted_subject(tok)
        mid = _mid_sentence_speaker(tok, ccomp) if subj is None and lemma in INVERTED_CUES else None
        if mid is not None:  # "Although A, said Mr Hogan, B": the whole sentence is what he said
            subj, found = mid, ("clause", _subtree_span(tok))
        if found is None and lemma in CLAUSE_CUES and ccomp:
            content = ccomp[0]
            # "Wang said that X, and called on Y": a cue conjoined to the content's verb with
            # no subject of its own is coordinated with this cue, not part of what was said
            # (of any clause the parse hung on the cue: 'said A - B - but said C')
            coord = [c for k in ccomp if k.i > tok.i for c in k.children if c.dep_ == "conj" and c.i > tok.i
                     and _is_cue(c)
                     and c.lemma_.lower() in SPEECH_CUES  # "... aware of it but continued to work": one clause
                     and any(g.dep_ in ("ccomp", "prep") or g.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_XCOMP
                             for g in c.children)  # "... but continued to work": a "to" clause says nothing
                     and not any(g.dep_ in SUBJECT_DEPS for g in c.children)]
            # "said X, adding that Y" / ", saying: '...'": a participle of saying set off by a
            # comma inside the content is a second claim of the same speaker, not part of the first
            coord += [c for c in content.subtree if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > content.i
                      and c.i > tok.i and c.lemma_.lower() in SPEECH_CUES and _is_cue(c)
                      and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
                      and any(g.dep_ == "ccomp" or g.is_punct and g.text == ":" for g in c.children)]
            for c in coord:
                inherited[c.i] = subj
            side = {"after": tok.i} if content.i > tok.i else {"before": tok.i}
            s, e = _subtree_span(content, exclude=coord, **side)
            s = _lost_subject(tok, lemma, content, s)
            s = _object_of_contact_clause(tok, lemma, children, content, s)
            s = _after_time_of_saying(tok, content, s)
            if content.i > tok.i:
                e = _split_clause_end(tok, ccomp, e)
                e = _clause_after_quote(tok, children, e)
                e = _coordinated_content(tok, content, e)
            else:
                e = _tail_before_cue(tok, subj, content, e)
                e = _clause_resumed(tok, subj, children, e)
            # "a proposal, which Washington says would aim to ...": the content has lost its
            # subject to the relative clause, so the claim is a weaker reading
            headless = content.i > tok.i and any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in content.children)
            if tok.tag_ == "VBG" and content.i > tok.i and tok.sent.root.i > content.right_edge.i:
                # "saying while X might seem Y, the two countries wanted Z": the participle's
                # content runs to the end of the sentence its clause was misparsed into
                e = _subtree_span(tok.sent.root, after=content.right_edge.i)[1]
            found = ("clause", (s, e))
        host = _as_said(tok, children) if found is None and lemma in CLAUSE_CUES and subj is not None else None
        if host is not None:
            found = ("clause", _subtree_span(host, exclude=[tok]))
        if found is None and lemma in INVERTED_CUES and subj is not None and not ccomp \
                and (before := _clause_before_comma(tok, subj)) is not None:
            found = ("clause", before)
        if found is None and lemma == "say" and subj is not None and not ccomp \
                and (before := _quoted_as_saying(tok, subj)) is not None:
            found = ("clause", before)
        if found is None and lemma in CLAUSE_CUES and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            # '"Only you," she said, "would ..."': the clause the cue interrupts
            found = ("clause", _subtree_span(tok.head, exclude=[tok]))
            before = [c for c in children if c.dep_ in SUBJECT_DEPS and c.i < tok.i]
            if before and tok.head.i > tok.i and not any(c.dep_ in SUBJECT_DEPS for c in tok.head.children) \
                    and any(c.dep_ in SUBJECT_DEPS and c.i > tok.i for c in children):
                # 'The answer, says Prof Lane, is radio': the parse gave the cue the subject of the
                # clause it interrupts; as with 'Although A, said X, B' the sentence is the claim
                found = ("clause", (_subtree_span(before[0])[0], found[1][1]))
        if found is None and lemma in XCOMP_CUES:
            x = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
            if lemma == "confess":  # "confessed to be behind it", not "confess to ensure ..." (an aim)
                x = [c for c in x if c.lemma_.lower() in ("be", "have")]
            if x:
                obj = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < x[0].i] \
                    or [o for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on") and tok.i < c.i < x[0].i
                        for o in c.children if o.dep_ == "pobj"]  # "appealed for the gunmen to ..."
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
                if prep.lower_ == "to" and lemma in ("confess", "admit"):
                    # "confessed to taking it", not "confessed to a friend" (the addressee)
                    objs = [c for c in objs if c.dep_ == "pcomp" or c.tag_ == "VBG"]
                if not objs:
                    continue
                x = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > prep.i]
                obj = [c for c in children if c.dep_ == "dobj" and c.i < prep.i]
                start = _subtree_span(obj[0])[0] if obj and lemma in ("accuse", "praise", "blame",
                                                                      "criticize", "criticise", "thank") \
                    else _subtree_span(objs[0])[0]
                end = _subtree_span(x[0])[1] if x else _infinitive_after(objs[0], _subtree_span(objs[0])[1])
                if not x:  # "called for a change in the law so (that) householders are ...": its aim
                    aim = next((c for c in children if c.dep_ == "advcl" and c.left_edge.lower_ == "so"
                                and c.left_edge.dep_ == "mark" and c.left_edge.idx >= end
                                and not doc_text(doc)[end:c.left_edge.idx].strip()), None)
                    if aim is not None:
                        end = _subtree_span(aim)[1]
                cue = Span(doc[tok.i:prep.i + 1].text, tok.idx, prep.idx + len(prep.text))
                out.append(Candidate(start, end, cue, tok, subj, "prep"))
                found = ("done", None)
                break
        if found is None and lemma in PREP_CUES and "for" in PREP_CUES[lemma] and not negated:
            # 'pleaded for their son to come home': the parse reads "for X to do" as a clause
            # with "for" as its mark, not as a prepositional object
            clause = next((c for c in children if c.dep_ == "advcl" and c.i > tok.i and c.left_edge.i == tok.i + 1
                           and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"), None)
            if clause is not None:
                mark = clause.left_edge
                s, e = _subtree_span(clause, after=mark.i)
                cue = Span(doc[tok.i:mark.i + 1].text, tok.idx, mark.idx + len(mark.text))
                out.append(Candidate(s, e, cue, tok, subj, "prep"))
                continue
        if found is None and lemma in OBJECT_CUES and not negated:
            obj = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
            # 'called him a "liar"' (what he is said to be), not 'dubbed it "the bridge to nowhere"' (a name)
            named = lemma in NAMING_CUES and lemma != "dub" and any(
                c.dep_ == "oprd" and next((t for t in c.subtree if not t.is_punct), c).lower_ != "the"
                for c in children)
            if obj and (named or obj[0].pos_ not in ("PRON",) and obj[0].lower_ not in ("it", "this", "that")):
                s, e = _subtree_span(obj[0])
                extra = [c for c in children if c.i > obj[0].i and (c.dep_ in ("oprd", "ccomp", "xcomp", "dobj")
                                                                   or lemma in NAMING_CUES and c.lower_ == "as")]
                if extra:
                    e = max(e, _subtree_span(extra[0])[1])
                elif lemma in NAMING_CUES and (m := NAMED_AS_RE.match(doc_text(doc), e)) is not None:
                    e = m.end()  # 'called the work "thought provoking"': a quote the parse hung elsewhere
                found = ("object", (s, e))
        if found is None and lemma in NAMING_CUES and (named := _named_by(tok)) is not None:
            subj, found = named[0], ("object", named[1])
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
    for cand in out:
        cand.stance = not is_speech(cand)
    return out


PEOPLE_NOUNS = ROLE_NOUNS | PERSON_NOUNS


def _infinitive_after(obj, end: int) -> int:
    """'called on Mr Hale to quit', 'pleaded for their son to come home': the "to" clause right
    after a prepositional object says what the object was asked to do, and the parse seldom
    hangs it on the cue (often it makes the infinitive the root). The content runs to the end
    of that clause's words after "to" (not past a clause coordinated with it)."""
    doc = obj.doc
    k = obj.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].tag_ != "TO" or doc[k + 1].pos_ not in ("VERB", "AUX") \
            or doc[k].idx < end or doc_text(doc)[end:doc[k].idx].strip():
        return end
    verb = doc[k + 1]
    while verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head  # "to be given a free hand"
    coord = [c for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i]
    return max(end, _subtree_span(verb, exclude=coord, after=k)[1])




def _no_statement(tok, lemma: str, subj, children) -> bool:
    """A verb of saying that reports nothing said: "That said, ...", "it has to be said", "refused
    to say whether", "declined to comment", "was asked to explain", "when asked if", "adds to the
    awards" (to add to is to increase)."""
    if subj is not None and subj.lower_ in ("that", "this") and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].text == "," and subj.i == tok.i - 1:
        return True  # "That said, it is fun"
    if subj is not None and _nobody(subj):
        return True  # "Neither the firm nor the union commented on ...", "No official said ..."
    if subj is not None and subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in children):
        return True  # "it has to be said", "it is said": no one's statement
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline", "fail"):
        return True  # "refused to say whether"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "ask" and any(c.dep_ in ("auxpass", "nsubjpass")
                                                                      for c in tok.head.children):
        return True  # "Ministers have been asked to explain how ..."
    if lemma == "ask" and tok.tag_ == "VBN" and subj is None:
        return True  # "when asked if he had met Trump": the question put to him
    # "the triumph adds to the three Grammys": a thing adding to things ("he added to reporters that" speaks)
    return lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" and c.i == tok.i + 1 for c in children) \
        and (subj is None or subj.pos_ == "NOUN" and not subj.ent_type_ and subj.lemma_.lower() not in PEOPLE_NOUNS)


# verbs that ask: what they report is a question put, which the guide counts ("asked whether ...")
ASKING = frozenset({"ask", "question", "wonder", "query", "inquire", "enquire", "demand", "challenge"})
QUESTION_WORDS = frozenset({"which", "what", "how", "why", "who", "whom", "whether"})


def _open_question(clause) -> bool:
    """Whether a complement clause is an open question ("which technology it is backing", "how to
    get patches"): it opens with a question word that is no part of a subject ("what they create
    is art itself" asserts something)."""
    first = clause.left_edge
    if first.lower_ not in QUESTION_WORDS or first.idx < clause.sent.start_char:
        return False
    before = doc_text(clause.doc)[max(0, first.idx - 3):first.idx].rstrip()
    if before.endswith(("\"", "\u201c", "\u2018", "'", ":", "`")):
        return False  # a quoted question ('He continued: "How can there be ...'): the speaker's words
    t = first
    while t.i != clause.i:
        if t.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
            return False
        t = t.head
    return True


QUOTE_AFTER_CUE_RE = re.compile(r"\s*[,:]\s*(?:[\"\u201c]|``|'')")


def _quote_follows(tok) -> bool:
    """'had said, "...', 'told reporters: "...': a quote opens right after the cue."""
    return QUOTE_AFTER_CUE_RE.match(doc_text(tok.doc), tok.idx + len(tok.text)) is not None


def _quoted_before(tok, clause) -> bool:
    """'"A," he said, "B."': the clause before the cue is a quote too (split by its cue)."""
    return bool(re.search(r"[\"\u201c\u201d]|``|''", doc_text(tok.doc)[clause.left_edge.idx:tok.idx]))


def _nobody(subj) -> bool:
    """A subject that says no one spoke: "nobody", "no one", "none of the banks", "no official",
    "neither the firm nor the union"."""
    if subj.lower_ in ("nobody", "none", "noone") or subj.lower_ == "one" and subj.i > 0 \
            and subj.doc[subj.i - 1].lower_ == "no":
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") and c.i < subj.i for c in subj.children)


# verbs of saying that take no addressee as object: after its content, "..., insisted the
# chairman" is the speaker (the parse makes it the object)
INVERTED_CUES = frozenset({"say", "claim", "add", "insist", "argue", "explain", "declare", "admit", "reply",
                           "state", "note", "suggest", "comment", "continue", "concede"})


def _as_said(tok, children):
    """'As the minister said, the plan will cost more', 'whether, as the Tories claim, he plans
    to raise tax': a verb of saying in an "as" clause with nothing said of its own reports the
    clause it is set in. Returns that clause's verb, or None ("As he said this, ...", "as
    expected" and "as he spoke" are no such clause)."""
    doc = tok.doc
    if tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX") or tok.left_edge.lower_ != "as" \
            or tok.left_edge.dep_ != "mark":
        return None
    addressed = tok.lemma_.lower() in ADDRESSEE_CUES
    if any(c.dep_ in ("ccomp", "xcomp", "dative", "advcl") or c.dep_ == "dobj"
           and (not addressed or c.lower_ in ("this", "that", "it", "so")) for c in children):
        return None  # "As he said this," (but "As he told reporters,")
    last = tok.right_edge.i
    comma = doc[last] if doc[last].text == "," else doc[last + 1] if last + 1 < len(doc) else None
    return tok.head if comma is not None and comma.text == "," and comma.i > tok.i else None


def _clause_before_comma(tok, subj) -> tuple[int, int] | None:
    """'This has amplified reactions to news, analysts said, adding ...': a sentence that opens
    with a clause, then a comma, its subject and a verb of saying that ends the sentence (or
    goes on with a participle); the parse lost the clause (it made its verb an adjective) but
    the words before the comma are what was said. Only at the root of its sentence, with a verb
    in the words before the comma, and nothing the verb governs after it but punctuation and
    participles."""
    doc = tok.doc
    first = subj.left_edge.i
    if tok.dep_ != "ROOT" or first < 2 or doc[first - 1].text != "," or tok.i - subj.i > 1:
        return None
    if any(c.i > tok.i and c.dep_ not in ("punct", "advcl", "npadvmod", "prep") for c in tok.children):
        return None
    return _opening_clause(doc, first)


def _quoted_as_saying(tok, subj) -> tuple[int, int] | None:
    """'The law will be applied case by case, minister Jo Hart was quoted as saying': a speaker
    quoted (or reported) as saying, with nothing said after it, said the clause before the comma
    that opens the speaker's phrase."""
    verb = tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ == "as" else None
    if verb is None or verb.lemma_.lower() not in ("quote", "report", "cite") or verb.tag_ != "VBN" \
            or any(c.i > tok.i and not c.is_punct and c.dep_ != "prep" for c in tok.children):
        return None
    first = subj.left_edge.i
    if first < 2 or tok.doc[first - 1].text != "," or not first < verb.i <= subj.i + 3:
        return None
    return _opening_clause(tok.doc, first)


def _opening_clause(doc, first: int) -> tuple[int, int] | None:
    """The finite clause that opens a sentence and ends in the comma before token `first`."""
    start = first - 1  # back to the sentence's real start (the parse may end a sentence at the comma)
    while start > 0 and first - start < 60 and doc[start - 1].text not in (".", "!", "?", ";", ":") \
            and "\n" not in doc[start - 1].text:
        start -= 1
    words = doc[start:first - 1]
    if len(words) < 3 or any(t.is_quote for t in words) \
            or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words) \
            or words[0].pos_ == "SCONJ" or words[0].lower_ in CONTENT_MARKS | {"as", "when", "while", "where"}:
        return None  # a finite clause, not "Speaking on Monday," nor "As the talks resumed,"
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _inverted_subject(tok):
    """'The plan would fail, insisted the chairman': the noun after a verb of saying whose
    content comes before it and that has no subject of its own."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "attr") and c.i > tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.i - tok.i > 6:
        return None
    return obj


def _mid_sentence_speaker(tok, ccomp):
    """'Although A, said Mr Hogan, B' / 'By contrast, said Ms Lane, B': a verb of saying set
    between commas inside a sentence, its speaker right after it; the parse makes the speaker
    the subject of B. Returns the speaker's head token."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.i == tok.sent.start or doc[tok.i - 1].text != "," or not ccomp \
            or ccomp[0].i < tok.i:
        return None
    who = next((c for c in ccomp[0].children if c.dep_ in SUBJECT_DEPS and c.left_edge.i == tok.i + 1), None)
    if who is None or who.pos_ not in ("PROPN", "NOUN"):
        return None
    comma = next((t.i for t in doc[who.i + 1:min(who.i + 7, tok.sent.end)] if t.text == ","), None)
    return who if comma is not None and comma + 1 < ccomp[0].right_edge.i else None  # "said Mr Hogan, B"


def doc_text(doc) -> str:
    """The document's text, built once per document (Doc.text joins every token at each call)."""
    text = doc.user_data.get("quotebrief_text")
    if text is None:
        text = doc.user_data["quotebrief_text"] = doc.text
    return text


def _split_clause_end(tok, ccomp, end: int) -> int:
    """'said the Commission should re-submit it', 'said she is "certain" her son did not ...': the
    parse splits one reported clause into several clausal complements of the cue; the content
    runs to the end of the last one that follows with no stop, colon or semicolon between."""
    doc = tok.doc
    for c in ccomp[1:]:
        if c.i < tok.i:
            continue
        s, e = _subtree_span(c, after=tok.i)
        k, between = c.left_edge.i - 1, []
        while k >= 0 and doc[k].idx >= end:
            between.append(doc[k])
            k -= 1
        if s < end or re.search(r"[.;:!?]", doc_text(doc)[end:s]) or any(t.pos_ in ("VERB", "AUX") for t in between) \
                or any(t.lemma_.lower() in CLAUSE_CUES and t.pos_ == "VERB" for t in c.subtree if t.i != c.i):
            break  # '..., but said the outcome was open': a verb of its own between them or in it
        end = e
    return end


CONTENT_MARKS = {"after", "because", "since", "if", "unless", "until", "although", "though", "before", "once"}


def _coordinated_content(tok, content, end: int) -> int:
    """'said the rules were not written down but it was inconceivable that ...', 'said the play is
    produced by women and it is not forced on them': a clause with a subject of its own, joined by
    "and"/"but" right after the content, goes on with what was said, wherever the parse hangs it
    (on the content or on the cue); never a clause of saying or thinking ("but the Kiwi said ...")."""
    doc = tok.doc
    conj = next((c for c in list(content.children) + list(tok.children)
                 if c.dep_ == "conj" and c.i > content.i and c.pos_ in ("VERB", "AUX")), None)
    if conj is None or conj.idx < end or conj.lemma_.lower() in CLAUSE_CUES | SPEECH_CUES \
            or not any(g.dep_ in SUBJECT_DEPS and g.i < conj.i for g in conj.children):
        return end
    between = [t for t in doc[tok.i + 1:conj.left_edge.i] if t.idx >= end]
    if not between or between[-1].lower_ not in ("and", "but") or any(t.pos_ in ("VERB", "AUX") or t.text in ".;:!?"
                                                                    for t in between):
        return end
    if any(t.lemma_.lower() in CLAUSE_CUES and t.pos_ == "VERB" for t in conj.subtree):
        return end  # "but gamers will now fear that ...": a clause of someone's saying or thinking
    return max(end, _subtree_span(conj, after=tok.i)[1])


def _clause_after_quote(tok, children, end: int) -> int:
    """'insisted he was "livid" after his side were denied two tries': a content that ends with a
    closing quote mark, straight after it a subordinate clause the parse hung on the cue; the
    quote mark misled the parse, the clause goes on what was said."""
    doc = tok.doc
    text = doc_text(doc)
    if end < 1 or text[end - 1] not in "\"\u201d":
        return end
    nxt = next((c for c in children if c.dep_ == "advcl" and c.left_edge.idx >= end), None)
    if nxt is None or nxt.left_edge.dep_ != "mark" or nxt.left_edge.lower_ not in CONTENT_MARKS \
            or text[end:nxt.left_edge.idx].strip() or not any(c.dep_ in SUBJECT_DEPS for c in nxt.children):
        return end  # 'said it was "sound" when asked', 'as she left', 'after meeting him': the saying's
    return _subtree_span(nxt)[1]


ADDRESSED = {"tell", "ask", "warn", "assure", "remind", "inform", "promise", "urge", "advise", "notify", "reassure"}


def _tail_before_cue(tok, subj, content, end: int) -> int:
    """'A was greatest where broadband grew, in particular the UK, France and Spain, said the
    report': the parse hangs the words between the content and an inverted cue on the cue (here
    as a second subject); set off by commas, with no verb of their own, they end what was said."""
    doc = tok.doc
    if subj is None or subj.i < tok.i:
        return end  # only "..., said X": before "X said" a phrase may be the speaker's description
    k = tok.i - 1
    if k < 0 or doc[k].text != ",":
        return end
    gap = [t for t in doc[content.right_edge.i + 1:k] if t.idx >= end]
    words = [t for t in gap if not t.is_punct]
    if not words or "," not in doc_text(doc)[end:words[0].idx] or any(t.pos_ in ("VERB", "AUX") for t in words) \
            or any(t.is_quote for t in gap) or any(t.head.i != tok.i and t.head.i not in {w.i for w in gap}
                                                   for t in words):
        return end
    return words[-1].idx + len(words[-1].text)


def _clause_resumed(tok, subj, children, end: int) -> int:
    """'This estimate is preliminary, Mr Mendis told reporters, and could rise in 2006' / 'The plan
    would help, says the party - and insulation could save £100': what was said goes on after a
    cue set in its middle (a second clause of the cue, or a modal verb with no subject of its own),
    so the claim runs over the cue, as a quote split by "he said" does."""
    doc = tok.doc
    left = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    marks = (",", "-", "\u2013")
    before = doc[left - 1] if left > 0 else None
    set_off = before is not None and (before.text in marks or before.is_quote and doc[left - 2].text in marks)
    if not set_off or not any(t.text in marks for t in doc[tok.i + 1:tok.i + 4]):
        return end  # the cue and its speaker are set off in the sentence by commas or dashes
    more = [c for c in children if c.i > tok.i and c.sent.start == tok.sent.start and (
        c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS for g in c.children) and c.lemma_.lower() not in SPEECH_CUES
        or c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        and any(g.tag_ == "MD" for g in c.children))]
    if not more:
        return end
    return max(end, _subtree_span(more[-1])[1])


def _after_time_of_saying(tok, content, start: int) -> int:
    """'said on Tuesday it would cut rates', 'said last week the plant would close': a time
    right after the cue, before the clause's subject and with no "that" before it, says when
    the words were said; the parse hangs it on the clause, but it is not what was said."""
    doc = tok.doc
    if content.i < tok.i:
        return start
    first = tok.i + 1
    while first < content.i and doc[first].is_punct:
        first += 1
    lead = next((c for c in content.children if c.left_edge.i == first and c.dep_ in ("prep", "npadvmod")), None)
    if lead is None or not any(t.ent_type_ in ("DATE", "TIME") for t in lead.subtree):
        return start
    subj = next((c for c in content.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.left_edge.i != lead.right_edge.i + 1 or doc[lead.left_edge.i].idx < start:
        return start
    return subj.left_edge.idx


def _object_of_contact_clause(tok, lemma: str, children, content, start: int) -> int:
    """'reported a 500% rise in the messages it was catching': a verb of saying with no
    addressee, a noun object, and straight after it a clause with no "that" the parse hangs on
    the cue: the clause qualifies the object (a relative clause without its pronoun), and what
    was reported is the object with it."""
    if content.i < tok.i or lemma in ADDRESSED:
        return start
    obj = next((c for c in children if c.dep_ == "dobj" and tok.i < c.i < content.i), None)
    if obj is None or obj.pos_ != "NOUN" or obj.right_edge.i + 1 != content.left_edge.i \
            or any(m.dep_ == "mark" for m in content.children):
        return start
    return min(start, _subtree_span(obj)[0])


def _lost_subject(tok, lemma: str, content, start: int) -> int:
    """'X said around eight members were leaving': a reported clause with no subject whose
    words between cue and clause the parse hung on the cue (an object, a preposition) has
    lost its subject to it; the content starts right after the cue. Not for verbs whose
    object is the addressee ('told reporters')."""
    if content.i < tok.i or lemma in ADDRESSED or any(c.dep_ in SUBJECT_DEPS for c in content.children):
        return start
    doc = tok.doc
    first = tok.i + 1
    while first < content.i and (doc[first].is_punct or doc[first].lower_ == "that"):
        first += 1
    gap = doc[first:content.left_edge.i]
    if not gap or doc[first].idx >= start \
            or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") or t.text in ",;:" for t in gap) \
            or not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in gap) \
            or any(t.head.i != tok.i and not tok.i < t.head.i < content.left_edge.i for t in gap):
        return start
    return doc[first].idx


def _noun_cue(tok) -> Candidate | None:
    """'Trump's remarks about Mexico', 'Clinton made the claim that ...': whose, and about what."""
    holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    light = tok.head.lemma_.lower() in LIGHT_VERBS | VOICING_VERBS
    if holder is None and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        holder = subject_of(tok.head)  # "Clinton made remarks about ...", "issued a statement that ..."
        if holder is not None and not light \
                and not (holder.pos_ in ("PROPN", "PRON") or holder.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            holder = None
    if holder is None and tok.dep_ == "nsubjpass" and light:
        # "Concerns have been raised by parents that ...": the agent voiced them
        holder = next((o for c in tok.head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
                      None)
    # "gave assurances that ...", "concerns were raised by X that ...": the parse hangs the
    # noun's "that" clause on the verb
    # (or on the agent: "raised by parents that ...")
    hosts = [tok.head] + ([holder] if tok.dep_ == "nsubjpass" and holder is not None else [])
    verb_clause = next((c for h in hosts for c in h.children if c.dep_ in ("ccomp", "acl", "relcl") and c.i > tok.i
                        and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None) \
        if light and tok.dep_ in ("dobj", "nsubjpass") else None
    if holder is None or holder.lower_ in ("my", "our", "your"):
        return None
    content, clause = None, False
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPS:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                content = _subtree_span(obj)
                break
        if c.dep_ in ("acl", "ccomp", "relcl") \
                and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
            # (a relative clause whose "that" is its mark: "confirmations that he was guilty")
            content, clause = _subtree_span(c), True
            break
    if content is None and verb_clause is not None:
        content, clause = _subtree_span(verb_clause), True
    if content is None or content[1] - content[0] < MIN_CONTENT_CHARS:
        return None
    if is_title(_span_text(tok.doc, content)):
        return None  # "Washington's suggestion of a 'Summit for Democracy'": a name, not a claim
    cue = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    cand = Candidate(content[0], content[1], cue, tok, holder, "noun")
    cand.content_is_clause = clause
    return cand


# what things are done "according to": rules and plans, no source that says anything
# (a plan, an agreement or a contract is a document that may report: "according to his plea agreement")
RULE_NOUNS = frozenset({"law", "rule", "regulation", "constitution", "schedule", "tradition", "custom", "guideline",
                        "statute", "legislation", "procedure", "protocol", "principle", "timetable"})


def _according_to(tok) -> Candidate | None:
    """'X happened, according to Y' / 'According to Y, X happened'."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ == "NOUN" and pobj.lemma_.lower() in RULE_NOUNS:
        return None  # "dealt with according to the competition law": what is done by a rule, not who says it
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in SPEECH_CUES \
            and any(c.dep_ == "nsubj" and c.i > tok.i for c in head.children):
        return None  # "According to an advance text, he told delegates: ...": he speaks, the text reports it
    pp = tok if tok.head.i == head.i else next((a for a in tok.ancestors if a.head.i == head.i), tok)
    s, e = _subtree_span(head, exclude=[pp])
    if pp.i < head.i and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        # 'According to the paper, 300 jobs - a third - could go': the parse took the clause's
        # subject for an apposition of the source; the content starts after the source's comma
        comma = next((t for t in tok.doc[pobj.i + 1:head.i] if t.text == ","), None)
        if comma is not None and comma.i + 1 < head.i and tok.doc[comma.i + 1].idx < s:
            s = tok.doc[comma.i + 1].idx
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
    noun_heads = {o.cue_tok.head.i for o in cands if o.source == "noun"}
    cands = [c for c in cands if not (c.source == "object" and c.cue_tok.i in noun_heads)]
    # heads of the participles and conjoined cues whose clause says what a claim is
    said_by = {o.cue_tok.head.i for o in cands if o.cue_tok is not None
               and o.cue_tok.dep_ in ("advcl", "conj", "xcomp") and o.source in ("clause", "xcomp")}
    contents = Stabbing((o.start, o.end) for o in cands)  # how many contents hold an offset
    keep = []
    for c in cands:
        if c.cue_tok is None:
            keep.append(c)
            continue
        p = c.cue.start
        inside = contents.count(p) > (1 if c.start <= p < c.end else 0)  # another content holds the cue
        # a participle's clause is never the object or prep claim itself, so `o is not c` holds
        explained = c.source in ("object", "prep") and c.cue_tok.i in said_by \
            and (c.stance or c.source == "prep")  # "described X as "Y" and said Z": two claims
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
