from generator.extract.quotes import caption_spans, find_quotes, paragraph_spans


def texts(text, **kw):
    return [text[q.start:q.end] for q in find_quotes(text, **kw)]


def test_curly_straight_and_tex_marks():
    text = ('\u201cCurly ones work,\u201d she said. "Straight ones too," he said. '
            "``And the old TeX way,'' they said.")
    assert texts(text) == ['\u201cCurly ones work,\u201d', '"Straight ones too,"', "``And the old TeX way,''"]


def test_nested_single_quotes_stay_inside():
    text = 'He said: "They called it a \'historic mistake\' and we agree." Then he left.'
    assert texts(text) == ['"They called it a \'historic mistake\' and we agree."']


def test_quote_running_over_paragraphs():
    text = ('"The first paragraph of the speech goes on.\n\n'
            '"The second one as well.\n\n'
            '"And the third closes it," she said.\n\nAfter that, nothing.')
    [q] = find_quotes(text)
    assert q.start == 0 and text[q.end - 2:q.end] == ',"' and q.paragraphs == 3


def test_unbalanced_mark_never_swallows_the_article():
    text = ('He called it "a disgrace and walked out.\n\n'
            'Later, "we will appeal the ruling today," a lawyer said.\n\n'
            'More text follows here with "a short one" inside.')
    found = texts(text)
    assert '"we will appeal the ruling today,"' in found
    assert '"a short one"' in found
    assert all("\n\n" not in q for q in found)


def test_single_quotes_top_level_british_style():
    text = "The minister said the plan was \u2018a step too far for the country\u2019 and left. It\u2019s late."
    assert texts(text) == ["\u2018a step too far for the country\u2019"]


def test_paragraph_spans():
    text = "One.\n\nTwo two.\n \nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two two.", "Three."]


def test_captions_repeated_and_credit_lines():
    text = ('Body text here, said someone.\n\n'
            'The minister speaking in Paris on May 5.\n'
            'The minister speaking in Paris on May 5. AFP / Jane Photographer\n\n'
            'More body text.\n\n'
            'A crowd gathers outside the court (Photo: John Doe)\n\n'
            'End.')
    caps = [text[s:e] for s, e in caption_spans(text)]
    assert len(caps) == 2
    assert caps[0].startswith("The minister speaking") and caps[1].startswith("A crowd")


def test_quotes_in_captions_are_skipped():
    text = 'Caption "with a long quoted phrase in it" POOL / Some Body\n\n"A real quote of some length," he said.'
    found = texts(text, skip=caption_spans(text))
    assert found == ['"A real quote of some length,"']


def test_a_quote_over_paragraphs_never_closed_keeps_the_paragraphs_before_the_last():
    # the closing mark went missing in the last paragraph: the ones before it are still the quote
    text = ('The manager said: "We want to stay here. "The club knows what we need.\n\n'
            '"I have not met the owner yet and I would like to. The board meets on Friday to discuss '
            'the offer from the city.\n\nOther news.')
    found = texts(text)
    assert '"The club knows what we need.' in found
    [last] = [q for q in find_quotes(text) if text[q.start:q.end].startswith('"I have not')]
    assert last.paragraphs == 1 and "\n" not in text[last.start:last.end]


def test_a_paragraph_repeated_next_to_itself_is_read_once():
    """Paragraphs A, A, B gave only B's claims: both copies of A were taken for a caption."""
    a = '"We will cut taxes next year," the minister said on Friday.'
    b = "The opposition said the plan would fail."
    text = f"{a}\n\n{a}\n\n{b}"
    [(s, e)] = caption_spans(text)
    assert s == len(a) + 2 and text[s:e] == a, "the second copy is left out, the first read"
    assert texts(text, skip=caption_spans(text)) == ['"We will cut taxes next year,"']


def test_claims_of_a_repeated_paragraph_are_kept_once(extract_text):
    a = 'Minister Anna Berg said that taxes would fall next year. "We must wait," Berg told reporters.'
    b = 'Opposition leader Tom Hale said the plan would fail. "It is a fantasy," Hale said.'
    once = extract_text(f"{a}\n\n{b}")
    twice = extract_text(f"{a}\n\n{a}\n\n{b}")
    assert [c.text for c in twice.claims] == [c.text for c in once.claims]
    assert len(once.claims) >= 3
