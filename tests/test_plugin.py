"""The MkDocs plugin and the cache: unchanged articles are never parsed again; serve watches the right paths."""

import os
import re
import shutil
from pathlib import Path

import pytest

from generator import parse, pipeline
from generator.config import Config

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
    cfg = Config(base_dir=folder, cache_dir=str(folder / "cache"), workers=1)
    first = pipeline.build_corpus(cfg)
    assert len(parses) == 2
    second = pipeline.build_corpus(cfg)
    assert len(parses) == 2, "a cached article was parsed again"
    assert [b.to_dict() for b in first.briefs] == [b.to_dict() for b in second.briefs]
    path = folder / "articles" / TWO[0]
    path.write_text(path.read_text("utf-8") + "\n\n\"We will not stop,\" said Fawzi Barhum.\n", "utf-8")
    pipeline.build_corpus(cfg)
    assert len(parses) == 3 and "We will not stop" in parses[-1]


def _plugin(folder, cache_dir=""):
    from generator.plugin import QuotebriefPlugin

    plugin = QuotebriefPlugin()
    plugin.load_config({"articles": "articles", "cache_dir": cache_dir, "speakers_file": "speakers.yml"})
    return plugin


def test_plugin_keeps_briefs_in_memory_across_rebuilds(folder, parses):
    plugin = _plugin(folder)  # no disk cache: only the in-memory one can help
    cfg = Config(base_dir=folder, cache_dir="", workers=1)
    corpus = plugin.build_corpus(cfg)
    assert len(parses) == 2 and len(corpus.briefs) == 2
    plugin.build_corpus(cfg)
    assert len(parses) == 2, "rebuild parsed an unchanged article"
    # edit one article: only it is parsed again, and its page changes
    path = folder / "articles" / TWO[1]
    path.write_text(path.read_text("utf-8").replace("Ehud Olmert", "Ehud Olmert", 1) + "\n\nAn added line.\n",
                    "utf-8")
    plugin.build_corpus(cfg)
    assert len(parses) == 3
    # add one, delete one
    new = "2007-11-28-annapolis-joint-understanding.md"
    shutil.copy(ARTICLES / new, folder / "articles" / new)
    (folder / "articles" / TWO[0]).unlink()
    corpus = plugin.build_corpus(cfg)
    assert len(parses) == 4
    assert sorted(b.article.id for b in corpus.briefs) == sorted(
        ["2009-01-18-israel-announces-gaza-ceasefire", "2007-11-28-annapolis-joint-understanding"])
    assert len(plugin.briefs) == 2  # forgotten: the deleted article and the old version of the edited one


def test_plugin_applies_the_speakers_file(folder, parses):
    (folder / "speakers.yml").write_text("not_speakers: [Fawzi Barhum]\n", "utf-8")
    corpus = _plugin(folder).build_corpus(Config(base_dir=folder, cache_dir="", speakers_file="speakers.yml"))
    assert "fawzi-barhum" not in corpus.speakers
    assert any("'Fawzi Barhum' is not a speaker" in n for n in corpus.speaker_notes)


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
    first.briefs["marker"] = object()
    second = load_config(config_file=str(ROOT / "mkdocs.yml")).plugins["quotebrief"]
    assert second is first and "marker" in second.briefs
    first.briefs.pop("marker")


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


def test_mkdocs_serve_refreshes_edited_added_and_deleted_articles(folder, tmp_path):
    """A real `mkdocs serve`, started from another folder: each change shows, and only it is extracted."""
    import subprocess
    import sys

    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "quotebrief" in plugin:
            # the project's disk cache: the first build parses nothing, so only the memory cache is measured
            plugin["quotebrief"].update({"articles": "articles", "cache_dir": str(ROOT / ".cache" / "quotebrief"),
                                         "workers": 1})
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f",
                             str(folder / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                            cwd=elsewhere, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    brief = base + "briefs/2009-01-18-israel-announces-gaza-ceasefire/"
    try:
        assert _until(lambda: _get(brief)[0] == 200, 180), open(log.name).read()[-2000:]
        # edit: a new quote appears on the brief and on the speaker's page
        path = folder / "articles" / TWO[1]
        path.write_text(path.read_text("utf-8") + "\n\n\"We will keep the crossings open,\" said Fawzi Barhum.\n",
                        "utf-8")
        assert _until(lambda: "keep the crossings open" in _get(brief)[1]), open(log.name).read()[-2000:]
        assert "keep the crossings open" in _get(base + "speakers/fawzi-barhum/")[1]
        # add
        new = "2007-11-28-annapolis-joint-understanding.md"
        (folder / "articles" / new).write_text((ARTICLES / new).read_text("utf-8"), "utf-8")
        assert _until(lambda: _get(base + "briefs/2007-11-28-annapolis-joint-understanding/")[0] == 200)
        # delete
        (folder / "articles" / TWO[0]).unlink()
        assert _until(lambda: _get(base + "briefs/2008-12-23-hamas-ends-truce/")[0] == 404)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    text = open(log.name, encoding="utf-8").read()
    memory = [int(n) for n in re.findall(r"articles \((\d+) not in memory\)", text)]
    assert memory[0] == 2 and 1 in memory[1:] and max(memory[1:]) <= 1, memory
