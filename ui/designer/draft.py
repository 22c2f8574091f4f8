"""The survey being designed, in memory: what the editors show and the undo commands change.

The draft is the designer's working copy. The database stays the source of
truth for everything else: the autosaver writes the draft back through the
worker a moment after each change, and what is stored is what other pages see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from surveys.checker import Finding
from surveys.model import Survey
from surveys.questions import Band, Question
from surveys.text import LocalText
from ui.designer.question_ops import copy_question

# Field names beyond the checker's (surveys.checker.Field): where a target may point.
TITLE = "title"
TYPE = "type"


@dataclass(frozen=True)
class Target:
    """A place in the designer to select and focus: a question's field, or a survey setting.

    ``qid`` None means the survey's settings. ``field`` is a checker Field value
    ("text", "low_label", "high_label", "options", "invitation") or TITLE/TYPE;
    ``option`` an option code, or ``row`` an option's position (codes follow
    the wording as it is typed, positions do not); ``band`` a follow-up's
    wording for one band.
    """

    qid: str | None
    field: str | None = None
    language: str | None = None
    option: str | None = None
    band: Band | None = None
    row: int | None = None


@dataclass(frozen=True)
class SurveySettings:
    """The survey-level choices the designer edits, as one value for undo.

    ``anonymous``: answers through a personal link are not linked to the contact.
    """

    title: LocalText
    languages: tuple[str, ...]
    channels: tuple[str, ...]
    invitation: LocalText
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    anonymous: bool = False
    # What respondents read around the questions (surveys.page_texts).
    heading: LocalText = field(default_factory=LocalText)
    intro: LocalText = field(default_factory=LocalText)
    thanks: LocalText = field(default_factory=LocalText)
    redirect_url: str = ""

    @classmethod
    def of(cls, survey: Survey) -> SurveySettings:
        return cls(
            LocalText(survey.title),
            tuple(survey.languages),
            tuple(survey.channels),
            LocalText(survey.invitation),
            frozenset(survey.disabled_rules),
            survey.anonymous,
            LocalText(survey.heading),
            LocalText(survey.intro),
            LocalText(survey.thanks),
            survey.redirect_url,
        )

    def apply(self, survey: Survey) -> None:
        survey.title = LocalText(self.title)
        survey.languages = tuple(self.languages)
        survey.channels = tuple(self.channels)
        survey.invitation = LocalText(self.invitation)
        survey.disabled_rules = frozenset(self.disabled_rules)
        survey.anonymous = self.anonymous
        survey.heading = LocalText(self.heading)
        survey.intro = LocalText(self.intro)
        survey.thanks = LocalText(self.thanks)
        survey.redirect_url = self.redirect_url


class Draft(QObject):
    """One survey being edited, with what the designer knows about it.

    ``answer_counts`` (qid → answers) says which questions are locked, and
    ``baseline`` holds each locked question as it was loaded: the codes and
    options it must keep. ``first_wordings`` holds the first wording answers
    were given to (qid → text): a new wording must be a correction of it
    (surveys.rewording); ``stored_texts`` the wording last saved. ``revision``
    goes up on every change; the autosaver compares it with the revision it
    last saved.

    Signals:
        loaded(): a survey was loaded; everything shown is new.
        changed(): the survey changed in any way (after the specific signal below).
        question_changed(str): the content of the question with this qid changed.
        questions_changed(): questions were added, removed or moved.
        settings_changed(): title, languages, channels, invitation or rules changed.
        findings_changed(): the checker's findings were refreshed.
        locks_changed(): the answered (locked) questions changed.
        target_requested(object): a Target to select and focus (after undo, or a click
            on a finding).
    """

    loaded = Signal()
    changed = Signal()
    question_changed = Signal(str)
    questions_changed = Signal()
    settings_changed = Signal()
    findings_changed = Signal()
    locks_changed = Signal()
    target_requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.survey: Survey | None = None
        self.revision = 0
        self.findings: list[Finding] = []
        self.answer_counts: dict[str, int] = {}
        self.baseline: dict[str, Question] = {}
        self.first_wordings: dict[str, LocalText] = {}
        self.stored_texts: dict[str, LocalText] = {}

    # Loading ------------------------------------------------------------------

    def load(
        self,
        survey: Survey,
        answer_counts: dict[str, int],
        first_wordings: dict[str, LocalText] | None = None,
    ) -> None:
        self.survey = survey
        self.revision = 0
        self.findings = []
        self.first_wordings = dict(first_wordings or {})
        self.remember_stored(survey)
        self._set_locks(answer_counts)
        self.loaded.emit()

    def update_locks(
        self,
        answer_counts: dict[str, int],
        stored: Survey,
        first_wordings: dict[str, LocalText] | None = None,
    ) -> None:
        """New answers arrived while editing: lock what they answered, as ``stored`` holds it."""
        if first_wordings is not None:
            self.first_wordings = dict(first_wordings)
        if answer_counts != self.answer_counts:
            self._set_locks(answer_counts, stored)
            self.locks_changed.emit()

    def remember_stored(self, stored: Survey) -> None:
        """The wordings as the database holds them (after loading, after each save)."""
        self.stored_texts = {q.qid: LocalText(q.text) for q in stored.questions}

    def _set_locks(self, counts: dict[str, int], stored: Survey | None = None) -> None:
        assert self.survey is not None
        self.answer_counts = dict(counts)
        source = stored if stored is not None else self.survey
        self.baseline = {q.qid: copy_question(q) for q in source.questions if q.qid in counts}

    # Reading ------------------------------------------------------------------

    @property
    def questions(self) -> list[Question]:
        return self.survey.questions if self.survey is not None else []

    @property
    def languages(self) -> tuple[str, ...]:
        return self.survey.languages if self.survey is not None else ("en",)

    def row_of(self, qid: str | None) -> int:
        return next((i for i, q in enumerate(self.questions) if q.qid == qid), -1)

    def question(self, qid: str) -> Question | None:
        row = self.row_of(qid)
        return self.questions[row] if row >= 0 else None

    def is_locked(self, qid: str) -> bool:
        return qid in self.answer_counts

    def first_wording(self, qid: str) -> LocalText:
        """The wording a locked question's new wording is compared with."""
        if qid in self.first_wordings:
            return self.first_wordings[qid]
        base = self.baseline.get(qid)
        return LocalText(base.text) if base is not None else LocalText()

    def fixed_codes(self, qid: str) -> set[str]:
        """The option codes a locked question must keep (empty for others)."""
        base = self.baseline.get(qid)
        return {o.code for o in base.options} if base is not None else set()

    def codes_in_rules(self, qid: str) -> set[str]:
        """The option codes of question ``qid`` that a display or end rule names.

        Rewording such an option keeps its code, so the rule still points at it.
        """
        codes: set[str] = set()
        for question in self.questions:
            shown = question.show_if
            if shown is not None and shown.qid == qid:
                codes.update(shown.match.codes)
            if question.qid == qid and question.ends_if is not None:
                codes.update(question.ends_if.codes)
        return codes

    def findings_for(self, qid: str | None) -> list[Finding]:
        return [f for f in self.findings if f.place.qid == qid]

    # Changing (the undo commands call these) ------------------------------------

    def set_question(self, question: Question) -> None:
        row = self.row_of(question.qid)
        if row < 0:
            return
        self.questions[row] = question
        self.question_changed.emit(question.qid)
        self.touch()

    def settings(self) -> SurveySettings:
        assert self.survey is not None
        return SurveySettings.of(self.survey)

    def set_settings(self, settings: SurveySettings) -> None:
        assert self.survey is not None
        settings.apply(self.survey)
        self.settings_changed.emit()
        self.touch()

    def touch(self) -> None:
        """Count a change (the list model calls it after moving rows)."""
        self.revision += 1
        self.changed.emit()

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.findings_changed.emit()

    def request(self, target: Target | None) -> None:
        if target is not None:
            self.target_requested.emit(target)
