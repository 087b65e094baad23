"""Pronouns and the bodies and people they stand for.

"he"/"she" -> the person the text puts in view, ranked by evidence (`Salience`): every person
the article mentions before the pronoun (as a subject, an object, a "by" agent, an apposition),
never one of the other gender nor a body or a place, and never one named inside the words the
pronoun's claim reports ("Mr Marsh has lost his hunger, he said" is not Mr Marsh speaking). Nearer
sentences rank higher; in a sentence, the subject of the main clause ranks above someone named
inside what was reported ("X said that Y would ...": X); the speaker of the claim before and a
person the article keeps naming rank higher too. An unnamed person in between ("a spokesman")
is who the pronoun means. "it"/"they" -> the last body that was a subject nearby ("it" never a
plural, a place only when no body is near); "they" -> people or bodies named together as a subject
after it ("A and B ruled ... They said"), and nobody after an unnamed group ("Analysts said").
"""

from __future__ import annotations

import bisect
import math
from typing import NamedTuple

from generator.extract.lexicon import GROUP_PRONOUNS, PARTY_OF, PRONOUN_GENDER, SUBJECT_DEPS
from generator.extract.mentions import Resolution
from generator.extract.orgs import BODY_NOUNS, public
from generator.extract.ranges import Ranges
from generator.extract.tree import sentences_back

# evidence for a person being who "he"/"she" means; each sentence further back costs 1
MAIN_SUBJECT = 1.2  # the subject of a clause outside any reported content, or a "by" agent
REPORTED_SUBJECT = 0.3  # the subject of a clause inside what someone is reported to have said
LAST_SPEAKER = 0.5  # the speaker of the claim before: news keeps quoting the same person
SALIENCE = 0.15  # per earlier mention, up to five: the person the article is about
WINDOW = 6  # sentences back
CHAIN_LEAD = 1.0  # a narrative "he" counts as a mention of its person when ranked this far ahead


class Said(NamedTuple):
    """A claim resolved so far: where it starts, who said it and how they were found."""
    start: int
    name: str
    kind: str
    how: str
    plural: bool  # said by a plural subject ("MPs", "the Tories")


class Salience:
    """Who a pronoun at a token can mean: the people mentioned before it, with their evidence."""

    def __init__(self, resolver, contents: list[tuple[int, int]], speakers: frozenset[int] = frozenset()):
        self.doc = doc = resolver.doc
        self.contents = Ranges(contents)
        self.speakers = speakers  # tokens that are the subject of a claim's cue: never reported words
        self.sent_starts = [s.start for s in doc.sents]
        self.mentions: list[tuple[int, str, float]] = []  # (token index, name, role weight), text order
        seen = set()
        for j, name in resolver.history:
            if name and j not in resolver.stand_ins:
                seen.add(j)
                self.mentions.append((j, name, self._weight(doc[j], True)))
        cast = resolver.cast
        for ent in cast.ents:
            if ent.label_ != "PERSON" or not cast._usable(ent[0]) or ent.root.i in seen:
                continue
            person = cast._person_for_span(ent)
            if person is None or person.kind != "person":
                continue
            self.mentions.append((ent.root.i, person.name, self._weight(ent.root, ent.root.dep_ in SUBJECT_DEPS)))
        self.mentions.sort()
        self.keys = [m[0] for m in self.mentions]
        self.recount()
        # people the text shows acting or as persons: a subject, a title, a form of address, a
        # gender; a one-word name with none of these ("Elmfield", "Kent") may be a place
        self.actors = {name for _j, name, _w in self.mentions if name and " " not in name
                       and _j < len(doc) and doc[_j].dep_ in SUBJECT_DEPS} | \
            {p.name for p in resolver.people.values() if p.role or p.gender}

    def _weight(self, tok, subject: bool) -> float:
        agent = tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"
        if not (subject or agent):
            return 0.0
        return REPORTED_SUBJECT if self.reported(tok) else MAIN_SUBJECT

    def reported(self, tok) -> bool:
        """Whether a token stands inside what a claim reports (never a claim's own speaker)."""
        return tok.idx in self.contents and tok.i not in self.speakers

    def sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def best(self, i: int, fits, exclude: tuple[int, int] | None, last_speaker: str | None,
             bonus=None, window: int = WINDOW, step: float = 1.0, description: bool = False, lead: list | None = None):
        """The best-ranked name fitting `fits(name)` mentioned before token i, with the token
        index of its best mention; (None, -1) when none is in view. `bonus(name)`: more evidence
        (a description's words); `step`: what each sentence back costs. A `description` never
        means the subject of its own sentence ("X is fit again, but the Scot admitted": not X).
        `lead`, when given, gets [score over the next-ranked name (None: no other), sentences back]."""
        here = self.sentence(i)
        k = bisect.bisect_left(self.keys, i)
        best, best_score, best_j = None, -math.inf, -1
        doc = self.doc
        own = set()  # a description is not the subject of its own sentence, wherever else named
        for m in range(k - 1, -1, -1) if description else ():
            j, name, w = self.mentions[m]
            if self.sentence(j) != here:
                break
            if w == MAIN_SUBJECT:
                own.add(name)
        if description and exclude is not None:
            # "the chancellor said Mr Vane was wrong": whom the claim, or the clause of its verb,
            # names is not its speaker
            subject = {t.i for t in doc[i].subtree}
            clause = {t.i for t in doc[i].head.subtree} if doc[i].head.i != i else set()
            own |= {name for j, name, _w in self.mentions
                    if (exclude[0] <= doc[j].idx < exclude[1] or j in clause) and j not in subject}
        elif exclude is not None:
            # '"...," he said, admitting Holmes' presence would help': whom a claim names is not who says it
            # (a word of the name as written, "Hale's presence" too: "she said she was pleased" is
            # hers, and "the Prime Minister" inside may have been ranked to the speaker)
            own |= {name for j, name, _w in self.mentions[bisect.bisect_left(self.offsets, exclude[0]):
                                                         bisect.bisect_left(self.offsets, exclude[1])]
                    if doc[j].text in name.split() or any(c.dep_ == "poss" and c.text in name.split()
                                                           for c in doc[j].children)}
        counts: dict[str, int] = {}  # mentions of each name before token i (the last one's running count)
        top: dict[str, float] = {}  # each fitting name's best score (for `lead`)
        for m in range(k - 1, -1, -1):
            j, name, weight = self.mentions[m]
            distance = here - self.sentence(j)
            if distance > window:
                break
            counts.setdefault(name, self.running[m])
            if not name or exclude is not None and exclude[0] <= doc[j].idx < exclude[1]:
                continue  # named inside the words this pronoun's claim reports
            if name in own or not fits(name):
                continue
            score = -step * distance + weight + SALIENCE * min(counts[name] - 1, 5)
            score += (bonus(name) if bonus else 0.0) + (LAST_SPEAKER if name == last_speaker else 0.0)
            top[name] = max(top.get(name, -math.inf), score)
            if score > best_score:
                best, best_score, best_j = name, score, j
        if lead is not None and best is not None:
            runner = max((v for k2, v in top.items() if k2 != best), default=None)
            lead[:] = [None if runner is None else best_score - runner, here - self.sentence(best_j)]
        return best, best_j

    def anyone_before(self, i: int) -> bool:
        """Whether any person is mentioned before token i."""
        return bisect.bisect_left(self.keys, i) > 0

    def ahead(self, i: int, fits, exclude: tuple[int, int] | None, window: int = 1) -> str | None:
        """The first person fitting `fits` named after token i in its sentence or the `window`
        sentences after it, outside the words the pronoun's claim reports."""
        last = self.sentence(i) + window
        for j, name, _w in self.mentions[bisect.bisect_right(self.keys, i):]:
            if self.sentence(j) > last:
                break
            if name and fits(name) and not (exclude is not None and exclude[0] <= self.doc[j].idx < exclude[1]):
                return name
        return None

    def recount(self) -> None:
        """running[m]: the mentions of mentions[m]'s name up to and including it; `offsets`: where
        each mention is in the text."""
        seen: dict[str, int] = {}
        self.running = []
        self.offsets = [self.doc[j].idx for j in self.keys]  # each mention's character offset
        for _j, name, _w in self.mentions:
            seen[name] = seen.get(name, 0) + 1
            self.running.append(seen[name])

    def rename(self, j: int, name: str) -> None:
        """The mention at token j is `name` ("" when it is nobody a later pronoun can mean)."""
        k = bisect.bisect_left(self.keys, j)
        if k < len(self.keys) and self.keys[k] == j:
            self.mentions[k] = (j, name, self.mentions[k][2])


class Pronouns:
    """Mixin of the Resolver: needs `history`, `stand_ins`, `org_history`, `agents`, `said` and `people`."""

    def _pronoun(self, subj) -> Resolution:
        low = subj.lower_
        if low in GROUP_PRONOUNS:
            if low in ("they", "their"):
                group = self._last_group(subj.i)
                if group is not None:
                    name, kind = group
                    if name is None:  # "Analysts said ... They added": a group nobody can name
                        return Resolution(None, "person", 0.35, named=False, how="unnamed-group")
                    return Resolution(name, kind, 0.6, how="group-pronoun")
            org = self._last_org(subj.i, singular=low in ("it", "its"))
            if org:
                return Resolution(org[0], org[1], 0.6, named=org[2], how="group-pronoun")
            said = self._said_before(subj) if low == "it" else None
            if said is not None:  # "The report said ... It also points out", "said the magazine ... it concluded"
                return Resolution(said.name, said.kind, 0.6, how="group-pronoun")
            return Resolution(None, "organisation", 0.3, how="group-pronoun")
        gender = PRONOUN_GENDER[low]
        if self.salience is not None:
            name = self._ranked_person(subj.i, gender)
        else:
            name = self._last_person(subj.i, gender)
        if name is None and (unnamed := self.stand_in(subj.i, gender)) is not None:
            if unnamed[0] is not None:  # "A Labour spokesman denied it. '...,' he said."
                return Resolution(unnamed[0], unnamed[1], 0.7, how=unnamed[2] + "-pronoun")
            return Resolution(None, "person", 0.3, named=False, how="unnamed-pronoun")
        if name:
            return Resolution(name, "person", 0.75, self.people.get(name), how="pronoun")
        if (name := self._one_word_speaker(subj.i)) is not None:
            self.people_by_pronoun.add(name)
            return Resolution(name, "person", 0.5, how="pronoun-one-word")
        if self.salience is not None and (last := self._claim_before(subj.i)) is not None \
                and not last.plural and last.kind == "person" and (name := last.name) in self.people \
                and self._fits(gender)(name) and (" " in name or self.people[name].gender):  # never "Labour"
            # "Ms Hewitt said: '...' [eight sentences of her words] She added": out of the
            # ranking's view, the person who spoke the claim just before is still who "she" means
            return Resolution(name, "person", 0.5, self.people.get(name), how="pronoun-last-speaker")
        if self.salience is not None and not self.salience.anyone_before(subj.i):
            # "But he denied it ... Mr Brown said": a "he" with no one named before it (an
            # article opening on it, or a body's words before a person's) is the person named next
            name = self.salience.ahead(subj.i, self._fits(gender), self.claim_span)
            if name:
                return Resolution(name, "person", 0.5, self.people.get(name), how="pronoun-ahead")
        return Resolution(None, "person", 0.3, how="pronoun")

    def _claim_before(self, i: int, person: bool = False) -> Said | None:
        """The last claim before token i that has a speaker (with `person`: a person's, never one
        of two named together)."""
        idx = self.doc[i].idx
        return next((r for r in reversed(self.said) if r.start < idx and (
            not person or r.kind == "person" and r.how not in ("joint", "pair"))), None)

    def _one_word_speaker(self, i: int, window: int = 1500) -> str | None:
        """'Sloncek said Exeem would ... He said': a "he"/"she" no person fits is the speaker of the
        claim just before when that speaker is one capitalised word the model took for a body (a
        surname), never a word the article also writes in lower case, a body's noun or initials."""
        if (before := self._claim_before(i)) is None:
            return None
        name = before.name
        if before.plural or before.kind != "organisation" or self.doc[i].idx - before.start > window \
                or not name.isalpha() \
                or not (name[:1].isupper() and name[1:].islower()) or name.lower() in BODY_NOUNS:
            return None
        strings = self.doc.vocab.strings
        if name.lower() in strings and strings[name.lower()] in self.word_ids:
            return None  # "Game", "Department": a word as well as a name
        return name

    def prepare(self, contents: list[tuple[int, int]], speakers: frozenset[int] = frozenset()) -> None:
        """Rank pronouns from now on, knowing the spans of what claims report (`contents`); the
        "he"/"she" subjects met so far were bound to the last subject: bind them again. `speakers`:
        the subject tokens of the claims' cues ("The answer, says Prof Eric Dale, is radio")."""
        self.salience = Salience(self, contents, speakers)
        for k, (j, _name) in enumerate(self.history):
            if j in self.pronoun_subjects:
                name = self._ranked_person(j, PRONOUN_GENDER.get(self.doc[j].lower_))
                lead = self.leads.get(j)
                if lead is not None and lead[1] is not None and lead[1] < CHAIN_LEAD:
                    name = None  # a "he" the ranking is unsure of carries no one on to the next
                self.history[k] = (j, name or "")
                self.salience.rename(j, name or "")
        self.salience.recount()

    def last_speaker(self, i: int) -> str | None:
        """The person who spoke the last claim before token i."""
        said = self._claim_before(i, person=True)
        return said.name if said is not None else None

    def _ranked_person(self, i: int, gender: str | None) -> str | None:
        """The person ranked first for a pronoun at token i (see `Salience`); None when an
        unnamed person ("a spokesman") was the subject after them, or nobody fits."""

        lead: list = []
        name, j = self.salience.best(i, self._fits(gender), self.claim_span, self.last_speaker(i), lead=lead)
        if lead:
            self.leads[i] = (name, lead[0], lead[1])
        k = bisect.bisect_left(self.history, (i, ""))
        for h, _name in reversed(self.history[:k]):
            if h <= j:
                break
            if h in self.stand_ins and (gender is None or self.stand_ins[h][2] in (None, gender)) \
                    and self.doc[h].idx not in self.salience.contents:  # not "X insists the player is ..."
                return None  # "A spokesman said ... He added"
        return name

    def _fits(self, gender: str | None):
        """Whether a name can be what a "he"/"she" of `gender` means."""

        def fits(name: str) -> bool:
            if name.lower() in PARTY_OF:
                return False  # "Labour", whatever the model tags it, is no "he"
            person = self.people.get(name)
            if person is not None and person.kind != "person":
                return False
            if person is not None and " " not in name and name not in self.salience.actors:
                return False  # "at Elmfield", "in Kent": one word that never acts is no "he"
            return gender is None or person is None or person.gender in (None, gender)

        return fits

    def _last_person(self, i: int, gender: str | None = None) -> str | None:
        """The last subject before token i; with a gender, the last one who is not known to be of
        the other ("she" skips Mr. Obama). An unnamed person in between ("a spokesman") is who
        the pronoun means: None, or the body they speak for (see `stand_in`)."""
        k = bisect.bisect_left(self.history, (i, ""))
        for j, name in reversed(self.history[:k]):
            if j in self.stand_ins:
                if gender is None or self.stand_ins[j][2] in (None, gender):
                    return None
                continue
            person = self.people.get(name)
            if gender is None or person is None or person.gender in (None, gender):
                return name
        return None

    def stand_in(self, i: int, gender: str | None) -> tuple[str | None, str, str] | None:
        """The unnamed person a pronoun at token i means, when it means one: (body or None, kind,
        the rule that found the body)."""
        k = bisect.bisect_left(self.history, (i, ""))
        for j, name in reversed(self.history[:k]):
            if j in self.stand_ins:
                if gender is None or self.stand_ins[j][2] in (None, gender):
                    return self.stand_ins[j][0], self.stand_ins[j][1], self.stand_ins[j][3]
                continue
            person = self.people.get(name)
            if gender is None or person is None or person.gender in (None, gender):
                return None
        return None

    def _said_before(self, subj, sentences: int = 2) -> Said | None:
        """What an "it" that says something goes on with when no body was a subject near it: the
        speaker of the claim just before, in its sentence or the `sentences` before, when a body
        or a document spoke it ("The report said ... It also points out": the report's issuer),
        never a person's or a group's words."""
        if self.doc[subj.i].dep_ not in SUBJECT_DEPS or not self.said:
            return None
        first = sentences_back(subj, sentences)
        last = max((s for s in self.said if s.start < subj.idx), key=lambda s: s.start, default=None)
        if last is None or last.start < self.doc[first].idx or last.plural:
            return None
        return last if last.kind == "organisation" or last.how == "author" else None

    def _last_org(self, i: int, window: int = 80, singular: bool = False) -> tuple[str, str, bool] | None:
        """The body a group pronoun stands for; "it" never means a plural ("yields ... It said")."""
        # "it said" is a body more often than a place: a place only when no body is near
        place = agent = reported = None
        span = self.claim_span
        # a subject "it"/"they" goes on with a speaker; "according to its website" may mean what was reported
        sal = self.salience if self.doc[i].dep_ in SUBJECT_DEPS else None
        for j, name, kind, named, plural in reversed(self.org_history):
            if reported is not None and j < i and window < i - j <= 2 * window and kind != "place" \
                    and j not in self.agents and not sal.reported(self.doc[j]):
                return name, kind, named  # the speaker a reported body stood in front of, further back
            if j < i and i - j <= window:
                if singular and plural and not named:
                    continue
                if span is not None and span[0] <= self.doc[j].idx < span[1]:
                    continue  # named inside the words its own claim reports
                if kind == "place":
                    place = place or (name, kind, named)
                    continue
                if j in self.agents:  # "identified by Wipro ... It said": when no subject is near
                    agent = agent or (name, kind, named)
                    continue
                if sal is not None and sal.reported(self.doc[j]):
                    # "The Tories say figures show that TB has risen ... They claim": a body inside
                    # what another claim reports is not the speaker a pronoun goes on with
                    reported = reported or (name, kind, named)
                    continue
                return name, kind, named
            if j < i and (reported is None or i - j > 2 * window):
                break
        return reported or agent or place

    def _last_group(self, i: int, window: int = 80) -> tuple[str | None, str] | None:
        """What a "they" at token i means when it is not a body: people or bodies the text named
        together as the subject after any body ("Lord A and Lord B ruled ... They said"), or an
        unnamed group of people (name None: "Critics said ... They added"); None when a body is
        nearer, or nothing is near."""
        span = self.claim_span
        body = next((j for j, _name, kind, _named, _plural in reversed(self.org_history)
                     if j < i and kind != "place" and not (span is not None and span[0] <= self.doc[j].idx < span[1])),
                    -1)
        for j, name, kind in reversed(self.group_history):
            if j >= i:
                continue
            if i - j > window or j < body:
                return None
            if span is not None and span[0] <= self.doc[j].idx < span[1]:
                continue  # named inside the words its own claim reports
            return name, kind
        return None

    def _last_body(self, i: int, window: int = 400, private: bool = False, state: bool = False) -> str | None:
        """The body last named as the subject of a clause before token i (never a place; `private`:
        never a body of the state, for "the company"; a country's government only for a noun of
        the state's bodies, `state`: "the court" is no government)."""
        for j, name, kind, named, _plural in reversed(self.org_history):
            if j < i and i - j <= window and kind == "organisation" and named and not (private and public(name)) \
                    and (state or not name.endswith(" government")):
                return name
            if j < i and i - j > window:
                break
        return None
