"""Readers find, filter and reuse who said what (issue 25), in a real browser: on the sample site and
on a site of 300 BBC articles (../shared/corpus/bbc; skipped with a message when absent, required
under CI=true). Figures are checked against the site's own data downloads, read as a user would.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, open_page, require_shared, serve_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BBC_ARTICLES = 300
SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def _bbc_articles(corpus: Path) -> list[Path]:
    """300 BBC articles, 60 of each section in name order, none of those reserved for evaluation."""
    reserved_file = corpus.parent.parent / "eval" / "bbc-speech" / "reserved.txt"
    reserved = set(reserved_file.read_text("utf-8").split()) if reserved_file.exists() else set()
    picked = []
    for section in SECTIONS:
        files = [p for p in sorted((corpus / section).glob("*.txt"))
                 if f"{section}/{p.stem}" not in reserved and f"{section.capitalize()}/{p.stem}" not in reserved]
        picked += files[:BBC_ARTICLES // len(SECTIONS)]
    return picked


@pytest.fixture(scope="module")
def bbc_site(tmp_path_factory):
    """A site of 300 BBC articles built with mkdocs build --strict (the corpus is linked, never copied;
    its cache is kept in .cache/ of the checkout so a second run extracts nothing)."""
    corpus = require_shared("corpus", "bbc")
    work = tmp_path_factory.mktemp("bbc")
    for path in _bbc_articles(corpus):
        target = work / "articles" / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(path)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("cache_dir: .cache/quotebrief", f"cache_dir: {ROOT / '.cache' / 'bbc300-test'}")
    config = config.replace("speakers_file: speakers.yml", "workers: 1\n      follow_links: true")
    (work / "mkdocs.yml").write_text(config, "utf-8")
    site = work / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, cwd=work)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


@pytest.fixture(scope="module", params=["sample", "bbc"])
def site(request):
    """(site folder, its URL) for the sample site and the 300-article BBC site."""
    folder = request.getfixturevalue("built_site" if request.param == "sample" else "bbc_site")
    with serve_folder(folder) as url:
        yield folder, url


@pytest.fixture
def no_js(browser):
    with open_page(browser, java_script_enabled=False) as page:
        yield page


# ---------------------------------------------------------------- the data, as a reader downloads it

def _download(page, url: str) -> str:
    response = page.request.get(url)
    assert response.ok, f"{url}: HTTP {response.status}"
    return response.body().decode("utf-8")


def _csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "CSV without its byte-order mark"
    return list(csv.DictReader(io.StringIO(text[1:])))


def _data(page, url: str) -> dict:
    """The four downloads, found through the home page's links."""
    page.goto(url)
    links = {}
    for name in ("claims.jsonl", "claims.csv", "speakers.csv", "voices.csv"):
        link = page.locator(f"article a[href$='data/{name}']").first
        assert link.count(), f"the home page does not link data/{name}"
        links[name] = link.evaluate("e => e.href")
    return {"jsonl": [json.loads(line) for line in _download(page, links["claims.jsonl"]).splitlines()],
            "claims": _csv(_download(page, links["claims.csv"])),
            "speakers": _csv(_download(page, links["speakers.csv"])),
            "voices": _csv(_download(page, links["voices.csv"]))}


def _paged_people(site_dir: Path, data: dict) -> list[dict]:
    """Named people with a page of their own, most claims first."""
    return [s for s in data["speakers"] if s["kind"] == "person" and s["speaker_group"] == "person"
            and (site_dir / "speakers" / s["speaker_id"] / "index.html").exists()]


def test_downloads_open_parse_and_match_the_site_s_counts(page, site):
    folder, url = site
    data = _data(page, url)
    claims, jsonl, speakers = data["claims"], data["jsonl"], data["speakers"]
    assert len(claims) == len(jsonl) > 0
    assert [c["id"] for c in claims] == [c["id"] for c in jsonl] and all(c["id"] for c in jsonl)
    assert len({c["id"] for c in jsonl}) == len(jsonl), "claim ids are not unique"
    # the Voices page, the speakers index and the briefs list say the same numbers
    page.goto(url + "voices/")
    total = int(re.search(r"in these (\d+) claims", page.locator("article").inner_text()).group(1))
    assert total == len(claims)
    page.goto(url + "speakers/")
    unattributed = re.search(r"(\d+) claims? could not be attributed", page.locator("article").inner_text())
    no_speaker = sum(1 for c in claims if not c["speaker_id"])
    assert int(unattributed.group(1) if unattributed else 0) == no_speaker
    assert sum(int(s["claims"]) for s in speakers) + no_speaker == len(claims)
    per_speaker = Counter(c["speaker_id"] for c in claims if c["speaker_id"])
    assert {s["speaker_id"]: int(s["claims"]) for s in speakers} == dict(per_speaker)
    page.goto(url + "briefs/")
    briefs = int(re.search(r"(\d+) articles", page.locator("article").inner_text()).group(1))
    assert len({c["article_id"] for c in jsonl}) <= briefs == page.locator("article li.qb-item").count()
    # offsets and values as the contract says; spreadsheet cells never start a formula
    for c in jsonl[:200]:
        assert 0 <= c["start"] < c["end"] and c["kind"] in ("direct", "indirect", "mixed", "stance")
    for row in claims:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    assert page.watch.errors == [] and page.watch.foreign == []


# ---------------------------------------------------------------- search

def _search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=15)
    page.wait_for_selector("li.md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # the last keystroke's results
    return page.locator("li.md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def test_a_speaker_s_surname_finds_their_page_first_and_results_show_claims(page, site):
    folder, url = site
    data = _data(page, url)
    people = _paged_people(folder, data)
    assert people, "no person with a page of their own"
    surnames = Counter(s["name"].split()[-1] for s in data["speakers"])
    tried = 0
    for person in people[:3]:
        surname = person["name"].split()[-1]
        if surnames[surname] > 1:  # two speakers of that surname: the full name is the query
            surname = person["name"]
        links = _search(page, url, surname)
        assert f"/speakers/{person['speaker_id']}/" in links[0], f"{surname!r}: {links[:5]}"
        # the results show the matching claims (a brief's section under the speaker), not tag chips
        assert page.locator("li.md-search-result__item .md-tag").count() == 0
        words = {" ".join(c["text"].split())[:40].lower() for c in data["jsonl"]
                 if c["speaker_id"] == person["speaker_id"]}
        shown = " ".join(page.locator("li.md-search-result__item article").all_inner_texts()).lower()
        shown = " ".join(shown.split())
        assert any(w in shown for w in words), f"no claim of {person['name']} among the results"
        tried += 1
    assert tried
    assert page.watch.errors == [] and page.watch.foreign == []


def test_a_topic_s_name_finds_its_page_first(page, site):
    folder, url = site
    page.goto(url + "topics/")
    speakers = {p.name for p in (folder / "speakers").iterdir()}
    topics = page.locator("article .qb-list a").evaluate_all("els => els.map(e => [e.textContent.trim(), e.href])")
    topics = [(name, re.search(r"topics/([^/]+)/", href).group(1)) for name, href in topics
              if re.search(r"topics/[^/]+/", href)]
    picked = [(name, tid) for name, tid in topics if tid not in speakers][:2]
    assert picked
    for name, tid in picked:
        links = _search(page, url, name)
        assert f"/topics/{tid}/" in links[0], f"{name!r}: {links[:5]}"


# ---------------------------------------------------------------- filters

def _visible(page, selector: str) -> list:
    return page.locator(selector).evaluate_all("els => els.filter(e => !e.hidden)")


def _shown(page, selector: str = "article .qb-item") -> list[dict]:
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => !e.hidden).map(e => ({...e.dataset, text: e.textContent}))")


def test_speakers_index_filters_by_name_and_flagged(page, site):
    folder, url = site
    data = _data(page, url)
    flagged = {c["speaker_id"] for c in data["claims"] if c["flagged"] == "true" and c["speaker_id"]}
    names = {s["name"]: s["speaker_id"] for s in data["speakers"]}
    page.goto(url + "speakers/")
    rows = page.locator("article tr.qb-item")
    everyone = rows.count()
    assert everyone >= 2 and page.locator("form.qb-filter-form").count() == 1
    page.select_option("form.qb-filter-form select[name=flagged]", "yes")
    page.wait_for_timeout(100)
    shown = [r["text"] for r in _shown(page, "article tr.qb-item")]
    listed = page.locator("article tr.qb-item td:first-child").all_inner_texts()
    expected = [n for n in listed if names.get(n.strip()) in flagged]
    assert len(shown) == len(expected) < everyone
    assert f"{len(expected)} of {everyone} speakers" in page.locator(".qb-filter-status").inner_text()
    page.select_option("form.qb-filter-form select[name=flagged]", "")
    top = listed[0].strip()
    page.fill("form.qb-filter-form input[name=q]", top.split()[-1])
    page.wait_for_timeout(100)
    shown = [r["text"] for r in _shown(page, "article tr.qb-item")]
    assert shown and all(top.split()[-1].lower() in t.lower() for t in shown) and any(top in t for t in shown)
    assert page.watch.errors == [] and page.watch.foreign == []


def test_briefs_list_filters_by_date_range_and_topic(page, site):
    folder, url = site
    data = _data(page, url)
    dates = {c["article_id"]: c["date"] for c in data["jsonl"]}
    page.goto(url + "briefs/")
    items = page.locator("article li.qb-item").evaluate_all(
        "els => els.map(e => [e.dataset.date, e.querySelector('a').getAttribute('href')])")
    for date, href in items:  # each item carries its article's date
        aid = href.rstrip("/").rsplit("/", 1)[-1]
        if aid in dates:
            assert (dates[aid] or "") == date, aid
    known = sorted(d for d, _ in items if d)
    if len(set(known)) >= 2:  # dated articles (the BBC corpus has none: no date fields then)
        since, until = known[len(known) // 4], known[len(known) // 2]
        page.fill("form.qb-filter-form input[name=since]", since)
        page.fill("form.qb-filter-form input[name=until]", until)
        page.wait_for_timeout(100)
        shown = _shown(page)
        assert len(shown) == sum(1 for d, _ in items if d and since <= d <= until) < len(items)
        assert all(since <= s["date"] <= until for s in shown)
        page.fill("form.qb-filter-form input[name=since]", "")
        page.fill("form.qb-filter-form input[name=until]", "")
    else:
        assert page.locator("form.qb-filter-form input[name=since]").count() == 0
    topic = page.locator("form.qb-filter-form select[name=topic] option").nth(1).get_attribute("value")
    page.select_option("form.qb-filter-form select[name=topic]", topic)
    page.wait_for_timeout(100)
    shown = _shown(page)
    naming = {c["article_id"] for c in data["jsonl"] if topic in c["topics"]}
    assert len(shown) == len(naming) and all(topic in s["topics"].split("|") for s in shown)
    assert page.watch.errors == [] and page.watch.foreign == []


def test_speaker_and_topic_pages_filter_claims_by_kind(page, site):
    folder, url = site
    data = _data(page, url)
    person = _paged_people(folder, data)[0]
    for path in (f"speakers/{person['speaker_id']}/", "topics/" + sorted(
            p.name for p in (folder / "topics").iterdir() if p.is_dir())[0] + "/"):
        page.goto(url + path)
        everything = page.locator("article .qb-claim.qb-item").count()
        kinds = page.locator("form.qb-filter-form select[name=kind] option").evaluate_all(
            "os => os.map(o => o.value).filter(Boolean)")
        if not kinds:  # one kind only: no menu
            assert len({s["kinds"] for s in _shown(page)}) == 1
            continue
        seen = 0
        for kind in kinds:
            page.select_option("form.qb-filter-form select[name=kind]", kind)
            page.wait_for_timeout(50)
            shown = _shown(page)
            assert shown and all(s["kinds"] == kind for s in shown)
            assert all(f"qb-{kind}" in c for c in page.locator("article .qb-claim.qb-item").evaluate_all(
                "els => els.filter(e => !e.hidden).map(e => e.className)"))
            seen += len(shown)
        assert seen == everything, path
    assert page.watch.errors == [] and page.watch.foreign == []


def test_without_javascript_every_list_is_complete(no_js, site):
    folder, url = site
    for path, selector in [("briefs/", "article li.qb-item"), ("speakers/", "article tr.qb-item")]:
        no_js.goto(url + path)
        html = (folder / path / "index.html").read_text("utf-8")
        assert no_js.locator(selector).count() == html.count('class="qb-item"') > 1
        assert no_js.locator("form.qb-filter-form").count() == 0
        assert _visible(no_js, selector) and len(_visible(no_js, selector)) == no_js.locator(selector).count()
    no_js.goto(url + "briefs/")
    said = int(re.search(r"(\d+) articles", no_js.locator("article").inner_text()).group(1))
    assert no_js.locator("article li.qb-item").count() == said


# ---------------------------------------------------------------- the Voices page

def _voices_tables(page) -> dict[str, list[list[str]]]:
    return page.evaluate("""() => {
        const out = {};
        for (const h of document.querySelectorAll('article h2[id]')) {
            let el = h.nextElementSibling;
            while (el && el.tagName !== 'H2' && !el.querySelector('table') && el.tagName !== 'TABLE') {
                el = el.nextElementSibling; }
            if (!el || el.tagName === 'H2') continue;
            const table = el.tagName === 'TABLE' ? el : el.querySelector('table');
            out[h.id] = [...table.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.textContent.trim()));
        }
        return out; }""")


def test_voices_figures_equal_those_recomputed_from_the_export(page, site):
    from generator.render.figures import all_periods, granularity, period_of

    folder, url = site
    data = _data(page, url)
    claims = data["claims"]
    page.goto(url + "voices/")
    tables = _voices_tables(page)
    assert "overall" in tables and "gender" in tables
    groups = ("person", "organisation", "unnamed")

    def check(table, rows_expected, keys):
        header, *rows = table
        assert len(header) == len(keys) + 2
        got = {r[0]: [int(c.split()[0]) for c in r[1:-1]] + [int(r[-1])] for r in rows}
        for label, counts in rows_expected.items():
            total = sum(counts[k] for k in keys)
            assert got[label] == [counts[k] for k in keys] + [total], label
            for cell, k in zip(dict(zip(header[1:-1], rows[[r[0] for r in rows].index(label)][1:-1])).values(), keys):
                share = float(re.search(r"\(([\d.]+)%\)", cell).group(1))
                assert abs(share - (100 * counts[k] / total if total else 0)) <= 0.5, (label, cell)
        assert set(got) == set(rows_expected)

    check(tables["overall"], {"all claims": Counter(c["speaker_group"] for c in claims)}, groups)
    sections = defaultdict(Counter)
    for c in claims:
        if c["section"]:
            sections[c["section"]][c["speaker_group"]] += 1
    if len(sections) >= 2:
        check(tables["section"], sections, groups)
    else:
        assert "section" not in tables
    topic_rows = {r[0] for r in tables["topic"][1:]}
    by_topic = defaultdict(Counter)
    for c in data["jsonl"]:
        for t in set(c["topics"]):
            if t in topic_rows:
                by_topic[t][c["speaker_group"]] += 1
    check(tables["topic"], by_topic, groups)
    dates = [c["date"] for c in claims if c["date"]]
    unit = granularity(dates)
    periods = {p: Counter() for p in all_periods(dates, unit)}
    for c in claims:
        if c["date"]:
            periods[period_of(c["date"], unit)][c["speaker_group"]] += 1
    if len(periods) >= 2:
        check(tables["period"], periods, groups)
    else:  # undated (the BBC corpus): no table of periods
        assert "period" not in tables
    people = [c for c in claims if c["speaker_group"] == "person"]
    genders = {"claims by named people": Counter(c["gender"] for c in people)}
    if len(sections) >= 2:
        for section in {c["section"] for c in people if c["section"]}:
            genders[section] = Counter(c["gender"] for c in people if c["section"] == section)
    check(tables["gender"], genders, ("woman", "man", "not stated"))
    # voices.csv holds the same figures as the page
    csv_overall = {r["group"]: int(r["claims"]) for r in data["voices"] if r["breakdown"] == "overall"}
    assert csv_overall == dict(Counter(c["speaker_group"] for c in claims))
    assert page.watch.errors == [] and page.watch.foreign == []


def test_share_of_voice_never_labels_ten_claims_or_more_as_one_percent(page, site):
    """Each bar's count is the speaker's claims the charts count (flagged ones are left out), its
    share one decimal under 10%: a speaker of 10 claims or more is never a bare "1%"."""
    folder, url = site
    data = _data(page, url)
    counts = Counter(c["speaker_name"] for c in data["claims"] if c["speaker_name"] and c["flagged"] == "false")
    svg = (folder / "charts" / "share-of-voice.svg").read_text("utf-8")
    labels = re.findall(r'class="share"[^>]*>(\d+) \(([\d.]+)%\)<', svg)
    names = re.findall(r"<title>([^<]+): \d+ of \d+ claims</title>", svg)
    total = int(re.search(r"all (\d+) attributed claims", svg).group(1))
    assert labels and len(names) == len(labels)
    for name, (n, share) in zip(names, labels):
        assert counts[name.replace("&amp;", "&").replace("&#x27;", "'")] == int(n)
        if int(n) >= 10:
            assert share != "1", f"{name}: {n} claims labelled 1%"
        assert abs(float(share) - 100 * int(n) / total) <= (0.05 if "." in share else 0.5) + 1e-9  # a half rounds
