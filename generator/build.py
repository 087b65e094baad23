"""The build: read -> parse -> extract -> link -> render, in that order, in one place.

The CLI and the MkDocs plugin are thin faces over a `Build` (as MkDocs' commands/build.py
is the one sequence its events hang on). A Build owns the options and the cache; each
step is a method that takes the previous step's result, so a face can run them all
(`corpus`, then `pages`) or stop early (`quotebrief extract` needs no pages).

Speed: spaCy is loaded once per process, and only when some article is not in the cache.
Articles go through `nlp.pipe` in batches; with several workers a process pool parses
chunks of articles in parallel and the briefs come back in article order. A Doc is reduced
to its Brief at once and never kept, so memory stays flat however many articles there are.
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
from generator import correct, link, parse
from generator import model as model_mod
from generator.cache import Cache
from generator.link import topics
from generator.model import Article, Brief, Corpus, Problem
from generator.options import Options
from generator.read import ReadResult, read_paths
from generator.render import charts, render_site

CHUNK = parse.BATCH_SIZE  # articles per task sent to a pool worker
Progress = Callable[[int, int], None]  # (articles done, articles in all)
EXTRACTION_FAILED = "extraction failed"


class Build:
    """One run of the pipeline over the configured articles; kept across `mkdocs serve` rebuilds."""

    def __init__(self, options: Options, base_dir: Path | None = None, warn: Callable[[str], None] | None = None):
        self.options = options
        self.base_dir = Path(base_dir) if base_dir else Path(options.config_file_path or "x").resolve().parent
        folder = self.path(options.cache_dir) if options.cache_dir else None
        self.cache = Cache(folder, memory=("briefs", "charts", "pages"), memory_only=("rendered", "read"), warn=warn)
        self.extracted = 0  # articles parsed by this Build (the rest came from the cache)

    def path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.base_dir / p

    @property
    def speakers_file(self) -> Path | None:
        """The editor's speakers file: the option, else speakers.yml beside mkdocs.yml when there is one."""
        if self.options.speakers_file:
            return Path(self.options.speakers_file)
        default = self.base_dir / "speakers.yml"
        return default if default.is_file() else None

    @property
    def corrections_file(self) -> Path | None:
        """The editor's corrections: the option, else corrections.yml beside mkdocs.yml when there is one."""
        if self.options.corrections_file:
            return Path(self.options.corrections_file)
        default = self.base_dir / "corrections.yml"
        return default if default.is_file() else None

    # ------------------------------------------------------------------ the steps, in order
    def read(self, paths: list[str | Path] | None = None) -> ReadResult:
        return read_paths(paths or [self.path(self.options.articles)], max_chars=self.options.max_article_chars,
                          follow_links=self.options.follow_links, cache=self.cache)

    def extract(self, articles: list[Article], progress: Progress | None = None) -> list[Brief]:
        """Briefs in article order; only articles missing from the cache go through spaCy."""
        model = self.options.spacy_model
        fingerprint = parse.model_fingerprint(model)
        stances = self.options.stances
        keys = [brief_key(a, fingerprint, stances) for a in articles]
        cached = [self.cache.load("briefs", k, decode_brief) for k in keys]
        todo = [a for a, c in zip(articles, cached, strict=False) if c is None]
        self.extracted += len(todo)
        if self.options.scheduler and todo:
            from generator import distributed

            fresh = distributed.parse_and_extract(todo, self.options.scheduler, model, stances)
        else:
            fresh = parse_and_extract(todo, model, self.options.workers or default_workers(), stances)
        briefs = []
        for done, (key, brief) in enumerate(zip(keys, cached, strict=False), 1):
            if brief is None:
                brief = next(fresh)
                if not failed_extraction(brief):  # a failure is tried again next build
                    self.cache.store("briefs", key, brief, encode_brief)
            briefs.append(brief)
            if progress is not None:
                progress(done, len(articles))
        return briefs

    def corrections(self) -> correct.Corrections:
        """The editor's corrections file, checked (CorrectionsError, one line, when it is malformed)."""
        return correct.load_corrections(self.corrections_file)

    def correct(self, briefs: list[Brief], corrections: correct.Corrections,
                complete: bool = True) -> tuple[list[Brief], list[Problem]]:
        """The corrections applied to copies of the briefs; with `complete` (every article of the
        site read), an entry that matches no claim is reported."""
        return correct.apply_corrections(briefs, corrections, report_stale=complete)

    def link(self, briefs: list[Brief], result: ReadResult) -> Corpus:
        """Link extracted briefs into a Corpus, applying the editor's speakers file."""
        overrides, override_problems = link.load_overrides(self.speakers_file)
        corpus = link.link(briefs, overrides)
        failures = [Problem(b.article.path, note, "partial", failure_place(b)) for b in briefs
                    if (note := failed_extraction(b))]
        corpus.problems = result.problems + failures + override_problems
        corpus.files_read = len(result.files)
        corpus.files = result.files
        return corpus

    def render(self, corpus: Corpus) -> dict[str, str]:
        """The site's generated pages, {path under docs/: Markdown or SVG}; charts through the cache."""
        return render_site(corpus, self.options.page_min_articles, charts.Drawer(self.cache))

    def pdfs(self, corpus: Corpus) -> dict[str, bytes]:
        """`pdf: true`: a PDF of each brief, {path under docs/: bytes}, laid out once per content."""
        from generator.render import pdf
        from generator.render.pages import speaker_colours

        colours = speaker_colours(corpus)  # the site's colours, worked out once
        return {f"briefs/{b.article.id}.pdf": pdf.brief_pdf(b, corpus, cache=self.cache, colours=colours)
                for b in corpus.briefs}

    # ------------------------------------------------------------------ whole runs
    def corpus(self, paths: list[str | Path] | None = None, progress: Progress | None = None) -> Corpus:
        """read -> parse and extract -> correct -> link."""
        corrections = self.corrections()  # first: a malformed file stops the build before minutes of extraction
        result = self.read(paths)
        # stale corrections are only told of when a whole folder was read, not one article of it
        whole = not paths or (len(paths) == 1 and Path(paths[0]).is_dir())
        briefs, notes = self.correct(self.extract(result.articles, progress), corrections, complete=whole)
        corpus = self.link(briefs, result)
        corpus.problems += notes
        return corpus

    def start(self) -> None:
        """A new complete build: what it uses of the cache is kept by `finish`."""
        self.cache.start_build()

    def finish(self, complete: bool = True) -> int:
        """After a build: drop what it did not use of the cache kept in memory only, and after a
        complete build every cache entry it did not use; how many went from disk."""
        if complete:
            return self.cache.prune()  # memory included
        self.cache.forget_unused()
        return 0


# ---------------------------------------------------------------------- brief cache entries
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


def brief_key(article: Article, model_name: str, stances: bool = False) -> str:
    """Hash of what an extraction depends on: the article, the model, the extractor and its settings."""
    return Cache.key("brief", article.to_dict(), model_name, extractor_fingerprint(), {"stances": stances})


def encode_brief(brief: Brief) -> bytes:
    return json.dumps(brief.to_dict(), ensure_ascii=False).encode("utf-8")


def decode_brief(data: bytes) -> Brief:
    """A cached Brief; ValueError (and so a fresh extraction) unless it is whole and fits its article."""
    brief = Brief.from_dict(json.loads(data))
    check_brief(brief)
    return brief


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


# ---------------------------------------------------------------------- parse and extract
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
    with ctx.Pool(workers, initializer=_worker_start, initargs=(model,)) as pool:
        for briefs in pool.imap(_worker_extract, [(model, chunk, stances) for chunk in chunks]):
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


def _worker_extract(task: tuple[str | None, list[Article], bool]) -> list[Brief]:
    model, articles, stances = task
    return list(parse_and_extract(articles, model, workers=1, stances=stances))
