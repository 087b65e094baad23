"""Where a claim's words start and end (issue 22, span rules): what the reported content
holds, and what is no claim at all. Sentences written for these tests."""

import pytest


def texts(brief):
    return [c.text for c in brief.claims]


@pytest.mark.parametrize("sentence, content", [
    ("The opposition called on Mr Hale to resign from the board.", "Mr Hale to resign from the board"),
    ("His sisters pleaded for their brother to come home safely.", "their brother to come home safely"),
    ("The families appealed for the kidnappers to release the two men.", "the kidnappers to release the two men"),
    ("Ministers called on the council to act quickly and to publish the report.",
     "the council to act quickly and to publish the report"),
    ("The group called on the mayor, who took office in May, to step down.",
     "the mayor, who took office in May, to step down"),
])
def test_a_to_clause_after_a_prepositional_object_is_part_of_the_content(extract_text, sentence, content):
    assert content in texts(extract_text(sentence))


@pytest.mark.parametrize("sentence, content", [
    ("Mr Hale called for a public inquiry into the crash.", "a public inquiry into the crash"),
    ("The union called for an end to the strike in a letter to members.", "an end to the strike"),
])
def test_a_prepositional_object_with_no_to_clause_stays_as_it_was(extract_text, sentence, content):
    # a bare noun reports no proposition: a stance, kept whole with `stances`
    assert content in texts(extract_text(sentence, stances=True))
    assert content not in texts(extract_text(sentence))


@pytest.mark.parametrize("sentence", [
    "The government is encouraging companies to pay their taxes by offering an amnesty.",
    "Cheap loans encouraged families to buy bigger houses.",
    "Teachers have encouraged older pupils to try the new courses.",
])
def test_encouraging_someone_to_act_is_no_act_of_speech(extract_text, sentence):
    assert extract_text(sentence).claims == []
    assert [c.kind for c in extract_text(sentence, stances=True).claims] == ["stance"]


def test_urging_someone_to_act_still_is(extract_text):
    assert texts(extract_text("Teachers have urged older pupils to try the new courses.")) \
        == ["older pupils to try the new courses"]


@pytest.mark.parametrize("sentence, content", [
    ("Doctors have expressed concern that the new rules could lengthen waiting lists.",
     "the new rules could lengthen waiting lists"),
    ("Local traders voiced fears that the bypass would drive shoppers away.", "the bypass would drive shoppers away"),
    ("Doubts have been raised by several economists that the target can be met.", "the target can be met"),
    ("The chairman gave assurances that no jobs would be lost.", "no jobs would be lost"),
    ("Ms Ray said little, offering only a brief confirmation that she would stand again.", "she would stand again"),
])
def test_a_feeling_voiced_or_an_assurance_given_is_said(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence", [
    "Many parents share the concern that the school is too small.",
    "Local traders have fears that the bypass would drive shoppers away.",
    "Fears that the plant would close have grown since the spring.",
    "Doctors have expressed concern about the cost of the new rules.",
])
def test_a_feeling_nobody_voices_is_no_claim(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence", [
    "Neither the airline nor the union commented on the talks.",
    "Nobody at the ministry confirmed that the plant would close.",
    "No official said when the road would reopen.",
    "None of the banks has said that it will cut jobs.",
])
def test_a_subject_that_says_nobody_spoke_makes_no_claim(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("The airline said no one had been hurt in the crash.", "no one had been hurt in the crash"),
    ("Mr Dale, the union's leader, said neither side would give way.", "neither side would give way"),
])
def test_nobody_inside_the_content_or_a_named_subject_still_speaks(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("text, quote", [
    ('The row began on Friday after Mr Hale, asked about the strike, had said, "I think the union is wrong."',
     '"I think the union is wrong."'),
    ('Trouble started when Ms Ray, pressed on the budget, had said: "We will cut nothing at all."',
     '"We will cut nothing at all."'),
])
def test_a_cue_followed_by_its_quote_never_reports_the_words_before_it(extract_text, text, quote):
    brief = extract_text(text)
    assert texts(brief) == [quote]


def test_a_quote_split_by_its_cue_stays_one_claim(extract_text):
    text = '"We are ready," Mr Hale said, "and we will win on Saturday."'
    assert texts(extract_text(text)) == [text]


@pytest.mark.parametrize("text", [
    '"That is the big question," Ms Ray said, noting she would back any of the other candidates. '
    '"We have a very deep bench here."',
    '"It went very well," the tycoon told reporters in Macau when asked if he had met the senator. '
    '"He was very charming."',
])
def test_what_the_attribution_of_a_joined_quote_reports_is_inside_the_quote(extract_text, text):
    [claim] = extract_text(text).claims
    assert claim.start == 0 and claim.end == len(text)


def test_a_claim_after_a_quote_that_is_not_joined_stays(extract_text):
    text = '"That is the big question," Ms Ray said, noting she would back any of the other candidates.'
    assert "she would back any of the other candidates" in texts(extract_text(text))


@pytest.mark.parametrize("text, content", [
    ('Senator Ray heard the speech. She called him a "pathological liar" for repeating it.',
     'him a "pathological liar" for repeating it'),
    ('Mr Dale read the report. He called it "a shameful decision".', 'it "a shameful decision"'),
])
def test_a_pronoun_named_in_quoted_words_is_a_claim(extract_text, text, content):
    assert content in texts(extract_text(text))


@pytest.mark.parametrize("sentence", ["Ms Lane called him a liar.", "They called it a day."])
def test_a_pronoun_named_without_quote_marks_is_not(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("The mayor said on Friday during a news conference that he may wait until March.", "he may wait until March"),
    ("Ms Lane told reporters at the end of the meeting that the deal was off.", "the deal was off"),
    ("The chairman said in a letter to staff that no jobs would go.", "no jobs would go"),
])
def test_a_that_clause_hung_on_the_occasion_of_the_saying_is_what_was_said(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


def test_a_relative_clause_on_the_occasion_is_not(extract_text):
    assert extract_text("The mayor spoke at a school that he had attended as a boy.").claims == []


@pytest.mark.parametrize("text, content", [
    ("Trading was thin all week. This has amplified reactions to news, analysts said, adding that they "
     "expect calmer markets in January.", "This has amplified reactions to news"),
    ("Sales have slowed down since June, the retailer said, adding that it would cut prices.",
     "Sales have slowed down since June"),
])
def test_a_clause_before_comma_subject_and_verb_of_saying_is_what_was_said(extract_text, text, content):
    assert content in texts(extract_text(text))


@pytest.mark.parametrize("sentence", [
    "Speaking on Monday, the minister said.",
    "As the talks resumed, the union said.",
    "In London, police said.",
])
def test_an_occasion_before_the_comma_is_not(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("Voters will listen for hints on whether, as the opposition claims, he plans to raise taxes.",
     "he plans to raise taxes"),
    ("As Ms Lane said on Monday, the new line will cost more than expected.",
     "the new line will cost more than expected"),
    ("As Mr Hale told reporters, the bridge will not reopen before June.", "the bridge will not reopen before June"),
])
def test_an_as_clause_of_saying_reports_the_clause_it_is_set_in(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence", [
    "As he said this, the crowd began to cheer.",
    "As he spoke, the crowd began to cheer.",
    "As expected, the bank kept its rates on hold.",
])
def test_an_as_clause_that_says_when_is_not(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("The teenager confessed to being behind the attacks.", "being behind the attacks"),
    ("He admitted to taking the money from the charity.", "taking the money from the charity"),
])
def test_confessing_to_a_deed_is_a_claim(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence", ["She confessed to a close friend.", "He was admitted to hospital on Monday."])
def test_confessing_to_someone_is_not(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("He claims the lenders knew of the losses but continued to work with the firm so they could earn fees.",
     "the lenders knew of the losses but continued to work with the firm so they could earn fees"),
    ("She says the council knew about the leak but went on to ignore it for months.",
     "the council knew about the leak but went on to ignore it for months"),
])
def test_a_to_clause_conjoined_in_the_content_stays_in_it(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


def test_a_conjoined_verb_of_saying_with_a_to_clause_is_a_claim_of_its_own(extract_text):
    assert texts(extract_text("Ms Lane said that the talks had stalled, and urged both sides to return.")) \
        == ["the talks had stalled", "both sides to return"]


def test_a_reopened_chain_ends_where_a_quote_with_a_cue_of_its_own_begins(extract_text):
    text = ('Ms Ray admitted: "It will be hard. "They are strong on the break. "They are the best two teams in '
            'Europe. Still, the club has faced such tests often. "It is a special game," Ms Ray added. '
            '"We only think of winning."')
    first, second = extract_text(text).claims
    assert first.text.startswith('"It will be hard.') and first.cue.text == "admitted"
    assert second.text.startswith('"It is a special game,"') and second.cue.text == "added"


@pytest.mark.parametrize("text", [
    '"We have played well. "The squad is strong," said Tom Baker. "Now we need a win on Saturday."',
    'Tom Baker said: "We have played well. "The squad is strong and the players are ready. "Now we need a win."',
])
def test_a_reopened_chain_with_one_cue_stays_one_claim(extract_text, text):
    [claim] = extract_text(text).claims
    assert claim.end == len(text)


@pytest.mark.parametrize("sentence, content", [
    ("The opposition called for a change in the law so tenants are only evicted by a court.",
     "a change in the law so tenants are only evicted by a court"),
    # the parse reads "it was catching" as the clause of "reported"
    ("Zenon reported a 40% rise in the spam it was catching.", "a 40% rise in the spam it was catching"),
])
def test_what_qualifies_a_prepositional_or_noun_object_stays_with_it(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence, content", [
    ("The bank said on Tuesday it would cut rates.", "it would cut rates"),
    ("The firm said last week the plant would close.", "the plant would close"),
    ("Ms Lane told the committee the scheme had failed.", "the scheme had failed"),
])
def test_an_addressee_or_a_time_before_the_clause_is_not_the_content(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


def test_a_time_after_that_is_part_of_the_content(extract_text):
    assert texts(extract_text("The bank said that on Tuesday it would cut rates.")) \
        == ["on Tuesday it would cut rates"]


@pytest.mark.parametrize("sentence, content", [
    ('Her words were echoed by the director Tom Hale, who called the novel "extraordinarily thought provoking".',
     'the novel "extraordinarily thought provoking"'),
    ('The critic Ann Ray called the album "a bold and restless record".', 'the album "a bold and restless record"'),
])
def test_a_quote_naming_the_object_stays_with_it(extract_text, sentence, content):
    assert content in texts(extract_text(sentence))


def test_a_quoted_title_after_the_object_is_no_claim(extract_text):
    assert extract_text('He called the meeting "Summit for Peace".').claims == []


@pytest.mark.parametrize("sentence, content", [
    ("The threat to radio was greatest in towns where broadband was growing, in particular Leeds, York and Hull, "
     "said the report.",
     "The threat to radio was greatest in towns where broadband was growing, in particular Leeds, York and Hull"),
])
def test_words_between_the_content_and_an_inverted_cue_end_the_content(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence, content", [
    ("Prices will rise this year, said Mr Hale, the bank's chief.", "Prices will rise this year"),
    ("Prices will rise, Mr Hale, the bank's chief, said.", "Prices will rise"),
])
def test_the_speaker_and_his_description_are_not(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


def test_a_quote_after_another_speakers_claim_is_not_joined_to_the_quote_before(extract_text):
    text = ('The organiser Paul Reed had said: "Her wrist is not going to heal in time." But her agent insisted '
            'she had simply delayed her entry. "The doctors are looking at her injury every week."')
    claims = extract_text(text).claims
    assert [c.text for c in claims] == ['"Her wrist is not going to heal in time."',
                                        "she had simply delayed her entry",
                                        '"The doctors are looking at her injury every week."']


def test_a_chain_is_not_cut_at_a_writers_sentence_with_a_verb_of_its_own(extract_text):
    text = ('Mr Reed told the BBC: "He was great with the players. "He respects that but he wants to be '
            'involved. Why would he risk his name on something that will fail?" Reed has also agreed to '
            'commentate for the BBC next year.')
    claims = extract_text(text).claims
    assert claims[0].text.startswith('"He was great') and claims[0].text.endswith('fail?"')


@pytest.mark.parametrize("sentence, content", [
    ('The committee called for the audit office to be given a "free hand" to inspect the accounts.',
     'the audit office to be given a "free hand" to inspect the accounts'),
])
def test_a_passive_to_clause_after_the_object_is_whole(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


@pytest.mark.parametrize("sentence", [
    "You had better confess to ensure you do not get a long sentence.",
    "Asked about criticism that he stayed on holiday, the minister smiled.",
])
def test_an_aim_or_the_topic_of_a_question_is_no_claim(extract_text, sentence):
    assert extract_text(sentence).claims == []


@pytest.mark.parametrize("sentence, content", [
    ("The singer disclosed that he was suffering from an illness.", "he was suffering from an illness"),
    ("Ms Lane reiterated that the plan would go ahead in May.", "the plan would go ahead in May"),
    ('Years later Mr Dale exclaimed: "I did score that try in the final."', '"I did score that try in the final."'),
])
def test_more_verbs_of_saying(extract_text, sentence, content):
    assert texts(extract_text(sentence)) == [content]


def test_reiterating_support_is_a_noun_object_not_a_claim(extract_text):
    assert extract_text("The minister reiterated his support for the plan.").claims == []
