"""The MkDocs plugin and the cache: unchanged articles are never parsed again; serve watches the right paths."""

import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import make_build
from generator import parse

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
TWO = ["2008-12-23-hamas-ends-truce.md", "2009-01-18-israel-announces-gaza-ceasefire.md"]


@pytest.fixture
def folder(tmp_path):
    """Two sample articles in a folder of their own."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in TWO:
        shutil.copy(ARTICLES / name, articles / name)
    return tmp_path


@pytest.fixture
def parses(monkeypatch):
    """Count the texts that go through spaCy."""
    seen = []
    real = parse.parse

    def counting(texts, *args, **kwargs):
        for text in texts:
            seen.append(text)
            yield from real([text], *args, **kwargs)

    monkeypatch.setattr(parse, "parse", counting)
    return seen


def test_disk_cache_means_an_unchanged_article_is_never_parsed_again(folder, parses):
    def corpus():  # a new Build each time: a new process, as far as memory goes
        return make_build(folder, articles="articles", cache_dir=str(folder / "cache"), workers=1).corpus()

    first = corpus()
    assert len(parses) == 2
    second = corpus()
    assert len(parses) == 2, "a cached article was parsed again"
    assert [b.to_dict() for b in first.briefs] == [b.to_dict() for b in second.briefs]
    path = folder / "articles" / TWO[0]
    path.write_text(path.read_text("utf-8") + "\n\n\"We will not stop,\" said Fawzi Barhum.\n", "utf-8")
    corpus()
    assert len(parses) == 3 and "We will not stop" in parses[-1]


def _plugin(folder, cache_dir="", **values):
    """The plugin as MkDocs makes it for a mkdocs.yml in `folder`."""
    from generator.plugin import QuotebriefPlugin

    plugin = QuotebriefPlugin()
    errors, _ = plugin.load_config({"articles": "articles", "cache_dir": cache_dir, "workers": 1, **values},
                                   config_file_path=str(folder / "mkdocs.yml"))
    assert not errors, errors
    return plugin


def _rebuild(plugin, folder):
    """What one (complete) `mkdocs serve` rebuild asks of the plugin's Build."""
    plugin.on_pre_build(SimpleNamespace(config_file_path=str(folder / "mkdocs.yml")))
    corpus = plugin.build.corpus()
    plugin.build.finish()
    return corpus


def test_plugin_keeps_briefs_in_memory_across_rebuilds(folder, parses):
    plugin = _plugin(folder)  # no disk cache: only the in-memory one can help
    corpus = _rebuild(plugin, folder)
    assert len(parses) == 2 and len(corpus.briefs) == 2
    _rebuild(plugin, folder)
    assert len(parses) == 2, "rebuild parsed an unchanged article"
    # edit one article: only it is parsed again
    path = folder / "articles" / TWO[1]
    path.write_text(path.read_text("utf-8") + "\n\nAn added line.\n", "utf-8")
    _rebuild(plugin, folder)
    assert len(parses) == 3
    # add one, delete one
    new = "2007-11-28-annapolis-joint-understanding.md"
    shutil.copy(ARTICLES / new, folder / "articles" / new)
    (folder / "articles" / TWO[0]).unlink()
    corpus = _rebuild(plugin, folder)
    assert len(parses) == 4
    assert sorted(b.article.id for b in corpus.briefs) == sorted(
        ["2009-01-18-israel-announces-gaza-ceasefire", "2007-11-28-annapolis-joint-understanding"])
    briefs = [slot for slot in plugin.build.cache.memory if slot[0] == "briefs"]
    assert len(briefs) == 2  # forgotten: the deleted article and the old version of the edited one


def test_plugin_applies_the_speakers_file(folder, parses):
    (folder / "speakers.yml").write_text("not_speakers: [Fawzi Barhum]\n", "utf-8")
    corpus = _rebuild(_plugin(folder, speakers_file="speakers.yml"), folder)
    assert not [sid for sid in corpus.speakers if sid.startswith("fawzi-barh")]
    assert any("'Fawzi Barhum' is not a speaker" in n for n in corpus.speaker_notes)


def test_speakers_yml_beside_mkdocs_yml_is_used_when_the_option_is_not_set(folder, parses):
    (folder / "speakers.yml").write_text("not_speakers: [Fawzi Barhum]\n", "utf-8")
    assert not [sid for sid in _rebuild(_plugin(folder), folder).speakers if sid.startswith("fawzi-barh")]


class _Server:
    def __init__(self):
        self.watched = []

    def watch(self, path, *args, **kwargs):
        self.watched.append(path)


def test_serve_watches_articles_and_speakers_file_from_any_cwd(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for config_file in (str(ROOT / "mkdocs.yml"), os.path.relpath(ROOT / "mkdocs.yml", elsewhere)):
        config = load_config(config_file=config_file)
        plugin = config.plugins["quotebrief"]
        server = _Server()
        plugin.on_serve(server, config=config, builder=None)
        assert str(ARTICLES) in server.watched, server.watched
        assert str(ROOT / "speakers.yml") in server.watched


def test_plugin_object_and_its_memory_survive_a_config_reload():
    """`mkdocs serve` reloads the config on every rebuild; the plugin (it has on_startup) is reused."""
    from mkdocs.config import load_config

    first = load_config(config_file=str(ROOT / "mkdocs.yml")).plugins["quotebrief"]
    second = load_config(config_file=str(ROOT / "mkdocs.yml")).plugins["quotebrief"]
    assert second is first


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, ""


def _until(check, timeout=120.0):
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.5)
    return False


def _search_locations(base):
    status, body = _get(base + "search/search_index.json")
    return {d["location"].split("#")[0] for d in json.loads(body)["docs"]} if status == 200 else set()


@pytest.mark.slow
@pytest.mark.parametrize("mode", [[], ["--dirty"]], ids=["clean", "dirty"])
def test_mkdocs_serve_refreshes_edited_added_and_deleted_articles(folder, tmp_path, mode):
    """A real `mkdocs serve` (also `--dirty`, as `make serve` runs it), started from another folder:
    each change shows, only it is extracted, and a dirty rebuild renders only the pages that changed
    while the search index keeps every page."""
    import subprocess
    import sys

    import yaml
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as f:
        config = yaml_load(f)  # MkDocs' loader: mkdocs.yml has an !ENV tag
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")  # the theme overrides stay in the project
    # a copy of the project's brief cache, so this site's build never prunes the project's own
    cache = tmp_path / "cache"
    project_cache = ROOT / ".cache" / "quotebrief"
    if project_cache.is_dir():
        shutil.copytree(project_cache, cache, ignore=shutil.ignore_patterns("pages", "pdf", "charts"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "quotebrief" in plugin:
            plugin["quotebrief"].update({"articles": "articles", "cache_dir": str(cache), "workers": 1})
            plugin["quotebrief"].pop("speakers_file", None)  # this project has none
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *mode, "--livereload", "-f",
                             str(folder / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                            cwd=elsewhere, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    brief = base + "briefs/2009-01-18-israel-announces-gaza-ceasefire/"
    try:
        assert _until(lambda: _get(brief)[0] == 200, 180), open(log.name).read()[-2000:]
        indexed = _search_locations(base)
        assert "briefs/2008-12-23-hamas-ends-truce/" in indexed
        # edit: a new quote appears on the brief and on the speaker's page
        path = folder / "articles" / TWO[1]
        path.write_text(path.read_text("utf-8") + "\n\n\"We will keep the crossings open,\" said Fawzi Barhum.\n",
                        "utf-8")
        assert _until(lambda: "keep the crossings open" in _get(brief)[1]), open(log.name).read()[-2000:]
        # "Fawzi Barhum" and "Fawzi Barhoum" are one man: his page bears one of the two spellings
        assert any("keep the crossings open" in _get(base + f"speakers/{sid}/")[1]
                   for sid in ("fawzi-barhum", "fawzi-barhoum"))
        assert _until(lambda: _search_locations(base) == indexed), "the search index lost or gained pages"
        # add
        new = "2007-11-28-annapolis-joint-understanding.md"
        (folder / "articles" / new).write_text((ARTICLES / new).read_text("utf-8"), "utf-8")
        assert _until(lambda: _get(base + "briefs/2007-11-28-annapolis-joint-understanding/")[0] == 200)
        # delete
        (folder / "articles" / TWO[0]).unlink()
        assert _until(lambda: _get(base + "briefs/2008-12-23-hamas-ends-truce/")[0] == 404)
        assert _until(lambda: "briefs/2008-12-23-hamas-ends-truce/" not in _search_locations(base))
        assert "briefs/2007-11-28-annapolis-joint-understanding/" in _search_locations(base)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    text = open(log.name, encoding="utf-8").read()
    extracted = [int(n) for n in re.findall(r"articles \((\d+) extracted", text)]
    assert extracted[0] <= 2 and 1 in extracted[1:] and max(extracted[1:]) <= 1, extracted
    if mode:  # after the edit, only the pages whose content changed were marked for rendering
        counts = [tuple(map(int, m)) for m in re.findall(r"(\d+) generated pages, (\d+) changed", text)]
        assert counts[0][0] == counts[0][1] and 0 < counts[1][1] < counts[1][0], counts


# ---------------------------------------------------------------- page cache (converted HTML)

SITE_YML = """\
site_name: cache test
theme:
  name: material
  font: false
plugins:
  - search
  - tags
  - quotebrief:
      articles: articles
      cache_dir: {cache}
      workers: 1
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
"""


@pytest.fixture
def project(folder):
    """A tiny MkDocs project: two articles, three pages of its own (one with a broken link)."""
    docs = folder / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n<!-- quotebrief:briefs -->\n\nSee [the notes](notes.md).\n", "utf-8")
    (docs / "notes.md").write_text("# Notes\n\n## First {#first}\n\nText.\n\n## Second\n\n"
                                   "[Back](index.md#home) and [away](gone.md).\n", "utf-8")
    (docs / "extra.md").write_text("---\ntags: [x]\n---\n# Extra\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "utf-8")
    return folder


@pytest.fixture
def conversions(monkeypatch):
    """Count Markdown conversions (Python-Markdown's convert) of real Markdown: a cached page hands
    MkDocs empty Markdown, whose conversion costs nothing."""
    import markdown

    seen = []
    real = markdown.Markdown.convert

    def counting(self, source):
        if source:
            seen.append(source)
        return real(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    return seen


def _build_site(project, site, cache="cache", memory=False):
    """One `mkdocs build` in this process; memory=False starts without the plugin's in-memory pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (project / "mkdocs.yml").write_text(SITE_YML.format(cache=cache or "''"), "utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / site))
    plugin = config.plugins["quotebrief"]
    if not memory and plugin.build is not None:
        plugin.build.cache.memory.clear()
    build(config)
    return plugin


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _outputs(site: Path) -> dict[str, bytes]:
    """Every HTML page and the search index of a built site."""
    paths = [p for p in site.rglob("*.html")] + [site / "search" / "search_index.json"]
    return {str(p.relative_to(site)): p.read_bytes() for p in paths}


def test_page_cache_skips_conversion_of_unchanged_pages_and_changes_nothing(project, conversions):
    plain = _build_site(project, "plain", cache="")  # no disk cache, empty memory: every page converted
    pages = len(conversions)
    assert pages > 10 and plain.pages.converted == pages and plain.pages.reused == 0
    expected = _outputs(project / "plain")
    assert "notes/index.html" in expected

    _build_site(project, "cold")  # fills the disk cache
    assert len(conversions) == 2 * pages
    assert _outputs(project / "cold") == expected
    cached = project / "cache" / "pages"
    assert len(entries(cached)) == pages

    plugin = _build_site(project, "from-disk")  # a fresh process would start like this
    assert len(conversions) == 2 * pages, "an unchanged page was converted again"
    assert plugin.pages.reused == pages
    assert _outputs(project / "from-disk") == expected

    (project / "cache").rename(project / "away")  # `mkdocs serve` rebuild: only the memory can answer
    _build_site(project, "from-memory", memory=True)
    (project / "away").rename(project / "cache")
    assert len(conversions) == 2 * pages
    assert _outputs(project / "from-memory") == expected

    # an edited page is converted again, and only it; its old entry is pruned
    notes = project / "docs" / "notes.md"
    notes.write_text(notes.read_text("utf-8").replace("Text.", "Edited text."), "utf-8")
    plugin = _build_site(project, "edited")
    assert len(conversions) == 2 * pages + 1 and "Edited text." in conversions[-1]
    assert plugin.pages.converted == 1
    assert "Edited text." in (project / "edited" / "notes" / "index.html").read_text("utf-8")
    assert len(entries(cached)) == pages

    # a page added (that no page links to) is converted; the others are not
    (project / "docs" / "new.md").write_text("# New\n\n[Notes](notes.md#first)\n", "utf-8")
    plugin = _build_site(project, "added")
    assert plugin.pages.converted == 1 and plugin.pages.reused == pages
    assert len(entries(cached)) == pages + 1


def test_damaged_page_cache_entry_is_ignored_and_rewritten(project, conversions):
    _build_site(project, "cold")
    expected = _outputs(project / "cold")
    damaged = entries(project / "cache" / "pages")
    damaged[0].write_text("{not json", "utf-8")
    damaged[1].write_text('{"content": 3}', "utf-8")
    before = len(conversions)
    _build_site(project, "again")
    assert len(conversions) == before + 2
    assert _outputs(project / "again") == expected
    assert json.loads(damaged[0].read_text("utf-8"))["content"]


def test_cached_page_still_warns_about_its_broken_link_and_a_removed_target(project, caplog):
    import logging

    def warnings():
        return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    with caplog.at_level(logging.INFO):
        _build_site(project, "cold")
        assert any("'gone.md'" in w for w in warnings()), warnings()
        caplog.clear()
        plugin = _build_site(project, "cached")
        assert plugin.pages.converted == 0
        assert any("'gone.md'" in w for w in warnings()), "a cached page lost its warning"
        caplog.clear()
        (project / "docs" / "notes.md").unlink()  # index.md links to it, and index.md did not change
        _build_site(project, "removed")
        assert any("'notes.md'" in w for w in warnings()), warnings()


def test_idle_collector_collects_between_builds_and_leaks_nothing():
    import gc
    import time
    import weakref

    from generator.plugin.idle import IdleCollector

    class Node:
        pass

    idle = IdleCollector(delay=0.05)
    try:
        idle.build_done()
        assert _until(lambda: idle.collections == 1, timeout=5)
        assert gc.get_freeze_count() > 0  # the heap is frozen until the next idle moment
        idle.build_done()
        idle.build_started()  # an edit came first: collected as the build starts, not in its middle
        assert idle.collections == 2
        time.sleep(0.3)
        assert idle.collections == 2
        idle.build_started()  # nothing left since: no second walk of the heap
        assert idle.collections == 2
        node = Node()
        node.me = node  # a cycle, frozen while alive
        gone = weakref.ref(node)
        idle.build_done()
        idle.build_started()
        del node
        assert gone() is not None  # garbage now, but frozen
        idle.build_done()
        assert _until(lambda: gone() is None, timeout=5)  # the next idle moment unfreezes, then collects
    finally:
        idle.stop()
    assert gc.get_freeze_count() == 0


def test_speakers_pages_per_initial_build_strict_with_every_link_resolved(folder, tmp_path, monkeypatch):
    """The pages per initial of a large corpus, in a real build: out of the navigation, every
    link to a speaker page or a brief section resolved (strict fails on a broken one)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.render import pages as render_pages

    monkeypatch.setattr(render_pages, "SPEAKERS_ON_ONE_PAGE", 1)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(SITE_YML.format(cache="''") + "strict: true\n", "utf-8")
    config = load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    site = tmp_path / "site"
    letters = sorted((site / "speakers" / "by-letter").iterdir())
    assert len(letters) >= 3 and all((d / "index.html").is_file() for d in letters)
    page = (letters[0] / "index.html").read_text("utf-8")
    assert "Speakers heard most" in page and 'href="../../../briefs/' in page
    nav = (site / "index.html").read_text("utf-8")
    assert "by-letter" not in nav.split('class="md-content"')[0]  # not in the navigation


def test_idle_collector_collects_at_once_after_a_long_build(monkeypatch):
    from generator.plugin import idle as idle_mod

    idle = idle_mod.IdleCollector(delay=60)
    monkeypatch.setattr(idle_mod, "LONG_BUILD", 0.0)
    try:
        idle.build_started()
        idle.build_done()  # a long build (any, here): no waiting for the idle moment
        assert idle.collections == 1 and idle.timer is None
        monkeypatch.setattr(idle_mod, "LONG_BUILD", 3600.0)
        idle.build_started()
        idle.build_done()  # a short one: later
        assert idle.collections == 1 and idle.timer is not None
    finally:
        idle.stop()


# ---------------------------------------------------------------- dirty builds (issue 26)

def _index_entries(site: Path) -> list[str]:
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return sorted(json.dumps(d, sort_keys=True) for d in docs)


def test_dirty_search_index_after_fast_edits_equals_a_fresh_builds(project, tmp_path):
    """Renames, deletes and rewrites in a row under `mkdocs serve --dirty`: Material's search plugin
    carries its last index over and drops the old entries of only the first page rendered, so the
    index piled up copies of every other page rendered again (144 entries against 98, timeline/,
    speakers/, briefs/ and topic pages three times each, one of them stale)."""
    import subprocess
    import sys

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cache = tmp_path / "cache"
    (project / "mkdocs.yml").write_text(SITE_YML.format(cache=cache), "utf-8")
    site = project / "site"

    def serve_build():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        build(config, dirty=True)

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        articles = project / "articles"
        a, b = (articles / name for name in TWO)
        original = a.read_text("utf-8")
        a.rename(articles / "renamed.md")
        serve_build()
        (articles / "renamed.md").write_text(original + '\n\n"We will not stop," said Ehud Barak.\n', "utf-8")
        serve_build()
        b_text = b.read_text("utf-8")
        b.unlink()
        serve_build()
        b.write_text(b_text.replace("ceasefire", "truce"), "utf-8")  # saved again, by replacing the file
        serve_build()
        (articles / "renamed.md").write_text(original, "utf-8")
        serve_build()
    finally:
        config.plugins.on_shutdown()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    fresh = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                            "-d", str(tmp_path / "fresh")], capture_output=True, text=True, cwd=project, env=env)
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    dirty, clean = _index_entries(site), _index_entries(tmp_path / "fresh")
    assert len(dirty) == len(clean), (len(dirty), len(clean))
    assert dirty == clean
