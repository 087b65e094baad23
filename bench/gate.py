"""How much parsing a corpus could skip: the bound on "parse only what can hold a claim". Prints figures.

    python bench/gate.py [--corpus ../shared/corpus/bbc] [--limit N] [--seed 1]

A claim needs a quote mark or a cue word (a verb, noun or phrase of the lexicon that
extraction starts from: "said", "warned", "according to", "claim"...). A sentence with
neither cannot hold a claim, so only such sentences could go without the full pipeline.
This script counts the share of a corpus's tokens in sentences (split by rules, as a
parse-less stage would split them) and in paragraphs that have one; every inflection of
a cue the rules below do not make only adds to the skippable share, so the share that
must be parsed is a lower bound. Extraction cannot cost less than that share of bare
spaCy (the full pipeline on those tokens, nothing at all on the others), whatever
cheaper components run elsewhere. Speaker resolution needs more still (names and
subjects anywhere before a claim: see README "Speed").
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUOTES = set('"\u201c\u201d\u201e\u00ab\u00bb')


def cue_forms() -> set[str]:
    """Every cue word of the lexicon in its regular inflections, lower case, plus the
    irregular past forms of the common verbs of saying."""
    from generator.extract import lexicon

    words: set[str] = set()
    for name in ("CLAUSE_CUES", "XCOMP_CUES", "OBJECT_CUES", "PREP_CUES", "NOUN_CUES", "SPEECH_CUES",
                 "SPEECH_NOUNS", "NAMING_CUES"):
        value = getattr(lexicon, name, ())
        words |= {w.lower() for w in value if isinstance(w, str)}
    forms = set()
    for w in words:
        forms |= {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
        if w.endswith("y"):
            forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        if w.endswith("e"):
            forms.add(w[:-1] + "ing")
    return forms | {"said", "says", "told", "spoke", "wrote", "thought", "according", "added", "put", "felt"}


def main(argv: list[str] | None = None) -> int:
    import spacy

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    ap.add_argument("--limit", type=int, default=0, help="a random sample of N articles (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    files = sorted(Path(args.corpus).rglob("*.txt"))
    if not files:
        raise SystemExit(f"gate: no .txt articles under {args.corpus}")
    if args.limit:
        files = random.Random(args.seed).sample(files, min(args.limit, len(files)))
    forms = cue_forms()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def holds(tokens) -> bool:
        return any(t.text in QUOTES or t.lower_ in forms for t in tokens)

    total = in_sentences = in_paragraphs = sentences = kept = 0
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        for paragraph in (p for p in text.split("\n") if p.strip()):
            doc = nlp(paragraph)
            n = sum(1 for t in doc if not t.is_space)
            total += n
            in_paragraphs += n if holds(doc) else 0
            for sent in doc.sents:
                sentences += 1
                if holds(sent):
                    kept += 1
                    in_sentences += sum(1 for t in sent if not t.is_space)
    print(f"{len(files)} articles, {total:,} tokens, {sentences:,} sentences; {len(forms):,} cue forms")
    print(f"sentences that can hold a claim: {kept / sentences:.1%} of sentences, "
          f"{in_sentences / total:.1%} of tokens")
    print(f"paragraphs that can hold a claim: {in_paragraphs / total:.1%} of tokens")
    print(f"lower bound on extraction / bare spaCy when only those sentences are parsed: "
          f"{in_sentences / total:.2f} x (the issue's target: 0.6 x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
