"""MkDocs plugin: runs the pipeline and hands MkDocs the pages as virtual files.

Nothing is written into docs/ (that would make `mkdocs serve` rebuild in a
loop); the articles folder is added to serve's watch list instead.
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


class PluginConfig(MkDocsConfig):
    articles = c.Type(str, default="articles")
    spacy_model = c.Optional(c.Type(str))
    cache_dir = c.Type(str, default=".cache/quotebrief")
    workers = c.Type(int, default=0)
    strict = c.Type(bool, default=False)
    pdf = c.Type(bool, default=False)
    speakers_file = c.Type(str, default="speakers.yml")


class QuotebriefPlugin(BasePlugin[PluginConfig]):
    def __init__(self):
        super().__init__()
        self.corpus = None

    def _config(self, mkdocs_config) -> Config:
        base = Path(mkdocs_config.config_file_path).parent
        return Config(
            articles=self.config.articles, spacy_model=self.config.spacy_model,
            cache_dir=self.config.cache_dir, workers=self.config.workers, strict=self.config.strict,
            pdf=self.config.pdf, speakers_file=self.config.speakers_file,
            base_dir=base,
        )

    def on_files(self, files, config):
        from generator import render
        from generator.pipeline import build_corpus

        cfg = self._config(config)
        self.corpus = build_corpus(cfg)
        for problem in self.corpus.problems:
            log.warning(str(problem)) if problem.severity == "skipped" else log.info(str(problem))
        log.info(f"quotebrief: {self.corpus.files_read} files read, {len(self.corpus.briefs)} articles")
        if cfg.strict and any(p.severity == "skipped" for p in self.corpus.problems):
            raise PluginError("quotebrief: article files were skipped (strict mode); see the messages above")
        for path, content in render.render_site(self.corpus).items():
            if files.get_file_from_path(path) is not None:
                files.remove(files.get_file_from_path(path))
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if HOME_MARKER in markdown and self.corpus is not None:
            from generator import render

            markdown = markdown.replace(HOME_MARKER, render.briefs_list(self.corpus))
        return markdown

    def on_serve(self, server, config, builder):
        articles = self._config(config).path(self.config.articles)
        if articles.exists():
            server.watch(str(articles))
        return server
