"""Question types and the server-side validation of an answer to each.

A question's ``qid`` is its stable identifier inside a survey: it names the
column in every export and never changes once the survey has answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from surveys.text import LocalText
from surveys.untrusted_text import has_control_characters, normalise_newlines

MAX_TEXT_LENGTH = 2000
MAX_SHORT_TEXT_LENGTH = 200
CONTROL_CHARACTERS = "holds control characters: only letters, line breaks and tabs are text"
OTHER = "other"
NONE = "none"
if TYPE_CHECKING:
    from surveys.branching import Condition, Match

_CODE_SHAPE = re.compile(r"^[a-z0-9_]{1,32}$")


class QuestionType(StrEnum):
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    STAR = "star"
    THUMBS = "thumbs"
    SMILEY = "smiley"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SHORT_TEXT = "short_text"
    OPEN_TEXT = "open_text"  # long, free text


SCALE_TYPES = frozenset(
    {
        QuestionType.NPS,
        QuestionType.CSAT,
        QuestionType.CES,
        QuestionType.STAR,
        QuestionType.THUMBS,
        QuestionType.SMILEY,
    }
)
CHOICE_TYPES = frozenset({QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE})
TEXT_TYPES = frozenset({QuestionType.SHORT_TEXT, QuestionType.OPEN_TEXT})
# The validated instruments whose score can be a survey's headline.
STANDARD_TYPES = frozenset({QuestionType.NPS, QuestionType.CSAT, QuestionType.CES})


@dataclass(frozen=True)
class ScaleRange:
    minimum: int
    maximum: int

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.minimum <= value <= self.maximum

    @property
    def points(self) -> range:
        return range(self.minimum, self.maximum + 1)


SCALES: dict[QuestionType, ScaleRange] = {
    QuestionType.NPS: ScaleRange(0, 10),
    QuestionType.CSAT: ScaleRange(1, 5),
    QuestionType.CES: ScaleRange(1, 7),
    QuestionType.STAR: ScaleRange(1, 5),
    QuestionType.THUMBS: ScaleRange(0, 1),
}
SMILEY_POINTS = (3, 5)


class Band(StrEnum):
    """Where a score falls, for follow-up wording: NPS's categories, used for every scale."""

    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


class AnswerError(ValueError):
    """An answer that does not fit its question; the message names the problem."""

    def __init__(self, qid: str, reason: str) -> None:
        super().__init__(f"{qid}: {reason}")
        self.qid = qid
        self.reason = reason


@dataclass(frozen=True)
class Choice:
    """The answer to a choice question: option codes, and the "Other" text if chosen."""

    codes: tuple[str, ...]
    other_text: str | None = None

    def stored(self) -> str:
        """Codes as stored and exported: "a;b" (codes never hold a semicolon)."""
        return ";".join(self.codes)


Answer = int | str | Choice


@dataclass
class Option:
    """One option of a choice question; ``code`` is what exports hold."""

    code: str
    text: LocalText

    def __post_init__(self) -> None:
        if not _CODE_SHAPE.match(self.code) or self.code in (OTHER, NONE):
            raise ValueError(f"option code {self.code!r} must be a-z, 0-9 or _, not other/none")


@dataclass
class Question:
    """One question of a survey.

    A follow-up (``follow_up_of`` names an earlier scale question) may word
    itself by the band the score fell in (``variants``), and may be asked only
    of some bands (``show_for``; empty means everyone).

    Branching (surveys/branching.py): ``show_if`` asks the question only when
    an earlier answer matches; an answer matching ``ends_if`` ends the survey.
    """

    qid: str
    type: QuestionType
    text: LocalText
    required: bool = True
    low_label: LocalText = field(default_factory=LocalText)
    high_label: LocalText = field(default_factory=LocalText)
    max_length: int = MAX_TEXT_LENGTH
    points: int = 5  # smiley faces: 3 or 5
    options: list[Option] = field(default_factory=list)
    other_option: bool = False
    none_option: bool = False
    randomize: bool = False
    ordered: bool = False  # options have a natural order (frequencies, ranges)
    follow_up_of: str | None = None
    variants: dict[Band, LocalText] = field(default_factory=dict)
    show_for: tuple[Band, ...] = ()
    show_if: Condition | None = None
    ends_if: Match | None = None

    @property
    def scale(self) -> ScaleRange | None:
        if self.type is QuestionType.SMILEY:
            return ScaleRange(1, self.points if self.points in SMILEY_POINTS else 5)
        return SCALES.get(self.type)

    @property
    def is_scale(self) -> bool:
        return self.type in SCALE_TYPES

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @property
    def is_text(self) -> bool:
        return self.type in TEXT_TYPES

    @property
    def text_limit(self) -> int:
        if self.type is QuestionType.SHORT_TEXT:
            return min(self.max_length, MAX_SHORT_TEXT_LENGTH)
        return self.max_length

    def option_codes(self) -> list[str]:
        codes = [o.code for o in self.options]
        if self.other_option:
            codes.append(OTHER)
        if self.none_option:
            codes.append(NONE)
        return codes

    def band(self, score: int) -> Band:
        """Which band a score on this (scale) question falls in."""
        scale = self.scale
        if scale is None:
            raise ValueError(f"{self.type} has no score")
        if self.type is QuestionType.NPS:
            return Band.PROMOTER if score >= 9 else Band.PASSIVE if score >= 7 else Band.DETRACTOR
        if self.type is QuestionType.THUMBS:
            return Band.PROMOTER if score else Band.DETRACTOR
        # Top of the scale promotes, the middle point is neutral, the rest detracts:
        # 4–5 / 3 / 1–2 on five points, 5–7 / 4 / 1–3 on seven, 3 / 2 / 1 on three.
        middle = (scale.minimum + scale.maximum) / 2
        if score > middle:
            return Band.PROMOTER
        return Band.PASSIVE if score == middle else Band.DETRACTOR

    def wording(self, language: str, band: Band | None = None) -> str:
        """The question's text, worded for ``band`` when a variant exists."""
        if band is not None and band in self.variants and self.variants[band].get_for(language):
            return self.variants[band].get_for(language)
        return self.text.get_for(language)

    def shown_for(self, band: Band | None) -> bool:
        return not self.show_for or band is None or band in self.show_for

    def parse_answer(
        self, raw: str | Sequence[str] | None, other: str | None = None
    ) -> Answer | None:
        """Turn a submitted form value into a stored answer, or raise AnswerError.

        ``raw`` is a list for a multiple-choice question (one item per ticked
        box); ``other`` is the "please specify" text. Returns None for an
        optional question left blank.
        """
        if self.is_choice:
            return self._parse_choice(raw, other)
        value = (raw if isinstance(raw, str) else " ".join(raw or ())).strip()
        if not value:
            if self.required:
                raise AnswerError(self.qid, "an answer is required")
            return None
        scale = self.scale
        if scale is not None:
            try:
                number = int(value)
            except ValueError:
                raise AnswerError(self.qid, f"{value!r} is not a whole number") from None
            if number not in scale:
                raise AnswerError(self.qid, f"{number} is outside {scale.minimum}–{scale.maximum}")
            return number
        # A browser sends a textarea's line breaks as CR LF; its maxlength counted one.
        value = normalise_newlines(value)
        if has_control_characters(value):
            raise AnswerError(self.qid, CONTROL_CHARACTERS)
        if len(value) > self.text_limit:
            raise AnswerError(self.qid, f"longer than {self.text_limit} characters")
        return value

    def _parse_choice(self, raw: str | Sequence[str] | None, other: str | None) -> Choice | None:
        picked = [raw] if isinstance(raw, str) else list(raw or ())
        codes = tuple(dict.fromkeys(code.strip() for code in picked if code.strip()))
        if not codes:
            if self.required:
                raise AnswerError(self.qid, "an answer is required")
            return None
        if self.type is QuestionType.SINGLE_CHOICE and len(codes) > 1:
            raise AnswerError(self.qid, "only one option may be chosen")
        unknown = [code for code in codes if code not in self.option_codes()]
        if unknown:
            raise AnswerError(self.qid, f"{', '.join(unknown)} is not one of the options")
        if NONE in codes and len(codes) > 1:
            raise AnswerError(self.qid, '"None of these" cannot be combined with other options')
        other_text = normalise_newlines(other or "").strip() or None
        if OTHER in codes:
            if other_text is None:
                raise AnswerError(self.qid, 'please say what "Other" is')
            if has_control_characters(other_text):
                raise AnswerError(self.qid, CONTROL_CHARACTERS)
            if len(other_text) > MAX_SHORT_TEXT_LENGTH:
                raise AnswerError(self.qid, f"longer than {MAX_SHORT_TEXT_LENGTH} characters")
        else:
            other_text = None
        return Choice(codes, other_text)
