"""Rewording a question that has answers: a correction, or a change of meaning?

Answers keep the meaning of the wording they were given to. A correction (a
typo, a missing word, punctuation) keeps that meaning and is allowed; a new
wording that asks something else would make old and new answers share one
export column while meaning different things, so it is refused and the owner
adds a new question instead.

The rule, which a person can check by eye, compares the new wording with the
first wording answers were given to (not with the last correction, so a chain
of small corrections cannot drift into a new question), language by language,
after folding case, width (ＡＢＣ = ABC) and runs of spaces:

- at most ``TYPO_SHARE`` (20%) of its characters change (edit distance), or a
  single character for a wording shorter than five;
- the numbers in it stay the same ("in the last 30 days" ≠ "90 days");
- no negation is added or removed ("likely" / "unlikely", 満足 / 不満足,
  できる / できない, "not").

A language the first wording did not have is a new translation: allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from surveys.text import LocalText

TYPO_SHARE = 0.2

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NEGATIVE_WORDS = frozenset(
    {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot"}
)
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Japanese negation: the verb endings, and the prefixes that negate a noun.
_JA_NEGATIONS = ("ない", "ません", "ず", "ぬ", "不", "非", "無", "未")


class Verdict(StrEnum):
    SAME = "same"
    CORRECTION = "correction"
    MEANING = "meaning"


@dataclass(frozen=True)
class Rewording:
    """What a new wording does to a question's meaning, and why.

    ``share`` is the part of the first wording's characters that changed, in
    the language that changed most; ``numbers`` the numbers before and after
    when they differ; ``negations`` the negating words or endings added or
    removed.
    """

    verdict: Verdict
    language: str | None = None
    share: float = 0.0
    numbers: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    negations: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return self.verdict is not Verdict.MEANING

    def reason(self) -> LocalText:
        """Why, in plain words in both languages."""
        percent = round(self.share * 100)
        limit = round(TYPO_SHARE * 100)
        if self.verdict is Verdict.SAME:
            return LocalText(en="The wording is unchanged.", ja="文言は変わっていません。")
        if self.verdict is Verdict.CORRECTION:
            return LocalText(
                en=f"A correction ({percent}% of the wording changed, no number or negation): "
                "answers keep their meaning. The codebook lists both wordings.",
                ja=f"訂正です（文言の{percent}%を変更、数字や否定の変更なし）。"
                "これまでの回答の意味は変わりません。コードブックには両方の文言が残ります。",
            )
        if self.numbers is not None:
            before = ", ".join(self.numbers[0]) or "—"
            after = ", ".join(self.numbers[1]) or "—"
            return LocalText(
                en=f"This changes a number ({before} → {after}), so it asks something else.",
                ja=f"数字が変わるため（{before} → {after}）、別のことを尋ねる質問になります。",
            )
        if self.negations:
            words = ", ".join(self.negations)
            return LocalText(
                en=f"This adds or removes a negation ({words}), so it asks the opposite.",
                ja=f"否定の語（{words}）が加わるか消えるため、逆のことを尋ねる質問になります。",
            )
        return LocalText(
            en=f"This changes {percent}% of the wording; a correction changes at most {limit}%.",
            ja=f"文言の{percent}%が変わります。訂正として認められるのは{limit}%までです。",
        )


def normalised(text: str) -> str:
    """Folded for comparison: NFKC (full-width to ASCII), case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; above ``limit`` it may stop early and return ``limit + 1``."""
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _negations(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for word in _WORD.findall(text):
        if word in _NEGATIVE_WORDS or word.endswith("n't"):
            found[word] += 1
    for ending in _JA_NEGATIONS:
        if text.count(ending):
            found[ending] += text.count(ending)
    return found


def _prefixed(before: str, after: str) -> list[str]:
    """Words that gained or lost a negating prefix: likely → unlikely, satisfied → dissatisfied."""
    old, new = set(_WORD.findall(before)), set(_WORD.findall(after))
    changed = []
    for gained, others in ((new - old, old), (old - new, new)):
        for word in gained:
            if any(word.startswith(p) and word[len(p) :] in others for p in _NEGATIVE_PREFIXES):
                changed.append(word)
    return sorted(changed)


def compare_text(before: str, after: str, language: str | None = None) -> Rewording:
    """One language's wording against the first wording answers were given to."""
    old, new = normalised(before), normalised(after)
    if old == new:
        return Rewording(Verdict.SAME, language)
    share = min(1.0, _distance(old, new) / max(1, len(old)))
    numbers_before, numbers_after = _NUMBER.findall(old), _NUMBER.findall(new)
    if sorted(numbers_before) != sorted(numbers_after):
        numbers = (tuple(numbers_before), tuple(numbers_after))
        return Rewording(Verdict.MEANING, language, share, numbers=numbers)
    before_negations, after_negations = _negations(old), _negations(new)
    changed = sorted((before_negations - after_negations) + (after_negations - before_negations))
    changed += _prefixed(old, new)
    if changed:
        return Rewording(Verdict.MEANING, language, share, negations=tuple(changed))
    limit = max(1, int(len(old) * TYPO_SHARE)) if len(old) >= 5 else 1
    if share * len(old) > limit:
        return Rewording(Verdict.MEANING, language, share)
    return Rewording(Verdict.CORRECTION, language, share)


# Beyond this many character pairs (two wordings of some 550 characters) the exact
# distance costs too much to compute as the owner types (the designer compares on
# every change): the alignment difflib finds gives an upper bound instead, exact for
# corrections in a few places, and never calling a change of meaning a correction.
_EXACT_PAIRS = 300_000


def _distance(old: str, new: str) -> int:
    if len(old) * len(new) <= _EXACT_PAIRS:
        return edit_distance(old, new)
    steps = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in steps if tag != "equal")


def compare(first: Mapping[str, str], new: Mapping[str, str]) -> Rewording:
    """A new wording (by language) against the first one answers were given to.

    The verdict of the language that changed most: a change of meaning in one
    language is a change of meaning. Languages the first wording lacks are
    new translations and do not count.
    """
    worst = Rewording(Verdict.SAME)
    rank = {Verdict.SAME: 0, Verdict.CORRECTION: 1, Verdict.MEANING: 2}
    for language, before in first.items():
        if not before.strip():
            continue
        found = compare_text(before, new.get(language, ""), language)
        if (rank[found.verdict], found.share) > (rank[worst.verdict], worst.share):
            worst = found
    return worst
