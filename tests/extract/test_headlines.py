"""A label in capitals before a colon is a heading, a name in capitals a transcript's speaker."""


def test_a_section_heading_in_capitals_is_no_speaker(extract_text):
    brief = extract_text('MARKET WATCH: Shares in the bank rose sharply in early trading on Monday.\n\n'
                         'Traders said the rise was overdone.')
    assert all(s.name.upper() != "MARKET WATCH" for s in brief.speakers)
    assert not [c for c in brief.claims if c.text.startswith("Shares in the bank")]


def test_a_transcript_name_in_capitals_is_a_speaker(extract_text):
    brief = extract_text('The senator spoke to John Pike on Sunday.\n\n'
                         'JOHN PIKE: Will you run for the presidency next year?')
    assert any(c.text.startswith("Will you run") for c in brief.claims)
