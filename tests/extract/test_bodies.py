"""Bodies behind descriptions and bare spokespeople (issue 13, round 3)."""

import pytest

from generator.extract.confidence import probability


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: (by_id.get(c.speaker), c.confidence) for c in brief.claims}


def test_a_bare_spokeswoman_speaks_for_the_body_of_the_sentence_before(extract_text, evidence):
    text = ('The Home Office would not comment on the figures.\n\n'
            'A spokeswoman said: "We do not discuss individual cases." She added that the rules were clear.')
    brief = extract_text(text)
    got = speakers(brief)
    assert got['"We do not discuss individual cases."'][0] == "Home Office"
    assert got["the rules were clear"][0] == "Home Office"
    # inferred from the order of sentences: weighed as that rule (confidence.py)
    for claim in brief.claims:
        f = evidence(claim)
        assert f.get("speaker=spokes-before") or f.get("speaker=spokes-before-pronoun")
        assert claim.confidence == probability(f)


def test_a_by_agent_is_the_body_a_bare_spokesman_speaks_for(extract_text):
    text = ('Plans for a snap poll have been dismissed as gossip by Downing Street. '
            'A spokesman said he had no idea where the story came from.')
    [(name, _)] = speakers(extract_text(text)).values()
    assert name == "Downing Street"


def test_a_bare_spokesman_after_a_person_or_two_bodies_speaks_for_nobody(extract_text):
    text = ('The Home Office and the Treasury met on Monday. '
            'A spokesman said the talks had gone well.')
    [(name, _)] = speakers(extract_text(text)).values()
    assert name is None


def test_a_label_the_article_gives_a_body_names_it_anywhere(extract_text):
    text = ('The administrators said the studio would be sold within weeks. '
            'Bellway called in administrators Grant Thornton & Co on Monday.')
    [(name, _)] = speakers(extract_text(text)).values()
    assert name == "Grant Thornton & Co"


def test_a_label_of_two_bodies_names_neither(extract_text):
    text = ('The union said members would strike. The union Unison and the union Amicus met on Monday.')
    [(name, _)] = speakers(extract_text(text)).values()
    assert name is None


def test_a_speaker_after_its_verb_of_saying_is_its_subject(extract_text):
    text = ('Mr Jones, the chairman of the board, spoke on Monday. '
            'The plan would fail, insisted the chairman of the board.')
    got = extract_text(text)
    [claim] = got.claims
    assert claim.speaker_mention.text == "the chairman of the board"
    assert {s.id: s.name for s in got.speakers}[claim.speaker] == "Jones"


def test_a_speaker_set_between_commas_inside_a_sentence_said_all_of_it(extract_text):
    text = 'Although young hackers will still play with bad code, said Mr Hogan, 2004 saw a rise in crime.'
    got = extract_text(text)
    [claim] = got.claims
    assert claim.speaker_mention.text == "Mr Hogan"
    assert claim.text.startswith("Although young hackers") and claim.text.endswith("a rise in crime")


def test_a_hyphenated_body_opening_a_sentence_is_the_body_named_before(extract_text):
    text = ('US grocery group Hall-Dixie has filed for bankruptcy.\n\n'
            'Hall-Dixie, once among the most profitable US grocers, said the move would let it restructure.')
    [(name, conf)] = speakers(extract_text(text)).values()
    assert name == "Hall-Dixie" and conf >= 0.5


def test_a_definite_apposition_after_a_body_is_its_label(extract_text):
    text = ('The watchdog said hospitals were failing patients. '
            'The Healthcare Commission, the health watchdog, inspected 300 hospitals last year.')
    [(name, _)] = speakers(extract_text(text)).values()
    assert name == "Healthcare Commission"


def test_a_report_no_issuer_is_found_for_speaks_for_the_body_that_spoke_before(extract_text):
    brief = extract_text("The Electoral Audit Office said fraud was falling. It said states needed to be more "
                         "accountable. The report said: \"States still do not report fraud consistently.\"")
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if "consistently" in c.text)
    assert by_id.get(claim.speaker) == "Electoral Audit Office"


def test_a_message_is_no_report_of_the_body_before(extract_text):
    brief = extract_text("The security firm Sophox said the virus was spreading fast. The message in the e-mail "
                         "said: \"Open the attachment now.\"")
    by_id = {s.id: s.name for s in brief.speakers}
    claim = next(c for c in brief.claims if "attachment" in c.text)
    assert by_id.get(claim.speaker) != "Sophox"


@pytest.mark.parametrize("text", ["A Conservative spokeswoman said the party stuck to the rules.",
                                  "A Tory spokesman said the party stuck to the rules.",
                                  "Tory sources said the party stuck to the rules."])
def test_a_partys_spokesperson_speaks_for_the_party_its_adjective_names(extract_text, text):
    assert [(s.name, s.kind) for s in extract_text(text).speakers] == [("Conservative Party", "organisation")]


def test_a_nationality_is_still_no_body(extract_text):
    assert extract_text("German officials said the talks had failed.").speakers == []


def test_a_persons_lawyer_speaks_for_no_body_whatever_the_model_tags_the_name(extract_text):
    # "Sigarchi" is tagged as a place; "Mr" makes it a person, whose lawyer is nobody named
    brief = extract_text('Iranian authorities have arrested 20 journalists. They accused Mr Sigarchi of crimes. '
                         'Mr Sigarchi\'s lawyer labelled the revolutionary court "illegal and incompetent".')
    claim = next(c for c in brief.claims if "illegal" in c.text)
    assert claim.speaker is None and claim.speaker_mention.text == "Mr Sigarchi's lawyer"


def test_a_body_the_lede_describes_is_the_one_the_article_names_next(extract_text):
    text = ("Pets could be taken off voting lists, the UK elections watchdog has said.\n\n"
            "Those are some of the mistakes found under the current system. The Electoral Commission says "
            "individual registration could cut errors.")
    brief = extract_text(text)
    assert [brief.speaker(c.speaker).name for c in brief.claims] == ["Electoral Commission"] * 2


def test_the_newspaper_is_the_paper_named_last_not_the_last_body(extract_text):
    text = ("The exchange rejected Deutsche Boerse's offer. According to the FT, Deutsche Boerse will adopt a charm "
            "offensive. The newspaper said the German suitor would offer cash.")
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "offer cash" in c.text)
    assert brief.speaker(claim.speaker).name == "Financial Times"  # its letters spelt out, as the guide asks


def test_a_town_that_speaks_is_the_club_the_article_names_after_it(extract_text):
    text = ("Birmingham have confirmed Blackburn made a bid for Robbie Savage. His future at Birmingham City has "
            "been the source of speculation.")
    brief = extract_text(text)
    assert [(s.name, s.kind) for s in brief.speakers] == [("Birmingham City", "organisation")]


def test_it_is_the_body_named_as_the_agent_of_a_passive_when_no_subject_body_is_near(extract_text):
    text = ("Wipro said demand was strong. \"On the face of it, the results don't look very exciting,\" said Apurva "
            "Shah, an analyst at a Mumbai broker. \"But the guidance is positive and pricing going up is good news.\" "
            "Third-quarter sales rose 34% to 20.9bn rupees, well ahead of the 30% growth that most of the brokers "
            "who follow the Bangalore-based company had pencilled in for the three months to the end of December. "
            "One problem identified by Wipro was the high turnover of "
            "its staff. It said that most employees at its outsourcing operations had had to be replaced.")
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "had had to be replaced" in c.text)
    assert brief.speaker(claim.speaker).name == "Wipro"


def test_a_subject_body_comes_before_a_nearer_agent_for_they(extract_text):
    text = ("The Tories said they would not cut spending, leading to less spending than that anticipated by Labour. "
            "But they say not a single doctor will be cut.")
    brief = extract_text(text)
    claim = next(c for c in brief.claims if "single doctor" in c.text)
    assert brief.speaker(claim.speaker).name in ("Tories", "Conservative Party")


def test_a_qualified_body_in_the_lede_is_the_one_named_later_even_untagged(extract_text):
    text = ("A new addressing system could open a back door for scammers, a trade body has warned.\n\n"
            "The system has been approved by the Internet Engineering Task Force. But the UK Internet Forum is "
            "concerned that the system will let scammers create fake sites.")
    brief = extract_text(text)
    assert brief.speaker(brief.claims[0].speaker).name == "UK Internet Forum"
