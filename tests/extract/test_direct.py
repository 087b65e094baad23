"""direct.py: how a reported content and the quotes around it become one claim's span."""

from types import SimpleNamespace

from generator.extract.direct import snap_to_quotes
from generator.extract.quotes import find_quotes
from generator.extract.tree import Candidate


def snapped(text: str, content: str, cue: str) -> str:
    """The span snap_to_quotes gives a content the parse hung on the cue word `cue`."""
    start = text.index(content)
    tok = SimpleNamespace(idx=text.index(cue))
    cand = Candidate(start, start + len(content), None, tok, None, "clause")
    snap_to_quotes(text, [cand], find_quotes(text))
    return text[cand.start:cand.end]


def test_a_clause_of_a_quote_reported_by_a_cue_after_it_is_the_whole_quote():
    text = ('"I have asked a few of the growers, and they do not know what the frost will cost them," '
            'she told the paper.')
    quote = text[:text.index(",\" she") + 2]
    assert snapped(text, "they do not know what the frost will cost them", "told") == quote


def test_a_cue_before_the_quote_keeps_its_clause():
    # the words before the clause are not its speaker's once the cue stands before the quote
    text = 'She told the paper that "the growers who lost their crops, and the buyers, do not know the cost."'
    assert snapped(text, "do not know the cost", "told") == "do not know the cost"


def _speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_a_verb_of_naming_is_the_cue_of_the_quote_it_names(extract_text):
    # "described it as": no reported claim (the object is a pronoun), the quote is what was said
    brief = extract_text('The court ruled for the families on Tuesday. Their lawyer Jane Moss described it as '
                         '"a great day for justice in this country".')
    assert _speakers(brief) == {'"a great day for justice in this country"': "Jane Moss"}
    # passive or a participle: the "by" agent speaks, not the thing named
    brief = extract_text('The court ruled for the families on Tuesday. The ruling, described by Jane Moss as '
                         '"a great day for justice in this country", was welcomed.')
    assert _speakers(brief) == {'"a great day for justice in this country"': "Jane Moss"}


def test_a_nickname_is_no_claim(extract_text):
    brief = extract_text('The mayor opened the bridge. Critics have dubbed it "the bridge to nowhere at all".')
    assert brief.claims == []
