"""Who is speaking: from a subject mention to a named speaker.

- a name or surname ("Lavrov", "Wang") -> the full name given elsewhere;
- a pronoun ("he", "she", "it") -> pronouns.py: the last person (body) that was a subject;
- a description ("the veteran Russian diplomat") -> the person whose title or
  apposition shares its words, a nationality never contradicting;
- an organisation or place ("Hamas", "Washington", "the EU") -> itself.

The order in which people appear as grammatical subjects is what news writing relies
on for "he said": the Resolver keeps it.
"""

from __future__ import annotations

import functools
import re

from generator.extract.countries import home_government
from generator.extract.documents import REPORT_NOUNS, Documents
from generator.extract.lexicon import (
    AGENT_ENDINGS,
    AUTHORED_NOUNS,
    CLAUSE_CUES,
    DATA_NOUNS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GENDER_WORDS,
    GROUP_PRONOUNS,
    HONORIFICS,
    LEGISLATORS,
    MENTION_CUT,
    NAME_LINKS,
    NEGATIONS,
    NOBLE_TITLES,
    NOT_AGENTS,
    PAPER_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    POSTNOMINALS,
    QUALIFIERS,
    RELATIVE,
    ROLE_NOUNS,
    SPEECH_CUES,
    STOP,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from generator.extract.members import GROUP_SIZES, MEMBER_BODIES, Members
from generator.extract.mentions import Resolution, _clean_name, _name_text, _nationality, _strip_det, age_of
from generator.extract.orgs import (
    BODY_NOUNS,
    COMMERCIAL,
    CORPORATE,
    GOVERNMENT_NOUNS,
    ORG_NOUNS,
    SPOKES,
    Orgs,
    bare_police,
    common_noun_name,
    police_spokes,
)
from generator.extract.pairs import (
    COLLECTIVES,
    couple,
    included,
    joint,
    pair_for,
    people_noun,
    plural_people,
)
from generator.extract.pronouns import Pronouns, Said
from generator.extract.speakers import CLUB_WORDS, Cast
from generator.extract.tree import missed_stop, name_before, sentences_back
from generator.parse import cased, token_indices
from generator.titles import is_acronym

# verbs only a person (or body) does: their definite subject is an epithet ("the veteran lock
# told", never "the latest speculation suggests")
# nouns that end a body's name ("the Anti-Phishing Working group", "the Open Rights group")
NAME_NOUNS = {"group", "association", "union", "foundation", "society", "trust", "council", "committee",
              "commission", "federation", "league", "network", "institute", "coalition", "alliance", "forum"}
# a person's people: "Lind's defence", "her family", "Mr Smith's camp" (plurals count too: "his lawyers")
ENTOURAGE = {"defence", "defense", "camp", "team", "family", "lawyer", "attorney", "solicitor", "aide",
             "adviser", "advisor", "friend", "ally", "entourage", "supporter", "relative", "agent"}
# members of a legislature, whose committees speak as "MPs said"
CUE_LEMMAS = cased(CLAUSE_CUES)
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
# sources the text keeps unnamed: "the Tory source said" is no epithet for anyone it names
ANONYMOUS = {"source", "insider"}
# nouns for a group of people, never an epithet for one of them: "The band said" is not its singer
GROUP_NOUNS = COLLECTIVES | {"band", "jury", "panel", "couple", "family", "crew", "squad", "side", "orchestra",
                             "choir", "cast", "audience", "quartet", "police"}
# nouns for a body or a thing that news makes the subject of a verb of saying, never a person:
# "The alliance said", "the German exchange said", "The problem, he said, is"
NOT_EPITHETS = {"exchange", "bourse", "market", "opposition", "unit", "division", "venture", "partnership", "campaign",
                "movement", "lobby", "section", "motion", "suit", "name", "problem", "idea", "point", "question",
                "answer", "issue", "message", "decision", "result", "move", "plan", "deal", "case", "fact"}
EPITHET_CUES = {"say", "tell", "add", "insist", "explain", "admit", "reply", "claim", "declare", "joke"}
# a state has one of each: "the Libyan central bank", "Australia's competition watchdog", "Canadian
# authorities" name a body (a company does not: "the German carmaker" is one of several; "UK
# regulators" are a group)
STATE_BODIES = {"government", "governments", "administration", "ministry", "parliament", "regulator", "watchdog",
                "authority", "authorities", "police", "army", "military", "navy", "bank", "treasury", "senate",
                "cabinet", "embassy", "commission"}
# words that date a body rather than name it: "the new Indian government" is the Indian government
PASSING = {"new", "former", "current", "previous", "then", "outgoing", "incoming", "interim", "present", "last"}


# words news uses for the same party or side: "the Tory leader" is the Conservative leader
SAME_WORDS = {"tory": "conservative", "tories": "conservative", "conservatives": "conservative",
              "democratic": "democrat", "democrats": "democrat", "dem": "democrat", "dems": "democrat",
              "gop": "republican", "republicans": "republican", "lib": "liberal", "liberals": "liberal",
              "labour's": "labour", "boss": "chief", "head": "chief", "chairman": "chair", "chairwoman": "chair",
              "ceo": "chief", "premier": "minister", "pm": "minister", "ex": "former",
              "solicitor": "lawyer", "attorney": "lawyer", "barrister": "lawyer", "counsel": "lawyer",
              "solicitors": "lawyer", "attorneys": "lawyer", "barristers": "lawyer", "lawyers": "lawyer"}


# a party's word, as same_words gives it: a body in a description, though tagged as a people's
PARTY_WORDS = {"conservative", "labour", "liberal", "democrat", "republican", "snp", "ukip", "nationalist",
               "unionist", "green", "plaid"}
# nouns for a body or a person: capitalised inside a sentence still no name's end ("the Government")
COMMON_HEADS = BODY_NOUNS | ROLE_NOUNS | PERSON_NOUNS
# capitalised words of a title that name no body: "Prime Minister", "Striker X"
NOT_BODY_WORDS = TITLE_WORDS | ROLE_NOUNS | PERSON_NOUNS | QUALIFIERS | HONORIFICS | {"prime", "chief", "general"}


def same_words(words: set[str]) -> set[str]:
    return {SAME_WORDS.get(w, w) for w in words}


# a people's noun and its country, compared as its adjective: "the Welshman" is the Wales captain
DEMONYMS = {"welshman": "welsh", "welshwoman": "welsh", "wales": "welsh", "scot": "scottish", "scots": "scottish",
            "scotsman": "scottish", "scotswoman": "scottish", "scotland": "scottish", "briton": "british",
            "brit": "british", "britain": "british", "englishman": "english", "englishwoman": "english",
            "england": "english", "irishman": "irish", "irishwoman": "irish", "ireland": "irish",
            "frenchman": "french", "frenchwoman": "french", "france": "french", "dutchman": "dutch",
            "holland": "dutch", "spaniard": "spanish", "spain": "spanish", "germany": "german",
            "italy": "italian", "aussie": "australian", "australia": "australian", "kiwi": "new zealander"}


def nations(words: set[str]) -> set[str]:
    """Nationality words compared as one ("Welshman", "Wales", "welsh"; "Tory", "Conservative")."""
    return {DEMONYMS.get(w, SAME_WORDS.get(w, w)) for w in words}


def nationality_of(person) -> set[str]:
    """A person's nationality, with the country or people their title names ("Wales captain")."""
    return nations(person.nationality | {w for w in person.words if w in DEMONYMS}) - PARTY_WORDS


def role_words(role: str) -> set[str]:
    """The words of a role, hyphenated ones apart: "ex-Labour minister" holds "ex"."""
    return set(re.split(r"[\s\-\u2013]+", role.lower()))


def _qualified_otherwise(person, words: set[str], head: str) -> bool:
    """Whether a person's role carries a qualifier a description's words lack ("the chancellor"
    is not the shadow chancellor); a party's spokesman is its shadow minister ("The Tory spokesman"
    is the shadow foreign secretary)."""
    if not person.role:
        return False
    qualifiers = QUALIFIERS & role_words(person.role)
    if head in SPOKES:
        qualifiers -= {"shadow"}
    return bool(same_words(qualifiers) - same_words(words))


# role nouns that name no one office: a boss, a chief, a head may hold any title
ANY_OFFICE = {"chief", "head", "boss", "official", "veteran", "leader", "deputy", "vice", "rival",
              "opponent", "counterpart", "incumbent", "challenger", "expert", "prime"}


def _other_office(person, head: str) -> bool:
    """Whether the article gives a person another office than the one a description's noun
    names: "the prime minister" is not the home secretary, "the ex-home secretary" not a
    spokesman. Nouns of no one office ("the boss", "the chief") fit any title, and so does a party's
    or a body's spokesman ("The Tory spokesman": the shadow foreign secretary)."""
    if head not in ROLE_NOUNS or head in ANY_OFFICE | SPOKESPEOPLE:
        return False
    offices = {w for w in person.offices | ({person.role.lower().split()[-1]} if person.role else set())
               if w in ROLE_NOUNS and w not in ANY_OFFICE}
    return bool(offices) and not same_words({head}) & same_words(offices)


def name_run(head, word_ids=frozenset()) -> list:
    """The capitalised words around a name's head token ("Lt Col Eric Schnaible" of "Lt Col Eric
    Schnaible of the PCO"; "Rory O' Neill"), joined by hyphens or apostrophes. A word opening the
    sentence is part of it when it is joined on by a hyphen ("Winn-Dixie") or is a proper noun
    the article never writes in lower case ("Downing Street said"; `word_ids`: the article's
    word forms), never a common word ("Yields", "Company")."""
    doc = head.doc

    def part(t):
        return t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ in ("NOUN", "ADJ") or t.text in ("-", "'")

    def opener(t):
        return doc[t.i + 1].text in ("-", "'") and not t.whitespace_ or t.pos_ == "PROPN" and t.dep_ == "compound" \
            and t.head.i == head.i and not t.is_stop and doc.vocab.strings[t.lower_] not in word_ids

    i = head.i
    while i > head.sent.start and part(doc[i - 1]) and not missed_stop(doc[i - 1]) \
            and (not doc[i - 1].is_sent_start or opener(doc[i - 1])):
        i -= 1
    j = head.i
    while j + 1 < head.sent.end and part(doc[j + 1]):
        j += 1
    while j > head.i and doc[j].text in ("-", "'"):
        j -= 1
    return [t for t in doc[i:j + 1]]


class Resolver(Pronouns, Documents, Members):
    """Resolves subject mentions of one article to the people and bodies of its Cast."""

    def __init__(self, doc, skip: list[tuple[int, int]], quotes: list[tuple[int, int]], title: str = ""):
        self.cast = cast = Cast(doc, skip, quotes)
        self.doc, self.people, self.ent_at, self.word_ids = doc, cast.people, cast.ent_at, cast.word_ids
        self.full_names = cast.full_names
        self.orgs = Orgs(doc, skip, quotes, title, cast.ents)
        self.history: list[tuple[int, str]] = []  # (token index, person name) of subjects
        # singular people no name is known for ("a spokesman", "the minister"): a later "he" may
        # mean them, so they stand between a pronoun and the person named before; a spokesman of a
        # body stands for the body (token index -> (name or None, kind, gender, rule that found the body))
        self.stand_ins: dict[int, tuple[str | None, str, str | None]] = {}
        self.org_history: list[tuple[int, str, str, bool, bool]] = []  # (i, name, kind, named, plural)
        # subjects a later "they" may mean besides a body: people or bodies named together ("A and B
        # ruled"; name "A and B") and unnamed groups of people ("analysts"; name None)
        self.group_history: list[tuple[int, str | None, str]] = []  # (i, name or None, kind)
        self.group_speakers: set[int] = set()  # the groups of group_history that said or ruled something
        self.pairs: list[tuple[int, str, str]] | None = None  # names joined by "and" (pairs.py), when asked
        self.salience = None  # pronouns are ranked once `prepare` knows what the claims report
        # a "he"/"she" token -> (the name ranked first, its lead over the next name or None, sentences
        # back to its mention): how sure the ranking was, which confidence weighs
        self.leads: dict[int, tuple[str | None, float | None, int]] = {}
        self.claim_span: tuple[int, int] | None = None  # the content of the claim being resolved
        self.said: list[Said] = []  # the claims resolved so far that have a speaker, in order
        self.spoken: dict[int, Resolution] = {}  # subject token -> its speaker, once a claim named one
        self.people_by_pronoun: set[str] = set()  # one-word "bodies" a "he"/"she" showed to be people
        self.pronoun_subjects: set[int] = set()
        # the words of the places the article names ("New York"): in a title, no body
        self._place_words = {t.lower_ for e in cast.ents if e.label_ in ("GPE", "LOC") for t in e}
        self._collect_history()

    def _collect_history(self) -> None:
        """People (and bodies) who are subjects of clauses, or sources ("according to the Financial
        Times"), in text order."""
        doc = self.doc
        sources = [o.i for t in (doc[i] for i in token_indices(doc, "LOWER", frozenset({"according"})))
                   for c in t.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
        # names the parse hung elsewhere whose verb of saying has no subject (tree.name_before)
        lost = [n.i for v in (doc[i] for i in token_indices(doc, "LEMMA", CUE_LEMMAS))
                if v.pos_ in ("VERB", "AUX")
                and all(c.pos_ in ("VERB", "AUX") for c in v.children if c.dep_ in SUBJECT_DEPS)
                and (n := name_before(v)) is not None and n.dep_ not in SUBJECT_DEPS]
        # the "by" agent of a passive: "One problem identified by Wipro was ... It said"
        agents = {o.i for t in (doc[i] for i in token_indices(doc, "DEP", frozenset({"agent"})))
                  for o in t.children if o.dep_ == "pobj"}
        subjects = set(token_indices(doc, "DEP", SUBJECT_DEPS))
        # "Desailly is one of the most decorated players": a name opening a sentence whose verb the
        # parse left with no subject (it hung the name on the verb as a modifier, even tagged as an
        # adverb) is its subject
        subjects |= {s.start for s in doc.sents if (doc[s.start].pos_ == "PROPN" or self.full_names(doc[s.start].text))
                     and doc[s.start].dep_ in ("advmod", "npadvmod", "dep") and doc[s.start].head.i > s.start
                     and doc[s.start].head.pos_ in ("VERB", "AUX")
                     and not any(c.dep_ in SUBJECT_DEPS for c in doc[s.start].head.children)}
        self.agents = agents - subjects  # weaker than a subject (_last_org)
        found = subjects | set(sources) | set(lost) | agents
        for tok in (doc[i] for i in sorted(found)):
            if not self.cast._usable(tok):
                continue
            if tok.is_stop and tok.lower_ not in ("he", "she") \
                    and (tok.text.islower() or tok.is_sent_start and tok.text[1:].islower()):
                # "some", "many", "others": nobody a later "it" or "they" could mean ("Swiss Re" is);
                # a "he" or "she" is the person it means, whom a later one may mean again
                continue
            res = self.resolve(tok, record=False)
            if tok.i in self.agents and (res.kind != "organisation" or not res.named):
                continue  # a body only: who a "he" means is the subjects' business (Salience weighs agents)
            if tok.tag_ == "NN" and (res.how in ("spokes", "spokes-before") or res.name is None and res.kind == "person"
                                     and res.how in ("unnamed-group", "unnamed-definite") and people_noun(tok)):
                # an unnamed person ("a spokesman", "the veteran lock") whom a later "he" means; never
                # a thing the article's words made a person's ("Irons, whose film ... is")
                self.history.append((tok.i, ""))
                self.stand_ins[tok.i] = (res.name, res.kind, GENDER_WORDS.get(tok.lower_), res.how)
                continue
            if res.how in ("joint", "pair") and res.name is not None:
                self.group_history.append((tok.i, res.name, res.kind))
                if tok.head.lemma_.lower() in SPEECH_CUES:
                    self.group_speakers.add(tok.i)
                continue  # two people are nobody a later "he" or "it" could mean, but a "they"
            if res.name is None and res.how == "unnamed-group" and tok.tag_ == "NNS" \
                    and (people_noun(tok) or tok.lemma_.lower() in BODY_NOUNS):
                self.group_history.append((tok.i, None, "person"))  # "Analysts said ... They added"
                continue
            if res.name is None or res.how == "epithet":
                continue  # "the answer is" no one
            if res.how == "author":
                continue  # "the lawsuit said" speaks for its author, but is no one a later "he" means
            if res.name in self.orgs.products:
                continue  # "RipGuard is designed to ...": a thing no "the firm" or "it said" means
            if res.kind == "person" and (res.person is None or res.person.kind == "person"):
                self.history.append((tok.i, res.name))
                if tok.lower_ in ("he", "she"):
                    self.pronoun_subjects.add(tok.i)
            else:
                self.org_history.append((tok.i, res.name, res.kind, res.named, tok.tag_ in ("NNS", "NNPS")))

    # ----------------------------------------------------------------- resolution
    def speaker_of(self, subj, start: int, end: int) -> Resolution:
        """The speaker of a claim reporting text[start:end], whose subject is `subj`; kept as the
        last speaker for the pronouns after it. One subject is one speaker: "He said A, adding B"
        is two claims of one "he", whom A's words (naming someone he is not) decided."""
        res = self.spoken.get(subj.i)
        if res is None:
            self.claim_span = (start, end)
            try:
                res = self.resolve(subj)
            finally:
                self.claim_span = None
            if res.name is not None:
                self.spoken[subj.i] = res
        if res.name is not None:
            self.said.append(Said(start, res.name, res.kind, res.how, subj.tag_ in ("NNS", "NNPS")))
        return res

    def resolve(self, subj, record: bool = True) -> Resolution:
        """The speaker a subject token (head of its noun phrase) stands for. A description that
        names nobody ("analysts", "the veteran lock", "Figures") is no speaker: name None."""
        res = self._resolve(subj, record)
        both = joint(self, subj, res) or couple(subj)  # "said A and B", "Mr and Mrs Hale said"
        if both is not None:
            return both
        if res.name is not None and not res.named and res.kind != "person":
            return Resolution(None, res.kind, min(res.confidence, 0.35), named=False, how=res.how)
        return res

    def _resolve(self, subj, record: bool = True) -> Resolution:
        low = subj.lower_
        if len(subj.text) > 1 and subj.text.isupper() and subj.pos_ == "PROPN":
            low = subj.text  # "The US says": a name in capitals, never the pronoun "us"
        if low in GROUP_SIZES and (low == "both" or any(c.lower_ in ("the", "all") for c in subj.children)):
            group = self._counted_group(subj.i, GROUP_SIZES[low])  # "A and B met ... The two said"
            if group is not None:
                return Resolution(group[0], group[1], 0.6, how="pair")
        if subj.tag_ == "NNS" and plural_people(subj) and (size := self._counted_size(subj)):
            # "All three men said", "the two women said": the people last named together, else the
            # last that many people the text named
            group = self._counted_group(subj.i, size) or self._last_people(subj.i, size)
            if group is not None:
                return Resolution(group[0], group[1], 0.6, how="pair")
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self._pronoun(subj)
        if low in ("himself", "herself"):
            # "Mr Bez - himself a former executive at Porsche - said": the name before it
            prev = [t for t in subj.doc[max(subj.sent.start, subj.i - 3):subj.i] if not t.is_punct]
            if prev and prev[-1].pos_ == "PROPN":
                return self.resolve(prev[-1], record)
        if low in FIRST_PERSON or low in RELATIVE:
            if low in RELATIVE and subj.head is not None:
                # "Blinken, who said ..." -> the noun the clause hangs on
                head = subj.head.head if subj.head.dep_ == "relcl" else None
                if head is not None and head.i != subj.i:
                    return self.resolve(head, record)
            return Resolution(None, "person", 0.3, how="first-person")
        if subj.pos_ == "PROPN" and subj.dep_ in SUBJECT_DEPS and subj.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "case" and c.lower_ in ("'s", "\u2019s") and c.i == subj.i + 1 for c in subj.children) \
                and not any(" " in n for n in self.full_names(subj.text)) \
                and not (subj.i > 0 and subj.doc[subj.i - 1].lower_.rstrip(".") in HONORIFICS):  # not "Mr Blair's was"
            return self._name_with_s(subj)
        if subj.ent_type_ != "PERSON" and subj.pos_ in ("NOUN", "PROPN"):
            # "Fund manager Karl Brenner - Hansa Rostock's biggest creditor - said": the name
            # before a dash set off by spaces is the subject; the words after it describe him
            dash = next((t for t in subj.subtree if t.i < subj.i and t.text in ("-", "\u2013", "\u2014")
                         and (t.whitespace_ or subj.doc[t.i - 1].whitespace_)), None)
            if dash is not None and dash.i > 0 and subj.doc[dash.i - 1].ent_type_ == "PERSON":
                return self.resolve(subj.doc[dash.i - 1], record)
        if subj.pos_ == "NOUN" and not subj.ent_type_:
            # "Dutch brewer and former market leader Van Dam Breweries has said": one
            # subject described twice, the name closing the second description (also after
            # its verb: "said Acme president and chief executive Jo Hart.")
            def closes(c) -> bool:
                if c.right_edge.i < subj.head.i:
                    return all(t.dep_ in ("aux", "auxpass", "neg", "advmod")
                               for t in subj.doc[c.right_edge.i + 1:subj.head.i])
                after = c.right_edge.i + 1
                return subj.head.i < subj.i and (after >= subj.sent.end or subj.doc[after].text in (".", ",", ";"))
            named = next((c for c in subj.children if c.dep_ == "conj" and c.i > subj.i and c.pos_ == "PROPN"
                          and c.ent_type_ in ("PERSON", "ORG") and closes(c)), None)
            if named is not None and any(t.pos_ == "NOUN" and t.i > subj.i for t in named.subtree):
                res = self.resolve(named, record)
                if res.name is not None:
                    kind = "organisation" if subj.lemma_.lower() in BODY_NOUNS else res.kind
                    return Resolution(res.name, kind, res.confidence, res.person, res.named, how=res.how)
        if subj.ent_type_ != "PERSON":
            # "The new President, Viktor Yushchenko, said": the apposition names the subject
            named = next((c for c in subj.children if c.dep_ == "appos" and c.i in self.ent_at
                          and self.ent_at[c.i].label_ == "PERSON"), None)  # as the cast labels it
            if named is None and subj.pos_ in ("NOUN", "PROPN"):  # "Head of genetics at the Institute,
                named = self._closing_appos(subj) or self._closing_name(subj)  # Professor Robin Lovell-Badge,
                # said": however attached
            if named is not None:
                toks = _clean_name(self.ent_at[named.i]) if named.i in self.ent_at else []
                person = self.people.get(_name_text(toks)) if toks else None  # the full name, given right there
                if person is not None:
                    return Resolution(person.name, "person", 0.9, person, how="apposition")
                res = self.resolve(named, record)
                if res.name is not None:
                    return res
            if named is None and (subj.lemma_.lower() in BODY_NOUNS or subj.lower_ == "one") \
                    and (body := self._closing_body(subj)) is not None:
                # "One of the jilted bidders, Netherlands-based group LNM, said": the body named last
                res = self.resolve(body, record)
                if res.name is not None and res.kind == "organisation" and res.named:
                    return Resolution(res.name, res.kind, 0.85, how="apposition")
        if subj.pos_ == "NOUN" and subj.text[:1].isupper() and subj.lower_ in self.orgs.alias \
                and subj.lower not in self.word_ids and all(c.dep_ not in ("det", "poss") for c in subj.children):
            if subj.text in self.cast.mid_caps:
                # "Fosters said": a body the article names elsewhere, the model took for a plural noun here
                return Resolution(self.orgs.alias[subj.lower_], "organisation", 0.85, how="org")
        if subj.tag_ == "NNS" and subj.pos_ == "NOUN" and subj.ent_type_ and subj.is_sent_start \
                and subj.text not in self.cast.mid_caps and people_noun(subj) \
                and not any(c.dep_ in ("compound", "amod", "poss", "prep", "appos") for c in subj.children):
            return self._description(subj, [subj])  # "Detectives said", "Campaigners said": no name, whatever the tag
        named = included(subj)  # "Campaign groups including Oxfam and Christian Aid said": the ones named
        if named is not None:
            res = self.resolve(named, record)
            if res.name is not None and res.named and res.kind in ("person", "organisation"):
                return Resolution(res.name, res.kind, min(res.confidence, 0.7), res.person, how=res.how)
        if subj.ent_type_ != "PERSON" and subj.pos_ in ("PROPN", "NOUN") and (author := next((
                o for c in subj.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > subj.i
                and subj.doc[c.i - 1].text == "," for o in c.children
                if o.dep_ == "pobj" and o.ent_type_ == "PERSON"), None)) is not None:
            return self.resolve(author, record)  # "Brown's Britain, by Robert Peston, says": the author
        # a name, possibly inside a longer noun phrase ("Russian Foreign Minister Sergei Lavrov")
        np = self.mention_tokens(subj)
        if plural_people(subj) and subj.text[:-1].isupper():
            return self._description(subj, np)  # "MPs said", "The MPs": people, whatever the model tags them
        if subj.tag_ == "NNS" and self.orgs.close_to(subj):
            return Resolution(None, "person", 0.35, named=False, how="unnamed-group")
        if subj.tag_ == "NN" and subj.lemma_.lower() in COLLECTIVES and (both := pair_for(self, subj, np)):
            return both  # "said A and B. The research team, from X, said": A and B, not X
        body = self.orgs.speaks_for(subj, np) or self._speaks_for_described(subj) \
            or self._speaks_for_pronoun(subj, np)  # "a BBC spokesman", "its spokesman"
        if body is not None:
            return Resolution(body, "organisation", 0.8, how="spokes")
        if bare_police(subj) or police_spokes(subj, np):
            # "the police said", "the police spokesman": a force the article does not name, never a person
            return Resolution(None, "organisation", 0.35, named=False, how="unnamed-group")
        body = self.orgs.spoke_before(subj, np) or self._spokes_near(subj, np)
        if body is not None:  # "The Home Office would not comment. A spokeswoman said"
            return Resolution(body, "organisation", 0.6, how="spokes-before")
        body = self._body_described(subj, np)  # "the Reuters news agency", "analysts Jupiter Research"
        if body is not None:
            return Resolution(body, "organisation", 0.85, how="org")
        singular = subj.tag_ == "NNP" or subj.tag_ == "NNPS" and (low[-1] != "s" or low.endswith("ss"))
        if subj.pos_ == "PROPN" and singular and subj.i > 0 and np[0].lower_ == "the" \
                and np[-1].i == subj.i and all(t.pos_ != "PROPN" for t in np if t.i != subj.i) \
                and (low in PERSON_NOUNS or subj.ent_type_ in ("PERSON", "NORP")):
            # "said the Kiwi", "the Scot admitted", "The Portuguese said", "the 31-year-old Briton" (never
            # a plural: "the Tories" are a party)
            return self._description(subj, np, person_noun=True)
        if subj.i in self.orgs.committee_at:  # "the environment select committee has warned"
            return Resolution(self.orgs.committee_at[subj.i], "organisation", 0.85, how="org")
        ent = self.ent_at.get(subj.i)
        if ent is not None and ent.label_ == "ORG" and ent.root.i == subj.i and len(ent) >= 2 \
                and subj.lower_ in ORG_NOUNS and subj.text[:1].isupper() and not common_noun_name(ent.text):
            # "The Sri Lanka Banks Association said", "the Nelson Mandela Foundation said": a body's
            # name ending in a body's noun is the body, not the place or person it is named after
            return Resolution(self.orgs.canonical(ent.text), "organisation", 0.85, how="org")
        # (a capitalised head counts even when tagged as a common noun: "Ban criticized Israel")
        named = [t for t in np if t.pos_ == "PROPN" or t.ent_type_ or (t.i == subj.i and t.text[:1].isupper())]
        if subj.pos_ == "NOUN" and not subj.lower_.startswith("spokes") and subj.lemma_.lower() not in DOCUMENT_NOUNS \
                and (subj.tag_ == "NNS" or subj.lemma_.lower() in ENTOURAGE):
            # "Lind's lawyers", "Mr Smith's defence": the person's people, not the person
            owners = {t.i for t in np if t.dep_ == "poss" and t.head.i == subj.i}
            named = [t for t in named if not any(a.i in owners for a in [t, *t.ancestors] if a.i < subj.i)]
        if subj.pos_ == "NOUN":
            # "a motion by Mr Smith's lawyers", "a letter from her family": their people wrote it, not the person
            owners = {t.i for t in np if t.dep_ == "poss" and t.head.i != subj.i and t.head.i in {u.i for u in np}
                      and t.head.lemma_.lower() in ENTOURAGE}
            named = [t for t in named if not any(a.i in owners for a in [t, *t.ancestors])]
        for t in sorted(named, key=lambda t: (t.i > subj.i, -t.i)):
            if t.lower_ in self.orgs.short and t.i <= subj.i:  # "Apacs said": a body's short form, whatever the tag
                return Resolution(self.orgs.short[t.lower_], "organisation", 0.85, how="org")
            names = self.full_names(t.text)
            if names:
                person = self.people[self._closest(self._namesakes(names, np, t), subj.i)]
                return Resolution(person.name, person.kind, 0.9, person, how="name")
        known = self._tagged_elsewhere(subj, np)
        if known is not None:
            return Resolution(known, "organisation", 0.85, how="org")
        if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and subj.tag_ in ("NNP", "NN", "JJ") \
                and any(t.lower_ == "the" for t in np if t.i < subj.i):
            return self._description(subj, np, person_noun=True)  # "said the German": a person
        if ent is not None and ent.label_ in ("ORG", "PERSON") and ent[-1].text in POSTNOMINALS \
                and subj.i == ent[-1].i and len(toks := self._before_postnominal(ent)) >= 2:
            # "Ann Lee QC", "Ann Lee MP": a person's name before a title written after it, whatever
            # the model tagged it as (or took into it: "the Bar Council, Ann Lee QC")
            names = self.full_names(toks[-1].text)
            person = self.people[self._closest(names, subj.i)] if names else None
            if person is not None and person.kind == "person":
                return Resolution(person.name, "person", 0.85, person, how="name")
            return Resolution(" ".join(t.text for t in toks), "person", 0.8, how="person-ent")
        if ent is not None and ent.label_ == "ORG" and common_noun_name(ent.text):
            return self._description(subj, np)  # "The Government said": a description, not a name
        if ent is not None and ent.label_ == "ORG" and len(ent) == 1 and subj.i == ent.root.i \
                and any(t.lower_ == "the" for t in np if t.i < subj.i) and (
                    subj.lower_ in LEGISLATORS or subj.lower_ in ROLE_NOUNS
                    and any(t.lower_ == subj.lower_ and t.text[:1].isupper() and t.nbor().pos_ == "PROPN"
                            for t in subj.doc[:subj.i - 1])):
            # "Cardinal Cormac Murphy-O'Connor ... the Cardinal will ask": a title the article gives
            # a person, written alone, is that person, whatever the model tags it; so is a member
            # of a parliament ("The MEP said")
            return self._description(subj, np, person_noun=True)
        if ent is not None and ent.label_ == "GPE" and (club := self._club_of(_strip_det(ent.text))) is not None:
            return Resolution(club, "organisation", 0.8, how="org")  # "Birmingham have confirmed": the club
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
            name = self.orgs.canonical(ent.text) if ent.label_ == "ORG" else _strip_det(ent.text)
            kind = "place" if ent.label_ == "GPE" else "organisation"
            return Resolution(name, kind, 0.85, named=not self._common_word(ent), how="org")
        if ent is not None and ent.label_ == "PERSON":
            toks = _clean_name(ent)
            if toks:
                return Resolution(_name_text(toks), "person", 0.8, how="person-ent")
        # a word all in lower case is no name, whatever the model tags it ("the lord chancellor";
        # "eBay" is one)
        lower = subj.text.islower() and not (subj.i > 0 and subj.doc[subj.i - 1].text == "-")  # "Chong-gyu" is a name
        if subj.pos_ == "PROPN" and not lower or self._name_as_noun(subj):
            toks = [t for t in np if t.pos_ == "PROPN" or t.i == subj.i]
            if all(t.lower_ in ROLE_NOUNS for t in toks):
                return self._description(subj, np)  # "The Vice President remarked": a title, not a name
            if subj.lower_ in LEGISLATORS and np[0].lower_ == "the":
                return self._description(subj, np, person_noun=True)  # "the Labour MP for Birkenhead asked"
            raw = name_run(subj, self.word_ids)
            run = _clean_name(raw)
            # capitalised words that the model finds no entity in ("Yields", "Some", "Company"
            # at the start of a sentence) are more likely a description than a name; two
            # capitalised words, or one the article capitalises inside a sentence, are a name
            named = any(t.ent_type_ for t in toks) or len(run) >= 2 or (
                len(run) == 1 and run[0].text in self.cast.mid_caps)
            if not run or len(run) == 1 and run[0].lower_ in ROLE_NOUNS:  # "Head of genetics at ..."
                return self._description(subj, np)
            if _name_text(run).lower() in self.orgs.alias:  # a body the article names elsewhere
                return Resolution(self.orgs.alias[_name_text(run).lower()], "organisation", 0.85, how="org")
            if len(run) == 1 and run[0].text.isupper() and (long := self.orgs.canonical(run[0].text)) != run[0].text:
                return Resolution(long, "organisation", 0.85, how="org")  # "the ORSR": the name spelt out
            # a form of address or a peer's title makes a person of one word ("Lord Browne said")
            titled = any(t.lower_ in HONORIFICS or t.lower_ in NOBLE_TITLES for t in raw if t.i < run[0].i)
            # a name opening with a people's word is a company's ("Swiss Re"), no person's
            # ("the Indonesian Economics Minister" is a title)
            kind = "person" if titled or len(run) >= 2 and (run[0].ent_type_ not in ("ORG", "GPE", "NORP") or (
                run[0].ent_type_ == "NORP" and any(t.lower_ in TITLE_WORDS for t in run))) else "organisation"
            return Resolution(_name_text(run), kind, 0.6, named=named, how="propn")
        return self._description(subj, np)

    def _name_with_s(self, subj) -> Resolution:
        """'Foster's said', "Sainsbury's said": a subject that owns nothing is a name ending in "'s"
        (a brewer, a shop), in full where the article gives it so ("Foster's Group")."""
        name = subj.text + subj.doc[subj.i + 1].text
        for ent in self.cast.ents:
            rest = ent.text[len(name):].split()
            if ent.label_ == "ORG" and ent.text.startswith(name + " ") and rest \
                    and all(w.lower() in CORPORATE for w in rest):
                return Resolution(self.orgs.canonical(ent.text), "organisation", 0.85, how="org")
        return Resolution(self.orgs.canonical(name), "organisation", 0.8, how="org")

    def _name_as_noun(self, subj) -> bool:
        """'said Swiss Re': a capitalised word inside a sentence, tagged as a common noun ("Re"),
        after a word of a name the model tagged as an entity, is the end of that name."""
        return subj.pos_ == "NOUN" and subj.text[:1].isupper() and not subj.is_sent_start \
            and subj.text in self.cast.mid_caps and subj.lower_ not in COMMON_HEADS \
            and any(c.dep_ in ("compound", "amod") and c.i == subj.i - 1 and c.text[:1].isupper() and c.ent_type_
                    for c in subj.children)

    def _club_of(self, place: str) -> str | None:
        """The one club the article names after a place that speaks ("Birmingham have confirmed
        ... Birmingham City"): sports news calls a club by its town."""
        clubs = {f for f in self.orgs.full if f.startswith(place + " ") and len(f.split()) == len(place.split()) + 1
                 and f.split()[-1].lower() in CLUB_WORDS}
        return clubs.pop() if len(clubs) == 1 else None

    @staticmethod
    def _before_postnominal(ent) -> list:
        """The capitalised proper nouns right before the title closing an entity ("Ann Lee" of
        "the Bar Council, Ann Lee QC")."""
        toks = []
        for t in reversed(ent[:-1]):
            if t.pos_ != "PROPN" or not t.text[:1].isupper():
                break
            toks.insert(0, t)
        return toks

    def _tagged_elsewhere(self, subj, np) -> str | None:
        """'Fosters bought 18% of the winemaker ... Fosters said': a capitalised word the model
        tags as no entity here, read as a common noun, that is a body's whole name elsewhere in
        the article (and never written there in lower case) is that body."""
        if subj.ent_type_ or subj.pos_ != "NOUN" or not subj.text[:1].isupper() or subj.text.isupper() \
                or any(t.i != subj.i and t.lower_ != "the" for t in np):
            return None
        low = subj.lower_
        if low in BODY_NOUNS or low in PERSON_NOUNS or low in ROLE_NOUNS or subj.lemma_.lower() in SPOKES \
                or subj.doc.vocab.strings[low] in self.word_ids:
            return None
        return self.orgs.alias.get(low)

    @staticmethod
    def _closing_appos(subj):
        """A person's name between commas that closes the subject's phrase, right before its verb:
        the model often hangs it on the last noun before it ("at the Institute, Professor X,")."""
        edge = subj.right_edge
        if edge.i + 1 >= len(subj.doc) or subj.head.i != edge.i + 1 + (edge.text != ","):
            return None
        named = [t for t in subj.subtree if t.dep_ == "appos" and t.i > subj.i
                 and subj.doc[t.right_edge.i + 1].text in (",", subj.head.text) and t.right_edge.i + 1 >= edge.i]
        # "Chairman of the Audit Committee Jo Hart MP, said": the name may be the compound of a
        # title after it that the model took for the apposition ("Ann Lee MP", "Ann Lee QC")
        def name_of(t):
            if t.ent_type_ == "PERSON":
                return t
            names = [c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1 and c.ent_type_ == "PERSON"]
            if names:
                return names[-1]
            if t.text[:1].isupper() and t.lower_ in TITLE_WORDS | PERSON_NOUNS:
                return next((c for c in t.children if c.ent_type_ == "PERSON" and c.dep_ == "compound"), None)
            given = t.doc[t.i - 1]
            if subj.lower_ in ROLE_NOUNS | TITLE_WORDS and t.pos_ == given.pos_ == "PROPN" and not t.ent_type_ \
                    and not given.ent_type_ and given.dep_ == "compound" and given.head.i == t.i \
                    and t.text[:1].isupper() and given.text[:1].isupper() \
                    and given.lower_ not in TITLE_WORDS | ROLE_NOUNS | PERSON_NOUNS:
                return t  # "The Shadow Secretary ..., Theresa May, said": two names the model tagged as nothing
            return None
        named = [n for n in map(name_of, named) if n is not None]
        return named[-1] if named else None

    @staticmethod
    def _closing_body(subj):
        """A body's name between commas that closes a body's (or "one of"'s) subject phrase, right
        before its verb, however the parse hangs it ("One of the bidders, the group LNM, said")."""
        edge = subj.right_edge
        if edge.text != "," or subj.head.i != edge.i + 1 or subj.head.i < subj.i:
            return None
        named = [t for t in subj.subtree if t.dep_ == "appos" and t.i > subj.i and t.right_edge.i + 1 == edge.i
                 and t.ent_type_ == "ORG" and t.pos_ == "PROPN"]
        return named[-1] if named else None

    @staticmethod
    def _closing_name(subj):
        """"Minister for Children, Young People and Families Jo Hart said", "director of the
        Victims Trust, Jo Hart, said": a person's name closing a title's phrase right before its
        verb, however the parse hangs it, is the titled person."""
        if subj.ent_type_ == "PERSON" or not (subj.lemma_.lower() in ROLE_NOUNS or subj.lower_ in TITLE_WORDS):
            return None
        edge = subj.right_edge
        last = subj.doc[edge.i - 1] if edge.text == "," else edge
        if subj.head.i != edge.i + 1 or last.i <= subj.i:
            return None
        return last if last.ent_type_ == "PERSON" and last.text[:1].isupper() else None

    def _common_word(self, span) -> bool:
        """One capitalised word opening a sentence that the article also writes in lower case, or
        a function word ("Company said", "Some argue"): an entity the model saw in a common noun."""
        if len(span) != 1 or not span[0].is_sent_start:
            return False
        return span[0].is_stop or (span[0].lower_.islower() and span[0].lower in self.word_ids)

    def _namesakes(self, names: list[str], np, tok) -> list[str]:
        """Which of the people sharing a surname a mention means: the ones whose name holds every
        other name word of the mention ("Cherie Blair" is not Tony Blair), then, after "Mr" or
        "Mrs", the ones of that gender (known first, then unknown)."""
        if len(names) < 2:
            return names
        words = {t.lower_ for t in np if t.i != tok.i and t.pos_ == "PROPN" and t.text[:1].isupper()
                 and t.lower_ not in HONORIFICS and t.lower_ not in TITLE_WORDS}
        fits = [n for n in names if words <= {w.lower() for w in re.split(r"[\s-]+", n)}] or names
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        gender = GENDER_WORDS.get(before.lower_) if before is not None and before.lower_ in HONORIFICS else None
        if gender is not None and len(fits) > 1:
            fits = [n for n in fits if self.people[n].gender == gender] \
                or [n for n in fits if self.people[n].gender is None] or fits
        return fits

    def _closest(self, names: list[str], i: int) -> str:
        if len(names) == 1:
            return names[0]
        for j, name in reversed(self.history):
            if j < i and name and name in names:
                return name
        return names[0]

    def _body_described(self, subj, np) -> str | None:
        """A body named inside or beside a common noun for it: 'the Reuters news agency', 'the
        Liverpool Echo newspaper', 'market analysts Nielsen/NetRatings'."""
        if subj.pos_ != "NOUN" or subj.lemma_.lower() not in BODY_NOUNS:
            return None
        found = self.orgs.named_in([t for t in np if t.i < subj.i and t.ent_type_ == "ORG"])
        if found:
            return found
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i and c.ent_type_ == "ORG"), None)
        if appos is not None and appos.i in self.ent_at:
            return self.orgs.canonical(self.ent_at[appos.i].text)
        named = self._untagged_name(next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None))
        if named is not None:  # "one consumer group - Consumers Against Supermarket Privacy Invasion (Caspian) -"
            return self.orgs.canonical(named)
        # "The IFPI industry body", "the RSPB charity": a body's letters before nouns for what it is
        before = [t for t in np if t.i < subj.i][1:]
        if np[0].lower_ == "the" and before and before[0].pos_ == "PROPN" and is_acronym(before[0].text) \
                and before[0].ent_type_ in ("", "ORG") \
                and all(t.pos_ in ("NOUN", "ADJ") and t.text.islower() for t in before[1:]):
            return self.orgs.canonical(before[0].text)
        # "The Anti-Phishing Working group": capitalised words the model found no entity in, and a
        # noun that ends a body's name, are that body's name
        words = [t for t in np if t.i < subj.i][1:]
        if np[0].lower_ == "the" and subj.lemma_.lower() in NAME_NOUNS and words \
                and all(t.text == "-" or t.text[:1].isupper() and not t.ent_type_ for t in words) \
                and sum(t.text != "-" for t in words) >= 2 and words[-1].i == subj.i - 1:
            return subj.doc[words[0].i:subj.i + 1].text
        return None

    @staticmethod
    def _untagged_name(head) -> str | None:
        """The name an apposition the model tagged as nothing (or as a work) spells: capitalised
        words joined by small ones, up to a bracketed short form ("Consumers Against Supermarket
        Privacy Invasion and Numbering (Caspian)")."""
        if head is None or head.ent_type_ not in ("", "WORK_OF_ART") or not head.text[:1].isupper():
            return None
        words = []
        for t in head.subtree:
            if t.text == "(" or t.is_punct and t.i > head.i:
                break
            if t.i >= head.i:
                words.append(t)
        if len(words) < 2 or not words[-1].text[:1].isupper() or any(
                not t.text[:1].isupper() and t.lower_ not in NAME_LINKS for t in words):
            return None
        return head.doc[words[0].i:words[-1].i + 1].text

    def _description(self, subj, np, person_noun: bool = False) -> Resolution:
        """'the veteran Russian diplomat' -> the person whose known words it shares; 'the firm' ->
        the company the article is about."""
        both = pair_for(self, subj, np)  # "the researchers", "both newspapers": a pair named before
        if both is not None:
            return both
        again = self._same_spokesperson(subj, np)
        if again is not None:
            return again
        body = self.orgs.labelled(subj, np) or self.orgs.described(subj, np)
        # "the minister", "his son"; a role of a named place or body is definite too: "Russia's president"
        definite = any(t.lower_ in ("the", "his", "her", "their", "our") for t in np if t.i < subj.i) \
            or any(t.dep_ == "poss" and t.ent_type_ in ("GPE", "ORG") for t in np if t.i < subj.i)
        head = subj.lemma_.lower()
        if body is None and definite and head in BODY_NOUNS - GOVERNMENT_NOUNS and subj.tag_ == "NN" \
                and np[0].lower_ == "the":
            body = (self.orgs.last_paper(subj.i) if head in PAPER_NOUNS else None) \
                or (self.orgs.last_party(subj.i) if head == "party" else None) \
                or self._last_body(subj.i, private=head in COMMERCIAL, state=head in STATE_BODIES) \
                or self._lede_body(subj, head, definite=True)  # "Parmalat said ... The firm also said"
        if body is None and definite and np[0].lower_ == "the" and subj.tag_ == "NN" and head in AUTHORED_NOUNS \
                and (author := self._author_of(subj)) is not None:
            return Resolution(author, "person", 0.7, self.people.get(author), how="author")
        if body is None and definite and np[0].lower_ == "the" and subj.tag_ == "NN" \
                and head in DOCUMENT_NOUNS | DATA_NOUNS:
            body = self.orgs.issuer(subj, DOCUMENT_NOUNS | DATA_NOUNS) \
                or self._issued_by(subj) or self._last_document(subj) or self._plaintiff(subj) \
                or self._committee_report(subj) \
                or (self._one_member_body() if head == "report" else None)  # "A study by X found ... said the report"
        if body is not None:
            if (person := self.people.get(body)) is not None and person.kind == "person":
                # "Slattery filed the suit ... the lawsuit said": a person's document speaks for them
                return Resolution(body, "person", 0.7, person, how="author")
            return Resolution(body, "organisation", 0.7, how="org-description")
        if definite and np[0].lower_ == "the" and head in REPORT_NOUNS and (body := self._body_speaking_before(subj)):
            return Resolution(body, "organisation", 0.5, how="document-before")
        words = {t.lower_ for t in np if t.lower_ not in STOP and not t.is_punct}
        nationality = nations({t.lower_ for t in np if _nationality(t) or t.lower_ in DEMONYMS}) - PARTY_WORDS
        # "the Arsenal boss": the body a description names, which no one of another body is head of;
        # a country is none ("the England captain" also plays for Real Madrid)
        # (a party is a body, whatever its word is tagged: "the Scottish Conservative leader")
        bodies = same_words({t.lower_ for t in np if t.i < subj.i and t.text[:1].isupper()
                             and (t.pos_ == "PROPN" and not _nationality(t) and t.ent_type_ != "GPE"
                                  and t.lower_ not in NOT_BODY_WORDS
                                  or SAME_WORDS.get(t.lower_, t.lower_) in PARTY_WORDS)})
        is_person_noun = person_noun or head in ROLE_NOUNS and subj.tag_ in ("NN", "NNP") \
            or self._person_noun(subj, head)
        # "the veteran lock", "the 36-year-old": a definite singular noun that is no body, no
        # document and no group, as the subject of a speech verb, is an epithet for a person
        epithet = not is_person_noun and definite and np[0].lower_ == "the" and subj.tag_ == "NN" \
            and subj.pos_ == "NOUN" and head not in BODY_NOUNS | DATA_NOUNS | DOCUMENT_NOUNS | ANONYMOUS | GROUP_NOUNS \
            and head not in NOT_EPITHETS \
            and subj.dep_ in SUBJECT_DEPS and subj.head.lemma_.lower() in EPITHET_CUES
        if epithet:
            last = self._ranked_description(subj, set(), nationality) if self.salience is not None \
                else self._last_person(subj.i)
            if last is not None:
                return Resolution(last, "person", 0.5, self.people.get(last), how="epithet")
        if definite and (aged := self._aged(subj, np)) is not None:
            return Resolution(aged, "person", 0.75, self.people.get(aged), how="role-description")
        if is_person_noun and definite:
            # "Mr Sigarchi's lawyer" is someone else than Mr Sigarchi
            owners = {n for t in np if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i < subj.i
                      for n in self.full_names(t.text)}
            best, best_score = None, 0
            for name, person in self.people.items():
                if person.kind != "person" or name in owners:
                    continue
                if nationality and nationality_of(person) and not (nationality & nationality_of(person)):
                    continue
                if _qualified_otherwise(person, words, head):
                    continue  # "the chancellor" is not the shadow chancellor
                if self._of_another_body(person, bodies):
                    continue  # "the Arsenal boss" is not the United chief executive
                score = len(same_words(words) & same_words(person.words))
                if person.role and head in person.role.lower():
                    score += 1
                elif _other_office(person, head):
                    score = 0  # "the home secretary" is not the home affairs spokesman: a modifier alone is no match
                if score > best_score or (score == best_score and score and self._later(name, best, subj.i)):
                    best, best_score = name, score
            if best is not None:
                person = self.people[best]
                if nationality and not person.nationality:
                    person.nationality |= nationality
                self._holds(person, head)
                return Resolution(best, "person", 0.75, person, how="role-description")
            if owners:  # someone of a named person's, whom no title shares words with: unnamed
                return Resolution(None, "person", 0.35, named=False, how="unnamed-definite")
            if self.salience is not None:  # the person the article keeps in view
                last = self._ranked_description(subj, words, nationality, bodies)
                if last is not None:
                    self._holds(self.people.get(last), head)
                    return Resolution(last, "person", 0.5, self.people.get(last), how="role-last")
            last = self._last_person(subj.i)
            known = nationality_of(self.people[last]) if last in self.people else set()
            if last is not None and (not nationality or not known or known & nationality):
                return Resolution(last, "person", 0.5, self.people.get(last), how="role-last")
            if last is None and not any(c.dep_ == "appos" for c in subj.children) \
                    and (named := self._named_next(subj)) is not None:
                # "The Romanian hacker ... pleaded guilty. Marcel Lazar, 44, said": a lede's
                # description with nobody named before it is the person the next sentence names
                return Resolution(named, "person", 0.5, self.people.get(named), how="lede")
        if any(t.lower_ in NEGATIONS for t in np if t.i <= subj.i):
            return Resolution(None, "person", 0.3, how="negation")  # "no one said": nobody to name
        body = self._members_of(subj) or self._body_of_members(subj, np) \
            or self._committee(subj, np) or self._lede_members(subj, np)  # "the law lords", "MPs" of the committee
        if body is not None:
            return Resolution(body, "organisation", 0.6, how="members")
        if is_person_noun and not definite and subj.tag_ == "NN" and head not in SPOKES \
                and any(t.lower_ in ("a", "an") for t in np if t.i < subj.i):
            named = self._named_next(subj)  # "A retired nurse has told an inquiry ... Jane Marsh told the hearing"
            if named is not None:
                return Resolution(named, "person", 0.5, self.people.get(named), how="lede")
        if not is_person_noun and not definite and self.claim_span is not None:
            body = self._lede_body(subj, head)  # "..., watchdogs have said. The SEC accused ..."
            if body is not None:
                return Resolution(body, "organisation", 0.5, how="lede")
            if head in MEMBER_BODIES and subj.tag_ == "NN" and any(t.lower_ in ("a", "an") for t in np if t.i < subj.i):
                # "an all-party committee said": the one committee the article names
                body = self._one_member_body(head)
                if body is not None:
                    return Resolution(body, "organisation", 0.5, how="lede")
        if not is_person_noun and (body := self._state_body(subj)) is not None:
            return Resolution(body, "organisation", 0.5, how="state-body")
        # "analysts", "a spokesman", "the veteran lock": an unnamed source, no speaker
        group = subj.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("a", "an", "one", "some", "many")
                                                    for t in np if t.i < subj.i)
        return Resolution(None, "person" if is_person_noun else "organisation", 0.35, named=False,
                          how="unnamed-group" if group else "unnamed-definite")

    @staticmethod
    def _holds(person, head: str) -> None:
        """A definite office resolved to someone is theirs for the rest of the article: after "The
        home secretary said" meant Mr Blunkett, "the prime minister" is someone else."""
        if person is not None and head in ROLE_NOUNS and head not in ANY_OFFICE:
            person.offices.add(head)

    def _state_body(self, subj) -> str | None:
        """A body of a state the article names by its country alone: "the Libyan central bank",
        "Australia's competition watchdog", "its central bank" (of the country the sentence is
        about), "The German and Danish governments"; and a later "the central bank" is the same
        one. Named by those words, as a reader would."""
        if subj.lower_ not in STATE_BODIES:
            return None
        name = self._state_words(subj)
        if name is not None or not any(c.lower_ == "the" for c in subj.lefts):
            return name
        modifiers = {c.lower_ for c in subj.lefts if c.dep_ in ("amod", "compound")}
        for t in reversed(self.doc[max(0, subj.i - 400):subj.i]):  # the one named so before
            if t.lemma_ == subj.lemma_ and t.tag_ == subj.tag_ \
                    and modifiers <= {c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound")}:
                earlier = self._state_words(t)
                if earlier is not None:
                    return earlier
        if subj.lower_ == "government" and not modifiers and subj.idx not in self.orgs.quotes:
            # "The government says unions will be consulted": the government of the country the
            # article is about (its name, its people, its capital, its own parties and parliament)
            return self._home_government
        return None

    @functools.cached_property
    def _home_government(self) -> str | None:
        """Whose "the government" the article means (countries.py), worked out once per article."""
        return home_government([t.text for t in self.doc])

    def _state_words(self, subj) -> str | None:
        """The words naming a state's body by its country ("Libyan central bank"), or None when
        no country qualifies it (a central bank needs "central")."""
        lefts = [t for t in subj.lefts if t.dep_ in ("amod", "compound", "poss", "nmod", "cc", "conj")]
        words = sorted({u for t in lefts for u in t.subtree} | {subj}, key=lambda u: u.i)
        if subj.lemma_.lower() == "bank" and not any(t.lower_ == "central" for t in words):
            return None
        if any(t.pos_ in ("VERB", "PUNCT") or t.like_num for t in words) \
                or words[-1].i - words[0].i + 1 != len(words):
            return None
        country = None
        for t in words:
            if t.lower_ == "its" and t.dep_ == "poss":
                country = self._place_before(t)
                if country is None:
                    return None
            elif (_nationality(t) or t.dep_ == "poss" and t.ent_type_ == "GPE") \
                    and SAME_WORDS.get(t.lower_, t.lower_) not in PARTY_WORDS:  # "the Conservative government"
                country = t.text
        if country is None:
            return None
        return " ".join(f"{country}'s" if t.lower_ == "its" else t.text for t in words
                        if t.lower_ != "the" and t.lower_ not in PASSING).replace(" 's", "'s")

    def _place_before(self, its) -> str | None:
        """The country an "its" of its sentence means: the place that is the sentence's subject
        before it ("Sri Lanka faces a bill ..., its central bank says")."""
        return next((e.text for e in its.sent.ents
                     if e.label_ == "GPE" and e.end <= its.i and e.root.dep_ in SUBJECT_DEPS), None)

    def _spokes_near(self, subj, np, window: int = 3) -> str | None:
        """'Yahoo has been developing X. It offers Y. A spokeswoman told the FT': a bare "a
        spokesperson" speaks for the body that was the last subject of a main clause ("X did this,
        but Y did that": Y), outside quotes, in its sentence or the `window` before it ("it" and
        "they" passed over: they stand for it); when that subject is a person, whose spokesperson
        it is stays open."""
        if subj.lower_ not in ("spokesman", "spokeswoman", "spokesperson") or subj.tag_ != "NN" \
                or [t.lower_ for t in np] != ["a", subj.lower_]:
            return None
        doc, first = self.doc, sentences_back(subj, window)
        bodies = {j: name for j, name, kind, named, _plural in self.org_history if kind == "organisation" and named}
        people = {j for j, name in self.history if name in self.people and self.people[name].kind == "person"}
        for t in reversed(doc[first:subj.i]):
            if t.dep_ not in SUBJECT_DEPS or t.idx in self.orgs.quotes or t.lower_ in ("it", "they") \
                    or not (t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"):
                continue
            if t.i in bodies:
                return bodies[t.i]
            if t.i in people or t.ent_type_ == "PERSON":
                return None  # a person's spokesperson: whose, the text does not say
            # a subject that names no one ("new technology will be discussed") is passed over
        return None

    def _same_spokesperson(self, subj, np, window: int = 150) -> Resolution | None:
        """'A Delta spokesperson confirmed X. The spokesperson also said Y': "the spokesperson" is
        the one met just before, speaking for the same body (or for none that is named), never
        a person the article names."""
        if subj.lower_ not in SPOKESPEOPLE or subj.tag_ != "NN" or [t.lower_ for t in np] != ["the", subj.lower_]:
            return None
        earlier = [j for j in self.stand_ins if j < subj.i and subj.i - j <= window
                   and self.doc[j].lower_ in SPOKESPEOPLE]
        if not earlier:
            return None
        name, kind, _gender, _how = self.stand_ins[max(earlier)]
        if name is not None:
            return Resolution(name, kind, 0.6, how="spokes-before")
        return Resolution(None, "person", 0.35, named=False, how="unnamed-definite")

    def _speaks_for_described(self, subj) -> str | None:
        """'a spokesman for the firm', 'officials at the ministry', 'the company's spokesman', 'club
        officials': the body the description means."""
        if subj.lower_ not in SPOKES:
            return None
        described = [o for prep in subj.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from")
                     for o in prep.children if o.dep_ == "pobj"]
        described += [c for c in subj.children if c.dep_ == "poss" and c.i < subj.i]  # "the company's spokesman"
        for o in described:
            if o.pos_ == "NOUN" and o.lemma_.lower() in BODY_NOUNS:
                res = self._description(o, self.mention_tokens(o))
                if res.name is not None and res.kind == "organisation":
                    return res.name
        noun = next((c for c in subj.children if c.dep_ == "compound" and c.i == subj.i - 1), None)
        if noun is None or noun.lemma_.lower() not in ORG_NOUNS or noun.ent_type_:
            return None
        head = noun.lemma_.lower()
        det = self.doc[subj.i - 2].lower_ if subj.i >= 2 else ""
        if subj.i - 1 == subj.left_edge.i or det == "the":
            body = self.orgs.described(noun, [noun], definite=True)  # "Club officials said"
            if body is not None:
                return body
        if det in ("a", "an") and head != "party":
            # "a bank spokesman": a body named before whose name holds the noun ("People's Bank"),
            # never merely the body the article is about (nor "a party official" of one of many)
            body = self.orgs.described(noun, [noun], definite=True)
            if body is not None and head in body.lower().split():
                return body
        return None

    def _speaks_for_pronoun(self, subj, np) -> str | None:
        """'its spokesman', 'according to its website', 'their lawyers': the body the possessive
        means (see pronouns.py); "their" of people named together is no body."""
        if subj.lower_ not in SPOKES or len(np) != 2 or np[0].dep_ != "poss" or np[0].lower_ not in ("its", "their"):
            return None
        poss = np[0]
        group = self._last_group(poss.i) if poss.lower_ == "their" else None
        if group is not None:  # bodies named together speak through their lawyers; people do not, nor
            return group[0] if group[1] == "organisation" else None  # "Analysts ... their sources"
        span = self.claim_span
        if span is not None and span[1] <= poss.idx:
            self.claim_span = None  # "Profits at X rose, according to its website": X's, named in the claim
        try:
            org = self._last_org(poss.i, singular=poss.lower_ == "its")
        finally:
            self.claim_span = span
        return org[0] if org else None

    def _aged(self, subj, np) -> str | None:
        """'the 67-year-old': the one person whose age the article gives as that number beside
        their name ("Jo Hart, 67, said", "Hart (67)")."""
        age = age_of(subj)
        if age is None:
            return None
        found, own = set(), {u.i for u in np}
        for t in self.doc:
            if t.text != age or t.i < 2 or t.i in own:
                continue
            before = self.doc[t.i - 1]
            if before.text not in (",", "("):
                continue
            named = self.doc[t.i - 2]
            names = self.full_names(named.text) if named.pos_ == "PROPN" else []
            if len(names) == 1 and self.people[names[0]].kind == "person":
                found.add(names[0])
        return found.pop() if len(found) == 1 else None

    def _named_next(self, subj) -> str | None:
        """The person an indefinite description opening the article ("A US airline attendant ...
        says") turns out to be: the named subject of the next sentence, when it is the first or
        second sentence of the text."""
        if self.salience is None:
            return None
        here = self.salience.sentence(subj.i)
        if here > 1 or here + 1 >= len(self.salience.sent_starts):
            return None
        start = self.salience.sent_starts[here + 1]
        end = self.salience.sent_starts[here + 2] if here + 2 < len(self.salience.sent_starts) else len(self.doc)
        for t in self.doc[start:end]:
            if t.dep_ in SUBJECT_DEPS and t.ent_type_ == "PERSON" and self.cast._usable(t):
                names = self.full_names(t.text)
                if names and self.people[names[0]].kind == "person":
                    return self._closest(names, t.i)
        return None

    def _person_noun(self, subj, head: str) -> bool:
        """'the singer', 'the DJ', 'our correspondent', 'the shipping tycoon': a common noun for a
        person (a list, an agent's ending, or a word the article says of someone it names), never
        a body, a document or data."""
        if age_of(subj) is not None:
            return True  # "the 67-year-old"
        if subj.tag_ not in ("NN", "NNP") or head in BODY_NOUNS | DATA_NOUNS | DOCUMENT_NOUNS | GOVERNMENT_NOUNS:
            return False
        if head in PERSON_NOUNS:
            return True
        if len(head) > 4 and head.endswith(AGENT_ENDINGS) and subj.pos_ == "NOUN" and head not in NOT_AGENTS \
                and self.claim_span is not None:  # the speaker of a claim, not any subject
            return True
        return head in self._person_words()

    def _person_words(self) -> set[str]:
        """Every word the article says of someone it names, gathered once (the cast's words are
        learnt before resolving starts) and again only if a person is added: a scan of every
        person for every subject was quadratic in an article of thousands of names."""
        cached = getattr(self, "_person_words_cache", None)
        if cached is None or cached[0] != len(self.people):
            words = set().union(*(p.words for p in self.people.values() if p.kind == "person"))
            cached = self._person_words_cache = (len(self.people), words)
        return cached[1]

    def _of_another_body(self, person, bodies: set[str]) -> bool:
        """Whether a person the article ties to one body ("United chief executive David Gill") is
        not of any of the bodies a description names ("the Arsenal boss"); a place in a title is
        no body ("New York Senator X ... the Democrat senator")."""
        if not bodies:
            return False
        own = role_words(person.affiliation) if person.affiliation else set()
        own |= {w.lower() for w in re.split(r"[\s\-]+", person.role or "")
                if w[:1].isupper() and w.lower() not in NOT_BODY_WORDS}  # "Everton boss", "Home Secretary"
        own -= self._place_words
        own |= nations(person.nationality) & PARTY_WORDS  # "Democratic Senator X": her party
        return bool(own) and not bodies & same_words(own)

    def _ranked_description(self, subj, words: set[str], nationality: set[str],
                            bodies: frozenset[str] | set[str] = frozenset()) -> str | None:
        """The person a definite description means when no one's title shares its words: the one
        the article keeps in view (see pronouns.Salience), of the gender its noun says."""
        gender = GENDER_WORDS.get(subj.lower_)
        aged = age_of(subj) is not None

        def fits(name: str) -> bool:
            person = self.people.get(name)
            if person is None:
                return True
            if person.kind != "person" or gender and person.gender not in (None, gender):
                return False
            if " " not in name and (name not in self.salience.actors or name not in self.cast.mid_caps):
                # "linked with Barcelona and Valencia": one word that never acts is no one described;
                # nor is one only ever capitalised as a sentence's first ("Honorary consuls will be appointed")
                return False
            if not aged and _qualified_otherwise(person, words | {subj.lower_}, subj.lemma_.lower()):
                return False  # "the chancellor" is not the shadow chancellor (an age says nothing of a role)
            if _other_office(person, subj.lemma_.lower()):
                return False  # "the prime minister" is not the one the article calls home secretary
            if self._of_another_body(person, bodies) or name in spoke_of:
                return False
            return not (nationality and nationality_of(person) and not nationality & nationality_of(person))

        spoke_of = self._spoke_of(subj)

        def bonus(name: str) -> float:
            person = self.people.get(name)
            return len(same_words(words) & same_words(person.words)) if person is not None else 0.0

        name, _j = self.salience.best(subj.i, fits, self.claim_span, self.last_speaker(subj.i), bonus,
                                      window=12, step=0.4, description=True)
        return name

    def _spoke_of(self, subj) -> set[str]:
        """The people who spoke of someone by the words `subj` heads, before it: "Vince Cable said
        the chancellor had failed ... The chancellor insisted" is not Vince Cable."""
        doc = self.doc
        out = set()
        for t in doc[:subj.i]:
            if t.lemma_ != subj.lemma_ or t.pos_ != "NOUN" or not any(c.lower_ == "the" for c in t.children):
                continue
            heads = {a.i for a in t.ancestors}
            out |= {name for j, name in self.history if name and t.sent.start <= j < t.i
                    and doc[j].pos_ == "PROPN" and doc[j].dep_ in SUBJECT_DEPS and doc[j].head.i in heads
                    and doc[j].head.lemma_.lower() in SPEECH_CUES}
        return out

    def _later(self, name: str, other: str | None, i: int) -> bool:
        """Whether `name` was a subject more recently than `other` before token i."""
        if other is None:
            return True
        last = {n: j for j, n in self.history if j < i}
        return last.get(name, -1) > last.get(other, -1)

    def mention_tokens(self, subj) -> list:
        """The subject's noun phrase without relative clauses, appositions or conjuncts."""
        cut = set()
        for t in subj.subtree:
            if t.i != subj.i and t.dep_ in MENTION_CUT and t.head.i >= subj.left_edge.i \
                    and not (t.text == "-" and not t.whitespace_ and not t.doc[t.i - 1].whitespace_):  # "28-year-old"
                cut.update(x.i for x in t.subtree)
        toks = [t for t in subj.subtree if t.i not in cut]
        # keep one contiguous run around the head
        run = [subj]
        for t in reversed([t for t in toks if t.i < subj.i]):
            if missed_stop(t):
                break  # "a PhD. Anil Varma": a stop the sentence splitter missed ends the mention
            if t.i == run[0].i - 1:
                run.insert(0, t)
            else:
                break
        for t in [t for t in toks if t.i > subj.i]:
            if t.i == run[-1].i + 1:
                run.append(t)
            else:
                break
        while run and (run[-1].is_punct or run[-1].is_space):
            run.pop()
        while run and (run[0].is_punct or run[0].is_space):
            run.pop(0)
        if run and run[0].i > 0 and (det := subj.doc[run[0].i - 1]).dep_ == "det" and det.head.pos_ in ("VERB", "AUX"):
            run.insert(0, det)  # "the 36-year-old said": a determiner the parse hung on the verb is the mention's
        return run or [subj]
