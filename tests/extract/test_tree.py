"""The subject of a cue (tree.py): a dateline opening the paragraph is none."""


def test_a_dateline_is_not_the_subject(extract_text):
    brief = extract_text('PARIS (Reuters) - Energy minister Henri Dupuis said on Friday the plant would close '
                         'by the end of the year.')
    by_id = {s.id: s.name for s in brief.speakers}
    [claim] = brief.claims
    assert by_id.get(claim.speaker) == "Henri Dupuis"
