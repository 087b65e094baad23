"""Our own speech annotations of BBC articles, kept as offsets only.

    python scripts/standoff.py GOLD.jsonl ... > scripts/annotations/bbc-speech-extra.jsonl

The BBC texts are not ours to publish, so an annotation in the repository holds no word of them:
per article its id, the sha1 of the body it was made on, and per claim the offsets of its content,
speaker mention and cue, its kind, whether it is optional, and the speaker's canonical name (a
name is a fact about the article, not its text). `gold_articles` rebuilds score.py's gold format
from ../shared/corpus/bbc at run time, and refuses an article whose text has changed since it
was annotated. The input is what ../shared/eval/bbc-speech/convert.py writes from a batch made
with its GUIDE.md (never an article of reserved.txt).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

CLAIM_KEYS = ("start", "end", "speaker", "kind", "optional")


def body_of(raw: str) -> tuple[str, str]:
    """(headline, body) of a BBC corpus file: the first line, then the text after the blank line
    (the text annotations index, as convert.py reads it)."""
    title, _, body = raw.partition("\n")
    return title.strip(), body.lstrip("\n")


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _offsets(span: dict | None) -> dict | None:
    return None if not span else {"start": span["start"], "end": span["end"]}


def _with_text(span: dict | None, text: str) -> dict | None:
    return None if not span else {"start": span["start"], "end": span["end"], "text": text[span["start"]:span["end"]]}


def to_standoff(article: dict) -> dict:
    """One gold article (score.py's format) without a word of its text."""
    claims = [{**{k: c.get(k) for k in CLAIM_KEYS}, "speaker_mention": _offsets(c.get("speaker_mention")),
               "cue": _offsets(c.get("cue"))} for c in article.get("claims") or []]
    return {"id": article["id"], "source": article.get("source") or "bbc", "sha1": digest(article["text"]),
            "claims": claims}


def gold_articles(records: list[dict], corpus: Path) -> tuple[list[dict], list[str]]:
    """score.py's gold articles rebuilt from standoff records and the corpus files; and a line for
    each record left out (file missing, or its text changed since it was annotated)."""
    out, skipped = [], []
    for rec in records:
        path = corpus / f"{rec['id']}.txt"
        if not path.is_file():
            skipped.append(f"{rec['id']}: {path} is missing")
            continue
        title, text = body_of(path.read_text(encoding="utf-8"))
        if digest(text) != rec["sha1"]:
            skipped.append(f"{rec['id']}: the text has changed since it was annotated (sha1 differs)")
            continue

        claims = [{**{k: c.get(k) for k in CLAIM_KEYS}, "text": text[c["start"]:c["end"]],
                   "speaker_mention": _with_text(c.get("speaker_mention"), text), "cue": _with_text(c.get("cue"), text)}
                  for c in rec["claims"]]
        out.append({"id": rec["id"], "source": rec.get("source") or "bbc", "title": title, "text": text,
                    "meta": {}, "claims": claims})
    return out, skipped


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit(__doc__)
    for name in argv:
        with open(name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    print(json.dumps(to_standoff(json.loads(line)), ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
