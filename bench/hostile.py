"""Timings of hostile inputs (issue 17): not a test, a measurement to read.

    PYTHONPATH=. python bench/hostile.py [--reps 250 500 1000 2000] [--parse-only]

1. extraction of one paragraph of `"We will go," he said, "and` repeated N times
   (spaCy parse timed apart from extraction, which must grow linearly);
2. caption_spans (CREDIT_RE) on `AP/` + N capitals + `!`.
"""

from __future__ import annotations

import argparse
import time


def credit(ns: list[int]) -> None:
    from generator.extract.quotes import caption_spans

    for n in ns:
        body = "AP/" + "A" * n + "!"
        t = time.perf_counter()
        caption_spans(body)
        print(f"credit  AP/ + {n:>6} capitals + !: {time.perf_counter() - t:8.3f} s", flush=True)


def repeated(reps: list[int]) -> None:
    from generator.extract.claims import extract
    from generator.model import Article
    from generator.parse import load_nlp

    nlp = load_nlp()
    for n in reps:
        text = '"We will go," he said, "and' * n
        t = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter()
        brief = extract(doc, Article(path="x.txt", id="x", title="x", text=text))
        done = time.perf_counter()
        print(f"extract {n:>5} repetitions ({len(text):>6} chars, {len(doc):>6} tokens): parse "
              f"{parsed - t:6.2f} s, extract {done - parsed:7.2f} s, {len(brief.claims)} claims", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--capitals", type=int, nargs="+", default=[50, 100, 200, 300])
    args = ap.parse_args()
    credit(args.capitals)
    repeated(args.reps)


if __name__ == "__main__":
    main()
