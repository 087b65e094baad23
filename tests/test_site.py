"""End to end: build the real site from the bundled articles with mkdocs build --strict."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent


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
    tags = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*>")
    target = re.compile(r'(?:src|href)="((?:https?:)?//[^"]+)"')
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        external = [m.group(1) for tag in tags.findall(page.read_text("utf-8"))
                    if 'rel="canonical"' not in tag and (m := target.search(tag))]
        assert external == [], f"{page} loads {external}"


def test_the_external_load_check_catches_a_load():
    """The check above is not blind: a script from another host in a page is caught."""
    tags = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*>")
    target = re.compile(r'(?:src|href)="((?:https?:)?//[^"]+)"')
    html = '<link rel="canonical" href="https://x.org/a/"><script src="https://cdn.example/x.js"></script>'
    found = [m.group(1) for tag in tags.findall(html) if 'rel="canonical"' not in tag and (m := target.search(tag))]
    assert found == ["https://cdn.example/x.js"]


# ---------------------------------------------------------------- pages across articles


def _speaker_page(site, sid):
    page = site / "speakers" / sid / "index.html"
    assert page.exists(), f"no speaker page {sid}: {sorted(p.name for p in (site / 'speakers').iterdir())[:80]}"
    return page.read_text("utf-8")


def test_speakers_quoted_in_several_articles_get_one_page_with_all_claims(built_site):
    from conftest import project_build

    corpus = project_build().corpus()
    several = {sid for sid in corpus.speakers
               if len({b.article.id for b in corpus.briefs for c in b.claims if c.speaker == sid}) > 1}
    assert "fawzi-barhum" in several  # "Fawzi Barhum" and "Fawzi Barhoum" are one man
    for sid in several:
        html = _speaker_page(built_site, sid)
        for brief in corpus.briefs:
            n = sum(1 for c in brief.claims if c.speaker == sid)
            if n:
                links = re.findall(rf'href="\.\./\.\./briefs/{re.escape(brief.article.id)}/#w-[a-z2-7]+"', html)
                assert len(links) == n, f"{sid}: {len(links)} of {n} claims from {brief.article.id}"
    for sid in ("condoleezza-rice", "yigal-palmor", "fawzi-barhum"):
        _speaker_page(built_site, sid)
    index = (built_site / "speakers" / "index.html").read_text("utf-8")
    counts = [int(n) for n in re.findall(r'<td style="text-align: right;">(\d+)</td>\s*<td style="text-align: '
                                         r'right;">\d+</td>', index)]
    assert counts and counts == sorted(counts, reverse=True)


def test_topic_timeline_and_chart_pages_exist(built_site):
    topics = list((built_site / "topics").glob("*/index.html"))
    assert len(topics) >= 10
    assert (built_site / "topics" / "israel" / "index.html").exists()
    timeline = (built_site / "timeline" / "index.html").read_text("utf-8")
    assert "2008-12-23" in timeline and (built_site / "timeline.svg").exists()
    charts_page = (built_site / "charts" / "index.html").read_text("utf-8")
    for name in ("share-of-voice", "quoted-vs-reported", "who-talks-about-whom"):
        assert (built_site / "charts" / f"{name}.svg").exists()
        assert re.search(rf'<img alt="[^"]{{20,}}" class="qb-chart" src="{name}\.svg"', charts_page), name
    assert charts_page.count("<table>") == 3


def test_search_indexes_claims_and_speakers_not_article_text(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "abide by its obligations" in text  # a claim (Fawzi Barhum)
    titles = {d["title"] for d in docs}
    assert "Fawzi Barhum" in titles
    # a sentence of the article text that is no claim and not the lede
    assert "The last time that a rocket" not in text and "Article" not in titles


def test_search_index_leaves_out_ledes_counts_and_link_lines(built_site):
    """The browser loads the whole index: only claims, speakers (with roles) and titles go in."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "In brief" not in text  # the lede is the article's first paragraph
    assert not re.search(r"\b(Quoted|Reported|Mixed) · ", text)  # the line under each claim
    assert "all claims by" not in text and not re.search(r"\b\d+ claims? \(", text)  # counts and links
    assert "Talks about" not in text and "Who talks about" not in text
    home = [d for d in docs if d["location"] in ("", "#latest-briefs")]
    assert home and all("hamas" not in d["text"].lower() for d in home)  # brief lists are not indexed
    truce = [d for d in docs if d["location"].startswith("briefs/2008-12-23-hamas-ends-truce/")]
    assert any(d["title"] == "Fawzi Barhum" and "spokesman" in d["text"].lower() for d in truce), truce


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("name") and tag == "a":
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(attrs[key])


def test_no_broken_internal_links(built_site):
    pages = {}
    for page in built_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        pages[page] = parser
    broken = []
    for page, parser in pages.items():
        if page.name == "404.html":
            continue  # served at any depth, its links are root-relative
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no such anchor)")
    assert broken == [], f"{len(broken)} broken links, e.g. {broken[:10]}"


def test_site_loads_nothing_from_other_hosts_in_css(built_site):
    external = []
    for css in built_site.rglob("*.css"):
        external += [f"{css.name}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)",
                                                                css.read_text("utf-8"))]
        external += [f"{css.name}: @import" for _ in re.findall(r"@import\s+(?:url\()?['\"]?(?:https?:)?//",
                                                                css.read_text("utf-8"))]
    assert external == []


def test_gh_deploy_publishes_the_site_to_a_bare_repository(tmp_path):
    """`mkdocs gh-deploy --force` against a local bare repository: its gh-pages branch holds the site."""
    import os
    import shutil
    import subprocess
    import sys

    import yaml

    if shutil.which("git") is None:
        if os.environ.get("CI") == "true":
            raise AssertionError("git is missing, and CI=true requires it")
        import pytest

        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}

    def git(*args, cwd=tmp_path):
        return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout

    bare, work = tmp_path / "remote.git", tmp_path / "work"
    git("init", "--bare", "-q", str(bare))
    git("clone", "-q", str(bare), str(work))
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as f:
        config = yaml_load(f)  # MkDocs' loader: mkdocs.yml has an !ENV tag
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")  # the theme overrides stay in the project
    articles = tmp_path / "articles"  # two articles are enough to publish, and quicker to build
    articles.mkdir()
    for name in ("2021-05-07-lavrov-un-multilateralism.md", "2008-12-23-hamas-ends-truce.md"):
        shutil.copy(ROOT / "articles" / name, articles / name)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "quotebrief" in plugin:
            options = plugin["quotebrief"]
            for key in ("cache_dir", "speakers_file"):
                options[key] = str(ROOT / options[key])
            options["articles"] = str(articles)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    git("add", "mkdocs.yml", cwd=work)
    git("commit", "-q", "-m", "site config", cwd=work)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--no-history"],
                          cwd=work, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    files = git("--git-dir", str(bare), "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "index.html" in files and ".nojekyll" in files
    assert "briefs/2021-05-07-lavrov-un-multilateralism/index.html" in files
    assert "speakers/index.html" in files and "search/search_index.json" in files


def test_search_index_holds_no_tags_and_ranks_pages_by_boost(built_site):
    """No tags in the index (lunr weighs a tag a million times a word, so briefs tagged with a name
    came before that name's page); speaker and topic pages are boosted above briefs; the tags
    listing page is not indexed."""
    import json

    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert not any("tags" in d for d in docs)
    assert (built_site / "tags" / "index.html").read_text("utf-8").count('id="tag:') > 0  # tags exist
    boost = {d["location"]: d.get("boost", 1) for d in docs}
    assert boost["speakers/fawzi-barhum/"] > boost["briefs/2008-12-23-hamas-ends-truce/"] == 2
    assert boost["topics/israel/"] > 2
    assert not any(d["location"].startswith("tags/") for d in docs)


def test_tags_are_the_speakers_and_topics_with_pages(built_site):
    """The Tags page lists what leads somewhere: each tag is a speaker or topic with a page."""
    tags = re.findall(r'<h2 id="tag:([^"]+)"', (built_site / "tags" / "index.html").read_text("utf-8"))
    paged = {p.name for p in (built_site / "speakers").iterdir() if p.is_dir()} | {
        p.name for p in (built_site / "topics").iterdir() if p.is_dir()}
    assert tags and set(tags) <= paged, set(tags) - paged
    assert len(tags) < 40


def test_every_brief_names_its_source_and_licence(built_site):
    for page in (built_site / "briefs").glob("*/index.html"):
        html = page.read_text("utf-8")
        assert re.search(r'class="qb-credit">Source: [^<]+ · Licence: ', html), page.parent.name
    seed = (built_site / "briefs" / "2021-05-07-lavrov-un-multilateralism" / "index.html").read_text("utf-8")
    assert "Licence: not recorded" in seed
