"""The designer's edits as undo commands: from the editors, and on the question list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from surveys.questions import Question, QuestionType
from surveys.text import LocalText
from ui.designer.commands import (
    InsertQuestion,
    MoveQuestion,
    QuestionEdit,
    RemoveQuestion,
    SettingsEdit,
)
from ui.designer.draft import SurveySettings, Target
from ui.designer.question_ops import copy_question, duplicate, starter_question

if TYPE_CHECKING:
    from ui.designer.page import DesignerPage


# Undo texts, in the page's translation context.
_ADD = QT_TRANSLATE_NOOP("DesignerPage", "Add question")
_DUPLICATE = QT_TRANSLATE_NOOP("DesignerPage", "Duplicate question")
_DELETE = QT_TRANSLATE_NOOP("DesignerPage", "Delete question")
_MOVE = QT_TRANSLATE_NOOP("DesignerPage", "Move question")
_REWORD = QT_TRANSLATE_NOOP("DesignerPage", "Add the new wording as a new question")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DesignerPage", text)


class EditFlow(QObject):
    """Turns what the user does into commands on the page's undo stack.

    Typing merges into one step per field and per typing session; a session
    ends when the user leaves the field or selects another question
    (``new_session``).
    """

    def __init__(self, page: DesignerPage) -> None:
        super().__init__(page)
        self.page = page
        self._session = 0

    def new_session(self) -> None:
        self._session += 1

    def _merge(self, key: str) -> str:
        return f"{self._session}:{key}" if key else ""

    def push_question_edit(self, after: Question, text: str, key: str, target: Target) -> None:
        draft = self.page.draft
        before = draft.question(after.qid)
        if before is None or before == after:
            return
        command = QuestionEdit(draft, before, after, text, self._merge(key), target)
        self.page.undo_stack.push(command)

    def push_settings_edit(
        self, after: SurveySettings, text: str, key: str, target: Target
    ) -> None:
        draft = self.page.draft
        before = draft.settings()
        if before == after:
            return
        command = SettingsEdit(draft, before, after, text, self._merge(key), target)
        self.page.undo_stack.push(command)

    def add_question(self, kind: QuestionType) -> None:
        """A new question of ``kind`` after the selected one (or at the end)."""
        page, survey = self.page, self.page.draft.survey
        if survey is None:
            return
        current = page.current_qid()
        row = page.draft.row_of(current) + 1 if current else len(survey.questions)
        settings = page.context.settings
        question = starter_question(survey, kind, settings.business_name, settings.business_kind)
        page.undo_stack.push(InsertQuestion(page.model, row, question, _tr(_ADD), current))

    def duplicate_question(self) -> None:
        page = self.page
        current = page.current_qid()
        question = page.draft.question(current) if current else None
        if question is None or page.draft.survey is None:
            return
        twin = duplicate(page.draft.survey, question)
        row = page.draft.row_of(current) + 1
        page.undo_stack.push(InsertQuestion(page.model, row, twin, _tr(_DUPLICATE), current))

    def reword_as_new_question(self, qid: str) -> None:
        """A new wording that changes an answered question's meaning becomes a new question.

        The answered question gets back its last saved wording, and a copy of
        it with the new wording (a new id: a new export column, no answers yet)
        comes right after it. One undo step.
        """
        page, draft = self.page, self.page.draft
        question = draft.question(qid)
        if question is None or draft.survey is None:
            return
        kept = copy_question(question)
        kept.text = LocalText(draft.stored_texts.get(qid) or draft.first_wording(qid))
        twin = duplicate(draft.survey, question)
        stack = page.undo_stack
        stack.beginMacro(_tr(_REWORD))
        if kept != question:
            stack.push(QuestionEdit(draft, question, kept, _tr(_REWORD), target=Target(qid)))
        stack.push(InsertQuestion(page.model, draft.row_of(qid) + 1, twin, _tr(_REWORD), qid))
        stack.endMacro()

    def delete_question(self) -> None:
        """Delete the selected question, unless answers lock it."""
        page = self.page
        current = page.current_qid()
        if current is None or page.draft.is_locked(current):
            return
        row = page.draft.row_of(current)
        page.undo_stack.push(RemoveQuestion(page.model, row, _tr(_DELETE)))

    def move_question(self, step: int) -> None:
        """Move the selected question up (-1) or down (1); repeated moves are one step."""
        page = self.page
        current = page.current_qid()
        if current is None:
            return
        row = page.draft.row_of(current)
        if not 0 <= row + step < len(page.draft.questions):
            return
        page.undo_stack.push(MoveQuestion(page.model, row, row + step, _tr(_MOVE), merge=True))

    def drag_move(self, source: int, final: int) -> None:
        page = self.page
        page.undo_stack.push(MoveQuestion(page.model, source, final, _tr(_MOVE)))
