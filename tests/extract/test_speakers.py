"""The people of an article (speakers.py and mentions.py): names cleaned, people found by apposition."""

import pytest


def names(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_a_dash_set_off_by_spaces_ends_a_name(extract_text):
    brief = extract_text('Investor Florian Kaul - Hansa Rostock\'s biggest creditor - said on Monday he wanted '
                         'a seat on the board. "I demand a say," he said.')
    assert all(" - " not in s.name for s in brief.speakers)
    assert names(brief)['"I demand a say,"'] == "Florian Kaul"


def test_a_hyphen_inside_a_name_stays(extract_text):
    brief = extract_text('Professor Robin Lovell-Badge said the results were very encouraging.')
    assert [s.name for s in brief.speakers] == ["Robin Lovell-Badge"]


def test_a_name_with_a_persons_apposition_is_a_person(extract_text):
    text = ('DJ Shadow Cat, a presenter on the station, says the album is the best of the decade. '
            '"Nobody else comes close," he adds.')
    brief = extract_text(text)
    assert [(s.name, s.kind) for s in brief.speakers] == [("DJ Shadow Cat", "person")]
    assert names(brief)['"Nobody else comes close,"'] == "DJ Shadow Cat"


def test_a_surname_that_is_also_a_word_stays_in_the_name(extract_text):
    # the model tags only the given name when the surname is a common word ("Heal", "Hope")
    brief = extract_text('Deputy Speaker Sylvia Heal agreed it was a concern but said nothing could be done '
                         'immediately.')
    assert list(names(brief).values()) == ["Sylvia Heal"]


def test_a_body_named_after_a_person_gains_no_surname(extract_text):
    brief = extract_text('Officials at the Bush Administration said the talks would resume. '
                         'Manager Harry Redknapp Monday said the club would not sell.')
    assert sorted(s.name for s in brief.speakers) == ["Bush Administration", "Harry Redknapp"]


def test_a_name_the_model_tags_as_places_word_by_word_is_a_person_by_its_apposition(extract_text):
    # the small model tags "Anand" and "Vemuri" as two places; "a graduate student" says who it is
    brief = extract_text('Anand Vemuri, a graduate student, says the design must never break. '
                         '"It has to withstand anything at all," he says.')
    assert set(names(brief).values()) == {"Anand Vemuri"}
    assert [s.kind for s in brief.speakers] == ["person"]


def test_one_of_a_group_of_people_is_a_person(extract_text):
    # "one of Prof Okoro's graduate students": the apposition is a number, the people its object;
    # the name after a stop the sentence splitter missed ("PhD.") opens its clause
    for name in ("Anand Vemuri", "Prasad Guntur", "Kiran Bhatla"):
        brief = extract_text(f"The machine needs more memory than one for a PhD. {name}, one of Prof Okoro's "
                             'graduate students, says the design must never break. "It has to withstand anything '
                             'at all," he says.')
        assert set(names(brief).values()) == {name}, name


def test_a_place_tagged_whole_stays_a_place(extract_text):
    brief = extract_text('New Zealand, the world champion, said the tour would go ahead. "It will be tough," he said.')
    assert [(s.name, s.kind) for s in brief.speakers] == [("New Zealand", "place")]


def test_an_article_the_model_took_into_a_name_is_no_part_of_it(extract_text):
    # the model tags "a Kiri Walters" as the person in "a Kiri Walters try"
    brief = extract_text('The match was decided by a Kiri Walters try that was ruled out by the referee. '
                         'Walters said he had grounded the ball.')
    assert names(brief) == {"he had grounded the ball": "Kiri Walters"}
    brief = extract_text('Talk was dominated by a Sam Hale goal in the last minute. '
                         '"It was the best goal of my life," Hale said.')
    assert list(names(brief).values()) == ["Sam Hale"]


@pytest.mark.parametrize("text, names", [
    ("Manchester United manager Louis van Gaal said the team had played well. Striker Ruud van Nistelrooy "
     "told reporters the result was fair. Van Gaal said he was pleased.",
     ["Louis van Gaal", "Ruud van Nistelrooy", "Louis van Gaal"]),
    ("Ursula von der Leyen said the deal was done. Coach Jan de Boer said the squad was ready.",
     ["Ursula von der Leyen", "Jan de Boer"]),
    # the model tags "Ursula von der" a person and "Leyen" a place: the apposition is still her name
    ("The Commission president, Ursula von der Leyen, said the deal was done. Coach Jan de Boer said the "
     "squad was ready.", ["Ursula von der Leyen", "Jan de Boer"]),
])
def test_names_with_particles_stay_whole_and_apart(extract_text, text, names):
    brief = extract_text(text)
    by_id = {s.id: s.name for s in brief.speakers}
    assert [by_id.get(c.speaker) for c in brief.claims] == names


def test_letters_after_a_name_are_no_part_of_it(extract_text):
    brief = extract_text("Labour backbencher Frank Fielding MP said the plan was unfair.")
    assert [s.name for s in brief.speakers] == ["Frank Fielding"]


def test_a_hyphened_noun_for_a_person_makes_no_company(extract_text):
    brief = extract_text("The final film may not suit young children, film-maker Jorge Lucan has said.\n\n"
                         "He told a US TV show that it would be the darkest of the series.")
    kinds = {s.name: s.kind for s in brief.speakers}
    assert kinds == {"Jorge Lucan": "person"}
    assert names(brief)["it would be the darkest of the series"] == "Jorge Lucan"


def test_a_hyphened_maker_of_things_is_still_a_company(extract_text):
    brief = extract_text("US chip-maker Intel said sales rose. Car maker Ford said sales fell.")
    assert {s.name: s.kind for s in brief.speakers} == {"Intel": "organisation", "Ford": "organisation"}


def test_a_peers_title_makes_a_person_of_one_word(extract_text):
    brief = extract_text("Speaking on the radio on Tuesday, Lord Browne said profits were not down to the oil "
                         'price alone. "The profits are up more than the price of oil is up," he said.')
    assert {s.name: s.kind for s in brief.speakers} == {"Browne": "person"}
    assert names(brief)['"The profits are up more than the price of oil is up,"'] == "Browne"


def test_a_name_tagged_as_a_body_is_a_persons_when_the_article_writes_mr_before_its_last_word(extract_text):
    brief = extract_text("For the Lib Dems, Vince Cable said the chancellor had failed to deal with the looming "
                         "problems.\n\nMr Cable said taxation as a share of the economy would go up.")
    assert {s.name: s.kind for s in brief.speakers} == {"Vince Cable": "person"}


def test_a_form_of_address_inside_a_body_tag_makes_a_person(extract_text):
    brief = extract_text("Mr Cable said taxation as a share of the economy would go up.")
    assert [(s.name, s.kind) for s in brief.speakers] == [("Cable", "person")]


def test_mr_before_a_one_word_body_tag_is_no_given_name(extract_text):
    brief = extract_text("Speaking on Monday, Mr Molyneux said the game was late. \"It will ship in May,\" he said.")
    assert [(s.name, s.kind) for s in brief.speakers] == [("Molyneux", "person")]
    assert names(brief)['"It will ship in May,"'] == "Molyneux"


def test_a_hyphened_surname_alone_is_no_full_name(extract_text):
    brief = extract_text("Ex-chat show host Robert Kilroy-Silk has quit the party. Mr Kilroy-Silk said the party "
                         "had betrayed its supporters.")
    assert [s.name for s in brief.speakers] == ["Robert Kilroy-Silk"]


def test_a_dash_set_off_by_spaces_joins_no_names(extract_text):
    brief = extract_text("'The new Maradona' - Carlos Tevez - is joining Corinthians. Tevez said he was "
                         "heading north in search of calm.")
    assert [s.name for s in brief.speakers] == ["Carlos Tevez"]
