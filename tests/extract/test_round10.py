"""Speakers on news nobody tuned to (issue 22, round 10): "the company" is a body, not one of its
products, and the body a reader has met most by then."""

from conftest import speakers_by_text as speakers
from generator.extract.orgs import Orgs


def test_a_product_the_model_tags_as_a_body_is_never_the_firm(extract_text):
    text = ('Copy protection firm Veritor has unveiled new measures against piracy. Veritor says its new '
            'ShieldTrack technology will stop most copying programs. "ShieldTrack is designed to cut '
            'copying of discs across the market," said the firm. ShieldTrack is expected to reach shops '
            'in May, the company said.')
    got = speakers(extract_text(text))
    assert got['"ShieldTrack is designed to cut copying of discs across the market,"'] == "Veritor"
    assert got["ShieldTrack is expected to reach shops in May"] == "Veritor"


def test_a_name_after_a_noun_for_a_thing_names_a_product(nlp):
    doc = nlp("Shares in Halvex fell after its cholesterol drug Lipitrex failed a trial. Lipitrex proved "
              "no better than a placebo. The Halvex board met on Monday, and Lipitrex will be withdrawn.")
    orgs = Orgs(doc, [], [])
    assert "Lipitrex" in orgs.products
    assert "Halvex" not in orgs.products


def test_a_name_that_speaks_or_has_a_spokesman_is_no_product(nlp):
    doc = nlp("The browser Corvina will be released next month. Corvina said the browser would read pages "
              "aloud, and a Corvina spokeswoman said it was ready.")
    assert "Corvina" not in Orgs(doc, [], []).products


def test_the_company_is_the_body_named_most_so_far_not_in_the_whole_article(extract_text):
    text = ('Oravex has announced it is cutting 5,000 jobs after its takeover of its rival Pendell. '
            'The company said it would keep most of the staff who support Pendell products. '
            'Pendell workers gathered outside the Pendell headquarters on Friday, and a Pendell sign '
            'was turned into a shrine. Pendell had fought the bid for 18 months. Pendell customers '
            'were said to be angry.')
    got = speakers(extract_text(text, title="Jobs go at Oravex after takeover"))
    assert got["it would keep most of the staff who support Pendell products"] == "Oravex"


def test_a_name_modifying_a_noun_counts_no_mention_of_the_body(nlp):
    doc = nlp("Apex has expanded its Zune family with new players. They include a Zune mini model and a "
              "Zune photo player. The company also said prices would fall.")
    orgs = Orgs(doc, [], [], title="Apex Zune family expands")
    company = next(t for t in doc if t.lower_ == "company")
    assert orgs.salient_before(company.idx, ["Apex", "Zune"]) == "Apex"


def test_a_name_before_an_aside_between_dashes_speaks(extract_text):
    text = ('Viktor Yushchenko met investors on Monday. Ms Tymoshenko said a list of 3,000 firms had been '
            'drawn up. A day earlier, Mr Yushchenko - keen to reassure potential investors - had said only '
            '30 to 40 top firms would be targeted.')
    got = speakers(extract_text(text))
    assert got["only 30 to 40 top firms would be targeted"] == "Viktor Yushchenko"


def test_a_name_opening_the_sentence_read_as_an_adverb_speaks(nlp):
    from generator.extract.tree import name_before

    doc = nlp("Marcel Desailly left Chelsea in 2004. Desailly says the Russian's arrival helped to instil "
              "a winning mentality at the club.")
    says = next(t for t in doc if t.lower_ == "says")
    assert name_before(says) is not None and name_before(says).text == "Desailly"


def test_police_speak_for_the_one_force_the_article_names(extract_text):
    text = ('Thames Valley Police are investigating a burglary at the home of a singer. '
            'Police said the man was wearing a ski-mask and a light jacket. '
            'A police spokesman said anyone with information should call them.')
    got = speakers(extract_text(text))
    assert got["the man was wearing a ski-mask and a light jacket"] == "Thames Valley Police"
    assert got["anyone with information should call them"] == "Thames Valley Police"


def test_the_police_and_their_spokesman_are_never_a_person(extract_text):
    text = ('President Pervez Musharraf visited London on Monday, and his security plans were found in a street. '
            'The police spokesman said the newspaper handed the report over on Monday.')
    got = speakers(extract_text(text))
    assert got["the newspaper handed the report over on Monday"] is None


def test_police_in_another_role_or_name_speak_for_no_force(nlp):
    doc = nlp("Kent Police met on Monday. The leaflet, published by police and prosecutors, was sent out. "
              "The Association of Chief Police Officers said it was clear.")
    orgs = Orgs(doc, [], [])
    assert orgs.police_force() == "Kent Police"
    by = next(t for t in doc if t.lower_ == "police" and t.dep_ != "nsubj" and t.head.lower_ == "by")
    assert orgs.speaks_for(by, list(by.subtree)) is None


def test_a_group_of_people_is_no_epithet_for_one_of_them(extract_text):
    text = ('Rock singer Liam Gallagher was arrested in Munich on Saturday. '
            'The band said they were victims of an "unprovoked attack" in a nightclub.')
    got = speakers(extract_text(text))
    assert got['they were victims of an "unprovoked attack" in a nightclub'] != "Liam Gallagher"


def test_a_noun_for_a_body_or_a_thing_is_no_epithet_for_a_person(extract_text):
    text = ('President Nursultan Abish said the vote had been fair. The opposition said there was widespread '
            'vote rigging. Speaker Michael Martin ruled on the hunting bill. The Hunt Alliance said it would '
            'hold meets. The alliance said the new law was impossibly difficult to enforce.')
    got = speakers(extract_text(text))
    assert got["there was widespread vote rigging"] is None
    assert got["the new law was impossibly difficult to enforce"] == "Hunt Alliance"


def test_members_of_a_named_body_speak_for_it_but_not_a_place_s(extract_text):
    text = ('Oil prices rose again on Monday. Several Opec members said a cut in production was unlikely. '
            'German ministers said the price was too high.')
    got = speakers(extract_text(text))
    assert got["a cut in production was unlikely"] == "Opec"
    assert got["the price was too high"] is None
