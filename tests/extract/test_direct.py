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
