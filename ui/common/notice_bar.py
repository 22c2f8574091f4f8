"""A one-line notice at the top of a page: what just happened, what to watch, or what went wrong.

Used instead of message boxes for feedback that needs no decision, so the
user is never stopped by a modal box to read "Link copied". A warning may
carry one button that fixes its cause ("Set up a public host…").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.icons import icon

INFO_SECONDS = 6

# Tints mixed into the window colour: readable on light and dark palettes alike.
_TINTS = {"info": QColor("#2e7d5b"), "warning": QColor("#b26a00"), "error": QColor("#c62828")}

# What fixes a warning's cause: the button's text, and what clicking it does.
Fix = tuple[str, Callable[[], None]]


def _mix(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() * (1 - amount) + tint.red() * amount),
        round(base.green() * (1 - amount) + tint.green() * amount),
        round(base.blue() * (1 - amount) + tint.blue() * amount),
    )


class NoticeBar(QFrame):
    """Shows ``show_info`` (fades after a few seconds), ``show_warning`` or ``show_error``
    (both stay) text; ``fix_button`` shows the fix of a warning or error that has one."""

    def __init__(self, parent: QWidget | None = None, *, fix_below: bool = False) -> None:
        """``fix_below`` puts the fix button under the text, for a narrow place."""
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
        self.fix_button = QPushButton()
        self.fix_button.hide()
        self.fix_button.clicked.connect(self._run_fix)
        self._fix: Callable[[], None] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        if fix_below:
            text = QVBoxLayout()
            text.addWidget(self.label)
            text.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
            row.addLayout(text, 1)
        else:
            row.addWidget(self.label, 1)
            row.addWidget(self.fix_button)
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

    def show_warning(self, text: str, fix: Fix | None = None) -> None:
        """``text`` until dismissed, with a button that fixes its cause when ``fix`` is given."""
        self._timer.stop()
        self._show("warning", text, fix)

    def show_error(self, text: str, fix: Fix | None = None) -> None:
        self._timer.stop()
        self._show("error", text, fix)

    def set_dismissable(self, dismissable: bool) -> None:
        """Without the × button: for a notice that stays while its cause does."""
        self._dismiss.setVisible(dismissable)

    def _run_fix(self) -> None:
        if self._fix is not None:
            self._fix()

    def _show(self, kind: str, text: str, fix: Fix | None = None) -> None:
        self._kind = kind
        self.label.setText(text)
        self._fix = fix[1] if fix is not None else None
        self.fix_button.setText(fix[0] if fix is not None else "")
        self.fix_button.setVisible(fix is not None)
        palette = self.palette()
        background = _mix(palette.color(QPalette.ColorRole.Window), _TINTS[kind], 0.18)
        border = _mix(palette.color(QPalette.ColorRole.Window), _TINTS[kind], 0.55)
        self.setStyleSheet(
            f"#noticeBar {{ background: {background.name()}; border: 1px solid {border.name()};"
            " border-radius: 4px; }"
        )
        name = "circle-check" if kind == "info" else "triangle-alert"
        self._icon.setPixmap(icon(name, palette).pixmap(16, 16))
        self.show()
