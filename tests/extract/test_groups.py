"""Groups as speakers: "they" and plural descriptions after people or bodies named together
("Lord A and Lord B ruled ... They said"), and unnamed groups ("analysts") that stay nobody."""


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return [by_id.get(c.speaker) for c in brief.claims]


def test_they_is_the_two_people_who_were_the_subject_before(extract_text):
    text = ("Lawyers for the council argued the ban was lawful. But Anna Cole and Peter Marsh ruled that "
            "the ban went too far. They said the minister had acted too quickly.")
    assert speakers(extract_text(text))[-1] == "Anna Cole and Peter Marsh"


def test_they_after_two_bodies_named_together(extract_text):
    text = ("Shares in Delta Foods fell sharply on Monday. Acme Holdings and Northwind Logistics announced "
            "a joint bid for the company. They said the offer would be final.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings and Northwind Logistics"


def test_they_after_an_unnamed_group_is_nobody(extract_text):
    text = ("Acme Holdings said profits rose by a tenth last year. Analysts said the rise was smaller "
            "than hoped. They said the firm's costs were too high.")
    assert speakers(extract_text(text)) == ["Acme Holdings", None, None]


def test_they_after_a_body_named_after_the_pair_is_the_body(extract_text):
    text = ("Anna Cole and Peter Marsh met the chairman of Acme Holdings on Friday. Acme Holdings rejected "
            "the request. They said the plant would close in March.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings"


def test_the_judges_are_the_two_judges_who_ruled(extract_text):
    text = ("The council argued the ban was lawful. But Anna Cole and Peter Marsh ruled that the ban went too "
            "far. The inquiry had been inadequate, the judges said.")
    assert speakers(extract_text(text))[-1] == "Anna Cole and Peter Marsh"


def test_the_ministers_with_no_people_named_together_are_nobody(extract_text):
    text = ("Anna Cole said the plan was sound. Peter Marsh left the meeting early. "
            "The ministers said the plan would cost too much.")
    assert speakers(extract_text(text))[-1] is None


def test_a_plural_of_things_is_no_group_of_people(extract_text):
    text = ("Anna Cole and Peter Marsh ruled that the ban went too far. "
            "The figures showed a rise. Acme Holdings said the figures were wrong.")
    assert speakers(extract_text(text))[-1] == "Acme Holdings"
