"""The subject of a cue (tree.py): a dateline opening the paragraph is none."""


def test_a_dateline_is_not_the_subject(extract_text):
    brief = extract_text('PARIS (Reuters) - Energy minister Henri Dupuis said on Friday the plant would close '
                         'by the end of the year.')
    by_id = {s.id: s.name for s in brief.speakers}
    [claim] = brief.claims
    assert by_id.get(claim.speaker) == "Henri Dupuis"


def speakers_of(brief) -> dict[str, str | None]:
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_a_name_the_parse_hung_on_a_noun_before_is_the_subject(extract_text):
    # the parse makes "John Smith" an apposition of "plea" and leaves "said" with no subject
    brief = extract_text('The hacker pleaded guilty on Tuesday. As part of his plea, John Smith, 44, said that he '
                         'had stolen nearly 200 passwords from his flat abroad.')
    assert speakers_of(brief) == {"he had stolen nearly 200 passwords from his flat abroad": "John Smith"}


def test_a_name_before_a_participle_between_commas_is_the_subject(extract_text):
    brief = extract_text('The talks stalled after Ms Okafor, asked about the delay by reporters, had said that the '
                         'unions were to blame.')
    # the clause before the cue holds its speaker: not what was said
    assert speakers_of(brief) == {"the unions were to blame": "Okafor"}


def test_a_name_after_a_stop_the_splitter_missed_is_the_subject(extract_text):
    brief = extract_text("The machine needs far more memory than one for a PhD. Anil Varma, one of the professor's "
                         "graduate students, says that the design must never break.")
    [claim] = brief.claims
    assert speakers_of(brief)[claim.text] == "Anil Varma"
    assert claim.speaker_mention.text == "Anil Varma"


def test_a_name_after_a_closing_quote_is_the_subject(extract_text):
    brief = extract_text('"We will win the next election," John Smith, 44, said.')
    assert list(speakers_of(brief).values()) == ["John Smith"]


def test_no_name_is_taken_from_a_clause_or_a_phrase_of_its_own(extract_text):
    # after a preposition, inside an aside with a verb of its own, or a list that is the content
    assert speakers_of(extract_text("The company, owned by Rupert Murdoch, said profits were up.")) \
        == {"profits were up": None}
    assert speakers_of(extract_text("Britain, France and Germany were wrong to sign, said Mr Smith.")) \
        == {"Britain, France and Germany were wrong to sign": "Smith"}
    assert speakers_of(extract_text("We need help from Britain, France and Germany, said Jean Dupont.")) \
        == {"We need help from Britain, France and Germany": "Jean Dupont"}
    assert speakers_of(extract_text("The team flew to Lagos, Nigeria, and said the trip was a success.")) \
        == {"the trip was a success": None}


def test_a_name_the_parse_split_from_its_description_is_the_subject(extract_text):
    # the parse makes both "giant" and "Exxon" subjects of "said"
    brief = extract_text("US oil giant Exxon said on Monday that its profits had doubled.")
    assert list(speakers_of(brief).values()) == ["Exxon"]
