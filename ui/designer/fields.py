"""Text fields whose edits go to the designer's undo stack rather than their own.

Qt's text widgets keep a private undo history and claim Ctrl+Z for it. Here
Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y go to the window's Undo and Redo actions
instead, so there is one history for the whole survey. Only a user's typing
emits ``edited``; ``sync`` (used after undo, or when another field changed the
question) sets the text without it and leaves an unchanged field alone, so
the cursor never jumps while someone types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextOption
from PySide6.QtWidgets import QFrame, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

_REDO_Y = QKeySequence("Ctrl+Y")


def is_undo_key(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(event.keyCombination()) == _REDO_Y
    )


def leave_undo_keys_to_window(event: QEvent) -> bool:
    """For ``event()`` overrides: True when the event is an undo/redo shortcut to let through."""
    shortcut = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
    if shortcut and is_undo_key(event):  # type: ignore[arg-type]
        event.ignore()  # not claimed: the window's shortcut fires
        return True
    return False


class LineField(QLineEdit):
    """A one-line field for labels, options and titles.

    Signals:
        edited(str): the user changed the text.
        finished(): the user left the field (or pressed Enter).
    """

    edited = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self.finished)

    def event(self, event: QEvent) -> bool:
        if leave_undo_keys_to_window(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def sync(self, text: str) -> None:
        if self.text() != text:
            position = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(position, len(text)))


class WordingField(QPlainTextEdit):
    """A question's wording: wraps like a paragraph, grows to ``max_lines``, and holds no
    line breaks unless made with ``paragraphs=True`` (an invitation message).

    Signals:
        edited(str): the user changed the text.
        finished(): the field lost the focus.
    """

    edited = Signal(str)
    finished = Signal()

    MIN_LINES = 2
    MAX_LINES = 4

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        min_lines: int = MIN_LINES,
        max_lines: int = MAX_LINES,
        paragraphs: bool = False,
    ) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self._paragraphs = paragraphs
        self._syncing = False
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the designer's stack keeps the history
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.textChanged.connect(self._on_text_changed)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def sync(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self._syncing = True
        try:
            cursor = self.textCursor()
            position = cursor.position()
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._syncing = False
        self._fit()

    def _on_text_changed(self) -> None:
        self._fit()
        if not self._syncing:
            self.edited.emit(self.toPlainText())

    # One paragraph: Enter does nothing, pasted line breaks become spaces.
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._paragraphs and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        if is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self._paragraphs:
            super().insertFromMimeData(source)
        elif source.hasText():
            self.insertPlainText(" ".join(source.text().split()))

    def event(self, event: QEvent) -> bool:
        if leave_undo_keys_to_window(event):
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finished.emit()

    # Height follows the wrapped text.
    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _lines(self) -> int:
        layout = self.document().documentLayout()
        # QPlainTextDocumentLayout measures its height in lines.
        return max(1, round(layout.documentSize().height()))

    def _fit(self) -> None:
        lines = min(self._max_lines, max(self._min_lines, self._lines()))
        margins = self.contentsMargins()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + round(2 * self.document().documentMargin())
            + margins.top()
            + margins.bottom()
        )
        if self.height() != height:
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())
