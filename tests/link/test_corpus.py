"""Linking speakers across articles, on hand-made briefs (independent of extraction quality)."""

import copy

import pytest
import yaml

from generator.link import link, load_overrides, parse_overrides
from generator.link.names import edit_distance, name_key, person_groups, surname_variant
from generator.model import Article, Brief, Claim, Speaker
from generator.slugs import slugify


def brief(aid, date, *speakers, claims_per_speaker=1):
    """A brief whose speakers are (name, kind, role) and who each make claims_per_speaker claims."""
    people = []
    claims = []
    for i, spec in enumerate(speakers):
        name, kind, role = (spec + (None, None))[:3] if isinstance(spec, tuple) else (spec, None, None)
        sid = slugify(name)
        people.append(Speaker(id=sid, name=name, kind=kind or "person", role=role))
        for j in range(claims_per_speaker):
            start = 100 * i + 10 * j
            claims.append(Claim(kind="direct", text=f"claim {i}.{j} by {name}", start=start, end=start + 5,
                                speaker=sid, paragraph=i + 1))
    article = Article(path=f"{aid}.txt", id=aid, title=f"Article {aid}", text="x" * 1000, date=date)
    return Brief(article=article, speakers=people, claims=claims)


def speaker_of(corpus, name):
    """The corpus speaker a local name was linked to."""
    for b in corpus.briefs:
        for s in b.speakers:
            if name in (s.name, *corpus.speakers[s.id].aliases):
                return corpus.speakers[s.id]
    raise AssertionError(f"{name} not linked: {sorted(corpus.speakers)}")


def test_spelling_variant_of_the_surname_is_one_person():
    corpus = link([brief("a", "2008-12-23", "Fawzi Barhum"), brief("b", "2009-01-18", "Fawzi Barhoum")])
    assert len(corpus.speakers) == 1
    (speaker,) = corpus.speakers.values()
    assert speaker.aliases and {speaker.name, *speaker.aliases} == {"Fawzi Barhum", "Fawzi Barhoum"}
    assert {c.speaker for b in corpus.briefs for c in b.claims} == {speaker.id}
    assert any("spelling variant" in n for n in corpus.speaker_notes)


def test_surname_alone_joins_the_one_person_it_fits():
    corpus = link([brief("a", "2008-01-01", "Condoleezza Rice"), brief("b", "2008-02-01", "Rice"),
                   brief("c", "2008-03-01", ("Mr Rice", "person"))])
    assert list(corpus.speakers) == ["condoleezza-rice"]
    assert all(c.speaker == "condoleezza-rice" for b in corpus.briefs for c in b.claims)


def test_people_sharing_a_surname_stay_apart():
    corpus = link([brief("a", "2008-01-01", "George Bush", "Laura Bush"), brief("b", "2008-02-01", "Bush"),
                   brief("c", "2008-03-01", "G. Bush")])
    george, laura = speaker_of(corpus, "George Bush"), speaker_of(corpus, "Laura Bush")
    assert george.id != laura.id
    assert speaker_of(corpus, "G. Bush").id == george.id  # the initial fits George only
    alone = speaker_of(corpus, "Bush")
    assert alone.id not in (george.id, laura.id)  # could be either: not guessed
    assert any("'Bush' could be" in n for n in corpus.speaker_notes)


@pytest.mark.parametrize("a, b", [
    ("John Smith", "Jane Smith"),  # first names disagree
    ("Ann Lee", "Ann Lea"),  # short surnames: one letter is a different name
    ("Maria Bush", "Maria Rush"),  # first letter differs
    ("David Miller", "David Mills"),  # two edits
])
def test_different_people_are_not_merged(a, b):
    corpus = link([brief("a", "2008-01-01", a), brief("b", "2008-02-01", b)])
    assert len(corpus.speakers) == 2


def test_middle_names_and_honorifics_do_not_split_a_person():
    corpus = link([brief("a", "2008-01-01", "George W. Bush"), brief("b", "2008-02-01", "George Bush"),
                   brief("c", "2008-03-01", "President George Bush")])
    # "President" is a title, not a first name: only Mr/Dr-style honorifics are dropped, so it stays apart
    assert speaker_of(corpus, "George W. Bush").id == speaker_of(corpus, "George Bush").id


def test_preferred_name_is_the_most_used_full_name():
    corpus = link([brief("a", "2008-01-01", "Fawzi Barhoum", claims_per_speaker=1),
                   brief("b", "2008-02-01", "Fawzi Barhum", claims_per_speaker=3),
                   brief("c", "2008-03-01", "Barhum", claims_per_speaker=5)])
    (speaker,) = corpus.speakers.values()
    assert speaker.name == "Fawzi Barhum" and speaker.id == "fawzi-barhum"


def test_organisation_and_its_acronym_are_one_speaker():
    corpus = link([brief("a", "2008-01-01", ("United Nations", "organisation")),
                   brief("b", "2008-02-01", ("UN", "organisation")),
                   brief("c", "2008-03-01", ("The United Nations", "organisation"))])
    assert list(corpus.speakers) == ["united-nations"]


def test_one_article_naming_a_person_twice_keeps_one_section():
    corpus = link([brief("a", "2008-01-01", "Ehud Olmert", "Olmert")])
    (b,) = corpus.briefs
    assert [s.id for s in b.speakers] == ["ehud-olmert"]
    assert {c.speaker for c in b.claims} == {"ehud-olmert"} and len(b.claims) == 2


def test_link_does_not_modify_its_input():
    briefs = [brief("a", "2008-12-23", "Fawzi Barhum"), brief("b", "2009-01-18", "Fawzi Barhoum")]
    before = copy.deepcopy([b.to_dict() for b in briefs])
    link(briefs)
    assert [b.to_dict() for b in briefs] == before


def test_roles_kept_per_article_and_most_common_for_the_speaker():
    corpus = link([brief("a", "2008-01-01", ("Yigal Palmor", "person", "spokesman")),
                   brief("b", "2008-02-01", ("Yigal Palmor", "person", "spokesman")),
                   brief("c", "2008-03-01", ("Yigal Palmor", "person", "Foreign Ministry spokesman"))])
    speaker = corpus.speakers["yigal-palmor"]
    # "spokesman" is the same role as "Foreign Ministry spokesman", shown in its fullest form
    assert speaker.role == "Foreign Ministry spokesman"
    assert [b.speakers[0].role for b in corpus.briefs] == ["Foreign Ministry spokesman"] * 3


def test_roles_read_from_text_are_cleaned():
    def one(name, role, affiliation):
        b = brief("a", "2008-01-01", (name, "person", role))
        b.speakers[0].affiliation = affiliation
        s = link([b]).briefs[0].speakers[0]
        return s.role, s.affiliation

    assert one("Solomon", "CEO of the Refugee Council Enver", "Refugee Council") == ("CEO of the Refugee Council", None)
    assert one("Yvette Cooper", "Shadow Home Secretary", "Shadow Home") == ("Shadow Home Secretary", None)
    assert one("Suella Braverman", "Home Secretary", "Home") == ("Home Secretary", None)
    assert one("Mahmoud Abbas", "moderate President", None) == ("President", None)
    assert one("Peter Mandelson", "former Labour minister European", None) == ("former Labour minister", None)
    assert one("Digby Jones", "director general British", None) == ("director general", None)
    assert one("Condoleezza Rice", "Secretary of State", None) == ("Secretary of State", None)
    assert one("Lord Falconer", "Lord", None) == (None, None)
    assert one("Lynn Turner", "the SEC 's chief accountant", None) == ("the SEC's chief accountant", None)
    assert one("Ed Balls", "ex - chief economic adviser", None) == ("ex-chief economic adviser", None)
    assert one("Khaled Meshaal", "leader", "Hamas ' political wing") == ("leader", "Hamas' political wing")
    assert one("Jon Alterman", "analyst", "Center for Strategic and International Studies") == (
        "analyst", "Center for Strategic and International Studies")
    # variants of one role are one: the fullest is shown, on the speaker and in every brief
    corpus = link([brief("a", "2008-01-01", ("Condoleezza Rice", "person", "Secretary of State")),
                   brief("b", "2008-02-01", ("Condoleezza Rice", "person", "U.S. Secretary of State")),
                   brief("c", "2008-03-01", ("Condoleezza Rice", "person", "US Secretary of State"))])
    roles = {b.speakers[0].role for b in corpus.briefs}
    assert len(roles) == 1 and roles.pop().endswith("Secretary of State")


def test_the_files_role_and_affiliation_win_in_every_brief():
    ov = overrides("speakers:\n  - name: Yigal Palmor\n    role: Israeli Foreign Ministry spokesman\n"
                   "    affiliation: Israeli Foreign Ministry\n")
    corpus = link([brief("a", "2008-01-01", ("Yigal Palmor", "person", "spokesman")),
                   brief("b", "2008-02-01", ("Yigal Palmor", "person", "Israel Foreign Ministry spokesman"))], ov)
    assert {(s.role, s.affiliation) for b in corpus.briefs for s in b.speakers} == {
        ("Israeli Foreign Ministry spokesman", "Israeli Foreign Ministry")}


def test_name_helpers():
    assert name_key("The U.S.") == name_key("US") == "us"
    assert edit_distance("barhum", "barhoum") == 1
    assert surname_variant("barhum", "barhoum") and not surname_variant("rice", "rica")
    groups = person_groups(["Fawzi Barhum", "Fawzi Barhoum", "Laura Bush"])
    assert groups.find(name_key("Fawzi Barhoum")) == groups.find(name_key("Fawzi Barhum"))
    assert groups.find(name_key("Laura Bush")) != groups.find(name_key("Fawzi Barhum"))


# ---------------------------------------------------------------- speakers.yml


def overrides(text):
    ov, problems = parse_overrides(yaml.safe_load(text))
    assert problems == []
    return ov


def test_overrides_alias_preferred_name_role_and_report():
    ov = overrides("""
speakers:
  - name: Condoleezza Rice
    aliases: [Secretary Rice, condi-rice]
    role: US Secretary of State
    affiliation: US government
""")
    corpus = link([brief("a", "2008-01-01", "Secretary Rice"), brief("b", "2008-02-01", "Condi Rice"),
                   brief("c", "2008-03-01", "Condoleezza Rice")], ov)
    assert list(corpus.speakers) == ["condoleezza-rice"]
    s = corpus.speakers["condoleezza-rice"]
    assert (s.name, s.role, s.affiliation) == ("Condoleezza Rice", "US Secretary of State", "US government")
    assert any("merged" in n for n in corpus.speaker_notes)
    assert any("applied" in n for n in corpus.speaker_notes)


def test_overrides_merge_apart_and_not_speakers():
    ov = overrides("""
merge:
  - [ehud-olmert, the prime minister]  # an id or a name as written
apart:
  - [George Bush, George W. Bush]
not_speakers: [statement]
""")
    corpus = link([brief("a", "2008-01-01", "Ehud Olmert", "the prime minister", "statement"),
                   brief("b", "2008-02-01", "George Bush", "George W. Bush")], ov)
    assert speaker_of(corpus, "the prime minister").id == "ehud-olmert"
    assert corpus.speakers["ehud-olmert"].name == "Ehud Olmert"
    assert speaker_of(corpus, "George Bush").id != speaker_of(corpus, "George W. Bush").id
    assert "statement" not in corpus.speakers
    a = corpus.briefs[0]
    assert sum(1 for c in a.claims if c.speaker is None) == 1
    assert any("'statement' is not a speaker: 1 claims unattributed" in n for n in corpus.speaker_notes)


def test_overrides_that_match_nobody_are_reported():
    ov = overrides("speakers:\n  - name: Nobody Here\n    role: x\nnot_speakers: [ghost]\n")
    corpus = link([brief("a", "2008-01-01", "Ehud Olmert")], ov)
    assert any("'Nobody Here' matched no speaker" in n for n in corpus.speaker_notes)
    assert any("'ghost' matched no speaker" in n for n in corpus.speaker_notes)


def test_malformed_overrides_are_reported_not_fatal(tmp_path):
    path = tmp_path / "speakers.yml"
    path.write_text("speakers:\n  - role: no name\nmerge:\n  - [just one]\ncolour: red\n", "utf-8")
    ov, problems = load_overrides(path)
    messages = " | ".join(str(p) for p in problems)
    assert "each speaker needs a name" in messages and "two names or more" in messages
    assert "unknown key 'colour'" in messages
    path.write_text("speakers: [\n", "utf-8")
    ov, problems = load_overrides(path)
    assert problems and "not valid YAML" in problems[0].message
    assert load_overrides(tmp_path / "missing.yml") == (load_overrides(None)[0], [])


def test_readme_example_and_shipped_file_match_the_samples():
    """Every rule of the README's speakers.yml example and of the shipped file matches a speaker
    of the sample articles: nothing is logged as matching no speaker."""
    import re
    from pathlib import Path

    from tests.conftest import project_build

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text("utf-8")
    section = readme[readme.index("## Speakers across articles"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    build = project_build()
    result = build.read()
    briefs = build.extract(result.articles)
    for text in (example, (root / "speakers.yml").read_text("utf-8")):
        ov = overrides(text)
        notes = link(briefs, ov).speaker_notes
        assert not [n for n in notes if "matched no speaker" in n], notes
        assert any("merged 'UN', 'U.N. Security Council'" in n for n in notes), notes
        assert any("kept apart" in n for n in notes), notes


def test_shipped_speakers_file_is_valid():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "speakers.yml"
    ov, problems = load_overrides(path)
    assert problems == [] and ov.people, "speakers.yml should parse without problems"


def unnamed(b: Brief, name: str) -> Brief:
    """The same brief with `name` marked as a description rather than a name, as extraction marks it."""
    for s in b.speakers:
        if s.name == name:
            s.named = False
    return b


def test_descriptions_are_not_linked_across_articles():
    corpus = link([unnamed(brief("a", "2008-01-01", "Officials", ("Hamas", "organisation")), "Officials"),
                   unnamed(brief("b", "2008-02-01", "Officials", ("Hamas", "organisation")), "Officials")])
    officials = [s for s in corpus.speakers.values() if s.name == "Officials"]
    assert len(officials) == 2 and {s.id for s in officials} == {"officials", "officials-2"}
    assert not any(s.named for s in officials)
    assert len([s for s in corpus.speakers.values() if s.name == "Hamas"]) == 1  # a name still links
    for b in corpus.briefs:  # each article's claims go to its own officials
        own = {s.id for s in b.speakers}
        assert all(c.speaker in own for c in b.claims)


def test_a_description_the_editor_names_is_linked():
    ov = overrides("""
speakers:
  - name: Yigal Palmor
    aliases: [israeli-foreign-ministry-spokesperson]
""")
    corpus = link([brief("a", "2008-01-01", "Yigal Palmor"),
                   unnamed(brief("b", "2009-01-01", "Israeli Foreign ministry spokesperson"),
                           "Israeli Foreign ministry spokesperson")], ov)
    assert list(corpus.speakers) == ["yigal-palmor"]


def test_not_speakers_takes_the_person_under_another_spelling_of_the_surname():
    from generator.link import parse_overrides

    text = "Fawzi Barhoum said the truce was over. Ann Other said it was not."
    brief = Brief(article=Article(path="a.txt", id="a", title="A", text=text),
                  speakers=[Speaker(id="fawzi-barhoum", name="Fawzi Barhoum"),
                            Speaker(id="ann-other", name="Ann Other")],
                  claims=[Claim(kind="indirect", text="the truce was over", start=19, end=37, speaker="fawzi-barhoum"),
                          Claim(kind="indirect", text="it was not", start=53, end=63, speaker="ann-other")])
    overrides, problems = parse_overrides({"not_speakers": ["Fawzi Barhum", "Ann Baker"]})
    corpus = link([brief], overrides)
    assert not problems and list(corpus.speakers) == ["ann-other"]
    assert any("'Fawzi Barhum' is not a speaker: 1 claims" in n for n in corpus.speaker_notes)


def test_a_claim_the_editor_reattributed_outlives_a_not_speakers_rule():
    """The most specific decision wins: corrections.yml gives one claim to 'Ann Baker'; speakers.yml says
    'Ann Baker' is not a speaker. Her other claims become unattributed; the corrected one stays hers."""
    from generator.correct import apply_corrections, parse_corrections

    a = brief("a", "2008-01-01", "Ann Baker", "Tom Reed", claims_per_speaker=2)
    for n, c in enumerate(a.claims):
        c.id = f"claim{n}"
    # claim2 was Tom Reed's: the editor gives it to Ann Baker
    corrected, _ = apply_corrections([a], parse_corrections("- claim: claim2\n  speaker: Ann Baker\n"))
    corpus = link(corrected, overrides("not_speakers: [Ann Baker]\n"))
    by_id = {c.id: c.speaker for c in corpus.briefs[0].claims}
    assert by_id["claim0"] is None and by_id["claim1"] is None  # the rule still holds for the rest
    assert by_id["claim2"] == "ann-baker" and corpus.speakers["ann-baker"].name == "Ann Baker"
    assert by_id["claim3"] == "tom-reed"
    assert [s.id for s in corpus.briefs[0].speakers] == ["ann-baker", "tom-reed"]
    assert any("'Ann Baker' is not a speaker: 2 claims unattributed; 1 kept, given to them claim by claim "
               "in corrections.yml" in n for n in corpus.speaker_notes)
    # without the correction, the rule takes all of them
    plain = link([a], overrides("not_speakers: [Ann Baker]\n"))
    assert "ann-baker" not in plain.speakers


def test_names_never_used_as_speakers_are_dropped_and_kinds_follow_the_stronger_evidence():
    def one(aid, text, name, kind):
        sid = slugify(name)
        return Brief(article=Article(path=f"{aid}.txt", id=aid, title=aid, text=text),
                     speakers=[Speaker(id=sid, name=name, kind=kind)],
                     claims=[Claim(kind="direct", text=text[:5], start=0, end=5, speaker=sid)])

    corpus = link([one("m", "Police at Hollowmere said the crowd was calm. Fans waited at Hollowmere.",
                       "Hollowmere", "person"),
                   one("n", "The director behind Nightglass said the studio had changed.", "Nightglass", "person"),
                   one("o", "Calder Street said the minister had its full support.", "Calder Street", "person"),
                   one("p", "Rugby coach Jean-Marc Delorme has named his side.", "Jean-Marc Delorme", "organisation"),
                   one("q", "Software supplier Vantrex said sales rose.", "Vantrex", "person")])
    kinds = {s.name: s.kind for s in corpus.speakers.values()}
    assert "Hollowmere" not in kinds and "Nightglass" not in kinds
    assert kinds["Calder Street"] == "organisation"
    assert kinds["Jean-Marc Delorme"] == "person"
    assert kinds["Vantrex"] == "organisation"
    notes = " | ".join(corpus.speaker_notes)
    assert "'Hollowmere' (place) does not speak: 1 claims unattributed" in notes, notes
    assert "'Nightglass' (work) does not speak" in notes
    assert all(c.speaker is None for b in corpus.briefs[:2] for c in b.claims)
