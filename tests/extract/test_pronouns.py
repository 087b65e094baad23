"""'he'/'she' bound by evidence (pronouns.py): the person in view, never one named inside the words
the claim reports, never a body or a place."""

import pytest

from conftest import speakers_by_text as speakers


def test_he_is_the_reporter_not_the_person_named_in_what_was_reported(extract_text):
    text = ('Tom Hale said Peter Marsh would have to resign within a week. '
            '"It is over for him," he said.')
    assert speakers(extract_text(text))['"It is over for him,"'] == "Tom Hale"


def test_he_is_never_someone_named_inside_the_claim_itself(extract_text):
    text = ('Peter Marsh faces a confidence vote next week. Tom Hale spoke to reporters on Sunday. '
            'Mr Marsh has lost none of his hunger for the job, he said.')
    assert speakers(extract_text(text))["Mr Marsh has lost none of his hunger for the job"] == "Tom Hale"


def test_a_person_introduced_as_a_by_agent(extract_text):
    text = ('The offer was welcomed on Tuesday by union leader Jack Dunn. '
            '"It is a fair deal for every member," he said.')
    assert speakers(extract_text(text))['"It is a fair deal for every member,"'] == "Jack Dunn"


def test_a_person_introduced_outside_subject_position(extract_text):
    text = ('Most analysts expect prices to fall. One dissenting view came from Brian Cole, head of research '
            'at the consultancy Datalink. He said: "Prices will rise again before the summer."')
    assert speakers(extract_text(text))['"Prices will rise again before the summer."'] == "Brian Cole"


def test_he_is_a_person_not_a_club(extract_text):
    text = ('Coach Dan Ross watched as Leeds United lost at home again on Saturday. '
            '"We were poor from the first minute," he said.')
    assert speakers(extract_text(text))['"We were poor from the first minute,"'] == "Dan Ross"


def test_it_is_never_a_body_named_inside_its_own_claim(extract_text):
    text = ('Northwind Bank reported its results on Monday. Eastgate Bank has lost customers all year, '
            'it said.')
    assert speakers(extract_text(text))["Eastgate Bank has lost customers all year"] == "Northwind Bank"


def test_a_he_with_no_one_named_before_is_the_person_named_next(extract_text):
    brief = extract_text("But he denied that he was ruling out membership of the euro this year. "
                         "Mr Gordon Brown said that it was vital to invest in science.")
    by_id = {s.id: s.name for s in brief.speakers}
    assert [by_id.get(c.speaker) for c in brief.claims] == ["Gordon Brown", "Gordon Brown"]


def test_a_he_with_someone_named_before_never_looks_ahead(extract_text):
    brief = extract_text("The committee met Ms Ann Lee on Monday. But he denied that the plan was dead. "
                         "Mr Gordon Brown said that it was vital to invest in science.")
    by_id = {s.id: s.name for s in brief.speakers}
    assert by_id.get(brief.claims[0].speaker) != "Gordon Brown"


def test_a_he_no_person_fits_is_the_one_word_speaker_before_the_model_took_for_a_body(extract_text):
    brief = extract_text("The software is in development. Sloncek said a Windows version was planned. "
                         "He said that costs would be paid by adverts.")
    kinds = {s.name: s.kind for s in brief.speakers}
    assert kinds == {"Sloncek": "person"}
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if "adverts" in c.text)
    assert by_id[claim.speaker] == "Sloncek"


@pytest.mark.parametrize("speaker", ["IBM", "The Department", "The Tories"])
def test_initials_a_bodys_noun_or_a_plural_are_no_he(extract_text, speaker):
    brief = extract_text(f"The software is in development. {speaker} said a Windows version was planned. "
                         "He said that costs would be paid by adverts.")
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if "adverts" in c.text)
    assert claim.speaker is None or by_id[claim.speaker] not in ("IBM", "Department", "Tories")
    assert all(s.kind != "person" for s in brief.speakers)


def test_a_form_of_address_in_a_role_gives_no_gender(extract_text):
    text = ("But Louise Christian, the lawyer representing Mr Abbasi and Mr Mubanga, said the families would "
            "be reunited. Louise Christian said the arrest was unfair. She told BBC News she remained concerned.")
    assert speakers(extract_text(text))["she remained concerned"] == "Louise Christian"


def test_she_after_a_long_quote_is_who_spoke_it(extract_text):
    quote = " ".join(f'"Point {n} of the plan is simple and it matters a great deal to everyone."' for n in range(9))
    text = (f'Trade Secretary Patricia Hewlett said the pay gap was wrong. Earlier, she told the Today programme: '
            f'{quote}\n\nShe added that while progress had been made, there was still a gap in pay.')
    assert speakers(extract_text(text))["while progress had been made, there was still a gap in pay"] == \
        "Patricia Hewlett"


def test_a_chairman_may_be_a_woman(extract_text):
    # British papers call women "chairman": the word says nothing of gender, "she" still finds her
    text = ('Mr Hockney said the law was clear. UKIP chairman Petrina Holdsworth urged the men to step down. '
            'She said: "The party has taken legal advice."')
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "legal advice" in c.text)
    assert brief.speaker(claim.speaker).name == "Petrina Holdsworth"


def test_a_name_tagged_as_a_body_whose_apposition_is_a_role_is_a_person(extract_text):
    text = ("The Turkish economics minister, Ali Babacan, said the two sides had agreed. Rodrigo de Rato, the IMF's "
            "managing director, said the deal would help. \"I believe the programme will help,\" he said.")
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "I believe" in c.text)
    assert (brief.speaker(claim.speaker).name, brief.speaker(claim.speaker).kind) == ("Rodrigo de Rato", "person")


def test_a_name_after_the_role_it_is_in_apposition_with_is_a_person(extract_text):
    text = ('Kostas Panagopoulos said it had not been proven. Kenteris\'s lawyer, Gregory Ioannidis, said: '
            '"The decision means Mr Kenteris has been exonerated."')
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "exonerated" in c.text)
    assert (brief.speaker(claim.speaker).name, brief.speaker(claim.speaker).kind) == ("Gregory Ioannidis", "person")


def test_a_surname_that_is_also_a_stop_word_is_someone_she_can_mean(extract_text):
    # "May" is one of spaCy's stop words: a subject written so inside a sentence is still a name
    text = ("Mr Parton said he had been told by Children's Minister Margaret Hodge there was not enough time to "
            "pass the bill through parliament before the general election, which is likely to take place in May."
            "\n\nThe Conservatives have called for an equal split between parents on access to be made law. "
            "Theresa May, shadow secretary for the family, told BBC Radio 4's Today programme that the "
            "government's plans were \"inadequate\" and were \"papering over the cracks of the current system\". "
            "She said a Conservative government would bring a \"radical reform\" of the family courts.")
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "radical reform" in c.text)
    assert brief.speaker(claim.speaker).name == "Theresa May"
