"""Joint speakers: people or bodies who speak together.

- "said Jonathan Wolpaw and Dennis McFarlane", "Microsoft and Sony said", "A, B and C said",
  "groups including A and B said": one claim of them all, named "A and B" / "A, B and C";
- a plural description after an article names a pair ("the researchers", "both newspapers",
  "the pair") is that pair: the last two people (for nouns of people) or two bodies (for nouns
  of bodies) the article joined with "and" before it;
- any definite plural of people ("the judges", "the two men") is the people last named together
  as the subject of a clause nearby ("Lord A and Lord B ruled ... the judges said").
"""

from __future__ import annotations

from generator.extract.lexicon import (
    AGENT_ENDINGS,
    DATA_NOUNS,
    DOCUMENT_NOUNS,
    NOT_AGENTS,
    PERSON_NOUNS,
    ROLE_NOUNS,
)
from generator.extract.mentions import Resolution
from generator.extract.orgs import BODY_NOUNS, ORG_NOUNS, SPOKES

# plural heads that stand for two people the article named together
PAIR_PEOPLE = {"researcher", "scientist", "author", "man", "woman", "doctor", "academic", "expert",
               "brother", "sister", "couple", "pair", "duo", "founder", "lawyer", "explorer"}
# plural heads that stand for two bodies
PAIR_BODIES = {"paper", "newspaper", "company", "firm", "bank", "group", "union", "party", "club",
               "organisation", "organization", "charity", "broadcaster", "airline", "carmaker"}
SINGULAR_PAIRS = {"pair", "duo", "couple"}
# singular nouns for people who work together: the people last named together, when there are any
COLLECTIVES = {"team", "trio", "pair", "duo"}
SPEAKING = ("person", "organisation", "place")  # kinds of what may speak together
ADDRESSES = ("mr", "mrs", "ms", "dr", "sir", "lord", "lady")  # forms of address a couple shares: "Mr and Mrs X"
STATES = {"country", "nation", "government", "state", "capital"}  # what two places named together are
WINDOW = 400  # tokens: how far back a pair is remembered
GROUP_WINDOW = 150  # tokens: how far back a plural of people means the people last named together as a subject
# plural nouns of people not in the lists of roles: "people", "residents", "families"
PEOPLE_WORDS = {"people", "person", "resident", "family", "parent", "voter", "citizen", "member", "fan", "critic",
                "expert", "observer", "colleague", "peer", "lord", "mp", "insider", "source", "protester", "protestor",
                "worker", "employee", "staff", "pupil", "teacher", "student", "patient", "judge", "official",
                "solicitor", "friend", "ally", "supporter", "relative", "mep", "msp", "gp", "detective"}

def people_noun(tok) -> bool:
    """A common noun for people ("analysts", "the judges", "campaigners", "MPs"), not for bodies or things."""
    lemma = tok.lemma_.lower()
    if lemma in BODY_NOUNS - ROLE_NOUNS or lemma in DATA_NOUNS or lemma in DOCUMENT_NOUNS or lemma in NOT_AGENTS:
        return False
    return lemma in ROLE_NOUNS or lemma in PERSON_NOUNS or lemma in SPOKES or lemma in PEOPLE_WORDS \
        or len(lemma) > 4 and lemma.endswith(AGENT_ENDINGS)


def plural_people(tok) -> bool:
    """A plural noun for people ("the judges", "analysts"), or a people's acronym in the plural
    however the model tags it ("MPs", "MEPs", "GPs": it may call them a body's name)."""
    if tok.tag_ == "NNS" and people_noun(tok):
        return True
    text = tok.text
    return len(text) >= 3 and text.endswith("s") and text[:-1].isupper() \
        and text[:-1].lower() in PERSON_NOUNS | PEOPLE_WORDS


def _partner(tok):
    """The other half of 'A and B' when `tok` is A: one conjunct, joined by 'and', no third."""
    conj = [c for c in tok.children if c.dep_ == "conj"]
    if len(conj) != 1 or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in tok.children):
        return None
    other = conj[0]
    if other.pos_ != "PROPN" or any(c.dep_ == "conj" for c in other.children):
        return None
    return other


def _conjuncts(tok, most: int = 4) -> list | None:
    """The other names of a list 'A, B and C' (or 'A and B') when `tok` is A: conjuncts however
    the parse chains them, with one 'and' and no 'or'; None when there is no such list."""
    found, todo, ccs = [], [tok], []
    # "Tom Hale, Peter Marsh and Ann Lee": the model may take the second name for an apposition
    listed = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ and c.ent_type_ == tok.ent_type_
              and c.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children)]
    if len(listed) == 1:
        found.append(listed[0])
        todo.append(listed[0])
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                found.append(c)
                todo.append(c)
            elif c.dep_ == "cc":
                ccs.append(c.lower_)
    if not found or len(found) > most or ccs not in (["and"], ["&"]):
        return None
    if any(c.pos_ != "PROPN" and c.ent_type_ not in ("ORG", "PERSON") for c in found):
        return None
    return sorted(found, key=lambda c: c.i)


def _conjunct_name(resolver, tok, res: Resolution) -> str:
    """A list item's name: its resolution, or its whole phrase when the model cut a body's name
    short ("War on Want" of which it tagged "War"): capitalised words and small words only."""
    cut = {x.i for c in tok.children if c.dep_ in ("conj", "cc", "punct", "appos") for x in c.subtree}
    words = [t for t in tok.subtree if t.i not in cut]
    while words and (words[0].lower_ == "the" or words[0].is_punct):
        words.pop(0)
    if len(words) < 2 or words[-1].i - words[0].i + 1 != len(words) or res.kind != "organisation" \
            or not all(t.text[:1].isupper() or t.lower_ in ("of", "on", "for", "the", "and", "&") for t in words):
        return res.name
    phrase = tok.doc[words[0].i:words[-1].i + 1].text
    return phrase if res.name in phrase else res.name


def joint(resolver, subj, res: Resolution) -> Resolution | None:
    """'said A and B', 'A, B and C said': all of them, when each is the name of a person, a body or a
    place speaking for its government ("Britain and France said"; the model may call a party a
    person: "The Tories and Lib Dems said"), named "A, B and C"."""
    if res.name is None or not res.named or res.kind not in SPEAKING \
            or subj.pos_ != "PROPN" and subj.ent_type_ not in ("ORG", "PERSON"):
        return None
    others = _conjuncts(subj)
    if others is None:
        return None
    names, kinds, confidence = [_conjunct_name(resolver, subj, res)], {res.kind}, res.confidence
    for other in others:
        res2 = resolver._resolve(other, record=False)
        if res2.name is None or not res2.named or res2.kind not in SPEAKING or res2.name in names:
            return None
        names.append(_conjunct_name(resolver, other, res2))
        kinds.add(res2.kind)
        confidence = min(confidence, res2.confidence)
    kind = kinds.pop() if len(kinds) == 1 else "organisation"
    return Resolution(", ".join(names[:-1]) + " and " + names[-1], kind, confidence, named=True, how="joint")


def couple(subj) -> Resolution | None:
    """'Mr and Mrs Hale said': two forms of address sharing the surname after them, one joint
    speaker named as written."""
    if subj.lower_.rstrip(".") not in ADDRESSES or subj.pos_ != "PROPN" or subj.i + 2 >= len(subj.doc):
        return None
    conj = [c for c in subj.children if c.dep_ == "conj"]
    if len(conj) != 1 or conj[0].ent_type_ != "PERSON" or not any(c.lower_ == "and" for c in subj.children) \
            or subj.doc[subj.i + 2].lower_.rstrip(".") not in ADDRESSES:
        return None
    return Resolution(subj.doc[subj.i:conj[0].i + 1].text, "person", 0.6, named=True, how="joint")


def included(subj):
    """The first name of 'groups including A, B and C', 'firms such as A': the plural's members
    the text names, who are who spoke (None when the plural names none)."""
    if subj.tag_ != "NNS" or subj.pos_ != "NOUN" or not (people_noun(subj) or subj.lemma_.lower() in BODY_NOUNS):
        return None
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "as") \
                and (c.lower_ == "including" or c.i > 0 and c.doc[c.i - 1].lower_ == "such"):
            named = [o for o in c.children if o.dep_ == "pobj"]
            if named and (named[0].pos_ == "PROPN" or named[0].ent_type_ in ("ORG", "PERSON")):
                return named[0]
    return None


def collect_pairs(resolver) -> list[tuple[int, str, str]]:
    """(token index, 'A and B', kind) of each pair of names the article joins with 'and', in
    text order (captions and quotes left out)."""
    doc, cast = resolver.doc, resolver.cast
    pairs = []
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "PROPN" or not cast._usable(tok):
            continue
        head = tok.head
        if head.pos_ != "PROPN" or _partner(head) is None or _partner(head).i != tok.i:
            continue
        # the model often tags one half only ("the Sunday Times and Sunday Telegraph"): the
        # other, a name with no label of its own, is of the same kind
        kinds = {t.ent_type_ for t in (head, tok) if t.ent_type_ in ("PERSON", "ORG")}
        if len(kinds) != 1 or any(t.ent_type_ not in ("PERSON", "ORG", "", "DATE") for t in (head, tok)):
            continue
        kind = "person" if kinds == {"PERSON"} else "organisation"
        a, b = resolver._resolve(head, record=False), resolver._resolve(tok, record=False)
        if a.name and b.name and a.name != b.name and all(
                r.kind == kind or not t.ent_type_ for r, t in ((a, head), (b, tok))):
            pairs.append((tok.i, f"{a.name} and {b.name}", kind))
    return pairs


def pair_for(resolver, subj, np) -> Resolution | None:
    """'the researchers', 'both newspapers', 'the pair': the last pair of that kind named before."""
    head = subj.lemma_.lower()
    plural = subj.tag_ == "NNS" or head in SINGULAR_PAIRS | COLLECTIVES and subj.tag_ == "NN"
    dets = {t.lower_ for t in np if t.i < subj.i}
    if not plural or not dets & {"the", "both"} or dets & {"some", "many", "other", "these", "those"}:
        return None
    kind = "person" if head in PAIR_PEOPLE else "organisation" if head in PAIR_BODIES else None
    if any(t.pos_ == "PROPN" or t.ent_type_ not in ("", "CARDINAL") for t in np):  # "the two men" is a pair
        return None
    if head in SINGULAR_PAIRS or head == "side":
        kinds = SPEAKING  # "Microsoft and Sony agreed ... The pair said"
    elif subj.tag_ == "NNS" and people_noun(subj) or head in COLLECTIVES and "the" in dets:
        kinds = ("person",)  # "Lord A and Lord B ruled ... the judges said", "The research team said"
    elif head in STATES:
        kinds = ("place", "organisation")  # "Britain and France ... the two countries said"
    elif subj.tag_ == "NNS" and head in PAIR_BODIES | ORG_NOUNS:
        kinds = ("organisation",)  # "Ryanair and easyJet cut fares ... the airlines said"
    else:
        kinds = ()
    # a role ("the judges", "the ministers") is only the group that spoke or ruled: "A and B sued the
    # council. The judges said" are other people
    spoke = kinds == ("person",) and head not in PAIR_PEOPLE | COLLECTIVES
    for i, name, k in reversed(resolver.group_history if kinds else ()):
        if i < subj.i and subj.i - i <= GROUP_WINDOW and k in kinds and name is not None \
                and (not spoke or i in resolver.group_speakers):
            return Resolution(name, k, 0.6, named=True, how="pair")
        if subj.i - i > GROUP_WINDOW:
            break
    if kind is None:
        return None
    if resolver.pairs is None:
        resolver.pairs = collect_pairs(resolver)
    for i, name, k in reversed(resolver.pairs):
        if i < subj.i and subj.i - i <= WINDOW and k == kind:
            return Resolution(name, kind, 0.6, named=True, how="pair")
        if subj.i - i > WINDOW:
            break
    return None
