"""How articles use a name (generator/link/usage.py), on sentences of our own."""

from generator.link.people import GIVEN_NAMES
from generator.link.usage import is_company, is_person, is_seat, never_speaks


def test_a_name_only_after_place_prepositions_is_a_place():
    texts = ["Thousands of fans waited at Hollowmere on Sunday. Police at Hollowmere said the crowd was calm.",
             "The replay in Hollowmere ended late."]
    assert never_speaks("Hollowmere", texts) == "place"


def test_a_name_only_made_or_watched_is_a_work():
    texts = ["The director behind Nightglass said the studio had changed. Critics loved the film Nightglass."]
    assert never_speaks("Nightglass", texts) == "work"
    assert never_speaks("Nightglass", ["He directed Nightglass in a month."]) == "work"


def test_one_use_as_a_speaker_keeps_the_name():
    # a subject, a title, a given name: any one of them, in any of its articles, is a speaker's use
    place = "Analysts at Brindle were surprised."
    assert never_speaks("Brindle", [place, "Brindle said profits rose."]) is None
    assert never_speaks("Brindle", [place, "Her lawyer, Mr Brindle, disagreed."]) is None
    assert never_speaks("Brindle", [place, "Anna Brindle was there."]) is None
    # "according to", "a statement from": prepositions that name a speaker
    assert never_speaks("Brindle", ["It grew, according to Brindle, and a statement from Brindle agreed."]) is None
    assert never_speaks("Calder Street", ["He lives in Calder Street."]) is None  # one word only
    assert never_speaks("Brindle", []) is None


def test_seats_of_government_are_bodies_not_people():
    assert is_seat("Calder Street") and is_seat("Orland Palace")
    assert not is_seat("Calder") and not is_seat("Debra Hill") and not is_seat("Street")


def test_a_given_name_and_surname_after_a_job_or_before_a_pronoun_is_a_person():
    assert is_person("Jean-Marc Delorme", "Rugby coach Jean-Marc Delorme has named his side.", GIVEN_NAMES)
    assert is_person("Peter Vannick", "Peter Vannick said he would stay on.", GIVEN_NAMES)
    # a company's noun before it, a preposition, or no given name: not a person
    assert not is_person("Thomas Crane", "Travel firm Thomas Crane said sales rose.", GIVEN_NAMES)
    assert not is_person("Thomas Crane", "Shares in Thomas Crane rose.", GIVEN_NAMES)
    assert not is_person("Orland Palace", "A spokesman for Orland Palace said he was pleased.", GIVEN_NAMES)


def test_a_one_word_name_after_a_company_noun_or_before_its_shares_is_a_company():
    assert is_company("Vantrex", "Software supplier Vantrex said sales rose.")
    assert is_company("Vantrex", "Vantrex shares fell 3%.")
    assert not is_company("Vantrex", "Vantrex said he had resigned from the board.")
    assert not is_company("Ola Vantrex", "Software supplier Ola Vantrex said sales rose.")
