"""Fit the rates `confidence` reads, and say how they hold on articles left out of the fit.

    python scripts/fit_confidence.py            # 5-fold cross-validation by article, printed
    python scripts/fit_confidence.py --write    # and write generator/extract/confidence_rates.json

A claim's confidence is the rate at which claims with the same speaker evidence (the rule that
named the speaker: a name, a pronoun with or without a rival in view, a body's spokesman, nobody
found ...) are right end to end (span and speaker, score.py's matching), times a factor for how
its span was found (a clause, a quote, "according to", a "to" clause ...). Both are fitted on the
public speech articles (../shared/eval/bbc-speech-dev.jsonl and speech-dev2.jsonl), smoothed
toward the overall rate so a rule seen on few claims gets a cautious figure. Folds are fixed by
sha1 of the article id, so the figures are reproducible; the rates written are fitted on every
article, the figures printed are those of each fold fitted on the other four: the flag's
precision on text the rates never saw. Deterministic, stdlib and the extractor only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("QUOTEBRIEF_SHARED") or ROOT.parent / "shared")
EVAL = SHARED / "eval"
OUT = ROOT / "generator" / "extract" / "confidence_rates.json"
SMOOTH = 5.0  # claims' worth of the overall rate added to each rate
FOLDS = 5
BUCKETS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def observations(gold_arts: list[dict]) -> list[tuple[str, str, str, bool]]:
    """(article id, speaker evidence, span evidence, right end to end) for each predicted claim."""
    from generator.extract import claims as claims_mod
    from generator.extract.confidence import basis
    from generator.model import Article
    from generator.parse import parse

    sc = _scorer()
    seen: list[tuple[int, int, str, str]] = []
    original = claims_mod.confidence

    def recording(cand, how, name, cast, place=False):
        seen.append((cand.start, cand.end, *basis(cand, how, name, cast, place)))
        return original(cand, how, name, cast, place=place)

    claims_mod.confidence = recording
    out = []
    try:
        for ga, doc in zip(gold_arts, parse(a["text"] for a in gold_arts), strict=True):
            seen.clear()
            brief = claims_mod.extract(doc, Article(path="", id=ga["id"], title=ga.get("title") or "", text=ga["text"]))
            names = {s.id: s.name for s in brief.speakers}
            pclaims = [{"start": c.start, "end": c.end, "text": c.text, "speaker": c.speaker} for c in brief.claims]
            gclaims = ga.get("claims") or []

            def ok(i, j, gclaims=gclaims, pclaims=pclaims, names=names):
                g = gclaims[i]
                if g.get("speaker"):
                    return sc.name_match(names.get(pclaims[j]["speaker"]), g["speaker"])[1]
                return pclaims[j]["speaker"] is None
            right = {j for j, _ in sc.greedy_match(sc._prep(ga["text"], gclaims), sc._prep(ga["text"], pclaims),
                                                   0.3, eligible=ok).values()}
            for j, c in enumerate(brief.claims):
                rec = [r for r in seen if r[0] <= c.start < max(r[1], r[0] + 1)]
                speaker, span = (rec[-1][2], rec[-1][3]) if rec else ("*", "*")
                out.append((ga["id"], speaker, span, j in right))
    finally:
        claims_mod.confidence = original
    return out


def fit(obs: list[tuple[str, str, str, bool]]) -> dict:
    """Rates by speaker evidence and factors by span evidence, fitted in turns (three rounds),
    each smoothed toward the overall rate (factor 1)."""
    overall = sum(o[3] for o in obs) / len(obs) if obs else 0.5
    speaker = defaultdict(lambda: overall)
    span = defaultdict(lambda: 1.0)
    for _ in range(3):
        right, weight = defaultdict(float), defaultdict(float)
        for _id, k, s, ok in obs:
            right[k] += ok
            weight[k] += span[s]
        speaker = defaultdict(lambda: overall, {k: (right[k] + SMOOTH * overall) / (weight[k] + SMOOTH)
                                                for k in right})
        right, expected = defaultdict(float), defaultdict(float)
        for _id, k, s, ok in obs:
            right[s] += ok
            expected[s] += speaker[k]
        span = defaultdict(lambda: 1.0, {s: (right[s] + SMOOTH) / (expected[s] + SMOOTH) for s in right})
    return {"speaker": {"*": round(overall, 3), **{k: round(v, 3) for k, v in sorted(speaker.items())}},
            "span": {"*": 1.0, **{s: round(v, 3) for s, v in sorted(span.items())}}}


def fold(article_id: str) -> int:
    return hashlib.sha1(article_id.encode("utf-8")).digest()[0] % FOLDS


def cross_validate(obs, n_gold: int) -> None:
    from generator.extract.confidence import rate

    held = []
    for k in range(FOLDS):
        rates = fit([o for o in obs if fold(o[0]) != k])
        held += [(rate(o[1], o[2], rates), o[3]) for o in obs if fold(o[0]) == k]
    print(f"cross-validated by article ({FOLDS} folds by sha1 of the id): each fold scored with rates fitted "
          "on the other four")
    for b in range(len(BUCKETS) - 1):
        inb = [ok for c, ok in held if BUCKETS[b] <= c < BUCKETS[b + 1]]
        share = f"{100 * sum(inb) / len(inb):5.1f} %" if inb else "    -  "
        print(f"  [{BUCKETS[b]:.2f}, {min(BUCKETS[b + 1], 1.0):.2f})  {share}  {sum(inb):4d}/{len(inb)}")
    for t in (0.4, 0.5, 0.6, 0.7):
        kept = [ok for c, ok in held if c >= t]
        prec = 100 * sum(kept) / len(kept) if kept else 0.0
        print(f"  >= {t:.1f}: right {prec:5.1f} % ({sum(kept)}/{len(kept)}), right ones kept "
              f"{100 * sum(kept) / n_gold:5.1f} % of {n_gold} gold claims")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"write the rates fitted on every article to {OUT}")
    args = ap.parse_args(argv)
    gold = []
    for name in ("bbc-speech-dev.jsonl", "speech-dev2.jsonl"):
        path = EVAL / name
        if not path.is_file():
            sys.exit(f"fit_confidence: {path} is missing (the evaluation data lives in ../shared)")
        with path.open(encoding="utf-8") as f:
            gold += [json.loads(line) for line in f if line.strip()]
    obs = observations(gold)
    n_gold = sum(1 for a in gold for c in a.get("claims") or [] if not c.get("optional"))
    cross_validate(obs, n_gold)
    rates = fit(obs)
    if args.write:
        OUT.write_text(json.dumps(rates, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({len(obs)} claims of {len(gold)} articles)")
    else:
        print(json.dumps(rates, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
