"""read -> parse -> extract -> link, with a cache so unchanged articles are never parsed again.

Speed: spaCy is loaded once per process, and only when some article is not in
the cache. Articles go through `nlp.pipe` in batches; with several workers a
process pool parses chunks of articles in parallel and the briefs come back in
article order. A Doc is reduced to its Brief at once and never kept, so memory
stays flat however many articles there are.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import generator.extract as extract_mod
from generator import link, model as model_mod, parse, write
from generator.link import topics
from generator.render import charts
from generator.config import Config
from generator.model import Article, Brief, Corpus, Problem
from generator.read import read_paths

CHUNK = parse.BATCH_SIZE  # articles per task sent to a pool worker
Progress = Callable[[int, int], None]  # (articles done, articles in all)


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """The extractor's version plus a hash of its source (and of the modules it uses, and of the
    parse stage's own components), so an edited extractor never reuses stale briefs."""
    h = hashlib.sha256(extract_mod.EXTRACTOR_VERSION.encode("utf-8"))
    for path in sorted(Path(extract_mod.__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    for module in (parse, topics, model_mod):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:16]


def brief_folder(cache_dir: Path) -> Path:
    """Where this extractor keeps its briefs: one folder per extractor fingerprint, so the entries
    of older versions, which nothing can use again, can go as a whole."""
    return Path(cache_dir) / "briefs" / extractor_fingerprint()


def prune_stale_briefs(cache_dir: Path) -> None:
    """Delete the briefs cached by other versions of the extractor (and by the flat layout of
    earlier releases, entries straight in cache_dir): they would only pile up."""
    current = brief_folder(cache_dir)
    folders = current.parent
    if folders.is_dir():
        for folder in folders.iterdir():
            if folder.name != current.name and folder.is_dir():
                write.remove_tree(folder)
    for entry in Path(cache_dir).glob("*.json"):
        if len(entry.stem) == 64 and all(c in "0123456789abcdef" for c in entry.stem):
            write.remove(entry)  # an entry of the flat layout: a sha256 key


def cache_key(article: Article, model_name: str) -> str:
    """Hash of what an extraction depends on: the article, the model, the extractor."""
    h = hashlib.sha256()
    h.update(json.dumps(article.to_dict(), sort_keys=True).encode("utf-8"))
    h.update(model_name.encode("utf-8"))
    h.update(extractor_fingerprint().encode("utf-8"))
    return h.hexdigest()


def load_cached(cache_dir: Path | None, key: str) -> Brief | None:
    """The cached Brief for `key`, or None. A corrupt entry (truncated or broken JSON, wrong
    schema, offsets that do not index the article) is deleted, so the article is extracted again."""
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.json"
    try:
        data = json.loads(path.read_bytes())
        brief = Brief.from_dict(data)
        check_brief(brief)
        return brief
    except FileNotFoundError:
        return None
    except OSError:
        return None  # unreadable (permissions, a folder): extract again, leave it alone
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        write.remove(path)  # corrupt entry: discard, extract again
        return None


def check_brief(brief: Brief) -> None:
    """ValueError unless every field has its type and every span indexes the article text."""
    text = brief.article.text
    if not all(isinstance(v, str) for v in (text, brief.article.id, brief.article.title, brief.article.path)):
        raise ValueError("article fields are not strings")
    ids = {s.id for s in brief.speakers}
    if not all(isinstance(s.id, str) and isinstance(s.name, str) for s in brief.speakers):
        raise ValueError("speaker fields are not strings")
    for claim in brief.claims:
        if claim.speaker is not None and claim.speaker not in ids:
            raise ValueError(f"claim speaker {claim.speaker!r} is not among the speakers")
        spans = [claim, *(s for s in (claim.cue, claim.speaker_mention) if s is not None), *claim.fragments]
        for span in spans:
            if not (isinstance(span.start, int) and isinstance(span.end, int)
                    and 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text):
                raise ValueError(f"span {span.start}-{span.end} does not index the article text")


def store_cached(cache_dir: Path | None, key: str, brief: Brief) -> None:
    if cache_dir is not None:
        write.write_text(cache_dir / f"{key}.json", json.dumps(brief.to_dict(), ensure_ascii=False))


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


EXTRACTION_FAILED = "extraction failed"


def extract_doc(doc, article: Article) -> Brief:
    """A parsed article to its Brief: the one place extraction is called from.

    An extractor bug on one article gives that article an empty brief and a note
    (reported in the build report), never a failed build."""
    try:
        return topics.tag_claims(doc, extract_mod.extract(doc, article))
    except Exception as exc:  # noqa: BLE001 - one article must not sink the build
        failed = Article.from_dict(article.to_dict())
        failed.notes.append(f"{EXTRACTION_FAILED} ({type(exc).__name__}: {str(exc)[:200]}); no claims listed")
        return Brief(article=failed)


def failed_extraction(brief: Brief) -> str | None:
    return next((n for n in brief.article.notes if n.startswith(EXTRACTION_FAILED)), None)


def extract_articles(articles: list[Article], model: str | None = None,
                     cache_dir: Path | None = None, workers: int = 1,
                     progress: Progress | None = None) -> Iterator[Brief]:
    """Briefs in article order; only articles missing from the cache go through spaCy."""
    folder = None
    if cache_dir is not None:
        prune_stale_briefs(cache_dir)
        folder = brief_folder(cache_dir)
    name = parse.model_fingerprint(model)
    keys = [cache_key(a, name) for a in articles]
    cached = [load_cached(folder, k) for k in keys]
    todo = [a for a, c in zip(articles, cached) if c is None]
    fresh = parse_and_extract(todo, model, workers)
    for done, (key, brief) in enumerate(zip(keys, cached), 1):
        if brief is None:
            brief = next(fresh)
            if not failed_extraction(brief):  # a failure is tried again next build
                store_cached(folder, key, brief)
        if progress is not None:
            progress(done, len(articles))
        yield brief


def parse_and_extract(articles: list[Article], model: str | None = None, workers: int = 1) -> Iterator[Brief]:
    """Briefs of `articles` in order: in this process, or in a pool of `workers` processes.

    The pool is only worth its start-up (each worker loads the model) when there
    are at least two chunks of articles to share out."""
    workers = min(workers or default_workers(), -(-len(articles) // CHUNK))
    if workers <= 1 or len(articles) <= CHUNK:
        docs = parse.parse((a.text for a in articles), model)
        for article, doc in zip(articles, docs):
            yield extract_doc(doc, article)
        return
    chunks = list(split_chunks(articles, workers, CHUNK))
    ctx = multiprocessing.get_context(start_method())
    with ctx.Pool(workers, initializer=_worker_start, initargs=(model,)) as pool:
        for briefs in pool.imap(_worker_extract, [(model, chunk) for chunk in chunks]):
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


def _worker_start(model: str | None) -> None:
    parse.load_nlp(model)  # once per worker, before the first chunk arrives


def _worker_extract(task: tuple[str | None, list[Article]]) -> list[Brief]:
    model, articles = task
    return list(parse_and_extract(articles, model, workers=1))


def build_corpus(config: Config, paths: list[str | Path] | None = None,
                 progress: Progress | None = None) -> Corpus:
    """Everything render needs, from the configured articles folder (or `paths`)."""
    result = read_paths(paths or [config.path(config.articles)], max_chars=config.max_article_chars)
    cache_dir = config.path(config.cache_dir) if config.cache_dir else None
    workers = config.workers or default_workers()
    briefs = list(extract_articles(result.articles, config.spacy_model, cache_dir, workers, progress))
    return link_briefs(config, briefs, result)


def link_briefs(config: Config, briefs: list[Brief], result) -> Corpus:
    """Link extracted briefs into a Corpus, applying the editor's speakers file.

    Charts drawn from this corpus are cached on disk beside the briefs."""
    charts.use_disk_cache(config.path(config.cache_dir) / "charts" if config.cache_dir else None)
    overrides, override_problems = link.load_overrides(
        config.path(config.speakers_file) if config.speakers_file else None)
    corpus = link.link(briefs, overrides)
    failures = [Problem(b.article.path, note, "partial", "extraction") for b in briefs
                if (note := failed_extraction(b))]
    corpus.problems = result.problems + failures + override_problems
    corpus.files_read = len(result.files)
    corpus.files = result.files
    return corpus
