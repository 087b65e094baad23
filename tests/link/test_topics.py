"""Topics: entities named inside claims, merged across articles."""

from generator.link.topics import clean_entity, corpus_topics, split_topic, tag_claims
from generator.model import Article, Brief, Claim


def test_entities_inside_a_claim_become_its_topics(nlp):
    text = ('"The United States and the European Union must talk to Iran," Sergei Lavrov said. '
            'Angela Merkel visited Paris on Monday.')
    end = text.index(",\"") + 2
    claim = Claim(kind="direct", text=text[:end], start=0, end=end, speaker="sergei-lavrov")
    brief = Brief(article=Article(path="t.txt", id="t", title="T", text=text), claims=[claim])
    tag_claims(nlp(text), brief)
    kinds = dict(split_topic(t)[::-1] for t in claim.topics)
    assert "United States" in kinds and "Iran" in kinds, claim.topics
    assert not any("Merkel" in t or "Paris" in t for t in claim.topics)  # outside the claim
    assert not any(t.endswith("Lavrov") for t in claim.topics)


def test_clean_entity():
    assert clean_entity("the United States") == "United States"
    assert clean_entity("Israel's") == "Israel"
    assert clean_entity("U.S.") == "U.S."
    assert clean_entity("tomorrow") is None


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
    briefs = [_brief("a", ["organisation:European Union"], ["organisation:Emergency Unit"], ["organisation:EU"])]
    topics = corpus_topics(briefs)
    assert len(topics) == 3


def test_a_person_topic_reuses_the_speaker_id():
    briefs = [_brief("a", ["person:Condoleezza Rice"])]
    topics = corpus_topics(briefs, {"condoleezza-rice-2": "Condoleezza Rice"})
    assert list(topics) == ["condoleezza-rice-2"]
