"""A body named by one noun for people keeps its article: "The Observer", not "Observer"."""

from generator.extract.mentions import body_title


def test_a_title_that_is_a_noun_for_people_keeps_its_article():
    text = "The Observer said so, the Economist agreed, the BBC and the Financial Times too. The Paper did not."
    assert body_title("Observer", text) == "The Observer"
    assert body_title("Economist", text) == "The Economist"
    assert body_title("BBC", text) == "BBC"
    assert body_title("Financial Times", text) == "Financial Times"
    assert body_title("Paper", text) == "Paper"  # no noun for people


def test_a_name_that_only_ends_like_an_agent_takes_no_article_the_text_never_gives_it():
    text = "US media giant TimeWarner said profits rose. Analysts Gartner said sales fell. Observer Ltd said."
    assert body_title("TimeWarner", text) == "TimeWarner"
    assert body_title("Gartner", text) == "Gartner"
    assert body_title("Observer", text) == "Observer"


def test_a_company_named_like_an_agent_speaks_under_its_own_name(extract_text):
    brief = extract_text("Quarterly profits at US media giant TimeWarner jumped 76%. TimeWarner said fourth "
                         "quarter sales rose 2% to $11.1bn.")
    assert "The TimeWarner" not in [s.name for s in brief.speakers]


def test_a_newspaper_speaks_under_its_title(extract_text):
    brief = extract_text("Rover talks delayed\n\nAccording to the Observer, 3,000 jobs could be lost at the plant "
                         "if the deal goes ahead.")
    assert [s.name for s in brief.speakers] == ["The Observer"]
