"""Who is speaking: from a subject mention to a named speaker, with role and affiliation.

Pure functions over a parsed spaCy Doc. The `Cast` of an article collects the people
named in its text (never in photo captions or inside quotes), their titles and
appositions ("Russian Foreign Minister Sergei Lavrov", "Fawzi Barhum, a spokesman for
Hamas"), and the order in which people appear as grammatical subjects, which is what
news writing relies on for "he said". A mention then resolves to a full name:

- a name or surname ("Lavrov", "Wang") -> the full name given elsewhere;
- a pronoun ("he", "she") -> the last person who was the subject of a clause;
- a description ("the veteran Russian diplomat") -> the person whose title or
  apposition shares its words, a nationality never contradicting;
- an organisation or place ("Hamas", "Washington", "the EU") -> itself.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from generator.parse import cased, token_indices

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Words that say whether someone is a man or a woman: forms of address and gendered nouns,
# before a name ("Mrs. Bush", "Queen Elizabeth") or in a title or apposition ("a spokeswoman").
GENDER_WORDS = {
    **dict.fromkeys(("mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "monsieur", "herr",
                     "senor", "señor", "spokesman", "chairman", "congressman", "businessman", "councilman",
                     "sportsman", "statesman", "man", "father", "son", "husband", "brother", "uncle",
                     "nephew", "grandfather", "boy", "actor", "waiter", "emperor"), "m"),
    **dict.fromkeys(("mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "duchess",
                     "baroness", "madame", "mme", "mme.", "frau", "senora", "señora", "spokeswoman",
                     "chairwoman", "congresswoman", "businesswoman", "councilwoman", "sportswoman",
                     "stateswoman", "woman", "mother", "daughter", "wife", "sister", "aunt", "niece",
                     "grandmother", "girl", "actress", "waitress", "empress"), "f"),
}
GROUP_PRONOUNS = {"they", "it", "we", "their", "its"}
FIRST_PERSON = {"i", "me", "we", "us", "you"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof.", "rev", "rev."}
# Nouns that name a person by what they do; a definite description headed by one of
# these ("the veteran diplomat", "the spokeswoman") refers to a person.
ROLE_NOUNS = {
    "diplomat", "minister", "president", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "official", "senator", "governor", "mayor", "leader",
    "candidate", "nominee", "lawmaker", "congressman", "congresswoman", "representative",
    "chairman", "chairwoman", "chair", "director", "chief", "head", "ambassador", "envoy",
    "general", "commander", "judge", "justice", "attorney", "lawyer", "prosecutor", "king",
    "queen", "prince", "pope", "prime", "economist", "analyst", "expert", "professor",
    "author", "activist", "pollster", "strategist", "adviser", "advisor", "aide", "founder",
    "executive", "ceo", "manager", "coach", "player", "officer", "inspector", "businessman",
    "businesswoman", "billionaire", "host", "anchor", "columnist", "reporter", "writer",
    "politician", "counterpart", "mogul", "rival", "opponent", "incumbent", "challenger",
    "veteran", "sheriff", "commissioner", "researcher", "scientist", "doctor", "physician",
    "spokesperson", "negotiator", "delegate", "speaker", "treasurer", "deputy", "vice",
    "legislator", "republican", "democrat", "conservative", "liberal", "woman", "man",
}
ROLE_LEMMAS = cased(ROLE_NOUNS)
# Words that, capitalised before a name, are a title: "Spokeswoman", "Senator", "Queen".
TITLE_WORDS = (ROLE_NOUNS - {"man", "woman"}) | {
    "king", "queen", "prince", "princess", "duke", "duchess", "baron", "baroness", "lord", "lady",
    "emperor", "empress", "spokeswoman", "chairwoman", "congresswoman", "councilman", "councilwoman",
    "businesswoman", "father", "mother", "sister", "brother", "miss", "madame", "monsieur", "herr",
    "frau", "senor", "senora", "señor", "señora"}
ROLE_LINKS = ("of", "for", "to")  # inside a title: "Secretary of State", "Ambassador to the UN"
# Relational nouns say how someone relates to another person, not what they are.
RELATIONAL = {"counterpart", "colleague", "rival", "ally", "friend", "wife", "husband", "son",
              "daughter", "father", "mother", "brother", "sister", "predecessor", "successor",
              "opponent", "partner"}
STOP = {"the", "a", "an", "of", "for", "and", "in", "at", "to", "on", "his", "her", "its", "their",
        "'s", "\u2019s", "-", "former", "then", "new", "top", "senior"}
MENTION_CUT = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"}


@dataclass
class Person:
    """Someone named in the article, with what the article says they are."""

    name: str
    kind: str = "person"  # person | organisation | place
    role: str | None = None
    affiliation: str | None = None
    words: set[str] = field(default_factory=set)  # lowercased words of role, affiliation, descriptions
    nationality: set[str] = field(default_factory=set)
    role_strength: int = 0  # 3 title, 2 apposition, 1 description
    gender: str | None = None  # "m" or "f" when the article says so; None when unknown or contradictory


@dataclass
class Resolution:
    """A speaker for a mention: name (None when unknown), kind and how sure we are."""

    name: str | None
    kind: str
    confidence: float
    person: Person | None = None
    named: bool = True  # False when `name` is a description ("Officials", "The report"), not a name


def _in(ranges, i: int) -> bool:
    return any(s <= i < e for s, e in ranges)


def _clean_name(span) -> list:
    toks = [t for t in span if not (t.is_punct and t.text != "-") and t.lower_ not in HONORIFICS]
    while toks and toks[-1].lower_ in ("'s", "\u2019s", "s", "-"):
        toks.pop()
    while toks and toks[0].text == "-":
        toks.pop(0)
    # a title the model took into the name, as at the start of a sentence ("Spokeswoman Maria
    # Lopez said"): not part of the name (it becomes the role, see _title_before)
    while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS and toks[1].text[:1].isupper():
        toks.pop(0)
    return toks


def _name_text(toks) -> str:
    """The name as written ("Ban Ki-moon"), from its first to its last token."""
    doc = toks[0].doc
    return doc[toks[0].i:toks[-1].i + 1].text if toks[-1].i - toks[0].i < 8 else _words_text(toks)


NEGATIONS = {"no", "nobody", "none", "neither"}


def _words_text(toks) -> str:
    """Tokens as written, keeping the text's own spacing ("the UN's relief agency", not "UN 's")."""
    return "".join(t.text_with_ws for t in toks).strip()


def _nationality(tok) -> bool:
    return tok.ent_type_ in ("NORP", "GPE") and tok.pos_ in ("ADJ", "PROPN")


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NP_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "pcomp", "appos", "attr", "oprd", "ROOT"}


def _noun_chunk(head):
    """The noun phrase `head` heads, up to the head ("the veteran Russian diplomat"), as spaCy's
    noun_chunks gives it; None when the word heads no noun phrase of its own."""
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    top = head
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head  # "the minister and the envoy": a conjunct of a noun phrase is one too
    if top.dep_ not in NP_DEPS:
        return None
    return head.doc[head.left_edge.i:head.i + 1]


class Cast:
    """The people and bodies of one article, and a resolver from mentions to them."""

    def __init__(self, doc, skip: list[tuple[int, int]], quotes: list[tuple[int, int]]):
        self.doc = doc
        self.ents = list(doc.ents)
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.skip = skip  # captions: not article text
        self.quotes = quotes  # inside quotes "he" is someone else
        self.people: dict[str, Person] = {}
        self.by_token: dict[str, list[str]] = {}  # lowercased name token -> full names
        self.word_ids = set(doc.to_array("ORTH").tolist())  # each word form the article writes
        self._collect_people()
        self._collect_roles()
        self._learn_descriptions()
        self._learn_genders()
        self.history: list[tuple[int, str]] = []  # (token index, person name) of subjects
        self.org_history: list[tuple[int, str, str, bool, bool]] = []  # (i, name, kind, named, plural)
        self._collect_history()

    # ----------------------------------------------------------------- people
    def _usable(self, tok) -> bool:
        return not _in(self.skip, tok.idx) and not _in(self.quotes, tok.idx)

    def _collect_people(self) -> None:
        for ent in self.ents:
            if ent.label_ != "PERSON" or _in(self.skip, ent.start_char):
                continue
            toks = _clean_name(ent)
            # every word capitalised; the part after a hyphen need not be ("Ban Ki-moon", "Jean-luc")
            words = [t for t in toks if t.text != "-" and not (t.i > 0 and t.doc[t.i - 1].text == "-")]
            if not words or not all(t.text[:1].isupper() for t in words):
                continue
            name = _name_text(toks)
            if len([t for t in toks if t.text != "-"]) >= 2:
                self._add_person(name)
        # single names never given in full ("Trump" alone) are people too
        for ent in self.ents:
            if ent.label_ != "PERSON" or _in(self.skip, ent.start_char):
                continue
            toks = _clean_name(ent)
            if len(toks) == 1 and toks[0].text[:1].isupper() and not self.full_names(toks[0].text):
                self._add_person(toks[0].text)

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
        person.words |= {t.lower_ for t in toks if t.lower_ not in STOP}
        person.nationality |= {t.lower_ for t in toks if _nationality(t)}
        strength = 1 if toks[-1].lower_ in RELATIONAL else 3
        orgs = [t for t in toks if t.ent_type_ == "ORG" and not (t.i > toks[0].i and t.doc[t.i - 1].lower_ == "of")]
        if orgs and person.affiliation is None:
            person.affiliation = " ".join(t.text for t in orgs)
        self._set_role(person, role, strength)

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
            person.nationality |= {t.lower_ for t in role_toks if _nationality(t)}
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
        of ("Clinton said she would run"). Contradictory evidence leaves the gender unknown."""
        votes: dict[str, set[str]] = {}
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
            pronoun = self._own_pronoun(ent)
            if pronoun is not None:
                votes.setdefault(person.name, set()).add(PRONOUN_GENDER[pronoun.lower_])
        for person in self.people.values():
            role = re.split(r"[\s-]+", person.role.lower()) if person.role else []  # not the affiliation's words
            said = votes.get(person.name, set()) | {GENDER_WORDS[w] for w in role if w in GENDER_WORDS}
            if len(said) == 1:
                person.gender = next(iter(said))

    def _own_pronoun(self, ent):
        """'Clinton said she would run': the subject pronoun of a clause under the verb the name is
        the subject of, when no one else is named in the sentence."""
        root = ent.root
        if root.dep_ not in SUBJECT_DEPS or ent.end - ent.start > 5:
            return None
        sent = ent.sent
        if any(e.label_ == "PERSON" and e.start != ent.start for e in sent.ents):
            return None
        for tok in root.head.subtree:
            if tok.i >= ent.end and tok.dep_ in SUBJECT_DEPS and tok.lower_ in ("he", "she") and self._usable(tok):
                return tok
        return None

    @staticmethod
    def _set_role(person: Person, role: str, strength: int) -> None:
        if strength > person.role_strength:
            person.role, person.role_strength = role, strength

    # ----------------------------------------------------------------- history
    def _collect_history(self) -> None:
        """People (and bodies) who are subjects of clauses, in text order."""
        for tok in (self.doc[i] for i in token_indices(self.doc, "DEP", SUBJECT_DEPS)):
            if not self._usable(tok):
                continue
            if tok.is_stop and tok.text[1:].islower():
                continue  # "some", "many", "others": nobody a later "it" or "they" could mean
            res = self.resolve(tok, record=False)
            if res.name is None:
                continue
            if res.kind == "person":
                self.history.append((tok.i, res.name))
            else:
                self.org_history.append((tok.i, res.name, res.kind, res.named, tok.tag_ in ("NNS", "NNPS")))

    def _last_person(self, i: int, gender: str | None = None) -> str | None:
        """The last subject before token i; with a gender, the last one who is not known to be of
        the other ("she" skips Mr. Obama)."""
        k = bisect.bisect_left(self.history, (i, ""))
        for _, name in reversed(self.history[:k]):
            person = self.people.get(name)
            if gender is None or person is None or person.gender in (None, gender):
                return name
        return None

    def _last_org(self, i: int, window: int = 80, singular: bool = False) -> tuple[str, str, bool] | None:
        """The body a group pronoun stands for; "it" never means a plural ("yields ... It said")."""
        for j, name, kind, named, plural in reversed(self.org_history):
            if j < i and i - j <= window:
                if singular and plural and not named:
                    continue
                return name, kind, named
            if j < i:
                break
        return None

    # ----------------------------------------------------------------- resolution
    def resolve(self, subj, record: bool = True) -> Resolution:
        """The speaker a subject token (head of its noun phrase) stands for."""
        low = subj.lower_
        if low in PERSON_PRONOUNS:
            name = self._last_person(subj.i, PRONOUN_GENDER[low])
            return Resolution(name, "person", 0.75, self.people.get(name)) if name else Resolution(None, "person", 0.3)
        if low in GROUP_PRONOUNS:
            org = self._last_org(subj.i, singular=low in ("it", "its"))
            if org:
                return Resolution(org[0], org[1], 0.6, named=org[2])
            return Resolution(None, "organisation", 0.3)
        if low in FIRST_PERSON or low in RELATIVE:
            if low in RELATIVE and subj.head is not None:
                # "Blinken, who said ..." -> the noun the clause hangs on
                head = subj.head.head if subj.head.dep_ == "relcl" else None
                if head is not None and head.i != subj.i:
                    return self.resolve(head, record)
            return Resolution(None, "person", 0.3)
        if subj.ent_type_ != "PERSON":
            # "The new President, Viktor Yushchenko, said": the apposition names the subject
            named = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if named is not None:
                toks = _clean_name(self.ent_at[named.i]) if named.i in self.ent_at else []
                person = self.people.get(_name_text(toks)) if toks else None  # the full name, given right there
                if person is not None:
                    return Resolution(person.name, "person", 0.9, person)
                res = self.resolve(named, record)
                if res.name is not None:
                    return res
        # a name, possibly inside a longer noun phrase ("Russian Foreign Minister Sergei Lavrov")
        np = self.mention_tokens(subj)
        # (a capitalised head counts even when tagged as a common noun: "Ban criticized Israel")
        named = [t for t in np if t.pos_ == "PROPN" or t.ent_type_ or (t.i == subj.i and t.text[:1].isupper())]
        for t in sorted(named, key=lambda t: (t.i > subj.i, -t.i)):
            names = self.full_names(t.text)
            if names:
                return Resolution(self._closest(names, subj.i), "person", 0.9, self.people[self._closest(names, subj.i)])
        ent = self.ent_at.get(subj.i)
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
            name = _strip_det(ent.text)
            kind = "place" if ent.label_ == "GPE" else "organisation"
            return Resolution(name, kind, 0.85, named=not self._common_word(ent))
        if ent is not None and ent.label_ == "PERSON":
            toks = _clean_name(ent)
            if toks:
                return Resolution(_name_text(toks), "person", 0.8, named=not self._common_word(ent))
        if subj.pos_ == "PROPN":
            toks = [t for t in np if t.pos_ == "PROPN"]
            if all(t.lower_ in ROLE_NOUNS for t in toks):
                return self._description(subj, np)  # "The Vice President remarked": a title, not a name
            # capitalised words that the model finds no entity in ("Yields", "Some", "Company"
            # at the start of a sentence) are more likely a description than a name
            named = any(t.ent_type_ for t in toks)
            return Resolution(_words_text(toks), "organisation", 0.6, named=named)
        return self._description(subj, np)

    def _common_word(self, span) -> bool:
        """One capitalised word opening a sentence that the article also writes in lower case, or
        a function word ("Company said", "Some argue"): an entity the model saw in a common noun."""
        if len(span) != 1 or not span[0].is_sent_start:
            return False
        return span[0].is_stop or (span[0].lower_.islower() and span[0].lower in self.word_ids)

    def _closest(self, names: list[str], i: int) -> str:
        if len(names) == 1:
            return names[0]
        for j, name in reversed(self.history):
            if j < i and name in names:
                return name
        return names[0]

    def _description(self, subj, np) -> Resolution:
        """'the veteran Russian diplomat' -> the person whose known words it shares."""
        words = {t.lower_ for t in np if t.lower_ not in STOP and not t.is_punct}
        nationality = {t.lower_ for t in np if _nationality(t)}
        head = subj.lemma_.lower()
        is_person_noun = head in ROLE_NOUNS and subj.tag_ in ("NN", "NNP")
        definite = any(t.lower_ in ("the", "his", "her", "their") for t in np if t.i < subj.i)
        if is_person_noun and definite:
            best, best_score = None, 0
            for name, person in self.people.items():
                if nationality and person.nationality and not (nationality & person.nationality):
                    continue
                score = len(words & person.words)
                if person.role and head in person.role.lower():
                    score += 1
                if score > best_score or (score == best_score and score and self._later(name, best, subj.i)):
                    best, best_score = name, score
            if best is not None:
                person = self.people[best]
                if nationality and not person.nationality:
                    person.nationality |= nationality
                return Resolution(best, "person", 0.75, person)
            last = self._last_person(subj.i)
            if last is not None and not nationality:
                return Resolution(last, "person", 0.5, self.people.get(last))
        if any(t.lower_ in NEGATIONS for t in np if t.i <= subj.i):
            return Resolution(None, "person", 0.3)  # "no one said": nobody to name
        text = _words_text([t for t in np if not (t.dep_ == "det" and t.i == np[0].i)])
        kind = "person" if is_person_noun else "organisation"
        return Resolution(text[:1].upper() + text[1:] if text else None, kind, 0.5, named=False)

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
            if t.i != subj.i and t.dep_ in MENTION_CUT and t.head.i >= subj.left_edge.i:
                cut.update(x.i for x in t.subtree)
        toks = [t for t in subj.subtree if t.i not in cut]
        # keep one contiguous run around the head
        run = [subj]
        for t in reversed([t for t in toks if t.i < subj.i]):
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
        return run or [subj]


def _not_a_title(tok) -> bool:
    """A lower-case common noun that is no role ("part", "critics", "effort") before "of"."""
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.lemma_.lower() not in ROLE_NOUNS


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text
