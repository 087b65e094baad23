"""Reading articles: every bad input gets one clear Problem naming the file, where, and what is wrong."""

import json
import tracemalloc

import pytest

from conftest import require_shared
from generator.read import ReadError, read_file, read_paths
from generator.read.decode import decode
from generator.read.formats import cap_text
from generator.read.limits import MAX_TEXT_CHARS
from generator.slugs import safe_id, slugify

ENGLISH = ("The minister said on Friday that he was leaving the government after ten years. "
           "\u201cWe have done what we came to do,\u201d he told reporters in the capital. ")
FRENCH = ("Le président a déclaré mardi que le gouvernement ne reculerait pas sur la réforme des retraites. "
          "Selon lui, les syndicats doivent accepter le dialogue. La ministre a ajouté que les négociations "
          "reprendraient la semaine prochaine avec les partenaires sociaux, mais que les caisses sont vides.")


def problems_of(result, name):
    return [p for p in result.problems if p.path.endswith(name)]


# ---------------------------------------------------------------- .txt and .md

def test_txt_headline_then_body(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Minister quits\n\nThe minister said he was leaving.\n")
    [article], problems = read_file(p)
    assert article.title == "Minister quits"
    assert article.text == "The minister said he was leaving."
    assert problems == []


def test_txt_without_headline_gets_a_title_and_a_note(tmp_path):
    p = tmp_path / "a.txt"
    body = "The minister said on Friday that he was leaving the government.\n\nMore text."
    p.write_text(body)
    [article], problems = read_file(p)
    assert article.text == body
    assert article.title == "The minister said on Friday that he was leaving the government."
    [note] = problems
    assert (note.severity, note.where) == ("note", "title") and "no title" in note.message


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "x.md"
    p.write_text('---\ntitle: "Hello"\ndate: 2008-12-23\nurl: https://example.org/a\ntags: [a, b]\n---\n\nBody text.\n')
    [article], problems = read_file(p)
    assert (article.title, article.date, article.url, article.tags) == (
        "Hello", "2008-12-23", "https://example.org/a", ["a", "b"])
    assert article.text == "Body text."
    assert problems == []


def test_front_matter_not_a_mapping_is_ignored_and_text_kept(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("---\n- a\n- b\n---\nBody of the article.\n")
    [article], problems = read_file(p)
    assert article.text == "Body of the article."
    [bad] = [pr for pr in problems if pr.severity == "partial"]
    assert bad.where == "front matter" and "not a mapping" in bad.message and "list" in bad.message


def test_malformed_yaml_names_the_line(tmp_path):
    p = tmp_path / "x.md"
    p.write_text('---\ntitle: "ok"\ndate: [2020\n---\nBody of the article.\n')
    [article], problems = read_file(p)
    assert article.text == "Body of the article."
    [bad] = [pr for pr in problems if pr.severity == "partial"]
    assert "malformed YAML" in bad.message and bad.where.startswith("front matter line ")


def test_front_matter_never_closed_reads_the_whole_file(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("---\ntitle: x\nThe minister said so.\n")
    [article], problems = read_file(p)
    assert "The minister said so." in article.text
    assert any("never closed" in pr.message for pr in problems)


def test_yaml_python_tags_are_refused(tmp_path):
    marker = tmp_path / "pwned"
    p = tmp_path / "x.md"
    p.write_text(f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nBody.\n')
    [article], problems = read_file(p)
    assert not marker.exists()
    assert any("malformed YAML" in pr.message and "python/object" in pr.message for pr in problems)
    assert article.title == "Body."


def test_date_that_does_not_parse_is_a_note(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("---\ntitle: T\ndate: next Tuesday-ish\n---\nBody.\n")
    [article], problems = read_file(p)
    assert article.date is None
    [note] = problems
    assert (note.severity, note.where) == ("note", "date") and "next Tuesday-ish" in note.message


def test_markdown_without_title_gets_one(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("---\ndate: 2020-01-02\n---\nThe mayor resigned. Then more.\n")
    [article], problems = read_file(p)
    assert article.title == "The mayor resigned."
    assert [pr.where for pr in problems] == ["title"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_files_are_skipped(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    (tmp_path / "ok.txt").write_text("Headline\n\nHe said so.")
    result = read_paths([tmp_path])
    assert [a.title for a in result.articles] == ["Headline"]
    [bad] = result.problems
    assert bad.path.endswith("empty.txt") and bad.severity == "skipped" and "empty" in bad.message


# ---------------------------------------------------------------- bytes and encodings

@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    bytes(b for b in range(1, 256) if b not in (0x0a, 0x0d)) * 8,
    b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
])
def test_binary_files_are_skipped(tmp_path, data):
    p = tmp_path / "photo.txt"
    p.write_bytes(data)
    result = read_paths([p])
    assert result.articles == []
    [bad] = result.problems
    assert bad.severity == "skipped"
    assert "binary" in bad.message or "cannot be told" in bad.message


@pytest.mark.parametrize("codec,bom,label", [
    ("utf-16-le", b"\xff\xfe", "UTF-16 (little-endian, byte order mark)"),
    ("utf-16-be", b"\xfe\xff", "UTF-16 (big-endian, byte order mark)"),
    ("utf-16-le", b"", "UTF-16-LE (no byte order mark"),
    ("utf-16-be", b"", "UTF-16-BE (no byte order mark"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"),
])
def test_utf16_and_utf32_are_decoded_and_said(tmp_path, codec, bom, label):
    text = "Budget row\n\nThe mayor said \u201cno\u201d to the budget, caf\u00e9 and all."
    p = tmp_path / "a.txt"
    p.write_bytes(bom + text.encode(codec))
    result = read_paths([p])
    [article] = result.articles
    assert article.text == text.split("\n\n", 1)[1]
    [note] = result.problems
    assert note.severity == "note" and note.where == "encoding" and label in note.message


def test_windows_1252_punctuation_is_decoded_and_said(tmp_path):
    text = "Row\n\n\u201cWe will not\u201d \u2014 the mayor\u2019s words \u2026 cost \u20ac5 in Z\u00fcrich."
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("cp1252"))
    result = read_paths([p])
    [article] = result.articles
    assert article.text == text.split("\n\n", 1)[1]
    [note] = result.problems
    assert "Windows-1252" in note.message and note.severity == "note"


def test_latin1_is_decoded_and_said(tmp_path):
    text = "Caf\u00e9 row\n\nThe r\u00e9sum\u00e9 of Se\u00f1or Mu\u00f1oz was read in the caf\u00e9 \u00e0 Paris."
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("latin-1"))
    result = read_paths([p])
    [article] = result.articles
    assert article.title == "Caf\u00e9 row"
    assert "Latin-1" in result.problems[0].message


def test_encoding_that_cannot_be_told_is_skipped_with_a_reason(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("大統領は火曜日、年金改革を撤回しないと述べた。".encode("shift_jis") * 5)
    result = read_paths([p])
    assert result.articles == []
    [bad] = result.problems
    assert bad.severity == "skipped" and "not valid UTF-8" in bad.message and "save it as UTF-8" in bad.message


def test_invalid_cp1252_bytes_are_not_guessed():
    data = b"Some text with \x81 and \x8d in it, which Windows-1252 leaves undefined."
    with pytest.raises(ReadError, match="neither Windows-1252 nor Latin-1"):
        decode(data)


def test_crlf_is_normalised():
    assert decode(b"a\r\nb\rc")[0] == "a\nb\nc"


# ---------------------------------------------------------------- size

def test_cap_text_prefers_a_paragraph_break():
    text = ("word " * 30 + "\n\n") * 100
    kept, note = cap_text(text, 1000)
    assert len(kept) <= 1000 and text.startswith(kept) and text[len(kept):].lstrip(" ").startswith("\n\n")
    assert "paragraph break" in note and f"{len(text):,}" in note


def test_cap_text_then_a_sentence_end_then_a_space_then_hard():
    sentences = "He said it was fine. " * 200
    kept, note = cap_text(sentences, 1000)
    assert kept.endswith("fine.") and "sentence end" in note
    words = "word " * 400
    kept, note = cap_text(words, 1000)
    assert kept.endswith("word") and len(kept) <= 1000 and "space" in note
    blob = "x" * 5000
    kept, note = cap_text(blob, 1000)
    assert kept == "x" * 1000 and "no break found" in note
    assert cap_text("short", 1000) == ("short", None)


def test_20_mb_article_is_read_in_bounded_memory_and_cut(tmp_path):
    p = tmp_path / "huge.txt"
    paragraph = (ENGLISH * 5).strip() + "\n\n"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write("Huge\n\n")
        for _ in range(20 * 1024 * 1024 // len(paragraph) + 1):
            fh.write(paragraph)
    assert p.stat().st_size > 20 * 1024 * 1024
    tracemalloc.start()
    result = read_paths([p])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 80 * 1024 * 1024, f"reading a 20 MB file peaked at {peak / 1e6:.0f} MB"
    [article] = result.articles
    assert len(article.text) <= MAX_TEXT_CHARS and article.text.endswith(".")
    messages = [pr.message for pr in result.problems]
    assert any("20.9 MB" in m or "MB, too long" in m for m in messages)
    assert any("cut at a paragraph break" in m for m in messages)
    assert all(pr.severity == "partial" for pr in result.problems)


def test_single_1_mb_line_is_cut_at_a_sentence_end(tmp_path):
    p = tmp_path / "line.txt"
    line = (ENGLISH * (1024 * 1024 // len(ENGLISH) + 1))[: 1024 * 1024]
    p.write_text(line)
    result = read_paths([p], max_chars=20_000)
    [article] = result.articles
    assert len(article.text) <= 20_000 and article.text.endswith(".") and line.startswith(article.text)
    assert any("sentence end" in pr.message and pr.severity == "partial" for pr in result.problems)


def test_junk_runs_are_blanked_and_noted(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title\n\n" + ENGLISH + '"' * 5000 + " and (((((((((((((((((((( end. ---")
    result = read_paths([p])
    [article] = result.articles
    assert '""' not in article.text and "((" not in article.text and article.text.endswith("end. ---")
    [note] = result.problems
    assert "2 runs" in note.message and "5,000 characters" in note.message


# ---------------------------------------------------------------- JSONL

def test_jsonl_broken_line_skipped_rest_kept(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "a", "title": "A", "text": "One."}) + "\n{broken\n"
                 + json.dumps({"title": "B", "text": "Two."}) + "\n")
    result = read_paths([p])
    assert [a.text for a in result.articles] == ["One.", "Two."]
    [bad] = result.problems
    assert (bad.where, bad.severity) == ("line 2", "partial") and "broken JSON" in bad.message


def test_jsonl_record_without_text_or_not_an_object(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join([json.dumps({"title": "no text"}), json.dumps({"text": "  "}), "[1, 2]",
                            json.dumps({"text": 5}), json.dumps({"title": "ok", "text": "Kept."})]) + "\n")
    result = read_paths([p])
    assert [a.text for a in result.articles] == ["Kept."]
    assert [(pr.where, pr.severity) for pr in result.problems] == [
        ("line 1", "partial"), ("line 2", "partial"), ("line 3", "partial"), ("line 4", "partial")]
    assert "no 'text'" in result.problems[0].message and "list" in result.problems[2].message


def test_jsonl_with_no_readable_record_is_skipped(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text("{broken\n" + json.dumps({"title": "no text"}) + "\n")
    result = read_paths([p])
    assert result.articles == []
    [bad] = result.problems
    assert bad.severity == "skipped" and "no readable record" in bad.message and "line 1" in bad.message


def test_duplicate_ids_kept_made_unique_and_reported(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text("".join(json.dumps({"id": i, "title": "T", "text": t}) + "\n"
                         for i, t in (("same", "One."), ("same", "Two."), ("SAME", "Three."))))
    result = read_paths([p])
    assert [a.text for a in result.articles] == ["One.", "Two.", "Three."]
    assert [a.id for a in result.articles] == ["same", "same-2", "SAME-3"]
    assert [pr.message for pr in result.problems] == ["duplicate id 'same'; renamed to 'same-2'",
                                                      "duplicate id 'SAME'; renamed to 'SAME-3'"]


def test_same_id_across_files_is_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("A\n\nOne.")
    (tmp_path / "b" / "story.txt").write_text("B\n\nTwo.")
    result = read_paths([tmp_path])
    assert sorted(a.id for a in result.articles) == ["story", "story-2"]


# ---------------------------------------------------------------- HTML

PAGE = """<!doctype html><html><head><title>Site name | Minister quits</title>
<meta property="og:title" content="Minister quits">
<meta name="date" content="2024-03-05">
<style>p { color: red } .secret-style {}</style>
<script>window.__pwned = "script-in-head";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News menu link</a></nav>
<article><h1>Minister quits</h1>
<p>The minister said on Friday that he was leaving the government after ten years in office.</p>
<script>document.write("inline-script-text")</script>
<p>\u201cWe will not back down from this fight, not now and not ever,\u201d said Jane Smith, the mayor.</p>
</article><footer>Copyright footer text</footer></body></html>"""


def test_html_main_text_without_scripts_styles_navigation(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE)
    [article], problems = read_file(p)
    assert article.title == "Minister quits" and article.date == "2024-03-05"
    assert article.text.startswith("The minister said on Friday")
    assert "\n\n\u201cWe will not back down" in article.text
    for junk in ("__pwned", "inline-script-text", "color: red", "News menu link", "Copyright footer", "Site name"):
        assert junk not in article.text
    assert problems == []


def test_html_page_too_large_is_skipped_with_its_size(tmp_path, monkeypatch):
    import generator.read.files as read_mod

    monkeypatch.setattr(read_mod, "MAX_HTML_BYTES", 10_000)
    p = tmp_path / "big.html"
    p.write_text("<html><body><p>" + "word " * 5000 + "</p></body></html>")
    result = read_paths([p])
    assert result.articles == []
    assert result.problems[0].message == "HTML page is 25 kB, more than the 10 kB read at most"


def test_html_without_main_text_is_skipped(tmp_path):
    p = tmp_path / "empty.htm"
    p.write_text("<html><head><script>var a = 1;</script><style>p {}</style></head>"
                 "<body><script>x()</script></body></html>")
    result = read_paths([p])
    assert result.articles == [] and "without main text" in result.problems[0].message


# ---------------------------------------------------------------- language

def test_article_not_in_english_is_skipped_with_the_language(tmp_path):
    (tmp_path / "fr.md").write_text("---\ntitle: Retraites\n---\n" + FRENCH)
    (tmp_path / "en.txt").write_text("Minister\n\n" + ENGLISH)
    result = read_paths([tmp_path])
    assert [a.path.endswith("en.txt") for a in result.articles] == [True]
    [bad] = result.problems
    assert bad.path.endswith("fr.md") and bad.severity == "skipped"
    assert "not in English" in bad.message and "French" in bad.message


def test_jsonl_record_not_in_english_is_left_out_rest_kept(tmp_path):
    p = tmp_path / "x.jsonl"
    lines = [json.dumps({"title": "fr", "text": FRENCH}), json.dumps({"title": "en", "text": ENGLISH})]
    p.write_text("\n".join(lines) + "\n")
    result = read_paths([p])
    assert [a.title for a in result.articles] == ["en"]
    [bad] = result.problems
    assert (bad.where, bad.severity) == ("line 1", "partial") and "French" in bad.message


@pytest.mark.parametrize("text", [
    "Президент заявил во вторник, что правительство не откажется от пенсионной реформы. "
    "По его словам, профсоюзы должны принять диалог.",
    "总统周二表示，政府不会在养老金改革问题上让步。他说，工会必须接受对话。部长补充说，下周将与社会伙伴恢复谈判。",
    "Prezydent powiedział we wtorek, że rząd nie wycofa się z reformy emerytalnej. Według niego związki zawodowe muszą "
    "zaakceptować dialog. Minister dodała, że negocjacje zostaną wznowione w przyszłym tygodniu z partnerami.",
])
def test_other_scripts_and_languages_are_not_english(text):
    from generator.read.language import not_english

    assert "not in English" in not_english(text)


def test_bundled_samples_are_english_and_read_cleanly():
    from conftest import ARTICLES

    result = read_paths([ARTICLES])
    assert len(result.articles) == 11
    assert [(p.path, p.severity) for p in result.problems] == [(str(ARTICLES / "NOTICE"), "ignored")]


def test_bbc_corpus_is_all_english():
    from generator.read.language import not_english

    bbc = require_shared("corpus", "bbc")
    flagged = [f.name for f in sorted(bbc.rglob("*.txt")) if not_english(f.read_text("latin-1"))]
    assert flagged == []


# ---------------------------------------------------------------- other files

def test_missing_and_unsupported_files_are_named(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = read_paths([tmp_path / "gone.txt", tmp_path / "notes.docx"])
    assert [(pr.path.rsplit("/", 1)[1], pr.message) for pr in result.problems] == [
        ("gone.txt", "no such file or directory"),
        ("notes.docx", "unsupported file type .docx; expected one of .txt, .md, .markdown, .html, .htm, .jsonl"),
    ]


@pytest.mark.parametrize("raw", ["../../etc/passwd", "/abs/path", "a\x00b", "CON", "x" * 500, "..", ".", "",
                                 "C:\\Windows\\system32", "index", "lpt1", "é/../é", "~/.ssh/id_rsa"])
def test_slugify_and_safe_id_never_make_a_path(raw):
    for value in (slugify(raw), safe_id(raw)):
        assert value and len(value) <= 80
        assert "/" not in value and "\\" not in value and "\x00" not in value and ".." not in value
        assert not value.startswith(".") and value.lower() not in {"con", "lpt1", "index", "nul"}


def test_jsonl_record_id_kept_as_given_slug_apart(tmp_path):
    from generator.model import Brief

    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "business/006", "title": "T", "text": "One sentence here."}) + "\n"
                 + json.dumps({"title": "U", "text": "Another sentence."}) + "\n")
    first, second = read_paths([p]).articles
    assert first.record_id == "business/006" and "/" not in first.id  # the slug makes page paths
    record = Brief(article=first).contract()
    assert record["id"] == "business/006" and record["slug"] == first.id
    assert second.record_id is None and Brief(article=second).contract()["id"] == second.id
