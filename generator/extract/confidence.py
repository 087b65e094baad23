"""How likely a claim is right end to end (span and speaker): the review flag reads it.

A claim under 0.5 is flagged for an editor. The figure is the product of how sure the
attribution is (which rule named the speaker) and how sure the span is (which cue found it);
the values are rates measured on annotated news (scripts/eval.py prints the calibration).
"""

from __future__ import annotations

from generator.extract.lexicon import PRONOUN_GENDER

# by the rule that resolved the speaker (Resolution.how)
ATTRIBUTION = {
    "name": 0.92, "apposition": 0.92, "person-ent": 0.85, "org": 0.88, "place": 0.6, "spokes": 0.8,
    "pronoun": 0.8, "group-pronoun": 0.45, "propn": 0.6, "org-description": 0.6, "role-description": 0.6,
    "role-last": 0.6, "epithet": 0.45, "lede": 0.45, "spokes-pronoun": 0.7,
    # the body of the sentence before ("X would not comment. A spokeswoman said"): likely, not sure
    "spokes-before": 0.45, "spokes-before-pronoun": 0.45, "unnamed-pronoun": 0.2, "headline": 0.4,
    "fixed": 0.55, "floating": 0.45, "joint": 0.9,
    # "the researchers", "both newspapers": the pair the article named before
    "pair": 0.6,
    # no speaker: right only when the source is a generic group the article never names
    "unnamed-group": 0.4, "unnamed-definite": 0.2, "negation": 0.2, "first-person": 0.2, "none": 0.2,
}
# by how the content was found (Candidate.source) and its cue
PLAIN_CUES = {"say", "tell", "add", "according", "state", "explain", "warn", "insist", "argue", "write"}
SOURCE = {"clause": 1.0, "quote": 1.0, "according": 0.95, "xcomp": 0.85, "prep": 0.85, "noun": 0.75,
          "object": 0.7, "headline": 1.0, "floating": 1.0, "continuation": 1.0}


def _ambiguous_pronoun(cast, subj, name: str | None) -> bool:
    """'he' with two men named in this sentence or the one before: the nearest subject is a guess."""
    gender = PRONOUN_GENDER.get(subj.lower_)
    sent = subj.sent
    start = sent.start
    if start > 0:
        start = subj.doc[start - 1].sent.start
    seen = set()
    for ent in cast.cast.ents:
        if ent.label_ != "PERSON" or not (start <= ent.start < subj.i):
            continue
        person = cast.cast._person_for_span(ent)
        if person is None or person.kind != "person":
            continue
        if gender and person.gender not in (None, gender):
            continue
        seen.add(person.name)
    return len(seen - {name}) >= 1


def _generic_group(subj) -> bool:
    """'analysts', 'City traders' no: a plural of common nouns alone, with no determiner ('the
    papers', 'both newspapers' are a group the article has named) and no name in it."""
    if subj.tag_ != "NNS":
        return False
    words = [t for t in subj.subtree if t.i <= subj.i]
    if any(t.ent_type_ or t.pos_ == "PROPN" for t in subj.subtree):
        return False  # "Campaign groups including Friends of the Earth"
    return all(t.pos_ in ("NOUN", "ADJ") and not t.ent_type_
               and (t.text.islower() or t.is_sent_start and t.i == words[0].i) for t in words)


def confidence(cand, how: str, name: str | None, cast, place: bool = False) -> float:
    if cand.confidence is not None:  # the finder knows better ("a proposal, which X says would ...")
        return cand.confidence
    if place and how == "org":
        how = "place"
    attribution = ATTRIBUTION.get(how, 0.5)
    if how == "unnamed-group" and cand.subject is not None and _generic_group(cand.subject):
        attribution = 0.65  # "analysts said", "reports suggest": a generic source, rightly no name
    if name is None and how != "unnamed-group":
        attribution = min(attribution, 0.2)  # "he said" with nobody to bind "he" to
    if how == "pronoun" and name is not None and cand.subject is not None \
            and _ambiguous_pronoun(cast, cand.subject, name):
        attribution = 0.45
    span = SOURCE.get(cand.source, 0.8)
    lemma = cand.cue_tok.lemma_.lower() if cand.cue_tok is not None else ""
    if cand.source in ("clause", "quote") and lemma and lemma not in PLAIN_CUES:
        span *= 0.95
    return round(max(0.05, min(attribution * span, 0.95)), 2)
