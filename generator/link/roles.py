"""Roles and affiliations as a corpus shows them: read from text, cleaned, one form per role.

Extraction reads a speaker's role and affiliation from the words around their name, article by
article, and those words are sometimes fragments: "Home" (of "Home Secretary") as affiliation,
"moderate President", "CEO of the Refugee Council Enver" (the first name of "Enver Solomon" glued
to the role), the same role written three ways ("Secretary of State", "U.S. Secretary of
State", "US Secretary of State"). `clean` tidies one speaker's pair; `canonical` maps each
role of one corpus speaker to its fullest variant, so a page lists each role once.
"""
from __future__ import annotations

import re

from generator.link.names import TITLES, fold, is_demonym, name_tokens

# Words that judge rather than name a post ("moderate President"): dropped from the front of a role.
JUDGING = {"moderate", "veteran", "embattled", "hardline", "hard-line", "outspoken", "controversial",
           "powerful", "influential", "beleaguered", "popular", "respected", "charismatic", "firebrand"}
# Words that are no role on their own: fragments of a longer one ("head" of ..., "former" ...) or titles.
NOT_ROLES = {"lord", "lady", "sir", "dame", "former", "ex", "local", "head", "chief", "member", "the", "mr", "mrs"}
# Words that qualify a post but name none: a role ending in one is a fragment ("vice", "future").
NOT_POSITIONS = {"vice", "future", "former", "previous", "new", "then", "earlier", "late", "current", "outgoing",
                 "incoming", "acting", "beloved", "ex", "prospective", "would-be", "legal", "senior", "junior",
                 "joint", "interim", "shadow", "top", "young", "old", "leading", "managing", "operating",
                 "british", "english", "scottish", "welsh", "irish", "american", "french", "german", "russian",
                 "previously", "now", "also", "once", "still", "very", "long-time", "longtime", "so-called"}
ALONE_NOT_POSITIONS = {"fellow", "assistant", "deputy", "veteran"}  # a post only after another word
_ADJECTIVE_END = re.compile(r"(?:[a-z]{3}ed|ful|ous|less|able|ible|[a-z]{4}ing|ly)$")
NOUNS_LIKE_ADJECTIVES = {"constable", "notable", "collectible", "underling", "king", "viking", "darling"}
_FUNCTION = {"of", "for", "to", "the", "and", "on", "in", "at", "de", "du"}
# Ways of writing one country inside a role, compared as one.
_SAME = [(re.compile(r"\b(?:u\.\s?s\.?|united states(?: of america)?|america)(?=\s|$)"), "us"),
         (re.compile(r"\b(?:u\.\s?k\.?|united kingdom|britain)(?=\s|$)"), "uk"),
         (re.compile(r"\b(?:u\.\s?n\.?|united nations)(?=\s|$)"), "un"),
         (re.compile(r"\b(?:e\.\s?u\.?|european union)(?=\s|$)"), "eu")]


def _tidy(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    text = re.sub(r"\s+(['’])(?=\s|$)", r"\1", text)  # "Hamas ' political wing" -> "Hamas' political wing"
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)  # "the SEC 's" -> "the SEC's"
    text = re.sub(r"\b(\w+) - (\w+)\b", r"\1-\2", text)  # "ex - chief" -> "ex-chief"
    text = re.sub(r"\s+([,.;:])", r"\1", text).strip(" ,;:-")
    return text or None


def _words(text: str) -> list[str]:
    key = fold(text).replace("’", "'")
    for pattern, short in _SAME:
        key = pattern.sub(short, key)
    return re.sub(r"[^\w' -]", " ", key).split()


def _contains(outer: str, inner: str) -> bool:
    """`inner` appears in `outer` as whole words (case, dots and country spellings aside)."""
    o, i = _words(outer), _words(inner)
    return bool(i) and any(o[k:k + len(i)] == i for k in range(len(o) - len(i) + 1))


def clean(role: str | None, affiliation: str | None, name: str) -> tuple[str | None, str | None]:
    """(role, affiliation) of one speaker in one article, without the fragments extraction leaves.

    - judging words at the front of a role go ("moderate President" -> "President"), and a role
      that is a fragment or a bare title ("head", "former", "Lord") is no role;
    - a capitalised word after a lower-case one at the end is the next phrase's ("former Labour
      minister European", "director general British"), unless it follows "of", "for" ...;
    - a capitalised word after the affiliation at the end of the role is the first name of a
      speaker named by surname only ("CEO of the Refugee Council Enver", speaker "Solomon");
    - an affiliation the role already spells out goes: it is a fragment of the role ("Home" of
      "Home Secretary", "Shadow Home") or says it twice ("Hamas" beside "Hamas spokesman").
    """
    role, affiliation = _tidy(role), _tidy(affiliation)
    if role:
        words = role.split()
        while len(words) > 1 and words[0].lower() in JUDGING:
            words = words[1:]
        if (affiliation and len(words) > 1 and len(name_tokens(name)) == 1 and words[-1][:1].isupper()
                and " ".join(words[:-1]).endswith(affiliation)):
            words = words[:-1]
        if (len(words) > 2 and words[-1][:1].isupper() and words[-2][:1].islower()
                and words[-2].lower() not in _FUNCTION):
            words = words[:-1]  # "former Labour minister European": the next phrase's first word
        while len(words) > 1 and fold(words[-1]) in TITLES:
            words = words[:-1]  # "Lord Chancellor Lord" (of "Lord Chancellor Lord Falconer")
        while len(words) > 1 and not is_position(" ".join(words)):
            words = words[:-1]  # "Texas attorney general legal": the role ends where the post does
        role = " ".join(words) or None
        if role and (role.lower() in NOT_ROLES or not is_position(role) or role.endswith(("'s", "’s"))):
            role = None
    if role and affiliation and _contains(role, affiliation):
        affiliation = None
    return role, affiliation


def is_position(role: str) -> bool:
    """A role names a position: a noun phrase, never an adjective or a fragment ("disheartened",
    "beloved", "vice", "future", "Texas attorney general legal"). Its last word is what it is."""
    words = role.replace("’", "'").split()
    if not words:
        return False
    last = fold(words[-1]).strip(".,;:'\"()")
    if last in NOT_POSITIONS or (len(words) == 1 and (last in NOT_ROLES or last in ALONE_NOT_POSITIONS)):
        return False
    if len(words) == 1 and is_demonym(words[0]):
        return False  # "Dutchman": a people's word, no post
    return words[-1][:1].isupper() or last in NOUNS_LIKE_ADJECTIVES or not _ADJECTIVE_END.search(last)


def canonical(roles: list[str]) -> dict[str, str]:
    """Each role of one speaker -> the form shown: a role whose words end another of the speaker's
    roles is that one ("Secretary of State" -> "US Secretary of State"); spellings of one role
    ("U.S. Secretary of State", "US Secretary of State") become the most written, then the longest."""
    distinct = list(dict.fromkeys(r for r in roles if r))
    counts = {r: roles.count(r) for r in distinct}
    keys = {r: _words(r) for r in distinct}
    out = {}
    for r in distinct:
        wider = [o for o in distinct if len(keys[o]) > len(keys[r]) and keys[o][-len(keys[r]):] == keys[r]]
        same = [o for o in distinct if keys[o] == keys[r]]
        pool = wider or same
        out[r] = sorted(pool, key=lambda o: (-len(keys[o]), -counts[o], -len(o), o))[0]
    # follow chains ("spokesman" -> "Hamas spokesman" -> ...) to their end
    for r in out:
        seen = {r}
        while out[out[r]] != out[r] and out[r] not in seen:
            seen.add(out[r])
            out[r] = out[out[r]]
    return out
