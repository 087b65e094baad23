"""MkDocs plugin: runs the pipeline and hands MkDocs the pages as virtual files.

Nothing is written into docs/ (that would make `mkdocs serve` rebuild in a
loop); the articles folder and the speakers file are added to serve's watch
list instead. The plugin object lives for the whole `mkdocs serve` (it has
`on_startup`), and keeps every extracted brief in memory by content key, so a
rebuild after an edit extracts only the article that changed.
"""

from __future__ import annotations

import logging
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

    def on_startup(self, *, command, dirty):
        """Present so that MkDocs keeps this object (and its cache) across `mkdocs serve` rebuilds."""

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
            self.add_brief_pdfs(files, config)
        return files

    def add_brief_pdfs(self, files, config) -> None:
        """`pdf: true`: a PDF of each brief (generator/pdf.py, WeasyPrint), linked from its page."""
        from generator import pdf

        self.pdf_pages = {}
        for brief in self.corpus.briefs:
            name = f"{brief.article.id}.pdf"
            files.append(File.generated(config, f"briefs/{name}", content=pdf.brief_pdf(brief, self.corpus)))
            self.pdf_pages[f"briefs/{brief.article.id}.md"] = name

    def on_page_markdown(self, markdown, page, config, files):
        if HOME_MARKER in markdown and self.corpus is not None:
            from generator import render

            markdown = markdown.replace(HOME_MARKER, render.briefs_list(self.corpus, limit=HOME_LATEST))
        if self.config.pdf and page.file.src_uri in self.pdf_pages:
            from generator import pdf

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
        which is enough to find the page by a tag."""
        import json

        from generator import write

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
