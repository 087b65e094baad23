"""A body named by one noun for people keeps its article: "The Observer", not "Observer"."""

from generator.extract.mentions import body_title


def test_a_title_that_is_a_noun_for_people_keeps_its_article():
    assert body_title("Observer") == "The Observer"
    assert body_title("Economist") == "The Economist"
    assert body_title("BBC") == "BBC"
    assert body_title("Financial Times") == "Financial Times"
    assert body_title("Paper") == "Paper"  # no noun for people


def test_a_newspaper_speaks_under_its_title(extract_text):
    brief = extract_text("Rover talks delayed\n\nAccording to the Observer, 3,000 jobs could be lost at the plant "
                         "if the deal goes ahead.")
    assert [s.name for s in brief.speakers] == ["The Observer"]
