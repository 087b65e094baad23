"""The speech convention: a claim is an act of communication; stances, beliefs, plans and
findings are claims only with stances=True (kind "stance")."""

import pytest

from generator.extract.quotes import find_quotes


def kinds(brief):
    return [(c.kind, c.text) for c in brief.claims]


@pytest.mark.parametrize("sentence, content", [
    ("Peter Hall believes the economy will recover soon.", "the economy will recover soon"),
    ("Peter Hall wants to sell the club before the summer.", "to sell the club before the summer"),
    ("Peter Hall plans to open three new shops in the north.", "to open three new shops in the north"),
    ("Peter Hall thinks the rates will go up again.", "the rates will go up again"),
    ("Peter Hall hoped that the talks would resume in March.", "the talks would resume in March"),
])
def test_stances_are_claims_only_when_asked_for(extract_text, sentence, content):
    assert extract_text(sentence).claims == []
    brief = extract_text(sentence, stances=True)
    assert ("stance", content) in kinds(brief)
    assert brief.speaker(brief.claims[0].speaker).name == "Peter Hall"


@pytest.mark.parametrize("sentence", [
    "The survey found that most shoppers had cut their spending.",
    "Figures showed that exports had fallen for a third month.",
    "Research suggests that the drug may harm the heart.",
    "Sales are expected to rise by 5% next year, according to figures from the trade body.",
    "The minister is expected to announce the new budget on Monday.",
    "Peter Hall criticised the plan.",
    "Peter Hall called for a public inquiry into the crash.",
    "The firm warned of a steep fall in profits.",
    "The mayor was accused of anti-Semitism.",
])
def test_findings_expectations_and_noun_objects_are_not_speech(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("A report by the Audit Commission warned that councils were running out of money.",
     "councils were running out of money"),
    ("Peter Hall suggested that the vote should be delayed.", "the vote should be delayed"),
    ("Peter Hall urged voters to turn out early.", "voters to turn out early"),
    ("Peter Hall called for the inquiry to be held in public.", "the inquiry to be held in public"),
])
def test_speech_acts_stay_claims(extract_text, sentence, content):
    brief = extract_text(sentence)
    assert [c.text for c in brief.claims] == [content]
    assert brief.claims[0].kind == "indirect"


def test_a_quote_reopened_at_each_sentence_is_one_claim(extract_text):
    text = ('"We have played well," said Tom Baker. "The squad is strong and the players are ready. '
            '"Now we need a win on Saturday."\n\nThe match starts at three.')
    spans = [text[q.start:q.end] for q in find_quotes(text)]
    assert spans == ['"We have played well,"', '"The squad is strong and the players are ready.',
                     '"Now we need a win on Saturday."']
    brief = extract_text(text)
    [claim] = brief.claims
    assert claim.start == 0 and claim.text.endswith('Saturday."')
    assert brief.speaker(claim.speaker).name == "Tom Baker"


def test_a_new_paragraph_of_the_same_quote_is_a_new_claim(extract_text):
    text = ('"We have played well," said Tom Baker.\n\n'
            '"Now we need a win on Saturday against the leaders."\n\nThe match starts at three.')
    brief = extract_text(text)
    assert len(brief.claims) == 2
    assert {brief.speaker(c.speaker).name for c in brief.claims} == {"Tom Baker"}


def test_reopened_quote_is_not_taken_by_the_next_sentence_cue(extract_text):
    text = ('Union leader Tom Baker said: "Nobody should lose a job for asking about safety. '
            '"Workers must never have to choose between their pay and their health." '
            'Mr Baker, who said the problem was getting worse, called for new laws.')
    brief = extract_text(text)
    texts = [c.text for c in brief.claims]
    assert texts[0] == ('"Nobody should lose a job for asking about safety. '
                        '"Workers must never have to choose between their pay and their health."')
    assert "the problem was getting worse" in texts
    assert {name_of(brief, c) for c in brief.claims} == {"Tom Baker"}


def test_a_clause_cue_does_not_take_the_sentence_before_it(extract_text):
    text = ('Coach Sam Reid said: "We lost two tries to bad calls. "I do not know why." '
            'Referee Paul Kent ruled that the winger had been offside.')
    brief = extract_text(text)
    by_text = {c.text: name_of(brief, c) for c in brief.claims}
    assert by_text.get('"We lost two tries to bad calls. "I do not know why."') == "Sam Reid"
    assert not any(t.startswith('"I do not') for t in by_text)


def test_a_quote_chain_with_no_cue_is_one_claim(extract_text):
    text = ('Ann Lee said the vote was unfair. "Nobody asked the members what they wanted. It was rushed. '
            '"We will appeal against the result as soon as we can."\n\nThe vote was held on Monday.')
    brief = extract_text(text)
    quotes = [c for c in brief.claims if c.kind == "direct"]
    assert [c.text for c in quotes] == ['"Nobody asked the members what they wanted. It was rushed. '
                                        '"We will appeal against the result as soon as we can."']
    assert name_of(brief, quotes[0]) == "Ann Lee"


def name_of(brief, claim):
    return brief.speaker(claim.speaker).name if claim.speaker else None


@pytest.mark.parametrize("sentence, content, name", [
    ('The Law Society dubbed the new proposals an "abuse of power".',
     'the new proposals an "abuse of power"', "Law Society"),
    ('Reports of a snap poll have been described as "idle speculation" by the Treasury.',
     '"idle speculation"', "Treasury"),
    ('The judge, Sir John Hale, called the book "extraordinarily thought provoking".',
     'the book "extraordinarily thought provoking"', "John Hale"),
])
def test_naming_something_in_quoted_words_is_a_claim(extract_text, sentence, content, name):
    """'called X "Y"', 'described X as "Y"', 'was dubbed "Y" by Z': the quoted words are what was
    said (mixed), the 'by' agent of a passive the speaker."""
    brief = extract_text(sentence)
    assert [(c.kind, c.text) for c in brief.claims] == [("mixed" if content[0] != '"' else "direct", content)]
    assert brief.speaker(brief.claims[0].speaker).name == name


@pytest.mark.parametrize("sentence", [
    'The band called their new album "Blue Skies Forever".',
    'Fans called the singer "Kitty".',
    'The plan was described as "a disgrace".',
])
def test_a_quoted_title_or_a_speakerless_name_is_no_claim(extract_text, sentence):
    assert extract_text(sentence).claims == []


def test_a_that_clause_hung_on_the_addressee_is_what_was_told(extract_text):
    """'told a Labour Party gathering that X': the parse makes the clause part of the addressee;
    it is what was said. A relative 'that' ('told the story that everyone knew') is no claim."""
    brief = extract_text("Prime Minister Tony Blair has told a Labour Party gathering that the Tory policies "
                         "would cause economic failure. He told the story that everyone knew.")
    assert [c.text for c in brief.claims] == ["the Tory policies would cause economic failure"]
    assert brief.speaker(brief.claims[0].speaker).name == "Tony Blair"
