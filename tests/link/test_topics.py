"""Topics: entities named inside claims, merged across articles."""

from generator.link.topics import corpus_topics
from generator.model import Article, Brief, Claim


def _brief(aid, *claim_topics):
    claims = [Claim(kind="direct", text=f"claim {i}", start=i * 10, end=i * 10 + 5, speaker=f"s{i}",
                    topics=list(ts)) for i, ts in enumerate(claim_topics)]
    return Brief(article=Article(path=f"{aid}.txt", id=aid, title=aid, text="x" * 100), claims=claims)


def test_variants_merge_across_articles():
    briefs = [_brief("a", ["place:US", "organisation:United Nations"], ["place:U.S."]),
              _brief("b", ["place:United States"], ["organisation:UN", "person:Ehud Olmert"]),
              _brief("c", ["person:Olmert", "place:the United States"])]
    topics = corpus_topics(briefs)
    us = topics["united-states"]
    assert us.kind == "place" and len(us.claims) == 4
    assert set(us.variants) >= {"US", "U.S."}
    assert len(topics["united-nations"].claims) == 2
    assert len(topics["ehud-olmert"].claims) == 2
    assert list(topics)[0] == "united-states"  # most talked-about first


def test_an_acronym_fitting_two_names_is_not_merged():
    briefs = [_brief("a", ["organisation:Civil Defence Force"], ["organisation:Coastal Defence Force"],
                     ["organisation:CDF"])]
    topics = corpus_topics(briefs)
    assert len(topics) == 3


def test_a_person_topic_reuses_the_speaker_id():
    briefs = [_brief("a", ["person:Condoleezza Rice"])]
    topics = corpus_topics(briefs, {"condoleezza-rice-2": "Condoleezza Rice"})
    assert list(topics) == ["condoleezza-rice-2"]


def test_one_country_under_its_names_and_its_capital():
    briefs = [_brief("a", ["place:Washington"], ["place:America"], ["place:US"]),
              _brief("b", ["place:Gaza"], ["place:Gaza Strip"], ["organisation:DPRK"], ["place:North Korea"]),
              _brief("c", ["place:Britain"], ["place:UK"])]
    topics = corpus_topics(briefs)
    assert sorted(topics) == ["gaza-strip", "north-korea", "united-kingdom", "united-states"]
    assert set(topics["united-states"].variants) == {"Washington", "America", "US"}
    assert topics["north-korea"].kind == "place"  # spaCy's ORG for "DPRK" does not win over the table


def test_topics_are_linked_to_speakers_with_their_name_and_type():
    from generator.model import Speaker

    speakers = {"george-w-bush": Speaker(id="george-w-bush", name="George W. Bush"),
                "donald-trump": Speaker(id="donald-trump", name="Donald Trump"),
                "european-union": Speaker(id="european-union", name="European Union", kind="organisation")}
    briefs = [_brief("a", ["person:Bush"], ["person:George W. Bush"], ["organisation:Trump"]),
              _brief("b", ["organisation:EU"], ["place:North"], ["organisation:GMT"])]
    topics = corpus_topics(briefs, speakers)
    assert topics["george-w-bush"].name == "George W. Bush" and len(topics["george-w-bush"].claims) == 2
    assert topics["donald-trump"].kind == "person"  # a one-word ORG that is a person speaker's surname
    assert topics["european-union"].name == "European Union"
    assert "north" not in topics and "gmt" not in topics  # not topics


def test_topic_labels_have_their_brackets():
    from generator.link.topics import tidy_name

    assert tidy_name("Palestinian Legislative Council (PLC") == "Palestinian Legislative Council"
    assert tidy_name("Hamas (Islamic Resistance Movement") == "Hamas (Islamic Resistance Movement)"
    assert tidy_name("North") is None


def test_a_surname_with_or_without_mr_is_one_topic_and_a_party_its_name():
    briefs = [_brief("a", ["person:Blair"], ["person:Mr Blair"], ["person:Mrs Smith"], ["person:Mr Smith"]),
              _brief("b", ["organisation:Labour"], ["organisation:Labour"], ["organisation:Labour Party"],
                     ["organisation:Home"])]
    topics = corpus_topics(briefs)
    assert set(topics["blair"].variants) == {"Mr Blair"}
    assert "mrs-smith" in topics and "mr-smith" in topics  # Mr and Mrs: not one person
    assert topics["labour"].variants == ["Labour Party"]
    assert "home" not in topics


def test_a_body_speaking_under_a_surname_keeps_its_topics_from_the_person():
    from generator.model import Speaker

    speakers = {"wendells": Speaker(id="wendells", name="Wendells", kind="organisation", aliases=["Wendell"]),
                "anna-wendell": Speaker(id="anna-wendell", name="Anna Wendell")}
    briefs = [_brief("a", ["person:Wendell"], ["person:Wendell"]), _brief("b", ["person:Anna Wendell"])]
    topics = corpus_topics(briefs, speakers)
    assert topics["wendells"].kind == "organisation" and len(topics["wendells"].claims) == 2
    assert len(topics["anna-wendell"].claims) == 1
