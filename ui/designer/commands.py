"""Undo commands: every edit in the designer is one of these on the page's QUndoStack.

Commands keep their own copies of what they change (``copy_question``), so an
editor that goes on changing its widgets never changes history. Typing in one
field merges into one command per field (``merge_key``); undo and redo select
what they changed again (``Draft.request``).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from surveys.questions import Question
from ui.designer.draft import Draft, SurveySettings, Target
from ui.designer.list_model import QuestionListModel
from ui.designer.question_ops import copy_question

# QUndoCommand.id(): commands with the same id may merge (mergeWith decides).
_QUESTION_EDIT = 1
_SETTINGS_EDIT = 2
_MOVE = 3


class QuestionEdit(QUndoCommand):
    """Replace one question's content (wording, labels, options, type, settings…).

    Edits with the same non-empty ``merge_key`` (one field, one typing session)
    merge into one step; an edit that ends where it began disappears.
    """

    def __init__(
        self,
        draft: Draft,
        before: Question,
        after: Question,
        text: str,
        merge_key: str = "",
        target: Target | None = None,
    ) -> None:
        super().__init__(text)
        self.draft = draft
        self.before = copy_question(before)
        self.after = copy_question(after)
        self.merge_key = merge_key
        self.target = target or Target(after.qid)
        self._pushed = False

    def redo(self) -> None:
        self.draft.set_question(copy_question(self.after))
        # The first redo is the edit itself: the user is already there.
        if self._pushed:
            self.draft.request(self.target)
        self._pushed = True

    def undo(self) -> None:
        self.draft.set_question(copy_question(self.before))
        self.draft.request(self.target)

    def id(self) -> int:
        return _QUESTION_EDIT if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, QuestionEdit) or other.merge_key != self.merge_key:
            return False
        if other.after.qid != self.after.qid:
            return False
        self.after = copy_question(other.after)
        self.setObsolete(self.after == self.before)
        return True


class SettingsEdit(QUndoCommand):
    """Change survey-level settings (title, languages, channels, invitation, rules)."""

    def __init__(
        self,
        draft: Draft,
        before: SurveySettings,
        after: SurveySettings,
        text: str,
        merge_key: str = "",
        target: Target | None = None,
    ) -> None:
        super().__init__(text)
        self.draft = draft
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.target = target or Target(None)
        self._pushed = False

    def redo(self) -> None:
        self.draft.set_settings(self.after)
        if self._pushed:
            self.draft.request(self.target)
        self._pushed = True

    def undo(self) -> None:
        self.draft.set_settings(self.before)
        self.draft.request(self.target)

    def id(self) -> int:
        return _SETTINGS_EDIT if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True


class InsertQuestion(QUndoCommand):
    """Add a question (new or duplicated) at ``row`` and select it.

    ``previous`` is what was selected before, selected again on undo.
    """

    def __init__(
        self,
        model: QuestionListModel,
        row: int,
        question: Question,
        text: str,
        previous: str | None = None,
    ) -> None:
        super().__init__(text)
        self.model = model
        self.row = row
        self.question = copy_question(question)
        self.previous = previous

    def redo(self) -> None:
        self.model.insert_question(self.row, copy_question(self.question))
        self.model.draft.request(Target(self.question.qid, "text"))

    def undo(self) -> None:
        self.model.remove_question(self.row)
        self.model.draft.request(Target(self.previous))


class RemoveQuestion(QUndoCommand):
    """Delete the question at ``row``; the next one (or the one before) is selected."""

    def __init__(self, model: QuestionListModel, row: int, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.row = row
        self.question = copy_question(model.draft.questions[row])

    def redo(self) -> None:
        self.model.remove_question(self.row)
        questions = self.model.draft.questions
        if questions:
            neighbour = questions[min(self.row, len(questions) - 1)]
            self.model.draft.request(Target(neighbour.qid))
        else:
            self.model.draft.request(Target(None))

    def undo(self) -> None:
        self.model.insert_question(self.row, copy_question(self.question))
        self.model.draft.request(Target(self.question.qid))


class MoveQuestion(QUndoCommand):
    """Move a question from ``source`` to position ``final``; the question stays selected.

    Repeated keyboard moves of one question (Alt+Down, Alt+Down…) merge into one
    step when made with ``merge``; a drag is a step of its own.
    """

    def __init__(
        self, model: QuestionListModel, source: int, final: int, text: str, merge: bool = False
    ) -> None:
        super().__init__(text)
        self.model = model
        self.source = source
        self.final = final
        self.merge = merge
        self.qid = model.draft.questions[source].qid

    def redo(self) -> None:
        self.model.move_question(self.source, self.final)
        self.model.draft.request(Target(self.qid))

    def undo(self) -> None:
        self.model.move_question(self.final, self.source)
        self.model.draft.request(Target(self.qid))

    def id(self) -> int:
        return _MOVE if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveQuestion) or other.qid != self.qid or not other.merge:
            return False
        if other.source != self.final:
            return False
        self.final = other.final
        self.setObsolete(self.final == self.source)
        return True
