"""The questionnaire: a survey, its status and the rules for changing it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from surveys.branching import on_path
from surveys.questions import STANDARD_TYPES, Answer, AnswerError, Band, Question
from surveys.text import LANGUAGES, LocalText

FormValue = str | Sequence[str]
OTHER_SUFFIX = "__other"


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


class NoQuestions(StatusError):
    """Opening a survey that has no question: there is nothing to answer."""


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
    # Designer choices kept with the survey: best-practice rules switched off,
    # the channels it is meant for, and the invitation message.
    disabled_rules: frozenset[str] = frozenset()
    channels: tuple[str, ...] = ()
    invitation: LocalText = field(default_factory=LocalText)
    # What respondents read around the questions (surveys.page_texts): a heading and an
    # intro at the top, the thank-you message, and the shop's page to go on to after it.
    heading: LocalText = field(default_factory=LocalText)
    intro: LocalText = field(default_factory=LocalText)
    thanks: LocalText = field(default_factory=LocalText)
    redirect_url: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [lang for lang in self.languages if lang not in LANGUAGES]
        if not self.languages or unknown:
            raise ValueError(f"unsupported survey languages: {self.languages!r}")
        qids = [q.qid for q in self.questions]
        if len(set(qids)) != len(qids):
            raise ValueError(f"question ids must be unique: {qids!r}")
        # A follow-up placed before its score, or whose score was deleted, is
        # allowed while a survey is being edited: it is shown with its default
        # wording, and the best-practice checker reports it.

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def headline_question(self) -> Question | None:
        """The first scale question: its score is the survey's headline score."""
        return next((q for q in self.questions if q.is_scale), None)

    def derived_kind(self) -> SurveyKind:
        """nps, csat or ces when the headline question is that instrument, else custom.

        Kept in step with the questions whenever a survey is saved, so a blank
        survey that gains an NPS question is listed and scored as an NPS survey.
        """
        question = self.headline_question
        if question is not None and question.type in STANDARD_TYPES:
            return SurveyKind(question.type.value)
        return SurveyKind.CUSTOM

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
            raise NoQuestions("a survey without questions cannot be opened: add a question")

    def pages(self) -> list[list[Question]]:
        """The questions as the respondent meets them without JavaScript.

        A follow-up is worded by the score it follows, so it starts a new page
        after the page on which that score is asked. Branching does the same:
        a question shown only for an answer on this page, or any question
        after one whose answer may end the survey, starts a new page, so the
        server knows the answers that decide it before drawing it.
        """
        pages: list[list[Question]] = [[]]
        for question in self.questions:
            on_this_page = {q.qid for q in pages[-1]}
            condition = question.show_if
            if (
                question.follow_up_of in on_this_page
                or (condition is not None and condition.qid in on_this_page)
                or any(q.ends_if is not None for q in pages[-1])
            ):
                pages.append([])
            pages[-1].append(question)
        return [page for page in pages if page]

    def band_for(self, question: Question, answers: Mapping[str, Answer]) -> Band | None:
        """The band of the score ``question`` follows up, once that score is known."""
        if question.follow_up_of is None:
            return None
        score = answers.get(question.follow_up_of)
        target = next((q for q in self.questions if q.qid == question.follow_up_of), None)
        if not isinstance(score, int) or target is None or not target.is_scale:
            return None
        return target.band(score)

    def parse_answers(
        self,
        form: Mapping[str, FormValue],
        *,
        questions: Sequence[Question] | None = None,
        known: Mapping[str, Answer] | None = None,
    ) -> dict[str, Answer]:
        """Validate a submitted form against its questions (by default all of them).

        ``known`` holds answers given on earlier pages: they decide the wording
        and visibility of follow-ups, and the path (surveys.branching). Returns
        the answers by question id, leaving out optional questions left blank,
        follow-ups not shown for the score given and questions off the path
        (not required, whatever their setting). Raises AnswerError for the
        first answer that does not fit, and ValueError when the form holds
        fields that name no question or answers a question off the path.
        """
        asked = list(self.questions if questions is None else questions)
        allowed = {q.qid for q in asked} | {q.qid + OTHER_SUFFIX for q in asked if q.other_option}
        stray = [name for name in form if name not in allowed]
        if stray:
            raise ValueError(f"unknown fields: {', '.join(sorted(stray))}")
        answers: dict[str, Answer] = {}
        for question in asked:
            so_far = {**(known or {}), **answers}
            if question.qid not in on_path(self.questions, so_far):
                sent = (form.get(question.qid), form.get(question.qid + OTHER_SUFFIX))
                if any(_filled(value) for value in sent):
                    raise ValueError(f"{question.qid} is not asked on this path")
                continue
            band = self.band_for(question, so_far)
            if question.follow_up_of is not None and not question.shown_for(band):
                continue
            other = form.get(question.qid + OTHER_SUFFIX)
            value = question.parse_answer(
                form.get(question.qid), other if isinstance(other, str) else None
            )
            if value is not None:
                answers[question.qid] = value
        if not answers and not known:
            raise AnswerError(asked[0].qid if asked else "", "no answer given")
        return answers


def _filled(value: FormValue | None) -> bool:
    """Whether a form value holds an answer (blank text and no ticks hold none)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return any(item.strip() for item in value)
