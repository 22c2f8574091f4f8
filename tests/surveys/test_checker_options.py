"""The options rules: enough, distinct, exhaustive, exclusive, shuffled only when unordered."""

from __future__ import annotations

import pytest

from surveys.checker import Field, Finding, Severity, check
from surveys.model import Survey, SurveyKind
from surveys.questions import Option, Question, QuestionType
from surveys.text import LocalText


def choice(
    options: list[str] | list[tuple[str, str]],
    *,
    text: str = "Which one?",
    multiple: bool = False,
    **more: object,
) -> Survey:
    """A one-question survey; options given as English texts or (en, ja) pairs."""
    bilingual = bool(options) and isinstance(options[0], tuple)
    made = []
    for index, option in enumerate(options, 1):
        words = (
            LocalText(en=option[0], ja=option[1])
            if isinstance(option, tuple)
            else LocalText(en=option)
        )
        made.append(Option(f"o{index}", words))
    kind = QuestionType.MULTIPLE_CHOICE if multiple else QuestionType.SINGLE_CHOICE
    question = Question(
        "q1",
        kind,
        LocalText(en=text, ja="どれですか？"),
        options=made,
        **more,  # type: ignore[arg-type]
    )
    languages = ("ja", "en") if bilingual else ("en",)
    return Survey(SurveyKind.CUSTOM, LocalText(en="t"), [question], languages=languages)


def fired(survey: Survey, rule_id: str) -> list[Finding]:
    return [f for f in check(survey) if f.rule_id == rule_id]


def test_too_few_options():
    assert (
        fired(choice(["Basic"], other_option=True), "too-few-options")[0].severity is Severity.ERROR
    )
    assert fired(choice([]), "too-few-options")
    assert not fired(choice(["Basic", "Pro"], other_option=True), "too-few-options")


def test_duplicate_options_point_at_the_second_in_its_language():
    survey = choice(
        [("Cut", "カット"), ("Colour", "カラー"), ("cut ", "カラー")], other_option=True
    )
    places = {(f.place.option, f.place.language) for f in fired(survey, "duplicate-options")}
    assert places == {("o3", "en"), ("o3", "ja")}
    assert fired(survey, "duplicate-options")[0].severity is Severity.ERROR


def test_an_option_repeating_the_built_in_other_is_a_duplicate():
    survey = choice(
        [("Price", "価格"), ("Quality", "品質"), ("Other", "その他")], other_option=True
    )
    assert {f.place.language for f in fired(survey, "duplicate-options")} == {"en", "ja"}
    hand_written = choice([("Price", "価格"), ("Quality", "品質"), ("Other", "その他")])
    assert not fired(hand_written, "duplicate-options")
    assert not fired(hand_written, "not-exhaustive")  # the hand-written "Other" covers it


@pytest.mark.parametrize(
    ("options", "more", "flagged"),
    [
        (["Instagram", "X", "Facebook"], {}, True),
        (["Instagram", "X", "Facebook"], {"other_option": True}, False),
        (["Instagram", "X", "Facebook"], {"none_option": True}, False),
        (["Likely", "Undecided", "Unlikely"], {"ordered": True}, False),
        (["Yes", "No"], {}, False),
        ([("Yes", "はい"), ("No", "いいえ")], {}, False),
        (["Under 18", "18–34", "35 or older"], {}, False),  # ranges are a scale
        (["Coffee", "Tea", "Neither"], {}, False),
        ([("Coffee", "コーヒー"), ("Tea", "紅茶"), ("Neither", "どちらも飲まない")], {}, False),
    ],
)
def test_exhaustive_options(options, more, flagged):
    found = fired(choice(options, **more), "not-exhaustive")
    assert bool(found) is flagged
    if flagged:
        assert found[0].place.field is Field.OPTIONS and found[0].place.language is None


@pytest.mark.parametrize(
    ("options", "overlaps"),
    [
        (["1–5", "5–10", "10 or more"], [("o2", "1–5"), ("o3", "5–10")]),
        (["18-25", "25-35", "35+"], [("o2", "18-25"), ("o3", "25-35")]),
        (["Under ¥1,000", "¥1,000–¥3,000", "¥3,000 or more"], [("o3", "¥1,000–¥3,000")]),
        (["1–4", "5–9", "10 or more"], []),
        (["Under 18", "18–24", "25 or older"], []),
        (["Less than 1 month", "1–6 months", "More than 1 year"], []),
    ],
)
def test_overlapping_ranges(options, overlaps):
    found = fired(choice(options, ordered=True), "overlapping-options")
    assert [
        (f.place.option, f.message["en"].split("“")[1].split("”")[0]) for f in found
    ] == overlaps


def test_overlapping_ranges_in_japanese():
    survey = choice(
        [("1–5 times", "1〜5回"), ("6–10 times", "5〜10回"), ("11 or more", "10回以上")],
        ordered=True,
    )
    found = fired(survey, "overlapping-options")
    assert {(f.place.option, f.place.language) for f in found} == {("o2", "ja"), ("o3", "ja")}
    assert "「1〜5回」" in found[0].message["ja"]


@pytest.mark.parametrize(
    ("options", "flagged"),
    [
        (["0–1 times", "2–3 times", "5 or more times"], True),
        (["0–1 times", "2–3 times", "4 or more times"], False),
        (["Under 18", "18–24", "25–34", "35 or older"], False),
        (["Under 18", "20–24", "25 or older"], True),
        (["Less than 1 month", "1–6 months", "More than 1 year"], False),  # units differ
        (["1", "2", "3", "Many"], False),  # not wholly ranges
    ],
)
def test_gaps_between_ranges(options, flagged):
    assert bool(fired(choice(options, ordered=True), "range-gap")) is flagged


def test_ordered_options_must_not_be_shuffled():
    ordered = choice(["Never", "Sometimes", "Often"], ordered=True, randomize=True)
    assert fired(ordered, "randomized-ordered")[0].severity is Severity.ERROR
    # Ranges are ordered even when the designer forgot to say so.
    ranges = choice(["Under 18", "18–34", "35 or older"], randomize=True)
    assert fired(ranges, "randomized-ordered")
    assert not fired(
        choice(["A", "B", "C"], randomize=True, other_option=True), "randomized-ordered"
    )


@pytest.mark.parametrize(
    ("options", "more", "flagged"),
    [
        (["Shibuya", "Shinjuku", "Ikebukuro", "Ueno"], {"other_option": True}, True),
        (
            ["Shibuya", "Shinjuku", "Ikebukuro", "Ueno"],
            {"other_option": True, "randomize": True},
            False,
        ),
        (["Shibuya", "Shinjuku", "Ikebukuro"], {"other_option": True}, False),
        (["Mon", "Tue", "Wed", "Thu", "Fri"], {"ordered": True}, False),
        (["Coffee", "Tea", "Both", "Neither of them"], {}, False),
    ],
)
def test_unordered_lists_of_four_or_more_are_advised_to_shuffle(options, more, flagged):
    found = fired(choice(options, **more), "randomize-unordered")
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.INFO
