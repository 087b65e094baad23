"""Who gets a voice: speaker groups, gender only where the text states it, sections, the figures."""

from generator.link import link
from generator.model import Article, Brief, Claim, Span, Speaker
from generator.render import voices
from generator.render.pages import SiteData


def _brief(aid, text, claims, speakers, path=None, date="2005-01-10"):
    return Brief(article=Article(path=path or f"{aid}.txt", id=aid, title=aid, text=text, date=date),
                 speakers=speakers, claims=claims)


def _claim(speaker, mention=None, kind="direct", topics=()):
    return Claim(kind=kind, text="words", start=0, end=5, speaker=speaker, confidence=0.9, topics=list(topics),
                 speaker_mention=Span(mention, 0, len(mention)) if mention else None)


def _genders(*briefs):
    return {sid: g.gender for sid, g in voices.stated_genders(link(list(briefs))).items()}


def test_groups_named_people_organisations_and_unnamed_sources():
    speakers = {"a": Speaker("a", "Ann Smith"), "b": Speaker("b", "Acme", kind="organisation"),
                "c": Speaker("c", "Downing Street", kind="place"), "d": Speaker("d", "officials", named=False)}
    assert [voices.voice_group(_claim(s), speakers) for s in ("a", "b", "c", "d", None)] == \
        ["person", "organisation", "organisation", "unnamed", "unnamed"]


def test_gender_comes_from_the_text_never_from_a_first_name():
    text = "Words here. Mrs Thatcher spoke. Later Mr Major replied."
    brief = _brief("a", text, [_claim("margaret-thatcher", "Margaret Thatcher"), _claim("mary-jones", "Mary Jones"),
                               _claim("john-major", "he"), _claim("kim-lee", "she"), _claim("kim-lee", "he"),
                               _claim("pat-roe", "The spokeswoman")],
                   [Speaker("margaret-thatcher", "Margaret Thatcher"), Speaker("mary-jones", "Mary Jones"),
                    Speaker("john-major", "John Major"), Speaker("kim-lee", "Kim Lee"), Speaker("pat-roe", "Pat Roe"),
                    Speaker("chris-fox", "Chris Fox", role="chairwoman of the board")])
    genders = _genders(brief)
    assert genders["margaret-thatcher"] == "woman"  # Mrs before her surname
    assert genders["john-major"] == "man"  # a "he" bound to him (and Mr Major)
    assert genders["mary-jones"] == "not stated"  # a woman's first name is no evidence
    assert genders["kim-lee"] == "not stated"  # called both: not stated
    assert genders["pat-roe"] == "woman"  # a gendered noun in the mention


def test_a_title_before_a_shared_surname_is_nobody_s_evidence():
    text = "Tony Blair and Cherie Blair arrived. Mr Blair said little. Mrs Bush waved; Mr Bush spoke."
    brief = _brief("a", text, [_claim("cherie-blair", "Cherie Blair"), _claim("george-bush", "George Bush")],
                   [Speaker("cherie-blair", "Cherie Blair"), Speaker("george-bush", "George Bush")])
    genders = voices.stated_genders(link([brief]))
    assert genders["cherie-blair"].gender == "not stated"  # "Mr Blair" may be Tony
    assert genders["george-bush"].gender == "not stated"  # Mr and Mrs Bush: two people
    assert genders["george-bush"].evidence == ""


def test_organisations_and_unnamed_sources_have_no_gender():
    brief = _brief("a", "A spokeswoman for Acme said so.", [_claim("acme", "A spokeswoman for Acme"),
                                                          _claim(None, "a spokeswoman")],
                   [Speaker("acme", "Acme", kind="organisation")])
    corpus = link([brief])
    assert voices.stated_genders(corpus) == {}
    assert [cv.gender for cv in voices.claim_voices(corpus)] == [None, None]


def test_sections_are_the_first_folder_under_the_common_one():
    briefs = [_brief(aid, "x", [], [], path=p) for aid, p in
              [("a", "/c/bbc/business/001.txt"), ("b", "/c/bbc/sport/002.txt"), ("c", "/c/bbc/sport/x/3.txt")]]
    assert voices.sections(link(briefs)) == {"a": "business", "b": "sport", "c": "sport"}
    flat = [_brief("a", "x", [], [], path="/c/a.txt"), _brief("b", "x", [], [], path="b.txt")]
    assert voices.sections(link(flat[:1])) == {"a": None}
    assert voices.sections(link(flat)) == {"a": None, "b": None}  # relative and absolute: no sections


def test_figures_count_every_claim_once_per_row_and_topics_under_each():
    briefs = [
        _brief("a", "x", [_claim("ann", "she", topics=["place:Iraq", "place:Iran"]), _claim(None, "officials")],
               [Speaker("ann", "Ann Smith")], path="/c/news/a.txt", date="2005-01-10"),
        _brief("b", "x", [_claim("acme", "Acme", topics=["place:Iraq"])],
               [Speaker("acme", "Acme", kind="organisation")], path="/c/sport/b.txt", date="2005-02-10"),
    ]
    data = SiteData(link(briefs))
    figs = voices.figures(voices.claim_voices_of(data))
    assert figs["overall"] == [{"label": "all claims", "counts": {"person": 1, "organisation": 1, "unnamed": 1},
                                "total": 3}]
    assert {r["label"]: r["total"] for r in figs["section"]} == {"news": 2, "sport": 1}
    assert {r["label"]: r["counts"] for r in figs["topic"]}["Iraq"] == {"person": 1, "organisation": 1, "unnamed": 0}
    assert [r["label"] for r in figs["period"]] == ["2005-01-10", "2005-02-10"]
    assert figs["gender"][0] == {"label": "claims by named people", "counts": {"woman": 1, "man": 0,
                                                                               "not stated": 0}, "total": 1}


def test_the_voices_page_has_a_table_and_a_method_note_for_each_chart():
    from generator.render.marks import site_environment

    briefs = [_brief(f"b{i}", "x", [_claim("ann", "she"), _claim(None, "officials"), _claim("acme", "Acme")],
                     [Speaker("ann", "Ann Smith"), Speaker("acme", "Acme", kind="organisation")],
                     path=f"/c/{'news' if i % 2 else 'sport'}/{i}.txt", date=f"200{i}-01-01") for i in range(4)]
    pages = voices.render_voices(site_environment(), SiteData(link(briefs)))
    page = pages["voices/index.md"]
    charts = [p for p in pages if p.endswith(".svg")]
    assert sorted(charts) == ["voices/gender.svg", "voices/overall.svg", "voices/period.svg", "voices/section.svg"]
    for chart in charts:
        name = chart.removeprefix("voices/")
        block = page[page.index(f"]({name})"):]
        assert "| named people |" in block.split("</div>")[0] or "| woman |" in block.split("</div>")[0]
    assert "| all claims | 4 (33%) | 4 (33%) | 4 (33%) | 12 |" in page
    assert "## How these figures are made" in page and "Never a guess from a first name" in page
