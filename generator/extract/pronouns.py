"""Pronouns and the bodies and people they stand for.

"he"/"she" -> the last person who was the subject of a clause, not known to be of the other
gender; an unnamed person in between ("a spokesman") is who the pronoun means. "it"/"they" ->
the last body that was a subject nearby ("it" never a plural, a place only when no body is near).
"""

from __future__ import annotations

import bisect

from generator.extract.lexicon import GROUP_PRONOUNS, PRONOUN_GENDER
from generator.extract.mentions import Resolution


class Pronouns:
    """Mixin of the Resolver: needs `history`, `stand_ins`, `org_history` and `people`."""

    def _pronoun(self, subj) -> Resolution:
        low = subj.lower_
        if low in GROUP_PRONOUNS:
            org = self._last_org(subj.i, singular=low in ("it", "its"))
            if org:
                return Resolution(org[0], org[1], 0.6, named=org[2], how="group-pronoun")
            return Resolution(None, "organisation", 0.3, how="group-pronoun")
        name = self._last_person(subj.i, PRONOUN_GENDER[low])
        if name is None and (unnamed := self.stand_in(subj.i, PRONOUN_GENDER[low])) is not None:
            if unnamed[0] is not None:  # "A Labour spokesman denied it. '...,' he said."
                return Resolution(unnamed[0], unnamed[1], 0.7, how=unnamed[2] + "-pronoun")
            return Resolution(None, "person", 0.3, named=False, how="unnamed-pronoun")
        if name:
            return Resolution(name, "person", 0.75, self.people.get(name), how="pronoun")
        return Resolution(None, "person", 0.3, how="pronoun")

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

    def _last_org(self, i: int, window: int = 80, singular: bool = False) -> tuple[str, str, bool] | None:
        """The body a group pronoun stands for; "it" never means a plural ("yields ... It said")."""
        place = None  # "it said" is a body more often than a place: a place only when no body is near
        for j, name, kind, named, plural in reversed(self.org_history):
            if j < i and i - j <= window:
                if singular and plural and not named:
                    continue
                if kind == "place":
                    place = place or (name, kind, named)
                    continue
                return name, kind, named
            if j < i:
                break
        return place

    def _last_body(self, i: int, window: int = 400) -> str | None:
        """The body last named as the subject of a clause before token i (never a place)."""
        for j, name, kind, named, _plural in reversed(self.org_history):
            if j < i and i - j <= window and kind == "organisation" and named:
                return name
            if j < i and i - j > window:
                break
        return None
