"""Claims an editor can trust (issue 13, round 5): speakers the parse hid, bodies behind
documents and named groups, survey answers that are no claims."""


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: (by_id.get(c.speaker), c.confidence) for c in brief.claims}


def test_a_speaker_with_an_affiliation_between_quote_and_cue_is_found(extract_text):
    # the parse hangs "Jeff Joseph" on a noun inside the quote and makes all of it the content of "told"
    text = ('"The trend this year remains all about phones and how that is completely transforming and '
            'reshaping shops and the way people talk to them," Jeff Joseph, from the Retail Design Council '
            '(RDC) told the BBC News website.')
    [(quote, (name, conf))] = speakers(extract_text(text)).items()
    assert quote.startswith('"The trend') and quote.endswith('them,"')
    assert name == "Jeff Joseph" and conf >= 0.5


def test_a_quote_after_a_long_one_sentence_attribution_continues_the_claim(extract_text):
    text = ('"Prices will fall," Jeff Joseph, a buyer from the Retail Design Council of Greater Manchester (RDC), '
            'told the BBC News website on Monday. "Shops have no choice."\n\n'
            '"We will see," said Mr Joseph. The council said its report would follow. "It is early days."')
    claims = extract_text(text).claims
    assert claims[0].text.startswith('"Prices') and claims[0].text.endswith('no choice."')
    assert any(c.text == '"It is early days."' for c in claims)  # a claim of its own in between: two claims


def test_survey_answers_are_no_claims(extract_text):
    text = ('A poll of 2,000 drivers was published on Monday. 40% said they drove less than a year ago. '
            'A quarter of drivers said fuel was too dear, and one in five said they would sell their car. '
            'The minister said the figures were worrying.')
    assert [c.text for c in extract_text(text).claims] == ["the figures were worrying"]


def test_a_seat_of_government_as_the_agent_is_the_body_a_bare_spokesman_speaks_for(nlp, evidence):
    from spacy.tokens import Span as EntSpan

    from generator.extract import extract
    from generator.model import Article

    text = ('Reports that Jane Hill is planning a snap vote for May have been dismissed as "idle gossip" by '
            'Downing Street.\n\nA spokesman said he had "no idea" where the rumours had come from.')
    doc = nlp(text)
    # the model tags "Downing Street" as a place (LOC) in some articles, as a facility in others
    doc.ents = [e for e in doc.ents if e.text != "Downing Street"] + [
        EntSpan(doc, e.start, e.end, label="LOC") for e in doc.ents if e.text == "Downing Street"]
    brief = extract(doc, Article(path="t", id="t", title="T", text=text))
    [(name, _conf)] = speakers(brief).values()
    # inferred from the sentence before: weighed as that rule
    assert name == "Downing Street" and evidence(brief.claims[0]).get("speaker=spokes-before") == 1.0


def test_said_the_report_is_the_body_that_issued_it(extract_text):
    text = ('A study by analysts Northfield Research suggested that streaming was changing how people listen '
            'to radio. The shift was fastest in cities such as Leeds and Bristol, said the report. '
            'It said stations faced a long decline.')
    got = speakers(extract_text(text))
    assert got["The shift was fastest in cities such as Leeds and Bristol"][0] == "Northfield Research"
    assert got["stations faced a long decline"][0] == "Northfield Research"  # not a city


def test_capitalised_words_before_a_name_noun_name_a_body(extract_text):
    text = ('Phishing boomed during 2004. The Anti-Phishing Working group reported that the number of attacks '
            'was growing at a rate of 30% per month.')
    [(name, conf)] = speakers(extract_text(text)).values()
    assert name == "Anti-Phishing Working group" and conf >= 0.5

