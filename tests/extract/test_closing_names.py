"""A name closing a title's phrase right before the verb, and bodies behind their people and reports."""


def speakers_of(brief) -> dict[str, str | None]:
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_a_name_closing_a_long_title_is_the_speaker(extract_text):
    # the model tags "Sport Peter Vane" as one person: the word after "and" ends the title
    brief = extract_text("Minister for Culture, Media and Sport Peter Vane said the new plans would "
                         "ensure every club is paid.")
    assert list(speakers_of(brief).values()) == ["Peter Vane"]


def test_a_name_between_commas_after_a_lower_case_title_is_the_speaker(extract_text):
    # the parse hangs the name on the body's name as an adverbial, not as an apposition
    brief = extract_text("But director of the Victims of Crime Trust, Norman Hale, accused the judge "
                         "of having contempt for victims.")
    assert list(speakers_of(brief).values()) == ["Norman Hale"]


def test_a_police_force_named_by_its_place_is_a_body(extract_text):
    brief = extract_text("North Wessex police confirmed they had arrested a 45-year-old man on Monday.")
    assert list(speakers_of(brief).values()) == ["North Wessex Police"]
    brief = extract_text("Police said they had arrested a 45-year-old man on Monday.")
    assert list(speakers_of(brief).values()) == [None]


def test_researchers_and_reports_of_a_body_speak_for_it(extract_text):
    brief = extract_text("But researchers from Greyfield University warned that the new officers could "
                         "undermine trust.")
    assert list(speakers_of(brief).values()) == ["Greyfield University"]
    brief = extract_text("According to reports from the Xinhua news agency, the deal should go through "
                         "in the next two months.")
    [name] = speakers_of(brief).values()
    assert name is not None and name.startswith("Xinhua")


def test_a_name_after_a_title_is_a_person_whatever_the_model_tags_it(extract_text):
    # the model tags the hyphenated surname alone, as a body
    brief = extract_text("Billions of pounds spent on war should have been used to reduce poverty, Cardinal "
                         "Cormac Murphy-O'Connor has said. The cardinal said 2005 should be the year for "
                         "campaigning.")
    assert list(speakers_of(brief).values()) == ["Cormac Murphy-O'Connor", "Cormac Murphy-O'Connor"]


def test_a_body_named_after_a_documents_noun_speaks_only_after_for_of_at_from_by_or_within(extract_text):
    brief = extract_text("Lord Butler's report earlier this year into Iraq intelligence said the dossier did "
                         "not make the limits of the intelligence clear.")
    assert list(speakers_of(brief).values()) == ["Butler"]
    brief = extract_text("Sources within the Green Party said the leader would stand down next year.")
    assert list(speakers_of(brief).values()) == ["Green Party"]


def test_a_report_in_a_newspaper_is_the_newspapers_but_people_in_a_place_are_no_government(extract_text):
    brief = extract_text("A weekend report in the Daily Telegraph said the firm would be sold.")
    assert list(speakers_of(brief).values()) == ["Daily Telegraph"]
    brief = extract_text("Music industry bosses in Norway said the service was illegal.")
    assert list(speakers_of(brief).values()) == [None]


def test_a_country_in_capitals_is_no_pronoun(extract_text):
    assert list(speakers_of(extract_text("The US says it will let market forces set the dollar's strength."))
                .values()) == ["US"]
    assert list(speakers_of(extract_text('"Give us time to look at the plans," we said.')).values()) == [None]
