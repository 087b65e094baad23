"""The Build's steps and speed machinery: worker pool, brief cache, streaming order, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import make_build
from generator import build as pipeline
from generator import cli, parse, workers
from generator.model import Article

TEXTS = [
    '"We will not raise taxes," said Gordon Brown, the chancellor.',
    "Tony Blair said that the election would be held in May.",
    '"The result is a disappointment," the manager Arsene Wenger told reporters.',
    "Nobody said anything at all here.",
    "Michael Howard warned that the plan would cost jobs, according to his aides.",
    '"It was a great season for the club," said Alex Ferguson on Sunday.',
]


def articles(texts=TEXTS):
    return [Article(path=f"a{i}.txt", id=f"a{i}", title=f"Article {i}", text=t) for i, t in enumerate(texts)]


@pytest.fixture
def count_parsed(monkeypatch):
    """Counts the texts that go through spaCy in this process."""
    seen = []
    real = parse.parse

    def counting(texts, model=None, batch_size=parse.BATCH_SIZE):
        def tap():
            for t in texts:
                seen.append(t)
                yield t
        return real(tap(), model, batch_size)

    monkeypatch.setattr(parse, "parse", counting)
    return seen


def dicts(briefs):
    return [b.to_dict() for b in briefs]


def test_two_workers_give_the_same_briefs_in_the_same_order(monkeypatch, nlp):
    monkeypatch.setattr(workers, "CHUNK", 2)  # 6 articles: 3 chunks shared by 2 workers
    one = list(workers.parse_and_extract(articles(), workers=1))
    two = list(workers.parse_and_extract(articles(), workers=2))
    assert [b.article.id for b in two] == [f"a{i}" for i in range(len(TEXTS))]
    assert dicts(two) == dicts(one)
    assert any(b.claims for b in one)


def test_pool_is_used_only_when_there_is_more_than_one_chunk(monkeypatch, count_parsed):
    """Few articles are parsed in this process (no pool start-up): the counter sees them."""
    list(workers.parse_and_extract(articles(), workers=4))
    assert len(count_parsed) == len(TEXTS)


def extract(tmp_path, arts, **values):
    """Briefs of `arts` by a new Build (a new process, as far as the cache's memory goes)."""
    values.setdefault("cache_dir", str(tmp_path / "cache"))
    return make_build(tmp_path, **values).extract(arts, values.pop("progress", None))


def test_second_run_parses_nothing(tmp_path, count_parsed):
    first = extract(tmp_path, articles(), workers=1)
    assert len(count_parsed) == len(TEXTS)
    assert len([p for p in (tmp_path / "cache" / "briefs").rglob("*") if p.is_file()]) == len(TEXTS)
    count_parsed.clear()
    second = extract(tmp_path, articles(), workers=1)
    assert count_parsed == []
    assert dicts(second) == dicts(first)


def test_only_the_changed_article_is_parsed_again(tmp_path, count_parsed):
    extract(tmp_path, articles())
    count_parsed.clear()
    changed = list(TEXTS)
    changed[2] = changed[2].replace("disappointment", "triumph")
    briefs = extract(tmp_path, articles(changed))
    assert count_parsed == [changed[2]]
    assert [b.article.text for b in briefs] == changed


def test_cache_key_changes_with_text_and_model():
    a, b = articles()[:2]
    assert pipeline.brief_key(a, "m-1") != pipeline.brief_key(b, "m-1")
    assert pipeline.brief_key(a, "m-1") != pipeline.brief_key(a, "m-2")
    assert pipeline.brief_key(a, "m-1") == pipeline.brief_key(articles()[0], "m-1")


def test_corrupt_cache_entry_is_extracted_again(tmp_path, count_parsed):
    extract(tmp_path, articles()[:1])
    entry = next(p for p in (tmp_path / "cache" / "briefs").rglob("*") if p.is_file())
    entry.write_text("{not json", "utf-8")
    count_parsed.clear()
    briefs = extract(tmp_path, articles()[:1])
    assert len(count_parsed) == 1 and briefs[0].article.id == "a0"
    assert json.loads(entry.read_text("utf-8"))["article"]["id"] == "a0"


def test_progress_reports_every_article_in_order(tmp_path):
    calls = []
    make_build(tmp_path).extract(articles(), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, len(TEXTS)) for i in range(1, len(TEXTS) + 1)]


def test_build_uses_the_configured_workers(tmp_path, monkeypatch):
    seen = {}
    real = workers.parse_and_extract

    def spy(arts, model=None, workers=1, stances=False):
        seen["workers"] = workers
        return real(arts, model, 1)

    monkeypatch.setattr(pipeline, "parse_and_extract", spy)
    (tmp_path / "a.txt").write_text("Headline\n\n" + TEXTS[0], "utf-8")
    make_build(tmp_path, workers=3).corpus()
    assert seen["workers"] == 3
    make_build(tmp_path, workers=0).corpus()
    assert seen["workers"] == workers.default_workers() >= 1


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_is_silent_when_quiet_or_not_a_terminal():
    with cli.progress_bar(SimpleNamespace(quiet=True), Tty()) as bar:
        assert bar is None
    with cli.progress_bar(SimpleNamespace(quiet=False), io.StringIO()) as bar:
        assert bar is None


def test_progress_bar_draws_on_a_terminal():
    stream = Tty()
    with cli.progress_bar(SimpleNamespace(quiet=False), stream) as bar:
        assert callable(bar)
        bar(3, 6)
    assert "extracting" in stream.getvalue() and "3/6" in stream.getvalue()


def test_cli_extract_prints_no_progress_to_a_pipe(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Headline\n\n" + TEXTS[0], "utf-8")
    assert cli.main(["extract", str(tmp_path), "--jsonl", "--no-cache", "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["id"] == "a"
    assert "extracting" not in err and "\r" not in err


def test_charts_are_cached_on_disk_for_the_next_process(tmp_path):
    """A new build process (a new Drawer and Cache, empty memory) reads the SVG back instead of drawing it."""
    from generator.cache import Cache
    from generator.render import charts

    rows = [("Ann Example", {"direct": 2}), ("Bob Example", {"indirect": 1})]
    first = charts.Drawer(Cache(tmp_path))
    svg = first(charts.claims_by_kind, rows, "Claims per speaker")
    assert first.drawn == 1 and first(charts.claims_by_kind, rows, "Claims per speaker") == svg and first.drawn == 1
    [entry] = [p for p in tmp_path.rglob("*") if p.is_file()]
    second = charts.Drawer(Cache(tmp_path))
    assert second(charts.claims_by_kind, rows, "Claims per speaker") == svg and second.drawn == 0
    entry.write_text("<svg", "utf-8")  # cut off: drawn again
    third = charts.Drawer(Cache(tmp_path))
    assert third(charts.claims_by_kind, rows, "Claims per speaker") == svg and third.drawn == 1


def test_the_build_draws_charts_through_its_cache(tmp_path):
    build = make_build(tmp_path, cache_dir=str(tmp_path / "c"))
    build.render(build.link([], pipeline.ReadResult()))
    assert build.cache.folder == tmp_path / "c"
    assert make_build(tmp_path, cache_dir="").cache.folder is None


def test_pool_forks_only_while_no_other_thread_runs():
    import sys
    import threading

    if sys.platform != "linux":
        pytest.skip("fork is used on Linux only")
    if threading.active_count() == 1:
        assert workers.start_method() == "fork"
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert workers.start_method() == "spawn"
    finally:
        stop.set()
        t.join()


def test_chunks_shrink_towards_the_end_so_workers_finish_together():
    items = list(range(2225))
    chunks = list(workers.split_chunks(items, workers=2, size=32, smallest=8))
    assert [x for c in chunks for x in c] == items  # every article once, in order
    sizes = [len(c) for c in chunks]
    assert max(sizes) == 32 and sizes[0] == 32
    assert sizes == sorted(sizes, reverse=True)
    assert all(s <= 8 for s in sizes[-3:])  # the last tasks are small: little waiting at the end
    assert [len(c) for c in workers.split_chunks(list(range(5)), workers=2, size=2)] == [2, 2, 1]


def test_stances_option_reaches_extraction_and_the_cache_key(tmp_path):
    text = "Jane Smith wants a new hospital in the town. She said the old one was falling apart."
    (tmp_path / "a.txt").write_text("Hospital\n\n" + text, "utf-8")
    speech = make_build(tmp_path, workers=1, cache_dir=str(tmp_path / "c")).corpus()
    stances = make_build(tmp_path, workers=1, cache_dir=str(tmp_path / "c"), stances=True).corpus()
    kinds = [c.kind for c in speech.briefs[0].claims]
    assert "stance" not in kinds and any(k != "stance" for k in kinds)
    assert "stance" in [c.kind for c in stances.briefs[0].claims], "a cached speech-only brief was reused"
    [article] = speech.briefs[0:1]
    assert pipeline.brief_key(article.article, "m", False) != pipeline.brief_key(article.article, "m", True)


def test_site_gives_every_file_the_faces_need(tmp_path):
    """Build.site: pages, stylesheets and a home page listing the latest briefs; a site's own home
    page and stylesheet win, and its pages that hold the marker come back filled in."""
    (tmp_path / "a.txt").write_text("Mayor quits\n\nJane Smith said that she would leave the council.\n", "utf-8")
    build = make_build(tmp_path, workers=1)
    corpus = build.corpus()
    site = build.site(corpus)
    assert "briefs/a.md" in site and "speakers/index.md" in site
    assert any(p.endswith(".css") for p in site)
    assert pipeline.HOME_MARKER not in site["index.md"] and "Mayor quits" in site["index.md"]
    assert not any(p.endswith(".pdf") for p in site)  # pdf: false
    css = next(p for p in site if p.endswith(".css"))
    own = build.site(corpus, {"index.md": "# Home\n", css: None,
                              "news.md": f"# News\n\n{pipeline.HOME_MARKER}\n", "about.md": "# About\n"})
    assert "index.md" not in own and css not in own and "about.md" not in own
    assert "Mayor quits" in own["news.md"] and pipeline.HOME_MARKER not in own["news.md"]


def test_a_failed_extraction_names_the_record_of_a_jsonl_file():
    """An article of a JSONL file whose extraction raised is reported with its record's id, not
    only the file of hundreds of records it came from."""
    from generator.model import Article, Brief
    from generator.workers import EXTRACTION_FAILED, failed_extraction, failure_place

    one = Article(path="news.jsonl", id="a-1", title="T", text="x", record_id="a/1",
                  notes=[f"{EXTRACTION_FAILED} (RuntimeError: boom); no claims listed"])
    assert failure_place(Brief(article=one)) == "id a/1"
    assert failed_extraction(Brief(article=one)).startswith(EXTRACTION_FAILED)
    plain = Article(path="story.txt", id="story", title="T", text="x")
    assert failure_place(Brief(article=plain)) == "extraction"


def test_a_refit_confidence_model_alone_changes_the_extractor_fingerprint(tmp_path, monkeypatch):
    # cached briefs carry confidences: new weights must not reuse them
    from generator import extract as extract_mod

    src = Path(extract_mod.__file__).parent
    for path in [*src.glob("*.py"), *src.glob("*.json")]:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(extract_mod, "__file__", str(tmp_path / "__init__.py"))
    pipeline.extractor_fingerprint.cache_clear()
    try:
        before = pipeline.extractor_fingerprint()
        model = tmp_path / "confidence_model.json"
        model.write_text(model.read_text(encoding="utf-8").replace('"bias": ', '"bias": 1'), encoding="utf-8")
        pipeline.extractor_fingerprint.cache_clear()
        assert pipeline.extractor_fingerprint() != before
    finally:
        pipeline.extractor_fingerprint.cache_clear()
