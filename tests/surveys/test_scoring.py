"""Scores against values computed by hand."""

import pytest

from surveys import scoring
from surveys.questions import QuestionType


def test_nps_from_hand_counted_answers():
    # 0–6 detractors, 7–8 passives, 9–10 promoters.
    answers = [10, 10, 9, 9, 9, 8, 7, 6, 3, 0]  # 5 promoters, 2 passives, 3 detractors
    counts = scoring.distribution(answers)
    breakdown = scoring.nps_breakdown(counts)
    assert (breakdown.promoters, breakdown.passives, breakdown.detractors) == (5, 2, 3)
    assert scoring.nps(counts) == pytest.approx(20.0)  # 50% − 30%


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([10] * 4, 100.0),
        ([0, 6], -100.0),
        ([7, 8, 7], 0.0),
        ([9, 6, 7], 0.0),
        ([9, 9, 9, 0], 50.0),
        ([6, 7, 9], 0.0),
    ],
)
def test_nps_edges(answers, expected):
    assert scoring.nps(scoring.distribution(answers)) == pytest.approx(expected)


def test_category_boundaries():
    assert [scoring.nps_category(s) for s in (6, 7, 8, 9)] == [
        scoring.NpsCategory.DETRACTOR,
        scoring.NpsCategory.PASSIVE,
        scoring.NpsCategory.PASSIVE,
        scoring.NpsCategory.PROMOTER,
    ]


def test_csat_is_share_of_four_and_five():
    # 4 of 6 answers are 4 or 5 → 66.7 %
    assert scoring.csat(scoring.distribution([5, 4, 4, 5, 3, 1])) == pytest.approx(200 / 3)


def test_ces_mean_and_agreement():
    counts = scoring.distribution([7, 6, 5, 4, 1, 7])  # sum 30 over 6 answers
    assert scoring.ces(counts) == pytest.approx(5.0)
    assert scoring.ces_agreement(counts) == pytest.approx(400 / 6)  # 4 of 6 agree (5–7)


def test_no_answers_gives_no_score_rather_than_zero():
    assert scoring.nps({}) is None
    assert scoring.csat({}) is None
    assert scoring.ces({}) is None
    assert scoring.headline(QuestionType.NPS, {}).formatted() == "–"


def test_headline_formatting_per_kind():
    assert scoring.headline(QuestionType.NPS, {10: 3, 0: 1}).formatted() == "+50"
    assert scoring.headline(QuestionType.NPS, {0: 3, 10: 1}).formatted() == "-50"
    assert scoring.headline(QuestionType.CSAT, {5: 3, 2: 1}).formatted() == "75%"
    assert scoring.headline(QuestionType.CES, {5: 1, 6: 1}).formatted() == "5.5"
    assert scoring.headline(QuestionType.NPS, {10: 3, 0: 1}).count == 4


def test_open_text_has_no_headline():
    with pytest.raises(ValueError):
        scoring.headline(QuestionType.OPEN_TEXT, {})


def test_star_smiley_and_thumbs_headlines():
    assert scoring.headline(QuestionType.STAR, {5: 2, 4: 1, 1: 1}).formatted() == "3.8"
    assert scoring.headline(QuestionType.SMILEY, {3: 1, 1: 1}).value == pytest.approx(2.0)
    assert scoring.headline(QuestionType.THUMBS, {1: 3, 0: 1}).formatted() == "75%"
