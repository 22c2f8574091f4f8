"""Headline scores: NPS, CSAT and CES, computed from answer counts.

Every function takes a distribution (score → number of answers) rather than a
list of answers, so that a million responses cost one GROUP BY, not a million
Python objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from surveys.questions import QuestionType

Distribution = Mapping[int, int]


class NpsCategory(StrEnum):
    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def nps_category(score: int) -> NpsCategory:
    if score >= 9:
        return NpsCategory.PROMOTER
    if score >= 7:
        return NpsCategory.PASSIVE
    return NpsCategory.DETRACTOR


def distribution(scores: Iterable[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for score in scores:
        counts[score] = counts.get(score, 0) + 1
    return counts


@dataclass(frozen=True)
class Score:
    """A headline score. ``value`` is None when there are no answers."""

    kind: QuestionType
    value: float | None
    count: int

    def formatted(self) -> str:
        if self.value is None:
            return "–"
        if self.kind is QuestionType.NPS:
            return f"{self.value:+.0f}"
        if self.kind in (QuestionType.CSAT, QuestionType.THUMBS):
            return f"{self.value:.0f}%"
        return f"{self.value:.1f}"


@dataclass(frozen=True)
class NpsBreakdown:
    promoters: int
    passives: int
    detractors: int

    @property
    def count(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, −100 to +100."""
        if not self.count:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.count


def nps_breakdown(counts: Distribution) -> NpsBreakdown:
    tally = {category: 0 for category in NpsCategory}
    for score, n in counts.items():
        tally[nps_category(score)] += n
    return NpsBreakdown(
        tally[NpsCategory.PROMOTER], tally[NpsCategory.PASSIVE], tally[NpsCategory.DETRACTOR]
    )


def nps(counts: Distribution) -> float | None:
    return nps_breakdown(counts).score


def csat(counts: Distribution) -> float | None:
    """% of answers that are 4 or 5 on the 1–5 scale."""
    total = sum(counts.values())
    if not total:
        return None
    satisfied = sum(n for score, n in counts.items() if score >= 4)
    return 100.0 * satisfied / total


def ces(counts: Distribution) -> float | None:
    """Mean effort score on the 1–7 agreement scale."""
    total = sum(counts.values())
    if not total:
        return None
    return sum(score * n for score, n in counts.items()) / total


def ces_agreement(counts: Distribution) -> float | None:
    """% of answers that agree (5, 6 or 7) on the 1–7 scale."""
    total = sum(counts.values())
    if not total:
        return None
    return 100.0 * sum(n for score, n in counts.items() if score >= 5) / total


def mean(counts: Distribution) -> float | None:
    """The mean score: the headline of star and smiley ratings."""
    total = sum(counts.values())
    if not total:
        return None
    return sum(score * n for score, n in counts.items()) / total


def share_up(counts: Distribution) -> float | None:
    """% thumbs up: the headline of a thumbs question."""
    total = sum(counts.values())
    if not total:
        return None
    return 100.0 * counts.get(1, 0) / total


_HEADLINE = {
    QuestionType.NPS: nps,
    QuestionType.CSAT: csat,
    QuestionType.CES: ces,
    QuestionType.STAR: mean,
    QuestionType.SMILEY: mean,
    QuestionType.THUMBS: share_up,
}


def headline(kind: QuestionType, counts: Distribution) -> Score:
    """The headline score of a scale question's answers."""
    if kind not in _HEADLINE:
        raise ValueError(f"{kind} has no headline score")
    return Score(kind, _HEADLINE[kind](counts), sum(counts.values()))
