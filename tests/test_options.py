"""The option schema (generator/options.py): wrong values are one clear error naming the option."""

import pytest

from generator import options
from generator.options import OptionsError


@pytest.mark.parametrize("value, words", [
    (99999999999999999999, "at most 2,000,000 but received: 99999999999999999999"),
    (10 ** 5000, "at most 2,000,000 but received: a number of more than 30 digits"),
    (2_000_001, "at most 2,000,000"),
], ids=["20-digits", "5001-digits", "just-over"])
def test_max_article_chars_too_large_is_refused(tmp_path, value, words):
    """It was accepted, then every article was skipped (OverflowError reading 4 x that many bytes)."""
    (tmp_path / "articles").mkdir()
    with pytest.raises(OptionsError) as err:
        options.load({"max_article_chars": value}, tmp_path / "mkdocs.yml")
    assert "option 'max_article_chars'" in str(err.value) and words in str(err.value)
    assert len(str(err.value)) < 200
    assert options.load({"max_article_chars": 2_000_000}, tmp_path / "mkdocs.yml").max_article_chars == 2_000_000


@pytest.mark.parametrize("value, words", [
    ("", "empty text"),
    ("  ", "empty text"),
    ("/", "root of the file system"),
    ("..", "a folder above the project's"),
])
def test_articles_never_reads_the_whole_disk_or_a_blank_value(tmp_path, value, words):
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    with pytest.raises(OptionsError) as err:
        options.load({"articles": value}, project / "mkdocs.yml")
    assert "option 'articles'" in str(err.value) and words in str(err.value)
    assert options.load({"articles": "articles"}, project / "mkdocs.yml").articles == str(project / "articles")
