"""The built site in a real browser: Playwright for Python driving Debian's chromium.

Skipped with a message when /usr/bin/chromium is missing; under CI=true that is a failure.
The site is served from the shared `built_site` build on 127.0.0.1 at a free port.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = "2021-05-07-lavrov-un-multilateralism"
TRUCE = "2008-12-23-hamas-ends-truce"  # Fawzi Barhum speaks here and in one more article: he has a page


def test_home_to_brief_to_speaker_by_clicking(page, site_url):
    page.goto(site_url)
    page.click(f"article a[href*='briefs/{TRUCE}']")
    page.wait_for_url(re.compile(rf"/briefs/{TRUCE}/$"))
    assert "Fawzi Barhum" in [h.rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    page.click("a.qb-speaker-link[href*='speakers/fawzi-barhum']")
    page.wait_for_url(re.compile(r"/speakers/fawzi-barhum/$"))
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == "Fawzi Barhum"
    # and back from a claim on the speaker page to its words in the brief's article text
    page.click(f"article a[href*='briefs/{TRUCE}/#w-']")
    page.wait_for_url(re.compile(rf"/briefs/{TRUCE}/#w-[a-z2-7]+$"))
    assert page.watch.errors == [] and page.watch.foreign == []


def test_speaker_of_one_article_leads_to_their_section_of_the_brief(page, site_url):
    page.goto(site_url + "speakers/")
    page.click("article a:text-is('Sergei Lavrov')")
    page.wait_for_url(re.compile(rf"/briefs/{SEED}/#sergei-lavrov$"))
    assert page.locator("#sergei-lavrov").inner_text().rstrip("¶").strip() == "Sergei Lavrov"
    assert page.watch.errors == [] and page.watch.foreign == []


def _quote_words(built_site) -> str:
    """A few words from inside a quote of the seed brief, as printed on its page."""
    html = (built_site / "briefs" / SEED / "index.html").read_text("utf-8")
    quotes = re.findall(r"<p>&quot;([^<]{60,}?)&quot;", html)  # a claim that is a quote, in any position
    assert quotes, "the seed brief shows no direct quote"
    words = re.findall(r"[A-Za-z]{5,}", max(quotes, key=len))
    middle = len(words) // 2
    return " ".join(words[middle - 1: middle + 2])


def test_search_for_words_of_a_quote_finds_its_brief(page, site_url, built_site):
    phrase = _quote_words(built_site)
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type(phrase, delay=20)  # typed, as a reader would: search runs on key events
    page.wait_for_selector("li.md-search-result__item", timeout=15000)
    links = page.locator("li.md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(f"/briefs/{SEED}/" in href for href in links), f"{phrase!r} found {links}"
    assert page.watch.errors == [] and page.watch.foreign == []


def test_search_by_speaker_name_finds_their_claims(page, site_url):
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type("Barhum", delay=20)
    page.wait_for_selector("li.md-search-result__item", timeout=15000)
    links = page.locator("li.md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(f"/briefs/{TRUCE}/" in href and href.endswith("#fawzi-barhum") for href in links), links
    assert any("/speakers/fawzi-barhum/" in href for href in links), links


PAGES = ["", f"briefs/{SEED}/", "briefs/", "speakers/", "speakers/fawzi-barhum/", "topics/", "topics/israel/",
         "timeline/", "charts/", "tags/", "report/", "credits/"]


def test_pages_have_no_console_errors_and_ask_no_other_host(page, site_url):
    for path in PAGES:
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else None}"
        broken = page.locator("article img").evaluate_all(
            "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")
        assert broken == [], f"{path}: images that did not load: {broken}"
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.foreign == [], page.watch.foreign


def test_watch_sees_requests_to_other_hosts(page, site_url):
    """The check above can fail: a page that asks another host is caught (and the request never leaves)."""
    page.goto(site_url)
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.com/x.png'; document.body.append(i); }")
    page.wait_for_timeout(300)
    assert any("example.com" in u for u in page.watch.foreign)


# ---------------------------------------------------------------- issue 16: pages a reader trusts at a glance

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    with open_page(browser, viewport=PHONE, device_scale_factor=1) as p:
        yield p


def _svg_min_font(svg: str) -> tuple[float, float]:
    """(smallest font size in SVG units, viewBox width) of a chart."""
    sizes = [float(x) for x in re.findall(r"font-size[:=]\s*\"?([\d.]+)px", svg)]
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))
    return min(sizes), width


def test_chart_text_is_11px_or_more_on_a_phone(phone, site_url, built_site):
    seen = 0
    for path in [f"briefs/{SEED}/", "charts/", "timeline/", "speakers/fawzi-barhum/"]:
        phone.goto(site_url + path, wait_until="networkidle")
        for img in phone.locator("article img.qb-chart").all():
            shown = img.evaluate("e => e.getBoundingClientRect().width")
            src = urlsplit(img.evaluate("e => e.src")).path.lstrip("/")
            smallest, width = _svg_min_font((built_site / src).read_text("utf-8"))
            assert smallest * shown / width >= 11, f"{src}: {smallest * shown / width:.1f} px text on a phone"
            seen += 1
    assert seen >= 4  # the brief's chart, the three corpus charts (and the timeline when drawn)
    assert phone.watch.errors == [] and phone.watch.foreign == []


def test_share_of_voice_chart_and_its_table_show_the_same_numbers(page, site_url, built_site):
    page.goto(site_url + "charts/")
    svg = (built_site / "charts" / "share-of-voice.svg").read_text("utf-8")
    drawn = re.findall(r'class="share"[^>]*>(\d+) \(([\d.]+%)\)<', svg)
    table = page.locator("article table").first
    rows = table.locator("tbody tr").evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.textContent.trim()))")
    assert [(r[1], r[2]) for r in rows] == drawn and drawn
    total = int(re.search(r"all (\d+) attributed claims", svg).group(1))
    assert all(abs(float(r[2].rstrip("%")) - 100 * int(r[1]) / total) <= 0.5 for r in rows)


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css))


def _contrast(fg: str, bg: str) -> float:
    from generator.render.charts import contrast

    f, b = _rgb(fg), _rgb(bg)
    alpha = f[3] if len(f) > 3 else 1.0
    mixed = [round(alpha * f[i] + (1 - alpha) * b[i]) for i in range(3)]
    return contrast("#{:02x}{:02x}{:02x}".format(*mixed), "#{:02x}{:02x}{:02x}".format(*(round(x) for x in b[:3])))


def _claim_contrast(page) -> float:
    fg = page.locator(".qb-claim blockquote p").first.evaluate("e => getComputedStyle(e).color")
    bg = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    return _contrast(fg, bg)


def test_claims_read_in_full_contrast_in_light_and_dark(page, site_url):
    page.goto(site_url + f"briefs/{SEED}/")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "default"
    assert _claim_contrast(page) >= 7
    page.locator("label.md-header__button[for^='__palette']:visible").click()  # the dark-mode toggle
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert _claim_contrast(page) >= 7
    page.goto(site_url + f"briefs/{TRUCE}/")  # a brief whose speakers have pages of their own
    link = page.locator("article a[href*='speakers/']").first.evaluate("e => getComputedStyle(e).color")
    assert _contrast(link, page.evaluate("() => getComputedStyle(document.body).backgroundColor")) >= 4.5
    page.goto(site_url + "charts/")  # the choice is kept from page to page
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.watch.errors == [] and page.watch.foreign == []


def test_headline_comes_first_on_a_phone(phone, site_url):
    phone.goto(site_url + f"briefs/{TRUCE}/")
    tags = phone.locator("article .md-tags")
    assert tags.count() == 0 or not tags.first.is_visible()
    gap = phone.evaluate("() => document.querySelector('article h1').getBoundingClientRect().top"
                         " - document.querySelector('article').getBoundingClientRect().top")
    assert gap < 40, f"the headline starts {gap:.0f} px into the page"


def test_speaker_page_says_who_said_what(page, site_url):
    page.goto(site_url + "speakers/fawzi-barhum/")
    first = page.locator("article .qb-claim blockquote p").first.inner_text()
    assert re.match(r"Barhum (said|stated|told)", first), first


def test_search_puts_briefs_and_speakers_before_site_pages(page, site_url):
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type("Lavrov", delay=20)
    page.wait_for_selector("li.md-search-result__item", timeout=15000)
    links = page.locator("li.md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    assert links and re.search(r"/(briefs|speakers)/", links[0]), links
    assert not any(re.search(r"/(credits|report)/", href) for href in links), links


def test_tables_fit_a_phone_and_sort_by_a_click(phone, site_url):
    for path in ["speakers/", "charts/", "report/", "credits/"]:
        phone.goto(site_url + path)
        wide = phone.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], f"{path}: the page is {wide} px wide"
        scrolling = phone.locator(".md-typeset__scrollwrap").evaluate_all(
            "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")
        assert scrolling == 0, f"{path}: a table scrolls sideways"
    phone.goto(site_url + "speakers/")
    header = phone.locator("article table th", has_text="claims")
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    counts = phone.locator("article table tbody tr td:nth-child(3)").all_inner_texts()
    numbers = [int(re.sub(r"\D", "", c)) for c in counts]
    assert numbers == sorted(numbers, reverse=True)
    header.click()
    numbers = [int(re.sub(r"\D", "", c)) for c in
               phone.locator("article table tbody tr td:nth-child(3)").all_inner_texts()]
    assert numbers == sorted(numbers) and header.get_attribute("aria-sort") == "ascending"
    phone.locator("article table th", has_text="speaker").click()
    names = phone.locator("article table tbody tr td:nth-child(1)").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    assert phone.watch.errors == [] and phone.watch.foreign == []
