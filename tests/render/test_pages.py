"""Rendering the cross-article pages from a hand-made corpus (no spaCy needed)."""

import re

import yaml

from generator.link import link
from generator.model import Article, Brief, Claim, Speaker
from generator.render import markup
from generator.render import pages as render_pages


def _brief(aid, date, claims, speakers, text="First paragraph.\n\nSecond paragraph.\n\nThird."):
    return Brief(article=Article(path=f"{aid}.txt", id=aid, title=f"Title {aid}", text=text, date=date),
                 speakers=speakers, claims=claims)


def _claim(speaker, text, paragraph=1, kind="direct", topics=()):
    return Claim(kind=kind, text=text, start=0, end=len(text), speaker=speaker, paragraph=paragraph,
                 topics=list(topics))


def corpus():
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


def test_speaker_page_lists_every_claim_with_date_and_paragraph_link():
    p = site()
    page = p["speakers/fawzi-barhum.md"]
    assert "# Fawzi Barhum" in page and "Hamas spokesman" in page
    assert "Also written: Fawzi Barhoum" in page
    for text, aid, n in [("The calm is finished", "a", 2), ("The truce will end tomorrow", "a", 2),
                         ("The occupier must halt his fire", "b", 3)]:
        assert text in page
        assert f"(../briefs/{aid}.md#p-{n})" in page
    assert "2008-12-23" in page and "2009-01-18" in page
    assert "speakers/fawzi-barhum.svg" in p  # spoke on two dates: a chart over time
    assert "speakers/condoleezza-rice.svg" not in p  # one date: nothing to chart
    assert "| 2008-12-23 | 2 |" in page  # the chart's numbers as a table


def test_speakers_index_sorted_by_claims():
    index = site(page_min_articles=1)["speakers/index.md"]
    order = re.findall(r"\| \[([^\]]+)\]\(\.\./speakers/([^)]+)\.md\) \|", index)
    assert [sid for _, sid in order][:2] == ["fawzi-barhum", "condoleezza-rice"]
    assert "1 claim could not be attributed" in index


def test_speaker_heard_in_one_article_links_to_their_section_of_the_brief():
    p = site()
    assert "speakers/fawzi-barhum.md" in p  # two articles: a page
    assert "speakers/condoleezza-rice.md" not in p  # one article: the brief says it all
    index = p["speakers/index.md"]
    assert "| [Fawzi Barhum](../speakers/fawzi-barhum.md) |" in index
    assert "| [Condoleezza Rice](../briefs/a.md#condoleezza-rice) |" in index
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
    assert "Fawzi Barhum" in front["tags"] and "Condoleezza Rice" in front["tags"]
    assert "United States" in front["tags"] and "Israel" in front["tags"]
    assert not any("<" in t or ">" in t or '"' in t for t in front["tags"])  # theme prints tags unescaped
    assert "## Article { data-search-exclude }" in page  # article text stays out of search
    assert "[all claims by Fawzi Barhum](../speakers/fawzi-barhum.md)" in page
    assert "<script>" not in page


def test_topic_pages_merge_variants_and_list_claims():
    p = site(page_min_articles=1)
    us = p["topics/united-states.md"]
    assert "Also written: U.S." in us
    assert "The calm is finished" in us and "It is going to be hard" in us
    assert "(../speakers/condoleezza-rice.md)" in us and "(../briefs/a.md#p-3)" in us
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
    assert "timeline.svg" in p
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
