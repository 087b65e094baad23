"""Groups as speakers: "they" and plural descriptions after people or bodies named together
("Lord A and Lord B ruled ... They said"), and unnamed groups ("analysts") that stay nobody."""


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return [by_id.get(c.speaker) for c in brief.claims]


def test_they_is_the_two_people_who_were_the_subject_before(extract_text):
    text = ("Lawyers for the council argued the ban was lawful. But Anna Cole and Peter Marsh ruled that "
            "the ban went too far. They said the minister had acted too quickly.")
    assert speakers(extract_text(text))[-1] == "Anna Cole and Peter Marsh"


def test_they_after_two_bodies_named_together(extract_text):
    text = ("Shares in Delta Foods fell sharply on Monday. Acme Holdings and Northwind Logistics announced "
            "a joint bid for the company. They said the offer would be final.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings and Northwind Logistics"


def test_they_after_an_unnamed_group_is_nobody(extract_text):
    text = ("Acme Holdings said profits rose by a tenth last year. Analysts said the rise was smaller "
            "than hoped. They said the firm's costs were too high.")
    assert speakers(extract_text(text)) == ["Acme Holdings", None, None]


def test_they_after_a_body_named_after_the_pair_is_the_body(extract_text):
    text = ("Anna Cole and Peter Marsh met the chairman of Acme Holdings on Friday. Acme Holdings rejected "
            "the request. They said the plant would close in March.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings"


def test_the_judges_are_the_two_judges_who_ruled(extract_text):
    text = ("The council argued the ban was lawful. But Anna Cole and Peter Marsh ruled that the ban went too "
            "far. The inquiry had been inadequate, the judges said.")
    assert speakers(extract_text(text))[-1] == "Anna Cole and Peter Marsh"


def test_the_ministers_with_no_people_named_together_are_nobody(extract_text):
    text = ("Anna Cole said the plan was sound. Peter Marsh left the meeting early. "
            "The ministers said the plan would cost too much.")
    assert speakers(extract_text(text))[-1] is None


def test_a_plural_of_things_is_no_group_of_people(extract_text):
    text = ("Anna Cole and Peter Marsh ruled that the ban went too far. "
            "The figures showed a rise. Acme Holdings said the figures were wrong.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings"


def test_a_leaflet_issued_jointly_by_two_bodies_speaks_for_both(extract_text):
    text = ("Nurses who report abuse will be protected, said the leaflet published jointly by the Royal College "
            "of Nursing and the British Medical Association. It said staff should not wait to be asked.")
    both = "Royal College of Nursing and British Medical Association"
    assert speakers(extract_text(text)) == [both, both]


def test_a_report_issued_by_a_body_in_its_own_sentence(extract_text):
    text = "Waiting lists are shrinking, says the report written by the Audit Commission."
    assert speakers(extract_text(text)) == ["Audit Commission"]


def test_the_document_called_by_another_noun_later_is_the_same_issuers(extract_text):
    text = ("Householders may use reasonable force, said the booklet issued by the Crown Prosecution Service. "
            "Ministers decided not to change the law last year. Victims of burglary were consulted in the summer. "
            "The guidance published on Tuesday said police would act quickly.")
    assert speakers(extract_text(text)) == ["Crown Prosecution Service"] * 2


def test_a_document_no_one_is_said_to_have_issued_is_nobody(extract_text):
    text = ("Ministers decided not to change the law last year. "
            "The guidance said police would act quickly.")
    assert speakers(extract_text(text)) == [None]


def test_a_list_of_three_bodies_speaks_as_one(extract_text):
    text = "The World Wildlife Fund, Greenpeace and Friends of the Earth said the plan would fail."
    assert speakers(extract_text(text)) == ["World Wildlife Fund, Greenpeace and Friends of the Earth"]


def test_groups_including_named_bodies_are_those_bodies(extract_text):
    text = ("Charities including Oxfam and Christian Aid said the trade deal would hurt poor farmers. "
            "Aid agencies such as Oxfam warned that the talks would fail.")
    assert speakers(extract_text(text)) == ["Oxfam and Christian Aid", "Oxfam"]


def test_groups_including_no_one_named_stay_nobody(extract_text):
    text = ("Charities including several small ones said the trade deal would hurt poor farmers. "
            "Oxfam or Christian Aid will send a delegate.")
    assert speakers(extract_text(text)) == [None]


def test_a_person_and_a_body_named_together(extract_text):
    text = "Bill Turner and the Transport Salaried Staffs Association said the strike would go ahead."
    assert speakers(extract_text(text)) == ["Bill Turner and Transport Salaried Staffs Association"]


def test_its_spokesman_and_its_website_speak_for_the_body(extract_text):
    text = ("Acme Holdings cut 200 jobs on Monday. Its spokesman said the cuts were painful. "
            "Acme Holdings made a loss last year, according to its website.")
    assert speakers(extract_text(text)) == ["Acme Holdings", "Acme Holdings"]


def test_their_lawyers_speak_for_bodies_not_for_people_or_unnamed_groups(extract_text):
    text = ("Northwind Logistics and Acme Holdings will merge next year. Their lawyers said the deal was fair. "
            "Analysts were sceptical. Their sources said the deal would fail. "
            "Anna Cole and Peter Marsh sued the firm. Their lawyers said the case was strong.")
    assert speakers(extract_text(text)) == ["Northwind Logistics and Acme Holdings", None, None]


def test_a_body_named_before_is_still_that_body_when_parsed_as_a_plural_noun(extract_text):
    text = ("Australian brewer Fosters has bought a large stake in winemaker Southcorp. Fosters said it was in talks. "
            "The brewer Wolvers has bought a chain of pubs. Wolvers said it was in talks.")
    assert speakers(extract_text(text)) == ["Fosters", "Wolvers"]


def test_a_plural_noun_no_body_is_named_by_stays_nobody(extract_text):
    text = "Brewers said the new tax on beer was unfair. The tax on brewers rose again."
    assert speakers(extract_text(text)) == [None]


def test_an_unnamed_body_in_the_lede_is_the_body_named_next(extract_text):
    text = ("Northwind Bank must repay customers who were sold bad loans, regulators have said. "
            "The Financial Services Authority fined the bank £2m on Tuesday.")
    assert speakers(extract_text(text))[0] == "Financial Services Authority"


def test_a_document_in_the_lede_is_issued_by_whoever_the_article_says(extract_text):
    text = ("Patients should wait no more than a week for cancer tests, new guidelines say. "
            "Doctors welcomed the move on Monday. "
            "The guidance, drawn up by the Royal College of Surgeons, will apply from April.")
    assert speakers(extract_text(text))[0] == "Royal College of Surgeons"


def test_a_class_of_bodies_in_the_lede_stays_nobody(extract_text):
    text = ("Petrol prices will rise again this winter, oil companies have warned. "
            "Shell said its profits had doubled.")
    assert speakers(extract_text(text)) == [None, "Shell"]


def test_an_unnamed_body_after_the_lede_or_before_a_person_stays_nobody(extract_text):
    text = ("Northwind Bank must repay customers who were sold bad loans, regulators have said. "
            "John Marsh, a lawyer for the customers, welcomed the ruling. "
            "Banks will appeal, lenders said. The Financial Services Authority fined the bank £2m.")
    assert speakers(extract_text(text)) == [None, None]


def test_members_of_a_body_named_after_them_are_that_body(extract_text):
    text = ("The school's Board of Governors met on Monday. The governors said the head teacher would stay. "
            "After a long hearing, law lords ruled that the ban was unlawful, in a judgment of the House of Lords.")
    assert speakers(extract_text(text)) == ["Board of Governors", "House of Lords"]


def test_people_of_no_body_named_after_them_stay_nobody(extract_text):
    text = ("The Board of Governors met on Monday. The teachers said the head teacher would stay. "
            "Parents said the school was failing.")
    assert speakers(extract_text(text)) == [None, None]


def test_the_team_is_the_people_named_together_just_before(extract_text):
    text = ('"The results are striking," said Anna Price and Tom Willis. The research team, from the '
            'University of Leeds, said the effect was larger in older patients.')
    assert speakers(extract_text(text)) == ["Anna Price and Tom Willis"] * 2


def test_the_team_with_no_people_named_together_speaks_for_its_body(extract_text):
    text = ('"The results are striking," said Anna Price. The research team, from the '
            'University of Leeds, said the effect was larger in older patients.')
    assert speakers(extract_text(text)) == ["Anna Price", "University of Leeds"]


def test_the_two_men_and_both_men_are_the_pair_named_before(extract_text):
    text = ("Tom Hale and Peter Marsh met union leaders on Monday. The two men said the talks had gone well. "
            "Both men said a deal was close.")
    assert speakers(extract_text(text)) == ["Tom Hale and Peter Marsh"] * 2


def test_they_after_unnamed_groups_of_bodies_is_nobody(extract_text):
    text = ("Acme Holdings said profits rose by a tenth. Rival firms said the rise was too small. "
            "They said Acme Holdings had cut too many jobs.")
    assert speakers(extract_text(text)) == ["Acme Holdings", None, None]


def test_two_countries_speak_together_and_are_they(extract_text):
    text = ("Britain and France said the talks had failed. Germany and Italy blocked the resolution on Friday. "
            "They said it went too far.")
    assert speakers(extract_text(text)) == ["Britain and France", "Germany and Italy"]


def test_places_in_a_list_that_is_not_the_subject_speak_for_no_one(extract_text):
    text = "Troops from Britain and France arrived on Monday. The minister said the mission would be short."
    assert speakers(extract_text(text)) == [None]


def test_the_members_right_after_a_body_of_people_are_that_body(extract_text):
    text = ("The Public Accounts Committee has criticised the Ministry of Defence. The MPs said the project "
            "was badly run. The Court of Appeal ruled on Tuesday that the ban was lawful. The judges said the "
            "minister had acted properly.")
    assert speakers(extract_text(text)) == ["Public Accounts Committee", "Court of Appeal", "Court of Appeal"]


def test_mps_are_never_a_name_nor_a_body_that_is_no_body_of_people(extract_text):
    text = ("MPs said the project was badly run. The Treasury has cut the budget. "
            "The MPs said the cuts went too far.")
    assert speakers(extract_text(text)) == [None, None]


def test_the_companys_spokesman_and_club_officials_speak_for_the_body_described(extract_text):
    text = "Acme Holdings cut 200 jobs on Monday. The company's spokesman said the cuts were painful."
    assert speakers(extract_text(text)) == ["Acme Holdings"]
    text = "Chelsea rejected the bid on Friday. Club officials said the offer was too low."
    assert speakers(extract_text(text)) == ["Chelsea"]


def test_club_officials_with_no_club_named_are_nobody(extract_text):
    text = "The match was called off on Friday. Club officials said the pitch was frozen."
    assert speakers(extract_text(text)) == [None]


def test_the_pair_and_the_two_countries_are_what_was_named_together(extract_text):
    text = ("Microsoft and Sony have agreed a deal on chips. The pair said they would share the costs. "
            "Brazil and Argentina signed a trade pact on Friday. The two countries said tariffs would fall.")
    assert speakers(extract_text(text)) == ["Microsoft and Sony", "Brazil and Argentina"]


def test_a_plural_of_another_kind_is_not_the_group_named_together(extract_text):
    text = ("Brazil and Argentina signed a trade pact on Friday. The two companies said tariffs would fall. "
            "Tom Hale and Peter Marsh founded Acme Holdings. The firms said the deal was fair.")
    assert speakers(extract_text(text)) == [None, None]


def test_the_two_both_and_the_three_count_the_people_named_together(extract_text):
    text = ("Tom Hale and Peter Marsh met union leaders on Monday. The two said the talks had gone well. "
            "Both said a deal was close. Tom Hale, Peter Marsh and Ann Lee will meet again on Friday. "
            "The three said they hoped to sign it then.")
    pair, three = "Tom Hale and Peter Marsh", "Tom Hale, Peter Marsh and Ann Lee"
    assert speakers(extract_text(text)) == [pair, pair, three]


def test_a_count_that_fits_no_group_and_neither_are_nobody(extract_text):
    text = ("Tom Hale and Peter Marsh met union leaders on Monday. All three said the talks had gone well. "
            "Neither said that a deal was close.")
    assert speakers(extract_text(text)) == [None, None]


def test_a_plural_of_people_opening_a_sentence_is_no_name_whatever_the_model_tags(extract_text):
    text = ("Tom Hale was arrested on Monday. Detectives said they had found drugs in the car. "
            "Campaigners said the law was unfair. They said it should change.")
    assert speakers(extract_text(text)) == [None, None, None]


def test_a_role_plural_is_not_a_pair_who_only_acted(extract_text):
    text = ("Tom Hale and Ann Lee sued the council over the closure. The judges said the council had acted "
            "lawfully. The two said they were disappointed.")
    assert speakers(extract_text(text)) == [None, "Tom Hale and Ann Lee"]


def test_mr_and_mrs_are_one_joint_speaker(extract_text):
    text = ("Mr and Mrs Hale said they were devastated by the ruling. Tom and Ann Lee said they would appeal. "
            "Mr Hale and his lawyer left the court.")
    assert speakers(extract_text(text)) == ["Mr and Mrs Hale", "Tom and Ann Lee"]
