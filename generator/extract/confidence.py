"""How likely a claim is right end to end (span and speaker): the review flag reads it.

A claim under 0.5 is flagged for an editor. The figure is the product of how sure the
attribution is (which rule named the speaker) and how sure the span is (which cue found it);
the values are rates fitted on annotated news by scripts/fit_confidence.py, which also
reports how they hold on articles left out of the fit (scripts/eval.py prints the calibration).
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.extract.lexicon import PRONOUN_GENDER

# Rates fitted by scripts/fit_confidence.py on the public annotated articles (cross-validated by
# article): the share of claims right end to end for each kind of speaker evidence, and a factor for
# each way a span is found. Read once; a missing or broken file is a packaging error, not a guess.
RATES = json.loads((Path(__file__).with_name("confidence_rates.json")).read_text(encoding="utf-8"))
PLAIN_CUES = {"say", "tell", "add", "according", "state", "explain", "warn", "insist", "argue", "write"}


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


def basis(cand, how: str, name: str | None, cast, place: bool = False) -> tuple[str, str]:
    """What a claim's confidence rests on: the evidence for its speaker (the rule that named
    them, refined: a pronoun with a rival in view, a generic group, nobody found) and for its
    span (how the content was found, with a plain or another cue)."""
    if place and how == "org":
        how = "place"
    if how == "floating":
        pass  # a quote with no cue: its speaker is the claim's before it (claims.py), found later
    elif how == "unnamed-group" and cand.subject is not None and _generic_group(cand.subject):
        how = "generic-group"  # "analysts said", "reports suggest": a generic source, rightly no name
    elif name is None and how != "unnamed-group":
        how = "nobody"  # "he said" with nobody to bind "he" to
    elif how == "pronoun" and cand.subject is not None and _ambiguous_pronoun(cast, cand.subject, name):
        how = "pronoun-rival"
    span = cand.source
    lemma = cand.cue_tok.lemma_.lower() if cand.cue_tok is not None else ""
    if cand.source in ("clause", "quote") and lemma and lemma not in PLAIN_CUES:
        span += "-other-cue"
    return how, span


def confidence(cand, how: str, name: str | None, cast, place: bool = False) -> float:
    if cand.confidence is not None:  # the finder knows better ("a proposal, which X says would ...")
        return cand.confidence
    return rate(*basis(cand, how, name, cast, place))


def rate(speaker: str, span: str, rates: dict | None = None) -> float:
    """The fitted rate of the speaker evidence times the factor of the span evidence ("*": any
    evidence the fit never saw), kept within [0.05, 0.95]."""
    rates = rates or RATES
    attribution = rates["speaker"].get(speaker, rates["speaker"]["*"])
    factor = rates["span"].get(span, rates["span"]["*"])
    return round(max(0.05, min(attribution * factor, 0.95)), 2)
