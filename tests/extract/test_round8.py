"""Speakers on news nobody tuned to (issue 22, round 8): an age after a quote, a state's body
named by its country, a lawsuit speaking for whoever brought it."""

from conftest import speakers_by_text as speakers


def test_an_age_after_a_quote_is_the_speakers_description_not_a_year(extract_text):
    text = ('Former Arsenal captain Tom Hale, who now plays in Qatar, says the club has changed. '
            '"Mentally they are much stronger," the 36-year-old said.')
    brief = extract_text(text)
    quote = next(c for c in brief.claims if c.text.startswith('"Mentally'))
    assert quote.speaker_mention.text == "the 36-year-old"
    assert speakers(brief)[quote.text] == "Tom Hale"


def test_a_state_body_named_by_its_country_is_named_so_and_keeps_the_name(extract_text):
    text = ('Libya has withdrawn $1bn in assets from the US, the Libyan central bank has said. '
            'The original size of the funds was $400m, the central bank told Reuters.')
    got = speakers(extract_text(text))
    assert set(got.values()) == {"Libyan central bank"}
    assert len(got) == 2


def test_a_state_body_of_several_countries_and_of_a_possessive_country(extract_text):
    text = ("The German and Danish governments argue that the name is generic. "
            "Australia's competition watchdog said it would look into the deal.")
    got = speakers(extract_text(text))
    assert got["the name is generic"] == "German and Danish governments"
    assert got["it would look into the deal"] == "Australia's competition watchdog"


def test_a_party_or_a_passing_word_is_no_country(extract_text):
    text = ("The Conservative government said taxes would fall. "
            "The new Indian government said it would review the sale.")
    got = speakers(extract_text(text))
    assert got["taxes would fall"] is None
    assert got["it would review the sale"] == "Indian government"


def test_plural_regulators_stay_a_group(extract_text):
    got = speakers(extract_text("UK regulators said the drug was safe."))
    assert got["the drug was safe"] is None


def test_a_lawsuit_speaks_for_whoever_is_suing(extract_text):
    text = ('Actor Bruce Willis is suing Revolution Studios over an injury on set. '
            'The lawsuit said the star has endured mental and physical injuries.')
    got = speakers(extract_text(text))
    assert got["the star has endured mental and physical injuries"] == "Bruce Willis"


def test_a_lawsuit_speaks_for_whoever_filed_the_suit(extract_text):
    text = ('Thomas Slattery filed the suit in the US District Court in San Jose. '
            '"Apple has turned an open standard into an artifice," the lawsuit said.')
    got = speakers(extract_text(text))
    assert got['"Apple has turned an open standard into an artifice,"'] == "Thomas Slattery"


def test_a_person_who_filed_a_lawsuit_stays_a_person(extract_text):
    text = ('Thomas Slattery filed the suit in the US District Court in San Jose. '
            '"Apple has turned an open standard into an artifice," the lawsuit said.')
    brief = extract_text(text)
    kinds = {s.name: s.kind for s in brief.speakers}
    assert kinds["Thomas Slattery"] == "person"


def test_a_participle_of_saying_is_a_second_claim_of_the_same_speaker(extract_text):
    brief = extract_text("Novartis said it would merge a number of departments, adding that there may be job cuts.")
    got = speakers(brief)
    assert got == {"it would merge a number of departments": "Novartis", "there may be job cuts": "Novartis"}


def test_a_participle_before_a_quote_leaves_the_quote_its_own_claim(extract_text):
    text = ('Lewis Champion said Ford did not deserve any credit for his plea, saying: '
            '"Nothing at all is worth taking five years off a murder sentence."')
    got = speakers(extract_text(text))
    assert got["Ford did not deserve any credit for his plea"] == "Lewis Champion"
    assert got['"Nothing at all is worth taking five years off a murder sentence."'] == "Lewis Champion"


def test_one_pronoun_is_one_speaker_for_both_its_claims(extract_text):
    text = ('Tony Blair met the families on Wednesday. Gerry Conlon was one of the four. '
            'He said Mr Blair had spoken with "such sincerity", adding: "He went beyond what we thought he would."')
    got = speakers(extract_text(text))
    assert got['Mr Blair had spoken with "such sincerity"'] == "Gerry Conlon"
    assert got['"He went beyond what we thought he would."'] == "Gerry Conlon"


def test_what_was_said_goes_on_after_a_cue_in_its_middle(extract_text):
    text = ("Sri Lanka faces a bill of $1.3bn. This estimate is preliminary, bank governor Sunil Mendis "
            "told reporters, and could rise in 2006.")
    brief = extract_text(text)
    assert [c.text for c in brief.claims] == [
        "This estimate is preliminary, bank governor Sunil Mendis told reporters, and could rise in 2006"]
    assert speakers(brief)[brief.claims[0].text] == "Sunil Mendis"


def test_an_action_after_a_cue_in_the_middle_is_not_what_was_said(extract_text):
    brief = extract_text("The deal is good for workers, Tom Hale said on Monday, and then left the room.")
    assert all("left the room" not in c.text for c in brief.claims)


def test_a_role_shares_its_head_not_just_a_modifier(extract_text):
    text = ("Plans to overhaul policing were unveiled by David Blunkett on Tuesday. "
            "The home secretary said targets would be put in place. "
            "But Lib Dem home affairs spokesman Mark Oaten said the plans were thin.")
    got = speakers(extract_text(text))
    assert got["targets would be put in place"] == "David Blunkett"
    assert got["the plans were thin"] == "Mark Oaten"


def test_a_bodys_name_closing_the_subject_phrase_is_the_speaker(extract_text):
    text = ("Ukraine may review the sale of the steel mill. "
            "One of the jilted bidders, Netherlands-based group LNM, said it welcomed the possibility.")
    got = speakers(extract_text(text))
    assert got["it welcomed the possibility"] == "LNM"


def test_a_persons_role_with_a_body_in_apposition_stays_the_person(extract_text):
    text = "The chief executive of the bank, Tom Hale, said profits would rise."
    assert speakers(extract_text(text))["profits would rise"] == "Tom Hale"


def test_its_central_bank_is_the_central_bank_of_the_country_its_sentence_is_about(extract_text):
    text = "Thailand faces a huge bill for reconstruction after the floods, its central bank says."
    got = speakers(extract_text(text))
    assert got["Thailand faces a huge bill for reconstruction after the floods"] == "Thailand's central bank"


def test_they_goes_on_with_the_speaker_not_a_body_inside_what_was_reported(extract_text):
    text = ("The Tories say people fleeing persecution will not be denied sanctuary in Britain. "
            "They claim government figures show that TB in England has increased by 25% over ten years. "
            "They say the plans will protect access to the NHS.")
    got = speakers(extract_text(text))
    assert got["the plans will protect access to the NHS"] == "Conservative Party"
