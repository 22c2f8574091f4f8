"""The questionnaire: a survey, its status and the rules for changing it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from surveys.questions import Answer, AnswerError, Question
from surveys.text import LANGUAGES, LocalText


class SurveyKind(StrEnum):
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    CUSTOM = "custom"


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class StatusError(ValueError):
    """A status change the survey's life cycle does not allow."""


# draft → open → closed, and a closed survey may be reopened.
_ALLOWED = {
    SurveyStatus.DRAFT: {SurveyStatus.OPEN},
    SurveyStatus.OPEN: {SurveyStatus.CLOSED},
    SurveyStatus.CLOSED: {SurveyStatus.OPEN},
}


@dataclass
class Survey:
    """A questionnaire. ``id`` is None until it is stored."""

    kind: SurveyKind
    title: LocalText
    questions: list[Question]
    languages: tuple[str, ...] = ("en",)
    status: SurveyStatus = SurveyStatus.DRAFT
    slug: str = ""
    closes_at: datetime | None = None
    anonymous: bool = False
    id: int | None = None
    created_at: datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [lang for lang in self.languages if lang not in LANGUAGES]
        if not self.languages or unknown:
            raise ValueError(f"unsupported survey languages: {self.languages!r}")
        qids = [q.qid for q in self.questions]
        if len(set(qids)) != len(qids):
            raise ValueError(f"question ids must be unique: {qids!r}")

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def headline_question(self) -> Question | None:
        """The first scale question: its score is the survey's headline score."""
        return next((q for q in self.questions if q.is_scale), None)

    def question(self, qid: str) -> Question:
        for question in self.questions:
            if question.qid == qid:
                return question
        raise KeyError(qid)

    def accepts_answers(self, now: datetime) -> bool:
        """Open, and not past its end date."""
        if self.status is not SurveyStatus.OPEN:
            return False
        return self.closes_at is None or now < self.closes_at

    def check_transition(self, new_status: SurveyStatus) -> None:
        if new_status not in _ALLOWED[self.status]:
            raise StatusError(f"a {self.status} survey cannot become {new_status}")
        if new_status is SurveyStatus.OPEN and not self.questions:
            raise StatusError("a survey without questions cannot be opened")

    def parse_answers(self, form: Mapping[str, str]) -> dict[str, Answer]:
        """Validate a submitted form against every question.

        Returns the answers by question id, leaving out optional questions left
        blank. Raises AnswerError for the first question whose answer does not
        fit, and ValueError when the form holds fields that name no question.
        """
        known = {q.qid for q in self.questions}
        stray = [name for name in form if name not in known]
        if stray:
            raise ValueError(f"unknown fields: {', '.join(sorted(stray))}")
        answers: dict[str, Answer] = {}
        for question in self.questions:
            value = question.parse_answer(form.get(question.qid))
            if value is not None:
                answers[question.qid] = value
        if not answers:
            raise AnswerError(self.questions[0].qid if self.questions else "", "no answer given")
        return answers
