"""Joint speakers: 'said A and B' is one claim of both; 'the researchers', 'both newspapers' after
the article names a pair is that pair."""


def speakers(brief):
    return [brief.speaker(c.speaker).name if c.speaker else None for c in brief.claims]


def test_two_people_saying_one_thing_are_a_joint_speaker(extract_text):
    brief = extract_text('"The results are striking," said Anna Price and Tom Willis.')
    assert speakers(brief) == ["Anna Price and Tom Willis"]


def test_a_plural_description_is_the_pair_named_before(extract_text):
    text = ('"The results are striking," said Anna Price and Tom Willis. '
            'The researchers said the effect was larger in older patients.')
    assert speakers(extract_text(text)) == ["Anna Price and Tom Willis"] * 2


def test_both_newspapers_are_the_two_papers_named_before(extract_text):
    text = ("Ministers denied the reports in the Financial Times and the Daily Mail. "
            "Both newspapers said the minister had resigned.")
    assert speakers(extract_text(text))[-1] == "Financial Times and Daily Mail"


def test_no_pair_no_joint_speaker(extract_text):
    """A plural description with no pair named before it stays an unnamed source, and a pair of
    people is never what a group of bodies stands for."""
    text = ("John Smith said the talks had failed. Anna Price and Tom Willis arrived late. "
            "The papers said the minister had resigned.")
    assert speakers(extract_text(text)) == ["John Smith", None]
