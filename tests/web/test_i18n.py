"""The respondent pages' words: complete in both languages, and the language choice."""

from __future__ import annotations

import re

import pytest

from surveys.text import LANGUAGES
from web.i18n import CATALOGUE, choose_language, site_language, text


def test_every_language_has_every_key():
    assert set(CATALOGUE) == set(LANGUAGES)
    keys = set(CATALOGUE["en"])
    for language, words in CATALOGUE.items():
        assert set(words) == keys, language
        assert all(value.strip() for value in words.values()), language


def test_translations_keep_the_english_placeholders():
    for key, english in CATALOGUE["en"].items():
        wanted = sorted(re.findall(r"\{(\w+)\}", english))
        for language, words in CATALOGUE.items():
            assert sorted(re.findall(r"\{(\w+)\}", words[key])) == wanted, (language, key)


def test_japanese_sentences_are_polite():
    # Whole sentences end in です/ます forms (ください, ございます...), never plain form.
    for key, words in CATALOGUE["ja"].items():
        if words.endswith("。"):
            assert re.search(r"(す|ください|ます|ました|でした)。$", words), key


def test_text_fills_placeholders():
    assert text("ja", "error_too_long", max=200) == "200文字以内でご入力ください。"
    assert text("en", "error_too_long", max=200).startswith("Please shorten your answer to 200")


@pytest.mark.parametrize(
    ("offered", "requested", "header", "chosen"),
    [
        (("ja", "en"), None, None, "ja"),
        (("ja", "en"), "en", "ja-JP", "en"),
        (("ja", "en"), "fr", "en-GB,en;q=0.9", "en"),
        (("en", "ja"), None, "ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7", "ja"),
        (("en", "ja"), None, "en;q=0.2, ja;q=0.8", "ja"),
        (("en", "ja"), None, "ja;q=0, fr", "en"),
        (("ja",), "en", "en", "ja"),
        (("en", "ja"), None, "*", "en"),
        (("en", "ja"), None, "garbage;q=x,,;", "en"),
    ],
)
def test_choose_language(offered, requested, header, chosen):
    assert choose_language(offered, requested, header) == chosen


def test_site_language_defaults_to_english():
    assert site_language(None, None) == "en"
    assert site_language(None, "ja,en;q=0.5") == "ja"
