"""Settings ▸ Acting on answers: owners, detractor alerts and automatic follow-ups.

Owners are the names a detractor's case can be given to (Koe is single-seat:
a name is a label, not a login), each with an optional email for alert emails.
An answer whose score is at or below its scale's threshold raises an alert: a
banner, a system notification and, when switched on and an email server is
set up, an email to the owners (``channels.owner_alerts``); with a public
host, the owner may let the host email them while this computer is off
(``host_alerts``, published at the next sync; ``channels.host_alerts``), and
the panel says whether the host has an email server for them (the sync's
view). Automatic follow-ups by category (``channels.follow_ups``) are
switched on here too.

Saved through ``AppContext.save_settings`` (the worker writes). A malformed
email is said next to the owners' list and nothing is saved until it is fixed.

Just over 400 lines because the owners' list, the alert settings and the follow-ups
are one form with one Save; its hints are in ``ui.settings.follow_up_words``.

Signals:
    saved(): the settings were stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.settings import Settings, normalise_email
from surveys.questions import SCALES, QuestionType
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint
from ui.context import AppContext
from ui.settings.follow_up_texts_editor import FollowUpTextsEditor
from ui.settings.follow_up_words import (
    email_note,
    follow_up_note,
    host_note,
    owner_list_problems,
    threshold_hint,
)
from ui.settings.form_rows import align_form_labels, label_for, settings_form
from ui.sync_service import SyncView

KINDS = ("nps", "csat", "ces")
NAME, EMAIL = 0, 1
BAD_RED = "#c62828"  # a malformed email, readable on light and dark bases


class FollowUpSettingsPanel(QWidget):
    """Owners, alerts and automatic follow-ups. See the module docstring for its signals."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._saving = False
        self._loading = False
        self._shown: Settings = context.settings
        # The last sync's view of the public host (None without the sync service).
        self._sync: SyncView | None = context.sync.view if context.sync is not None else None

        self.owners = QTableWidget(0, 2)
        self.owners.setObjectName("owners")
        self.owners.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Email (optional)")])
        self.owners.verticalHeader().hide()
        self.owners.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.owners.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.owners.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Room for three owners before it scrolls: a small team's list, not a page of it.
        self.owners.setMinimumHeight(100)
        self.owners.setMaximumHeight(125)
        self.add_owner_button = QPushButton(self.tr("Add owner"))
        self.add_owner_button.clicked.connect(self.add_owner)
        self.remove_owner_button = QPushButton(self.tr("Remove owner"))
        self.remove_owner_button.clicked.connect(self.remove_owner)
        self.owner_problem = QLabel()
        self.owner_problem.setObjectName("owner_problem")
        self.owner_problem.setWordWrap(True)
        self.owner_problem.hide()

        self.thresholds: dict[str, QSpinBox] = {}
        self.threshold_hints: dict[str, QLabel] = {}
        for kind in KINDS:
            scale = SCALES[QuestionType(kind)]
            spin = QSpinBox()
            spin.setRange(scale.minimum, scale.maximum - 1)  # the top score never alerts
            spin.setMinimumWidth(80)
            self.thresholds[kind] = spin
            self.threshold_hints[kind] = hint("")
            spin.valueChanged.connect(self._update_state)

        self.alert_email = QCheckBox(self.tr("Email each alert to the owners"))
        self.alert_email_to = QComboBox()
        self.alert_email_to.setMinimumWidth(240)
        self.email_note = hint("")
        self.host_alerts = QCheckBox(
            self.tr("Email alerts from the public host while this computer is off")
        )
        self.host_note = hint("")
        self.host_note.setObjectName("host_note")
        self.auto_follow_up = QCheckBox(self.tr("Send follow-up messages automatically"))
        self.follow_up_note = hint("")
        self.follow_up_texts = FollowUpTextsEditor()

        self.save_button = QPushButton(self.tr("Save acting-on-answers settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self._build()
        self.load(context.settings)
        self.owners.itemChanged.connect(self._owners_edited)
        self.owners.itemSelectionChanged.connect(self._update_buttons)
        self.alert_email.toggled.connect(self._update_state)
        self.host_alerts.toggled.connect(self._update_state)
        self.alert_email_to.currentIndexChanged.connect(self._update_state)
        self.auto_follow_up.toggled.connect(self._update_state)
        self.follow_up_texts.edited.connect(self._update_state)
        context.settings_changed.connect(self._settings_changed)
        context.worker.failed.connect(self._save_failed)
        if context.sync is not None:
            context.sync.changed.connect(self._sync_changed)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_owner_button)
        buttons.addWidget(self.remove_owner_button)
        buttons.addStretch(1)
        owners_box = QWidget()
        owners_column = QVBoxLayout(owners_box)
        owners_column.setContentsMargins(0, 0, 0, 0)
        owners_column.setSpacing(4)
        owners_column.addWidget(self.owners)
        owners_column.addWidget(self.owner_problem)
        owners_column.addLayout(buttons)
        owners_column.addWidget(
            hint(
                self.tr(
                    "The people a detractor's follow-up can be given to, on the Comments page. "
                    "An email address lets them receive alerts."
                )
            )
        )
        owners_form = settings_form()
        owners_label = QLabel(self.tr("Owners"))
        owners_label.setBuddy(self.owners)
        owners_form.addRow(owners_label, owners_box)

        alerts = settings_form()
        names = {
            "nps": self.tr("NPS score"),
            "csat": self.tr("CSAT score"),
            "ces": self.tr("CES score"),
        }
        for kind in KINDS:
            spin = self.thresholds[kind]
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addWidget(spin)
            row.addWidget(self.threshold_hints[kind], 1)
            alerts.addRow(label_for(names[kind], spin), row)
        email_box = QWidget()
        email_column = QVBoxLayout(email_box)
        email_column.setContentsMargins(0, 0, 0, 0)
        email_column.setSpacing(4)
        email_column.addWidget(self.alert_email)
        email_column.addWidget(self.alert_email_to, 0, Qt.AlignmentFlag.AlignLeft)
        email_column.addWidget(self.email_note)
        email_column.addSpacing(4)
        email_column.addWidget(self.host_alerts)
        email_column.addWidget(self.host_note)
        alerts.addRow(label_for(self.tr("Email alerts"), self.alert_email), email_box)

        follow_ups = settings_form()
        follow_box = QWidget()
        follow_column = QVBoxLayout(follow_box)
        follow_column.setContentsMargins(0, 0, 0, 0)
        follow_column.setSpacing(3)
        follow_column.addWidget(self.auto_follow_up)
        follow_column.addWidget(self.follow_up_note)
        follow_ups.addRow(label_for(self.tr("Follow-ups"), self.auto_follow_up), follow_box)
        texts_label = label_for(self.tr("Texts"), self.follow_up_texts.band)
        follow_ups.addRow(texts_label, self.follow_up_texts)
        self.forms = (owners_form, alerts, follow_ups)
        align_form_labels(*self.forms)

        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addWidget(self.status, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Acting on answers")))
        column.addLayout(owners_form)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Detractor alerts")))
        column.addWidget(
            hint(
                self.tr(
                    "A low score shows a banner in Koe and a system notification, within a "
                    "minute of the answer."
                )
            )
        )
        column.addLayout(alerts)
        column.addSpacing(8)
        column.addWidget(heading(self.tr("Automatic follow-ups")))
        column.addLayout(follow_ups)
        column.addLayout(save)

    def line_up_with(self, *panels: QWidget) -> None:
        """Give this panel's labels and those of the panels beside it one column."""
        others = [form for panel in panels for form in panel.findChildren(QFormLayout)]
        align_form_labels(*self.forms, *others)

    # -- owners --------------------------------------------------------------------

    def add_owner(self) -> None:
        row = self.owners.rowCount()
        self._add_row("", "")
        self.owners.setCurrentCell(row, NAME)
        self.owners.editItem(self.owners.item(row, NAME))
        self._update_state()

    def remove_owner(self) -> None:
        row = self.owners.currentRow()
        if row >= 0:
            self.owners.removeRow(row)
            self._owners_edited()

    def _add_row(self, name: str, email: str) -> None:
        row = self.owners.rowCount()
        self._loading = True
        self.owners.insertRow(row)
        self.owners.setItem(row, NAME, QTableWidgetItem(name))
        self.owners.setItem(row, EMAIL, QTableWidgetItem(email))
        self._loading = False

    def _rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.owners.rowCount()):
            cells = [self.owners.item(row, column) for column in (NAME, EMAIL)]
            rows.append(tuple(c.text().strip() if c is not None else "" for c in cells))
        return rows  # type: ignore[return-value]

    def _owners_edited(self, _item: QTableWidgetItem | None = None) -> None:
        if self._loading:
            return
        self._fill_recipients(self.alert_email_to.currentData() or "")
        self._update_state()

    def _fill_recipients(self, current: str) -> None:
        """The owners who can receive alert emails, and "all of them"."""
        self.alert_email_to.blockSignals(True)
        self.alert_email_to.clear()
        self.alert_email_to.addItem(self.tr("Every owner with an email"), "")
        for name, email in self._rows():
            if name and email:
                self.alert_email_to.addItem(
                    self.tr("Only %1").replace("%1", f"{name} <{email}>"), name
                )
        self.alert_email_to.setCurrentIndex(max(0, self.alert_email_to.findData(current)))
        self.alert_email_to.blockSignals(False)

    # -- the form ----------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the form."""
        self._shown = settings
        self.owners.setRowCount(0)
        for name in settings.owners:
            self._add_row(name, settings.owner_email(name))
        for kind, value in settings.alert_thresholds().items():
            self.thresholds[kind].setValue(value)
        self.alert_email.setChecked(settings.alert_email)
        self.host_alerts.setChecked(settings.host_alerts)
        self._fill_recipients(settings.alert_email_to)
        self.auto_follow_up.setChecked(settings.auto_follow_up)
        self.follow_up_texts.load(settings)
        self._update_state()

    def values(self) -> dict[str, object]:
        """The form as keyword arguments for ``save_settings`` (emails normalised when valid)."""
        names: list[str] = []
        emails: list[tuple[str, str]] = []
        for name, email in self._rows():
            if not name and not email:
                continue  # an added row left empty
            names.append(name)
            if email:
                emails.append((name, _normalised(email)))
        values: dict[str, object] = {
            "owners": tuple(names),
            "owner_emails": tuple(emails),
            "alert_email": self.alert_email.isChecked(),
            "alert_email_to": self.alert_email_to.currentData() or "",
            "host_alerts": self.host_alerts.isChecked(),
            "auto_follow_up": self.auto_follow_up.isChecked(),
            "follow_up_texts": self.follow_up_texts.texts(),
            "reply_url": self.follow_up_texts.reply_page(),
        }
        for kind, spin in self.thresholds.items():
            values[f"alert_threshold_{kind}"] = spin.value()
        return values

    def owner_problems(self) -> list[str]:
        """What is wrong in the owners' list, in plain words (bad emails also shown in red)."""
        found, bad_rows = owner_list_problems(self._rows())
        self.owners.blockSignals(True)  # colouring a cell is not an edit
        for row in range(self.owners.rowCount()):
            cell = self.owners.item(row, EMAIL)
            if cell is not None:
                cell.setData(Qt.ItemDataRole.ForegroundRole, None)
                if row in bad_rows:
                    cell.setForeground(QColor(BAD_RED))
        self.owners.blockSignals(False)
        return found

    def problems(self) -> list[str]:
        return self.owner_problems() + self.follow_up_texts.problems()

    def changes(self, against: Settings | None = None) -> dict[str, object]:
        current = against or self.context.settings
        return {k: v for k, v in self.values().items() if getattr(current, k) != v}

    def _update_state(self) -> None:
        owners = self.owner_problems()
        problems = owners + self.follow_up_texts.problems()  # the editor shows its own
        self.owner_problem.setText(" ".join(owners))
        self.owner_problem.setVisible(bool(owners))
        self.save_button.setEnabled(not self._saving and not problems and bool(self.changes()))
        if owners:
            self.status.setText(self.tr("Not saved: correct the owners' list."))
        elif problems:
            self.status.setText(self.tr("Not saved: correct the follow-up texts."))
        elif self.changes():
            self.status.setText(self.tr("Unsaved changes."))
        elif not self._saving and self.status.text() != self.tr("Saved."):
            self.status.clear()
        self._explain()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_owner_button.setEnabled(self.owners.currentRow() >= 0)
        self.alert_email_to.setEnabled(self.alert_email.isChecked())
        self.host_alerts.setEnabled(self.alert_email.isChecked())
        self.host_note.setVisible(self.alert_email.isChecked())

    def _explain(self) -> None:
        """The hints that follow the form: thresholds, email, follow-ups."""
        for kind in KINDS:
            self.threshold_hints[kind].setText(threshold_hint(kind, self.thresholds[kind].value()))
        settings = self.context.settings
        owner_has_email = any(email for _, email in self._rows())
        self.email_note.setText(email_note(settings, self.alert_email.isChecked(), owner_has_email))
        self.host_note.setText(host_note(self._sync))
        self.follow_up_note.setText(follow_up_note(settings))

    def _sync_changed(self, view: SyncView) -> None:
        self._sync = view
        self.host_note.setText(host_note(self._sync))

    # -- saving --------------------------------------------------------------------

    def save(self) -> None:
        changes = self.changes()
        if self._saving or not changes or self.problems():
            return
        self._saving = True
        self.status.setText(self.tr("Saving…"))
        self._update_state()
        self.context.save_settings(**changes)

    def _settings_changed(self, settings: Settings) -> None:
        if self._saving:
            self._saving = False
            self.load(settings)
            self.status.setText(self.tr("Saved."))
            self.saved.emit()
        elif not self.changes(self._shown):
            # Saved elsewhere (another section): show it, unless the user is
            # in the middle of changing this form.
            self.load(settings)
        else:
            self._update_state()  # the SMTP and referral hints may have changed

    def _save_failed(self, error: str) -> None:
        if self._saving:
            self._saving = False
            self._update_state()  # first: it would say "Unsaved changes." over the error
            self.status.setText(self.tr("Could not save: {error}").format(error=error_text(error)))


def _normalised(email: str) -> str:
    """The address as it will be stored; as typed while malformed (problems() says so)."""
    try:
        return normalise_email(email)
    except ValueError:
        return email
