"""Slugs and ids (generator/slugs.py): safe file names that never lose a letter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.slugs import slugify


@pytest.mark.parametrize("name, slug", [
    ("\u041caria Lopez", "maria-lopez"),  # a Cyrillic capital Em that looks like M: was "aria-lopez"
    ("\u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432", "sergei-lavrov"),
    ("\u0141ukasz \u0106wik", "lukasz-cwik"),  # Ł does not decompose: was "ukasz-cwik"
    ("Jos\u00e9 M\u00fcller", "jose-muller"),
    ("\u039f\u03bb\u03c5\u03bc\u03c0\u03af\u03b1", "olympia"),
    ("\u7fd2\u8fd1\u5e73", "\u7fd2\u8fd1\u5e73"),  # no usual Latin spelling here: the letters are kept
    ("Gr\u00fc\u00dfe Stra\u00dfe", "grusse-strasse"),
])
def test_ids_keep_every_letter(name, slug):
    assert slugify(name) == slug


@given(st.text(st.characters(categories=["Lu", "Ll", "Lo"]), min_size=1, max_size=30))
def test_a_name_of_letters_never_falls_back_to_the_default(name):
    """Every letter gives something in the slug: a name is never reduced to nothing."""
    assert slugify(name, fallback="") != ""
