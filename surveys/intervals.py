"""95% confidence intervals of the headline scores, from answer counts.

- NPS: the variance of a difference of two proportions of one sample,
  Var(NPS) = (p_pro + p_det − (p_pro − p_det)²) / n, in points (×100).
- CSAT: the Wilson score interval of the share of 4s and 5s, in %.
- CES: Student's t interval of the mean (t quantiles from a table up to 30
  degrees of freedom, a Cornish–Fisher expansion beyond; no SciPy).

Below ``SMALL_SAMPLE`` answers an interval is too wide to act on;
``warning`` returns a plain text key the UI translates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from surveys.questions import QuestionType
from surveys.scoring import Distribution

Z95 = 1.959963984540054
SMALL_SAMPLE = 30
SMALL_SAMPLE_WARNING = "small_sample"  # the key the UI turns into words

# Two-sided 95% quantiles of Student's t, degrees of freedom 1 to 30.
_T95 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


@dataclass(frozen=True)
class Interval:
    """A 95% interval around ``value``, in the score's own units."""

    value: float
    low: float
    high: float

    @property
    def margin(self) -> float:
        """Half the width: the "±" to show."""
        return (self.high - self.low) / 2


def t95(df: int) -> float:
    """The two-sided 95% quantile of Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("t needs at least one degree of freedom")
    if df <= len(_T95):
        return _T95[df - 1]
    z = Z95
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


def nps_interval(promoters: int, passives: int, detractors: int) -> Interval | None:
    n = promoters + passives + detractors
    if not n:
        return None
    p_pro, p_det = promoters / n, detractors / n
    value = 100.0 * (p_pro - p_det)
    variance = max(0.0, (p_pro + p_det - (p_pro - p_det) ** 2) / n)
    half = 100.0 * Z95 * math.sqrt(variance)
    return Interval(value, max(-100.0, value - half), min(100.0, value + half))


def wilson_interval(successes: int, n: int) -> Interval | None:
    """The Wilson interval of a proportion, in % (0–100)."""
    if not n:
        return None
    p = successes / n
    z2 = Z95 * Z95
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = Z95 / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return Interval(100.0 * p, 100.0 * max(0.0, centre - half), 100.0 * min(1.0, centre + half))


def mean_interval(counts: Distribution) -> Interval | None:
    """The t interval of the mean of a distribution; None below two answers."""
    n = sum(counts.values())
    if n < 2:
        return None
    mean = sum(score * k for score, k in counts.items()) / n
    variance = sum(k * (score - mean) ** 2 for score, k in counts.items()) / (n - 1)
    half = t95(n - 1) * math.sqrt(variance / n)
    return Interval(mean, mean - half, mean + half)


def headline_interval(kind: QuestionType, counts: Distribution) -> Interval | None:
    """The interval of a headline score (NPS, CSAT, CES); None for other kinds."""
    if kind is QuestionType.NPS:
        pro = sum(k for s, k in counts.items() if s >= 9)
        det = sum(k for s, k in counts.items() if s <= 6)
        return nps_interval(pro, sum(counts.values()) - pro - det, det)
    if kind is QuestionType.CSAT:
        return wilson_interval(sum(k for s, k in counts.items() if s >= 4), sum(counts.values()))
    if kind is QuestionType.CES:
        return mean_interval(counts)
    return None


def warning(n: int) -> str | None:
    """``SMALL_SAMPLE_WARNING`` when ``n`` answers are too few to trust a score."""
    return SMALL_SAMPLE_WARNING if n < SMALL_SAMPLE else None
