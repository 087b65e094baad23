"""Descriptions, epithets and pronouns resolved to the person or body the article names."""

import pytest


def names(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return [(by_id.get(c.speaker), c.text) for c in brief.claims]


@pytest.mark.parametrize("text, speaker", [
    ("The talks ended without a deal late on Monday, the Reuters news agency reported.", "Reuters"),
    ("Market analysts Nielsen/NetRatings said that sales were up by a third.", "Nielsen/NetRatings"),
])
def test_a_body_named_inside_or_beside_its_description(extract_text, text, speaker):
    [(name, _)] = names(extract_text(text))
    assert name == speaker


def test_a_spokesman_of_a_body_is_the_he_that_follows(extract_text):
    text = ('Tom Baker said the posters were offensive. A Labour spokesman denied the campaign was unfair. '
            '"We stand by every word of it," he said.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got['"We stand by every word of it,"'] == "Labour Party"


def test_an_unnamed_spokesman_stops_he_from_reaching_back(extract_text):
    text = ('Tom Baker said the plan was costly. A spokesman said the figures were wrong. '
            'He said the council would publish its own numbers next week.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the council would publish its own numbers next week"] is None


def test_the_chancellor_is_not_the_shadow_chancellor(extract_text):
    text = ('Shadow chancellor Oliver Letwin said the budget was a fraud.\n\n'
            'Gordon Brown addressed the conference on Monday. The Chancellor said the plans would cost jobs.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the plans would cost jobs"] == "Gordon Brown"


def test_a_nationality_as_a_person(extract_text):
    text = ('Maria Lopez beat Anna Weber in the final on Sunday. Weber was the stronger player early on.\n\n'
            '"It was my first final, and I learnt a lot from it," said the German.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got['"It was my first final, and I learnt a lot from it,"'] == "Anna Weber"


def test_an_epithet_is_the_person_the_article_is_about(extract_text):
    text = ('Wales lock Gareth Evans will retire from international rugby at the end of the season.\n\n'
            'The veteran lock told reporters that it was time to stop.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["it was time to stop"] == "Gareth Evans"


def test_the_firm_is_the_body_last_named_as_a_subject(extract_text):
    text = ('Dairo has sued 45 banks over its collapse. The Italian dairy maker went bust last year.\n\n'
            'Dairo said the banks knew of its problems. The firm also said it would sue its auditors.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["it would sue its auditors"] == got["the banks knew of its problems"]
    assert got["it would sue its auditors"] is not None


def test_a_name_titled_as_a_company_is_no_he(extract_text):
    text = ('British car maker Velmont Rigg has launched its cheapest model yet. '
            'Chief executive Peter Holm said the car was the most important in its history. '
            'Velmont Rigg will show the car in Geneva. The car would make the brand visible, he added.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["The car would make the brand visible"] == "Peter Holm"


def test_himself_in_a_dash_aside_is_the_name_before_it(extract_text):
    text = ('Mr Holm - himself a former executive at a rival firm - said the car was the cheapest ever.')
    [(name, _)] = names(extract_text(text))
    assert name == "Holm"


def test_a_passive_accusation_names_no_speaker(extract_text):
    brief = extract_text("The Labour Party has been accused of racism over a new poster.")
    assert brief.claims == []


def test_a_generic_group_is_unflagged_a_named_group_found_nowhere_is_less_sure(extract_text):
    # "analysts" rightly names no one; "the papers" should have been named: where, the fitted
    # model says by how much (cross-validated, so no fixed side of 0.5 is asserted for it)
    brief = extract_text("Analysts said the shares were likely to fall further. "
                         "The papers said the election would be held in May.")
    conf = {c.text: c.confidence for c in brief.claims}
    assert all(c.speaker is None for c in brief.claims)
    assert conf["the shares were likely to fall further"] >= 0.5
    assert conf["the election would be held in May"] < conf["the shares were likely to fall further"] - 0.1


def test_an_abstract_subject_is_no_epithet(extract_text):
    text = ("Harold Wilson called an election in 1966.\n\n"
            "The latest speculation suggests that the vote will be held in May.")
    got = dict((t, n) for n, t in names(extract_text(text, stances=True)))
    assert got.get("the vote will be held in May") is None


@pytest.mark.parametrize("text", [
    "Chief executive Gabriel Moss resigned on Monday. The company faced a long decline, said the report.",
    "Analyst Gabriel Moss wrote the study. Sales would fall sharply next year, the report said.",
])
def test_a_document_is_no_epithet_for_a_person(extract_text, text):
    """'said the report': a document speaks, never the last person named."""
    assert [n for n, _ in names(extract_text(text))] == [None]


def test_he_skips_a_woman_the_text_calls_she(extract_text):
    """Her own pronoun is what says that 'he' is not Nancy Hill."""
    text = ('Professor Robin Hale of the Royal Institute said the rules were too strict. Professor Nancy Hill, '
            'of the Medical Council, said she thought the views of ministers mattered. He added that the law '
            'was clear.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the law was clear"] == "Robin Hale"


def test_a_given_name_alone_says_no_gender(nlp):
    """Gender only from what the text says (a pronoun, a title, a gendered noun), never guessed from a
    given name: 'Nancy Hill' with none of these is of no known gender."""
    from generator.extract.speakers import Cast

    doc = nlp("Professor Nancy Hill, of the Medical Council, said the views of ministers mattered. "
              "Mrs Jane Lowe agreed.")
    people = Cast(doc, [], []).people
    assert people["Nancy Hill"].gender is None and people["Jane Lowe"].gender == "f"


@pytest.mark.parametrize("sentence, name", [
    ("Head of developmental biology at the National Institute of Marine Science, Professor Jane Okoro-Banks, "
     "said she had seen the trials fail.", "Jane Okoro-Banks"),
    ("Director of research at the British Heart Foundation, Professor Tom Bell, said the study was flawed.",
     "Tom Bell"),
])
def test_a_name_closing_the_subject_phrase_is_the_speaker(extract_text, sentence, name):
    """'Head of X at the Institute, Professor Y, said': the name between commas right before the verb
    names the speaker, however the parse attaches it (often to the institute)."""
    brief = extract_text(sentence)
    assert [brief.speaker(c.speaker).name if c.speaker else None for c in brief.claims] == [name]


@pytest.mark.parametrize("text, speaker", [
    ("The retired teacher who led the campaign told reporters that the school must stay open. "
     "Margaret Hollis said the town had raised the money in a month.", "Margaret Hollis"),
    ("The veteran striker said on Friday that he would leave the club in the summer. "
     "Tom Barrow has played for the side for twelve years.", "Tom Barrow"),
])
def test_a_ledes_description_with_nobody_before_it_is_the_person_named_next(extract_text, text, speaker):
    assert names(extract_text(text))[0][0] == speaker


def test_a_description_with_someone_named_before_it_does_not_look_ahead(extract_text):
    text = ("Peter Lang opened the new wing on Monday. The retired teacher told reporters that the school "
            "must stay open. Margaret Hollis said the town had raised the money in a month.")
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the school must stay open"] != "Margaret Hollis"


def test_a_description_deep_in_the_article_does_not_look_ahead(extract_text):
    text = ("The council met on Monday. The budget was cut by a tenth. Roads will be repaired in May. "
            "The retired teacher told reporters that the school must stay open. "
            "Margaret Hollis said the town had raised the money in a month.")
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the school must stay open"] != "Margaret Hollis"


def test_a_hyphenated_former_title_is_not_the_title(extract_text):
    text = ('Ex-Liberal chancellor Peter Vane praised the new rules on Monday.\n\n'
            'Anna Cole told MPs the economy was strong. The chancellor said that growth would continue.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["growth would continue"] == "Anna Cole"


def test_two_titles_joined_by_and_before_a_name_after_the_verb(extract_text):
    text = ('Acme results\n\n'
            'Acme said profits rose by a tenth last year. "We have a solid base for growth," said Acme president '
            'and chief executive Jo Hart.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got['"We have a solid base for growth,"'] == "Jo Hart"


def test_a_name_before_a_title_after_it_closes_the_subject(extract_text):
    text = ('Rail fares\n\n'
            'Transport minister Tom Reed defended the rise. Chairman of the Home Affairs Committee Peter Marsh MP, '
            'said: "The rise will hit commuters hardest."')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got['"The rise will hit commuters hardest."'] == "Peter Marsh"


def test_a_description_is_not_the_person_its_claim_names(extract_text):
    text = ('Budget row\n\n'
            'Peter Vane told MPs the economy was strong. Tory MP Ian Dale accused the Treasury of hiding '
            'the debt. But the chancellor said Mr Dale was wrong about the plans.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["Mr Dale was wrong about the plans"] == "Peter Vane"


def test_the_boss_of_a_body_is_not_the_head_of_another(extract_text):
    text = ('Cup row\n\n'
            'Everton manager Tom Baker was angry after the match. Chelsea chief executive Jim Hale said the club '
            'would not complain. "I will not shake his hand again," the Everton boss said.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got['"I will not shake his hand again,"'] == "Tom Baker"


def test_an_age_description_is_the_person_of_that_age(extract_text):
    text = ('Film row\n\n'
            'Actor Tom Baker, 71, has criticised modern films. Director Alan Lee, 45, defended them at the '
            'festival on Monday.\n\nThe 71-year-old said that the industry had changed.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the industry had changed"] == "Tom Baker"


def test_an_age_description_with_no_age_given_is_the_person_in_view(extract_text):
    text = ('Farewell tour\n\n'
            'Veteran singer Tom Baker has announced a farewell tour of Europe.\n\n'
            'The 71-year-old said that he would retire next year.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["he would retire next year"] == "Tom Baker"


def test_a_role_of_a_named_place_is_definite(extract_text):
    text = ("Sale backed\n\n"
            "France's president has said that the sale of the state rail firm was fair.\n\n"
            "Karl Weber said at his annual press conference that buyers had paid a market price.")
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the sale of the state rail firm was fair"] == "Karl Weber"


def test_a_description_is_not_a_person_named_in_the_clause_of_its_verb(extract_text):
    text = ('Budget row\n\n'
            'Peter Vane told MPs the economy was strong. Tory MP Ian Dale accused the Treasury of hiding '
            'the debt. But the chancellor told Mr Dale that the figures were sound.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the figures were sound"] == "Peter Vane"


def test_a_son_named_by_first_name_shares_the_family_name(extract_text):
    text = ('Art show\n\n'
            'Paintings by the late artist Jack Hale went on show in Leeds on Monday. "We kept them for years," '
            "Mr Hale's son Tom, 40, told visitors. \"He loved them,\" his son added.")
    brief = extract_text(text)
    assert "Tom Hale" in {s.name for s in brief.speakers}
    got = dict((t, n) for n, t in names(brief))
    assert got['"We kept them for years,"'] == "Tom Hale"


def test_the_boss_of_a_body_the_model_tags_as_nothing(extract_text):
    text = ('Derby\n\n'
            'Manchester United manager Alex Fergus was angry. Everton boss David Moy was calm. '
            'The United boss said the referee was wrong.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the referee was wrong"] == "Alex Fergus"


def test_a_peoples_noun_is_the_person_of_that_country(extract_text):
    text = ('Test\n\n'
            'Wales captain Gareth Lee scored twice on Saturday. England coach Andy Robb was unhappy with the '
            'referee. The Welshman said the team had played well.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the team had played well"] == "Gareth Lee"


def test_a_party_named_two_ways_is_one_side(extract_text):
    text = ('Test\n\n'
            'Tory leader Michael Hold attacked the plans. The prime minister, Tony Blank, defended them on '
            'Monday. The Conservative leader said they were unfair.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["they were unfair"] == "Michael Hold"


def test_a_role_whose_apposition_is_the_name(extract_text):
    text = ('Test\n\n'
            "The firm's chief executive, Jo Hart, resigned on Monday. Analyst Tom Reed said the shares would "
            'fall. The chief executive said she was leaving for family reasons.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["she was leaving for family reasons"] == "Jo Hart"


def test_an_ex_minister_is_the_former_minister(extract_text):
    text = ('Test\n\n'
            'Former minister Jo Hart criticised the plan. Home Secretary David Blunt defended it on Monday. '
            'The ex-minister said the plan would fail.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the plan would fail"] == "Jo Hart"


def test_members_opening_the_article_are_the_one_committee_it_names(extract_text):
    text = ('Schools warned\n\n'
            'Many schools are failing their weakest pupils because of poor funding, MPs have warned.\n\n'
            'Ministers had ignored the problem for years, the Public Accounts Committee said in its report.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["Many schools are failing their weakest pupils because of poor funding"] == \
        "Public Accounts Committee"


def test_a_committee_is_the_one_committee_the_article_names(extract_text):
    text = ('Rail review\n\n'
            'Rail fares rose by a tenth last year. But a cross-party committee said the rise was not justified. '
            'The Transport Select Committee heard evidence from passengers in March.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the rise was not justified"] == "Transport Select Committee"


def test_the_report_is_the_one_committee_the_article_names(extract_text):
    text = ('Rail review\n\n'
            'Rail fares are too high, the Transport Select Committee has said. Minister Ann Cole said prices '
            'were fair.\n\nThe report said passengers deserved better value.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["passengers deserved better value"] == "Transport Select Committee"


def test_his_son_is_the_person_named_as_his_son_in_apposition(extract_text):
    text = ('Test\n\n'
            'Singer Tom Hale has died aged 80. His son, Ben Hale, said he died peacefully. Manager Ian Dale said '
            'the tours had been hard. Promoter Jo Hart called him a legend. His son said the family would hold '
            'a private funeral.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["the family would hold a private funeral"] == "Ben Hale"


def test_an_anonymous_source_is_no_epithet_for_a_named_person(extract_text):
    text = ('Test\n\n'
            'The council had been neutral on the plan, Tom Hale said on Monday. The vote would now go ahead, '
            'the senior source said.')
    got = dict((t, n) for n, t in names(extract_text(text)))
    assert got["The vote would now go ahead"] is None


def test_a_peoples_noun_after_an_age_is_a_person_not_a_name(extract_text):
    text = ('Test\n\n'
            'Paula Radley won the race in London on Sunday. The 31-year-old Briton said she was delighted.')
    brief = extract_text(text)
    assert "Briton" not in {s.name for s in brief.speakers}
    got = dict((t, n) for n, t in names(brief))
    assert got["she was delighted"] == "Paula Radley"


def test_a_lettered_name_after_a_comma_closes_the_subject(extract_text):
    text = 'Test\n\nThe new head of the Law Society, Peter Marsh QC warned there was a real risk to the courts.'
    brief = extract_text(text)
    assert [s.name for s in brief.speakers] == ["Peter Marsh"]
    got = dict((t, n) for n, t in names(brief))
    assert got["there was a real risk to the courts"] == "Peter Marsh"


def test_a_club_named_after_a_city_gives_its_player_no_nationality(extract_text):
    # "Madrid" in "Real Madrid midfielder" is a club's name, not where he is from
    text = ("Real Madrid midfielder Peter Hale has no plans to become a manager. \"I would like to have football "
            "schools,\" the England captain said on television.")
    brief = extract_text(text)
    by_id = {s.id: s.name for s in brief.speakers}
    assert [by_id.get(c.speaker) for c in brief.claims] == ["Peter Hale"]


def test_a_description_never_means_who_spoke_of_it(extract_text):
    brief = extract_text("For the Lib Dems, Vince Cable said the chancellor had failed to deal with the looming "
                         "problems. Mr Brown and Mr Blair staged a show of unity on Thursday, the day after the "
                         "chancellor delivered his ninth Budget.\n\nMr Cable said taxation would go up under all "
                         "three of the main parties. The chancellor meanwhile insisted his spending plans were sound.")
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if "spending plans" in c.text)
    assert by_id[claim.speaker] == "Brown"


def speaker_named(brief, words):
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if words in c.text)
    return by_id.get(claim.speaker)


def test_a_party_in_a_description_is_never_another_partys_leader(extract_text):
    brief = extract_text("David Hale has resigned from his post as a partner in a legal firm.\n\n"
                         "Scottish National Party Holyrood leader Nina Carlow said he had been right to go.\n\n"
                         "The Scottish Conservative leader had insisted that his legal work did not influence him.")
    assert speaker_named(brief, "his legal work did not influence him") == "David Hale"


def test_a_partys_spokesman_is_its_shadow_minister(extract_text):
    brief = extract_text("Foreign Secretary Jack Straw said the referendum would be fair.\n\n"
                         "Shadow foreign secretary Michael Anstey condemned the leaflet. \"It is propaganda,\" he "
                         "said. The Tory spokesman also said the government had misled voters.")
    assert speaker_named(brief, "the government had misled voters") == "Michael Anstey"


def test_a_place_in_a_title_is_no_body_a_partys_description_rules_out(extract_text):
    brief = extract_text("New York Senator Charles Shuman said the tapes were probably stolen. \"Baggage handlers "
                         "should have background checks,\" the Democrat senator said.")
    assert speaker_named(brief, "Baggage handlers") == "Charles Shuman"


def test_who_a_description_means_may_be_what_the_words_call_them(extract_text):
    brief = extract_text("Dan Grewer kicked Dwayne Peel in the first half. Six years earlier, Grewer became only "
                         "the second England player to be sent off.\n\n"
                         "The player himself has said that the clash was an accident.")
    assert speaker_named(brief, "the clash was an accident") == "Dan Grewer"


def test_the_place_a_member_of_parliament_sits_for_is_no_speaker(extract_text):
    # the model tags "Birkenhead" as a person: what an MP sits "for" is a constituency
    brief = extract_text('Frank Field said the rift was bad. "Is he strong enough?" the Labour MP for Birkenhead '
                         'asked. He added that the party was split.')
    assert {s.name for s in brief.speakers} == {"Frank Field"}
    assert len(brief.claims) == 3


def test_a_named_persons_agent_is_someone_else(extract_text):
    brief = extract_text("Craig Bellamy joined Celtic on loan. Bellamy's agent said the move was the right one.")
    claim = brief.claims[0]
    assert claim.speaker is None and claim.speaker_mention.text == "Bellamy's agent"
