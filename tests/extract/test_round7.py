"""Speakers on news nobody tuned to (issue 22, round 7): a bare spokesperson speaks for the body
the text was just about."""


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_a_bare_spokeswoman_speaks_for_the_body_the_sentences_before_were_about(extract_text):
    text = ('Rival search engine Northwind has been developing a similar video search. '
            'It offers direct links to websites with clips. '
            'A spokeswoman told the Financial Times that Northwind was adding captions.')
    assert speakers(extract_text(text))["Northwind was adding captions"] == "Northwind"


def test_a_bare_spokesman_speaks_for_the_subject_of_the_last_main_clause(extract_text):
    text = ('Carrow TV first won the rights in 1999, but the BBC won them back in 2001. '
            '"Viewers will see the awards on our bulletins," a spokesman said.')
    assert speakers(extract_text(text))['"Viewers will see the awards on our bulletins,"'] == "BBC"


def test_a_bare_spokesman_after_a_person_stays_unnamed(extract_text):
    text = ('The Northwind Group has cut 300 jobs. Chief executive John Marsh defended the cuts. '
            '"We had no choice," a spokesman said.')
    assert speakers(extract_text(text))['"We had no choice,"'] is None


def test_a_verb_with_a_modal_after_a_closed_quote_starts_a_new_sentence(extract_text):
    text = ('"I am glad to see you all here," said Diack. "It is our duty to keep the sport clean." '
            'The two task forces will report back to the council at its April meeting.')
    brief = extract_text(text)
    got = speakers(brief)
    assert len(brief.claims) == 1 and got[next(iter(got))] == "Diack"
    assert "keep the sport clean" in brief.claims[0].text
