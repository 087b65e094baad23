"""The build report: one status per file, the same lines on the console and the site."""

from generator.model import Problem
from generator.report import build_report, console_lines


def test_status_per_file_and_summary():
    files = ["/data/articles/a.txt", "/data/articles/b.md", "/data/articles/sub/c.jsonl", "/data/articles/d.txt"]
    problems = [
        Problem(files[0], "empty file"),
        Problem(files[1], "malformed YAML", "partial", "front matter line 3"),
        Problem(files[2], "duplicate id 'x'; renamed to 'x-2'", "note", "id"),
        Problem(files[2], "broken JSON", "partial", "line 4"),
        Problem(files[3], "decoded as Latin-1", "note", "encoding"),
    ]
    report = build_report(files, problems, articles=5)
    assert [f.path for f in report.skipped] == [files[0]]
    assert [f.path for f in report.partial] == [files[1], files[2]]
    assert [f.path for f in report.read] == [files[3]]
    assert [p.message for p in report.notes] == ["duplicate id 'x'; renamed to 'x-2'", "decoded as Latin-1"]
    assert report.summary() == "4 files: 1 read, 2 partly read, 1 skipped; 5 articles briefed; 2 notes"
    assert report.shown(files[2]) == "sub/c.jsonl", "the site shows paths relative to the articles folder"
    lines = console_lines(report)
    assert lines[0] == "/data/articles/a.txt: skipped: empty file"
    assert "/data/articles/b.md:front matter line 3: partial: malformed YAML" in lines
    assert lines[-1] == report.summary()


def test_a_problem_for_a_file_outside_the_list_is_still_reported():
    report = build_report([], [Problem("speakers.yml", "not a mapping")], articles=0)
    assert [f.path for f in report.skipped] == ["speakers.yml"]


def test_ignored_paths_are_listed_with_their_reason_but_fail_nothing():
    files = ["/data/articles/a.txt"]
    problems = [Problem("/data/articles/NOTICE", "not an article file; not read", "ignored"),
                Problem("/data/articles/.DS_Store", "hidden (its name starts with a dot); not read", "ignored")]
    report = build_report(files, problems, articles=1)
    assert [f.path for f in report.ignored] == ["/data/articles/NOTICE", "/data/articles/.DS_Store"]
    assert report.skipped == [] and [f.path for f in report.read] == files
    assert [p.message for p in report.notes][0].startswith("not an article file"), "the site lists them as notes"
    assert report.summary() == "3 files: 1 read, 0 partly read, 0 skipped, 2 ignored; 1 articles briefed; 0 notes"
    assert "/data/articles/NOTICE: ignored: not an article file; not read" in console_lines(report)
