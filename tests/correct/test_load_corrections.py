"""corrections.yml is checked like an option: every malformed file gives one line naming file, line, problem."""

import pytest

from generator.correct import CorrectionsError, load_corrections, parse_corrections

GOOD = """\
# what an editor writes
- claim: ypoe5nx3in
  speaker: Antony Blinken
- claim: 6sr2iuvxk7
  drop: true
- claim: efrfa5liq7
  verified: true
  note: checked against the UN transcript
- claim: a2dcpe567i
  kind: direct
  text: "It is in this context"
"""


def test_a_good_file_gives_its_entries_with_their_lines():
    corrections = parse_corrections(GOOD, "corrections.yml")
    got = [(e.claim, e.line, e.speaker, e.drop, e.verified, e.kind, e.text) for e in corrections.entries]
    assert got == [("ypoe5nx3in", 2, "Antony Blinken", False, False, None, None),
                   ("6sr2iuvxk7", 4, None, True, False, None, None),
                   ("efrfa5liq7", 6, None, False, True, None, None),
                   ("a2dcpe567i", 9, None, False, False, "direct", "It is in this context")]


def test_an_empty_file_corrects_nothing():
    assert not parse_corrections("# nothing yet\n").entries


@pytest.mark.parametrize(("text", "where", "words"), [
    ("- claim: a\n  speaker: [x\n", ":3:", "not valid YAML"),
    ("claim: a\nverified: true\n", ":1:", "expected a list of entries"),
    ("- claim: a\n  verified: true\n- just text\n", ":3:", "each entry is a mapping"),
    ("- claim: a\n  verified: yes please\n", ":2:", "'verified' must be true or false"),
    ("- claim: a\n  drop: true\n  speaker: Ann Lee\n", ":1:", "'drop: true' leaves nothing"),
    ("- claim: a\n  speeker: Ann Lee\n", ":2:", "unknown key 'speeker'"),
    ("- speaker: Ann Lee\n", ":1:", "needs 'claim: <id>'"),
    ("- claim: a\n", ":1:", "says nothing to do"),
    ("- claim: a\n  kind: quote\n", ":2:", "'kind' must be one of direct, indirect, mixed, stance"),
    ("- claim: a\n  speaker: {name: x}\n", ":2:", "'speaker' must be a text"),
    ("- claim: a\n  speaker: Amnesty\n  speaker_kind: charity\n", ":3:",
     "'speaker_kind' must be one of person, organisation"),
    ("- claim: a\n  verified: true\n  speaker_kind: person\n", ":3:", "give 'speaker' too"),
    ("- claim: a\n  verified: true\n\n- claim: a\n  drop: true\n", ":4:", "corrected twice (also on line 1)"),
    ("- &x {claim: a, verified: true}\n- *x\n", "", "aliases are not allowed"),
    ("[" * 200 + "]" * 200, "", "nested more than"),
])
def test_a_malformed_file_is_one_line_naming_file_line_and_problem(text, where, words):
    with pytest.raises(CorrectionsError) as info:
        parse_corrections(text, "site/corrections.yml")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"site/corrections.yml{where}"), message
    assert words in message, message


def test_file_problems_name_the_file(tmp_path):
    folder = tmp_path / "corrections.yml"
    folder.mkdir()
    with pytest.raises(CorrectionsError, match="corrections.yml: cannot be read .*folder"):
        load_corrections(folder)
    binary = tmp_path / "bad.yml"
    binary.write_bytes(b"- claim: \xff\xfe\n")
    with pytest.raises(CorrectionsError, match=r"bad.yml: not UTF-8 text \(byte 9\)"):
        load_corrections(binary)
    assert not load_corrections(None)


def test_a_value_yaml_cannot_build_is_kept_as_written_and_said_with_its_line():
    """`2021-02-30` looks like a date YAML cannot build: kept as the text written, and the build
    report says so (file, line), never silently."""
    from generator.correct import apply_corrections

    got = parse_corrections("- claim: efrfa5liq7\n  verified: true\n- claim: 2021-02-30\n  drop: true\n",
                            "site/corrections.yml")
    assert [e.claim for e in got.entries] == ["efrfa5liq7", "2021-02-30"]
    assert [(n.path, n.where, n.severity) for n in got.notes] == [("site/corrections.yml", "3", "note")]
    assert "'2021-02-30' is not a valid timestamp" in got.notes[0].message
    assert "kept as text" in got.notes[0].message
    _briefs, problems = apply_corrections([], got, report_stale=False)
    assert got.notes[0] in problems  # what the build report shows
    assert parse_corrections(GOOD).notes == []
