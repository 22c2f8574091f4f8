"""Question types and the server-side validation of an answer to each.

A question's ``qid`` is its stable identifier inside a survey: it names the
column in every export and never changes once the survey has answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from surveys.text import LocalText

MAX_TEXT_LENGTH = 2000


class QuestionType(StrEnum):
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    OPEN_TEXT = "open_text"


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
}


class AnswerError(ValueError):
    """An answer that does not fit its question; the message names the problem."""

    def __init__(self, qid: str, reason: str) -> None:
        super().__init__(f"{qid}: {reason}")
        self.qid = qid
        self.reason = reason


Answer = int | str


@dataclass
class Question:
    """One question of a survey."""

    qid: str
    type: QuestionType
    text: LocalText
    required: bool = True
    low_label: LocalText = field(default_factory=LocalText)
    high_label: LocalText = field(default_factory=LocalText)
    max_length: int = MAX_TEXT_LENGTH

    @property
    def scale(self) -> ScaleRange | None:
        return SCALES.get(self.type)

    @property
    def is_scale(self) -> bool:
        return self.type in SCALES

    def parse_answer(self, raw: str | None) -> Answer | None:
        """Turn a submitted form value into a stored answer, or raise AnswerError.

        Returns None for an optional question left blank.
        """
        value = (raw or "").strip()
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
        if len(value) > self.max_length:
            raise AnswerError(self.qid, f"longer than {self.max_length} characters")
        return value
