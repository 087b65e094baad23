"""Hostile input to the readers (issue 17): bounded time and memory, nothing read that should
not be, every path not read in the report with its reason, never a traceback."""

import json
import os
import threading
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.read import find_article_files, read_file, read_paths
from generator.read.clean import INVISIBLE, strip_invisible
from generator.read.safe_yaml import YamlLimit, load_yaml
from generator.report import build_report

ENGLISH = ("The minister said on Friday that he was leaving the government after ten years. "
           "\u201cWe have done what we came to do,\u201d he told reporters in the capital.")
LAUGHS = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + LAUGHS + "title: *i\n"


def by_name(result):
    return {os.path.basename(p.path): p for p in result.problems}


# ---------------------------------------------------------------- YAML front matter

def test_yaml_bomb_in_front_matter_is_refused_and_the_text_read(tmp_path):
    assert len(BOMB) < 600
    p = tmp_path / "bomb.md"
    p.write_text("---\n" + BOMB + "---\n" + ENGLISH + "\n")
    tracemalloc.start()
    try:
        [article], problems = read_file(p)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, f"{peak:,} bytes (the bomb took 3.4 GB)"
    assert article.text == ENGLISH and "lol" not in article.title
    [problem] = [pr for pr in problems if pr.where == "front matter"]
    assert problem.severity == "partial" and "alias" in problem.message and "ignored, text read" in problem.message


@pytest.mark.parametrize("front, words", [
    ("x: " + "[" * 5000 + "]" * 5000, "nested more than"),
    ("title: &t hello\nsource: *t", "alias"),
    ("title: '" + "x" * 70_000 + "'", "more than the 65,536"),
])
def test_front_matter_over_budget_is_ignored(tmp_path, front, words):
    p = tmp_path / "x.md"
    p.write_text(f"---\n{front}\n---\n{ENGLISH}\n")
    [article], problems = read_file(p)
    assert article.text == ENGLISH
    assert any(words in pr.message and pr.severity == "partial" for pr in problems), problems


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 12), st.integers(2, 9))
def test_alias_expansion_is_bounded_whatever_its_shape(levels, width):
    doc = "l0: &l0 [" + ", ".join(['"lol"'] * width) + "]\n" + "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]\n" for i in range(1, levels))
    try:
        data = load_yaml(doc, max_bytes=100_000, max_aliases=1000)
    except YamlLimit as exc:
        assert "expands" in str(exc) or "aliases" in str(exc)
    else:  # small enough to be expanded: then its text is small too
        assert len(str(data)) < 4 * 1000 * 20


# ---------------------------------------------------------------- JSONL

def test_a_deeply_nested_jsonl_line_costs_that_line_only(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"title": "Good", "text": ENGLISH}) + "\n" + "[" * 100_000 + "\n")
    result = read_paths([p])
    assert [a.title for a in result.articles] == ["Good"]
    [problem] = result.problems
    assert (problem.where, problem.severity) == ("line 2", "partial") and "nested too deeply" in problem.message


def test_nul_bidi_and_zero_width_are_removed_from_text_and_headings_with_notes(tmp_path):
    p = tmp_path / "x.jsonl"
    record = {"id": "a\u0000b", "title": "Evil\u0000 \u202eTitle\u200b", "source": "Wire\u2066\u0007",
              "tags": ["ok", "\u0000", "t\u200dag"], "text": "The\u0000 minister said\u202e it. " + ENGLISH}
    p.write_text(json.dumps(record) + "\n")
    result = read_paths([p])
    [a] = result.articles
    assert (a.title, a.source, a.tags, a.id) == ("Evil Title", "Wire", ["ok", "tag"], "a-b")
    assert a.text == "The minister said it. " + ENGLISH
    fields = sorted(pr.where for pr in result.problems if "invisible characters" in pr.message)
    assert fields == ["line 1 source", "line 1 tags", "line 1 text", "line 1 title"]
    assert all(pr.severity == "note" for pr in result.problems)
    assert any("U+0000" in note and "U+202E" in note for note in a.notes)


@given(st.text(max_size=40))
def test_strip_invisible_leaves_nothing_invisible(value):
    cleaned, removed = strip_invisible(value)
    assert not INVISIBLE.search(cleaned) and bool(removed) == (cleaned != value or bool(INVISIBLE.search(value)))


def test_invisible_characters_in_a_txt_headline_are_removed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Minister \u202equits\u2069\n\n" + ENGLISH)
    [article], problems = read_file(p)
    assert article.title == "Minister quits" and [pr.where for pr in problems] == ["title"]


# ---------------------------------------------------------------- links, pipes, hidden files

@pytest.fixture
def tree(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\n" + ENGLISH)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text("Far\n\n" + ENGLISH)
    art = tmp_path / "articles"
    (art / "sub").mkdir(parents=True)
    (art / "a.txt").write_text("A\n\n" + ENGLISH)
    (art / "sub" / "b.md").write_text("---\ntitle: B\n---\n" + ENGLISH)
    (art / "leak.txt").symlink_to(secret)
    (art / "far").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (art / "same.txt").symlink_to(art / "a.txt")
    (art / "again").symlink_to(art / "sub", target_is_directory=True)
    (art / "dangling.txt").symlink_to(tmp_path / "nothing.txt")
    (art / "loop.txt").symlink_to(art / "loop.txt")
    (art / ".hidden.txt").write_text("Hidden\n\n" + ENGLISH)
    (art / ".git").mkdir()
    (art / "NOTICE").write_text("credits")
    os.mkfifo(art / "pipe.txt")
    return art


def test_links_out_of_the_folder_are_not_followed_and_every_other_path_is_reported(tree):
    result = read_paths([tree])
    assert sorted(a.title for a in result.articles) == ["A", "A", "B"]  # a.txt, same.txt (inside), sub/b.md
    assert "Secret" not in {a.title for a in result.articles}
    problems = by_name(result)
    expected = {"leak.txt": "skipped", "far": "skipped", "dangling.txt": "skipped", "loop.txt": "skipped",
                "pipe.txt": "skipped", ".hidden.txt": "ignored", ".git": "ignored", "NOTICE": "ignored",
                "again": "ignored"}
    assert {k: problems[k].severity for k in expected} == expected
    leak = problems["leak.txt"].message
    assert "outside the articles folder" in leak and "follow_links" in leak
    assert "broken link" in problems["dangling.txt"].message and "loops" in problems["loop.txt"].message
    assert "named pipe" in problems["pipe.txt"].message
    report = build_report(result.files, result.problems, len(result.articles))
    assert len(report.skipped) == 5 and len(report.ignored) == 4
    assert "5 skipped, 4 ignored" in report.summary()


def test_follow_links_reads_through_links_once(tree):
    (tree / "far" / "back").symlink_to(tree, target_is_directory=True)  # a loop through a followed link
    result = read_paths([tree], follow_links=True)
    assert sorted(a.title for a in result.articles) == ["A", "A", "B", "Far", "Secret"]
    assert "leak.txt" not in by_name(result) and by_name(result)["again"].severity == "ignored"
    assert [str(p.relative_to(tree)) for p in find_article_files([tree], follow_links=True)] == [
        "a.txt", "far/far.txt", "leak.txt", "same.txt", "sub/b.md"]


def test_a_named_pipe_given_explicitly_is_skipped_not_waited_on(tree):
    done = []
    thread = threading.Thread(target=lambda: done.append(read_paths([tree / "pipe.txt"])), daemon=True)
    thread.start()
    thread.join(20)
    assert done, "reading a named pipe hung"
    [problem] = done[0].problems
    assert problem.severity == "skipped" and "not a regular file (a named pipe)" in problem.message


def test_a_missing_path_is_a_problem(tmp_path):
    result = read_paths([tmp_path / "nope", tmp_path / "gone.txt"])
    assert [(os.path.basename(p.path), p.message, p.severity) for p in result.problems] == [
        ("nope", "no such file or directory", "skipped"), ("gone.txt", "no such file or directory", "skipped")]


def test_a_link_named_explicitly_is_read(tree):
    result = read_paths([tree / "leak.txt"])
    assert [a.title for a in result.articles] == ["Secret"]


# ---------------------------------------------------------------- issue 26: surrogates, values YAML cannot build

SURROGATE_RECORD = {"id": "s\udfff", "title": "S\udfff", "tags": ["t\udfff"], "date": "2021\udfff",
                    "text": "Minister Anna Berg said that taxes would fall \udfff. \"We must wait,\" Berg said."}


def test_lone_surrogates_are_removed_with_a_note_and_the_article_can_be_cached(tmp_path):
    """A lone surrogate (half a UTF-16 pair, from a JSON or YAML escape) cannot be encoded as UTF-8:
    it made the cache key, and so the whole build, fail."""
    from generator.build import brief_key, encode_brief
    from generator.model import Brief

    (tmp_path / "a.jsonl").write_text(json.dumps(SURROGATE_RECORD) + "\n", "utf-8")
    (tmp_path / "b.md").write_text('---\ntitle: "Tax \\udfff news"\nsource: "x\\ud800"\n---\n' + ENGLISH + "\n")
    result = read_paths([tmp_path])
    assert len(result.articles) == 2
    for article in result.articles:
        for value in json.dumps(article.to_dict(), ensure_ascii=False):
            assert not "\ud800" <= value <= "\udfff"
        brief_key(article, "model")  # no UnicodeEncodeError
        encode_brief(Brief(article=article))
    jsonl, md = sorted(result.articles, key=lambda a: a.path)
    assert jsonl.title == "S" and "taxes would fall ." in jsonl.text and jsonl.record_id == "s"
    assert md.title == "Tax news" and md.source == "x"
    notes = {(os.path.basename(p.path), p.where): p.message for p in result.problems}
    for where in ("line 1 text", "line 1 title", "line 1 tags"):
        assert "U+DFFF lone surrogate" in notes[("a.jsonl", where)]
    assert "lone surrogate" in notes[("b.md", "title")] and "lone surrogate" in notes[("b.md", "source")]


@pytest.mark.parametrize("value", ["2021-02-30", "2021-05-07T25:61:00", "!!timestamp xx", "!!int abc",
                                   "!!float abc", "!!bool maybe", "1" * 5000])
def test_a_front_matter_value_yaml_cannot_build_costs_only_that_value(tmp_path, value):
    """YAML's constructors raise ValueError, KeyError, ... (not YAMLError) on these: the whole
    article was skipped; now the value is kept as the text written, with a note, and the date,
    not being a date, is left out."""
    p = tmp_path / "x.md"
    p.write_text(f"---\ntitle: Taxes to fall\ndate: {value}\nsource: Wire\n---\n{ENGLISH}\n")
    [article], problems = read_file(p)
    assert article.text == ENGLISH and article.title == "Taxes to fall" and article.source == "Wire"
    assert article.date is None
    [kept] = [pr for pr in problems if "kept as text" in pr.message]
    assert kept.severity == "note" and kept.where == "front matter line 3", kept
    assert any(pr.where == "date" and "does not parse; left out" in pr.message for pr in problems), problems
    assert not any(pr.severity in ("skipped", "partial") for pr in problems)


@pytest.mark.parametrize("value", ["!!int abc", "2021-02-30", "!!bool maybe", "1" * 5000])
def test_load_yaml_notes_each_value_it_keeps_as_text(value):
    notes = []
    data = load_yaml(f"a: ok\nb: [1, {value}]\n", max_bytes=100_000, max_aliases=0, notes=notes)
    shown = value.split()[-1]
    assert data == {"a": "ok", "b": [1, shown]}
    [(line, message)] = notes
    assert line == 1 and "kept as text" in message and len(message) < 200


@pytest.mark.parametrize("field, yaml_value, words", [
    ("title", "[a, b, c]", "'title' is a list, not a text; left out"),
    ("source", "{a: 1}", "'source' is a mapping, not a text; left out"),
    ("licence", "!!binary aGVsbG8=", "'licence' is binary data (!!binary), not a text; left out"),
    ("url", "https://example.org/" + "a" * 60_000, "more than the 2,048 kept; left out"),
])
def test_metadata_that_is_not_a_line_of_text_is_noted_never_published_as_a_repr(tmp_path, field, yaml_value, words):
    p = tmp_path / "x.md"
    title = "" if field == "title" else "title: Taxes to fall\n"
    p.write_bytes(f"---\n{title}{field}: {yaml_value}\n---\n{ENGLISH}\n".encode())
    result = read_paths([p])
    [article] = result.articles
    assert getattr(article, field) in (None, "") or field == "title"
    for value in (article.title, article.source, article.licence, article.url):
        assert not value or ("[" not in value and "{" not in value and "b'" not in value and len(value) < 3000)
    assert any(pr.where == field and words in pr.message for pr in result.problems), result.problems


def test_a_jsonl_title_given_as_a_list_and_a_2_mb_url_are_noted(tmp_path):
    p = tmp_path / "a.jsonl"
    url = "https://example.org/" + "a" * 2_000_000
    p.write_text(json.dumps({"title": ["a", "b"], "source": {"x": 1}, "url": url, "text": ENGLISH}) + "\n")
    result = read_paths([p])
    [article] = result.articles
    assert "[" not in article.title and article.source is None and article.url is None
    assert {pr.where for pr in result.problems if "not a text" in pr.message} == {"line 1 title", "line 1 source"}
    assert any(pr.where == "line 1 url" and "2,000,020 characters" in pr.message for pr in result.problems)


def test_a_file_name_that_is_not_utf8_is_skipped_with_a_readable_reason(tmp_path):
    """Its path (a str with surrogate escapes) failed the cache key and every page that names it."""
    os.makedirs(tmp_path / "a")
    with open(os.path.join(os.fsencode(tmp_path / "a"), b"x\xff.txt"), "w") as fh:
        fh.write(ENGLISH)
    (tmp_path / "a" / "good.txt").write_text(ENGLISH)
    result = read_paths([tmp_path / "a"])
    assert [os.path.basename(a.path) for a in result.articles] == ["good.txt"]
    [problem] = [p for p in result.problems if "not UTF-8" in p.message]
    assert problem.severity == "skipped" and problem.path.endswith("x\ufffd.txt")
    problem.path.encode("utf-8")


def test_a_problem_quoting_a_lone_surrogate_is_always_printable():
    from generator.model import Problem

    problem = Problem("x\udcff.txt", "unknown key '\udfff'", "partial", "key \ud800")
    str(problem).encode("utf-8")
    assert problem.path == "x\ufffd.txt" and "\ufffd" in problem.message and problem.where == "key \ufffd"
