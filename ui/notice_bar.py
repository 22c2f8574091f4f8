"""A one-line notice at the top of a page: what just happened, or what went wrong.

Used instead of message boxes for feedback that needs no decision, so the
user is never stopped by a modal box to read "Link copied". A notice may offer
one action beside its text (``set_action``), such as "Unlock…".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.icons import icon

INFO_SECONDS = 6

# Tints mixed into the window colour: readable on light and dark palettes alike.
_TINTS = {"info": QColor("#2e7d5b"), "error": QColor("#c62828")}


def _mix(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() * (1 - amount) + tint.red() * amount),
        round(base.green() * (1 - amount) + tint.green() * amount),
        round(base.blue() * (1 - amount) + tint.blue() * amount),
    )


class NoticeBar(QFrame):
    """Shows ``show_info`` (fades after a few seconds) or ``show_error`` (stays) text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._kind = "info"
        self._icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._dismiss = QToolButton()
        self._dismiss.setText("×")
        self._dismiss.setAutoRaise(True)
        self._dismiss.setToolTip(self.tr("Dismiss"))
        self._dismiss.clicked.connect(self.hide)
        self.action = QPushButton()
        self.action.hide()
        self.action.clicked.connect(self._run_action)
        self._act: Callable[[], None] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self._icon)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(self._dismiss)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisibleTo(self.parentWidget()) else ""

    def kind(self) -> str:
        return self._kind

    def show_info(self, text: str) -> None:
        self._show("info", text)
        self._timer.start(INFO_SECONDS * 1000)

    def set_action(self, text: str, act: Callable[[], None] | None) -> None:
        """Offer ``act`` as a button named ``text`` beside the notice (None: no button)."""
        self._act = act
        self.action.setText(text)
        self.action.setVisible(act is not None and bool(text))

    def _run_action(self) -> None:
        if self._act is not None:
            self._act()

    def show_error(self, text: str) -> None:
        self._timer.stop()
        self._show("error", text)

    def _show(self, kind: str, text: str) -> None:
        self._kind = kind
        self.label.setText(text)
        palette = self.palette()
        background = _mix(palette.color(QPalette.ColorRole.Window), _TINTS[kind], 0.18)
        border = _mix(palette.color(QPalette.ColorRole.Window), _TINTS[kind], 0.55)
        self.setStyleSheet(
            f"#noticeBar {{ background: {background.name()}; border: 1px solid {border.name()};"
            " border-radius: 4px; }"
        )
        name = "triangle-alert" if kind == "error" else "circle-check"
        self._icon.setPixmap(icon(name, palette).pixmap(16, 16))
        self.show()
