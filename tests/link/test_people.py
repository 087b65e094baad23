"""A surname alone is the one full name its article gives (generator/link/people.py)."""

from generator.link import link
from generator.link.people import article_people, full_name
from generator.model import Article, Brief, Claim, Speaker


def brief(aid, text, *names):
    speakers = [Speaker(id=n.lower().replace(" ", "-"), name=n, kind=k) for n, k in names]
    claims = [Claim(kind="direct", text=text[:4], start=0, end=4, speaker=s.id) for s in speakers]
    return Brief(article=Article(path=f"{aid}.txt", id=aid, title=aid, text=text), speakers=speakers, claims=claims)


def test_the_article_gives_the_full_name():
    b = brief("a", "Coach Mike Fairday picked the side. \"We were ready,\" said Fairday. The ex-boss Bernd Okkels "
                   "agreed, and Mr Okkels smiled.", ("Fairday", "organisation"))
    people = article_people(b)
    assert full_name("Fairday", people) == "Mike Fairday"
    assert full_name("Mr Okkels", people) == "Bernd Okkels"  # a lower-case job before the name
    assert full_name("Tony Fairday", people) is None  # not a surname alone


def test_two_people_of_one_surname_leave_it_as_written():
    b = brief("b", "Tony Blair spoke. Sarah Blair spoke too. Blair said no.", ("Blair", "person"))
    assert full_name("Blair", article_people(b)) is None


def test_link_renames_the_speaker_and_makes_them_a_person():
    corpus = link([brief("c", "Coach Mike Fairday picked the side. Fairday said it.", ("Fairday", "organisation"))])
    (speaker,) = corpus.speakers.values()
    assert (speaker.name, speaker.kind) == ("Mike Fairday", "person")


def test_a_rank_alone_is_the_one_person_the_article_names_after_it():
    from generator.link.people import titled

    text = "Cardinal Anselm Okoro-Baye led the mass. The Cardinal said it was a good day."
    assert titled(text, "Cardinal") == "Anselm Okoro-Baye"
    assert titled("Cardinal Ann Lee and Cardinal Bo Tan spoke.", "Cardinal") is None
    corpus = link([brief("d", text, ("Cardinal", "organisation"), ("Okoro-Baye", "organisation"))])
    assert {s.name for s in corpus.speakers.values()} == {"Anselm Okoro-Baye"}


def test_a_surname_alone_is_the_person_the_corpus_hears_far_more_than_the_others():
    tony = [brief(f"t{i}", "Tony Marsh said it. Mr Marsh went on.", ("Tony Marsh", "person")) for i in range(10)]
    ian = [brief("i", "Ian Marsh, the police chief, said so.", ("Ian Marsh", "person"))]
    alone = [brief("m", "Mr Marsh said the vote would be close.", ("Mr Marsh", "person")),
             brief("w", "Mrs Marsh said she would not stand.", ("Mrs Marsh", "person"))]
    corpus = link(tony + ian + alone)
    by_brief = {b.article.id: b.speakers[0].name for b in corpus.briefs}
    assert by_brief["m"] == "Tony Marsh"  # 10 claims to 1: the Marsh the corpus means
    assert by_brief["w"] == "Mrs Marsh" and by_brief["i"] == "Ian Marsh"
    even = link([brief("a", "Tony Marsh spoke.", ("Tony Marsh", "person")),
                 brief("b", "Ian Marsh spoke.", ("Ian Marsh", "person")),
                 brief("c", "Mr Marsh spoke.", ("Mr Marsh", "person"))])
    assert {b.article.id: b.speakers[0].name for b in even.briefs}["c"] == "Mr Marsh"  # ambiguous: as written
