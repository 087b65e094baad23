"""countries.py: whose "the government" an article means, from the words it uses."""

from generator.extract.countries import home_government


def words(text: str) -> list[str]:
    return text.replace(".", " .").replace(",", " ,").split()


def test_the_country_named_most_wins():
    assert home_government(words("Italy's debts grew. Italian firms and Rome's banks struggle, says France.")) \
        == "Italian government"


def test_a_tie_goes_to_the_country_named_first():
    assert home_government(words("Talks between Kenya and Uganda ended.")) == "Kenyan government"


def test_a_countrys_own_politics_count_for_it():
    assert home_government(words("The Tories and Labour clashed in the Commons over Iraq.")) == "UK government"


def test_a_phrase_is_read_whole():
    # "Liberal Democrats" is a UK party, not the US's Democrats; "South Korea" is not a word of Korea's
    assert home_government(words("The Liberal Democrats said so.")) == "UK government"
    assert home_government(words("South Korea said so.")) == "South Korean government"


def test_no_country_named_is_none_and_lowercase_words_are_no_names():
    assert home_government(words("The minister said the turkey and china were fine.")) is None
