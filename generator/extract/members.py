"""Groups and the bodies people sit on: "the two said" and "all three men" are the people last
named together, "MPs" and "the law lords" the committee or court the article names, "the
committee" the one it names."""

from __future__ import annotations

from generator.extract.lexicon import LEGISLATORS
from generator.extract.pairs import GROUP_WINDOW, people_noun, plural_people

# words that count a group: "the two said", "both said", "all three said"
GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}
COUNTS = {"2": 2, "3": 3, "4": 4, "five": 5, "5": 5}
# bodies made of people, whom "the MPs", "the judges", "the members" stand for after them
MEMBER_BODIES = {"committee", "panel", "jury", "board", "commission", "council", "court", "tribunal", "inquiry",
                 "parliament", "assembly", "senate", "congress", "house", "lords", "commons", "bench"}
# the people such bodies are made of ("the MPs", "the judges"; "the teachers" are no board's members)
MEMBER_NOUNS = {"member", "judge", "justice", "mp", "mep", "msp", "peer", "lord", "juror", "commissioner", "governor",
                "trustee", "director", "senator", "councillor", "councilor", "panellist", "panelist", "lawmaker",
                "legislator", "delegate", "representative", "congressman", "congresswoman", "assemblyman"}


class Members:
    """Mixin of the Resolver: needs `doc`, `orgs`, `cast`, `people`, `salience`, `history`,
    `group_history`, `org_history` and `resolve`."""

    def _counted_group(self, i: int, size: int) -> tuple[str, str] | None:
        """The people or bodies of that number last named together as a subject before token i
        ("the two", "both", "all three")."""
        for j, name, kind in reversed(self.group_history):
            if j >= i or name is None:
                continue
            if i - j > GROUP_WINDOW:
                break
            if name.count(" and ") + name.count(", ") + 1 == size:
                return name, kind
        return None

    @staticmethod
    def _counted_size(subj) -> int:
        """How many people a definite counted plural means: 3 for "all three band members", 2 for
        "the two men"; 0 when it counts none, or is not definite ("three men said": others)."""
        if not any(c.dep_ in ("det", "predet") and c.lower_ in ("all", "the", "both", "these") for c in subj.children):
            return 0
        sizes = [GROUP_SIZES.get(c.lower_) or COUNTS.get(c.lower_, 0) for c in subj.children if c.dep_ == "nummod"]
        return sizes[0] if len(sizes) == 1 else 0

    def _last_people(self, i: int, size: int, window: int = 30) -> tuple[str, str] | None:
        """The last `size` different people the text named before token i (within `window`
        sentences, never inside the words the claim reports), as "A, B and C" in the order the
        text first names them."""
        if self.salience is None:
            return None
        here, span = self.salience.sentence(i), self.claim_span
        found: dict[str, int] = {}
        for j, name, _w in reversed(self.salience.mentions):
            if j >= i or not name:
                continue
            if here - self.salience.sentence(j) > window:
                break
            if span is not None and span[0] <= self.doc[j].idx < span[1]:
                continue
            person = self.people.get(name)
            if person is not None and person.kind != "person":
                continue
            if name not in found and len(found) == size:
                break
            found[name] = j
        if len(found) != size:
            return None
        names = sorted(found, key=lambda n: min(j for j, m, _w in self.salience.mentions if m == n))
        return ", ".join(names[:-1]) + " and " + names[-1], "person"

    def _members_of(self, subj) -> str | None:
        """A plural of people that names the members of a body the article names 'X of <them>': "law
        lords" are the House of Lords, "the governors" the Board of Governors, "the trustees" the
        Board of Trustees (one such body only)."""
        if subj.tag_ != "NNS" or not people_noun(subj) or not subj.text.islower():
            return None
        ending = " of " + subj.lower_
        bodies = {name for _i, name in self.orgs.mentions if name.lower().endswith(ending)}
        return bodies.pop() if len(bodies) == 1 else None

    def _body_of_members(self, subj, np, window: int = 60) -> str | None:
        """'The Public Accounts Committee criticised ... The MPs said': a definite plural of people
        right after a body made of people (a committee, a court, a panel) was the subject is that body."""
        if not plural_people(subj) or np[0].lower_ != "the" or subj.lower_.rstrip("s") not in MEMBER_NOUNS:
            return None
        for j, name, kind, _named, _plural in reversed(self.org_history):
            if j >= subj.i:
                continue
            if subj.i - j > window or kind != "organisation":
                return None
            return name if self.doc[j].lemma_.lower() in MEMBER_BODIES else None
        return None

    def _committee(self, subj, np) -> str | None:
        """'MPs have warned', 'an all-party committee said': bare members of a legislature, or a
        committee the text does not name yet, speak for the one committee the article names ("the
        Public Accounts Committee"); None when it names none or several. "Labour MPs" are no committee."""
        head = subj.lemma_.lower()
        if plural_people(subj) and subj.lower_.rstrip("s") in LEGISLATORS:
            if any(t.i != subj.i and t.lower_ != "the" for t in np):
                return None
        elif not (subj.tag_ == "NN" and head == "committee" and np[0].lower_ in ("a", "an")):
            return None
        return self._one_member_body("committee")

    def _lede_members(self, subj, np) -> str | None:
        """'..., MPs have warned': members of a body ("MPs", "judges", "peers") the first sentence
        (after the headline) gives as the source, bare, are the one body made of them that the
        article names (a committee, a panel, a court), when it names one only."""
        if self.claim_span is None or self.salience is None or self.salience.sentence(subj.i) > 1 \
                or not plural_people(subj) or subj.lower_.rstrip("s") not in MEMBER_NOUNS or len(np) != 1:
            return None
        return self._one_member_body()

    def _one_member_body(self, noun: str | None = None) -> str | None:
        """The one body made of people (a committee, a panel, a court; `noun`: of that noun) the
        article names, if it names one only."""
        bodies = {name for _i, name in self.orgs.mentions if len(name.split()) >= 2
                  and (name.split()[-1].lower() == noun if noun else name.split()[-1].lower() in MEMBER_BODIES)}
        return bodies.pop() if len(bodies) == 1 else None
