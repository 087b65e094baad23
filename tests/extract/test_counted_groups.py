"""'All three men said', 'the two women said': a definite counted plural of people is the people
the text last named, as many as it counts."""


def speaker_of(brief, words):
    claim = next((c for c in brief.claims if words in c.text), None)
    assert claim is not None, (words, [c.text for c in brief.claims])
    return brief.speaker(claim.speaker).name if claim.speaker else None


def test_all_three_men_are_the_last_three_people_named(extract_text):
    text = ('Peter Grant, head of the rail firm, said fares would rise. '
            'Mr Grant met union leader Susan Ray and transport minister David Cole on Monday. '
            'All three men said that the talks had gone well.')
    assert speaker_of(extract_text(text), "the talks had gone well") == "Peter Grant, Susan Ray and David Cole"


def test_the_two_women_are_the_last_two_people_named(extract_text):
    text = ('Anna Price told the inquiry that the hospital had ignored her letters. '
            'Her sister, Mary Lloyd, told reporters she had written to the board. '
            'The two women said the board had never replied.')
    assert speaker_of(extract_text(text), "the board had never replied") == "Anna Price and Mary Lloyd"


def test_counted_people_with_fewer_named_are_nobody(extract_text):
    text = ('Anna Price told the inquiry that the hospital had ignored her letters. '
            'All three nurses said the ward had been short of staff.')
    assert speaker_of(extract_text(text), "the ward had been short") is None
