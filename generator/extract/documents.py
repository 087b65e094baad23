"""Documents and who speaks through them: a report, a leaflet, a lawsuit or a book says what its
issuer or author says ("said the leaflet published by A and B", "the lawsuit said", "a study by X
found ... said the report"), and a lede's unnamed source ("new guidelines say") is the body the
next sentences name."""

from __future__ import annotations

from generator.extract.lexicon import DATA_NOUNS, DOCUMENT_NOUNS, LEGAL_NOUNS, SPEECH_CUES, SUBJECT_DEPS
from generator.extract.orgs import GOVERNMENT_NOUNS, ORG_NOUNS

# verbs that bring a document into the world: "X published a report", "guidance issued by X"
ISSUE_VERBS = {"publish", "issue", "release", "produce", "write", "commission", "draw", "prepare", "compile",
               "send", "circulate", "unveil", "launch", "submit", "present", "author", "distribute", "put",
               "file", "lodge", "bring"}
# documents a body issues to speak for it (never a letter or a message: people write those)
REPORT_NOUNS = {"report", "study", "survey", "statement", "submission", "review", "analysis", "research"}


class Documents:
    """Mixin of the Resolver: needs `doc`, `orgs`, `cast`, `people`, `salience`, `org_history` and `resolve`."""

    def _issued_by(self, subj, window: int = 250) -> str | None:
        """Who issued the document a definite 'the report' means, from where the article first
        brings it in: 'The committee published a report', 'guidance issued by the CPS', 'The leaflet,
        published by X'. A body, or a person ('the memo Mr X wrote'); None when nothing says."""
        doc, head = subj.doc, subj.lemma_.lower()
        same = LEGAL_NOUNS | {"suit", "case"} if head in LEGAL_NOUNS else {head}  # "X filed the suit ... the lawsuit"
        for t in reversed(doc[max(0, subj.i - window):subj.i + 1]):  # "said the leaflet, issued by X" too
            if t.pos_ != "NOUN" or t.lemma_.lower() not in same or not self.cast._usable(t):
                continue
            issuer = self._issuer_of(t)
            if issuer is not None:
                return issuer
        return None

    def _issuer_of(self, t) -> str | None:
        """Who the text says issued the document noun t ('a report published by X', 'X wrote a
        letter'), or None."""
        agents = [o for c in t.children if c.dep_ == "acl" for b in c.children
                  if b.lower_ == "by" and b.dep_ in ("agent", "prep") for o in b.children if o.dep_ == "pobj"]
        if t.dep_ == "dobj" and t.head.lemma_.lower() in ISSUE_VERBS:
            agents += [c for c in t.head.children if c.dep_ == "nsubj"]
        if t.dep_ == "nsubjpass" and t.head.lemma_.lower() in ISSUE_VERBS:
            agents += [o for b in t.head.children if b.lower_ == "by" for o in b.children if o.dep_ == "pobj"]
        for a in agents:
            if a.pos_ == "PRON":
                continue
            res = self.resolve(a, record=False)
            if res.name is not None and res.how not in ("pair", "joint" if a.dep_ == "nsubj" else "") \
                    and res.kind != "place":
                return res.name  # "published jointly by A and B": both
        return None

    def _plaintiff(self, subj, window: int = 600) -> str | None:
        """Who brought the lawsuit a definite 'the lawsuit' means when nothing says who filed it:
        the last one the article says is suing ("Willis is suing the studio ... The lawsuit said")."""
        if subj.lemma_.lower() not in LEGAL_NOUNS:
            return None
        for t in reversed(self.doc[max(0, subj.i - window):subj.i]):
            if t.lemma_.lower() == "sue" and t.pos_ == "VERB":
                for c in t.children:
                    if c.dep_ == "nsubj" and c.pos_ != "PRON":
                        res = self.resolve(c, record=False)
                        if res.name is not None and res.kind != "place":
                            return res.name
        return None

    def _author_of(self, subj, window: int = 400) -> str | None:
        """The person who wrote the document a definite 'the book' means, where the article names
        them as its author, before or just after: 'The book by journalist Robert Peston said ... the
        book claims', "according to the book. Mr Peston's book says". People write books and letters;
        a body issues reports (_issued_by)."""
        doc, head = subj.doc, subj.lemma_.lower()
        before = reversed(doc[max(0, subj.i - window):subj.i])
        for t in [*before, *doc[subj.i + 1:min(len(doc), subj.i + window // 4)]]:
            if t.pos_ != "NOUN" or t.lemma_.lower() != head:
                continue
            writers = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
                       for o in c.children if o.dep_ == "pobj"]
            writers += [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            for w in writers:
                if w.ent_type_ != "PERSON":
                    continue
                res = self.resolve(w, record=False)
                if res.name is not None and res.kind == "person":
                    return res.name
        return None

    def _last_document(self, subj, window: int = 400) -> str | None:
        """The issuer of the document that last spoke before a definite document noun no issuer is
        found for: "said the leaflet published by X ... The guidance also said" is X's guidance
        (an article about one document calls it by several nouns)."""
        if subj.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        for j, name, kind, _named, _plural in reversed(self.org_history):
            if j >= subj.i:
                continue
            if subj.i - j > window:
                break
            if kind != "place" and self.doc[j].lemma_.lower() in DOCUMENT_NOUNS and self.doc[j].pos_ == "NOUN":
                return name
        return None

    def _body_speaking_before(self, subj, window: int = 1500) -> str | None:
        """'the OECD said ... it added. However, the report warned': a document no issuer is found
        for speaks for the body that last spoke a claim before it (an article reports one body's
        report through its claims, between the people it quotes)."""
        if subj.tag_ != "NN":
            return None
        idx = subj.idx
        # the last body that spoke, past any person quoted since ("Envisional said ... '...,' Mr
        # Coppin said. ... said the report": Envisional's)
        before = next((r for r in reversed(self.said) if r.start < idx and r.kind != "person"), None)
        if before is None or idx - before.start > window or before.plural or before.kind != "organisation":
            return None
        return before.name

    def _committee_report(self, subj) -> str | None:
        """'The Transport Committee said ... The report said': a report no one is said to have
        issued, after the one committee the article names spoke, is that committee's (committees
        speak through their reports)."""
        body = self._one_member_body("committee") if subj.lemma_.lower() == "report" else None
        if body is None:
            return None
        return body if any(j < subj.i and name == body for j, name, *_rest in self.org_history) else None

    def _lede_body(self, subj, head: str, definite: bool = False) -> str | None:
        """Who an unnamed body or document opening the article ("regulators have said", "new
        guidelines say", "the UK elections watchdog has said") turns out to be: the body that is the
        named subject of the next sentence (of the next two for a definite one, which the lede
        only keeps back), or the issuer of the first document the next sentences say who issued
        ("said the leaflet published by X"). Only in the first sentence: the lede names its source
        later."""
        if self.salience is None or self.salience.sentence(subj.i) != 0 or len(self.salience.sent_starts) < 2:
            return None
        starts = self.salience.sent_starts
        if head in ORG_NOUNS - GOVERNMENT_NOUNS:
            qualified = any(c.dep_ in ("compound", "amod", "nmod") for c in subj.children)
            if not definite and subj.tag_ == "NNS" and qualified:
                return None  # "oil companies have warned": a class of bodies, not one the lede keeps back
            reach = 3 if definite or qualified else 2  # "a trade body has warned": the lede keeps one back
            end = starts[reach] if len(starts) > reach else len(self.doc)
            for t in self.doc[starts[1]:end]:
                if t.dep_ in SUBJECT_DEPS and (t.ent_type_ == "ORG" or t.pos_ == "PROPN") and self.cast._usable(t):
                    if any(c.dep_ == "conj" for c in t.children):
                        return None  # "Unison and Amicus met": which one?
                    res = self.resolve(t, record=False)
                    if res.kind == "organisation" and res.named and res.how in ("org", "propn"):
                        return res.name  # (a name the model tags as nothing: "the UK Internet Forum")
                    if t.ent_type_ == "ORG":
                        return None
            return None
        papers = DOCUMENT_NOUNS | DATA_NOUNS | {"guideline"}
        if head in papers:
            end = starts[8] if len(starts) > 8 else len(self.doc)
            for t in self.doc[starts[1]:end]:
                if t.pos_ == "NOUN" and t.lemma_.lower() in papers and self.cast._usable(t):
                    issuer = self._issuer_of(t) or self._body_on(t)
                    if issuer is not None:
                        return issuer
            # "..., a report says. The Higher Education Funding Council for England said": the body
            # the next sentence has speak issued it (a report's, never a website's or a letter's)
            nxt = self.doc[starts[1]:starts[2] if len(starts) > 2 else len(self.doc)] if head in REPORT_NOUNS else []
            for t in nxt:
                if t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_CUES and t.ent_type_ == "ORG" \
                        and self.cast._usable(t):
                    res = self.resolve(t, record=False)
                    if res.kind == "organisation" and res.named and res.how in ("org", "propn"):
                        return res.name
                    break
        return None

    def _body_on(self, t) -> str | None:
        """The body a document noun carries as its own: 'the Commission report', "the OECD's study"."""
        for c in t.children:
            if c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG" and c.i < t.i and self.cast._usable(c):
                res = self.resolve(c, record=False)
                if res.kind == "organisation" and res.named:
                    return res.name
        return None
