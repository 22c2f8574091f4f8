"""The question list's model: one row per question of the draft, reorderable by drag and drop.

The model never reorders on its own. A drop (or ``moveRows``) asks
``move_requested`` for the move, which the page turns into an undoable
command; the command then calls ``move_question`` and the rows move.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPalette

from surveys.checker import Severity
from surveys.questions import Question
from ui.common.icons import icon
from ui.designer.draft import Draft
from ui.designer.look import TYPE_ICONS, short_type_name

QID_ROLE = Qt.ItemDataRole.UserRole + 1
TYPE_ROLE = Qt.ItemDataRole.UserRole + 2  # the QuestionType's value, e.g. "nps"
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 3  # 1, 2, 3…
WORDING_ROLE = Qt.ItemDataRole.UserRole + 4  # in the survey's first language
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 5  # True when answers lock it
ANSWERS_ROLE = Qt.ItemDataRole.UserRole + 6  # how many answers it has
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 7  # its worst finding's severity ("" for none)
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 8  # how many findings
TYPE_NAME_ROLE = Qt.ItemDataRole.UserRole + 9  # "NPS", "Single choice"…

MIME_TYPE = "application/x-koe-question"

Index = QModelIndex | QPersistentModelIndex


class QuestionListModel(QAbstractListModel):
    """The draft's questions as list rows (see the *_ROLE constants).

    Signals:
        move_requested(int, int): the user dragged row ``from`` to final position ``to``.
    """

    move_requested = Signal(int, int)

    def __init__(self, draft: Draft, parent: Any = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self._icons: dict[str, QIcon] = {}
        self._palette = QPalette()
        draft.loaded.connect(self._reset)
        draft.question_changed.connect(self._on_question_changed)
        draft.findings_changed.connect(self._on_badges)
        draft.locks_changed.connect(self._on_badges)
        draft.settings_changed.connect(self._on_badges)  # the first language may change

    # Reading ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.draft.questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.draft.questions):
            return None
        question = self.draft.questions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {self._wording(question)}"
        if role == Qt.ItemDataRole.DecorationRole:
            name = TYPE_ICONS[question.type]
            if name not in self._icons:
                self._icons[name] = icon(name, self._palette)
            return self._icons[name]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{short_type_name(question.type)} · {self._wording(question)}"
        return self._custom(question, index.row(), role)

    def _custom(self, question: Question, row: int, role: int) -> Any:
        if role == QID_ROLE:
            return question.qid
        if role == TYPE_ROLE:
            return question.type.value
        if role == TYPE_NAME_ROLE:
            return short_type_name(question.type)
        if role == NUMBER_ROLE:
            return row + 1
        if role == WORDING_ROLE:
            return self._wording(question)
        if role == LOCKED_ROLE:
            return self.draft.is_locked(question.qid)
        if role == ANSWERS_ROLE:
            return self.draft.answer_counts.get(question.qid, 0)
        if role in (SEVERITY_ROLE, FINDINGS_ROLE):
            findings = self.draft.findings_for(question.qid)
            if role == FINDINGS_ROLE:
                return len(findings)
            worst = min((f.severity for f in findings), key=lambda s: s.rank, default=None)
            return worst.value if isinstance(worst, Severity) else ""
        return None

    def _wording(self, question: Question) -> str:
        first = self.draft.languages[0]
        return " ".join(question.text.get(first, "").split())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Rows are dropped between others, never onto one.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def index_of(self, qid: str | None) -> QModelIndex:
        row = self.draft.row_of(qid)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def set_palette(self, palette: QPalette) -> None:
        """Draw type icons for a new palette (light ↔ dark)."""
        self._palette = QPalette(palette)
        self._icons.clear()
        self._on_badges()

    # Drag and drop -------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        qids = [self.draft.questions[i.row()].qid for i in indexes if i.isValid()]
        data.setData(MIME_TYPE, json.dumps(qids).encode("utf-8"))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction
            and not parent.isValid()
            and data.hasFormat(MIME_TYPE)
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """A drop of one of our rows before ``row`` (-1: at the end), when a view does
        not move rows itself; it asks for the move like ``moveRows``."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            qids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except ValueError:
            return False
        if not isinstance(qids, list) or len(qids) != 1:
            return False
        source = self.draft.row_of(str(qids[0]))
        before = len(self.draft.questions) if row < 0 else row
        return source >= 0 and self.moveRows(QModelIndex(), source, 1, QModelIndex(), before)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """A view's request to move rows (QListView's internal drag and drop calls it).

        Only one row at a time, within the list; ``destination_child`` is the row
        it goes before, counted before the move.
        """
        rows = len(self.draft.questions)
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count != 1
            or not 0 <= source_row < rows
            or not 0 <= destination_child <= rows
        ):
            return False
        final = destination_child if destination_child <= source_row else destination_child - 1
        if final == source_row:
            return False
        self.move_requested.emit(source_row, final)
        return True

    # Changing (the undo commands call these) ------------------------------------

    def insert_question(self, row: int, question: Question) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.draft.questions.insert(row, question)
        self.endInsertRows()
        self._renumber(row)
        self._changed()

    def remove_question(self, row: int) -> Question:
        self.beginRemoveRows(QModelIndex(), row, row)
        question = self.draft.questions.pop(row)
        self.endRemoveRows()
        self._renumber(row)
        self._changed()
        return question

    def move_question(self, source: int, final: int) -> None:
        """Move the question at ``source`` so that it ends up at position ``final``."""
        if source == final:
            return
        destination = final if final < source else final + 1
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        questions = self.draft.questions
        questions.insert(final, questions.pop(source))
        self.endMoveRows()
        self._renumber(min(source, final))
        self._changed()

    def _changed(self) -> None:
        self.draft.questions_changed.emit()
        self.draft.touch()

    def _renumber(self, first: int) -> None:
        last = len(self.draft.questions) - 1
        if 0 <= first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0))

    # Following the draft ---------------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_question_changed(self, qid: str) -> None:
        index = self.index_of(qid)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def _on_badges(self) -> None:
        if self.draft.questions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.draft.questions) - 1, 0))
