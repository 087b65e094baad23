"""The plugin in someone else's mkdocs.yml: what on_config adds (and leaves alone), the order of
`search` and `quotebrief`, option errors through a real `mkdocs build`, progress in the log."""

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES
from generator.plugin import config as plugin_config

TWO = ["2008-12-23-hamas-ends-truce.md", "2009-01-18-israel-announces-gaza-ceasefire.md"]


def load(folder: Path, yml: str):
    from mkdocs.config import load_config

    (folder / "mkdocs.yml").write_text(yml, "utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "articles").mkdir(exist_ok=True)
    return load_config(config_file=str(folder / "mkdocs.yml"))


def test_on_config_adds_extensions_css_and_not_in_nav_to_a_bare_mkdocs_yml(tmp_path):
    config = load(tmp_path, "site_name: t\ntheme: {name: material}\nplugins: [search, quotebrief]\n")
    config = config.plugins.on_config(config)
    names = {name.rsplit(".", 1)[-1] for name in config.markdown_extensions}
    assert {"attr_list", "md_in_html", "tables", "toc"} <= names
    assert config.extra_css == ["assets/quotebrief/quotebrief.css", "assets/quotebrief/print.css"]
    assert config.not_in_nav.match_file("briefs/2008-12-23-hamas-ends-truce.md")
    assert config.not_in_nav.match_file("speakers/ayman-taha.md") and config.not_in_nav.match_file("topics/gaza.md")
    for index in ("briefs/index.md", "speakers/index.md", "topics/index.md", "index.md", "timeline.md"):
        assert not config.not_in_nav.match_file(index), index
    assert config.nav is None  # an automatic nav stays automatic


def test_on_config_appends_and_replaces_none_of_the_users_settings(tmp_path):
    yml = """\
site_name: t
theme: {name: material}
plugins: [search, quotebrief]
nav:
  - Home: index.md
  - About: about.md
not_in_nav: |
  /drafts/*.md
extra_css: [mine.css]
markdown_extensions:
  - toc:
      permalink: "#"
      toc_depth: 2
  - markdown.extensions.attr_list
  - admonition
"""
    config = load(tmp_path, yml)
    config = config.plugins.on_config(config)
    assert config.nav == [{"Home": "index.md"}, {"About": "about.md"}]
    assert config.extra_css == ["mine.css", "assets/quotebrief/quotebrief.css", "assets/quotebrief/print.css"]
    assert config.mdx_configs["toc"] == {"permalink": "#", "toc_depth": 2}
    assert "admonition" in config.markdown_extensions
    names = [name.rsplit(".", 1)[-1] for name in config.markdown_extensions]
    assert names.count("attr_list") == 1 and names.count("toc") == 1 and "md_in_html" in names
    assert config.not_in_nav.match_file("drafts/x.md") and config.not_in_nav.match_file("briefs/a.md")
    config = config.plugins.on_config(config)  # a second run (mkdocs serve reloads) adds nothing twice
    assert config.extra_css == ["mine.css", "assets/quotebrief/quotebrief.css", "assets/quotebrief/print.css"]


# ---------------------------------------------------------------- order of plugins

ORDER_YML = """\
site_name: order
theme:
  name: material
  font: false
plugins:
{plugins}
"""
PLUGIN_ENTRIES = {
    "search": "  - search\n",
    "tags": "  - tags\n",
    "quotebrief": "  - quotebrief:\n      articles: articles\n      cache_dir: '{cache}'\n      workers: 1\n",
}


@pytest.mark.slow
def test_search_index_is_the_same_whichever_comes_first_search_or_quotebrief(tmp_path):
    """The plugin trims the index after the search plugin wrote it (on_post_build, priority -100):
    with `search` after `quotebrief` it used to find no index yet, and the index kept every tag list
    (a tag match outweighs a title match a thousand times: briefs came before a speaker's page)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "articles").mkdir()
    for name in TWO:
        shutil.copy(ARTICLES / name, tmp_path / "articles" / name)
    sizes = {}
    for order in (("search", "tags", "quotebrief"), ("tags", "quotebrief", "search")):
        entries = "".join(PLUGIN_ENTRIES[name] for name in order).replace("{cache}", str(tmp_path / "cache"))
        (tmp_path / "mkdocs.yml").write_text(ORDER_YML.format(plugins=entries), "utf-8")
        site = tmp_path / ("site-" + order[0])
        build(load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(site)))
        index = (site / "search" / "search_index.json").read_bytes()
        docs = json.loads(index)["docs"]
        assert not any("tags" in d for d in docs), order
        assert any(d.get("boost") == 2 and d["location"].startswith("briefs/") for d in docs), order
        sizes[order[0]] = len(index)
    assert sizes["search"] == sizes["tags"], sizes


# ---------------------------------------------------------------- option errors through `mkdocs build`

@pytest.mark.parametrize("options, named", [
    ({"articles": "no-such-folder"}, ["articles", "no-such-folder"]),
    ({"workers": -2}, ["workers", "-2"]),
    ({"speakers_file": "missing-speakers.yml"}, ["speakers_file", "missing-speakers.yml"]),
    ({"page_min_articles": "two"}, ["page_min_articles", "two"]),
])
def test_a_wrong_option_fails_mkdocs_build_naming_option_and_value_without_traceback(tmp_path, options, named):
    (tmp_path / "docs").mkdir()
    (tmp_path / "articles").mkdir()
    entries = "".join(f"      {key}: {json.dumps(value)}\n" for key, value in options.items())
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\nplugins:\n  - quotebrief:\n{entries}", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                          capture_output=True, text=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    error = [line for line in proc.stderr.splitlines() if "quotebrief" in line and "option" in line]
    assert error, proc.stderr[-2000:]
    for word in named:
        assert word in error[0], error[0]
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------- progress in the log

class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_lines_start_after_a_few_seconds_and_come_every_tenth_or_fifteen_seconds(caplog):
    clock = Clock()
    log = logging.getLogger("mkdocs.plugins.quotebrief")
    progress = plugin_config.ProgressLog(log, clock=clock)
    with caplog.at_level(logging.INFO, logger=log.name):
        for done in range(1, 1001):  # 1000 articles at 0.1 s each: 100 s
            clock.now = done * 0.1
            progress(done, 1000)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "quotebrief: extracted 50 of 1000 articles (5%), about 2 min left"
    assert 9 <= len(lines) <= 11  # one per 10 % (under 15 s apart), not one per article
    assert "extracted 150 of 1000 articles (15%), about 85 s left" in lines[1]
    assert all("1000 of 1000" not in line for line in lines)  # the summary line says the end


def test_progress_is_silent_for_a_quick_build(caplog):
    clock = Clock()
    progress = plugin_config.ProgressLog(logging.getLogger("mkdocs.plugins.quotebrief"), clock=clock)
    with caplog.at_level(logging.INFO):
        for done in range(1, 51):
            clock.now = done * 0.01
            progress(done, 50)
    assert caplog.records == []


def test_progress_of_a_slow_corpus_comes_every_fifteen_seconds(caplog):
    clock = Clock()
    progress = plugin_config.ProgressLog(logging.getLogger("mkdocs.plugins.quotebrief"), clock=clock)
    with caplog.at_level(logging.INFO):
        for done in range(1, 101):  # 100 articles at 2 s each: 10 % is 20 s
            clock.now = done * 2.0
            progress(done, 100)
    times = [int(r.getMessage().split()[2]) * 2 for r in caplog.records]
    assert times[0] == 6 and all(b - a <= 16 for a, b in zip(times, times[1:], strict=False))
    assert len(times) <= 200 / 15 + 1


def test_a_long_mkdocs_build_logs_its_progress(tmp_path, caplog, monkeypatch):
    """Through the plugin: with the threshold at 0 s every tenth of the articles gets a line."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(plugin_config.ProgressLog.__init__, "__defaults__",
                        (0.0, 0.1, 15.0, plugin_config.time.monotonic))
    (tmp_path / "docs").mkdir()
    (tmp_path / "articles").mkdir()
    for name in TWO:
        shutil.copy(ARTICLES / name, tmp_path / "articles" / name)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - quotebrief:\n"
                                         "      cache_dir: ''\n      workers: 1\n")
    with caplog.at_level(logging.INFO):
        build(load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert any(r.getMessage().startswith("quotebrief: extracted 1 of 2 articles (50%)") for r in caplog.records)


def test_a_stylesheet_of_the_users_own_overrides_the_plugins(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    own = tmp_path / "docs" / "assets" / "quotebrief"
    own.mkdir(parents=True)
    (own / "quotebrief.css").write_text(".qb-meta { color: red; }\n", "utf-8")
    (tmp_path / "articles").mkdir()
    shutil.copy(ARTICLES / TWO[0], tmp_path / "articles" / TWO[0])
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - quotebrief:\n"
                                         "      cache_dir: ''\n      workers: 1\n")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    css = tmp_path / "site" / "assets" / "quotebrief"
    assert (css / "quotebrief.css").read_text("utf-8") == ".qb-meta { color: red; }\n"
    assert "@media print" in (css / "print.css").read_text("utf-8")
    assert "Who said what" in (tmp_path / "site" / "index.html").read_text("utf-8")  # the plugin's home page
