"""The CLI: every command has help and is documented in the README (sqlite-utils' convention)."""

import subprocess
import sys

import pytest

from conftest import ROOT
from generator.cli import parser


def commands() -> list[str]:
    sub = next(a for a in parser()._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_and_is_in_the_readme(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args([command, "--help"])
    assert exit_.value.code == 0
    assert "usage: quotebrief " + command in capsys.readouterr().out
    assert f"quotebrief {command}" in (ROOT / "README.md").read_text("utf-8")


def test_python_dash_m_generator_runs():
    proc = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "extract" in proc.stdout


def test_every_option_has_a_docstring_and_the_readme_table_is_made_from_them():
    from generator import options

    for name, _default, doc in options.docs():
        assert doc, f"option {name} has no docstring"
    names = [name for name, _, _ in options.docs()]
    assert names == [key for key, _ in options.Options._schema], "every option of the schema, in order"
    readme = (ROOT / "README.md").read_text("utf-8")
    assert options.readme_table() in readme, "README's option table is stale: python -m generator.options"


def test_extract_jsonl_contract(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text('Mayor quits\n\n"I am leaving the city council today," said Jane Smith.\n')
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", str(art), "--jsonl", "--no-cache"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    import json

    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {"path", "id", "title", "date", "speakers", "claims"} <= record.keys()
    [claim] = record["claims"]
    text = art.read_text().split("\n\n", 1)[1].strip("\n")
    assert text[claim["start"]:claim["end"]] == claim["text"]
    assert record["speakers"][0]["name"] == "Jane Smith" and claim["speaker"] == record["speakers"][0]["id"]
