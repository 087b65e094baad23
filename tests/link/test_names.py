"""Names as the linker compares and cleans them (generator/link/names.py)."""

from generator.link.names import alias_key, clean_name, damage, is_demonym, topic_key


def test_clean_name_takes_off_what_extraction_left():
    assert clean_name("Gulf Shipping Council (GSC", "organisation") == "Gulf Shipping Council"
    assert clean_name("Maria Olsen - she") == "Maria Olsen"
    assert clean_name("Keeper Jan Ruud") == "Jan Ruud"
    assert clean_name("Welshman Rhys Powell") == "Rhys Powell"
    assert clean_name("Lib Dem Ann Wolfe") == "Ann Wolfe" and clean_name("Tory Ian Hale") == "Ian Hale"
    assert clean_name("Labour", "organisation") == "Labour" and clean_name("Labour Party") == "Labour Party"
    assert clean_name("Ann Wolfe") == "Ann Wolfe" and clean_name("Henk de Vries") == "Henk de Vries"
    assert clean_name("the prime minister") == "the prime minister"  # a description, left alone
    assert all(damage(clean_name(n)) is None for n in ["Maria Olsen - she", "Keeper Jan Ruud", "Tory Chair Lord"])


def test_a_body_under_its_everyday_names_has_one_key():
    assert alias_key("Tories") == alias_key("Conservative Party") == alias_key("the Conservatives")
    assert alias_key("Lib Dems") == alias_key("Liberal Democrats")
    assert alias_key("Labour") == alias_key("Labour Party")
    assert alias_key("Green Party") == alias_key("Green")
    assert alias_key("Greenpeace") != alias_key("Green")


def test_demonyms_and_names():
    assert is_demonym("Swedish") and is_demonym("Dutchman") and is_demonym("Italians")
    assert not is_demonym("Brian") and not is_demonym("Norman") and not is_demonym("Ann Lee")
    assert is_demonym("Americans") and is_demonym("German") and is_demonym("Kenyan") and is_demonym("Korean")
    assert not any(is_demonym(w) for w in ("Titan", "Nissan", "Wigan", "Milan", "Tehran", "Durban"))


def test_topic_key_joins_spellings_but_not_two_people():
    assert topic_key("RipGuard") == topic_key("Rip Guard") and topic_key("iPod") == topic_key("IPods")
    assert topic_key("Edward", "person") != topic_key("Edwards", "person")
