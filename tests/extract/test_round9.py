"""Speakers on news nobody tuned to (issue 22, round 9): an office the article gives someone,
by a title, "as" or an earlier description, keeps other offices' descriptions off them."""

from conftest import speakers_by_text as speakers
from generator.extract.speakers import Cast


def test_an_office_resolved_to_someone_keeps_another_office_off_them(extract_text):
    text = ('David Blunkett has set out plans to reform the police. The home secretary said targets '
            'would be put in place. Tony Blair backed the plans on a visit to London on Monday. '
            'Mr Blunkett said a new number would be created for calls. '
            'The prime minister said the citizen should be in charge of the community.')
    got = speakers(extract_text(text))
    assert got["targets would be put in place"] == "David Blunkett"
    assert got["the citizen should be in charge of the community"] == "Tony Blair"


def test_an_office_someone_left_as_is_theirs(extract_text):
    text = ("David Blunkett resigned as home secretary last week after being told of Sir Alan Budd's findings. "
            'Sir Alan said a chain of events linked Mr Blunkett to the visa. In a statement, the ex-home '
            "secretary said he accepted the inquiry's findings.")
    got = speakers(extract_text(text))
    assert got["he accepted the inquiry's findings"] == "David Blunkett"


def test_an_office_left_or_held_as_is_known_of_the_person(nlp):
    doc = nlp("David Blunkett resigned as home secretary last week. Jo Hart, who served as chairman "
              "until May, said so. Tom Hale acted as a go-between.")
    people = Cast(doc, [], []).people
    assert people["David Blunkett"].offices == {"secretary"}
    assert {"home", "secretary"} <= people["David Blunkett"].words
    assert people["Jo Hart"].offices == {"chairman"}
    assert people["Tom Hale"].offices == set()


def test_a_noun_of_no_one_office_fits_any_title(extract_text):
    text = ('Arsenal manager Arsene Wenger praised his side after the win. '
            'The Arsenal boss said the team had played well.')
    got = speakers(extract_text(text))
    assert got["the team had played well"] == "Arsene Wenger"


def test_the_government_is_the_one_of_the_country_the_article_is_about(extract_text):
    text = ("Ukraine's new leaders have begun a review of the privatisations of the last administration. "
            "The government says many privatised firms were sold to allies of the former president. "
            "Critics of the government say the review will scare investors.")
    got = speakers(extract_text(text))
    assert got["many privatised firms were sold to allies of the former president"] == "Ukrainian government"
    assert got["the review will scare investors"] is None


def test_the_government_of_a_story_about_a_countrys_own_politics(extract_text):
    text = ("Labour and the Tories clashed over pensions in the Commons on Monday, while MPs on the "
            "committee heard from Iraq's ambassador. The government says unions will be consulted.")
    got = speakers(extract_text(text))
    assert got["unions will be consulted"] == "UK government"


def test_the_government_of_no_country_named_is_nobody(extract_text):
    got = speakers(extract_text("The government says unions will be consulted before any change."))
    assert got["unions will be consulted before any change"] is None


def test_a_countrys_government_is_no_other_body_a_description_means(extract_text):
    text = ("The government won its appeal against the ruling in Britain on Monday. "
            "But the court said the other side will appeal.")
    got = speakers(extract_text(text))
    assert got["the other side will appeal"] != "UK government"


def test_a_spokesperson_speaks_for_the_body_last_the_subject_past_subjects_that_name_no_one(extract_text):
    text = ("Ofcom says it has plans to review the services telecoms firms must provide. And new technology "
            "will be discussed with interested parties in the near future. But a spokesman said its powers "
            'were limited by legislation. "Any change needs a new law," he said.')
    got = speakers(extract_text(text))
    assert got["its powers were limited by legislation"] == "Ofcom"
    assert got['"Any change needs a new law,"'] == "Ofcom"


def test_a_spokesperson_after_a_person_speaks_for_no_body_named(extract_text):
    text = ("Ofcom has approved the deal. Singer Jo Hart cancelled her tour on Monday. "
            "A spokesman said she was unwell.")
    got = speakers(extract_text(text))
    assert got["she was unwell"] is None


def test_a_name_the_model_misreads_after_a_noun_for_a_person_is_a_persons_everywhere(extract_text):
    text = ('US rap star 50 Cent has said he has thrown a protege out of his gang. 50 Cent appeared on a '
            'radio show on Monday. "Every record he is selling is based on me," he said.')
    got = speakers(extract_text(text))
    assert got["he has thrown a protege out of his gang"] == "50 Cent"
    assert got['"Every record he is selling is based on me,"'] == "50 Cent"



def test_a_name_tagged_as_a_body_after_a_lowercase_title_is_a_persons(extract_text):
    text = ("Liberal Democrat spokesman Mike German said one in three homes faced rises. "
            "Conservative local government spokesman Glyn Davies said the claim was spin. "
            'He added: "A third of Welsh households have been re-valued upwards."')
    got = speakers(extract_text(text))
    assert got["the claim was spin"] == "Glyn Davies"
    assert got['"A third of Welsh households have been re-valued upwards."'] == "Glyn Davies"


def test_a_body_described_as_a_champion_stays_a_body(nlp):
    doc = nlp("German football club and former European champion Borussia Dortmund has warned it may go "
              "bankrupt. Shares in Borussia Dortmund fell. Borussia Dortmund posted a loss.")
    cast = Cast(doc, [], [])
    assert "Borussia Dortmund" not in {n for n, p in cast.people.items() if p.kind == "person"}


def test_it_goes_on_with_a_document_or_body_that_spoke_just_before(extract_text):
    text = ("Some 45 million children will die needlessly before 2015, Oxfam has said. \"As rich countries get "
            "richer, they're giving less,\" said Oxfam's Barbara Stocking. \"The poorest children are paying for "
            "it with their lives, and the year will end in shameful failure unless world leaders act now to cancel "
            "the debts of the poorest countries, to raise aid to the levels they promised decades ago and to make "
            "trade fair for the farmers and workers of the developing world,\" the charity's director added. "
            "The report said: \"For rich countries, aid is an obligation.\" "
            "It also points out that in 1970 the G8 agreed to spend more.")
    got = speakers(extract_text(text))
    assert got['"For rich countries, aid is an obligation."'] == "Oxfam"
    assert got["in 1970 the G8 agreed to spend more"] == "Oxfam"


def test_it_does_not_go_on_with_a_persons_words(extract_text):
    text = 'Jo Hart said sales were strong. "It was a good year," she said. It added that rates would rise.'
    got = speakers(extract_text(text))
    assert got["rates would rise"] is None


def test_a_place_before_a_bodys_name_is_not_the_body(extract_text):
    text = ("A quarter of broadband users in Britain regularly upload content, says a report by UK think-tank "
            "Demos. A spokesman for UK Athletics said the race was fair.")
    got = speakers(extract_text(text))
    assert got["A quarter of broadband users in Britain regularly upload content"] == "Demos"
    assert got["the race was fair"] == "UK Athletics"


def test_a_quote_after_a_reported_clauses_sentence_is_a_claim_of_its_own(extract_text):
    text = ('Conservative John Whittingdale said the way the government had handled the bill was a "shambles". '
            '"This announcement is a further humiliating retreat by the government."')
    brief = extract_text(text)
    got = speakers(brief)
    assert got['the way the government had handled the bill was a "shambles"'] == "John Whittingdale"
    assert got['"This announcement is a further humiliating retreat by the government."'] == "John Whittingdale"


def test_a_quote_after_a_quote_and_its_cue_stays_one_claim(extract_text):
    text = ('"It looks pretty grim for the workers," said union official Ulf Carlsson. '
            '"What are we going to end up producing in Sweden?"')
    brief = extract_text(text)
    assert len(brief.claims) == 1
    assert brief.claims[0].text.endswith('in Sweden?"')


def test_an_open_question_after_a_verb_of_saying_reports_nothing_said(extract_text):
    text = ("Twentieth Century Fox will announce which technology it will be supporting. "
            "Michael Stephenson would not confirm whether the new system will be built into Windows. "
            "The alerts should tell people how to get hold of patches from security firms.")
    assert extract_text(text).claims == []


def test_a_question_asked_a_quoted_question_and_a_free_relative_are_claims(extract_text):
    text = ('The MP asked whether the Treasury had leaned on the statistics office. '
            'He continued: "How can there be discipline in schools when there is none in government?" '
            'The artists argue what they create is art itself.')
    texts = {c.text for c in extract_text(text).claims}
    assert "the Treasury had leaned on the statistics office" in texts
    assert any(t.startswith('"How can there be discipline') for t in texts)
    assert "what they create is art itself" in texts


def test_asking_or_telling_someone_to_do_something_is_a_request_no_claim(extract_text):
    text = ("Both firms asked the Sydney stock market to suspend trading in their shares. "
            "He was told to surrender his passport. "
            "Mr Lishman urged the next government to boost state pensions. "
            "She told the BBC that the firm would cut jobs.")
    texts = {c.text for c in extract_text(text).claims}
    assert texts == {"the next government to boost state pensions", "the firm would cut jobs"}


def test_a_clause_with_its_own_subject_joined_by_but_goes_on_with_what_was_said(extract_text):
    text = ("Lord Woolf said the current rules were not written down but it was inconceivable that the lord "
            "chancellor would overrule him. Mr Hale said the plan was a serious matter and said Mr Hain should "
            "make a statement.")
    texts = {c.text for c in extract_text(text).claims}
    assert ("the current rules were not written down but it was inconceivable that the lord chancellor would "
            "overrule him") in texts
    assert {"the plan was a serious matter", "Mr Hain should make a statement"} <= texts


def test_a_body_named_in_a_request_is_not_who_a_later_it_goes_on_with(extract_text):
    text = ("The Electronic Frontier Foundation, representing the reporters, has asked California's Superior "
            "Court to stop Apple pursuing the sources. It argues the journalists are protected by the constitution.")
    got = speakers(extract_text(text))
    assert got["the journalists are protected by the constitution"] == "Electronic Frontier Foundation"
    assert len(got) == 1


def test_an_open_question_or_a_request_is_a_stance_when_stances_are_asked_for(extract_text):
    text = ("Twentieth Century Fox will announce which technology it will be supporting. "
            "Both firms asked the Sydney stock market to suspend trading in their shares.")
    assert extract_text(text).claims == []
    kinds = {c.text: c.kind for c in extract_text(text, stances=True).claims}
    assert kinds == {"which technology it will be supporting": "stance",
                     "the Sydney stock market to suspend trading in their shares": "stance"}
