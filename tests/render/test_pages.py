"""Rendering the cross-article pages from a hand-made corpus (no spaCy needed)."""

import re
from collections import Counter

import yaml

from generator.link import link
from generator.model import Article, Brief, Claim, Speaker
from generator.render import charts, markup
from generator.render import pages as render_pages


def _brief(aid, date, claims, speakers, text="First paragraph.\n\nSecond paragraph.\n\nThird."):
    return Brief(article=Article(path=f"{aid}.txt", id=aid, title=f"Title {aid}", text=text, date=date),
                 speakers=speakers, claims=claims)


def _claim(speaker, text, paragraph=1, kind="direct", topics=()):
    return Claim(kind=kind, text=text, start=0, end=len(text), speaker=speaker, paragraph=paragraph,
                 topics=list(topics))


def corpus():
    return corpus_()


def corpus_():
    rice = Speaker(id="condoleezza-rice", name="Condoleezza Rice", role="Secretary of State")
    barhum = Speaker(id="fawzi-barhum", name="Fawzi Barhum", role="Hamas spokesman")
    barhoum = Speaker(id="fawzi-barhoum", name="Fawzi Barhoum")
    hostile = Speaker(id="x", name='Evil <script>alert(1)</script> "Name"')
    briefs = [
        _brief("a", "2008-12-23", [
            _claim("fawzi-barhum", "The calm is finished.", 2, topics=["place:Israel", "place:U.S."]),
            _claim("fawzi-barhum", "The truce will end tomorrow.", 2),
            _claim("condoleezza-rice", "It is going to be hard.", 3, "indirect", ["place:United States"]),
            _claim("x", "Something odd.", 1),
        ], [barhum, rice, hostile]),
        _brief("b", "2009-01-18", [
            _claim("fawzi-barhoum", "The occupier must halt his fire.", 3, topics=["place:Israel"]),
        ], [barhoum]),
        _brief("c", None, [_claim(None, "Nobody said this.", 1)], []),
    ]
    return link(briefs)


def site(page_min_articles=2):
    return render_pages.render_site(corpus(), page_min_articles)


def test_speaker_page_lists_every_claim_with_date_and_a_link_to_its_words():
    p = site()
    page = p["speakers/fawzi-barhum.md"]
    assert "# Fawzi Barhum" in page and "Hamas spokesman" in page
    assert "Also written: Fawzi Barhoum" in page
    for text, aid in [("The calm is finished", "a"), ("The truce will end tomorrow", "a"),
                      ("The occupier must halt his fire", "b")]:
        assert text in page
        anchor = f"at-0-{len(text) + 1}"  # the claims of this corpus have no ids: their anchor is their span
        assert f"(../briefs/{aid}.md#w-{anchor})" in page  # the ¶ link: the claim's words in the article
        assert f'id="w-{anchor}"' in p[f"briefs/{aid}.md"]
        assert f"(../briefs/{aid}.md#claim-{anchor})" in page  # the copy-link control: the claim on its brief
    assert "2008-12-23" in page and "2009-01-18" in page
    # two dates, a month apart: a table of claims per period, no chart (two bars show no trend)
    assert "speakers/fawzi-barhum.svg" not in p
    assert "speakers/condoleezza-rice.svg" not in p  # one date: nothing to chart
    assert "| 2008-12-23 | 2 |" in page


def test_speakers_index_sorted_by_claims():
    index = site(page_min_articles=1)["speakers/index.md"]
    order = re.findall(r'<td markdown="span">\[([^\]]+)\]\(\.\./speakers/([^)]+)\.md\)</td>', index)
    assert [sid for _, sid in order][:2] == ["fawzi-barhum", "condoleezza-rice"]
    assert "1 claim could not be attributed" in index


def test_speaker_heard_in_one_article_links_to_their_section_of_the_brief():
    p = site()
    assert "speakers/fawzi-barhum.md" in p  # two articles: a page
    assert "speakers/condoleezza-rice.md" not in p  # one article: the brief says it all
    index = p["speakers/index.md"]
    assert '<td markdown="span">[Fawzi Barhum](../speakers/fawzi-barhum.md)</td>' in index
    assert '<td markdown="span">[Condoleezza Rice](../briefs/a.md#condoleezza-rice)</td>' in index
    assert "link to their part of that brief" in index
    brief = p["briefs/a.md"]
    assert "## Condoleezza Rice { #condoleezza-rice }" in brief  # the anchor the links point to
    assert "all claims by Condoleezza Rice" not in brief and "[all claims by Fawzi Barhum]" in brief
    us = p["topics/israel.md"]  # a topic page links speakers without a page to their brief section
    assert "[Fawzi Barhum](../speakers/fawzi-barhum.md)" in us
    assert "speakers/condoleezza-rice.md" not in "".join(p.values())  # no link to a page that is not there


def test_topic_named_in_one_article_links_to_that_brief():
    p = site()
    assert "topics/israel.md" in p and "topics/united-states.md" not in p
    index = p["topics/index.md"]
    assert "[Israel](../topics/israel.md) (2)" in index
    assert "[United States](../briefs/a.md) (2)" in index
    brief = p["briefs/a.md"]
    assert "[Israel](../topics/israel.md)" in brief and "about United States" in brief
    assert "topics/united-states.md" not in "".join(p.values())


def test_brief_front_matter_is_yaml_with_speaker_and_topic_tags():
    page = site()["briefs/a.md"]
    front = yaml.safe_load(page.split("---\n")[1])
    # tags only for speakers and topics with a page (heard or named in two articles or more)
    assert front["tags"] == ["Fawzi Barhum", "Israel"]
    assert front["hide"] == ["tags"]  # no chips above the headline
    assert front["search"] == {"boost": 2}  # briefs first in search
    every = yaml.safe_load(site(page_min_articles=1)["briefs/a.md"].split("---\n")[1])["tags"]
    assert "Condoleezza Rice" in every and "United States" in every
    assert not any("<" in t or ">" in t or '"' in t for t in every)  # theme prints tags unescaped
    assert "## Article { data-search-exclude }" in page  # article text stays out of search
    assert "[all claims by Fawzi Barhum](../speakers/fawzi-barhum.md)" in page
    assert "<script>" not in page


def test_topic_pages_merge_variants_and_list_claims():
    p = site(page_min_articles=1)
    us = p["topics/united-states.md"]
    assert "Also written: U.S." in us
    assert "The calm is finished" in us and "It is going to be hard" in us
    hard = f"at-0-{len('It is going to be hard.')}"  # the claim has no id: its anchor is its span
    assert "(../speakers/condoleezza-rice.md)" in us and f"(../briefs/a.md#w-{hard})" in us
    index = p["topics/index.md"]
    assert "[United States](../topics/united-states.md) (2)" in index and "[Israel](../topics/israel.md) (2)" in index


def test_timeline_shows_five_claims_a_brief_and_counts_undated_briefs():
    many = [_claim("s", f"Claim number {i}.", 1) for i in range(7)]
    corpus = link([_brief("a", "2008-01-01", many, [Speaker(id="s", name="Solo Speaker")]),
                   _brief("b", None, [_claim("s", "Undated claim.", 1)], [Speaker(id="s", name="Solo Speaker")])])
    timeline = render_pages.render_site(corpus)["timeline.md"]
    assert "Claim number 4" in timeline and "Claim number 5" not in timeline
    assert "[2 more claims in the brief](briefs/a.md)" in timeline
    assert "Undated claim" not in timeline and "1 brief without a date: [Title b](briefs/b.md)" in timeline


def test_timeline_and_corpus_charts():
    p = site()
    timeline = p["timeline.md"]
    assert timeline.index("## 2008-12-23") < timeline.index("## 2009-01-18") < timeline.index("## Undated")
    assert "timeline.svg" not in p  # two months with claims: the table says it, a chart of 2 bars would not
    charts_page = p["charts/index.md"]
    for name in ("share-of-voice", "quoted-vs-reported", "who-talks-about-whom"):
        assert f"charts/{name}.svg" in p and f"({name}.svg)" in charts_page
    alts = re.findall(r"!\[([^\]]+)\]\(", charts_page)
    assert len(alts) == 3 and all(len(a) > 30 for a in alts)
    assert "| [Fawzi Barhum](../speakers/fawzi-barhum.md) | 3 |" in charts_page


def test_no_speaker_charts_when_there_is_nothing_to_compare():
    one = link([_brief("a", "2008-01-01", [_claim("s", "Only me.")], [Speaker(id="s", name="Solo Speaker")])])
    p = render_pages.render_site(one)
    assert not any(k.startswith("charts/") and k.endswith(".svg") for k in p)
    assert "Not enough speakers yet" in p["charts/index.md"]
    assert "briefs/a.svg" not in p  # one speaker: no per-brief chart either


def test_render_is_deterministic():
    assert site() == site()


def test_report_lists_speaker_links():
    report = site()["report.md"]
    assert "Speakers linked across articles" in report and "Fawzi Barhoum" in report


def test_front_matter_strings_survive_yaml():
    tricky = ['a: b', '- x', '"quoted"', "it's", "#hash", "\u2028line"]
    assert yaml.safe_load(markup.front_matter({"tags": tricky}).split("---\n")[1])["tags"] == tricky


def test_stances_are_shown_apart_from_what_was_said():
    text = "Jane Doe said the plant would close. Jane Doe wants a new plant."
    said = Claim(kind="indirect", text="the plant would close", start=14, end=35, speaker="jane-doe", paragraph=1)
    stance = Claim(kind="stance", text="a new plant", start=51, end=62, speaker="jane-doe", paragraph=1)
    brief = Brief(article=Article(path="s.txt", id="s", title="S", text=text),
                  speakers=[Speaker(id="jane-doe", name="Jane Doe")], claims=[stance, said])
    page = render_pages.render_site(link([brief]))["briefs/s.md"]
    page = page[page.index("## Jane Doe"):page.index("## Article")]
    label = page.index("**Stances**")
    assert page.index("the plant would close") < label < page.index("a new plant")
    assert "**Stance**" in page[label:] and "**Stance**" not in page[:label]
    [section] = render_pages.speaker_sections(brief)
    assert section["said"] == [said] and section["stances"] == [stance]


def test_an_unnamed_source_shows_its_words_and_has_no_speaker_page():
    from generator.model import Span

    text = "Analysts said prices would rise next year."
    claim = Claim(kind="indirect", text="prices would rise next year", start=14, end=41, speaker=None, paragraph=1,
                  cue=Span("said", 9, 13), speaker_mention=Span("Analysts", 0, 8))
    brief = Brief(article=Article(path="u.txt", id="u", title="U", text=text), claims=[claim])
    pages = render_pages.render_site(link([brief]), page_min_articles=1)
    page = pages["briefs/u.md"]
    assert "## Unnamed sources" in page and "*Analysts said*" in page
    assert not [p for p in pages if p.startswith("speakers/") and p != "speakers/index.md"]


def test_share_of_voice_chart_shows_the_numbers_of_the_data():
    """Each bar's printed share is the speaker's claims over every attributed claim of the corpus,
    the same in the chart, its alt text and its table, also when only the top speakers are drawn."""
    from generator.render import figures

    corpus = corpus_()
    p = render_pages.render_site(corpus)
    claims = Counter(c.speaker for b in corpus.briefs for c in b.claims if c.speaker)
    total = sum(claims.values())
    svg = p["charts/share-of-voice.svg"]
    ranked = render_pages.SiteData(corpus).speakers  # the chart's rows, in order
    printed = re.findall(r'class="share"[^>]*>(\d+) \(([\d.]+%)\)<', svg)
    expected = [(str(claims[s.id]), charts.share_text(claims[s.id], total)) for s in ranked]
    assert printed == expected and len(printed) == len(claims) == 3
    table = p["charts/index.md"]
    for s, (n, pct) in zip(ranked, printed):
        assert f"[{markup.md_escape(s.name)}](" in table
        assert re.search(rf"\| {n} \| {re.escape(pct)} \|", table)
    assert f"all {total} attributed claims" in svg
    # with more speakers than the chart shows, the shares still divide by every claim
    rows = [(f"S{i}", 1) for i in range(3)]
    assert charts.shares([1, 1, 1], 40) == ["2.5%"] * 3
    assert '>1 (2.5%)<' in charts.share_of_voice(rows, ["#1f5fa8"] * 3, "S", 40)
    assert figures.TOP_SPEAKERS == 15


def test_speakers_drawn_together_never_share_a_colour():
    order = [f"s{i}" for i in range(40)]
    together = [order[:15]] + [order[i:i + 6] for i in range(0, 40, 3)]
    colours = charts.assign_colours(order, together)
    for group in together:
        assert len({colours[s] for s in group}) == len(group)
    corpus = corpus_()
    data = render_pages.SiteData(corpus)
    for brief in corpus.briefs:
        ids = {c.speaker for c in brief.claims if c.speaker}
        assert len({data.colour(s) for s in ids}) == len(ids)


def _colour_corpus(briefs):
    """A linked corpus whose briefs have these speakers (one claim per entry, so repeats weigh)."""
    from generator.model import Corpus

    out = []
    for i, ids in enumerate(briefs):
        claims = [Claim(kind="direct", text="x", start=0, end=1, speaker=sid) for sid in ids]
        out.append(Brief(Article(path=f"{i}.txt", id=f"a{i}", title="t", text="x"),
                         speakers=[Speaker(sid, sid) for sid in dict.fromkeys(ids)], claims=claims))
    return Corpus(briefs=out, speakers={sid: Speaker(sid, sid) for ids in briefs for sid in ids})


def test_speaker_colours_stay_put_when_an_edit_adds_a_speaker_or_a_claim():
    """Under `mkdocs serve` a brief's pages are rendered again only when its speakers' colours
    change: an edit must not recolour speakers of other briefs (the greedy colouring by claim count
    recoloured pages all over the site when one speaker was heard once more)."""
    import random

    from generator.link import describe

    rng = random.Random(7)
    people = [f"p{i:03d}" for i in range(600)]  # a few heard often, most in one or two articles
    briefs = [rng.sample(people[:20], 1) + rng.sample(people[20:], 4) for _ in range(200)]
    before = describe(_colour_corpus(briefs)).colours
    for group in briefs:  # still apart where drawn together
        assert len({before[s] for s in set(group)}) == len(set(group))
    # a new speaker of one brief (the edit of the bench: "... said Joe Tester.")
    edited = [list(b) for b in briefs]
    edited[5] = edited[5] + ["joe-tester"]
    after = describe(_colour_corpus(edited)).colours
    assert {s: c for s, c in after.items() if s != "joe-tester"} == before
    # a speaker heard once more (a quote added to an article): the ranking changes, no colour does
    quiet = max(briefs[9][1:], key=lambda s: sum(b.count(s) for b in briefs))
    edited = [list(b) for b in briefs]
    edited[9] = edited[9] + [quiet]
    assert describe(_colour_corpus(edited)).colours == before


def test_share_labels_never_round_a_speaker_of_ten_claims_or_more_to_one_percent():
    """The issue's chart: 15 speakers of 10 to 21 claims among ~1,600 were all labelled "1%"."""
    total = 1613
    rows = [(f"Speaker {i}", n) for i, n in enumerate([21, 19, 17, 16, 15, 14, 13, 12, 12, 11, 11, 10, 10, 10, 10])]
    svg = charts.share_of_voice(rows, list(charts.SPEAKER_PALETTE[:15]), "Share of voice", total)
    labels = re.findall(r'class="share"[^>]*>([^<]+)<', svg)
    assert len(labels) == 15
    for (_, n), label in zip(rows, labels):
        count, share = re.fullmatch(r"(\d+) \(([\d.]+)%\)", label).groups()
        assert int(count) == n and share != "1" and abs(float(share) - 100 * n / total) < 0.05, label
    assert charts.share_text(1, 400) == "0.2%" and charts.share_text(240, 400) == "60%"


def _lab(colour: str) -> tuple[float, float, float]:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_speaker_colours_stay_apart_from_the_kind_legend_colours():
    """A chart with a quoted / mixed / reported legend colours speaker names too: no speaker colour
    may pass for a legend colour (CIE76 distance 25 or more; the old palette had one at 10)."""
    for speaker in charts.SPEAKER_PALETTE:
        for kind in charts.KIND_COLOURS.values():
            distance = sum((a - b) ** 2 for a, b in zip(_lab(speaker), _lab(kind))) ** 0.5
            assert distance >= 25, (speaker, kind, round(distance, 1))


def test_chart_colours_meet_wcag_aa_on_white():
    for colour in (*charts.SPEAKER_PALETTE, *charts.KIND_COLOURS.values(), charts.TEXT, charts.speaker_colour(None)):
        assert charts.contrast(colour, "#ffffff") >= 4.5, colour


def test_time_charts_only_when_time_says_something():
    assert not charts.worth_a_time_chart([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])  # 14 bars, 2 points
    assert not charts.worth_a_time_chart([3, 2])
    assert charts.worth_a_time_chart([1, 2, 0, 1])
    assert not charts.worth_a_time_chart([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])


def test_claims_on_speaker_and_topic_pages_say_who_and_how():
    from generator.model import Span

    def cued(speaker, text, cue, kind, topics=("place:Israel",)):
        c = _claim(speaker, text, 2, kind, topics)
        c.cue = Span(cue, 0, len(cue))
        return c

    briefs = [_brief("a", "2021-05-01", [cued("antony-blinken", "the plan was dead", "denied", "indirect"),
                                         cued("antony-blinken", '"We will go on,"', "says", "direct")],
                     [Speaker(id="antony-blinken", name="Antony Blinken")]),
              _brief("b", "2021-05-07", [cued("antony-blinken", "talks resume", "According to", "indirect")],
                     [Speaker(id="antony-blinken", name="Antony Blinken")])]
    p = render_pages.render_site(link(briefs))
    page = p["speakers/antony-blinken.md"]
    assert "> **Blinken** denied that the plan was dead" in page
    assert '> **Blinken** said: &quot;We will go on,&quot;' in page
    assert "> According to **Blinken**, talks resume" in page
    topic = p["topics/israel.md"]
    assert "> **[Antony Blinken](../speakers/antony-blinken.md)** denied that the plan was dead" in topic


def test_a_quotation_carried_by_several_articles_is_one_claim_with_every_source():
    words = '"The calm is finished," he said.'
    briefs = [_brief(aid, date, [_claim("fawzi-barhum", words if aid != "c" else words.upper(), n)],
                     [Speaker(id="fawzi-barhum", name="Fawzi Barhum")])
              for aid, date, n in [("a", "2008-12-19", 2), ("b", "2008-12-20", 4), ("c", "2008-12-21", 1)]]
    page = render_pages.render_site(link(briefs))["speakers/fawzi-barhum.md"]
    assert page.count("The calm is finished") + page.count("THE CALM IS FINISHED") == 1
    for aid in "abc":
        assert f"(../briefs/{aid}.md#w-at-0-{len(words)})" in page  # each source's words in its article
    assert "1 quotation carried by several articles is shown once" in page


def test_a_large_corpus_gets_a_speakers_page_per_initial(monkeypatch):
    row = re.compile(r'<tr class="qb-item"[^>]*><td markdown="span">\[([^\]]+)\]\(([^)]+)\)</td>')
    everyone = [name for name, _ in row.findall(site()["speakers/index.md"])]  # one page
    monkeypatch.setattr(render_pages, "SPEAKERS_ON_ONE_PAGE", 1)
    p = site()
    index = p["speakers/index.md"]
    rows = row.findall(index)
    assert rows == [("Fawzi Barhum", "../speakers/fawzi-barhum.md")]  # only those with a page of their own
    assert "[C](by-letter/c.md) (1)" in index and "[F](by-letter/f.md) (1)" in index
    letter_pages = {path: page for path, page in p.items() if path.startswith("speakers/by-letter/")}
    listed = [name for page in letter_pages.values() for name, _ in row.findall(page)]
    assert sorted(listed) == sorted(everyone) and len(everyone) > 2  # each speaker under one initial
    c = letter_pages["speakers/by-letter/c.md"]
    assert "# Speakers: C" in c and "[Condoleezza Rice](../../briefs/a.md#condoleezza-rice)</td>" in c
    assert c.startswith("---\n") and "exclude: true" in c.split("---")[1]  # out of the search index
    assert "[Speakers heard most](../index.md)" in c and "[F](f.md)" in c


def test_a_new_speaker_changes_the_page_of_their_initial_only(monkeypatch):
    """Under `mkdocs serve` every page whose Markdown changed is converted again: a letter page that
    said "3 of the 3,179 speakers" changed with every speaker added anywhere (26 pages an edit)."""
    monkeypatch.setattr(render_pages, "SPEAKERS_ON_ONE_PAGE", 1)
    before = render_pages.render_site(corpus())
    briefs = [_brief(b.article.id, b.article.date, list(b.claims), list(b.speakers)) for b in corpus().briefs]
    briefs[0].speakers.append(Speaker(id="carl-newcomer", name="Carl Newcomer"))
    briefs[0].claims.append(_claim("carl-newcomer", "We were never told.", 3))
    after = render_pages.render_site(link(briefs))
    letters = {p for p in before if p.startswith("speakers/by-letter/")}
    assert len(letters) >= 3 and letters == {p for p in after if p.startswith("speakers/by-letter/")}
    assert {p for p in letters if before[p] != after[p]} == {"speakers/by-letter/c.md"}
    c = after["speakers/by-letter/c.md"]
    assert "Carl Newcomer" in c and "2 speakers under C" in c
    assert "[F](f.md)" in c and "[F](f.md) (" not in c  # every initial linked, with no count to change


def test_initials_fold_accents_and_put_the_rest_under_other():
    assert render_pages.initial("Émile Zola") == "e"
    assert render_pages.initial("'t Hooft") == "t"
    assert render_pages.initial("3M") == "other" and render_pages.initial("Ögedei") == "o"
    assert render_pages.initial("Александр") == "other"


def test_the_topics_index_never_makes_a_paragraph_of_thousands_of_links():
    """Python-Markdown's link pattern takes time growing with the square of a paragraph's links:
    the whole corpus's 1,216 places in one paragraph took a minute to convert at every serve
    rebuild that changed the index (bench stage serve: 112 s after an edit)."""
    import markdown

    from generator.render import pages

    class Topic:
        def __init__(self, i):
            self.id, self.name, self.claims = f"t{i}", f"Topic {i}", [None] * (i % 7 + 1)

    topics = [Topic(i) for i in range(1_201)]
    text = pages.site_environment().get_template("topics_index.md.j2").render(
        groups=[("Places", topics), ("People", topics[:3])], count=1_204, topic_href=lambda tid: f"{tid}.md",
        paged=1_204, min_articles=2)
    paragraphs = [p for p in text.split("\n\n") if "](" in p]
    assert max(p.count("](") for p in paragraphs) <= 20
    assert sum(p.count("](") for p in paragraphs) == 1_204, "every topic listed once"
    html = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    assert html.count("<a href=") == 1_204 and html.count(" · ") == 1_200 + 2


def test_a_topic_page_never_makes_a_paragraph_of_hundreds_of_speaker_links():
    """The "Who talks about" line of a topic page: one paragraph of every speaker who names the
    topic (hundreds for a country of a news corpus) cost seconds of Python-Markdown at each serve
    rebuild that changed the page; it is paragraphs of 20 links, shown as one run of text."""
    import markdown

    from generator.render import pages

    class Topic:
        id, name, variants = "ukraine", "Ukraine", []

    people = {f"s{i}": Speaker(f"s{i}", f"Speaker {i}") for i in range(1_001)}
    counts = [(sid, 1_001 - i) for i, sid in enumerate(people)]
    text = pages.site_environment().get_template("topic.md.j2").render(
        topic=Topic, claims=[], speakers=people, speaker_counts=counts, kind_title="Place",
        speaker_href=lambda sid: f"../speakers/{sid}.md", claim_topics=lambda claim: [], speaker_page=None)
    paragraphs = [p for p in text.split("\n\n") if "](../speakers/" in p]
    assert max(p.count("](") for p in paragraphs) <= 20 and len(paragraphs) == 51
    assert paragraphs[0].startswith("Who talks about Ukraine: [Speaker 0](../speakers/s0.md) (1001), ")
    assert paragraphs[-1].endswith("[Speaker 1000](../speakers/s1000.md) (1).")
    html = markdown.markdown(text, extensions=["md_in_html", "attr_list"])
    who = html[html.index('<div class="qb-list"'):html.index("</div>")]
    assert who.count("<a href=") == 1_001 and who.count(", ") == 1_000  # every speaker once, in order
    assert re.findall(r"s(\d+)\.md", who) == [str(i) for i in range(1_001)]


def test_speaker_and_topic_pages_are_reused_only_while_what_they_show_is_the_same(monkeypatch):
    """Under `mkdocs serve` (the cache's memory-only namespace `rendered`) an unchanged speaker or
    topic page is not rendered again; a page whose links now go elsewhere (a topic that got its own
    page) is, and every page is what a render from nothing gives."""
    from generator.cache import Cache

    drawer = charts.Drawer(Cache(None, memory=("charts",), memory_only=("rendered",)))
    first = render_pages.render_site(corpus(), 2, drawer)
    renders = Counter()
    real = render_pages.memo_page

    def counted(data, parts, render):
        def rendering(**links):
            renders[parts[0]] += 1
            return render(**links)
        return real(data, parts, rendering)

    monkeypatch.setattr(render_pages, "memo_page", counted)
    assert render_pages.render_site(corpus(), 2, drawer) == first
    assert renders == Counter()
    # with one article per page, every speaker and topic gets a page: links change, pages follow
    assert render_pages.render_site(corpus(), 1, drawer) == render_pages.render_site(corpus(), 1)
    assert renders["speaker"] > 0 and renders["topic"] > 0
    # an edited claim: the pages that show it are rendered again, the others are not
    renders.clear()
    edited = corpus()
    brief = next(b for b in edited.briefs if b.article.id == "b")
    brief.claims[0].text = "The occupier must halt his fire now."
    pages = render_pages.render_site(edited, 1, drawer)
    assert "halt his fire now" in pages[f"speakers/{brief.claims[0].speaker}.md"]
    assert renders["speaker"] == 1  # Fawzi Barhum's: the other two speakers' pages do not show brief b
    assert renders["briefs index"] == 0  # it shows no claim's words
    assert pages == render_pages.render_site(edited, 1)
