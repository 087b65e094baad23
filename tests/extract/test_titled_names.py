"""A person named after (or before) a title is the speaker, however the parse hangs the name:
'said Acme president and chief executive Ann Lee', 'Chairman of the X Committee Ann Lee MP, said',
'At the fair in Paris Acme boss Ann Lee said'."""

import pytest


def speaker_of(brief, words):
    claim = next((c for c in brief.claims if words in c.text), None)
    assert claim is not None, (words, [c.text for c in brief.claims])
    return brief.speaker(claim.speaker).name if claim.speaker else None


@pytest.mark.parametrize("text, words, name", [
    ('"Our results are strong," said Vortex president and chief executive Martin Hale. "We are growing."',
     "Our results are strong", "Martin Hale"),
    ('Chairman of the Rural Affairs Committee John Hammond MP, said: "The scheme has failed farmers."',
     "The scheme has failed farmers", "John Hammond"),
    ('At the trade fair in Berlin Vortex boss Martin Hale said the new phone would ship in May.',
     "the new phone would ship in May", "Martin Hale"),
])
def test_a_titled_name_is_the_speaker(extract_text, text, words, name):
    assert speaker_of(extract_text(text), words) == name


def test_a_title_and_another_person_are_two(extract_text):
    text = 'The plan will work, said the president and Martin Hale.'
    assert speaker_of(extract_text(text), "The plan will work") != "Martin Hale"


@pytest.mark.parametrize("text", [
    'The new head of the Law Society, Guy Fenwick QC warned there was a real risk that the reforms would fail.',
    'The former chairman of the Bar Council, Robert Hale QC warned there was a real risk that the reforms would fail.',
    'The new chairman of the Bar Council, Giles Fairfax QC warned there was a real risk that the reforms would fail.',
])
def test_a_name_with_a_title_after_it_set_off_after_a_description_is_a_person(extract_text, text):
    assert speaker_of(extract_text(text), "the reforms would fail") in ("Guy Fenwick", "Robert Hale", "Giles Fairfax")


@pytest.mark.parametrize("text, words, name", [
    ("Cardinal Aldo Ferrante has said the war was wrong. Archbishop Rowan Hale agreed. On Friday, the Cardinal "
     "told the congregation that peace was possible.", "peace was possible", "Aldo Ferrante"),
    ("Chancellor Gordon Mabey spoke in Leeds. Michael Hart attacked him. The Chancellor said taxes would not rise.",
     "taxes would not rise", "Gordon Mabey"),
])
def test_a_title_the_article_gave_a_person_is_that_person_alone(extract_text, text, words, name):
    assert speaker_of(extract_text(text), words) == name


def test_a_title_nobody_carries_before_it_stays_a_body(extract_text):
    brief = extract_text("The Economist said growth would slow. Economist Jim Smith agreed.")
    assert speaker_of(brief, "growth would slow") == "The Economist"


def test_a_member_of_a_parliament_tagged_as_a_body_is_the_person(extract_text):
    brief = extract_text("Ex-chat show host Robert Kilroy-Silk has quit the UK Independence Party.\n\n"
                         "The MEP said he was ashamed to have joined the party.")
    assert speaker_of(brief, "he was ashamed to have joined the party") == "Robert Kilroy-Silk"


def test_an_apposition_of_two_names_the_model_tagged_as_nothing_names_the_titled_subject(extract_text):
    brief = extract_text('The Shadow Secretary of State for the Family, Theresa May, said: "These plans were '
                         'announced by Gordon Brown in December." She said the Conservatives would announce their '
                         'own plans.')
    assert speaker_of(brief, "These plans were announced") == "Theresa May"
    assert speaker_of(brief, "the Conservatives would announce") == "Theresa May"
