"""Parse and extract: articles to briefs, in this process or in a pool of worker processes.

Below the Build (generator/build.py), which decides what the cache lacks, and the Dask
client (generator/distributed.py), which sends the same chunks to other machines: both
call `extract_doc` through the functions here, so a brief is the same wherever it is made.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator

import generator.extract as extract_mod
from generator import parse
from generator.extract import topics
from generator.model import Article, Brief

CHUNK = parse.BATCH_SIZE  # articles per task sent to a pool worker
EXTRACTION_FAILED = "extraction failed"


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract_doc(doc, article: Article, stances: bool = False) -> Brief:
    """A parsed article to its Brief: the one place extraction is called from.

    An extractor bug on one article gives that article an empty brief and a note
    (reported in the build report), never a failed build."""
    try:
        return topics.tag_claims(doc, extract_mod.extract(doc, article, stances=stances))
    except Exception as exc:  # noqa: BLE001 - one article must not sink the build
        failed = Article.from_dict(article.to_dict())
        failed.notes.append(f"{EXTRACTION_FAILED} ({type(exc).__name__}: {str(exc)[:200]}); no claims listed")
        return Brief(article=failed)


def failed_extraction(brief: Brief) -> str | None:
    return next((n for n in brief.article.notes if n.startswith(EXTRACTION_FAILED)), None)


def failure_place(brief: Brief) -> str:
    """Where in its file a failed article is: the record's id when the file holds many (JSONL)."""
    rid = brief.article.record_id
    return f"id {rid}" if rid is not None else "extraction"


def parse_and_extract(articles: list[Article], model: str | None = None, workers: int = 1,
                      stances: bool = False) -> Iterator[Brief]:
    """Briefs of `articles` in order: in this process, or in a pool of `workers` processes.

    The pool is only worth its start-up (each worker loads the model) when there
    are at least two chunks of articles to share out."""
    workers = min(workers or default_workers(), -(-len(articles) // CHUNK))
    if workers <= 1 or len(articles) <= CHUNK:
        docs = parse.parse((a.text for a in articles), model)
        for article, doc in zip(articles, docs, strict=False):
            yield extract_doc(doc, article, stances)
        return
    chunks = list(split_chunks(articles, workers, CHUNK))
    ctx = multiprocessing.get_context(start_method())
    with ctx.Pool(workers, initializer=worker_start, initargs=(model,)) as pool:
        for briefs in pool.imap(worker_extract, [(model, chunk, stances) for chunk in chunks]):
            yield from briefs


def split_chunks(articles: list[Article], workers: int, size: int = CHUNK, smallest: int = 8):
    """Consecutive chunks of `size` articles, smaller towards the end (down to `smallest`), so that
    the workers run out of work at about the same time instead of one parsing a last full chunk
    while the others wait."""
    start = 0
    while start < len(articles):
        left = len(articles) - start
        n = min(left, size, max(smallest, left // (2 * workers)))
        yield articles[start:start + n]
        start += n


def start_method() -> str:
    """fork when it is safe (Linux, no other thread): workers start at once and a script
    without an `if __name__ == "__main__"` guard still works; else spawn (the MkDocs
    server has threads, and a forked copy of a threaded process can hang)."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def worker_start(model: str | None) -> None:
    parse.load_nlp(model)  # once per worker, before the first chunk arrives


def worker_extract(task: tuple[str | None, list[Article], bool]) -> list[Brief]:
    model, articles, stances = task
    return list(parse_and_extract(articles, model, workers=1, stances=stances))
