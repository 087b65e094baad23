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


def run_cli(*args, stdin=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          input=stdin, cwd=cwd)


def test_a_missing_path_is_one_line_and_a_non_zero_exit(tmp_path):
    proc = run_cli("extract", str(tmp_path / "nope.txt"), "--no-cache")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"quotebrief: {tmp_path / 'nope.txt'}: no such file or folder"
    assert "Traceback" not in proc.stderr


def test_a_bad_option_names_the_option_and_the_value(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Mayor quits\n\nJane Smith said that she would leave the council today.\n")
    proc = run_cli("extract", str(art), "--workers", "-2", "--no-cache")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "workers" in proc.stderr and "-2" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = run_cli("extract", str(art), "--model", "no_such_pipeline", "--no-cache")
    assert proc.returncode == 2 and "no_such_pipeline" in proc.stderr and "Traceback" not in proc.stderr


def test_dash_reads_an_article_from_standard_input():
    proc = run_cli("extract", "-", "--jsonl", "--no-cache", "--workers", "1",
                   stdin='Mayor quits\n\n"I am leaving the city council today," said Jane Smith.\n')
    assert proc.returncode == 0, proc.stderr
    import json

    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["speakers"][0]["name"] == "Jane Smith" and record["title"] == "Mayor quits"


def test_a_closed_pipe_ends_quietly(tmp_path):
    for i in range(40):
        (tmp_path / f"a{i}.txt").write_text(f"Title {i}\n\nJane Smith said that the council would meet on day {i}.\n")
    command = f"{sys.executable} -m generator extract {tmp_path} --jsonl --workers 1 --no-cache | head -c 10"
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT)
    assert len(proc.stdout) == 10
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr


def test_config_takes_the_plugin_options_of_a_mkdocs_yml(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Mayor quits\n\nJane Smith said that she would leave the council.\n")
    (tmp_path / "names.yml").write_text("not_speakers: [Jane Smith]\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - search\n  - quotebrief:\n"
                                         "      articles: news\n      cache_dir: ''\n      speakers_file: names.yml\n")
    out = tmp_path / "out"
    proc = run_cli("render", "--out", str(out), "--config", str(tmp_path / "mkdocs.yml"), "--workers", "1",
                   cwd=tmp_path.parent)
    assert proc.returncode == 0, proc.stderr
    assert (out / "briefs" / "a.md").exists(), "the articles option of mkdocs.yml was read, relative to it"
    assert "'Jane Smith' is not a speaker" in (out / "report.md").read_text() or \
        "jane-smith" not in (out / "briefs" / "a.md").read_text()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - quotebrief:\n      articles: missing\n")
    proc = run_cli("render", "--out", str(out), "--config", str(tmp_path / "mkdocs.yml"))
    assert proc.returncode == 2 and "articles" in proc.stderr and "missing" in proc.stderr


def test_lone_surrogates_and_values_yaml_cannot_build_never_stop_the_command(tmp_path):
    """A lone surrogate in a JSONL text, a front-matter title or a speakers.yml name, or a date
    YAML cannot build: exit 1 with a traceback before, every good article lost."""
    import json

    said = 'Minister Anna Berg said that taxes would fall \udfff. "We must wait," Berg said.'
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "s", "title": "S\udfff", "text": said}) + "\n")
    (tmp_path / "b.md").write_text('---\ntitle: "Tax \\udfff news"\ndate: 2021-02-30\n---\n'
                                   'Minister Tom Hale said that taxes would rise. "We must act," Hale said.\n')
    (tmp_path / "speakers.yml").write_text('speakers:\n  - name: "Anna \\udfff Berg"\n    role: 2021-02-30\n')
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", "a.jsonl", "b.md", "--jsonl", "--no-cache",
                           "--workers", "1", "--speakers-file", "speakers.yml"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["title"] for r in records] == ["S", "Tax news"] and records[1]["date"] is None
    assert "lone surrogate" in proc.stderr and "'2021-02-30' is not a valid timestamp" in proc.stderr


def test_export_writes_the_data_the_site_publishes(tmp_path):
    """`quotebrief export` and the site's data/ files are one render: the same bytes."""
    from conftest import project_build

    out = tmp_path / "data"
    proc = run_cli("export", "--config", str(ROOT / "mkdocs.yml"), "--out", str(out), "--format", "csv", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "speakers.csv", "voices.csv"]
    build = project_build()
    site = build.render(build.corpus())
    for name in ("claims.csv", "speakers.csv", "voices.csv"):
        assert (out / name).read_bytes().decode("utf-8") == site[f"data/{name}"], name
    proc = run_cli("export", "--config", str(ROOT / "mkdocs.yml"), "--out", str(tmp_path / "j"), "--format", "jsonl",
                   "--quiet")
    assert proc.returncode == 0 and (tmp_path / "j" / "claims.jsonl").read_text("utf-8") == site["data/claims.jsonl"]
    assert f"wrote claims.jsonl to {tmp_path / 'j'}" in proc.stderr
    (tmp_path / "file").write_text("x")
    proc = run_cli("export", "--out", str(tmp_path / "file"), "--no-cache")
    assert proc.returncode == 2 and proc.stderr.strip().endswith("is a file, not a folder")
