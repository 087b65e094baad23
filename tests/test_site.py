"""End to end: build the real site from the bundled articles with mkdocs build --strict."""

import re


def test_seed_brief_names_the_three_speakers(built_site):
    page = built_site / "briefs" / "2021-05-07-lavrov-un-multilateralism" / "index.html"
    html = page.read_text("utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)<", html)
    for name in ("Sergei Lavrov", "Antony Blinken", "Wang Yi"):
        assert name in headings, f"{name} has no section: {headings}"
    assert "<blockquote>" in html
    assert (built_site / "briefs" / "2021-05-07-lavrov-un-multilateralism.svg").exists()
    assert 'src="../2021-05-07-lavrov-un-multilateralism.svg"' in html


def test_home_lists_briefs_newest_first(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    dates = re.findall(r"· (\d{4}-\d{2}-\d{2})", html)
    assert len(dates) == 11 and dates == sorted(dates, reverse=True)


def test_no_request_to_other_hosts(built_site):
    """Scripts, stylesheets, images and fonts all come from the site itself."""
    loads = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="((?:https?:)?//[^"]+)"')
    for page in built_site.rglob("*.html"):
        external = [u for u in loads.findall(page.read_text("utf-8")) if "rel=\"canonical\"" not in u]
        assert external == [], f"{page} loads {external}"
