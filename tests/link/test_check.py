"""The corpus check (generator/link/check.py) on sentences of our own: each class of identity error
is found on a corpus that has it, and the linker leaves none of it."""

from generator.link import link
from generator.link.check import check
from generator.model import Article, Brief, Claim, Corpus, Speaker, Topic
from generator.slugs import slugify


def brief(aid, text, *speakers, topics=()):
    """A brief of `text` whose speakers are (name, kind, role), one claim each (the claim names `topics`)."""
    people, claims = [], []
    for name, kind, role in speakers:
        sid = slugify(name)
        people.append(Speaker(id=sid, name=name, kind=kind, role=role))
        claims.append(Claim(kind="direct", text=text[:5], start=0, end=5, speaker=sid, topics=list(topics)))
    return Brief(article=Article(path=f"{aid}.txt", id=aid, title=aid, text=text), speakers=people, claims=claims)


def corpus_of(*briefs):
    """Briefs as they are, each speaker its own: what linking nothing would show a reader."""
    speakers = {s.id: s for b in briefs for s in b.speakers}
    claims_of = {sid: [(b, c) for b in briefs for c in b.claims if c.speaker == sid] for sid in speakers}
    return Corpus(briefs=list(briefs), speakers=speakers, claims_of=claims_of)


PARTY = [brief("a", "The Tories said tax would fall.", ("Tories", "organisation", None)),
         brief("b", "The Conservatives said tax would fall.", ("Conservatives", "organisation", None)),
         brief("c", "The Conservative Party said so.", ("Conservative Party", "organisation", None)),
         brief("d", "The Lib Dems said no.", ("The Lib Dems", "person", None)),
         brief("e", "The Liberal Democrats said no.", ("Liberal Democrats", "organisation", None)),
         brief("f", "The FT said shares fell.", ("FT", "organisation", None)),
         brief("g", "The Financial Times said shares fell.", ("Financial Times", "organisation", None)),
         brief("k", "Labour said it would win.", ("Labour", "organisation", None)),
         brief("l", "The Labour Party said it would win.", ("Labour Party", "organisation", None))]
DAMAGED = [brief("h", "x" * 50, ("World Health Organisation (WHO", "organisation", None),
                 ("Arsene Wenger - he", "person", None), ("Striker Thierry Henry", "person", None),
                 ("Tory Treasurer Lord", "person", None), ("DJ Norman Cook - aka", "person", None))]
NON_SPEAKERS = [brief("i", "The Swedish said it was cold, and the comedy Moonfall won.", ("Swedish", "person", None),
                      ("Moonfall", "work", None), ("Gravelby", "locality", None), ("Zelvix", "product", None))]
# Typed by one sentence against what every article says: the place and the work are no speakers,
# the seat is a body, the coach a person, the supplier a company.
USES = [brief("m", "Police at Hollowmere said the crowd was calm. Fans waited at Hollowmere.",
              ("Hollowmere", "person", None)),
        brief("n", "The director behind Nightglass said the studio had changed.", ("Nightglass", "person", None)),
        brief("o", "Calder Street said the minister had its full support.", ("Calder Street", "person", None)),
        brief("p", "Rugby coach Jean-Marc Delorme has named his side.", ("Jean-Marc Delorme", "organisation", None)),
        brief("q", "Software supplier Vantrex said sales rose.", ("Vantrex", "person", None))]
ROLES = [brief("j", "x" * 50, ("Anna Petrova", "person", "delighted"), ("Jon Bakke", "person", "vice"),
               ("Carl Ode", "person", "Texas attorney general legal"), ("Ola Berg", "person", "future"))]


def test_each_class_is_found_where_nothing_is_linked():
    found = check(corpus_of(*PARTY, *DAMAGED, *NON_SPEAKERS, *ROLES))
    assert any("Tories" in x and "Conservatives" in x for x in found["split"]), found["split"]
    assert any("FT" in x and "Financial Times" in x for x in found["split"])
    assert any("Lib Dems" in x and "Liberal Democrats" in x for x in found["split"])
    damaged = " | ".join(found["damaged"])
    for name in ("(WHO", "- he", "Striker", "Treasurer Lord", "- aka"):
        assert name in damaged, damaged
    assert {x.split(" (")[0] for x in found["non_speakers"]} >= {"Swedish", "Moonfall", "Gravelby", "Zelvix"}
    assert {x.split(": ")[1] for x in found["roles"]} == {"delighted", "vice", "Texas attorney general legal",
                                                         "future"}


def test_names_their_articles_never_use_as_speakers_and_kinds_against_the_evidence_are_found():
    found = check(corpus_of(*USES))
    assert {x.split(" (")[0] for x in found["non_speakers"]} == {"Hollowmere", "Nightglass"}, found
    assert {x.split(" (")[0] for x in found["kinds"]} == {"Calder Street", "Jean-Marc Delorme", "Vantrex"}, found


def test_the_linker_leaves_none_of_them():
    corpus = link([*PARTY, *DAMAGED, *NON_SPEAKERS, *USES, *ROLES])
    assert check(corpus) == {"split": [], "damaged": [], "non_speakers": [], "kinds": [], "roles": [],
                             "topics": []}
    names = {s.name for s in corpus.speakers.values()}
    assert {"Conservative Party", "Liberal Democrats", "Financial Times", "World Health Organisation",
            "Arsene Wenger", "Thierry Henry"} <= names
    assert "Labour Party" in names and "Labour" not in names
    assert not names & {"Tories", "FT", "Swedish", "Moonfall", "Gravelby", "Zelvix", "Tory Treasurer Lord"}
    assert corpus.speakers["carl-ode"].role == "Texas attorney general"
    assert corpus.speakers["anna-petrova"].role is None and corpus.speakers["ola-berg"].role is None
    assert any("'Swedish' is a nationality word" in n for n in corpus.speaker_notes)


def test_duplicate_and_junk_topics_are_found_and_not_made():
    text = "Gordon Brown said the iPod and the IPods were fine, Brown said; David and Mr Blair agreed."
    briefs = [brief(f"t{i}", text, ("Ann Lee", "person", None),
                    topics=["organisation:iPod", "organisation:IPods", "person:Brown", "person:Gordon Brown",
                            "person:David", "organisation:Mr Blair", "person:Tony Blair", "person:David Cole"])
              for i in range(2)]
    claims = [(b, c) for b in briefs for c in b.claims]
    junk = corpus_of(*briefs)
    junk.topics = {n: Topic(id=n, name=n, kind=k, claims=claims) for k, n in
                   [("organisation", "iPod"), ("organisation", "IPods"), ("person", "David"),
                    ("organisation", "Mr Blair"), ("person", "David Cole")]}
    found = check(junk)["topics"]
    assert "iPod / IPods" in found and "David (a first name alone)" in found
    assert "Mr Blair (a person filed as organisation)" in found
    corpus = link(briefs)
    assert check(corpus)["topics"] == []
    names = {t.name for t in corpus.topics.values()}
    assert "iPod" in names and "IPods" not in names and "David" not in names and "Brown" not in names
    assert corpus.topics["tony-blair"].kind == "person" and "Mr Blair" in corpus.topics["tony-blair"].variants


def test_a_speaker_never_talks_about_themselves():
    b = brief("s", "Ann Lee said Ann Lee would win.", ("Ann Lee", "person", None),
              topics=["person:Ann Lee", "place:Norway"])
    corpus = link([b, brief("s2", "Ann Lee said so.", ("Ann Lee", "person", None), topics=["person:Ann Lee"])])
    assert "ann-lee" not in corpus.topics and "norway" in corpus.topics
    assert check(corpus)["topics"] == []


def test_the_editors_file_keeps_what_the_linker_would_drop():
    from generator.link import parse_overrides

    ov, problems = parse_overrides({"speakers": [{"name": "Moonfall", "kind": "organisation"}]}, "speakers.yml")
    assert not problems
    corpus = link(NON_SPEAKERS, ov)
    assert "Moonfall" in {s.name for s in corpus.speakers.values()}
    assert "Swedish" not in {s.name for s in corpus.speakers.values()}
