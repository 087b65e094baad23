"""Timings of hostile inputs (issues 17 and 26): not a test, a measurement to read.

    PYTHONPATH=. python bench/hostile.py [--reps 250 500 1000 2000] [--dense 1100 2200 4400]
                                         [--corpus ../shared/corpus/bbc]

1. extraction of one paragraph of `"We will go," he said, "and` repeated N times
   (spaCy parse timed apart from extraction, which must grow linearly);
2. caption_spans (CREDIT_RE) on `AP/` + N capitals + `!`;
3. quote-dense (`"Go N," Smith said.` a line) and name-dense (names differing by one letter,
   one a line) articles of N lines, read, parsed, extracted and linked as one article by the
   Build, against plain news of the same size (BBC politics articles of --corpus run together,
   the reserved ones left out): each must cost at most 3x plain news.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


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


def quote_dense(n: int) -> str:
    return "\n\n".join(f'"Go {i}," Smith said.' for i in range(n))


def name_dense(n: int) -> str:
    import itertools
    import string

    names = itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), n)
    return "\n\n".join(f"Ann Ko{a}{b}{c}va said taxes rise." for a, b, c in names)


def plain_news(corpus: Path, size: int) -> str | None:
    """BBC politics articles run together to `size` characters, none of the reserved ones."""
    folder = corpus / "politics"
    if not folder.is_dir():
        return None
    reserved_file = corpus.parent.parent / "eval" / "bbc-speech" / "reserved.txt"
    reserved = set(reserved_file.read_text().split()) if reserved_file.exists() else set()
    parts, total = [], 0
    for path in sorted(folder.glob("*.txt")):
        if f"politics/{path.stem}" in reserved:
            continue
        parts.append(path.read_text("utf-8", "replace").strip())
        total += len(parts[-1]) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size] if total >= size else None


def build_seconds(text: str, work: Path) -> tuple[float, int]:
    """Seconds the Build takes to read, parse, extract and link one article of `text` (no cache,
    one worker, the model loaded before), and its claims."""
    from generator import options, parse
    from generator.build import Build

    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "a.txt").write_text("Headline\n\n" + text, "utf-8")
    parse.load_nlp()
    build = Build(options.load({"articles": str(folder), "cache_dir": "", "workers": 1}, work / "mkdocs.yml"),
                  base_dir=work)
    t = time.perf_counter()
    corpus = build.corpus()
    return time.perf_counter() - t, sum(len(b.claims) for b in corpus.briefs)


def dense(ns: list[int], corpus: Path) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in ns:
            for name, make in (("quote-dense", quote_dense), ("name-dense", name_dense)):
                text = make(n)
                seconds, claims = build_seconds(text, work)
                plain = plain_news(corpus, len(text))
                if plain is None:
                    print(f"{name} {n:>5} lines ({len(text):>7,} chars): {seconds:6.2f} s, {claims} claims "
                          f"(no plain news in {corpus} to compare)", flush=True)
                    continue
                base, base_claims = build_seconds(plain, work)
                print(f"{name:11} {n:>5} lines ({len(text):>7,} chars): {seconds:6.2f} s, {claims:>5} claims; "
                      f"plain news of the same size {base:6.2f} s, {base_claims:>4} claims: "
                      f"{seconds / base:4.2f} x", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--capitals", type=int, nargs="+", default=[50, 100, 200, 300])
    ap.add_argument("--dense", type=int, nargs="*", default=[1100, 2200, 4400])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc")
    ap.add_argument("--only", choices=["credit", "repeated", "dense"])
    args = ap.parse_args()
    if args.only in (None, "credit"):
        credit(args.capitals)
    if args.only in (None, "repeated"):
        repeated(args.reps)
    if args.only in (None, "dense") and args.dense:
        dense(args.dense, args.corpus)


if __name__ == "__main__":
    main()
