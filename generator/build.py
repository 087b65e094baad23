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
from collections.abc import Callable
from pathlib import Path

import generator.extract as extract_mod
from generator import correct, link, parse, resources, titles
from generator import model as model_mod
from generator.cache import Cache
from generator.model import Article, Brief, Corpus, Problem
from generator.options import Options
from generator.read import ReadResult, read_paths
from generator.render import charts, render_site
from generator.render.credits import BRIEFS, MARKER, fill_markers
from generator.workers import default_workers, failed_extraction, failure_place, parse_and_extract

Progress = Callable[[int, int], None]  # (articles done, articles in all)
HOME_MARKER = BRIEFS  # where a page lists the latest briefs
HOME_LATEST = 20  # briefs listed on the home page; the briefs index lists them all


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

        return {f"briefs/{b.article.id}.pdf": pdf.brief_pdf(b, corpus, cache=self.cache, colours=corpus.colours)
                for b in corpus.briefs}

    def site(self, corpus: Corpus, docs: dict[str, str | None] | None = None) -> dict[str, str | bytes]:
        """Every file quotebrief adds to a site, {path under docs/: text or bytes}, for the CLI and
        the plugin alike: the pages, a PDF of each brief (`pdf: true`), the stylesheets and scripts,
        a home page, and every page that holds a marker (render/credits.py: the latest briefs, the
        sources) filled in.

        `docs`: the site's own files (path -> Markdown source of a page, None for any other file);
        a stylesheet, script or home page of its own wins, and its pages that hold a marker come
        back filled in (generated, so that a dirty build sees them change with the corpus)."""
        docs = docs or {}
        out: dict[str, str | bytes] = dict(self.render(corpus))
        if self.options.pdf:
            out.update(self.pdfs(corpus))
        out.update({path: text for path, text in resources.assets().items() if path not in docs})
        if "index.md" not in docs:
            out["index.md"] = resources.read_text("scaffold", "docs", "index.md")
        out.update({path: source for path, source in docs.items() if source and MARKER in source})
        for path, content in out.items():
            if path.endswith(".md") and isinstance(content, str) and MARKER in content:
                out[path] = fill_markers(content, corpus, HOME_LATEST)
        return out

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
    """The extractor's version plus a hash of its source and data (the confidence model's weights:
    a refit alone changes every claim's confidence), of the modules it uses and of the parse
    stage's own components, so an edited extractor never reuses stale briefs."""
    h = hashlib.sha256(extract_mod.EXTRACTOR_VERSION.encode("utf-8"))
    folder = Path(extract_mod.__file__).parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("*.json")]):
        h.update(path.read_bytes())
    for module in (parse, model_mod, titles):
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
