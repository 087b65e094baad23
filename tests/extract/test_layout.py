"""Quotes with a question inside, web furniture and colon data lines; what confidence says."""

import pytest


def test_a_quote_with_an_inner_question_is_one_claim(extract_text):
    text = ('Coach Tom Baker was furious. "Why did nobody from the bench claim a penalty? '
            'It was clear to everyone," he said.')
    [claim] = extract_text(text).claims
    assert claim.text.startswith('"Why did nobody') and claim.text.endswith('everyone,"')
    assert claim.kind == "direct"


@pytest.mark.parametrize("line", [
    'READ MORE: "Club fined over crowd trouble at the derby"',
    'WATCH BELOW: "Highlights of the derby in full, with all the goals"',
    'Related stories: "Club fined over crowd trouble at the derby"',
])
def test_web_furniture_is_not_article_text(extract_text, line):
    text = "The club said the match would go ahead.\n\n" + line + "\n\nTickets are on sale now."
    assert [c.text for c in extract_text(text).claims] == ["the match would go ahead"]


def test_colon_data_lines_are_not_claims(extract_text):
    text = ("The squads were named on Friday.\n\n"
            "Replacements: Everitt for Mapletoft (53), Hodgson for Edwards (77), Wheatley for Hatley (71).\n\n"
            "The replacements came on late in the game.")
    assert extract_text(text).claims == []


def test_a_headline_style_attribution_is_still_read(extract_text):
    brief = extract_text("Putin: West is to blame for the crisis in the region")
    [claim] = brief.claims
    assert brief.speaker(claim.speaker).name == "Putin"


def test_confidence_of_a_he_with_a_rival_in_view_and_of_a_name(extract_text, evidence):
    """Each weighed for its evidence (confidence_model.json): "he" with two men in view is told
    apart from "he" with one, and a name is trusted."""
    text = ("Tom Baker met Peter Hall in London on Monday. He said the deal was off.\n\n"
            "Jane Smith said the talks would resume in March.")
    brief = extract_text(text)
    by_text = {c.text: c for c in brief.claims}
    off, talks = by_text["the deal was off"], by_text["the talks would resume in March"]
    assert evidence(off)["speaker=pronoun-rival"] == 1.0 and evidence(off)["rivals"] > 0
    assert evidence(talks)["speaker=name"] == 1.0 and talks.confidence >= 0.85


def test_confidence_of_an_unnamed_source(extract_text):
    brief = extract_text("Analysts said the shares would fall. The company said profits had doubled.")
    by_text = {c.text: c for c in brief.claims}
    assert by_text["the shares would fall"].speaker is None
    # "analysts": a generic group, rightly no speaker (the speech convention): not flagged
    assert by_text["the shares would fall"].confidence >= 0.5
    assert by_text["profits had doubled"].speaker is None and by_text["profits had doubled"].confidence <= 0.2
