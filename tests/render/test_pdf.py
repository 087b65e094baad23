"""The briefing book (generator/pdf.py, `quotebrief pdf`): one book of the bundled samples per session."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys

import pytest
from markupsafe import escape

from conftest import ROOT
from generator.model import Article, Brief, Claim, Corpus, Speaker
from generator.render import pages as site
from generator.render import pdf

POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed")


def words(text: str) -> str:
    """Text with leaders removed and whitespace collapsed, for comparisons. A leader comes out of
    pdftotext as a run of dots whose length and spacing depend on the fonts installed
    ("........", ". . . . .", or only ". . ." with DejaVu), or as ellipses: any run of two or more."""
    text = re.sub(r"(?:\s*[.\u2026]){2,}", " ", text)
    return " ".join(text.split())


def pdf_pages(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


@pytest.fixture(scope="session")
def corpus():
    from conftest import project_build

    return project_build().corpus()


@pytest.fixture(scope="session")
def book(tmp_path_factory):
    """The book of articles/, made by the real command line."""
    out = tmp_path_factory.mktemp("book") / "briefing.pdf"
    proc = subprocess.run([sys.executable, "-m", "generator", "pdf", "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def outline(book):
    """{bookmark title: 1-based page} of the book's top-level PDF bookmarks (one per h1)."""
    from pypdf import PdfReader

    reader = PdfReader(str(book))
    marks = {}
    for item in reader.outline:
        if not isinstance(item, list):
            marks[" ".join(item.title.split())] = reader.get_destination_page_number(item) + 1
    return marks


@needs_poppler
def test_book_has_cover_contents_a_page_per_brief_and_index(book, corpus, outline):
    pages = pdf_pages(book)
    n = len(corpus.briefs)
    assert len(pages) >= 1 + 1 + n + 1
    starts = [outline[" ".join(b.article.title.split())] for b in site.sorted_briefs(corpus)]
    assert starts == sorted(starts) and len(set(starts)) == n, "each brief starts on its own page, in order"
    assert outline["Contents"] == 2 and starts[0] > 2
    assert outline["Index of speakers"] > starts[-1]
    for brief, start in zip(site.sorted_briefs(corpus), starts, strict=False):
        assert words(brief.article.title) in words(pages[start - 1]), f"page {start} does not open {brief.article.id}"
    assert "Briefing book" in pages[0] and re.search(r"\d{4}\s+–\s+\d{1,2} \w+ \d{4}", pages[0]), pages[0]


@needs_poppler
def test_contents_lists_every_brief_with_its_page_number(book, corpus, outline):
    pages = pdf_pages(book)
    first_brief = min(outline[" ".join(b.article.title.split())] for b in corpus.briefs)
    contents = words(" ".join(pages[1:first_brief - 1]))
    assert contents.startswith("Contents") or "Contents" in contents
    for brief in corpus.briefs:
        page = outline[" ".join(brief.article.title.split())]
        assert f"{words(brief.article.title)} {page}" in contents, f"contents miss {brief.article.title!r} p. {page}"


@needs_poppler
def test_every_speaker_and_the_page_footer_are_in_the_text(book, corpus, outline):
    pages = pdf_pages(book)
    text = words(" ".join(pages))
    index = words(" ".join(pages[outline["Index of speakers"] - 1:]))
    speakers = {c.speaker for b in corpus.briefs for c in b.claims if c.speaker}
    assert speakers
    for sid in speakers:
        name = words(corpus.speakers[sid].name)
        assert name in text and name in index, f"{name} is missing from the book or its index"
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in page


@needs_poppler
def test_no_speaker_heading_is_left_at_the_foot_of_a_page(book, corpus):
    headings = {words(s["name"]) for b in corpus.briefs for s in site.speaker_sections(b)} | {"Article"}
    for number, page in enumerate(pdf_pages(book)[:-1], start=1):
        body = [words(line) for line in page.splitlines() if line.strip() and not line.strip().startswith("Page ")]
        assert body, f"page {number} is empty"
        assert body[-1] not in headings, f"heading {body[-1]!r} alone at the foot of page {number}"
        assert not re.fullmatch(r"\d+ claims?\b.*", body[-1]), f"page {number} ends on {body[-1]!r}"


@needs_poppler
def test_fonts_are_embedded(book):
    out = subprocess.run(["pdffonts", str(book)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, "the book uses no font at all"
    for row in rows:
        assert row[-5] == "yes", f"font not embedded: {' '.join(row)}"


@needs_poppler
def test_first_brief_page_is_not_blank(book, outline, corpus, tmp_path):
    from PIL import Image, ImageStat

    page = outline[" ".join(site.sorted_briefs(corpus)[0].article.title.split())]
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-gray", "-f", str(page), "-l", str(page), str(book),
                    str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    stat = ImageStat.Stat(image)
    ink = sum(image.histogram()[:128]) / (image.width * image.height)
    assert stat.var[0] > 200 and ink > 0.01, f"page {page} looks blank (variance {stat.var[0]:.0f}, ink {ink:.3f})"


def test_chart_is_drawn_as_vectors(corpus):
    brief = next(b for b in corpus.briefs if site.brief_chart(b))
    html = pdf.brief_html(brief)
    assert 'src="data:image/svg+xml;base64,' in html
    assert f'src="{brief.article.id}.svg"' not in html


def test_claims_each_get_their_own_blockquote(corpus):
    brief = max(corpus.briefs, key=lambda b: len(b.claims))
    html = pdf.brief_html(brief)
    speakers = sum(1 for s in site.speaker_sections(brief))
    assert html.count('<blockquote class="claim claim-') == len(brief.claims), "one blockquote per claim"
    for kind in {c.kind for c in brief.claims}:
        assert f"claim-{kind}" in html
    assert html.count('class="speaker"') == speakers


def test_select_briefs_by_speaker_and_dates(corpus):
    everything = pdf.select_briefs(corpus)
    assert [b.article.id for b in everything] == [b.article.id for b in site.sorted_briefs(corpus)]
    lavrov = pdf.select_briefs(corpus, speaker="Lavrov")
    assert [b.article.id for b in lavrov] == ["2021-05-07-lavrov-un-multilateralism"]
    assert pdf.select_briefs(corpus, speaker="sergei lavrov") == lavrov
    assert pdf.speaker_name(lavrov, "lavrov") == "Sergei Lavrov"
    assert pdf.select_briefs(corpus, speaker="Nobody Atall") == []
    since, until = dt.date(2008, 1, 1), dt.date(2009, 12, 31)
    ranged = pdf.select_briefs(corpus, since=since, until=until)
    assert ranged and all(since <= pdf.article_date(b) <= until for b in ranged)
    assert len(ranged) == sum(1 for b in corpus.briefs if b.article.date and "2008" <= b.article.date[:4] <= "2009")


def test_date_range_on_the_cover():
    def dated(day):
        return Brief(article=Article(path="x.md", id=day, title=day, text="", date=day))

    assert pdf.date_range([dated("2021-05-07"), dated("2007-11-28")]) == "28 November 2007 – 7 May 2021"
    assert pdf.date_range([dated("2021-05-07")]) == "7 May 2021"
    assert pdf.date_range([]) == ""


def tiny_corpus(title: str = "A title", claim: str = "We will act.") -> Corpus:
    text = f'"{claim}" said Jane Doe.'
    article = Article(path="t.md", id="tiny", title=title, text=text, date="2020-01-02",
                      source="Test", url="https://example.org/story")
    speaker = Speaker(id="jane-doe", name="Jane Doe", role="Minister")
    brief = Brief(article=article, speakers=[speaker],
                  claims=[Claim(kind="direct", text=f'"{claim}"', start=0, end=len(claim) + 2,
                                speaker="jane-doe", paragraph=1)])
    return Corpus(briefs=[brief], speakers={"jane-doe": speaker})


def test_article_text_is_escaped_in_the_book():
    corpus = tiny_corpus(title="</title><script>alert(1)</script> & co", claim="<img src=x onerror=alert(1)>")
    for html in (pdf.book_html(corpus.briefs, corpus), pdf.book_html(corpus.briefs, corpus, title=corpus.briefs[0]
                                                                       .article.title, front_matter=False)):
        assert "<script>alert" not in html and "<img src=x" not in html and "</title><script>" not in html
        assert "&lt;/title&gt;&lt;script&gt;" in html and "&lt;img src=x" in html


@needs_poppler
def test_an_html_headline_prints_as_text(tmp_path):
    corpus = tiny_corpus(title="</title><script>alert(1)</script> & co", claim="<b>bold</b> words")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf.brief_pdf(corpus.briefs[0], corpus))
    text = words(" ".join(pdf_pages(path)))
    assert "</title><script>alert(1)</script> & co" in text and "<b>bold</b> words" in text


@needs_poppler
def test_letter_paper_and_a_brief_alone(tmp_path):
    corpus = tiny_corpus()
    path = tmp_path / "brief.pdf"
    from generator import write

    write.write_bytes(path, pdf.brief_pdf(corpus.briefs[0], corpus, paper="letter"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+612 x 792", info), info
    text = words(" ".join(pdf_pages(path)))
    assert "Jane Doe" in text and "We will act." in text and "Contents" not in text
    assert "https://example.org/story" in text, "the article's URL is printed"
    write.write_bytes(path, pdf.book_pdf(corpus.briefs, corpus, paper="letter"))
    pages = pdf_pages(path)
    assert "Briefing book" in pages[0] and "Contents" in pages[1] and "Jane Doe" in pages[2], "cover fits one page"
    with pytest.raises(ValueError, match="paper"):
        pdf.book_html(corpus.briefs, corpus, paper="a3")


def test_cli_pdf_options_are_documented():
    from generator.cli import parser

    help_text = parser()._subparsers._group_actions[0].choices["pdf"].format_help()
    readme = (ROOT / "README.md").read_text("utf-8")
    for option in ("--out", "--articles", "--speaker", "--since", "--until", "--paper"):
        assert option in help_text and option in readme, option


def test_cli_refuses_an_empty_book(tmp_path, capsys):
    from generator.cli import main

    out = tmp_path / "none.pdf"
    code = main(["pdf", "--articles", str(ROOT / "articles"), "--since", "2030-01-01", "--out", str(out)])
    assert code == 1 and not out.exists()
    assert "no brief matches" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["pdf", "--since", "yesterday"])


def test_add_pdf_link_after_the_meta_line():
    md = '# Title\n\n<p class="qb-meta" markdown>\n2020 · Source\n</p>\n\n> claim\n'
    out = pdf.add_pdf_link(md, "x.pdf")
    assert out.index("[PDF of this brief](x.pdf)") > out.index("</p>") and out.index("x.pdf") < out.index("> claim")
    assert pdf.add_pdf_link("# Title\nText\n", "x.pdf").startswith("# Title\n\n[PDF of this brief](x.pdf)")


@needs_poppler
def test_plugin_pdf_option_links_a_pdf_per_brief(tmp_path):
    """`pdf: true` in mkdocs.yml: briefs/<id>.pdf is in the site and the brief page links to it."""
    seed = "2021-05-07-lavrov-un-multilateralism"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Test\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: pdf test\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - quotebrief:\n"
        f"      articles: {ROOT / 'articles' / (seed + '.md')}\n"
        f"      cache_dir: {tmp_path / 'cache'}\n"
        "      pdf: true\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    made = tmp_path / "site" / "briefs" / f"{seed}.pdf"
    assert made.read_bytes().startswith(b"%PDF")
    assert "Sergei Lavrov" in words(" ".join(pdf_pages(made)))
    html = (tmp_path / "site" / "briefs" / seed / "index.html").read_text("utf-8")
    assert f'href="../{seed}.pdf"' in html
    cached = [p for p in (tmp_path / "cache" / "pdf").rglob("*") if p.is_file()]
    assert made.read_bytes() in [p.read_bytes() for p in cached]  # kept for the next build


def test_brief_html_comes_from_its_template(corpus):
    """Each claim once, in a blockquote of its kind; speaker headings carry the anchors the index links to."""
    brief = max(corpus.briefs, key=lambda b: len(b.claims))
    html = pdf.brief_html(brief)
    assert html.lstrip().startswith("<h1>") and "tags:" not in html, "no front matter on paper"
    for claim in brief.claims:
        quoted = f'<blockquote class="claim claim-{claim.kind}">\n<p>{escape(claim.text)}</p>'
        assert html.count(quoted) == sum((c.text, c.kind) == (claim.text, claim.kind) for c in brief.claims), claim.text
        assert f'href="#{brief.article.id}-p-{claim.paragraph}">¶{claim.paragraph}</a>' in html
    anchors = {ref["anchor"] for entry in pdf.speaker_index([brief], corpus) for ref in entry["refs"]}
    for i, section in enumerate(site.speaker_sections(brief)):
        heading = f'<h2 id="{pdf.section_anchor(brief, i)}" class="speaker">{escape(section["name"])}</h2>'
        assert html.count(heading) == 1, heading
        anchors.discard(pdf.section_anchor(brief, i))
    assert not anchors, f"the index links to anchors no heading has: {anchors}"
    for number, _ in site.paragraphs(brief.article.text):
        assert html.count(f'<a id="{brief.article.id}-p-{number}"></a><strong>¶{number}</strong>') == 1


def test_ids_are_unique_in_the_book_and_every_link_lands(corpus):
    html = pdf.book_html(site.sorted_briefs(corpus), corpus)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id is repeated in the book"
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= set(ids), f"links to nowhere: {sorted(targets - set(ids))[:5]}"
    assert not re.search(r'(?:href|src)="(?!#|https?://|data:image/svg\+xml;base64,)', html), "a link to a site page"


def cached_pdfs(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_brief_pdfs_are_cached_by_their_html(tmp_path, monkeypatch):
    from generator.cache import Cache

    corpus = tiny_corpus()
    brief = corpus.briefs[0]
    first = pdf.brief_pdf(brief, corpus, cache=Cache(tmp_path))
    assert first.startswith(b"%PDF-") and len(cached_pdfs(tmp_path)) == 1
    laid_out = []
    monkeypatch.setattr(pdf, "to_pdf", lambda html: laid_out.append(html) or b"%PDF-1.7 new %%EOF")
    assert pdf.brief_pdf(brief, corpus, cache=Cache(tmp_path)) == first and laid_out == []  # from the cache
    a4 = pdf.brief_pdf(brief, corpus, cache=Cache(tmp_path))
    letter = pdf.brief_pdf(brief, corpus, "letter", Cache(tmp_path))
    assert a4 == first and letter == b"%PDF-1.7 new %%EOF" and len(laid_out) == 1  # other HTML: laid out
    for cached in cached_pdfs(tmp_path):
        cached.write_bytes(b"%PDF-cut off")  # a cut-off file is laid out again
    assert pdf.brief_pdf(brief, corpus, cache=Cache(tmp_path)) == b"%PDF-1.7 new %%EOF" and len(laid_out) == 2


def test_pdfs_of_pages_that_changed_are_pruned(tmp_path, monkeypatch):
    from generator.cache import Cache

    monkeypatch.setattr(pdf, "to_pdf", lambda html: b"%PDF-1.7 " + html.encode() + b" %%EOF")
    before, after = tiny_corpus("First title"), tiny_corpus("Edited title")
    pdf.brief_pdf(before.briefs[0], before, cache=Cache(tmp_path))
    build = Cache(tmp_path)
    build.start_build()
    pdf.brief_pdf(after.briefs[0], after, cache=build)
    assert len(cached_pdfs(tmp_path)) == 2
    assert build.prune() == 1  # the build used only the edited page's PDF: the other goes
    [kept] = cached_pdfs(tmp_path)
    assert b"Edited title" in kept.read_bytes()

def test_book_index_is_sorted_by_surname(corpus):
    index = pdf.speaker_index(site.sorted_briefs(corpus), corpus)
    keys = [pdf.index_key(e["name"], e["kind"]) for e in index]
    assert keys == sorted(keys)
    names = [e["name"] for e in index]
    # people by surname: Mahmoud Abbas before Bertie Ahern before Sergei Lavrov before Mahmoud Zahar
    assert names.index("Mahmoud Abbas") < names.index("Bertie Ahern") < names.index("Sergei Lavrov") < names.index(
        "Mahmoud Zahar")
    assert pdf.index_key("Sergei Lavrov", "person") == ("lavrov", "sergei")
    assert pdf.index_key("European Union", "organisation") == ("european union", "")


def test_the_book_draws_each_speaker_in_the_colour_the_site_gives_them(corpus):
    from generator.render import pages as site_pages

    data = site_pages.SiteData(corpus)
    import base64

    brief = next(b for b in corpus.briefs if site_pages.brief_chart(b))
    html = pdf.book_html([brief], corpus, front_matter=False)

    svg = base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)).decode()
    site_svg = site_pages.brief_chart(brief, colour=data.colour)[0]
    assert svg == site_svg
    assert site_pages.speaker_colours(corpus) == data.colours
