"""Claim marks, the review queue, provenance and the Credits markers, from hand-made corpora (no spaCy)."""

import re
from dataclasses import replace

from generator.extract.ids import assign_ids
from generator.link import link
from generator.model import Article, Brief, Claim, Speaker
from generator.render import credits, marks, markup, review
from generator.render import pages as render_pages
from generator.render.charts import contrast

TEXT = "Ann Lee said the plant would close.\n\nBob Hart said jobs would go, and \"We knew nothing,\" a clerk said."


def brief(aid="a", date="2024-01-02", source=None, url=None, path=None, text=TEXT, title=None):
    claims = []
    for words, speaker, confidence in [("the plant would close", "ann-lee", 0.9), ("jobs would go", "bob-hart", 0.3),
                                       ('"We knew nothing,"', None, 0.2)]:
        start = text.index(words)
        claims.append(Claim(kind="indirect", text=words, start=start, end=start + len(words), speaker=speaker,
                            confidence=confidence, paragraph=1 if start < text.index("\n\n") else 2))
    assign_ids(aid, text, claims)
    return Brief(Article(path=path or f"/somewhere/private/{aid}.txt", id=aid, title=title or f"Title {aid}",
                         text=text, date=date, source=source, url=url),
                 speakers=[Speaker("ann-lee", "Ann Lee"), Speaker("bob-hart", "Bob Hart")], claims=claims)


def test_flag_and_editor_marks():
    b = brief()
    ok, low, lowest = b.claims
    assert not marks.flag(ok) and "low confidence 0.30" in marks.flag(low)
    assert 'title="Low confidence (0.30)' in marks.flag(low)
    checked = replace(low, verified=True)
    assert not checked.flagged and not marks.flag(checked) and "verified" in marks.editor_marks(checked)
    moved = replace(lowest, corrected=["speaker"])
    assert not moved.flagged and "corrected (speaker)" in marks.editor_marks(moved)
    assert "qb-flagged" in marks.claim_classes(low) and "qb-flagged" not in marks.claim_classes(ok)
    assert marks.legend([ok], "../review/index.md") == ""  # nothing to explain
    assert "[review queue](../review/index.md)" in marks.legend([ok, low], "../review/index.md")


def test_flag_colours_meet_wcag_aa_in_light_and_dark():
    css = (markup.TEMPLATES / "stylesheets" / "quotebrief.css").read_text("utf-8")
    root = css.index(":root {")
    light = dict(re.findall(r"--qb-([\w-]+): (#[0-9a-f]{6})", css[root:css.index("}", root)]))
    start = css.index('[data-md-color-scheme="slate"] {\n  --qb-flag')
    dark = dict(re.findall(r"--qb-([\w-]+): (#[0-9a-f]{6})", css[start:css.index("}", start)]))
    for scheme in (light, dark):
        for mark in ("flag", "ok", "fix", "mark"):
            assert contrast(scheme[f"{mark}-fg"], scheme[f"{mark}-bg"]) >= 4.5, (mark, scheme)


def test_the_article_text_wraps_each_claims_words_for_its_paragraph_link():
    b = brief()
    paras = dict(marks.article_paragraphs(b))
    for claim in b.claims:
        words = re.escape(str(markup.md_escape(claim.text)))
        assert re.search(rf'<span class="qb-words" id="w-{claim.id}">{words}</span>', paras[claim.paragraph])
    assert paras[1].startswith("Ann Lee said <span")  # spacing kept around the words
    page = render_pages.render_site(link([b]))["briefs/a.md"]
    for claim in b.claims:
        assert f'id="claim-{claim.id}"' in page and f"(#w-{claim.id})" in page and f"(#claim-{claim.id})" in page


def test_review_queue_lowest_confidence_first_and_the_page_lists_the_same():
    corpus = link([brief("a"), brief("b", text=TEXT.replace("Ann Lee", "Ann Lee, 40,"))])
    lines = review.review_lines(corpus)
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[0] for r in rows] == ["0.20", "0.20", "0.30", "0.30"]
    assert {r[2] for r in rows} == {"a", "b"} and rows[2][3] == "Bob Hart" and rows[0][3] == "unattributed"
    page = render_pages.render_site(corpus)["review/index.md"]
    assert re.findall(r"`([a-z2-7]{10})`", page) == [r[1] for r in rows]


def test_every_brief_says_where_it_came_from():
    pages = render_pages.render_site(link([brief("plain", source=None, url=None),
                                           brief("web", source="The Paper", url="https://example.org/x")]))
    plain = pages["briefs/plain.md"]
    assert "From the file plain.txt" in plain and "File: plain.txt" in plain
    assert "/somewhere/private" not in plain  # the file's name only, never where the build ran
    web = pages["briefs/web.md"]
    assert "Source: [The Paper](https://example.org/x)" in web and "File:" not in web
    assert "Date: 2024-01-02" in web and "Licence: not recorded" in web


def test_the_briefs_list_says_how_it_is_ordered():
    undated = link([brief("b", date=None, title="Beta"), brief("a", date=None, title="Alpha")])
    index = render_pages.render_site(undated)["briefs/index.md"].replace("\\", "")  # Markdown escapes aside
    assert "2 articles, by title (no article has a date)." in index
    assert index.index("Alpha") < index.index("Beta")
    mixed = link([brief("b", date=None), brief("a")])
    assert "newest first, then the 1 undated by title" in render_pages.render_site(mixed)["briefs/index.md"]
    assert "By title (no article has a date)." in render_pages.briefs_list(undated, limit=20).replace("\\", "")


def test_credits_list_only_the_sources_in_the_site():
    page = ("<!-- quotebrief:sources -->\n\n<!-- quotebrief:if-source Wikinews -->\nBy Wikinews contributors.\n"
            "<!-- quotebrief:end -->\n<!-- quotebrief:if-source The Paper -->\nThanks to The Paper.\n"
            "<!-- quotebrief:end -->\n")
    corpus = link([brief("web", source="The Paper", url="https://example.org/x"), brief("plain")])
    out = credits.fill_markers(page, corpus, 20)
    assert "Wikinews" not in out and "Thanks to The Paper." in out
    assert "| The Paper | 1 | not recorded |" in out and "| not recorded | 1 | not recorded |" in out
    assert "[Title web](https://example.org/x)" in out and "Title plain (plain.txt)" in out
