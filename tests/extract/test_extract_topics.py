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


def _speaking(nlp, text, *names):
    from generator.extract.topics import type_speakers
    from generator.model import Speaker

    speakers = [Speaker(id=n.lower(), name=n, kind=k) for n, k in names]
    brief = Brief(article=Article(path="t.txt", id="t", title="T", text=text), speakers=speakers)
    return {s.name: s.kind for s in type_speakers(nlp(text), brief).speakers}


def test_a_speaker_the_article_names_as_a_work_or_a_product_is_one(nlp):
    text = ("The comedy Moonfall topped the chart. Moonfall said little. Patients took the drug Zelvix, "
            "and Zelvix said nothing. Security firm Norvax said it had found the flaw. Fans of the Quarry 3 "
            "game said it was late. Ann Lee will next play Bo Tan, and Bo Tan said so.")
    kinds = _speaking(nlp, text, ("Moonfall", "person"), ("Zelvix", "organisation"), ("Norvax", "person"),
                      ("Quarry 3", "organisation"), ("Bo Tan", "person"))
    # a body's noun before a name: left as extraction named it
    assert kinds == {"Moonfall": "work", "Zelvix": "product", "Norvax": "person", "Quarry 3": "work",
                     "Bo Tan": "person"}  # "play" is a verb there: no class noun


def test_a_body_named_by_its_head_noun_is_never_retyped(nlp):
    text = ("The Law Society said the plan was wrong. The Swedish said it was cold, the Tories said it was not. "
            "Speaking at Ellerby Park, he said so. He grew up in nearby Dunmow.")
    kinds = _speaking(nlp, text, ("Law Society", "organisation"), ("Swedish", "person"), ("Ellerby Park", "person"),
                      ("Tories", "organisation"), ("Dunmow", "person"))
    # spaCy's labels type nothing (the small model calls people works of art): only class nouns do
    assert kinds == {"Law Society": "organisation", "Swedish": "person", "Ellerby Park": "person",
                     "Tories": "organisation", "Dunmow": "locality"}  # link drops "Swedish"
