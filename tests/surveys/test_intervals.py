"""Confidence intervals against values computed by hand."""

from __future__ import annotations

import math

import pytest

from surveys import intervals
from surveys.questions import QuestionType


def test_nps_interval_by_hand():
    # 50 promoters, 30 passives, 20 detractors: NPS 30.
    # Var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061; half = 1.96 × √0.0061 × 100 = 15.31
    got = intervals.nps_interval(50, 30, 20)
    assert got.value == pytest.approx(30.0)
    assert got.margin == pytest.approx(15.308, abs=0.01)
    assert got.low == pytest.approx(14.692, abs=0.01)
    assert got.high == pytest.approx(45.308, abs=0.01)


def test_nps_interval_is_clamped_and_empty_is_none():
    got = intervals.nps_interval(3, 0, 0)
    assert (got.value, got.low, got.high) == (100.0, 100.0, 100.0)
    got = intervals.nps_interval(1, 0, 1)
    assert got.low == -100.0 and got.high == 100.0
    assert intervals.nps_interval(0, 0, 0) is None


def test_wilson_interval_by_hand():
    # 8 satisfied of 10: Wilson 95% is 0.4902 to 0.9433 (textbook value).
    got = intervals.wilson_interval(8, 10)
    assert got.value == pytest.approx(80.0)
    assert got.low == pytest.approx(49.02, abs=0.01)
    assert got.high == pytest.approx(94.33, abs=0.01)
    # The interval never leaves 0–100, even for all or none.
    assert intervals.wilson_interval(10, 10).high == pytest.approx(100.0)
    assert intervals.wilson_interval(0, 10).low == pytest.approx(0.0)
    assert intervals.wilson_interval(0, 0) is None


def test_mean_interval_by_hand():
    # Scores 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd √(32/7); t(7) = 2.365.
    counts = {2: 1, 4: 3, 5: 2, 7: 1, 9: 1}
    got = intervals.mean_interval(counts)
    half = 2.365 * math.sqrt(32 / 7) / math.sqrt(8)
    assert got.value == pytest.approx(5.0)
    assert got.margin == pytest.approx(half)
    assert intervals.mean_interval({5: 1}) is None


def test_t_quantiles():
    assert intervals.t95(1) == 12.706
    assert intervals.t95(30) == 2.042
    assert intervals.t95(40) == pytest.approx(2.021, abs=0.001)
    assert intervals.t95(120) == pytest.approx(1.980, abs=0.001)
    assert intervals.t95(100_000) == pytest.approx(1.960, abs=0.001)
    with pytest.raises(ValueError):
        intervals.t95(0)


def test_headline_interval_by_kind():
    nps = intervals.headline_interval(QuestionType.NPS, {10: 50, 8: 30, 3: 20})
    assert nps.value == pytest.approx(30.0)
    csat = intervals.headline_interval(QuestionType.CSAT, {5: 4, 4: 4, 2: 2})
    assert csat.low == pytest.approx(49.02, abs=0.01)
    ces = intervals.headline_interval(QuestionType.CES, {2: 1, 4: 3, 5: 2, 7: 1, 9: 1})
    assert ces.value == pytest.approx(5.0)
    assert intervals.headline_interval(QuestionType.STAR, {5: 3}) is None


def test_small_sample_warning():
    assert intervals.warning(29) == intervals.SMALL_SAMPLE_WARNING
    assert intervals.warning(30) is None
