"""A hostile or broken speakers.yml (issue 17): every fault is a problem naming the file and
what is wrong, the rest of the build goes on; never a traceback, never minutes or gigabytes."""

import os
import tracemalloc

import pytest

from generator.link import link, load_overrides, parse_overrides

LAUGHS = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + LAUGHS + "speakers: *i\n"


def load(tmp_path, text):
    path = tmp_path / "speakers.yml"
    path.write_text(text)
    return load_overrides(path)


def test_yaml_bomb_is_refused_and_the_file_ignored(tmp_path):
    tracemalloc.start()
    try:
        ov, problems = load(tmp_path, BOMB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, f"{peak:,} bytes (the bomb took 3 GB)"
    [problem] = problems
    assert problem.path.endswith("speakers.yml") and "expands to more than" in problem.message
    assert "speakers file is ignored" in problem.message and ov.people == []


@pytest.mark.parametrize("text, where, words", [
    ("speakers: 5\n", "speakers", "'speakers' should be a list, not a number (5)"),
    ("merge: true\n", "merge", "'merge' should be a list, not true/false (True)"),
    ("apart: {a: b}\n", "apart", "'apart' should be a list, not a mapping"),
    ("1: x\nb: y\n", "1", "unknown key '1'"),
    ("speakers:\n  - name: Jo Bloggs\n    role: [a, b]\n", "speakers[0].role", "'role' should be a text, not a list"),
    ("merge:\n  - 5\n", "merge[0]", "expected a name or a list of names, not a number (5)"),
    ("- a\n- b\n", None, "expected a mapping with speakers, merge, apart, not_speakers, not a list"),
])
def test_wrong_types_are_problems_and_the_rest_is_kept(tmp_path, text, where, words):
    ov, problems = load(tmp_path, text + "not_speakers: [Ghost]\n" if not text.startswith("-") else text)
    assert any(p.where == where and words in p.message and p.severity == "partial" for p in problems), problems
    if not text.startswith("-"):
        assert ov.not_speakers == ["Ghost"]


@pytest.mark.parametrize("text", ["speakers: " + "[" * 5000 + "]" * 5000, "x: " + "{a: " * 3000 + "1" + "}" * 3000])
def test_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path, text):
    ov, problems = load(tmp_path, text)
    [problem] = problems
    assert "nested more than" in problem.message and "ignored" in problem.message


def test_the_file_being_a_folder_or_a_pipe_or_not_utf8(tmp_path):
    folder = tmp_path / "speakers.yml"
    folder.mkdir()
    ov, [problem] = load_overrides(folder)
    assert problem.path == str(folder) and "is a folder" in problem.message
    pipe = tmp_path / "pipe.yml"
    os.mkfifo(pipe)
    ov, [problem] = load_overrides(pipe)
    assert "not a regular file" in problem.message
    latin = tmp_path / "latin.yml"
    latin.write_bytes(b"not_speakers: [Caf\xe9]\n")
    ov, [problem] = load_overrides(latin)
    assert "not UTF-8" in problem.message


def test_too_large_a_file_is_refused_unread(tmp_path):
    ov, [problem] = load(tmp_path, "not_speakers: [" + "x, " * 400_000 + "]\n")
    assert "more than the 1,048,576 read at most" in problem.message


def test_invisible_characters_leave_names_with_a_note():
    ov, problems = parse_overrides({"speakers": [{"name": "Jo\u202e Bloggs\u0000", "aliases": ["\u200b"]}]})
    assert ov.people == [{"name": "Jo Bloggs", "aliases": []}]
    assert {p.severity for p in problems} == {"note"}


@pytest.mark.parametrize("data", [{"speakers": [{"name": "A B", "kind": 5, "affiliation": 1.5}]},
                                  {"speakers": [None, 3, "x", {"name": ""}, {"name": "  "}]},
                                  {"merge": [["a", "b"], "c", None, [1, 2]], "apart": [[]]},
                                  {None: 1, 2.5: 2, (1, 2): 3}, {"not_speakers": {"a": 1}}])
def test_odd_but_parsed_values_link_without_error(data):
    ov, problems = parse_overrides(data)
    link([], ov)  # applies to no brief: must not raise either
    assert all(p.path == "speakers.yml" for p in problems)


@pytest.mark.parametrize("value", ["2021-02-30", "!!bool maybe", "!!timestamp xx", "!!int abc", "!!float abc",
                                   "1" * 5000])
def test_a_value_yaml_cannot_build_is_kept_as_text_with_a_note(tmp_path, value):
    """YAML's constructors raise ValueError, KeyError, AttributeError on these (not YAMLError):
    a traceback and exit 1 before; now the value is read as the text written, and said."""
    ov, problems = load(tmp_path, f"speakers:\n  - name: Jo Bloggs\n    role: {value}\nnot_speakers: [Ghost]\n")
    assert ov.people == [{"name": "Jo Bloggs", "aliases": [], "role": value.split()[-1]}]
    assert ov.not_speakers == ["Ghost"]
    [note] = problems
    assert note.severity == "note" and note.where == "line 3" and "kept as text" in note.message
    assert note.path.endswith("speakers.yml")


def test_a_lone_surrogate_in_a_name_is_removed_with_a_note(tmp_path):
    ov, problems = load(tmp_path, 'speakers:\n  - name: "Anna \\udfff Berg"\n    aliases: ["A\\ud800 Berg"]\n')
    assert ov.people == [{"name": "Anna Berg", "aliases": ["A Berg"]}]
    assert all("lone surrogate" in p.message for p in problems) and len(problems) == 2
