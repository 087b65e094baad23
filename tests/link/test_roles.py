"""Roles name a position (generator/link/roles.py)."""

from generator.link.roles import clean, is_position


def test_a_role_is_a_noun_phrase_naming_a_post():
    for role in ["Gazprom chief", "assistant chief constable", "research fellow", "Texas attorney general",
                 "Prime Minister", "Beach Boys veteran"]:
        assert is_position(role), role
    for role in ["disheartened", "beloved", "delighted", "vice", "future", "fellow", "Dutchman", "previous"]:
        assert not is_position(role), role


def test_clean_ends_a_role_where_the_post_does():
    assert clean("Texas attorney general legal", None, "Carl Ode") == ("Texas attorney general", None)
    assert clean("Lord Chancellor Lord", None, "Falconer") == ("Lord Chancellor", None)
    assert clean("delighted", None, "Ann Lee") == (None, None)
