"""What every part of the question editor shares: the question it shows and how it reports edits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QWidget

from surveys.questions import Question
from ui.common.widgets import hint
from ui.designer.draft import Draft, Target
from ui.designer.look import LANGUAGE_NAMES


class Section(QWidget):
    """A part of the question editor for one question.

    ``show_question`` is called with the draft's question after every change;
    a section updates its widgets from it (``sync`` on fields, so typing is
    never disturbed) and reports the user's changes as a whole new question.

    Signals:
        edited(object, str, str, object): the new Question, the undo text, a merge
            key (consecutive edits with the same key are one undo step; "" never
            merges) and the Target to select again on undo.
    """

    edited = Signal(object, str, str, object)

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.question: Question | None = None

    def show_question(self, question: Question) -> None:
        self.question = question

    def focus(self, target: Target) -> bool:
        """Focus the widget ``target`` points at, if it is here; True when found."""
        return False

    def emit_edit(
        self, after: Question, text: str, key: str = "", target: Target | None = None
    ) -> None:
        if self.question is not None and after != self.question:
            self.edited.emit(after, text, key, target or Target(after.qid))


def language_caption(text: str, language: str, languages: tuple[str, ...]) -> str:
    """A field's caption, with the language named when the survey has several."""
    if len(languages) < 2:
        return text
    return (
        QCoreApplication.translate("Designer", "%1 · %2")
        .replace("%1", text)
        .replace("%2", LANGUAGE_NAMES[language])
    )


def caption(text: str, parent: QWidget | None = None) -> QLabel:
    """A small caption above a field."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def secondary(text: str, parent: QWidget | None = None) -> QLabel:
    return hint(text, parent)
