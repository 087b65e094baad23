"""Run the extractor alone on articles and print the `quotebrief extract --jsonl` records.

    python -m generator.extract ARTICLES.jsonl [--stances] [--docs PARSED.spacy]

For evaluation (scripts/eval.py): no cache of briefs, no linking, and the options of
`extract()` that the CLI does not offer yet (`--stances`). `--docs` keeps the spaCy parses
in a file and reuses them while the texts are the same, so that changing a rule and
scoring again does not parse again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from generator import parse
from generator.extract import extract
from generator.read import read_paths


def _docs(texts: list[str], cache: Path | None):
    if cache is None:
        return list(parse.parse(texts))
    from spacy.tokens import DocBin

    nlp = parse.load_nlp()
    digest = hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()
    stamp = cache.with_suffix(cache.suffix + ".sha256")
    if cache.exists() and stamp.exists() and stamp.read_text() == digest:
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    docs = list(parse.parse(texts))
    cache.write_bytes(DocBin(docs=docs, store_user_data=False).to_bytes())
    stamp.write_text(digest)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--stances", action="store_true", help="also stances, beliefs and intentions (kind 'stance')")
    ap.add_argument("--docs", type=Path, help="file to keep the spaCy parses in between runs")
    args = ap.parse_args(argv)
    articles = read_paths(args.paths).articles
    docs = _docs([a.text for a in articles], args.docs)
    for article, doc in zip(articles, docs, strict=False):
        brief = extract(doc, article, stances=args.stances)
        sys.stdout.write(json.dumps(brief.contract(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
