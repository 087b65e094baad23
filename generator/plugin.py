"""MkDocs plugin: runs the pipeline and hands MkDocs the pages as virtual files.

Nothing is written into docs/ (that would make `mkdocs serve` rebuild in a
loop); the articles folder and the speakers file are added to serve's watch
list instead. The plugin object lives for the whole `mkdocs serve` (it has
`on_startup`), and keeps every extracted brief in memory by content key, so a
rebuild after an edit extracts only the article that changed. It also keeps
the HTML that MkDocs converted from each page's Markdown (PageCache), so a
rebuild converts only the pages whose Markdown changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import types
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from generator.config import Config

log = logging.getLogger("mkdocs.plugins.quotebrief")
HOME_MARKER = "<!-- quotebrief:briefs -->"
HOME_LATEST = 20  # briefs listed on the home page; the briefs index lists them all


class PluginConfig(MkDocsConfig):
    articles = c.Type(str, default="articles")
    spacy_model = c.Optional(c.Type(str))
    cache_dir = c.Type(str, default=".cache/quotebrief")
    workers = c.Type(int, default=0)
    strict = c.Type(bool, default=False)
    max_article_chars = c.Type(int, default=100_000)
    pdf = c.Type(bool, default=False)
    speakers_file = c.Type(str, default="speakers.yml")
    page_min_articles = c.Type(int, default=2)


class QuotebriefPlugin(BasePlugin[PluginConfig]):
    def __init__(self):
        super().__init__()
        self.corpus = None
        self.briefs: dict[str, object] = {}  # in-memory cache: pipeline.cache_key -> Brief
        self.extracted = 0  # articles sent to extraction by this plugin object (memory misses)
        self.pdf_pages: dict[str, str] = {}  # `pdf: true`: brief page -> its PDF's file name
        self.last_extracted = 0  # the same, in the last build
        self.pages = PageCache()  # converted HTML of pages, by their Markdown and build settings
        self.dirty = False

    def on_startup(self, *, command, dirty):
        """Present so that MkDocs keeps this object (and its cache) across `mkdocs serve` rebuilds."""
        self.dirty = dirty

    def on_pre_build(self, config):
        cfg = self._config(config)
        self.pages.start_build(cfg.path(cfg.cache_dir) / "html" if cfg.cache_dir else None)

    def _config(self, mkdocs_config) -> Config:
        base = Path(mkdocs_config.config_file_path).resolve().parent
        return Config(
            articles=self.config.articles, spacy_model=self.config.spacy_model,
            cache_dir=self.config.cache_dir, workers=self.config.workers, strict=self.config.strict,
            max_article_chars=self.config.max_article_chars,
            pdf=self.config.pdf, speakers_file=self.config.speakers_file,
            page_min_articles=self.config.page_min_articles,
            base_dir=base,
        )

    def build_corpus(self, cfg: Config):
        """pipeline.build_corpus, with briefs kept in memory between rebuilds."""
        from generator import pipeline
        from generator.read import read_paths

        result = read_paths([cfg.path(cfg.articles)], max_chars=cfg.max_article_chars)
        model = cfg.spacy_model or "default"
        keys = [pipeline.cache_key(a, model) for a in result.articles]
        missing = [(a, k) for a, k in zip(result.articles, keys) if k not in self.briefs]
        self.last_extracted = len(missing)
        if missing:
            cache_dir = cfg.path(cfg.cache_dir) if cfg.cache_dir else None
            workers = cfg.workers or pipeline.default_workers()
            fresh = pipeline.extract_articles([a for a, _ in missing], cfg.spacy_model, cache_dir, workers)
            for (_, key), brief in zip(missing, fresh):
                self.briefs[key] = brief
            self.extracted += len(missing)
        self.briefs = {k: self.briefs[k] for k in keys}  # forget deleted and edited articles
        return pipeline.link_briefs(cfg, [self.briefs[k] for k in keys], result)

    def on_files(self, files, config):
        from generator import render
        from generator.report import console_lines, corpus_report

        cfg = self._config(config)
        self.corpus = self.build_corpus(cfg)
        # INFO, not WARNING: a bad article must not fail `mkdocs build --strict`; the plugin's
        # own `strict` option decides that. The same report is the site's Build report page.
        report = corpus_report(self.corpus)
        for line in console_lines(report):
            log.info(f"quotebrief: {line}")
        for note in self.corpus.speaker_notes:
            log.info(f"quotebrief: speakers: {note}")
        log.info(f"quotebrief: {len(self.corpus.briefs)} articles ({self.last_extracted} not in memory), "
                 f"{len(self.corpus.speakers)} speakers")
        if cfg.strict and report.skipped:
            names = ", ".join(f.path for f in report.skipped)
            raise PluginError(f"quotebrief: {len(report.skipped)} article files skipped (strict): {names}")
        for path, content in render.render_site(self.corpus, cfg.page_min_articles).items():
            if files.get_file_from_path(path) is not None:
                files.remove(files.get_file_from_path(path))
            files.append(File.generated(config, path, content=content))
        if cfg.pdf:
            self.add_brief_pdfs(files, config, cfg.path(cfg.cache_dir) / "pdf" if cfg.cache_dir else None)
        return files

    def add_brief_pdfs(self, files, config, cache_dir: Path | None = None) -> None:
        """`pdf: true`: a PDF of each brief (generator/pdf.py, WeasyPrint), linked from its page;
        kept in cache_dir/pdf/, so a rebuild lays out only the briefs that changed."""
        from generator.render import pdf

        self.pdf_pages = {}
        used: set[Path] = set()
        for brief in self.corpus.briefs:
            name = f"{brief.article.id}.pdf"
            content = pdf.brief_pdf(brief, self.corpus, cache_dir=cache_dir, used=used)
            files.append(File.generated(config, f"briefs/{name}", content=content))
            self.pdf_pages[f"briefs/{brief.article.id}.md"] = name
        if cache_dir is not None:
            pdf.prune_pdf_cache(cache_dir, used)  # every brief is laid out above: the rest are stale

    def on_pre_page(self, page, config, files):
        """Route this page's Markdown conversion through the page cache.

        MkDocs calls `page.render(config, files)` right after the on_page_markdown
        events; shadowing the bound method on this one page object makes it look up the
        converted HTML first (see PageCache.render). The class's own render is wrapped,
        so a page object reused by a later build is never wrapped twice.
        """
        page.render = functools.partial(self.pages.render, page, types.MethodType(type(page).render, page))
        return page

    def on_page_markdown(self, markdown, page, config, files):
        if HOME_MARKER in markdown and self.corpus is not None:
            from generator import render

            markdown = markdown.replace(HOME_MARKER, render.briefs_list(self.corpus, limit=HOME_LATEST))
        if self.config.pdf and page.file.src_uri in self.pdf_pages:
            from generator.render import pdf

            markdown = pdf.add_pdf_link(markdown, self.pdf_pages[page.file.src_uri])
        return markdown

    def on_page_content(self, html, page, config, files):
        """Pin each page's title, still HTML-escaped, as its meta title.

        MkDocs takes a title from the page's H1 with its entities kept (&lt;), but
        Material writes `page.title | striptags` into <title>, and striptags unescapes
        them: an article headline "</title><script>..." would become markup there.
        Material prints page.meta.title as it is, so the escaped form is pinned there.
        """
        if "title" not in page.meta and page.title:
            page.meta["title"] = page.title
        return html

    def on_post_build(self, config):
        """Keep the search index small (the browser loads all of it): Material repeats a
        page's tags on every section's entry; they are kept on the page's first entry only,
        which is enough to find the page by a tag. Then forget converted pages this build
        did not use."""
        from generator import write

        log.info(f"quotebrief: {self.pages.converted} pages converted from Markdown, "
                 f"{self.pages.reused} taken from the page cache")
        if not self.dirty:  # a dirty build skips unchanged pages: their entries are still needed
            self.pages.prune()
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text("utf-8"))
        for doc in index.get("docs", []):
            if "#" in doc.get("location", ""):
                doc.pop("tags", None)
        write.write_text(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))

    def on_serve(self, server, config, builder):
        cfg = self._config(config)
        for path in (cfg.path(cfg.articles), cfg.path(cfg.speakers_file) if cfg.speakers_file else None):
            if path is not None and path.exists():
                server.watch(str(path))
        return server


class _Capture(logging.Handler):
    """Collects the log records of one page conversion (each record once)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: dict[int, logging.LogRecord] = {}

    def emit(self, record):
        self.records[id(record)] = record


def _stable(value):
    """JSON form of a setting that is not plain data, the same in every process (no addresses)."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if hasattr(value, "keys") and hasattr(value, "__getitem__"):
        return {str(k): value[k] for k in value.keys()}
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if hasattr(value, "__dict__"):
        return {"type": f"{type(value).__module__}.{type(value).__qualname__}", "vars": vars(value)}
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _extension_files(extensions) -> dict[str, list | None]:
    """Path, size and time of each Markdown extension's module: an upgraded extension may convert differently.

    (Cheaper than looking up distribution versions, which reads every installed package's metadata.)
    """
    import importlib.util
    import os

    found: dict[str, list | None] = {}
    for ext in extensions:
        name = (ext if isinstance(ext, str) else type(ext).__module__).split(":")[0]
        try:
            origin = importlib.util.find_spec(name).origin
            stat = os.stat(origin)
            found[name] = [origin, stat.st_size, stat.st_mtime_ns]
        except (ImportError, ValueError, AttributeError, TypeError, OSError):
            found[name] = None  # a short name ("toc") of Python-Markdown's own: its version is in the key
    return found


def _file_state(file) -> list[str] | None:
    """What a page's conversion reads of a file it links to: its URL and whether it is in the site."""
    return None if file is None else [file.url, str(file.inclusion)]


class _RecordingFiles:
    """The site's Files as one page's conversion sees them, recording every lookup.

    MkDocs' link processor asks `files.get_file_from_path(...)` for each link target
    (and for guesses when a link is broken). Those answers, not the whole file list, are
    what the converted page depends on; any other use of the file list is noted as
    `untracked`, and such a page is not cached.
    """

    def __init__(self, files):
        self._files = files
        self.lookups: dict[str, list[str] | None] = {}
        self.untracked = False

    def get_file_from_path(self, path):
        file = self._files.get_file_from_path(path)
        self.lookups[str(path)] = _file_state(file)
        return file

    def __getattr__(self, name):
        self.untracked = True
        return getattr(self._files, name)

    def __iter__(self):
        self.untracked = True
        return iter(self._files)

    def __len__(self):
        self.untracked = True
        return len(self._files)

    def __contains__(self, path):
        self.untracked = True
        return path in self._files


def _toc_tokens(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)} for a in items]


class PageCache:
    """The HTML, table of contents and title that MkDocs' Page.render made of a page's Markdown.

    On a warm build most of `mkdocs build` is spent converting Markdown that did not
    change. An entry is keyed by the page's final Markdown (after every on_page_markdown),
    its source, URL and inclusion, and a fingerprint of everything else a conversion
    reads: the Markdown extensions, their settings and module files, use_directory_urls,
    link validation settings, the MkDocs and Python-Markdown versions. Links to `x.md`
    become URLs (or warnings when `x.md` is missing), so an entry also records each file
    the conversion looked up, with its URL and inclusion, and is used only while every
    one of them is still the same. Log records of a conversion (an unresolved link...)
    are stored and logged again when the entry is used. Entries live in memory (across
    `mkdocs serve` rebuilds) and, when there is a cache folder, one JSON file each in it;
    a file that cannot be read or used is ignored and rewritten. Entries not used by a
    build are forgotten after it (so two sites sharing one cache_dir evict each other's).
    Not in the key: files an extension reads itself (pymdownx.snippets, an abbreviations
    glossary; none is configured here); after changing one, clear the cache.
    """

    VERSION = 1

    def __init__(self):
        self.folder: Path | None = None
        self.memory: dict[str, dict] = {}
        self.used: set[str] = set()
        self.fingerprint: str | None = None
        self.converted = self.reused = 0

    def start_build(self, folder: Path | None) -> None:
        self.folder, self.used, self.fingerprint = folder, set(), None
        self.converted = self.reused = 0

    def _fingerprint(self, config) -> str:
        import markdown
        import mkdocs
        from mkdocs.structure.pages import log as pages_log

        settings = {
            "version": self.VERSION, "mkdocs": mkdocs.__version__, "markdown": markdown.__version__,
            "extensions": config.markdown_extensions, "mdx_configs": config.mdx_configs,
            "extension_files": _extension_files(config.markdown_extensions),
            "use_directory_urls": config.use_directory_urls, "validation": config.validation,
            "anchor_links": pages_log.getEffectiveLevel() > logging.DEBUG,
        }
        return hashlib.sha256(json.dumps(settings, sort_keys=True, default=_stable).encode()).hexdigest()

    def key(self, page, config) -> str | None:
        if self.fingerprint is None:
            try:
                self.fingerprint = self._fingerprint(config)
            except Exception as e:  # settings that cannot be fingerprinted: no caching in this build
                log.info(f"quotebrief: page cache off for this build ({e})")
                self.fingerprint = ""
        if not self.fingerprint:
            return None
        file = page.file
        parts = (self.fingerprint, file.src_uri, file.url, file.dest_uri, str(file.inclusion), page.markdown)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _load(self, key: str) -> dict | None:
        if key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        try:
            return json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def render(self, page, real_render, config, files) -> None:
        """Stands in for page.render(config, files): restore a cached conversion or convert and store."""
        key = self.key(page, config)
        entry = self._load(key) if key else None
        if entry is not None:
            try:
                self._restore(page, entry, files)
            except Exception:  # a damaged or foreign entry: convert again, and overwrite it
                pass
            else:
                self.reused += 1
                self.memory[key] = entry
                self.used.add(key)
                return
        capture, seen = _Capture(), _RecordingFiles(files)
        loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
        for logger in loggers:
            logger.addHandler(capture)
        try:
            real_render(config, seen)
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
        self.converted += 1
        if key and not seen.untracked:
            self._store(key, page, seen.lookups, capture.records.values())

    def _store(self, key, page, lookups, records) -> None:
        from generator import write

        links = page.links_to_anchors
        entry = {
            "content": page.content,
            "toc": _toc_tokens(page.toc),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            "logs": [[r.name, r.levelno, r.getMessage()] for r in records],
            "lookups": lookups,
        }
        self.memory[key] = entry
        self.used.add(key)
        if self.folder is not None:
            try:
                write.write_text(self._path(key), json.dumps(entry, ensure_ascii=False))
            except OSError as e:
                log.info(f"quotebrief: page cache not written: {e}")

    @staticmethod
    def _restore(page, entry, files) -> None:
        """Set on the page what Page.render sets; raises on an entry of the wrong shape."""
        from mkdocs.structure.toc import get_toc

        for path, state in entry["lookups"].items():
            if _file_state(files.get_file_from_path(path)) != state:
                raise ValueError(f"a file this page links to changed: {path}")
        content, title = entry["content"], entry["title"]
        if not isinstance(content, str) or not (title is None or isinstance(title, str)):
            raise ValueError("bad page cache entry")
        toc = get_toc(entry["toc"])
        anchors = {str(a) for a in entry["anchors"]}
        links = entry["links_to_anchors"]
        if links is not None:
            targets = {uri: files.get_file_from_path(uri) for uri in links}
            if None in targets.values():
                raise ValueError("page cache entry links to a missing file")
            links = {targets[uri]: dict(v) for uri, v in links.items()}
        logs = [(str(name), int(level), str(message)) for name, level, message in entry["logs"]]
        page.content, page.toc, page._title_from_render = content, toc, title
        page.present_anchor_ids = anchors
        if links is not None:
            page.links_to_anchors = links
        for name, level, message in logs:
            logging.getLogger(name).log(level, "%s", message)

    def prune(self) -> None:
        """Forget entries this build did not use, in memory and on disk, so the cache stays the site's size."""
        from generator import write

        self.memory = {k: v for k, v in self.memory.items() if k in self.used}
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*.json"):
            if path.stem not in self.used:
                write.remove(path)
