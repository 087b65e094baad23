"""The MkDocs plugin: a thin face over generator.build.Build, wired to MkDocs' events.

on_files runs the build (read, extract, link, render) and hands MkDocs the pages as
virtual files: nothing is written into docs/ (that would make `mkdocs serve` rebuild in a
loop); the articles folder and the speakers file are added to serve's watch list instead.
The plugin object lives for the whole `mkdocs serve` (it has `on_startup`), and so does
its Build with the cache's memory: a rebuild after an edit extracts only the article that
changed, redraws only the charts whose numbers changed and converts only the pages whose
Markdown changed (page_cache.py, through on_page_markdown and on_page_content).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator import resources
from generator.build import Build
from generator.options import Options
from generator.plugin import config as plugin_config
from generator.plugin.dirty import DirtyState
from generator.plugin.idle import IdleCollector
from generator.plugin.page_cache import MemoryBytecodeCache, PageCache

log = logging.getLogger("mkdocs.plugins.quotebrief")
HOME_MARKER = "<!-- quotebrief:briefs -->"
HOME_LATEST = 20  # briefs listed on the home page; the briefs index lists them all


def forget_search_index(plugin) -> None:
    """Make Material's search plugin write the entries of this build's pages only.

    Under `--dirty` it keeps its last index and, assuming one page was rendered, drops the old
    entries of the first page rendered alone: every other page rendered again was indexed twice
    more at each rebuild (and a stale copy kept). DirtyState.merge_search_index puts back the
    last build's entries of the pages not rendered again, which is all a dirty index needs."""
    if hasattr(plugin, "search_index_prev"):
        plugin.search_index_prev = None


class QuotebriefPlugin(BasePlugin[Options]):
    def __init__(self):
        super().__init__()
        self.build: Build | None = None
        self.corpus = None
        self.pages: PageCache | None = None
        self.pdf_pages: dict[str, str] = {}  # `pdf: true`: brief page -> its PDF's file name
        self.last_extracted = 0  # articles parsed in the last build (not in the cache)
        self.dirty = False
        self.state = DirtyState()  # what the last build made, for `mkdocs serve --dirty`
        self.files_of_build = None
        self.last_report: list[str] = []
        self.theme_bytecode = MemoryBytecodeCache()
        self.idle: IdleCollector | None = None  # `mkdocs serve` only

    def on_startup(self, *, command, dirty):
        """Present so that MkDocs keeps this object (and its Build's cache) across `mkdocs serve` rebuilds."""
        self.dirty = dirty
        if command == "serve":
            self.idle = IdleCollector()

    def on_shutdown(self):
        if self.idle is not None:
            self.idle.stop()

    def on_config(self, config):
        """Add what the generated pages need (Markdown extensions, the stylesheets, not_in_nav
        patterns) to the user's settings, replacing none of them; see plugin/config.py."""
        for item in plugin_config.add_to_config(config):
            log.debug(f"quotebrief: added {item}")
        return config

    def _build(self, config) -> Build:
        """The Build for these options, kept while they stay the same (its cache's memory with it)."""
        if self.build is None or dict(self.build.options) != dict(self.config):
            self.build = Build(self.config, base_dir=Path(config.config_file_path).resolve().parent,
                               warn=lambda message: log.info(message))  # INFO: a cache problem never fails --strict
            self.pages = PageCache(self.build.cache)
        return self.build

    def on_pre_build(self, config):
        if self.idle is not None:
            self.idle.build_started()
        self._build(config).start()
        self.pages.start_build()
        if self.dirty:
            for plugin in config.plugins.values():
                forget_search_index(plugin)

    def on_files(self, files, config):
        from generator.correct import CorrectionsError
        from generator.distributed import SchedulerError
        from generator.report import console_lines, corpus_report

        before = self.build.extracted
        try:
            self.corpus = self.build.corpus(progress=plugin_config.ProgressLog(log))
        except (SchedulerError, CorrectionsError) as e:
            raise PluginError(f"quotebrief: {e}") from None
        self.last_extracted = self.build.extracted - before
        # INFO, not WARNING: a bad article must not fail `mkdocs build --strict`; the plugin's
        # own `strict` option decides that. The same report is the site's Build report page.
        report = corpus_report(self.corpus)
        lines = [f"quotebrief: {line}" for line in console_lines(report)]
        lines += [f"quotebrief: speakers: {note}" for note in self.corpus.speaker_notes]
        if lines != self.last_report:  # a `mkdocs serve` rebuild says again only a report that changed
            for line in lines:
                log.info(line)
        else:
            log.info(f"quotebrief: the build report is the same as the last build's ({len(lines)} lines)")
        self.last_report = lines
        log.info(f"quotebrief: {len(self.corpus.briefs)} articles ({self.last_extracted} extracted, "
                 f"the rest from the cache), {len(self.corpus.speakers)} speakers")
        if self.config.strict and report.skipped:
            names = ", ".join(f.path for f in report.skipped)
            raise PluginError(f"quotebrief: {len(report.skipped)} article files skipped (strict): {names}")
        generated = dict(self.build.render(self.corpus))
        self.pdf_pages = {}
        if self.config.pdf:
            for path, data in self.build.pdfs(self.corpus).items():
                generated[path] = data
                self.pdf_pages[path.removesuffix(".pdf") + ".md"] = Path(path).name
        for path, css in resources.assets().items():  # a docs/ file of the same path overrides it
            if files.get_file_from_path(path) is None:
                generated[path] = css
        if files.get_file_from_path("index.md") is None:  # no home page of its own: the scaffold's
            generated["index.md"] = resources.read_text("scaffold", "docs", "index.md")
        from generator.render.credits import MARKER, fill_markers

        for file in [f for f in files.documentation_pages() if f.abs_src_path and not f.generated_by]:
            source = Path(file.abs_src_path).read_text("utf-8-sig")
            if MARKER in source:  # a page that shows the corpus: generated, so a dirty build sees it change
                generated[file.src_uri] = source
        for path, content in generated.items():
            if path.endswith(".md") and MARKER in content:
                generated[path] = fill_markers(content, self.corpus, HOME_LATEST)
        self.files_of_build = files
        for file in self.state.files(config, generated):
            if files.get_file_from_path(file.src_uri) is not None:
                files.remove(files.get_file_from_path(file.src_uri))
            files.append(file)
        changed = sum(f.changed for f in files if hasattr(f, "changed"))
        log.info(f"quotebrief: {len(generated)} generated pages, {changed} changed since the last build")
        return files

    def on_env(self, env, config, files):
        """The theme's templates compiled once per `mkdocs serve`, not once per rebuild: MkDocs
        makes a new Jinja environment for every build, and compiling Material's templates
        again was a few tenths of a second of each edit's rebuild (see page_cache.py)."""
        env.bytecode_cache = self.theme_bytecode
        return env

    def on_post_page(self, output, page, config):
        self.state.rendered.add(page.url)
        return output

    @event_priority(-100)  # last: the page cache keys a page by its final Markdown
    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.pdf_pages:
            from generator.render import pdf

            markdown = pdf.add_pdf_link(markdown, self.pdf_pages[page.file.src_uri])
        return self.pages.before_conversion(markdown, page, config, files)

    @event_priority(100)  # first: later plugins see the page's real HTML
    def on_page_content(self, html, page, config, files):
        """The converted (or cached) HTML; the page's title pinned, still HTML-escaped, as its meta title.

        MkDocs takes a title from the page's H1 with its entities kept (&lt;), but
        Material writes `page.title | striptags` into <title>, and striptags unescapes
        them: an article headline "</title><script>..." would become markup there.
        Material prints page.meta.title as it is, so the escaped form is pinned there.
        """
        html = self.pages.after_conversion(html, page)
        if "title" not in page.meta and page.title:
            page.meta["title"] = page.title
        return html

    @event_priority(-100)  # after the search plugin's on_post_build, wherever each is in `plugins`
    def on_post_build(self, config):
        """Keep the search index small and its ranking on names: Material gives every entry of a
        page its tags, and lunr weighs a tag match a million times a text match (a title match a
        thousand times), so a brief tagged "Charles Kennedy" came before his own page for
        "Kennedy". Tags are taken out of the index (the Tags page still lists them; speakers and
        topics are found by their pages' titles and boosts, render/pages.py page_boost). The
        search plugin writes the index in its own on_post_build: this one runs after it (priority
        -100), so the order of the two in `plugins` does not matter. Then, after a complete build,
        the cache drops what this build did not use. Under `mkdocs serve`, garbage is collected a
        moment later (idle.py)."""
        try:
            self._post_build(config)
        finally:
            if self.idle is not None:
                self.idle.build_done()

    def _post_build(self, config):
        from generator import write

        log.info(f"quotebrief: {self.pages.converted} pages converted from Markdown, "
                 f"{self.pages.reused} taken from the page cache")
        # a dirty build skips unchanged pages: their entries on disk are still needed
        self.build.finish(complete=not self.dirty)
        if self.dirty:
            self.state.remove_stale_outputs()
        path = Path(config.site_dir) / "search" / "search_index.json"
        # the site's pages by the URL search entries use (the home page's File.url is "./", its entries "")
        live = {f.url.removeprefix("./") for f in self.files_of_build or ()}
        index = self.state.merge_search_index(path, live, self.dirty)
        if index is None:
            return
        for doc in index.get("docs", []):
            doc.pop("tags", None)
        write.write_text(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))

    def on_serve(self, server, config, builder):
        build = self._build(config)
        for path in (build.path(self.config.articles), build.speakers_file, build.corrections_file):
            if path is not None and path.exists():
                server.watch(str(path))
        return server
