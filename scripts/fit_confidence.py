"""Fit the model `confidence` reads, and say how it holds on articles left out of the fit.

    python scripts/fit_confidence.py            # 5-fold cross-validation by article, printed
    python scripts/fit_confidence.py --write    # and write generator/extract/confidence_model.json
    python scripts/fit_confidence.py --extra    # also fit on scripts/annotations/bbc-speech-extra*.jsonl
    python scripts/fit_confidence.py --extra --leave-out extra9   # but not on a batch kept unseen

A claim's confidence is a logistic model of whether it is right end to end (span and speaker,
score.py's matching) given its evidence (generator/extract/confidence.py `features`: the rule
that named the speaker, how the span was found, the claim's kind, rivals of a pronoun, how often
the speaker is named, ...). It is fitted on the public speech articles
(../shared/eval/bbc-speech-dev.jsonl and speech-dev2.jsonl) by Newton's method with an L2
penalty, so a rule seen on few claims stays near the overall rate. Folds are fixed by sha1 of
the article id, so the figures are reproducible; the weights written are fitted on every
article, the figures printed are those of each fold fitted on the other four: the flag's
precision on text the model never saw. With --extra, our own annotations (rebuilt from the
corpus by standoff.py) join the training folds by the same rule; the figures stay those of the
public articles, so the two runs compare. Deterministic; numpy (which spaCy brings) and the
extractor only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
SHARED = Path(os.environ.get("QUOTEBRIEF_SHARED") or ROOT.parent / "shared")
EVAL = SHARED / "eval"
OUT = ROOT / "generator" / "extract" / "confidence_model.json"
EXTRAS = sorted((ROOT / "scripts" / "annotations").glob("bbc-speech-extra*.jsonl"))  # our own, offsets only
PENALTY = 2.0  # L2 weight on every weight but the bias: a claim's worth of evidence per unit
MIN_SEEN = 3  # an indicator seen on fewer claims is left out (it would weigh nothing but noise)
FOLDS = 5
BUCKETS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def observations(gold_arts: list[dict]) -> list[tuple[str, dict, bool]]:
    """(article id, evidence features, right end to end) for each predicted claim."""
    from generator.extract import claims as claims_mod
    from generator.extract.confidence import features
    from generator.model import Article
    from generator.parse import parse

    sc = _scorer()
    seen: list[tuple[int, int, dict]] = []
    original = claims_mod.confidence

    def recording(cand, how, name, cast, place=False, kind="indirect"):
        seen.append((cand.start, cand.end, features(cand, how, name, cast, kind, place)))
        return original(cand, how, name, cast, place=place, kind=kind)

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
                out.append((ga["id"], rec[-1][2] if rec else {"bias": 1.0}, j in right))
    finally:
        claims_mod.confidence = original
    return out


def fit(obs: list[tuple[str, dict, bool]]) -> dict:
    """Logistic regression by Newton's method (a fixed number of steps from zero: the same data
    give the same weights), L2-penalised except the bias."""
    seen: dict[str, int] = {}
    for _id, f, _ok in obs:
        for k in f:
            seen[k] = seen.get(k, 0) + 1
    names = sorted(k for k, n in seen.items() if n >= MIN_SEEN or k == "bias")
    col = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(obs), len(names)))
    for r, (_id, f, _ok) in enumerate(obs):
        for k, v in f.items():
            if k in col:
                x[r, col[k]] = v
    y = np.array([float(ok) for _id, _f, ok in obs])
    penalty = np.full(len(names), PENALTY)
    penalty[col["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(names))
        w -= np.linalg.solve(hess, grad)
    return {"weights": {k: round(float(w[col[k]]), 4) for k in names}}


def fold(article_id: str) -> int:
    return hashlib.sha1(article_id.encode("utf-8")).digest()[0] % FOLDS


def cross_validate(obs, n_gold: int, extra=()) -> None:
    from generator.extract.confidence import probability

    held = []
    for k in range(FOLDS):
        model = fit([o for o in list(obs) + list(extra) if fold(o[0]) != k])
        held += [(probability(o[1], model), o[2]) for o in obs if fold(o[0]) == k]
    loss = -sum(math.log(c if ok else 1 - c) for c, ok in held) / len(held)
    print(f"cross-validated by article ({FOLDS} folds by sha1 of the id): each fold scored with a model fitted "
          f"on the other four; log loss {loss:.3f}, Brier {sum((c - ok) ** 2 for c, ok in held) / len(held):.3f}")
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
    ap.add_argument("--write", action="store_true", help=f"write the model fitted on every article to {OUT}")
    ap.add_argument("--extra", action="store_true", help="also fit on our own annotations (scripts/annotations/)")
    ap.add_argument("--leave-out", action="append", default=[], metavar="BATCH",
                    help="with --extra, a batch not to fit on (extra9: bbc-speech-extra9.jsonl); repeatable")
    args = ap.parse_args(argv)
    batches = ROOT / "scripts" / "annotations"
    unknown = [b for b in args.leave_out if not (batches / f"bbc-speech-{b}.jsonl").is_file()]
    if unknown:
        sys.exit(f"fit_confidence: no batch {', '.join(unknown)} in scripts/annotations/")
    gold = []
    for name in ("bbc-speech-dev.jsonl", "speech-dev2.jsonl"):
        path = EVAL / name
        if not path.is_file():
            sys.exit(f"fit_confidence: {path} is missing (the evaluation data lives in ../shared)")
        with path.open(encoding="utf-8") as f:
            gold += [json.loads(line) for line in f if line.strip()]
    obs = observations(gold)
    extra = []
    if args.extra:
        from standoff import gold_articles

        records = []
        for path in EXTRAS:
            if path.stem.removeprefix("bbc-speech-") in args.leave_out:
                continue
            with path.open(encoding="utf-8") as f:
                records += [json.loads(line) for line in f if line.strip()]
        arts, skipped = gold_articles(records, SHARED / "corpus" / "bbc")
        for line in skipped:
            print(f"fit_confidence: left out {line}", file=sys.stderr)
        extra = observations(arts)
    n_gold = sum(1 for a in gold for c in a.get("claims") or [] if not c.get("optional"))
    cross_validate(obs, n_gold, extra)
    obs += extra
    model = fit(obs)
    if args.write:
        OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({len(obs)} claims of {len(gold)} articles{' and the extra annotations' if extra else ''})")
    else:
        print(json.dumps(model, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
