"""Topics at extraction: the entities spaCy names inside each claim."""

from generator.extract.topics import clean_entity, tag_claims
from generator.model import Article, Brief, Claim


def test_entities_inside_a_claim_become_its_topics(nlp):
    text = ('"The United States and the European Union must talk to Iran," Sergei Lavrov said. '
            'Angela Merkel visited Paris on Monday.')
    end = text.index(",\"") + 2
    claim = Claim(kind="direct", text=text[:end], start=0, end=end, speaker="sergei-lavrov")
    brief = Brief(article=Article(path="t.txt", id="t", title="T", text=text), claims=[claim])
    tag_claims(nlp(text), brief)
    names = [t.partition(":")[2] for t in claim.topics]
    assert "place:United States" in claim.topics and "Iran" in names, claim.topics
    assert not any("Merkel" in t or "Paris" in t for t in claim.topics)  # outside the claim
    assert not any(t.endswith("Lavrov") for t in claim.topics)


def test_clean_entity():
    assert clean_entity("the United States") == "United States"
    assert clean_entity("Israel's") == "Israel"
    assert clean_entity("U.S.") == "U.S."
    assert clean_entity("tomorrow") is None
