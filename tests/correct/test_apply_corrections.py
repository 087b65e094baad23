"""apply_corrections: reattribute, drop, verify, fix kind and span; cached briefs untouched; stale reported."""

import copy

from generator.correct import apply_corrections, parse_corrections
from generator.extract.ids import assign_ids
from generator.model import Article, Brief, Claim, Speaker

TEXT = ("Ann Lee said the plant would close. He said jobs would go.\n\n"
        "Officials said the council had not been told. \"We knew nothing,\" a clerk said.")


def claim(words, speaker=None, confidence=0.9, kind="indirect"):
    start = TEXT.index(words)
    return Claim(kind=kind, text=words, start=start, end=start + len(words), speaker=speaker,
                 confidence=confidence, paragraph=1 if start < TEXT.index("\n\n") else 2)


def briefs():
    first = Brief(Article(path="a.txt", id="a", title="A", text=TEXT),
                  speakers=[Speaker("ann-lee", "Ann Lee"), Speaker("officials", "Officials", named=False)],
                  claims=[claim("the plant would close", "ann-lee"), claim("jobs would go", "ann-lee", 0.3),
                          claim("the council had not been told", "officials", 0.4),
                          claim('"We knew nothing,"', None, 0.2, "direct")])
    other = Brief(Article(path="b.txt", id="b", title="B", text="Tom Reed said so."),
                  speakers=[Speaker("tom-reed", "Tom Reed", role="Mayor")],
                  claims=[Claim(kind="indirect", text="so", start=14, end=16, speaker="tom-reed")])
    for b in (first, other):
        assign_ids(b.article.id, b.article.text, b.claims)
    return [first, other]


def ids(bs):
    return [c.id for c in bs[0].claims]


def test_reattribute_drop_verify_kind_and_span():
    bs = briefs()
    before = copy.deepcopy(bs)
    c = ids(bs)
    corrections = parse_corrections(f"""
- claim: {c[1]}
  speaker: Bob Hart
- claim: {c[2]}
  drop: true
- claim: {c[3]}
  speaker: tom-reed
  verified: true
- claim: {c[0]}
  kind: mixed
  text: Ann Lee said the plant would close
""")
    out, problems = apply_corrections(bs, corrections)
    assert bs == before  # the input (the cache's briefs) is not changed
    got = {x.id: x for x in out[0].claims}
    assert c[2] not in got  # dropped
    assert out[0].speaker(got[c[1]].speaker).name == "Bob Hart" and got[c[1]].corrected == ["speaker"]
    assert not got[c[1]].flagged  # an editor gave it its speaker: it leaves the review queue
    reed = out[0].speaker(got[c[3]].speaker)
    assert (reed.id, reed.role) == ("tom-reed", "Mayor")  # a speaker of another article, by id
    assert got[c[3]].verified and not got[c[3]].flagged
    assert (got[c[0]].kind, got[c[0]].text, got[c[0]].start) == ("mixed", "Ann Lee said the plant would close", 0)
    assert got[c[0]].corrected == ["kind", "span"]
    assert {s.id for s in out[0].speakers} == {"ann-lee", "bob-hart", "tom-reed"}  # officials speak no more
    assert out[1] is bs[1]  # briefs without corrections pass through
    assert [str(p) for p in problems] == [
        "corrections.yml: note: corrections applied: 2 reattributed, 1 dropped, 1 verified, "
        "1 given another kind, 1 given another span"]


def test_a_stale_entry_and_an_unknown_speaker_id_are_reported_by_line():
    bs = briefs()
    corrections = parse_corrections(f"- claim: gone000000\n  verified: true\n- claim: {ids(bs)[1]}\n"
                                    "  speaker: no-such-id\n", "corrections.yml")
    out, problems = apply_corrections(bs, corrections)
    lines = [str(p) for p in problems]
    assert lines[0].startswith("corrections.yml:3: partial: 'no-such-id' is no speaker id")
    assert lines[1].startswith("corrections.yml:1: partial: claim 'gone000000' is in no article: stale")
    assert out[0].claims[1].speaker == "ann-lee"  # unchanged
    _, quiet = apply_corrections(bs, corrections, report_stale=False)
    assert not any("stale" in str(p) for p in quiet)


def test_words_not_in_the_article_keep_the_span():
    bs = briefs()
    corrections = parse_corrections(f"- claim: {ids(bs)[0]}\n  text: words nobody wrote\n")
    out, problems = apply_corrections(bs, corrections)
    assert out[0].claims[0].text == "the plant would close"
    assert "the words of 'text' are not in its article" in str(problems[0])


def test_a_new_name_is_a_person_unless_speaker_kind_says_organisation():
    from generator.link import link

    bs = briefs()
    c = ids(bs)
    corrections = parse_corrections(f"- claim: {c[1]}\n  speaker: Amnesty International\n"
                                    "  speaker_kind: organisation\n"
                                    f"- claim: {c[2]}\n  speaker: Bob Hart\n"
                                    f"- claim: {c[3]}\n  speaker: tom-reed\n  speaker_kind: organisation\n")
    out, problems = apply_corrections(bs, corrections)
    got = {x.id: x for x in out[0].claims}
    assert out[0].speaker(got[c[1]].speaker).kind == "organisation"
    assert out[0].speaker(got[c[2]].speaker).kind == "person"  # a new name without speaker_kind
    assert out[0].speaker(got[c[3]].speaker).kind == "person"  # a known speaker keeps their kind, said so
    assert any(str(p).startswith("corrections.yml:6: note: 'speaker_kind' is for a new name; 'Tom Reed'")
               for p in problems), [str(p) for p in problems]
    corpus = link(out)  # and the site shows them so
    assert corpus.speakers["amnesty-international"].kind == "organisation"
    assert corpus.speakers["bob-hart"].kind == "person"
