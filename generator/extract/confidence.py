"""How likely a claim is right end to end (span and speaker): the review flag reads it.

A claim under 0.5 is flagged for an editor. The figure is a logistic model over the evidence
the claim rests on: which rule named the speaker, how the span was found, the claim's kind, how
many other people a "he" could mean, how far ahead of the next person the ranking put it and how
many sentences back that person was named, a document no issuer was found for ("a statement
said"), how often the speaker is named, how far the speaker stands from the cue. Its weights are
fitted on annotated news by scripts/fit_confidence.py, which also reports how they hold on
articles left out of the fit (scripts/eval.py prints the calibration).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from generator.extract.lexicon import DOCUMENT_NOUNS, PRONOUN_GENDER

# Weights fitted by scripts/fit_confidence.py on the public annotated articles (cross-validated by
# article). Read once; a missing or broken file is a packaging error, not a guess.
MODEL = json.loads((Path(__file__).with_name("confidence_model.json")).read_text(encoding="utf-8"))
PLAIN_CUES = {"say", "tell", "add", "according", "state", "explain", "warn", "insist", "argue", "write"}
LEAD_CAP = 3.0  # a "he" ranked this far ahead of anyone else (or with no one else in view) is as sure as it gets


def _rivals(cast, subj, name: str | None) -> int:
    """How many other people a 'he' could mean: those of its gender (or of none known) named in
    its sentence or the one before, besides the one it was bound to."""
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
    return len(seen - {name})


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
    elif how == "pronoun" and cand.subject is not None and _rivals(cast, cand.subject, name):
        how = "pronoun-rival"
    span = cand.source
    lemma = cand.cue_tok.lemma_.lower() if cand.cue_tok is not None else ""
    if cand.source in ("clause", "quote") and lemma and lemma not in PLAIN_CUES:
        span += "-other-cue"
    return how, span


def _mentions(cast, name: str) -> int:
    """How often the article uses the last word of a name (a surname, a body's last word): the
    people a story is about are named again and again. Counted once per article."""
    counts = getattr(cast, "_word_counts", None)
    if counts is None:
        counts = {}
        for tok in cast.doc:
            if tok.is_alpha and tok.text[:1].isupper():
                counts[tok.lower_] = counts.get(tok.lower_, 0) + 1
        cast._word_counts = counts
    return counts.get(name.split()[-1].lower(), 0) if name.split() else 0


def features(cand, how: str, name: str | None, cast, kind: str = "indirect", place: bool = False) -> dict[str, float]:
    """The evidence a claim's confidence weighs, as named values: indicators of the speaker rule,
    the span finder and the kind, and a few measures (log-scaled so one outlier cannot dominate)."""
    speaker, span = basis(cand, how, name, cast, place)
    f = {"bias": 1.0, f"speaker={speaker}": 1.0, f"span={span}": 1.0, f"kind={kind}": 1.0}
    subj = cand.subject
    if speaker.startswith("pronoun") and subj is not None:
        f["rivals"] = math.log1p(_rivals(cast, subj, name))
        ranked = getattr(cast, "leads", {}).get(subj.i)
        if how == "pronoun" and ranked is not None and ranked[0] == name:
            # a "he" the ranking barely preferred, or whose person was last named sentences back,
            # may well mean someone else
            f["antecedent_lead"] = LEAD_CAP if ranked[1] is None else min(ranked[1], LEAD_CAP)
            f["antecedent_back"] = float(ranked[2])
    if how in ("unnamed-group", "unnamed-definite") and subj is not None and subj.lemma_.lower() in DOCUMENT_NOUNS:
        f["document_source"] = 1.0  # "a statement said": its issuer is mostly named nearby, so "nobody" is often wrong
    if name:
        f["mentions"] = math.log1p(_mentions(cast, name))
        f["one_word_name"] = float(" " not in name.strip())
    if subj is not None and cand.cue_tok is not None:
        f["cue_distance"] = math.log1p(abs(subj.i - cand.cue_tok.i))
        f["cue_after_content"] = float(cand.cue_tok.idx >= cand.end)
    f["length"] = math.log1p(max(cand.end - cand.start, 0) / 100)
    return f


def probability(f: dict[str, float], model: dict | None = None) -> float:
    """The model's probability that a claim with evidence `f` is right, kept within [0.05, 0.95]
    (no rule is ever certain); evidence the fit never saw weighs nothing."""
    weights = (model or MODEL)["weights"]
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return round(max(0.05, min(1 / (1 + math.exp(-max(min(z, 30.0), -30.0))), 0.95)), 2)


def confidence(cand, how: str, name: str | None, cast, place: bool = False, kind: str = "indirect") -> float:
    if cand.confidence is not None:  # the finder knows better ("a proposal, which X says would ...")
        return cand.confidence
    return probability(features(cand, how, name, cast, kind, place))
