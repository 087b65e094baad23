"""Untrusted article text: shown as text, never executed; bad files reported, never fatal.

One folder holds every kind of hostile and broken input (`make_bad_folder`); the
site is built from it once with `mkdocs build --strict` and its HTML checked,
then a headless browser checks that no script from an article runs.
"""

from __future__ import annotations

import codecs
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import yaml

from generator import write
from generator.model import Article, Brief, Claim, Span, Speaker
from generator.render import markup, pages

ROOT = Path(__file__).resolve().parent.parent
MAX_CHARS = 20_000  # the site built here cuts long articles early, to keep the test quick

# no quotes: escaping them must not be what saves us
PWN = "window.__pwned=(window.__pwned||0)+1;alert(document.domain)"
ATTACKS = [
    f"<script>{PWN}</script>",
    f'<img src="x" onerror="{PWN}">',
    f"[click for details](javascript:{PWN})",
    "<javascript:alert('autolink')>",
    f'<a href="javascript:{PWN}">raw link</a>',
    f'<svg onload="{PWN}"><circle r="5"/></svg>',
    "{{ config.site_name }} and {% include 'base.html' %} and {# comment #}",
    "{: onclick=\"alert('attr')\" } { onmouseover=\"alert('attr2')\" }",
    f'<div markdown="1" onclick="{PWN}">*block*</div>',
    f'<iframe src="javascript:{PWN}"></iframe>',
    "&lt;script&gt;alert('entity')&lt;/script&gt;",
]

HOSTILE_MD = f"""---
title: "</title><script>{PWN}</script> Minister's <b>bold</b> claim"
source: "<img src=x onerror=\\"{PWN}\\">"
url: "javascript:{PWN}"
date: 2024-01-02
tags: ["<script>alert('tag')</script>", "ok-tag"]
---
The minister, John Smith, spoke to reporters on Monday in the capital about the budget.

"<script>{PWN}</script> We will never give in to these demands, whatever they say," said John Smith.

<div onclick="{PWN}">
<p>A raw HTML block in the article.</p>
<script>{PWN}</script>
</div>

{chr(10).join(a + chr(10) for a in ATTACKS)}
Jane Doe said that the plan <img src=x onerror="{PWN}"> would fail before the end of the year.
"""

ENGLISH = ("The minister said on Friday that he was leaving the government after ten years in office. "
           "\u201cWe have done what we came to do, and more,\u201d he told reporters in the capital on Friday. ")
FRENCH = ("Le président a déclaré mardi que le gouvernement ne reculerait pas sur la réforme des retraites. "
          "Selon lui, les syndicats doivent accepter le dialogue. La ministre a ajouté que les négociations "
          "reprendraient la semaine prochaine avec les partenaires sociaux, mais que les caisses sont vides.")

# file name -> what the build report must say about it (a fragment of the reason)
EXPECTED = {
    "empty.txt": ("skipped", "empty file"),
    "blank.md": ("skipped", "empty file (only whitespace)"),
    "photo.txt": ("skipped", "binary file"),
    "shift-jis.txt": ("skipped", "encoding cannot be told"),
    "french.md": ("skipped", "looks like French"),
    "scripts-only.html": ("skipped", "without main text"),
    "all-broken.jsonl": ("skipped", "no readable record"),
    "huge.txt": ("partly read", "MB, too long to analyse"),
    "one-line.txt": ("partly read", "cut at a sentence end"),
    "bad-yaml.md": ("partly read", "malformed YAML"),
    "not-mapping.md": ("partly read", "not a mapping"),
    "feed.jsonl": ("partly read", "broken JSON"),
    "python-tag.md": ("partly read", "malformed YAML"),
    "latin1.txt": ("read", "decoded as Latin-1"),
    "cp1252.txt": ("read", "decoded as Windows-1252"),
    "utf16.txt": ("read", "decoded as UTF-16 (little-endian, byte order mark)"),
    "utf16-no-bom.txt": ("read", "UTF-16-LE (no byte order mark"),
    "bad-date.md": ("read", "does not parse"),
    "no-title.md": ("read", "no title"),
    "hostile.md": ("read", None),
    "page.html": ("read", None),
    "unbalanced.txt": ("read", None),
}


def make_bad_folder(folder: Path) -> Path:
    """Every bad input the reader must survive, plus hostile articles; generated, never committed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.md").write_text(HOSTILE_MD, "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\t\n   \n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "shift-jis.txt").write_bytes("大統領は火曜日、年金改革を撤回しないと述べた。".encode("shift_jis") * 5)
    (folder / "french.md").write_text(f"---\ntitle: Retraites\n---\n{FRENCH}\n", "utf-8")
    (folder / "scripts-only.html").write_text(
        f"<html><head><script>{PWN}</script></head><body><script>x()</script></body></html>")
    (folder / "all-broken.jsonl").write_text("{not json\n" + json.dumps({"title": "no text"}) + "\n")
    paragraph = (ENGLISH * 4).strip() + "\n\n"
    with open(folder / "huge.txt", "w", encoding="utf-8") as fh:
        fh.write("A very long article\n\n")
        fh.write(paragraph * (20 * 1024 * 1024 // len(paragraph) + 1))
    (folder / "one-line.txt").write_text((ENGLISH * (1024 * 1024 // len(ENGLISH) + 1))[: 1024 * 1024])
    (folder / "bad-yaml.md").write_text(f'---\ntitle: "unclosed\ndate: [2020\n---\n{ENGLISH}\n')
    (folder / "not-mapping.md").write_text(f"---\n- just\n- a list\n---\n{ENGLISH}\n")
    (folder / "python-tag.md").write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {folder}/pwned-by-yaml"]\n---\n{ENGLISH}\n')
    (folder / "bad-date.md").write_text(f"---\ntitle: Dated oddly\ndate: the 32nd of Smarch\n---\n{ENGLISH}\n")
    (folder / "no-title.md").write_text(f"---\ndate: 2020-01-01\n---\n{ENGLISH}\n")
    (folder / "latin1.txt").write_bytes(("Caf\u00e9 talks\n\n" + ENGLISH.replace("\u201c", '"').replace("\u201d", '"')
                                         + " The r\u00e9sum\u00e9 was read \u00e0 Paris.").encode("latin-1"))
    text = "Curly quotes\n\n" + ENGLISH + " It cost \u20ac5 \u2014 or so."
    (folder / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ("UTF-16 news\n\n" + ENGLISH).encode("utf-16-le"))
    (folder / "utf16-no-bom.txt").write_bytes(("UTF-16 without a mark\n\n" + ENGLISH).encode("utf-16-le"))
    (folder / "unbalanced.txt").write_text(
        "Unbalanced quotes\n\n\u201cThis quote never closes, said the mayor. " + ENGLISH * 3
        + '\n\n"And this one" is "mismatched\u201d \u201d stray. ' + ENGLISH)
    records = [
        {"id": "../../../../tmp/evil", "title": f"<script>{PWN}</script>", "text": ENGLISH,
         "url": "javascript:alert(1)"},
        {"id": "/etc/passwd", "title": "Absolute id", "text": ENGLISH},
        {"id": "CON", "title": "Reserved id", "text": ENGLISH},
        {"id": "x" * 300, "title": "Long id", "text": ENGLISH},
        {"id": "dup", "title": "First dup", "text": ENGLISH},
        {"id": "dup", "title": "Second dup", "text": ENGLISH + " Again."},
        {"id": "nul\x00byte", "title": "NUL id", "text": ENGLISH},
        {"title": "no text here"},
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(3, '{"id": "broken", "text": "unterminated')
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "page.html").write_text(
        f"""<html><head><title>Web page</title><meta name="date" content="2024-03-05">
        <script>{PWN}</script><style>body {{ display: none }}</style></head>
        <body><nav><a href="/">Home</a> Navigation menu</nav><article><h1>Web page</h1>
        <p>{ENGLISH}</p><p>The text says &lt;script&gt;{PWN}&lt;/script&gt; literally, as a quote of code.</p>
        </article></body></html>""")
    return folder


def make_project(tmp: Path, articles: Path, **plugin_options) -> Path:
    """A copy of the project's mkdocs.yml and docs/ reading `articles`, with its own cache."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as f:
        config = yaml_load(f)  # MkDocs' loader: mkdocs.yml has an !ENV tag
    plugins = []
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "quotebrief" in plugin:
            options = dict(plugin["quotebrief"], articles=str(articles), cache_dir=str(tmp / "cache"),
                           workers=1, max_article_chars=MAX_CHARS, **plugin_options)
            options.pop("speakers_file", None)
            plugin = {"quotebrief": options}
        plugins.append(plugin)
    config["plugins"] = plugins
    shutil.copytree(ROOT / "docs", tmp / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")  # the theme overrides stay in the project
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return tmp / "mkdocs.yml"


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=config.parent)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built once from the folder of bad and hostile articles: (site dir, build log, articles dir)."""
    tmp = tmp_path_factory.mktemp("hostile")
    articles = make_bad_folder(tmp / "articles")
    proc = mkdocs_build(make_project(tmp, articles), tmp / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site", proc.stderr, articles


def test_site_svgs_are_inert(hostile_site):
    site, _, _ = hostile_site
    svgs = sorted(site.rglob("*.svg"))
    assert svgs
    for svg in svgs:
        text = svg.read_text("utf-8")
        ElementTree.fromstring(text)
        assert_svg_inert(text)


def article_pages(site: Path) -> list[Path]:
    return sorted(p for sub in ("briefs", "speakers", "topics") for p in (site / sub).rglob("*.html")) + [
        site / "index.html", site / "report" / "index.html", site / "timeline" / "index.html"]


# ---------------------------------------------------------------- escaping units

@pytest.mark.parametrize("attack", ATTACKS)
def test_md_escape_turns_every_attack_into_text(attack):
    html = markdown.markdown("Text " + markup.md_escape(attack), extensions=["attr_list", "md_in_html", "tables"])
    assert_inert(html)
    assert html.startswith("<p>Text ") and html.count("<") == 2, html  # only <p> and </p>


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags_of(html: str):
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_inert(html: str, allowed: frozenset = frozenset()) -> None:
    """No element or attribute that can run code (escaped text is fine: it has no tags)."""
    for tag, attrs in tags_of(html):
        assert tag not in {"script", "iframe", "object", "embed", "foreignobject"} - allowed, (tag, html)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href", "data"):
                assert not (value or "").strip().lower().startswith(("javascript:", "vbscript:", "data:text")), value


def assert_svg_inert(svg: str) -> None:
    """An SVG opened on its own runs scripts: none may come from article text."""
    assert_inert(svg.split("?>", 1)[-1])
    assert not any(tag in ("a", "svg:script") for tag, _ in tags_of(svg))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.example/x",
                                 'https://ok.example/" onmouseover="alert(1)', "https://ok.example/<script>",
                                 "https://ok example", "ftp://x", "", None, "jav\tascript:alert(1)"])
def test_safe_url_drops_everything_but_http(url):
    assert markup.safe_url(url) is None


def test_safe_url_keeps_http_and_encodes_parentheses():
    assert markup.safe_url(" https://ok.example/a_(b) ") == "https://ok.example/a_%28b%29"


@pytest.mark.parametrize("value", ["javascript:alert(1)", "a b", '"><script>', "x)](javascript:alert(1)"])
def test_raw_filter_never_lets_a_scheme_or_markup_through(value):
    env = markup.environment()
    out = env.from_string("[x]({{ v | raw }})").render(v=value)
    html = markdown.markdown(out)
    assert_inert(html)
    assert "javascript:" not in out


def test_raw_filter_keeps_ids_and_urls():
    env = markup.environment()
    out = env.from_string("{{ a | raw }} {{ u | safe_url | raw }}").render(a="briefs/my-id_2.md#p-3",
                                                                           u="https://x.example/a?b=1&c=2")
    assert out == "briefs/my-id_2.md#p-3 https://x.example/a?b=1&c=2"


ID_EXPRESSION = re.compile(r"^[\w.\[\]]*(\bid|\bsid|speaker|chart_file|file|prefix|speaker_page|topic_ids\[[^\]]*\])$")


def test_templates_use_raw_only_on_ids_files_and_safe_urls():
    """`| raw` skips md_escape: only ids, file names and safe_url output may use it."""
    found = []
    for template in sorted((ROOT / "templates").glob("*.md.j2")):
        for expr in re.findall(r"\{\{(.*?)\}\}", template.read_text("utf-8")):
            if "| raw" not in expr and "|raw" not in expr:
                continue
            found.append(expr)
            subject = expr.split("|")[0].strip()
            ok = "safe_url" in expr or ID_EXPRESSION.match(subject)
            assert ok, f"{template.name}: `| raw` on {subject!r}, which may hold article text"
    assert found, "the templates should at least link to briefs by id"


def test_rendered_pages_of_a_hostile_corpus_are_inert_and_stay_inside(tmp_path):
    """Names, roles, titles, URLs, tags and claim text full of markup: every page renders inert."""
    from generator.link import link

    text = " ".join(ATTACKS) + ' "' + ATTACKS[0] + ' quoted words here," said Evil Person.'
    start = text.index(' "') + 1
    end = text.index('," said') + 2
    cue = text.index("said")
    article = Article(path="x.md", id="hostile", title=ATTACKS[1] + " title", text=text, date="2024-01-01",
                      source=ATTACKS[4], url="javascript:alert(1)", tags=[ATTACKS[0], "{{ tag }}"])
    speaker = Speaker(id="evil-person", name=ATTACKS[0] + " Evil Person", role=ATTACKS[1], affiliation=ATTACKS[5])
    other = Speaker(id="other-one", name=ATTACKS[1] + " Other One", kind="organisation")
    claim = Claim(kind="direct", text=text[start:end], start=start, end=end, speaker="evil-person",
                  cue=Span("said", cue, cue + 4), confidence=0.9, paragraph=1, topics=[ATTACKS[0] + " Land"])
    second = Claim(kind="indirect", text=text[:20], start=0, end=20, speaker="other-one", paragraph=1)
    corpus = link([Brief(article=article, speakers=[speaker, other], claims=[second, claim])])
    site_pages = pages.render_site(corpus)
    exts = ["attr_list", "md_in_html", "tables", "toc"]
    svgs = 0
    for path, content in site_pages.items():
        assert not path.startswith(("/", "..")) and ".." not in Path(path).parts and "\x00" not in path
        if path.endswith(".md"):
            assert_inert(markdown.markdown(content.split("\n---\n", 1)[-1], extensions=exts))
        elif path.endswith(".svg"):
            svgs += 1
            svg = content if isinstance(content, str) else content.decode("utf-8")
            ElementTree.fromstring(svg)  # well-formed: names cannot break out of their <text>
            assert_svg_inert(svg)
            assert "pwned" not in svg or "&lt;script&gt;" in svg
    assert svgs, "a chart with the hostile speaker names should be drawn"
    write.write_pages(site_pages, tmp_path / "out")
    assert all(p.resolve().is_relative_to((tmp_path / "out").resolve()) for p in (tmp_path / "out").rglob("*"))


# ---------------------------------------------------------------- the built site

def test_site_builds_strict_and_report_names_every_bad_file(hostile_site):
    site, log, articles = hostile_site
    report = (site / "report" / "index.html").read_text("utf-8")
    sections = re.split(r"<h2[^>]*>", report)
    section = {s.split("<", 1)[0].strip().lower(): s for s in sections[1:]}
    for name, (status, reason) in EXPECTED.items():
        where = {"skipped": section["skipped"], "partly read": section["partly read"],
                 "read": section["read"] + section["notes"]}[status]
        assert name in where, f"{name} is not listed under {status!r} in the report"
        if reason:
            rows = " ".join(r for r in re.findall(r"<tr>.*?</tr>", where, re.S) if name in r)
            assert reason in rows.replace("&#x27;", "'"), f"{name}: {reason!r} not in {rows!r}"
            assert name in log, f"{name} is not in the build log"
    assert "files: " in report and "skipped" in log
    assert not (articles / "pwned-by-yaml").exists()


def test_no_article_markup_survives_in_the_html(hostile_site):
    site, _, _ = hostile_site
    pages = article_pages(site)
    assert len(pages) > 10
    for page in pages:
        html = page.read_text("utf-8")
        for script in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S | re.I):
            assert "pwned" not in script and "alert" not in script, f"{page}: article script in the page"
        for title in re.findall(r"<title>(.*?)</title>", html, re.S):
            assert "<" not in title, f"{page}: markup in <title>: {title!r}"
        body = html.split("<article", 1)[-1]
        assert not re.search(r"<[a-z][^>]*\son(error|load|click|mouseover)\s*=", body, re.I), page
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I), page
        assert not re.search(r"<(iframe|svg|img)[^>]*(pwned|alert)", html, re.I), page


def test_hostile_text_is_visible_as_text(hostile_site):
    site, _, _ = hostile_site
    html = (site / "briefs" / "hostile" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;window.__pwned" in html
    assert "&lt;img src=" in html and "onerror=" in html  # the attack is shown, as text
    assert "{{ config.site_name }}" in html and "{% include" in html
    assert "[click for details](javascript:" in html


def test_hostile_ids_stay_inside_the_site(hostile_site):
    site, _, articles = hostile_site
    briefs = {p.parent.name for p in (site / "briefs").glob("*/index.html")}
    assert {"tmp-evil", "etc-passwd", "con-x", "dup", "dup-2", "nul-byte"} <= briefs
    assert any(len(b) == 80 and set(b) == {"x"} for b in briefs)
    assert not (Path("/tmp") / "evil").exists() and not (articles.parent / "evil").exists()
    site_root = site.resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site_root)


def test_plugin_strict_fails_the_build_on_a_skipped_file(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ok.txt").write_text("Fine\n\n" + ENGLISH)
    (articles / "empty.txt").write_text("")
    proc = mkdocs_build(make_project(tmp_path, articles, strict=True), tmp_path / "site")
    assert proc.returncode != 0
    assert "skipped (strict)" in proc.stderr and "empty.txt" in proc.stderr


def test_cli_strict_exits_non_zero_and_reports(tmp_path, capsys):
    from generator import cli

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ok.txt").write_text("Fine\n\n" + ENGLISH)
    (articles / "photo.txt").write_bytes(b"\x00\x01binary")
    assert cli.main(["extract", str(articles), "--no-cache", "--jsonl"]) == 0
    err = capsys.readouterr().err
    assert "photo.txt: skipped: binary file" in err and "1 read, 0 partly read, 1 skipped" in err
    assert cli.main(["extract", str(articles), "--no-cache", "--strict"]) == 1


# ---------------------------------------------------------------- in a browser

def _chromium() -> str:
    path = "/usr/bin/chromium"
    if not os.path.exists(path):
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium is missing, and CI=true requires the browser test "
                        "(apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium); browser test skipped")
    pytest.importorskip("playwright.sync_api")
    return path


@pytest.fixture(scope="module")
def served(hostile_site):
    site, _, _ = hostile_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_no_script_from_an_article_runs_in_a_browser(served):
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    base, site = served
    urls = [base + p.relative_to(site).as_posix().removesuffix("index.html") for p in article_pages(site)]
    dialogs, errors = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        try:
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            for url in urls:
                page.goto(url, wait_until="load")
                assert page.evaluate("window.__pwned === undefined"), f"an article script ran on {url}"
                for link in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
                    assert not link.lower().startswith("javascript:"), f"{url} links to {link}"
            # Search shows article text in the page: type an attack's words and let results render.
            page.goto(base, wait_until="networkidle")
            page.keyboard.press("s")
            page.type("input.md-search__input", "demands", delay=50)
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
            page.wait_for_timeout(500)
            assert page.evaluate("window.__pwned === undefined"), "an article script ran from search results"
            assert "&lt;script&gt;window.__pwned" in page.inner_html(".md-search-result")
        finally:
            browser.close()
    assert dialogs == [], f"article script opened dialogs: {dialogs}"
    assert errors == [], f"script errors (an injected script that failed to parse?): {errors}"
