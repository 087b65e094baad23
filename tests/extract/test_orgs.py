"""Speakers are people and bodies by their canonical names: unnamed sources, spokespeople of a
body, acronyms, "the firm", names cleaned of titles."""

import pytest


def speaker_of(brief, words):
    claim = next((c for c in brief.claims if words in c.text), None)
    assert claim is not None, (words, [c.text for c in brief.claims])
    return brief.speaker(claim.speaker).name if claim.speaker else None, claim


@pytest.mark.parametrize("sentence, mention", [
    ("Analysts said the shares were likely to fall further.", "Analysts"),
    ("Critics warned that the scheme would cost far more than planned.", "Critics"),
    ("Some fans said the shares were likely to fall further.", "Some fans"),
    ("One expert said the shares were likely to fall further.", "One expert"),
])
def test_a_generic_group_is_an_unnamed_source(extract_text, sentence, mention):
    brief = extract_text(sentence)
    name, claim = speaker_of(brief, "")
    assert name is None and brief.speakers == []
    assert claim.speaker_mention.text == mention


@pytest.mark.parametrize("sentence, body", [
    ("A BBC spokesman said the programme would return in the spring.", "BBC"),
    ("Pentagon officials said the contract would be offered to other firms.", "Pentagon"),
    ("A spokeswoman for Tesco said the stores would stay open over Easter.", "Tesco"),
])
def test_a_spokesperson_speaks_for_the_body(extract_text, sentence, body):
    name, _ = speaker_of(extract_text(sentence), "")
    assert name == body


def test_an_acronym_is_its_long_form(extract_text):
    text = ("The Food and Drug Administration is under pressure over the painkiller. "
            "The FDA said it would set up a new board to watch over drug safety.")
    name, _ = speaker_of(extract_text(text), "new board")
    assert name == "Food and Drug Administration"


def test_the_firm_is_the_company_the_article_is_about(extract_text):
    text = ("Parmalat has sued dozens of banks, Reuters reported. Parmalat's case against Citigroup "
            "was heard first. The firm said it was preparing more law suits.")
    name, claim = speaker_of(extract_text(text), "more law suits")
    assert name == "Parmalat" and claim.speaker_mention.text == "The firm"


def test_the_firm_with_no_company_named_is_no_speaker(extract_text):
    name, claim = speaker_of(extract_text("The firm said it was preparing more law suits."), "law suits")
    assert name is None and claim.speaker_mention.text == "The firm"


@pytest.mark.parametrize("sentence, name", [
    ("Lt Col Eric Sandler of the PCO said the withdrawal had been agreed.", "Eric Sandler"),
    ("Rory O'Neill, the editor of the magazine, said the rules were ignored.", "Rory O'Neill"),
])
def test_names_are_clean(extract_text, sentence, name):
    got, _ = speaker_of(extract_text(sentence), "")
    assert got == name


@pytest.mark.parametrize("text, body", [
    ("The Department for Education and Skills would not comment on the figures. "
     "A spokesman said the figures were out of date.", "Department for Education and Skills"),
    ("The Department for Culture, Media and Sport said the minister had not seen the letter.",
     "Department for Culture, Media and Sport"),
    ("The Institute of Directors and Unison said the plan would fail.", "Institute of Directors"),
])
def test_a_body_name_cut_at_and_is_whole(extract_text, text, body):
    """'the Department for Education and Skills': the words after 'and' are part of the name the
    model cut short; 'X and Unison' are two bodies."""
    brief = extract_text(text)
    name, _ = speaker_of(brief, "the ")
    assert name == body


def test_a_name_opening_a_sentence_keeps_its_first_word(extract_text):
    """'Downing Street said': a proper noun opening the sentence that the article never writes in
    lower case is part of the name ('Street' alone is nobody)."""
    name, _ = speaker_of(extract_text("Downing Street said the reports were idle speculation."), "reports")
    assert name == "Downing Street"


def test_a_body_named_with_a_data_word_is_a_speaker(extract_text):
    """'say analysts Forrester Research': a name with 'Research' in it is a body, not a finding."""
    brief = extract_text("The popularity of mobile phones has meant that many are giving up landlines, "
                         "say analysts Forrester Research.")
    name, _ = speaker_of(brief, "popularity")
    assert name == "Forrester Research"


@pytest.mark.parametrize("text, body", [
    ("The UK Independence Party has lost a member. UKIP said the defection did not matter.", "UK Independence Party"),
    ("Questions were asked of the Office of Rail Safety Review (ORSR), the regulator. Stung by the criticism, "
     "the ORSR said that the trains were safe.", "Office of Rail Safety Review"),
    ("The Food Standards Agency issued a warning. The FSA said on Tuesday that the dye was unsafe.",
     "Food Standards Agency"),
])
def test_an_acronym_is_the_name_the_article_spells_out(extract_text, text, body):
    """A word in capitals inside the long form counts whole ('UK Independence Party' is UKIP);
    an acronym the model tags as no body is spelt out too; 'The FSA' is no long form of FSA."""
    name, _ = speaker_of(extract_text(text), "the ")
    assert name == body


def test_officials_of_a_body_named_by_its_common_noun_speak_for_the_one_body_it_ends(extract_text):
    text = ("The European Commission has fined a software maker on Monday. Commission officials said the firm "
            "had abused its power. A Government spokesman said ministers would study the ruling.")
    brief = extract_text(text)
    by_id = {s.id: s.name for s in brief.speakers}
    assert [by_id.get(c.speaker) for c in brief.claims] == ["European Commission", None]


def _names(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return [by_id.get(c.speaker) for c in brief.claims]


def test_a_name_with_a_company_as_its_apposition_is_the_company(extract_text):
    text = ("Regulators fined Tarvex, a Texas-based company, on Monday for falsifying its accounts. "
            "The Financial Services Authority said the fine was a warning. The company said it had changed.")
    assert _names(extract_text(text))[-1] == "Tarvex"


def test_the_company_is_never_a_body_of_the_state(extract_text):
    text = ("The Financial Services Authority fined a bank on Monday. The Financial Services Authority said "
            "the fine was a warning. The company said it would appeal.")
    assert _names(extract_text(text)) == ["Financial Services Authority", None]


def test_a_noun_for_people_labels_a_group_as_written(extract_text):
    # "artists Gilbert & George" (tagged as a body) are "the artists", never "the artist"
    text = ('Tom Reid runs the gallery. It bought a work by artists Gilbert & George last year. '
            '"It is a gift to the city," the {} said.')
    assert speaker_of(extract_text(text.format("artists")), "a gift")[0] == "Gilbert & George"
    assert speaker_of(extract_text(text.format("artist")), "a gift")[0] != "Gilbert & George"


def test_an_acronym_names_its_company_in_full(extract_text):
    text = ('Cable firm XYT Communications reported record profits on Monday. '
            'XYT said it would hire 2,000 more engineers.')
    assert speaker_of(extract_text(text), "it would hire 2,000")[0] == "XYT Communications"


def test_a_short_name_is_not_its_arm_in_a_region(extract_text):
    text = ('The chief executive of Sanyota Europe said sales rose. '
            'Sanyota said it would open three new plants.')
    assert speaker_of(extract_text(text), "it would open three new plants")[0] == "Sanyota"


def test_a_short_name_is_its_name_of_a_place(extract_text):
    text = ('Shares in Clydesdale Bank of Europe rose on Monday. '
            'Clydesdale said it would hire 2,000 more staff.')
    assert speaker_of(extract_text(text), "it would hire 2,000")[0] == "Clydesdale Bank of Europe"


def test_a_short_form_defined_in_brackets_is_the_body_whatever_its_letters(extract_text):
    # "Apacs" is no initialism of the name (no "and"), but the brackets define it; the model's
    # entity runs into the bracket, which is no part of the name
    brief = extract_text("Card fraud fell last year, the Association for Payment Clearing Services (Apacs) said. "
                         "Banks were pleased. Apacs said chip and pin cards had helped.")
    assert speaker_of(brief, "Card fraud")[0] == "Association for Payment Clearing Services"
    assert speaker_of(brief, "chip and pin")[0] == "Association for Payment Clearing Services"
    assert [s.kind for s in brief.speakers] == ["organisation"]


def test_a_bracket_that_abbreviates_nothing_defines_nothing(extract_text):
    brief = extract_text("Fund manager Jo Rank (Reuters) said the shares would fall. Reuters said it would rise.")
    assert speaker_of(brief, "would rise")[0] == "Reuters"


def test_an_acronym_written_as_a_word_is_the_long_form_the_article_names(extract_text):
    brief = extract_text("The Higher Education Funding Council for England said more people went to university. "
                         "But the share of poorer students hardly changed, said its chief executive, Sir Howard "
                         "Newby.\n\nThe Hefce report, drawing on benefits data, said richer teenagers did better.")
    assert speaker_of(brief, "richer teenagers")[0] == "Higher Education Funding Council for England"


def test_a_company_name_the_model_reads_as_a_nationality_and_a_noun(extract_text):
    # "Swiss" is tagged as a people's word, "Re" as a common noun (and a stop word)
    brief = extract_text("A string of storms made 2004 the most expensive year for insurers, according to Swiss Re. "
                         "The world's second biggest insurer said claims reached $42bn. \"2004 reinforces the trend,\" "
                         "said Swiss Re. Packed populations were partly to blame, it said.")
    assert [brief.speaker(c.speaker).name if c.speaker else None for c in brief.claims] == ["Swiss Re"] * 4
    assert [s.kind for s in brief.speakers] == ["organisation"]


def test_a_short_form_stands_for_the_words_it_abbreviates_not_the_whole_capitalised_run(extract_text):
    # the model tags only "Leisure Software Publishers Association", and "Chart-Track for the" runs on before it
    brief = extract_text("Figures were compiled by Chart-Track for the Entertainment and Leisure Software Publishers "
                         "Association (Elspa). Electronic Arts had 9 games in the top 20. Elspa noted that sales of "
                         "Xbox games rose 37.9% during the year.")
    assert speaker_of(brief, "Xbox")[0] == "Entertainment and Leisure Software Publishers Association"
