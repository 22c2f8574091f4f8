"""Open (or reopen) a survey for answers, with an optional end date."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import hint

DEFAULT_DAYS = 14


class OpenSurveyDialog(QDialog):
    """Asks whether to open a survey and, if the user wants, until when.

    ``end_check`` (QCheckBox) switches the end date on; ``end_edit``
    (QDateTimeEdit, local time) holds it. ``closes_at()`` is the chosen end in UTC.
    """

    def __init__(self, title: str, *, reopen: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen survey") if reopen else self.tr("Open survey"))

        question = QLabel(
            (
                self.tr("Reopen “%1” for answers?") if reopen else self.tr("Open “%1” for answers?")
            ).replace("%1", title)
        )
        question.setWordWrap(True)

        self.end_check = QCheckBox(self.tr("Stop taking answers on"))
        self.end_edit = QDateTimeEdit()
        self.end_edit.setCalendarPopup(True)
        now = QDateTime.currentDateTime()
        # A default end two weeks out, at the end of that day.
        default_end = QDateTime(now.date().addDays(DEFAULT_DAYS), QTime(23, 59))
        self.end_edit.setMinimumDateTime(now.addSecs(60))
        self.end_edit.setDateTime(default_end)
        self.end_edit.setEnabled(False)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_check)
        end_row.addWidget(self.end_edit, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Reopen survey") if reopen else self.tr("Open survey")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(hint(self.tr("Its link and QR code start working as soon as it is open.")))
        layout.addSpacing(6)
        layout.addLayout(end_row)
        layout.addWidget(hint(self.tr("Without an end date it stays open until you close it.")))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def closes_at(self) -> datetime | None:
        """The chosen end in UTC, or None when the survey should stay open."""
        if not self.end_check.isChecked():
            return None
        seconds = self.end_edit.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC)
