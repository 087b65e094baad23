"""Speakers on news nobody tuned to (issue 22, round 7): a bare spokesperson speaks for the body
the text was just about."""

from conftest import speakers_by_text as speakers


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


def test_a_thing_of_a_named_persons_is_no_unnamed_person_a_he_could_mean(nlp):
    from generator.extract.resolve import Resolver

    doc = nlp("The film director Ann Lee came. Irons, whose film Being Julia is in competition for the "
              "festival's awards, said he had wondered whether he should attend after the storm.")
    resolver = Resolver(doc, [], [])
    assert [doc[j].text for j in resolver.stand_ins] == []


def test_a_he_is_never_the_person_his_claim_names(extract_text):
    text = ('Coach Max Jones spoke to reporters first. Then the runner Tom Hale said the team was ready. '
            "And he admitted Hale's presence would be a great boost to the team.")
    got = speakers(extract_text(text))
    assert got["Hale's presence would be a great boost to the team"] == "Max Jones"


def test_a_report_speaks_for_the_body_that_last_spoke_past_the_people_quoted_since(extract_text):
    text = ('Web tracking company Northwind said downloads had risen by half. "It is now as easy to '
            'download a show as to record one," said Ben Coppin of the firm. A typical episode was '
            'downloaded by 100,000 people, said the report.')
    got = speakers(extract_text(text))
    assert got["A typical episode was downloaded by 100,000 people"] == "Northwind"


def test_a_possessive_in_the_clause_a_name_is_the_subject_of_says_the_gender(nlp):
    from generator.extract.resolve import Resolver

    doc = nlp("Kelly Holmes has been chosen for the 800m despite not yet confirming her availability.")
    assert Resolver(doc, [], []).people["Kelly Holmes"].gender == "f"
    doc = nlp("Kelly Holmes has been chosen for the 800m after Ann Lee praised her form.")
    assert Resolver(doc, [], []).people["Kelly Holmes"].gender is None


def test_a_he_after_a_woman_named_by_her_possessive_is_the_man(extract_text):
    text = ('Kelly Holmes has been chosen for both races despite not yet confirming her availability.\n\n'
            'The champion is still undecided. But athletics chief Max Jones believes Holmes will race. '
            'He said: "It is worth a punt."')
    assert speakers(extract_text(text))['"It is worth a punt."'] == "Max Jones"


def test_a_party_speaks_under_its_full_name_but_americas_parties_stay_as_written(extract_text):
    text = ('The Tories said the plan would cost billions. The Lib Dems said it was fair. '
            'Republicans said the bill would fail.')
    got = speakers(extract_text(text))
    assert got["the plan would cost billions"] == "Conservative Party"
    assert got["it was fair"] == "Liberal Democrats"
    assert got["the bill would fail"] != "Republican Party"


def test_a_description_inside_a_claim_that_was_ranked_to_the_speaker_does_not_bar_him(extract_text):
    text = ('Mr Neeson said his spirit belonged to the Glens of Antrim. And he said there was one figure '
            'he would love to play - Ian Paisley. He said that the DUP leader and preacher was a '
            '"very dynamic, extraordinary figure".')
    got = speakers(extract_text(text))
    assert got['the DUP leader and preacher was a "very dynamic, extraordinary figure"'] == "Neeson"


def test_a_longer_name_the_article_gives_only_after_the_short_one_is_an_arm_of_it(extract_text):
    text = ('Apple has taken legal action to stop leaks of its new products. Members of Apple Developer '
            'Connection receive advance copies of its software. Apple said in a statement that the leaks '
            'hurt its business.')
    assert speakers(extract_text(text))["the leaks hurt its business"] == "Apple"


def test_a_bank_spokesman_speaks_for_the_bank_named_before_but_a_party_official_for_none(extract_text):
    text = ("More than one in ten loans of the state-owned People's Bank have been written off. "
            "A bank spokesman said the losses would be covered.")
    assert speakers(extract_text(text))["the losses would be covered"] == "People's Bank"
    text = ('The Lib Dems raised worries about Labour and Conservative calls. A party official said '
            'there was only scattered evidence.')
    assert speakers(extract_text(text))["there was only scattered evidence"] is None


def test_a_companys_directors_speak_for_it(extract_text):
    text = "Qwest raised its offer again. MCI's directors said Verizon's bid was the better one."
    assert speakers(extract_text(text))["Verizon's bid was the better one"] == "MCI"
