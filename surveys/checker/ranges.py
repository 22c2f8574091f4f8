"""Numeric ranges in option texts: "18–24", "Under ¥1,000", 「5回以上」, 「1,000円未満」.

The options rules use them to find overlapping ranges ("1–5 / 5–10") and
gaps ("0–1 / 2–3 / 5 or more"). An option is read as a range only when its
whole text is one: a number or two with a unit and a comparison word.
Anything else ("once a week", 「1か月〜半年未満」) is left alone, so that a
range is never compared with something it was not meant to be compared with.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_MARKER = r"(?:-|–|—|〜|~|\bto\b|から|\band\b)"
_RANGE = re.compile(rf"\d\s*[^\d\s]{{0,4}}?\s*{_MARKER}\s*[^\d\s]{{0,4}}?\s*\d")
_ANY_MARKER = re.compile(rf"{_MARKER}")
# Comparison words, each with the interval it makes of its number n.
_BELOW = re.compile(r"\b(?:under|less than|fewer than|below|younger than)\b|未満")
_AT_MOST = re.compile(r"\b(?:or less|or fewer|or under|or younger|up to|at most)\b|以下|まで")
_AT_LEAST = re.compile(
    r"\b(?:or more|or older|or over|and over|and above|or above|at least)\b"
    r"|\+|以上"
)
_ABOVE = re.compile(r"\b(?:more than|over|above|older than)\b|超")
_COMPARISONS = (_BELOW, _AT_MOST, _AT_LEAST, _ABOVE)
_NOISE = re.compile(r"\b(?:a|an|per|about|around|approximately|between)\b|[()（）、。,.!?:;/\s]")
_TOKEN = re.compile(r"[a-z]+|[^\sa-z\d]")


@dataclass(frozen=True)
class Span:
    """An interval of numbers, with the unit words around them ("times", "歳", "¥")."""

    low: float
    low_closed: bool
    high: float
    high_closed: bool
    unit: frozenset[str]

    def _ends_before(self, other: Span) -> bool:
        if self.high != other.low:
            return self.high < other.low
        return not (self.high_closed and other.low_closed)

    def overlaps(self, other: Span) -> bool:
        return not self._ends_before(other) and not other._ends_before(self)

    @property
    def whole(self) -> bool:
        """Both ends are whole numbers (or open to infinity): counts, ages, yen."""
        return all(math.isinf(end) or end == int(end) for end in (self.low, self.high))

    @property
    def first_integer(self) -> float:
        return self.low if self.low_closed or math.isinf(self.low) else self.low + 1

    @property
    def last_integer(self) -> float:
        return self.high if self.high_closed or math.isinf(self.high) else self.high - 1


def _unit(rest: str) -> frozenset[str]:
    words = _TOKEN.findall(_NOISE.sub(" ", rest))
    # "month" and "months", "time" and "times" are one unit.
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def parse(text: str) -> Span | None:
    """The range an option's text names, or None when it is not purely a range."""
    normal = _THOUSANDS.sub("", unicodedata.normalize("NFKC", text).lower()).strip()
    numbers = [float(n) for n in _NUMBER.findall(normal)]
    rest = _NUMBER.sub(" ", normal)
    if len(numbers) == 2 and _RANGE.search(normal):
        low, high = sorted(numbers)
        rest = _ANY_MARKER.sub(" ", rest)
        return Span(low, True, high, True, _unit(rest))
    if len(numbers) != 1 or _ANY_MARKER.search(rest.replace("+", "")):
        return None
    (number,) = numbers
    found = [pattern for pattern in _COMPARISONS if pattern.search(rest)]
    if len(found) > 1:
        return None
    for pattern in found:
        rest = pattern.sub(" ", rest)
    unit = _unit(rest)
    inf = math.inf
    if not found:
        return Span(number, True, number, True, unit)
    if found[0] is _BELOW:
        return Span(-inf, False, number, False, unit)
    if found[0] is _AT_MOST:
        return Span(-inf, False, number, True, unit)
    if found[0] is _AT_LEAST:
        return Span(number, True, inf, False, unit)
    return Span(number, False, inf, False, unit)
