"""A new wording of an answered question: a correction is allowed, a change of meaning is not."""

import pytest

from surveys.rewording import TYPO_SHARE, Verdict, compare, compare_text, edit_distance
from surveys.text import LocalText

NPS_EN = "How likely are you to recommend Test Shop to a friend or colleague?"
NPS_JA = "Test Shopを友人や同僚に勧める可能性はどのくらいありますか？"


@pytest.mark.parametrize(
    "after",
    [
        NPS_EN.replace("recommend", "recomend"),  # a typo put in
        NPS_EN.replace("colleague?", "colleague ?"),  # punctuation
        NPS_EN.replace("Test Shop", "test shop"),  # case
        NPS_EN.replace("to a friend", "to  a friend"),  # spaces
        NPS_EN.replace("Test Shop", "Test Shop Ginza"),  # a word added (9%)
    ],
)
def test_a_correction_is_allowed(after):
    found = compare_text(NPS_EN, after, "en")
    assert found.verdict in (Verdict.CORRECTION, Verdict.SAME)
    assert found.allowed


@pytest.mark.parametrize(
    ("after", "why"),
    [
        ("How satisfied were you with our delivery today?", "changes"),
        (NPS_EN.replace("likely", "unlikely"), "negation (unlikely)"),
        ("How likely are you not to recommend Test Shop to a friend or colleague?", "(not)"),
        ("How likely are you to recommend Test Shop to 3 friends or colleagues?", "number"),
    ],
)
def test_a_change_of_meaning_is_refused_and_says_why(after, why):
    found = compare_text(NPS_EN, after, "en")
    assert found.verdict is Verdict.MEANING and not found.allowed
    assert why in found.reason()["en"]
    assert found.reason()["ja"]  # said in Japanese too


def test_numbers_are_compared_whatever_their_width():
    before = "Did you visit in the last 30 days?"
    assert compare_text(before, "Did you visit in the last ３０ days?").verdict is Verdict.SAME
    found = compare_text(before, "Did you visit in the last 90 days?")
    assert found.numbers == (("30",), ("90",))
    assert "30 → 90" in found.reason()["en"]


def test_japanese_corrections_and_negations():
    assert compare_text(NPS_JA, NPS_JA.replace("勧める", "すすめる")).allowed  # kana for kanji
    satisfied = "当店のサービスに満足していますか？"
    found = compare_text(satisfied, "当店のサービスに不満足ですか？")
    assert found.verdict is Verdict.MEANING and "不" in found.negations
    assert "否定" in found.reason()["ja"]
    assert not compare_text(satisfied, "当店のサービスに満足していませんか？").allowed


def test_the_limit_is_a_fifth_of_the_characters():
    base = "a" * 50
    assert compare_text(base, "b" * 10 + "a" * 40).allowed  # 10 of 50: 20%
    found = compare_text(base, "b" * 11 + "a" * 39)
    assert not found.allowed and found.share > TYPO_SHARE
    assert "22%" in found.reason()["en"]


def test_every_language_counts_and_a_new_translation_is_free():
    first = LocalText(en=NPS_EN)
    assert compare(first, LocalText(en=NPS_EN, ja=NPS_JA)).allowed  # ja added
    both = LocalText(en=NPS_EN, ja=NPS_JA)
    changed_ja = LocalText(en=NPS_EN, ja="当店の料理はおいしかったですか？")
    found = compare(both, changed_ja)
    assert found.verdict is Verdict.MEANING and found.language == "ja"
    # Removing an answered wording altogether is not a correction either.
    assert not compare(both, LocalText(en=NPS_EN)).allowed


def test_edit_distance_stops_early_past_its_limit():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("kitten", "sitting", limit=1) == 2
    assert edit_distance("a" * 2000, "b" * 2000, limit=5) == 6


def test_a_long_wording_is_judged_too():
    # Past some 550 characters the distance comes from difflib's alignment (fast as
    # the owner types): two typos far apart are still a correction, a new half is not.
    long = " ".join(
        f"Sentence {n} says something about our shop and its coffee." for n in range(20)
    )
    typos = long.replace("Sentence 1 says", "Sentnce 1 says").replace(
        "its coffee.", "its cofee.", 1
    )
    assert compare_text(long, typos).verdict is Verdict.CORRECTION
    rewritten = long[: len(long) // 2] + "We would like to know how you found the parking. " * 8
    assert compare_text(long, rewritten).verdict is Verdict.MEANING
