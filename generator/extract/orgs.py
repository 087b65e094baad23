"""The organisations of an article, and the descriptions that stand for them.

- an acronym and its long form are one body: "the FDA" is the "Food and Drug Administration"
  when the article spells it out; a short form is the full name ("Contrack" -> "Contrack
  International");
- an unnamed spokesperson, official, source or team of a body speaks for the body: "a BBC
  spokesman", "Pentagon officials", "a spokeswoman for the Home Office", "Google's team";
- a definite description of a body ("the firm", "the company", "the bank") is the body the
  article last named whose kind it fits, else the organisation the article is about so far (the
  one the headline and the text before it name most, counting its acronym and short forms);
- a name the article gives a made thing ("its RipGuard technology", "the drug Crestor") is a
  product, never a body, whatever the model tagged it as;
- a common noun the article puts right before or beside a body's name ("administrators Grant
  Thornton", "the union Unison", "Ofsted, the schools watchdog") is a label: "the
  administrators" is that body anywhere in the article, when it labels no other;
- a bare "a spokesman" speaks for the one body that was the subject, or the "by" agent, of
  the sentence just before ("The Home Office would not comment. A spokeswoman said ...").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from generator.extract.lexicon import MASTHEAD_WORDS, PAPER_LETTERS, PARTY_OF, PRODUCT_NOUNS, SPEECH_CUES
from generator.extract.mentions import _in, _strip_det
from generator.extract.ranges import Ranges
from generator.parse import token_indices
from generator.titles import HONORIFICS

# heads of descriptions that stand for an organisation
ORG_NOUNS = {"firm", "company", "group", "bank", "carmaker", "retailer", "airline", "agency", "chain",
             "business", "operator", "maker", "giant", "manufacturer", "supermarket", "insurer", "lender",
             "publisher", "studio", "club", "association", "union", "organisation", "organization", "body",
             "watchdog", "regulator", "department", "ministry", "broadcaster", "charity", "foundation",
             "corporation", "conglomerate", "developer", "provider", "network", "institute", "authority",
             "council", "committee", "commission", "party", "administration", "government", "board",
             "federation", "league", "society", "trust", "service", "office", "court", "tribunal",
             "alliance", "coalition", "consortium", "brewery", "subsidiary", "label"}
# nouns for a body, the press included: "the Reuters news agency", "the Liverpool Echo newspaper"
BODY_NOUNS = ORG_NOUNS | {"newspaper", "paper", "magazine", "daily", "tabloid", "news", "channel", "station",
                          "website", "site", "consultancy", "analyst", "analysts", "firms", "consultants", "team"}
# people and things that speak for a body: "a BBC spokesman", "Pentagon officials", "an SFA statement"
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "source",
          "sources", "representative", "representatives", "team", "staff", "management", "statement",
          "spokesmen", "spokeswomen", "insider", "insiders", "executive", "executives", "analyst", "analysts",
          "lawyer", "lawyers", "report", "website", "release", "letter", "document", "bosses", "chiefs",
          "reports", "researcher", "researchers", "scientist", "scientists", "economist", "economists",
          "directors"}
# people who speak for the body named before them as its members: "Opec members", "G7 ministers",
# "Cranfield University experts" (a place's, "EU leaders" or "German ministers", are no one body's)
MEMBERS = {"members", "ministers", "delegates", "negotiators", "experts", "correspondents"}
# the last word of a police force's name: "Strathclyde Police", "Kent Constabulary"
FORCE_WORDS = {"police", "constabulary"}
# of SPOKES, the things and the people who need not work for what they are named after ("the
# Xbox website", "Microsoft analysts")
NOT_SPOKESPEOPLE = {"statement", "report", "reports", "website", "release", "letter", "document", "source",
                    "sources", "analyst", "analysts", "researcher", "researchers", "scientist", "scientists",
                    "economist", "economists", "lawyer", "lawyers", "insider", "insiders"}
# a body named after a spokesperson's noun: "a spokesman for the BBC", "sources within the party"
SPEAKS_FOR_PREPS = ("for", "of", "at", "from", "by", "within", "inside")
# heads of descriptions of a company: never a body of the state ("the company" is no commission)
COMMERCIAL = {"firm", "company", "bank", "carmaker", "retailer", "airline", "chain", "business", "operator", "maker",
              "giant", "manufacturer", "supermarket", "insurer", "lender", "publisher", "studio", "broadcaster",
              "corporation", "conglomerate", "developer", "provider", "brewer", "group"}
# bodies of the state: "the government" is no company the article names most
PUBLIC_NOUNS = {"government", "administration", "ministry", "department", "court", "tribunal", "council",
                "commission", "committee", "parliament", "office", "authority", "regulator", "watchdog"}
# nouns that mean a government, never just the body last named ("the Treasury ... the government")
GOVERNMENT_NOUNS = {"government", "administration", "parliament"}
SMALL = {"and", "of", "the", "for", "&", "de", "on", "in", "to", "at"}
# words that end a company's full name without making it another body: "SBC Communications" is SBC
CORPORATE = {"communications", "telecommunications", "telecom", "international", "group", "holdings", "holding",
             "corporation", "corp", "inc", "incorporated", "plc", "ltd", "limited", "co", "company", "industries",
             "systems", "technologies", "networks", "airlines", "airways", "motors", "enterprises", "partners"}
# endings that name the same body as the word before them, whichever the article writes first
SAME_BODY_ENDINGS = CORPORATE | {"fc", "foundation"}
# a region that makes a longer name a body's arm there: "Nintendo Europe" is not Nintendo
REGIONS = {"europe", "european", "america", "americas", "american", "asia", "asian", "africa", "pacific", "uk",
           "us", "usa", "emea", "international"} - CORPORATE
ORG_LABELS = ("ORG", "NORP", "GPE", "FAC")
# a party by the adjective of its members, which the model tags as a people's ("a Tory spokesman")
PARTIES = {alias: name for alias, name in PARTY_OF.items() if " " not in alias and not alias.endswith("s")}
LONG_FORM_RE = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+(?:(?:and|of|the|for|&|on|de)\s+)*[A-Z][\w'\u2019-]*)+")


def widen_orgs(doc, ents) -> list:
    """An organisation's name the model cut at "and" ("Department for Education" of "the
    Department for Education and Skills", "Department for Culture, Media and Sport"): after a
    name of the "X for Y" form (or a department "of Y"), single capitalised words joined on by
    commas and a final "and" belong to the name; a conjunct of the head itself with no list
    ("Microsoft and Apple") is another body, and so is one that is a name of its own."""
    out, drop = [], set()
    for ent in ents:
        end = ent.end
        dept = ent.root.lemma_.lower() in ("department", "ministry", "bureau", "secretary")
        if ent.label_ == "ORG" and any(t.lower_ == "for" or t.lower_ == "of" and dept for t in ent):
            k, inside, listed = ent.end, {t.i for t in ent if t.i > ent.root.i}, False
            while k + 1 < len(doc) and doc[k].text in (",", "and", "&"):
                nxt = doc[k + 1]
                if not (nxt.text[:1].isupper() and nxt.dep_ == "conj") or nxt.ent_type_ in ("PERSON", "GPE", "NORP") \
                        or k + 2 < len(doc) and doc[k + 2].text[:1].isupper():
                    break
                listed = listed or doc[k].text == ","
                if doc[k].text != "," and (nxt.head.i in inside or listed):
                    end = nxt.i + 1
                    break
                inside.add(nxt.i)
                k = nxt.i + 1
        if end > ent.end:
            drop.update(range(ent.end, end))
            ent = Span(doc, ent.start, end, label="ORG")
        out.append(ent)
    return [e for e in out if e.start not in drop]


def _unbracketed(name: str) -> str:
    """'Association for Payment Clearing Services (Apacs': a name the model ran into the short
    form that follows it in brackets, without it."""
    return re.sub(r"\s*\(.*$", "", name)


def _noun_modified(span):
    """The noun (or name) after a span that the span only modifies, the words between modifying
    it too ("its Windows operating system", "an iPod mini model"); None when it heads its phrase."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod") or root.head.i < span.end \
            or root.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.head.i != root.head.i for t in span.doc[span.end:root.head.i]):
        return None
    return root.head


def bare_police(tok) -> bool:
    """'police', not a word of a longer name ("the Association of Chief Police Officers")."""
    doc = tok.doc
    return tok.lower_ == "police" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")


def police_spokes(subj, np) -> bool:
    """'a police spokesman', 'The police spokesman': a spokesperson of the police."""
    return subj.lower_ in SPOKES and any(t.lower_ == "police" for t in np if t.i < subj.i)


def _bare(name: str) -> str:
    """'the BBC's' -> 'BBC'; 'Association for Payment Clearing Services (Apacs' -> its name."""
    return re.sub(r"['\u2019]s?$", "", _strip_det(_unbracketed(name)).strip())


def abbreviates(short: str, long: str) -> bool:
    """Whether a short form can stand for a long form written just before it in brackets, as
    Schwartz and Hearst's test has it: its letters in order in the long form, the first one
    opening its first word ("Apacs" of "Association for Payment Clearing Services", but
    "(Reuters)" stands for no "Fund manager Jo Rank")."""
    short, long = short.lower(), long.lower()
    if not short.isalpha() or not 2 <= len(short) <= 8 or short[0] != long[:1]:
        return False
    i = 0
    for ch in long:
        if i < len(short) and ch == short[i]:
            i += 1
    return i == len(short)


def public(name: str) -> bool:
    """A body of the state by its name ("Securities and Exchange Commission", "Home Office")."""
    return bool(PUBLIC_NOUNS & set(name.lower().split()))


def common_noun_name(name: str) -> bool:
    """A body 'named' only by a common noun for bodies ("Government", "the Commission",
    "Council"): the model tags such words as organisations when capitalised, but they name no
    one body, so they are no speaker's name."""
    words = [w.lower() for w in re.split(r"[\s-]+", _bare(name)) if w]
    return bool(words) and all(w in BODY_NOUNS or w in SMALL or w.rstrip("s") in BODY_NOUNS for w in words)


def initials(name: str) -> str:
    """'Food and Drug Administration' -> 'FDA'; a word in capitals counts whole ('UK Independence
    Party' -> 'UKIP')."""
    return "".join(w if w.isupper() and w.isalpha() and len(w) <= 3 else w[0]
                   for w in re.split(r"[\s-]+", name) if w and w.lower() not in SMALL and w[0].isupper())


class Orgs:
    """Organisations named in an article: canonical names, aliases and where they are named."""

    def __init__(self, doc, skip, quotes, title: str = "", ents=None):
        self.doc = doc
        self.ents = list(ents if ents is not None else doc.ents)
        self.quotes = Ranges(quotes)
        text = doc.text
        self.mentions: list[tuple[int, str]] = []  # (token index, canonical name) in text order
        names = []
        skip = Ranges(skip)
        for ent in ents if ents is not None else doc.ents:
            if ent.label_ == "ORG" and not _in(skip, ent.start_char) and not common_noun_name(ent.text):
                names.append((ent.start, _bare(ent.text)))
        # a committee written in lower case that the article also names as tagged ("the Commons Work
        # and Pensions Committee" ... "the work and pensions committee said") is that one
        tagged = [n for _i, n in names]
        committees = [(i, next((n for n in tagged if n.lower().endswith(name.lower())), name), head)
                      for i, name, head in self._committees(doc, skip, self.quotes)]
        self.committee_at = {head: name for _i, name, head in committees}  # its noun's token -> its name
        names = sorted(names + self._bodies_by_apposition(doc, skip, {i for i, _n in names})
                       + [(i, name) for i, name, _head in committees])
        orgs = {n for _, n in names if len(n.split()) >= 2}
        full = orgs | {m.group() for m in LONG_FORM_RE.finditer(text) if len(initials(m.group())) >= 2}
        self.full = full
        # words of the places the article names: a body's name ending in one is its arm there
        self.places = {w for ent in self.ents if ent.label_ in ("GPE", "LOC") for w in ent.text.split()}
        self.alias: dict[str, str] = {}
        self.short: dict[str, str] = {}  # short forms the article defines in brackets -> the body
        for _, name in names:
            canon = self._long_form(name, full) or self._full_form(name, orgs) or PAPER_LETTERS.get(name) or name
            self.alias[name.lower()] = canon
        # "the Association for Payment Clearing Services (Apacs)": the article defines a body's short form
        for m in re.finditer(r"(" + LONG_FORM_RE.pattern.removeprefix(r"\b") + r")\s+\(([A-Za-z]+)\)", text):
            words, short = m.group(1).split(), m.group(2)
            # the shortest run of its last words the short form abbreviates ("Chart-Track for the
            # Entertainment and Leisure ... Association (Elspa)": from "Entertainment")
            long = next((" ".join(words[k:]) for k in range(len(words) - 1, -1, -1)
                         if words[k][:1].isupper() and abbreviates(short, " ".join(words[k:]))), "")
            # the long form as the article writes it, where the model tagged it (or its end:
            # "Leisure Software Publishers Association" of "Entertainment and Leisure ...")
            tagged = [k for k in self.alias if long.lower() == k or len(k.split()) >= 2
                      and long.lower().endswith(" " + k)]
            if long and tagged and self.alias.get(short.lower(), short) == short:
                body = self.alias[long.lower()] if long.lower() in self.alias else long
                self.alias[short.lower()] = self.short[short.lower()] = body
        for i, name in names:
            self.mentions.append((i, self.alias[name.lower()]))
        # the organisation the article is about: the one it names most (its name, acronym and
        # short forms written anywhere, headline included, whatever the model tagged them as)
        counts = Counter()
        self.named_at: dict[str, set[int]] = {}  # body -> where the text names it (< 0: in the headline)
        low_title, low_text = title.lower(), text.lower()
        for alias, canon in self.alias.items():
            pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
            in_title, in_text = list(pattern.finditer(low_title)), list(pattern.finditer(low_text))
            counts[canon] += len(in_title) + len(in_text)
            self.named_at.setdefault(canon, set()).update(
                [m.start() - len(title) - 1 for m in in_title]
                + [m.start() for m in in_text if not self._modifier(m.start(), m.end())])
        first = {}
        for i, n in self.mentions:
            first.setdefault(n, i)
        self.products = self._learn_products(doc, skip)
        ranked = sorted((n for n in counts if n not in self.products),
                        key=lambda n: (-counts[n], first.get(n, len(doc))))
        self.salient = ranked[0] if ranked and counts[ranked[0]] >= 2 else None
        self.labels = self._learn_labels(doc, skip)

    @staticmethod
    def _bodies_by_apposition(doc, skip, known: set[int]) -> list[tuple[int, str]]:
        """'Titan, a California-based company,': a name the model tagged as no body (or a place) is one
        when its apposition is a company's noun. (token index, name) of each."""
        found = []
        for t in doc:
            if t.dep_ != "appos" or t.pos_ != "NOUN" or t.lemma_.lower() not in COMMERCIAL or t.tag_ != "NN":
                continue
            head = t.head
            if head.pos_ != "PROPN" or head.i > t.i or head.ent_type_ in ("PERSON", "ORG") or _in(skip, head.idx) \
                    or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children):
                continue
            i = head.i
            while i > head.sent.start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound":
                i -= 1
            if i not in known and all(w.text[:1].isupper() for w in doc[i:head.i + 1]):
                found.append((i, doc[i:head.i + 1].text))
        return found

    @staticmethod
    def _committees(doc, skip, quotes) -> list[tuple[int, str, int]]:
        """'the environment select committee', 'the joint committee on human rights': committees
        British news writes in lower case, which the model tags as nothing, are bodies named by
        their words. A committee needs a word that names it (a noun or name before it, "select",
        or what it is "on"), never an adjective alone ("the new committee"); only one that acts in
        the text (a subject, or a "by" agent). (token index, name, index of "committee")."""
        found = []
        for t in (doc[k] for k in token_indices(doc, "LOWER", frozenset({"committee"}))):
            if t.text != "committee" or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ or _in(skip, t.idx) \
                    or _in(quotes, t.idx) or not (t.dep_ in ("nsubj", "nsubjpass") or t.head.lower_ == "by"):
                continue  # (one that acts: "chairman of the public accounts committee" names a man)
            i = t.i
            while i > t.sent.start and (w := doc[i - 1]).dep_ not in ("det", "poss", "punct") and i <= w.head.i <= t.i \
                    and w.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and w.ent_type_ not in ("GPE", "NORP"):
                i -= 1
            end = t.i + 1
            on = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "for") and c.i == end), None)
            if on is not None:
                end = max(w.i for w in on.subtree) + 1
                if not all(w.is_alpha or w.text == "-" for w in doc[on.i:end]):
                    end = t.i + 1
            named = any(w.pos_ in ("NOUN", "PROPN") or w.lower_ in ("select", "joint", "standing")
                        for w in doc[i:t.i]) or end > t.i + 1
            if i == t.i and end == t.i + 1 or not named or i == 0 or doc[i - 1].lower_ != "the":
                continue
            found.append((i, doc[i:end].text, t.i))
        return found

    @staticmethod
    def _long_form(name: str, full: set[str]) -> str | None:
        """'FDA' -> 'Food and Drug Administration' when the article spells it out."""
        if not (2 <= len(name) <= 6 and name.isalpha() and (name.isupper() or len(name) >= 4 and name.istitle())):
            return None  # "FDA"; "Hefce", as British papers write an acronym said as a word
        forms = [f for f in full if initials(f).upper() == name.upper() and name not in f.split()]
        forms = [f.removeprefix("The ") for f in forms]
        return min(forms, key=len) if forms else None

    def _full_form(self, name: str, full: set[str]) -> str | None:
        """'Contrack' -> 'Contrack International', 'SBC' -> 'SBC Communications': the one longer
        organisation name that starts with it, when the words it adds name no other body: never an
        arm named by the place it closes with ("Nintendo" is not "Nintendo Europe", nor "Sony" "Sony
        Computer Entertainment America"; "Bank of England" keeps its place), and for an acronym only
        a company's generic ending (the "BBC" is not "BBC One"); and only when the article gives the
        longer name first."""
        if len(name.split()) != 1:
            return None
        forms = {f for f in full if f.startswith(name + " ") and len(f.split()) <= 4 and not f.endswith("'s")}
        if name.isupper():
            forms = {f for f in forms if all(w.lower() in CORPORATE for w in f.split()[1:])}
        else:  # "Nintendo Europe", but the Bank of England is the Bank
            forms = {f for f in forms if not ((w := f.split())[-1].lower() in REGIONS or w[-1] in self.places)
                     or w[-2].lower() in SMALL}
        if len(forms) != 1:
            return None
        long = next(iter(forms))
        if all(w.lower() in SAME_BODY_ENDINGS for w in long.split()[1:]):
            return long  # "Delta ... Delta Airlines", "Newry ... Newry FC": the same body wherever it comes
        # news names a body in full first ("UK broadcaster Virgin Radio ... Virgin says"); a longer
        # name written only after the short one is an arm or a product of it ("Apple ... Apple
        # Developer Connection", "Google ... Google Video")
        text = self.doc.text
        first = next((m.start() for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)
                      if not text.startswith(long, m.start())), None)
        return long if first is None or text.find(long) < first else None

    def last_paper(self, i: int, window: int = 400) -> str | None:
        """The newspaper the article last named before token i ("According to the FT ... The
        newspaper said"): a body whose name ends in a masthead's word, or a paper's letters."""
        named = [(j, n) for j, n in self.mentions if n.split()[-1].lower() in MASTHEAD_WORDS]
        for t in self.doc[max(0, i - window):i]:  # however tagged: "According to the Observer", "the FT"
            if t.text in PAPER_LETTERS:
                named.append((t.i, PAPER_LETTERS[t.text]))
            elif t.lower_ in MASTHEAD_WORDS and t.pos_ == "PROPN" and t.text[:1].isupper() and t.i > 0:
                k = t.i
                while k > 0 and self.doc[k - 1].pos_ == "PROPN" and self.doc[k - 1].text[:1].isupper():
                    k -= 1
                if k > 0 and self.doc[k - 1].lower_ == "the":
                    named.append((t.i, self.doc[k:t.i + 1].text))
        named = [(j, n) for j, n in named if j < i and i - j <= window]
        return max(named)[1] if named else None

    def last_party(self, i: int, window: int = 400) -> str | None:
        """The party the article last named before token i outside quotes, by a name or by its
        members' adjective, however tagged ("Liberal Democrat leader Charles Kennedy has claimed.
        The party says": the Liberal Democrats); a place's word is none ("Democratic Republic")."""
        doc = self.doc
        for t in reversed(doc[max(0, i - window):i]):
            if not t.text[:1].isupper() or t.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") or _in(self.quotes, t.idx):
                continue
            for k in range(max(t.i - 2, t.sent.start), t.i + 1):  # the longest name ending at t first
                words = doc[k:t.i + 1]
                party = PARTY_OF.get(words.text.lower()) if all(w.text[:1].isupper() for w in words) else None
                if party is None:
                    continue
                ent = next((e for e in self.ents if e.start <= t.i < e.end), None)
                if ent is not None and ent.label_ == "ORG" and _strip_det(ent.text).lower() not in PARTY_OF:
                    break  # "the Republican National Committee": another body
                # as a noun, the name the article gives it; as an adjective, the party's own
                adjective = t.dep_ in ("compound", "amod") and t.head.i > t.i
                written = self.canonical(words.text)
                return party if adjective and written == words.text else written
        return None

    def canonical(self, name: str) -> str:
        """The name the article gives a body in full: 'FDA' -> 'Food and Drug Administration',
        'Liberal Democrat' (a member's adjective) -> 'Liberal Democrats' when it names them so."""
        name = _unbracketed(_strip_det(name).strip())
        low = name.lower()
        return self.alias.get(low) or self.alias.get(low + "s") or PAPER_LETTERS.get(name) \
            or self._long_form(name, set(self.alias.values()) | self.full) or name

    def named_in(self, toks) -> str | None:
        """The body named inside a noun phrase ('a BBC spokesman', 'a spokesman for the BBC')."""
        for t in toks:
            if t.ent_type_ in ORG_LABELS + ("PERSON",) and t.ent_iob_ in ("B", "I"):
                ent = next((e for e in self.ents if e.start <= t.i < e.end), None)
                if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC"):
                    text = _bare(ent.text)
                    if ent.label_ == "GPE" and ent.root.dep_ == "compound" and ent.root.head.i >= ent.end \
                            and ent.root.head in toks:
                        continue  # "a report by UK think-tank Demos": the place only says where the body is
                    if ent.label_ == "NORP" and text.lower() in PARTIES:
                        return PARTIES[text.lower()]  # "a Conservative spokeswoman": the party
                    if ent.label_ == "NORP" and text.lower() not in self.alias:
                        continue  # "German officials": a nationality, no body
                    if ent.label_ == "ORG" and common_noun_name(text):
                        whole = self.ending_in(text)  # "Commission officials" of the European Commission
                        if whole is not None:
                            return whole
                        continue  # "a Government spokesman": no one body named
                    k = ent.end  # "a Liberal Democrat spokesman": the model cut the name at "Liberal"
                    while k < len(self.doc) and self.doc[k].pos_ == "PROPN" and self.doc[k].text[:1].isupper() \
                            and self.doc[k].lower_ not in SPOKES and self.doc[k] in toks:
                        k += 1
                    if k > ent.end:
                        text = _bare(self.doc[ent.start:k].text)
                    if not text.endswith("s") and re.search(r"\b" + re.escape(text) + r"s\b", self.doc.text):
                        text += "s"  # "a Liberal Democrat spokesman" of the Liberal Democrats
                    return self.canonical(text)
            if t.pos_ == "PROPN" and t.text.isupper() and len(t.text) >= 2:
                return self.canonical(t.text)  # an acronym the model tags as no entity
            if t.pos_ == "PROPN" and t.ent_type_ in ("", "LOC") and t.text[:1].isupper():
                # "a Northwind spokesperson": a word the model tags as no body here (or a place) that names one
                # elsewhere in the article ("Northwind", "Northwind Airlines")
                known = self.alias.get(t.lower_) or self._full_form(t.text, set(self.alias.values())) \
                    or (self.ending_in(t.text) if common_noun_name(t.text) else None)  # "Commission officials"
                if known:
                    return known
        return None

    def ending_in(self, noun: str) -> str | None:
        """The one body the article names in full that a common noun for bodies ends ("Commission"
        -> "European Commission"); None when none or several do."""
        noun = _bare(noun).lower()
        bodies = {n for _i, n in self.mentions if len(n.split()) >= 2 and n.lower().split()[-1] == noun}
        return bodies.pop() if len(bodies) == 1 else None

    @staticmethod
    def close_to(subj) -> bool:
        """'sources close to Mr X', 'people close to the talks': unnamed, no one's voice."""
        return any(c.lower_ == "close" and any(g.lower_ == "to" for g in c.children) for c in subj.children)

    def speaks_for(self, subj, np) -> str | None:
        """'a BBC spokesman', 'Pentagon officials', 'a spokeswoman for the Home Office', 'the
        Google team', 'an SFA statement': the body they speak for."""
        if bare_police(subj):  # "West Yorkshire police said": the force of that place
            before = [t for t in subj.subtree if t.i < subj.i and t.dep_ != "det"]
            if before and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ != "NORP" for t in before):
                return " ".join(t.text for t in before) + " Police"
            # "police said": the force the article names, if one (not "published by police and prosecutors")
            return self.police_force() if subj.dep_ in ("nsubj", "nsubjpass") and not subj.conjuncts else None
        if subj.lower_ in MEMBERS:  # "Opec members", "G7 ministers": the body named, never a place
            before = [t for t in np if t.i < subj.i]
            own = any(t.ent_type_ == "ORG" for t in before) \
                and not any(t.lower_ in HONORIFICS or t.ent_type_ in ("PERSON", "GPE", "NORP") for t in before)
            return self.named_in(before) if own else None
        if subj.lower_ not in SPOKES:
            return None
        if police_spokes(subj, np) and not self.named_in([t for t in np if t.i < subj.i]):
            return self.police_force()  # "a police spokesman"
        # "a BBC spokesman"; after the noun only the body it is "for", "of", "at", "from", "by" or "within"
        # ("a report into Iraq intelligence" is not Iraq's)
        before = [t for t in np if t.i < subj.i]
        if not subj.lower_.startswith("spokes") and any(t.lower_ in HONORIFICS for t in before):
            return None  # "Mr Sigarchi's lawyer": a person's, whatever the model tags the name; no body's
        found = self.named_in(before)
        if found in PARTIES.values() and np[0].lower_ == "the" and subj.lower_.startswith("spokes"):
            return None  # "The Tory spokesman": the party's shadow minister the article named, if any
        if found:
            return found
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in SPEAKS_FOR_PREPS + ("in",)):
            # "a report in the Telegraph", never "bosses in Norway": after "in" only a body
            found = self.named_in([t for t in prep.subtree if prep.lower_ != "in" or t.ent_type_ == "ORG"])
            if found:
                return found
        return None

    def police_force(self) -> str | None:
        """The one police force the article names ("Strathclyde Police", "Scotland Yard"): who
        "police said" and "a police spokesman" speak for; None when it names none or several."""
        forces = {n for _i, n in self.mentions
                  if n.split()[-1].lower() in FORCE_WORDS and len(n.split()) >= 2 or n.lower() == "scotland yard"}
        return forces.pop() if len(forces) == 1 else None

    def described(self, subj, np, definite: bool = False) -> str | None:
        """'the firm', 'the company', 'the bank': the body last named whose name holds the noun,
        else the organisation the article is about (`definite`: a noun that needs no "the" to mean
        it, "club officials")."""
        head = subj.lemma_.lower()
        if head not in ORG_NOUNS or subj.tag_ not in ("NN",):
            return None
        if not definite and not any(t.lower_ in ("the", "this") for t in np if t.i < subj.i):
            return None
        before = [n for i, n in self.mentions if i < subj.i and n not in self.products]
        fits = [n for n in before if head in n.lower().split()]
        if fits:
            return fits[-1]
        # the body most named so far, else the one the whole article names most
        salient = self.salient_before(subj.idx, before) or (self.salient if self.salient in before else None)
        if salient and head not in PUBLIC_NOUNS \
                and not (head in COMMERCIAL and public(salient)):  # "the company" is no commission
            return salient
        private = {n for n in before if not PUBLIC_NOUNS & set(n.lower().split())}
        if len(private) == 1 and head not in PUBLIC_NOUNS:
            return private.pop()  # the only body named so far ("Shares in Harlow Foods fell ... the firm said")
        return None

    def _modifier(self, start: int, end: int) -> bool:
        """Whether the name written at these characters only modifies a noun after it ("an iPod
        mini model", "the Xbox website"): that names a thing of the body's, not the body."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and _noun_modified(span) is not None

    def salient_before(self, char: int, bodies: list[str]) -> str | None:
        """Of `bodies`, the one the headline and the text before `char` name most (twice at
        least; a tie goes to the one named first), a name only modifying a noun not counted: what
        a reader who got this far takes "the company" to be, whoever the rest of the article
        turns to."""
        counts = {n: sum(1 for at in self.named_at.get(n, ()) if at < char) for n in set(bodies)}
        first = {n: min(self.named_at.get(n) or [char]) for n in counts}
        ranked = sorted(counts, key=lambda n: (-counts[n], first[n], n))
        return ranked[0] if ranked and counts[ranked[0]] >= 2 else None

    def _learn_labels(self, doc, skip) -> dict[str, set[str]]:
        """Common nouns that label a body where it is named: 'administrators Grant Thornton' (the
        noun right before the name), 'Ofsted, the schools watchdog' (a definite apposition right
        after it). Lemma -> the bodies it labels."""
        from generator.extract.lexicon import PERSON_NOUNS, ROLE_NOUNS

        labels: dict[str, set[str]] = {}
        for ent in self.ents:
            if ent.label_ != "ORG" or _in(skip, ent.start_char):
                continue
            name = self.canonical(_bare(ent.text))
            found = []
            if ent.start > 0 and doc[ent.start - 1].pos_ == "NOUN" and doc[ent.start - 1].text.islower():
                found.append(doc[ent.start - 1])  # "administrators Grant Thornton", "the union Unison"
            if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "the":
                k = ent.end + 2  # "Ofsted, the schools watchdog,": the last noun of the run
                while k < len(doc) and doc[k].pos_ in ("NOUN", "ADJ") and doc[k].text.islower():
                    k += 1
                if k > ent.end + 2 and doc[k - 1].pos_ == "NOUN" and (k == len(doc) or doc[k].is_punct):
                    found.append(doc[k - 1])
            for t in found:
                lemma = t.lemma_.lower()
                if lemma in ROLE_NOUNS or lemma in SPOKES:  # "Ofsted chief", "BBC spokesman": people
                    continue
                # a noun for people labels a group as written: "artists Langlands & Bell" are "the
                # artists", but "presenters Ant and Dec" (tagged as a body) are not "the presenter"
                labels.setdefault(t.lower_ if lemma in PERSON_NOUNS else lemma, set()).add(name)
        return labels

    def _learn_products(self, doc, skip) -> set[str]:
        """Names the article gives a thing, not a body: a noun for a made thing right before the
        name ("cholesterol drug Crestor", "Net browser Opera 8.0") or after it under a possessive
        ("its Iressa drug", "its new RipGuard technology"), wherever the name is written and
        however the model tagged it there, for a name the article never labels as a body, gives a
        spokesperson or has say anything. The model tags such names as organisations; a product
        never speaks, so "the firm" is never one."""
        names = {_bare(ent.text) for ent in self.ents if ent.label_ == "ORG" and not _in(skip, ent.start_char)}
        products, bodies = set(), set()
        for name in names:
            canon = self.canonical(name)
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_CUES:
                    bodies.add(canon)  # "Opera said": whatever else the article calls it, it speaks
                before = doc[span.start - 1] if span.start > 0 else None
                if before is not None and before.pos_ == "NOUN" and before.text.islower():
                    lemma = before.lemma_.lower()
                    if lemma in PRODUCT_NOUNS:
                        products.add(canon)
                    elif lemma in BODY_NOUNS:
                        bodies.add(canon)
                after = _noun_modified(span)
                if after is None or after.pos_ != "NOUN":
                    continue
                if after.lemma_.lower() in SPOKES - NOT_SPOKESPEOPLE:
                    bodies.add(canon)  # "an Opera spokeswoman" (but "the Xbox website" is a thing's)
                elif after.lemma_.lower() in PRODUCT_NOUNS and any(c.dep_ == "poss" for c in after.children):
                    products.add(canon)
        return products - bodies

    def labelled(self, subj, np) -> str | None:
        """'the administrators', 'the union': the one body the article gave that label."""
        if subj.pos_ != "NOUN" or not any(t.lower_ == "the" for t in np if t.i < subj.i):
            return None
        bodies = self.labels.get(subj.lemma_.lower()) or self.labels.get(subj.lower_, set())
        return next(iter(bodies)) if len(bodies) == 1 else None

    def issuer(self, subj, nouns, window: int = 150) -> str | None:
        """'said the report' -> the body that issued the last document named before it: 'a study
        by analysts Jupiter Research', 'the IFS report', 'Ofcom's review' (nouns: the document and
        data nouns)."""
        doc = subj.doc
        for t in reversed(doc[max(0, subj.i - window):subj.i + 1]):
            if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns:
                continue
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                    found = self.named_in([o for o in c.children if o.dep_ == "pobj"])
                    if found:
                        return found
                if c.dep_ in ("poss", "compound") and c.i < t.i and c.ent_type_ == "ORG":
                    found = self.named_in([c])
                    if found:
                        return found
                if c.dep_ in ("poss", "compound") and c.i < t.i and c.pos_ == "PROPN" \
                        and (long := self.canonical(c.text)) != c.text:
                    return long  # "the Hefce report": a short form of a body the article names, whatever its tag
        return None

    def spoke_before(self, subj, np) -> str | None:
        """'A spokeswoman said', nothing more in the phrase: the one body that was the subject, or
        the "by" agent, of the main verb of the sentence just before."""
        if subj.lower_ not in ("spokesman", "spokeswoman", "spokesperson") or subj.tag_ != "NN" \
                or [t.lower_ for t in np] != ["a", subj.lower_]:
            return None
        doc, start = subj.doc, subj.sent.start
        while start > 0 and doc[start - 1].is_space:
            start -= 1
        if start == 0:
            return None
        root = doc[start - 1].sent.root
        heads = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.dep_ in ("nsubj", "nsubjpass") for v in root.children if v.dep_ == "conj" for s in v.children):
            return None  # "X won the rights, but the BBC won them back": the resolver's last main subject
        agents = []
        if any(c.dep_ == "auxpass" for c in root.children):  # "... dismissed as "gossip" by X": the agent,
            agents = [o for t in root.sent if t.lower_ == "by" and t.dep_ in ("agent", "prep")  # however attached
                      for o in t.children if o.dep_ == "pobj"]
        # a place as the agent is the seat of a body ("by Downing Street", "by Whitehall")
        heads = [h for h in heads if h.ent_type_ in ("ORG", "FAC")] + \
            [h for h in agents if h.ent_type_ in ("ORG", "FAC", "LOC")]
        if len(heads) != 1 or any(c.dep_ == "conj" for c in heads[0].children):
            return None  # "The Home Office and the Treasury met": which one?
        if heads[0].ent_type_ == "LOC":
            ent = next((e for e in self.ents if e.start <= heads[0].i < e.end), None)
            return _bare(ent.text) if ent is not None and len(ent) >= 2 else None
        return self.named_in([heads[0]])
