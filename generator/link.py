"""Link speakers across articles: the same person gets one id everywhere."""

from __future__ import annotations

from generator.model import Brief, Corpus, Speaker


def link(briefs: list[Brief]) -> Corpus:
    """Merge speakers by id (a slug of the full name) across briefs."""
    speakers: dict[str, Speaker] = {}
    for brief in briefs:
        for s in brief.speakers:
            known = speakers.setdefault(s.id, Speaker(id=s.id, name=s.name, kind=s.kind,
                                                      role=s.role, affiliation=s.affiliation))
            known.role = known.role or s.role
            known.affiliation = known.affiliation or s.affiliation
    return Corpus(briefs=briefs, speakers=speakers)
