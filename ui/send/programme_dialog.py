"""The programme editor: a survey, an audience, a channel rule and what starts a send.

The dialog only gathers choices; ``programme()`` returns the
``surveys.programmes.Programme`` they make (the Send page's programmes view stores
it through the worker). Numbers are held to their ranges by the spin boxes; a
missing name, date or event is said in the dialog before it closes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storage.surveys import SurveySummary
from surveys import campaigns as c
from surveys import programmes as p
from ui.common.widgets import save_cancel


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


def _form(*rows: tuple[str, QWidget]) -> QWidget:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    for label, widget in rows:
        form.addRow(label, widget)
    return page


class ProgrammeDialog(QDialog):
    """Makes a new programme, or changes ``existing``."""

    def __init__(
        self,
        surveys: list[SurveySummary],
        segments: list[tuple[int, str]],
        date_fields: list[str],
        event_names: list[str],
        existing: p.Programme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(self.tr("Edit programme") if existing else self.tr("New programme"))
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.survey = QComboBox()
        for survey in surveys:
            language = survey.languages[0] if survey.languages else "en"
            self.survey.addItem(survey.title.get_for(language), survey.id)
        self.audience = QComboBox()
        self.audience.addItem(self.tr("All contacts"), None)
        for segment_id, name in segments:
            self.audience.addItem(name, segment_id)
        self.mode = QComboBox()
        for mode, label in (
            (c.SMS_ELSE_EMAIL, self.tr("SMS, else email")),
            (c.SMS, self.tr("SMS")),
            (c.EMAIL, self.tr("Email")),
        ):
            self.mode.addItem(label, mode)
        self.kind = QComboBox()
        for kind, label in (
            (p.RECURRING, self.tr("Every few days, for each contact")),
            (p.DATE, self.tr("Days before or after a date of the contact")),
            (p.EVENT, self.tr("After an event")),
        ):
            self.kind.addItem(label, kind)

        days = self.tr(" days")
        self.every = _spin(1, 3660, 90, days)
        self.spread = _spin(0, 366, 30, days)
        self.date_field = QComboBox()
        self.date_field.setEditable(True)
        self.date_field.addItem(self.tr("Birthday"), p.BIRTHDAY)
        self.date_field.addItem(self.tr("Last visit"), p.LAST_VISIT)
        for name in date_fields:
            self.date_field.addItem(name, name)
        self.offset = _spin(-3660, 3660, 0, days)
        self.offset.setToolTip(self.tr("Negative: before the date (90 days before a renewal)."))
        self.yearly = QCheckBox(self.tr("Every year on that day"))
        self.event = QComboBox()
        self.event.setEditable(True)
        self.event.addItems(event_names)
        self.delay = _spin(0, 24 * 366, 24, self.tr(" hours"))
        self.kinds = QStackedWidget()
        self.kinds.addWidget(
            _form(
                (self.tr("Send every"), self.every),
                (self.tr("Spread the first sends over"), self.spread),
            )
        )
        self.kinds.addWidget(
            _form(
                (self.tr("Date"), self.date_field),
                (self.tr("Days after it"), self.offset),
                ("", self.yearly),
            )
        )
        self.kinds.addWidget(
            _form((self.tr("Event"), self.event), (self.tr("Wait after it"), self.delay))
        )
        self.kind.currentIndexChanged.connect(self.kinds.setCurrentIndex)
        self.reminders = _spin(0, c.MAX_REMINDERS, 1, "")
        self.reminder_after = _spin(1, 30, 3, days)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Survey"), self.survey)
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow(self.tr("Channel"), self.mode)
        form.addRow(self.tr("Sends"), self.kind)
        form.addRow("", self.kinds)
        form.addRow(self.tr("Reminders"), self.reminders)
        form.addRow(self.tr("Reminder after"), self.reminder_after)
        note = QLabel(
            self.tr(
                "Each send keeps opt-outs, consent, quiet hours and the frequency cap, as "
                "campaigns do."
            )
        )
        note.setWordWrap(True)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if existing is not None:
            self._show(existing)

    def _select(self, combo: QComboBox, value: object, text: str = "") -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif text:
            combo.setEditText(text)

    def _show(self, programme: p.Programme) -> None:
        self.name.setText(programme.name)
        self._select(self.survey, programme.survey_id)
        self._select(self.audience, programme.segment_id)
        self._select(self.mode, programme.mode)
        self._select(self.kind, programme.kind)
        self.every.setValue(programme.every_days)
        self.spread.setValue(programme.spread_days)
        self._select(self.date_field, programme.date_field, programme.date_field)
        self.offset.setValue(programme.offset_days)
        self.yearly.setChecked(programme.yearly)
        self.event.setEditText(programme.event_name)
        self.delay.setValue(programme.delay_hours)
        self.reminders.setValue(programme.reminders)
        self.reminder_after.setValue(programme.reminder_after_days)

    def _date_field(self) -> str:
        text = self.date_field.currentText().strip()
        index = self.date_field.findText(text)
        return str(self.date_field.itemData(index)) if index >= 0 else text

    def problem_text(self) -> str:
        """What must be filled in before saving, in the user's language ("" when nothing)."""
        kind = self.kind.currentData()
        if not self.name.text().strip():
            return self.tr("Give the programme a name.")
        if self.survey.currentData() is None:
            return self.tr("Choose a survey (open one on the Surveys page first).")
        if kind == p.DATE and not self._date_field():
            return self.tr("Choose the date the programme counts from.")
        if kind == p.EVENT and not self.event.currentText().strip():
            return self.tr("Name the event that starts a send.")
        return ""

    def programme(self) -> p.Programme:
        """The programme the dialog describes (the existing one's id and start kept)."""
        base = self.existing or p.Programme(
            survey_id=0, name="", kind=p.RECURRING, starts_at=datetime.now(UTC)
        )
        return replace(
            base,
            name=self.name.text().strip(),
            survey_id=int(self.survey.currentData() or 0),
            segment_id=self.audience.currentData(),
            mode=str(self.mode.currentData()),
            kind=str(self.kind.currentData()),
            every_days=self.every.value(),
            spread_days=self.spread.value(),
            date_field=self._date_field(),
            offset_days=self.offset.value(),
            yearly=self.yearly.isChecked(),
            event_name=self.event.currentText().strip(),
            delay_hours=self.delay.value(),
            reminders=self.reminders.value(),
            reminder_after_days=self.reminder_after.value(),
        )

    def accept(self) -> None:
        text = self.problem_text()
        if text:
            self.problem.setText(text)
            self.problem.show()
            return
        super().accept()
