"""The extraction cache: a corrupt entry is detected, discarded and rebuilt, never trusted."""

import json

import pytest

from generator import pipeline
from generator.model import Article

TEXT = ('Mayor Jane Smith spoke on Monday. "The budget is balanced and the city is safe," she said. '
        'John Brown said that the factory would close next year.')


@pytest.fixture
def article():
    return Article(path="a.txt", id="a", title="A", text=TEXT)


@pytest.fixture
def cache(tmp_path, article):
    """A cache folder holding the real entry for `article`; returns (folder, key, entry dict)."""
    [brief] = pipeline.extract_articles([article], cache_dir=tmp_path / "cache")
    assert brief.claims, "the test article should yield claims"
    folder = pipeline.brief_folder(tmp_path / "cache")
    [entry] = folder.glob("*.json")
    return folder, entry.stem, json.loads(entry.read_text("utf-8"))


def test_round_trip(cache, article):
    folder, key, data = cache
    brief = pipeline.load_cached(folder, key)
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
    path = folder / f"{key}.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert pipeline.load_cached(folder, key) is None
    assert not path.exists(), "a corrupt entry must be deleted"
    [brief] = pipeline.extract_articles([article], cache_dir=folder.parent.parent)
    assert brief.to_dict() == data
    assert json.loads(path.read_text("utf-8")) == data, "the entry is written again"


def test_unreadable_entry_is_a_miss_not_a_crash(tmp_path):
    (tmp_path / "k.json").mkdir()  # a folder where the entry should be
    assert pipeline.load_cached(tmp_path, "k") is None


def test_temp_files_of_a_killed_write_are_never_read(cache, article):
    folder, key, data = cache
    (folder / f"{key}.json").unlink()
    (folder / f".{key}.json.abc123.tmp").write_text(json.dumps(data)[:50])
    assert pipeline.load_cached(folder, key) is None
    [brief] = pipeline.extract_articles([article], cache_dir=folder.parent.parent)
    assert brief.to_dict() == data


def test_an_extractor_crash_on_one_article_does_not_sink_the_build(tmp_path, monkeypatch):
    from generator import extract as extract_mod
    from generator.config import Config
    from generator.report import corpus_report

    real = extract_mod.extract

    def fragile(doc, article):
        if "BOOM" in article.text:
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(extract_mod, "extract", fragile)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text("Good\n\n" + TEXT)
    (articles / "bad.txt").write_text("Bad\n\nBOOM. " + TEXT)
    cfg = Config(base_dir=tmp_path, cache_dir=str(tmp_path / "cache"), workers=1, speakers_file="")
    corpus = pipeline.build_corpus(cfg)
    by_title = {b.article.title: b for b in corpus.briefs}
    assert by_title["Good"].claims and by_title["Bad"].claims == []
    [problem] = corpus.problems
    assert problem.path.endswith("bad.txt") and problem.severity == "partial"
    assert problem.message.startswith("extraction failed (RuntimeError: boom)")
    assert [f.status for f in corpus_report(corpus).files if f.path.endswith("bad.txt")] == ["partly read"]
    assert len(list(pipeline.brief_folder(tmp_path / "cache").glob("*.json"))) == 1, \
        "a failed extraction is not cached"


def test_entries_of_other_extractor_versions_are_pruned(cache, article):
    folder, key, data = cache
    root = folder.parent.parent
    old = root / "briefs" / "0123456789abcdef"
    old.mkdir()
    (old / f"{key}.json").write_text(json.dumps(data))
    flat = root / ("ab" * 32 + ".json")  # the flat layout of earlier releases
    flat.write_text(json.dumps(data))
    keep = root / "notes.json"  # not a cache entry: left alone
    keep.write_text("{}")
    [brief] = pipeline.extract_articles([article], cache_dir=root)
    assert brief.to_dict() == data
    assert not old.exists() and not flat.exists() and keep.exists()
    assert (folder / f"{key}.json").exists(), "this version's entries stay"
