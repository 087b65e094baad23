"""Printing a page from the browser (templates/stylesheets/print.css): Chromium's print-to-PDF of the built site.

The shared `built_site` is served on 127.0.0.1 and printed with Playwright's
page.pdf through Debian's chromium. Skips when /usr/bin/chromium is absent,
fails then under CI=true.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from generator.render import markup, pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SEED = "2021-05-07-lavrov-un-multilateralism"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or not shutil.which("pdftotext"):
        message = "browser print tests need /usr/bin/chromium and pdftotext (apt-get install chromium poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ", and CI=true requires them")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site_url(built_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def corpus():
    from conftest import project_build

    return project_build().corpus()


class Printed:
    """A page printed to PDF: its text per page, what the screen shows, and the text of its content."""

    def __init__(self, pages: list[str], chrome: list[str], content: str):
        self.pages, self.chrome, self.content = pages, chrome, content
        self.text = words(" ".join(pages))


def print_page(browser, url: str, out: Path, script: str | None = None) -> Printed:
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        # The labels a reader sees around the content on screen: tabs, navigation, header, search box.
        chrome = page.eval_on_selector_all(
            ".md-nav__link, .md-tabs__link, .md-header__topic, .md-footer__link",
            "els => els.map(e => e.textContent.trim()).filter(Boolean)")
        placeholder = page.get_attribute("input.md-search__input", "placeholder")
        chrome += [placeholder] if placeholder else []
        if script:
            page.evaluate(script)
        content = page.inner_text("article")
        page.pdf(path=str(out), format="A4")
    finally:
        page.close()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return Printed(text.split("\f")[:-1], sorted(set(chrome)), content)


def assert_no_chrome(printed: Printed) -> None:
    assert printed.chrome, "the page on screen has no navigation to compare with"
    for label in printed.chrome:
        if re.search(rf"\b{re.escape(label)}\b", printed.content):
            continue  # the page's own text uses the word
        assert not re.search(rf"\b{re.escape(label)}\b", printed.text), f"navigation label {label!r} was printed"


def test_printed_brief_has_every_claim_and_no_navigation(browser, site_url, corpus, tmp_path):
    brief = next(b for b in corpus.briefs if b.article.id == SEED)
    printed = print_page(browser, f"{site_url}/briefs/{SEED}/", tmp_path / "brief.pdf")
    assert brief.claims
    for claim in brief.claims:
        assert words(claim.text) in printed.text, f"claim missing from print: {claim.text!r}"
    assert words(brief.article.title) in printed.text and brief.article.date in printed.text
    for name in ("Home", "Briefs", "Build report", "Credits", "Search"):
        assert name in printed.chrome or any(name in label for label in printed.chrome), name
    assert_no_chrome(printed)


def test_printed_brief_shows_its_source_and_article_url(browser, site_url, corpus, tmp_path):
    brief = next(b for b in pages.sorted_briefs(corpus) if markup.safe_url(b.article.url))
    printed = print_page(browser, f"{site_url}/briefs/{brief.article.id}/", tmp_path / "url.pdf")
    url = markup.safe_url(brief.article.url)
    assert url in "".join(printed.text.split()), f"{url} is not printed"
    assert f"Source: {brief.article.source}" in printed.text


def test_speaker_heading_is_never_last_on_a_page(browser, site_url, corpus, tmp_path):
    longest = sorted(corpus.briefs, key=lambda b: -len(b.claims))[:4]
    broken = 0
    for brief in longest:
        headings = {words(s["name"]) for s in pages.speaker_sections(brief)} | {"Article"}
        printed = print_page(browser, f"{site_url}/briefs/{brief.article.id}/", tmp_path / f"{brief.article.id}.pdf")
        assert len(printed.pages) > 1, "a long brief should need more than one page"
        for number, page in enumerate(printed.pages[:-1], start=1):
            lines = [words(line) for line in page.splitlines() if line.strip()]
            broken += 1
            where = f"{brief.article.id}: page {number}"
            assert lines[-1] not in headings, f"{where}: heading {lines[-1]!r} alone at its foot"
            assert not re.fullmatch(r"\d+ claims?\b.*", lines[-1]), f"{where} ends on {lines[-1]!r}"
    assert broken >= 4


def test_collapsed_content_is_printed_open_and_charts_fit(browser, site_url, tmp_path):
    add_details = """() => {
        const d = document.createElement('details');
        d.innerHTML = '<summary>More</summary><p>Folded-away paragraph for print</p>';
        document.querySelector('article').appendChild(d);
    }"""
    printed = print_page(browser, f"{site_url}/briefs/{SEED}/", tmp_path / "details.pdf", script=add_details)
    assert "Folded-away paragraph for print" in printed.text

    page = browser.new_page(viewport={"width": 700, "height": 1000})
    try:
        page.goto(f"{site_url}/briefs/{SEED}/", wait_until="load")
        page.emulate_media(media="print")
        sizes = page.eval_on_selector_all(
            "article img, article svg",
            "els => els.map(e => [e.getBoundingClientRect().right, document.documentElement.clientWidth])")
    finally:
        page.close()
    assert sizes, "the brief has no chart"
    for right, width in sizes:
        assert right <= width + 1, f"a chart is wider than the page ({right} > {width})"


@pytest.mark.parametrize("kind", ["speakers", "topics"])
def test_speaker_and_topic_pages_print_without_navigation(kind, browser, site_url, built_site, tmp_path):
    pages = sorted(p.parent.name for p in (built_site / kind).glob("*/index.html"))
    if not pages:
        pytest.skip(f"the site has no {kind} pages")
    printed = print_page(browser, f"{site_url}/{kind}/{pages[0]}/", tmp_path / f"{kind}.pdf")
    heading = printed.content.strip().splitlines()[0].rstrip("¶")
    assert words(heading) in printed.text and "¶" not in heading
    assert_no_chrome(printed)
