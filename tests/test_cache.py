"""The cache: content-addressed entries; a corrupt entry is detected, discarded and rebuilt, never trusted;
one pruning policy."""

import json

import pytest

from conftest import make_build
from generator import build as pipeline
from generator.cache import Cache
from generator.model import Article

TEXT = ('Mayor Jane Smith spoke on Monday. "The budget is balanced and the city is safe," she said. '
        'John Brown said that the factory would close next year.')


@pytest.fixture
def article():
    return Article(path="a.txt", id="a", title="A", text=TEXT)


@pytest.fixture
def cache(tmp_path, article):
    """A cache folder holding the real entry for `article`; returns (cache folder, key, entry dict)."""
    [brief] = extract(tmp_path / "cache", article)
    assert brief.claims, "the test article should yield claims"
    [entry] = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    return tmp_path / "cache", entry.name, json.loads(entry.read_text("utf-8"))


def extract(folder, article):
    """The brief of `article` by a new Build with its cache in `folder` (a new process, as far as memory goes)."""
    return make_build(folder.parent, cache_dir=str(folder), workers=1).extract([article])


def load(folder, key):
    return Cache(folder).load("briefs", key, pipeline.decode_brief)


def test_round_trip(cache, article):
    folder, key, data = cache
    brief = load(folder, key)
    assert brief is not None and brief.to_dict() == data


def _mutations(data):
    claim = data["claims"][0]
    yield "truncated", json.dumps(data)[:100]
    yield "empty", ""
    yield "binary", b"\x00\xff\xfe garbage"
    yield "a list", json.dumps([data])
    yield "no article", json.dumps({k: v for k, v in data.items() if k != "article"})
    yield "claims not a list", json.dumps({**data, "claims": "oops"})
    yield "unknown field", json.dumps({**data, "claims": [{**claim, "bogus": 1}]})
    yield "offset past the end", json.dumps({**data, "claims": [{**claim, "end": len(TEXT) + 5}]})
    yield "text does not match offsets", json.dumps({**data, "claims": [{**claim, "text": "something else"}]})
    yield "start as string", json.dumps({**data, "claims": [{**claim, "start": "0"}]})
    yield "unknown speaker", json.dumps({**data, "speakers": []})
    yield "bad cue", json.dumps({**data, "claims": [{**claim, "cue": {"text": "x", "start": 5, "end": 2}}]})
    yield "deeply nested", "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("name", [m[0] for m in _mutations({"claims": [{}]})])
def test_corrupt_entry_is_discarded_and_rebuilt(cache, article, name):
    folder, key, data = cache
    content = dict(_mutations(data))[name]
    path = Cache(folder).path("briefs", key)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert load(folder, key) is None
    assert not path.exists(), "a corrupt entry must be deleted"
    [brief] = extract(folder, article)
    assert brief.to_dict() == data
    assert json.loads(path.read_text("utf-8")) == data, "the entry is written again"


def test_unreadable_entry_is_a_miss_not_a_crash(tmp_path):
    Cache(tmp_path).path("briefs", "kk").mkdir(parents=True)  # a folder where the entry should be
    assert load(tmp_path, "kk") is None


def test_temp_files_of_a_killed_write_are_never_read(cache, article):
    folder, key, data = cache
    path = Cache(folder).path("briefs", key)
    path.unlink()
    (path.parent / f".{key}.abc123.tmp").write_text(json.dumps(data)[:50])
    assert load(folder, key) is None
    [brief] = extract(folder, article)
    assert brief.to_dict() == data


def test_an_extractor_crash_on_one_article_does_not_sink_the_build(tmp_path, monkeypatch):
    from generator import extract as extract_mod
    from generator.report import corpus_report

    real = extract_mod.extract

    def fragile(doc, article, **options):
        if "BOOM" in article.text:
            raise RuntimeError("boom")
        return real(doc, article, **options)

    monkeypatch.setattr(extract_mod, "extract", fragile)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text("Good\n\n" + TEXT)
    (articles / "bad.txt").write_text("Bad\n\nBOOM. " + TEXT)
    corpus = make_build(tmp_path, articles="articles", cache_dir=str(tmp_path / "cache"), workers=1).corpus()
    by_title = {b.article.title: b for b in corpus.briefs}
    assert by_title["Good"].claims and by_title["Bad"].claims == []
    [problem] = corpus.problems
    assert problem.path.endswith("bad.txt") and problem.severity == "partial"
    assert problem.message.startswith("extraction failed (RuntimeError: boom)")
    assert [f.status for f in corpus_report(corpus).files if f.path.endswith("bad.txt")] == ["partly read"]
    assert len([p for p in (tmp_path / "cache").rglob("*") if p.is_file()]) == 1, \
        "a failed extraction is not cached"


def test_a_complete_build_prunes_what_it_did_not_use(cache, article):
    """One policy for every namespace: after a complete build the cache holds what it used."""
    folder, key, data = cache
    old = Cache(folder).path("briefs", "0123" * 16)  # an entry of another extractor version
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps(data))
    stale_chart = folder / "charts" / "ab" / "ab12"
    stale_chart.parent.mkdir(parents=True)
    stale_chart.write_text("<svg/>")
    build = make_build(folder.parent, cache_dir=str(folder), workers=1)
    build.start()
    [brief] = build.extract([article])
    assert brief.to_dict() == data
    assert old.exists(), "nothing is pruned before the build is complete"
    assert build.finish() == 2
    assert not old.exists() and not stale_chart.exists() and not stale_chart.parent.exists()
    assert Cache(folder).path("briefs", key).exists(), "what the build used stays"


def test_a_cache_folder_that_cannot_be_written_is_bypassed_with_one_warning(tmp_path, article):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    warnings = []
    cache = Cache(blocker, warn=warnings.append)
    cache.store_bytes("briefs", "k1", b"one")
    cache.store_bytes("briefs", "k2", b"two")
    assert len(warnings) == 1 and "cannot be written" in warnings[0] and cache.folder is None
    build = make_build(tmp_path, cache_dir=str(blocker), workers=1)
    [brief] = build.extract([article])
    assert brief.claims and build.cache.folder is None


def test_keys_hash_every_part():
    assert Cache.key("a", 1) == Cache.key("a", 1)
    assert Cache.key("a", 1) != Cache.key("a", 2) != Cache.key("b", 1)
    assert Cache.key({"x": 1, "y": 2}) == Cache.key({"y": 2, "x": 1})


def test_a_memory_only_namespace_never_touches_the_disk_and_forgets_what_a_build_did_not_use(tmp_path):
    cache = Cache(tmp_path, memory_only=("rendered",))
    cache.start_build()
    cache.store("rendered", "k1", {"a.md": "x"}, bytes)
    cache.store("rendered", "k2", {"b.md": "y"}, bytes)
    assert not any(tmp_path.iterdir())
    assert cache.load("rendered", "k1", bytes) == {"a.md": "x"}
    cache.start_build()
    assert cache.load("rendered", "k1", bytes) == {"a.md": "x"}
    cache.forget_unused()
    assert cache.load("rendered", "k2", bytes) is None and cache.load("rendered", "k1", bytes) is not None


def test_recording_names_the_entries_a_result_was_made_from(tmp_path):
    cache = Cache(tmp_path)
    cache.store_text("charts", "c1", "<svg/>")
    cache.start_build()
    with cache.recording() as slots:
        cache.load_text("charts", "c1")
    assert slots == [("charts", "c1")]
    cache.start_build()
    cache.keep(slots)  # a result reused from memory keeps what it was made from
    assert cache.prune() == 0 and cache.load_text("charts", "c1") == "<svg/>"
