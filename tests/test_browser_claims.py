"""The claim marks in a real browser (chromium through Playwright, as tests/test_browser.py): the
low-confidence flag is seen on every page that shows claims in the light and the dark scheme, a
claim's permalink opens its page scrolled to it, its copy-link control copies it, and its ¶ link
highlights its words in the article text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from test_browser import SEED, _contrast

from conftest import ROOT, open_page, serve_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# the kinds of page that show claims, each of which must show a flagged claim's mark
FLAGGED_KINDS = ("briefs", "speakers", "topics", "timeline")


@pytest.fixture(scope="module")
def every_page_site(tmp_path_factory):
    """The sample site with a page for every speaker and topic (`page_min_articles: 1`): which claims
    the extractor flags, and whose, changes as it improves, and with a page for each speaker some
    speaker page holds a flagged claim whoever was flagged."""
    work = tmp_path_factory.mktemp("every-page")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}"),
                     ("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"),
                     ("      articles: articles\n",
                      f"      articles: {ROOT / 'articles'}\n      page_min_articles: 1\n"),
                     ("      speakers_file: speakers.yml\n", f"      speakers_file: {ROOT / 'speakers.yml'}\n")):
        assert old in config, old
        config = config.replace(old, new)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = work / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, cwd=work)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def every_page_url(every_page_site):
    with serve_folder(every_page_site) as url:
        yield url


def flagged_pages(site) -> list[str]:
    """One page of each kind that holds a flagged claim in the built sample site (which claims the
    extractor flags changes as it improves, so the pages are found, not named)."""
    found = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        kind = rel.split("/")[0]
        if kind in FLAGGED_KINDS and kind not in found and 'class="qb-flag" title=' in html.read_text(encoding="utf-8"):
            found[kind] = rel + "/"
    assert set(found) == set(FLAGGED_KINDS), f"no flagged claim on a page of kind {set(FLAGGED_KINDS) - set(found)}"
    return [found[k] for k in FLAGGED_KINDS]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    with open_page(browser, color_scheme=request.param) as page:
        page.scheme = {"light": "default", "dark": "slate"}[request.param]
        yield page


def _background(el) -> str:
    """The colour behind an element: its own, else its nearest ancestor's that is not transparent."""
    return el.evaluate("""e => { for (let n = e; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (c && c !== 'transparent' && !/, 0\\)$/.test(c)) return c; }
        return getComputedStyle(document.body).backgroundColor; }""")


def test_the_flag_is_seen_with_icon_words_colour_and_tooltip_in_light_and_dark(scheme_page, every_page_url,
                                                                              every_page_site):
    page = scheme_page
    for path in flagged_pages(every_page_site):
        page.goto(every_page_url + path)
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == page.scheme
        flag = page.locator("article .qb-claim-meta .qb-flag, article li .qb-flag").first
        flag.scroll_into_view_if_needed()
        assert flag.is_visible(), path
        assert re.fullmatch(r"low confidence 0\.\d\d", flag.inner_text().strip()), path
        assert "Low confidence" in flag.get_attribute("title")
        icon = flag.evaluate("e => { const s = getComputedStyle(e, '::before'); "
                             "return [s.width, s.maskImage || s.webkitMaskImage, s.backgroundColor]; }")
        assert float(icon[0].rstrip("px")) >= 10 and "svg" in icon[1], (path, icon)
        colour = flag.evaluate("e => getComputedStyle(e).color")
        assert _contrast(colour, _background(flag)) >= 4.5, (path, page.scheme)
        assert _contrast(icon[2], _background(flag)) >= 3, (path, page.scheme)  # the icon: a graphic, 3:1
        legend = page.locator("article .qb-legend .qb-flag").first
        assert legend.is_visible() and "review queue" in page.locator("article .qb-legend").first.inner_text()
    assert page.watch.errors == [] and page.watch.foreign == []


def _claim_ids(page) -> list[str]:
    return page.locator("article .qb-claim[id^='claim-']").evaluate_all("els => els.map(e => e.id.slice(6))")


def test_a_claim_permalink_opens_its_page_scrolled_to_the_claim(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + f"briefs/{SEED}/")
    ids = _claim_ids(page)
    assert len(ids) >= 5 and all(re.fullmatch(r"[a-z2-7]{10}", i) for i in ids)
    last = ids[-1]
    page.goto(site_url + f"briefs/{SEED}/#claim-{last}")
    page.wait_for_timeout(300)
    box = page.locator(f"#claim-{last}").bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert page.evaluate("() => window.scrollY") > 500
    assert header["y"] + header["height"] <= box["y"] < 900, box
    outline = page.locator(f"#claim-{last} > blockquote").evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"  # the claim reached is marked
    # its copy-link control puts the same permalink on the clipboard
    page.locator(f"#claim-{last} a.qb-permalink").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == site_url + f"briefs/{SEED}/#claim-{last}"
    # and the same claim on a speaker page has the same id, and a control copying the brief's permalink
    page.goto(site_url + "speakers/fawzi-barhum/")
    shown = _claim_ids(page)
    link = page.locator(f"#claim-{shown[0]} a.qb-permalink").get_attribute("href")
    assert re.search(rf"briefs/[\w-]+/#claim-{shown[0]}$", link), link


def test_the_paragraph_link_highlights_the_claims_words(page, site_url):
    page.goto(site_url + f"briefs/{SEED}/")
    claim = page.locator("article .qb-claim").nth(3)
    cid = claim.get_attribute("id").removeprefix("claim-")
    words = " ".join(claim.locator("blockquote p").first.inner_text().split())
    plain = page.locator(f"#w-{cid}").evaluate("e => getComputedStyle(e).backgroundColor")
    claim.locator(f"a[href='#w-{cid}']").click()
    page.wait_for_url(re.compile(rf"#w-{cid}$"))
    target = page.locator(f"#w-{cid}")
    lit = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert lit != plain and _contrast(target.evaluate("e => getComputedStyle(e).color"), lit) >= 4.5
    assert " ".join(target.inner_text().split()) == words  # exactly the claim's words, highlighted
    box = target.bounding_box()
    assert 0 < box["y"] < 900
    # the review queue lists flagged claims, each linking to its claim on its brief
    page.goto(site_url + "review/")
    first = page.locator("article table tbody tr").first
    href = first.locator("a").first.get_attribute("href")
    assert re.search(r"briefs/[\w-]+/#claim-[a-z2-7]{10}$", href), href
    assert page.watch.errors == [] and page.watch.foreign == []
