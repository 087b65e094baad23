def claims_by_speaker(brief):
    return {(brief.speaker(c.speaker).name if c.speaker else None, c.kind) for c in brief.claims}


def test_direct_quote_with_named_speaker(extract_text):
    brief = extract_text('"We will not back down from this fight," said Jane Smith, the mayor.')
    [claim] = brief.claims
    assert claim.kind == "direct"
    assert brief.speaker(claim.speaker).name == "Jane Smith"
    assert claim.cue.text == "said"


def test_pronoun_resolves_to_previous_person(extract_text):
    text = ('Mayor Jane Smith spoke on Monday. "The budget is balanced and the city is safe," she said.')
    brief = extract_text(text)
    assert claims_by_speaker(brief) == {("Jane Smith", "direct")}


def test_reported_speech(extract_text):
    brief = extract_text("John Brown said that the factory would close next year.")
    [claim] = brief.claims
    assert claim.kind == "indirect"
    assert "factory would close" in claim.text


def test_offsets_index_the_text(extract_text):
    text = 'Intro.\n\n"This is a quote of some length," said Ann Lee.'
    brief = extract_text(text)
    for c in brief.claims:
        assert text[c.start:c.end] == c.text
        assert c.paragraph == 2
