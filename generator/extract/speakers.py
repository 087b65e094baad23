"""The people of an article: names, titles, appositions, descriptions and genders.

A `Cast` collects the people named in an article's text (never in photo captions or
inside quotes), their titles and appositions ("Russian Foreign Minister Sergei Lavrov",
"Fawzi Barhum, a spokesman for Hamas"), and what the article says of their gender.
Resolving a mention to one of them is resolve.py's work.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from generator.extract.lexicon import (
    AGENT_ENDINGS,
    GENDER_WORDS,
    HONORIFICS,
    LEGISLATORS,
    NOBLE_TITLES,
    PERSON_NOUNS,
    POSTNOMINALS,
    PRONOUN_GENDER,
    RELATIONAL,
    ROLE_LEMMAS,
    ROLE_LINKS,
    ROLE_NOUNS,
    STOP,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from generator.extract.mentions import (
    Person,
    _clean_name,
    _in,
    _name_text,
    _nationality,
    _not_a_title,
    _noun_chunk,
    _title_nationality,
)
from generator.extract.orgs import BODY_NOUNS, ORG_NOUNS, widen_orgs
from generator.extract.ranges import Ranges
from generator.extract.tree import missed_stop
from generator.parse import token_indices

BODY_HEADS = ORG_NOUNS - {"party", "government", "administration", "office", "service", "court", "board"}


# last words of a sports club's name the model may take for a person's ("Leeds United")
CLUB_WORDS = {"united", "city", "rovers", "athletic", "wanderers", "albion", "hotspur", "rangers", "fc",
              "town", "county", "villa", "argyle", "academicals", "thistle", "athletico", "dynamo"}


def _lettered(ent) -> bool:
    """'Guy Hart QC' tagged as a body: two or three capitalised names, then letters after a name."""
    toks = [t for t in ent if t.lower_ != "the"]
    return ent.label_ == "ORG" and len(toks) in (3, 4) and toks[-1].text in POSTNOMINALS \
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in toks[:-1])


def _titled(doc, ent) -> Span | None:
    """'Cardinal Cormac Murphy-O'Connor' with only "Murphy-O'Connor" tagged, as a body: a name
    right after a person's title (and a given name the model tagged as nothing) is a person's."""
    words = [t for t in ent if t.text != "-"]  # "Murphy-O'Connor"
    if ent.label_ != "ORG" or not 1 <= len(words) <= 3 or ent[-1].text.endswith(("'s", "\u2019s")) or any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_ in ORG_NOUNS for t in words):
        return None
    if len(words) >= 2 and ent[0].lower_ in HONORIFICS | NOBLE_TITLES:
        return Span(doc, ent.start + 1, ent.end, label="PERSON")  # "Mr Cable", all of it tagged a body
    k = ent.start
    if k > 1 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() and not doc[k - 1].ent_type_ \
            and doc[k - 1].lower_ not in TITLE_WORDS and doc[k - 1].lower_ not in HONORIFICS | NOBLE_TITLES:
        k -= 1  # the given name
    title = doc[k - 1] if k > 0 else None
    if title is None or not title.text[:1].isupper() or title.ent_type_ \
            or title.lower_ not in TITLE_WORDS and title.lower_ not in HONORIFICS:
        return None
    return Span(doc, k, ent.end, label="PERSON")


def _described_as_person(ent) -> bool:
    """'Rodrigo de Rato, the IMF's managing director,' tagged as a body: a name of capitalised
    words (and particles) in apposition with a person's role, after it or before, is a person's."""
    words = [t for t in ent if t.lower_ not in PARTICLES]
    if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_ in ORG_NOUNS for t in words):
        return False
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start and ent.root.head.tag_ == "NN" \
            and ent.root.head.lemma_.lower() in ROLE_NOUNS:
        return True  # "Kenteris's lawyer, Gregory Ioannidis, said" (but "analysts Screen Digest" are a firm)
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > ent.end and c.lemma_.lower() in ROLE_NOUNS
               for c in ent.root.children)


def _honoured(doc) -> set[str]:
    """The words an article writes right after a form of address or a peer's title ("Mr Cable")."""
    return {t.text for t in doc[1:] if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower()
            and doc[t.i - 1].lower_ in HONORIFICS | NOBLE_TITLES and doc[t.i - 1].text[:1].isupper()}


def _surname_of(ent, honoured: set[str]) -> bool:
    """A name of up to three capitalised words tagged as a body, its last word one the article
    honours: a person ("Vince Cable", "Cable" where the article also writes "Mr Cable")."""
    words = [t for t in ent if t.text != "-"]
    return ent.label_ == "ORG" and 1 <= len(words) <= 3 and ent[-1].text in honoured and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() and t.lower_ not in ORG_NOUNS
        and t.lower_ not in TITLE_WORDS for t in words)


def _hyphen_joined(tok) -> bool:
    """Whether a hyphen written without spaces joins `tok` to the word before ("Kilroy-Silk"),
    not a dash set off by spaces ("Maradona - Carlos Tevez")."""
    doc = tok.doc
    return tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_


def _hyphened(toks: list) -> str:
    """The last word of a role as one word when a hyphen joins it ("film-maker" -> "filmmaker")."""
    if len(toks) >= 3 and toks[-2].text == "-" and not toks[-2].whitespace_ and not toks[-3].whitespace_:
        return toks[-3].lower_ + toks[-1].lower_
    return toks[-1].lower_


def _person_word(noun: str) -> bool:
    """A noun for a person, never a body's: a role, a person noun, or an agent's ending ("presenter")."""
    return noun not in BODY_NOUNS and (noun in ROLE_NOUNS or noun in PERSON_NOUNS
                                       or len(noun) > 4 and noun.endswith(AGENT_ENDINGS))


def _constituency(ent) -> bool:
    """'the Labour MP for Birkenhead': what a member of a parliament sits for is a place, whatever
    the model tags it."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in LEGISLATORS


def _club(ent) -> bool:
    return len(ent) >= 2 and ent[-1].lower_ in CLUB_WORDS and ent[-1].text[:1].isupper()


def _bare(name: str) -> str:
    """'the BBC's' -> 'BBC'."""
    name = re.sub(r"^[Tt]he\s+", "", name.strip())
    return re.sub(r"['\u2019]s?$", "", name)


# labels the model gives a name it did not know for one ("50 Cent" as money)
MISREAD_LABELS = {"", "MONEY", "CARDINAL", "QUANTITY", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW", "ORG"}


def named_after_noun(doc, ents) -> list:
    """'US rap star 50 Cent', 'fund manager Florian Hamm': capitalised words right after a noun for a
    person, in apposition with it or the head it is a compound of, are a person's name whatever the
    model tagged them as (money, nothing, a body), unless it tagged them as a person or a place. One
    word alone is too often a club or a town ("Sale host Bath") to count."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    bodies: dict[str, set[int]] = {}  # the texts the model tags as a body, and where
    for e in ents:
        if e.label_ == "ORG":
            bodies.setdefault(e.text, set()).add(e.start)
    found = []
    pairs = [(doc[k], doc[k].head) for k in token_indices(doc, "DEP", frozenset({"appos"}))]
    # "spokesman Glyn Davies said": the noun a compound of the name, the name tagged as a body
    pairs += [(doc[k].head, doc[k]) for k in token_indices(doc, "DEP", frozenset({"compound"}))
              if doc[k].head.i > doc[k].i]
    for name, head in pairs:
        if name.pos_ != "PROPN" or head.pos_ != "NOUN" or head.tag_ != "NN" or not _person_word(head.lemma_.lower()):
            continue
        start = name.left_edge.i if head.i < name.left_edge.i else head.i + 1
        toks = doc[start:name.i + 1]
        if any(t.ent_type_ == "ORG" for t in toks) and (
                head.lemma_.lower() not in ROLE_NOUNS | PERSON_NOUNS or len(toks) < 2
                or any(t.lower_ in ORG_NOUNS or not (t.text[1:].islower() or t.like_num) for t in toks)):
            continue  # a body after a noun for one ("carmaker General Motors"), unless plainly a person's name
        if start != head.i + 1 or not 2 <= len(toks) <= 3 or any(
                not (t.text[:1].isupper() or t.like_num) or t.is_punct or t.lower_ in TITLE_WORDS for t in toks) \
                or not any(t.text[:1].isupper() for t in toks) \
                or name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN":
            continue
        labels = {at[t.i].label_ if t.i in at else "" for t in toks}
        if not labels <= MISREAD_LABELS:
            continue
        if any(t.i in at and (at[t.i].start < start or at[t.i].end > name.i + 1) for t in toks):
            continue  # the model's entity runs on past these words: not this name alone
        if bodies.get(toks.text, set()) - {start}:
            continue  # a body elsewhere in the article ("former European champion Borussia Dortmund")
        found.append(Span(doc, start, name.i + 1, label="PERSON"))
    if not found:
        return ents
    # the same words elsewhere, misread again ("50 Cent appeared on the show"), are the same name
    texts = {tuple(t.text for t in span) for span in found}
    starts = {span.start for span in found}
    for n in {len(span) for span in found}:
        for i in range(len(doc) - n + 1):
            if i in starts or tuple(t.text for t in doc[i:i + n]) not in texts:
                continue
            if i + n < len(doc) and doc[i + n].pos_ == "PROPN" and doc[i + n].text[:1].isupper():
                continue
            labels = {at[t.i].label_ if t.i in at else "" for t in doc[i:i + n]}
            if labels <= MISREAD_LABELS - {"ORG"}:
                found.append(Span(doc, i, i + n, label="PERSON"))
                starts.add(i)
    taken = {i for span in found for i in range(span.start, span.end)}
    return sorted([e for e in ents if not taken & set(range(e.start, e.end))] + found, key=lambda e: e.start)


def widen_people(doc, ents) -> list:
    """'Deputy Speaker Sylvia Heal': the model tags "Sylvia" alone when the surname is also a word
    ("Heal", "Hope", "Bright"); a capitalised proper noun right after a person's name that the name
    is a compound of, tagged as nothing else, is the rest of the name."""
    out, drop = [], set()
    for ent in ents:
        if ent.start in drop:
            continue
        end = ent.end
        if ent.label_ == "PERSON":
            while end < len(doc) and end < ent.sent.end and doc[end - 1].head.i == end \
                    and doc[end - 1].dep_ == "compound" and _surname_word(doc[end]):
                end += 1
            end = _past_particles(doc, ent, end)
            drop.update(range(ent.end, end))
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label="PERSON"))
    return out


# particles inside a surname: "Rafael van der Vaart", "Ursula von der Leyen", "Luis de la Fuente"
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten", "bin",
             "ibn", "al", "el", "dos", "das", "op"}


def _past_particles(doc, ent, end: int) -> int:
    """'Rafael van der' + 'Vaart' (tagged as a body), 'Pieter van' + 'den Berg': the model cuts a
    name at its particles; a name ending in particles, or followed by them, runs on to the
    capitalised word after them."""
    k = end
    while k > ent.start + 1 and doc[k - 1].lower_ in PARTICLES and not doc[k - 1].text[:1].isupper():
        k -= 1  # the particles the entity ends with
    j = end
    while j < ent.sent.end and doc[j].lower_ in PARTICLES and not doc[j].text[:1].isupper() and j - k < 3:
        j += 1  # and those right after it
    if j == k or j >= ent.sent.end or j - k > 3:
        return end
    nxt = doc[j]
    if not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.text.replace("-", "").isalpha()) \
            or nxt.ent_type_ and nxt.ent_iob_ != "B" and j != end:
        return end
    return j + 1


# words that close the name of a place, a building, a prize or a law named after someone
# ("John Smith House", "the Bush Administration", "the Sakharov Prize"): no surname
NAMED_AFTER = {"street", "road", "square", "avenue", "lane", "palace", "house", "hall", "centre", "center",
               "building", "tower", "bridge", "park", "stadium", "arena", "school", "college", "university",
               "hospital", "airport", "station", "church", "cathedral", "prize", "award", "awards", "cup",
               "trophy", "show", "festival", "doctrine", "act", "bill", "law", "plan", "era", "years", "memorial",
               "museum", "library", "gallery", "theatre", "theater", "institute", "fund", "report", "inquiry"}


def _word_by_word(toks) -> bool:
    """'Anand Vemuri' tagged as two places, a word each: the model's way with a name it does not
    know, never with a place's own name ("New Zealand" is one entity)."""
    return len(toks) >= 2 and all(t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "NORP", "ORG") for t in toks)


def _surname_word(tok) -> bool:
    low = tok.lower_
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha() and not tok.ent_type_ \
        and not tok.text.isupper() and low not in TITLE_WORDS and low not in CLUB_WORDS \
        and low not in BODY_NOUNS and low not in NAMED_AFTER


# blood kin who share a family name: "Mr Hale's son Tom" is Tom Hale
# verbs of holding, taking or leaving an office "as" something ("resigned as home secretary")
OFFICE_VERBS = {"serve", "resign", "quit", "retire", "remain", "stay", "continue", "return", "step", "stand",
                "appoint", "elect", "name", "install", "confirm", "succeed", "replace", "take", "work", "sack",
                "dismiss", "oust", "reappoint", "re-elect"}

KIN = {"son", "daughter", "brother", "grandson", "granddaughter"}


class Cast:
    """The people and bodies an article names, with their roles, affiliations and genders."""

    def __init__(self, doc, skip: list[tuple[int, int]], quotes: list[tuple[int, int]]):
        self.doc = doc
        # "Guy Hart QC" the model took for a body: a name with letters after it is a person's
        self.ents = [Span(doc, e.start, e.end, label="PERSON") if _lettered(e) else _titled(doc, e) or e
                     for e in doc.ents]
        # "Vince Cable said ... Mr Cable said": a name the model took for a body is a person's when
        # the article gives its last word a form of address
        honoured = _honoured(doc)
        self.ents = [Span(doc, e.start, e.end, label="PERSON") if _surname_of(e, honoured) or _described_as_person(e)
                     else e for e in self.ents]
        # a name the model tags as an organisation somewhere is one wherever it is tagged as a
        # person ("Aston Martin", "Contrack"): its "person" mentions are relabelled
        self.org_names = {_bare(e.text) for e in self.ents if e.label_ == "ORG"}
        self.ents = [e if e.label_ != "PERSON" or _bare(e.text) not in self.org_names and not _club(e)
                     else Span(doc, e.start, e.end, label="ORG") for e in self.ents]
        self.ents = [Span(doc, e.start, e.end, label="GPE") if e.label_ == "PERSON" and _constituency(e) else e
                     for e in self.ents]
        self.ents = widen_people(doc, named_after_noun(doc, widen_orgs(doc, self.ents)))
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.skip = Ranges(skip)  # captions: not article text
        self.quotes = Ranges(quotes)  # inside quotes "he" is someone else
        self.people: dict[str, Person] = {}
        self.by_token: dict[str, list[str]] = {}  # lowercased name token -> full names
        self.word_ids = set(doc.to_array("ORTH").tolist())  # each word form the article writes
        # capitalised words the article writes inside a sentence: names, not sentence openers
        self.mid_caps = {t.text for t in doc if t.text[:1].isupper() and not t.is_sent_start
                         and not doc[t.i - 1].is_punct}
        self._collect_people()
        self._collect_roles()
        self._learn_descriptions()
        self._learn_genders()

    # ----------------------------------------------------------------- people
    def _usable(self, tok) -> bool:
        return not _in(self.skip, tok.idx) and not _in(self.quotes, tok.idx)

    def _collect_people(self) -> None:
        for ent in self.ents:
            if ent.label_ != "PERSON" or _in(self.skip, ent.start_char):
                continue
            toks = _clean_name(ent)
            # every word capitalised; the part after a hyphen need not be ("Ban Ki-moon", "Jean-luc")
            words = [t for t in toks if t.text != "-" and not (t.i > 0 and t.doc[t.i - 1].text == "-")
                     and not (t.lower_ in PARTICLES and toks[0].i < t.i < toks[-1].i)]  # "van der"
            if not words or not all(t.text[:1].isupper() for t in words):
                continue
            name = _name_text(toks)
            if len([t for t in toks if t.text != "-" and not _hyphen_joined(t)]) >= 2:
                # (a hyphened name is one word: "Kilroy-Silk" alone is no full name)
                self._add_person(name)
        self._people_by_apposition()
        # single names never given in full ("Trump" alone) are people too
        for ent in self.ents:
            if ent.label_ != "PERSON" or _in(self.skip, ent.start_char):
                continue
            toks = _clean_name(ent)
            if len(toks) == 1 and toks[0].text[:1].isupper() and not self.full_names(toks[0].text) \
                    and not (toks[0].i > 0 and self.doc[toks[0].i - 1].lower_ == "the"):  # "the Scot": a description
                surname = self._kin_surname(toks[0])
                self._add_person(f"{toks[0].text} {surname}" if surname else toks[0].text)

    def _kin_surname(self, tok) -> str | None:
        """'Mr Hale's son Tom': the family name a first name given alone shares with the parent or
        sibling it is named as the child or sibling of."""
        doc = self.doc
        i = tok.i
        if i < 3 or doc[i - 1].lower_ not in KIN or doc[i - 2].text not in ("'s", "’s"):
            return None
        parent = doc[i - 3]
        if parent.pos_ != "PROPN" or not parent.text[:1].isupper() or parent.text.isupper():
            return None
        honoured = i >= 4 and doc[i - 4].lower_.rstrip(".") in HONORIFICS
        known = any(n.split()[-1] == parent.text and len(n.split()) >= 2 for n in self.people)
        return parent.text if honoured or known else None

    def _people_by_apposition(self) -> None:
        """'DJ Shadow Cat, a presenter on the station': capitalised words the model took for a body, or for
        nothing, are a person's name when their apposition is a noun for a person."""
        doc = self.doc
        for k in token_indices(doc, "DEP", frozenset({"appos"})):
            tok = doc[k]
            head = tok.head
            if tok.lower_ == "one" and tok.pos_ == "NUM":  # "X, one of the band's founders"
                tok = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                            if o.dep_ == "pobj" and o.tag_ == "NNS"), tok)
            noun = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or tok.tag_ == "NNS" and tok.head.lower_ != "of" \
                    or head.pos_ != "PROPN" or head.i > tok.i or _in(self.skip, head.idx):
                continue
            if not _person_word(noun):
                continue
            i = head.i
            while i > head.sent.start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" \
                    and doc[i - 1].ent_type_ in ("", "ORG", "GPE", "NORP") and not missed_stop(doc[i - 1]):
                i -= 1
            labels = {t.ent_type_ for t in doc[i:head.i + 1]}
            if not labels <= {"", "ORG"} and not _word_by_word(doc[i:head.i + 1]):
                continue  # "New Zealand, the champion": a place the model tagged whole
            toks = _clean_name(doc[i:head.i + 1])
            if len(toks) >= 2 and all(t.text[:1].isupper() for t in toks if t.text != "-"):
                self._add_person(_name_text(toks))

    def _add_person(self, name: str) -> None:
        if name in self.people:
            return
        # "Sergei Lavrov" then "Sergei Viktorovich Lavrov": keep the first as given
        self.people[name] = Person(name=name)
        for part in re.split(r"[\s-]+", name):
            if part:
                self.by_token.setdefault(part.lower(), []).append(name)

    def full_names(self, token_text: str) -> list[str]:
        return self.by_token.get(token_text.lower().strip(".,'\u2019"), [])

    def _collect_roles(self) -> None:
        for ent in self.ents:
            if ent.label_ != "PERSON" or _in(self.skip, ent.start_char):
                continue
            person = self._person_for_span(ent)
            if person is None:
                continue
            self._title_before(ent, person)
            self._apposition(ent, person)
            self._described_before(ent, person)
            self._served_as(ent, person)

    def _person_for_span(self, span) -> Person | None:
        toks = _clean_name(span)
        if not toks:
            return None
        name = _name_text(toks)
        if name in self.people:
            return self.people[name]
        names = self.full_names(toks[-1].text)
        return self.people[names[0]] if len(names) == 1 else None

    def _title_before(self, ent, person: Person) -> None:
        """'Russian Foreign Minister Sergei Lavrov', 'his Chinese counterpart Wang Yi'."""
        doc = self.doc
        name = _clean_name(ent)
        i = (name[0].i if name else ent.start) - 1  # a title inside the entity counts too
        sent_start = ent.sent.start
        toks = []
        while i >= sent_start:
            t = doc[i]
            if t.is_punct and t.text not in ("-", ".") or t.is_space:
                break
            if t.lower_ in HONORIFICS and not toks:
                break  # "Mr. Ahern", "Mrs. Bush": a form of address, not a role
            if t.lower_ == "the" and toks and i - 1 >= sent_start and doc[i - 1].lower_ in ROLE_LINKS:
                toks.insert(0, t)  # "Ambassador to the United States"
                i -= 1
                continue
            if t.lower_ in ROLE_LINKS and toks and i - 1 >= sent_start and _not_a_title(doc[i - 1]):
                break  # "part of Prime Minister X", "critics of President X": the role starts after "of"
            if t.pos_ in ("PROPN", "NOUN", "ADJ") or (t.lower_ in (*ROLE_LINKS, "-") and toks):
                if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and not toks and t.i < ent.start:
                    break
                toks.insert(0, t)
                i -= 1
                continue
            break
        while toks and (toks[0].lower_ in (*ROLE_LINKS, "-", "the") or toks[0].pos_ == "ADP"):
            toks.pop(0)
        if not toks:
            return
        if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") for t in toks):
            return
        if all(t.ent_type_ in ("GPE", "LOC", "NORP") for t in toks):
            return  # "... to the United States Hamdullah Mohib": a place is no role
        if toks[0].is_sent_start and len(toks) == 1 and toks[0].pos_ == "ADJ":
            return
        role = " ".join(t.text for t in toks).replace(" - ", "-")
        if toks[-1].lower_ in BODY_HEADS and toks[-1].pos_ == "NOUN" \
                and _hyphened(toks) not in PERSON_NOUNS | ROLE_NOUNS:
            person.kind = "organisation"  # "British car maker Aston Martin", "retail group Kingfisher"
            # (never "film-maker George Lucas": a word written with a hyphen is the word it joins)
        person.words |= {t.lower_ for t in toks if t.lower_ not in STOP}
        person.nationality |= {t.lower_ for t in toks if _title_nationality(t)}
        strength = 1 if toks[-1].lower_ in RELATIONAL else 3
        orgs = [t for t in toks if t.ent_type_ == "ORG" and not (t.i > toks[0].i and t.doc[t.i - 1].lower_ == "of")]
        if orgs and person.affiliation is None:
            person.affiliation = " ".join(t.text for t in orgs)
        self._set_role(person, role, strength)

    def _described_before(self, ent, person: Person) -> None:
        """'The firm's chief executive, Jo Hart, resigned', 'His son, Ben Hale, said': a noun for a
        person whose apposition the name is gives the name's role."""
        root = ent.root
        head = root.head
        if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i > root.i or head.ent_type_ \
                or self.doc[head.i + 1].text != "," or self.doc[ent.start - 1].text != ",":
            return
        noun = head.lemma_.lower()
        if not (_person_word(noun) or noun in RELATIONAL and noun not in BODY_NOUNS):
            return
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("amod", "compound") and t.head.i == head.i
                or t.i == head.i]
        role = " ".join(t.text for t in toks)
        person.words |= {t.lower_ for t in toks if t.lower_ not in STOP}
        person.nationality |= {t.lower_ for t in toks if _title_nationality(t)}
        self._set_role(person, role, 1 if noun in RELATIONAL else 2)  # "His son, Ben Hale," says how, not what

    @staticmethod
    def _served_as(ent, person: Person) -> None:
        """'Mr Blunkett resigned as home secretary', 'Wilson, who served as chairman': an office the
        person is the subject of holding, leaving or taking "as"."""
        root = ent.root
        verbs = [root.head] if root.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in root.children if c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)]
        for v in verbs:
            if v.lemma_.lower() not in OFFICE_VERBS:
                continue
            for prep in v.children:
                if prep.dep_ != "prep" or prep.lower_ != "as":
                    continue
                office = next((o for o in prep.children if o.dep_ == "pobj" and o.tag_ == "NN"), None)
                if office is not None and office.lemma_.lower() in ROLE_NOUNS:
                    person.offices.add(office.lemma_.lower())
                    person.words |= {t.lower_ for t in office.lefts if t.dep_ in ("compound", "amod")} | {office.lower_}

    def _apposition(self, ent, person: Person) -> None:
        """'Fawzi Barhum, a spokesman for Hamas' -> role spokesman, affiliation Hamas."""
        root = ent.root
        for child in root.children:
            if child.dep_ != "appos" or child.i < root.i or child.ent_type_ == "PERSON":
                continue
            if child.pos_ not in ("NOUN",):
                continue
            words = [t for t in child.subtree if t.dep_ not in ("relcl", "punct") and
                     not any(a.dep_ == "relcl" for a in t.ancestors if a.i >= child.i)]
            role_toks, aff_toks = [], []
            for t in words:
                if t.dep_ == "det" and t.head == child:
                    continue
                if t.i > child.i and t.dep_ == "prep" and t.head == child and t.lower_ in ("for", "of", "at", "with"):
                    aff_toks = [a for a in t.subtree if a.i != t.i]
                    break
                role_toks.append(t)
            role_toks = [t for t in role_toks if t.i <= child.i or t.dep_ in ("compound", "amod")]
            if not role_toks:
                continue
            role = " ".join(t.text for t in role_toks)
            person.words |= {t.lower_ for t in role_toks + aff_toks if t.lower_ not in STOP}
            person.nationality |= {t.lower_ for t in role_toks if _title_nationality(t)}
            if aff_toks and person.affiliation is None:
                person.affiliation = " ".join(t.text for t in aff_toks if t.dep_ != "det" or t.i > aff_toks[0].i)
            self._set_role(person, role, 2)
            return

    def _learn_descriptions(self) -> None:
        """'the Chinese foreign minister', said of Wang Yi (his Chinese counterpart), is his role."""
        if not any(p.nationality for p in self.people.values()):
            return  # nobody a nationality could point to
        for head in (self.doc[i] for i in token_indices(self.doc, "LEMMA", ROLE_LEMMAS)):
            chunk = _noun_chunk(head)
            if chunk is None or _in(self.skip, head.idx) or _in(self.quotes, head.idx) or head.ent_type_ == "PERSON":
                continue
            if chunk[0].lower_ != "the" or head.lower_ in RELATIONAL:
                continue
            nationality = {t.lower_ for t in chunk if _nationality(t)}
            if not nationality:
                continue
            matches = [p for p in self.people.values() if p.nationality & nationality]
            if len(matches) == 1 and matches[0].role_strength < 2:
                role = " ".join(t.text for t in chunk[1:])
                matches[0].words |= {t.lower_ for t in chunk if t.lower_ not in STOP}
                self._set_role(matches[0], role, 2)

    def _learn_genders(self) -> None:
        """Whether each person is a man or a woman, from what the article itself says: a form of
        address or gendered title before a mention ("Mrs. Bush", "Queen Rania"), a gendered word in
        their title or apposition ("a spokeswoman"), or the pronoun of a clause they are the subject
        of ("Clinton said she would run", "Holmes ... confirming her availability"). Contradictory
        evidence leaves the gender unknown."""
        votes: dict[str, set[str]] = {}
        people_in_sent: dict[int, list[int]] = {}  # sentence start -> its PERSON entities' starts, read once
        for ent in self.ents:
            if ent.label_ == "PERSON":
                people_in_sent.setdefault(ent.sent.start, []).append(ent.start)
        for ent in self.ents:
            if ent.label_ != "PERSON" or not self._usable(ent[0]):
                continue
            person = self._person_for_span(ent)
            if person is None:
                continue
            before = self.doc[ent.start - 1] if ent.start else None
            for tok in (ent[0], before):
                if tok is not None and tok.lower_ in GENDER_WORDS:
                    votes.setdefault(person.name, set()).add(GENDER_WORDS[tok.lower_])
                    break
            pronoun = self._own_pronoun(ent, people_in_sent)
            if pronoun is not None:
                votes.setdefault(person.name, set()).add(PRONOUN_GENDER[pronoun.lower_])
        for person in self.people.values():
            role = re.split(r"[\s-]+", person.role.lower()) if person.role else []  # not the affiliation's words
            # (a form of address in a role is someone else's: "the lawyer representing Mr Abbasi")
            said = votes.get(person.name, set()) | {GENDER_WORDS[w] for w in role
                                                     if w in GENDER_WORDS and w not in HONORIFICS}
            if len(said) == 1:
                person.gender = next(iter(said))

    def _own_pronoun(self, ent, people_in_sent: dict[int, list[int]]):
        """'Clinton said she would run': the subject pronoun of a clause under the verb the name is
        the subject of (or a possessive: "Holmes ... confirming her availability"), when no one else
        is named in the sentence. `people_in_sent`: the PERSON
        entities of each sentence, found once (sent.ents walks every entity of the document:
        once per mention, that was quadratic in a quote-dense article)."""
        root = ent.root
        if root.dep_ not in SUBJECT_DEPS or ent.end - ent.start > 5:
            return None
        if any(start != ent.start for start in people_in_sent.get(ent.sent.start, ())):
            return None
        for tok in root.head.subtree:
            if tok.i >= ent.end and (tok.dep_ in SUBJECT_DEPS and tok.lower_ in ("he", "she")
                                     or tok.dep_ == "poss" and tok.lower_ in ("his", "her")) and self._usable(tok):
                return tok  # "Holmes has been chosen despite not confirming her availability"
        return None

    @staticmethod
    def _set_role(person: Person, role: str, strength: int) -> None:
        if strength > person.role_strength:
            person.role, person.role_strength = role, strength
