import json

import pytest

from generator.read import ReadError, read_file, read_paths, slugify


def test_txt_headline_then_body(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Minister quits\n\nThe minister said he was leaving.\n")
    [article], problems = read_file(p)
    assert article.title == "Minister quits"
    assert article.text == "The minister said he was leaving."
    assert problems == []


def test_txt_lead_paragraph_is_not_a_headline(tmp_path):
    p = tmp_path / "a.txt"
    body = "The minister said on Friday that he was leaving the government.\n\nMore text."
    p.write_text(body)
    [article], _ = read_file(p)
    assert article.text == body
    assert article.title.startswith("The minister said")


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "x.md"
    p.write_text('---\ntitle: "Hello"\ndate: 2008-12-23\nurl: https://example.org/a\ntags: [a, b]\n---\n\nBody text.\n')
    [article], _ = read_file(p)
    assert (article.title, article.date, article.url, article.tags) == ("Hello", "2008-12-23", "https://example.org/a", ["a", "b"])
    assert article.text == "Body text."


def test_front_matter_not_a_mapping(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("---\n- a\n- b\n---\nBody\n")
    with pytest.raises(ReadError, match="not a mapping"):
        read_file(p)


def test_jsonl_broken_line_skipped_rest_kept(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "One."}) + "\n{broken\n" + json.dumps({"text": "Two."}) + "\n")
    result = read_paths([p])
    assert [a.text for a in result.articles] == ["One.", "Two."]
    assert len(result.problems) == 1 and "line 2" in str(result.problems[0])


def test_duplicate_ids_made_unique_and_reported(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text("".join(json.dumps({"id": "same", "text": t}) + "\n" for t in ("One.", "Two.")))
    result = read_paths([p])
    assert [a.id for a in result.articles] == ["same", "same-2"]
    assert any("duplicate id" in str(pr) for pr in result.problems)


def test_empty_file_is_reported_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "ok.txt").write_text("Headline\n\nHe said so.")
    result = read_paths([tmp_path])
    assert [a.title for a in result.articles] == ["Headline"]
    assert "empty" in result.problems[0].message and "empty.txt" in result.problems[0].path


@pytest.mark.parametrize("raw", ["../../etc/passwd", "/abs/path", "a\x00b", "CON", "x" * 500])
def test_slugify_never_makes_a_path(raw):
    slug = slugify(raw)
    assert "/" not in slug and "\x00" not in slug and ".." not in slug and 0 < len(slug) <= 80
