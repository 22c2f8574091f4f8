"""Settings ▸ Weekly digest: the owners' weekly email (channels.digest).

The switch, the day and hour (the workspace's time zone), each owner's
language, the surveys it reports on (none ticked: every open survey), what the
last digest did (sent, or why not), and "Send a digest now" to one owner as a
preview. Each change is saved at once through ``AppContext.save_settings``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import digest as digest_store
from storage import surveys as survey_store
from storage.database import utc_now
from storage.settings import Settings
from surveys.model import SurveyStatus
from ui.common.i18n import resolve_language
from ui.common.page_jobs import guarded
from ui.common.widgets import heading, hint
from ui.context import AppContext

LANGUAGE_NAMES = (("ja", "日本語"), ("en", "English"))


class DigestPanel(QWidget):
    """The weekly digest's settings, its last outcome and a preview button."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self.enabled = QCheckBox(self.tr("Email the owners a weekly digest"))
        self.weekday = QComboBox()
        for day, name in enumerate(self._day_names()):
            self.weekday.addItem(name, day)
        self.hour = QSpinBox()
        self.hour.setRange(0, 23)
        self.hour.setSuffix(self.tr(":00"))
        self.zone = QLabel()
        when = QHBoxLayout()
        for widget in (self.weekday, self.hour, self.zone):
            when.addWidget(widget)
        when.addStretch(1)
        self.owners = QFormLayout()
        self.no_owner = hint(
            self.tr("No owner has an email address yet: add one under Acting on answers.")
        )
        self.surveys = QListWidget()
        self.surveys.setObjectName("digest_surveys")
        self.surveys.setMaximumHeight(110)
        self.status = hint("")
        self.status.setObjectName("digest_status")
        self.preview_to = QComboBox()
        self.preview_button = QPushButton(self.tr("Send a digest now"))
        self.preview_button.clicked.connect(self.send_preview)
        preview = QHBoxLayout()
        preview.addWidget(QLabel(self.tr("Preview to")))
        preview.addWidget(self.preview_to)
        preview.addWidget(self.preview_button)
        preview.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Weekly digest")))
        column.addWidget(
            hint(
                self.tr(
                    "Each week: the score and its interval against the week before, the trend,"
                    " new low scores, open follow-ups and the top tags, by email."
                )
            )
        )
        column.addWidget(self.enabled)
        form = QFormLayout()
        for layout in (form, self.owners):
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Sent on"), when)
        form.addRow(self.tr("Languages"), self.owners)
        form.addRow(self.tr("Surveys"), self.surveys)
        column.addLayout(form)
        column.addWidget(self.no_owner)
        column.addWidget(
            hint(self.tr("Tick the surveys to report on; with none ticked, every open survey."))
        )
        column.addWidget(self.status)
        column.addLayout(preview)
        column.addStretch(1)  # a taller panel keeps its rows together at the top

        self.enabled.toggled.connect(self._save)
        self.weekday.currentIndexChanged.connect(self._save)
        self.hour.valueChanged.connect(self._save)
        self.surveys.itemChanged.connect(self._save)
        context.settings_changed.connect(self.load)
        self.load(context.settings)

    def _day_names(self) -> list[str]:
        return [
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"),
        ]  # fmt: skip

    # -- showing ---------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings``, then the surveys and the last digest (read on the worker)."""
        self._loading = True
        try:
            self.enabled.setChecked(settings.digest_email)
            self.weekday.setCurrentIndex(settings.digest_weekday % 7)
            self.hour.setValue(settings.digest_hour)
            self.zone.setText(self.tr("(%1)").replace("%1", settings.time_zone))
            self._show_owners(settings)
        finally:
            self._loading = False
        picked = set(settings.digest_surveys)

        def job(db: Database) -> tuple[list[tuple[int, str]], digest_store.Claim | None]:
            language = resolve_language(settings.language)
            rows = [
                (s.id, s.title.get_for(language))
                for s in survey_store.list_all(db)
                if not s.archived and (s.status == SurveyStatus.OPEN or s.id in picked)
            ]
            return rows, digest_store.last_claim(db)

        self.context.worker.submit(job, guarded(self, lambda r: self._show_read(r, picked)))

    def _show_owners(self, settings: Settings) -> None:
        while self.owners.rowCount():
            self.owners.removeRow(0)
        self.preview_to.clear()
        chosen = dict(settings.digest_languages)
        fallback = resolve_language(settings.language)
        for name, address in settings.digest_owners():
            box = QComboBox()
            box.setObjectName(f"digest_language_{name}")
            for code, label in LANGUAGE_NAMES:
                box.addItem(label, code)
            box.setCurrentIndex(max(box.findData(chosen.get(name, fallback)), 0))
            box.currentIndexChanged.connect(self._save)
            self.owners.addRow(f"{name} <{address}>", box)
            self.preview_to.addItem(f"{name} <{address}>", (name, address))
        has_owner = bool(settings.digest_owners())
        self.no_owner.setVisible(not has_owner)
        self.preview_button.setEnabled(has_owner and settings.can_email())

    def _show_read(
        self, read: tuple[list[tuple[int, str]], digest_store.Claim | None], picked: set[int]
    ) -> None:
        rows, claim = read
        self._loading = True
        try:
            self.surveys.clear()
            for survey_id, title in rows:
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, survey_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = survey_id in picked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.surveys.addItem(item)
        finally:
            self._loading = False
        self.status.setText(self._claim_text(claim))

    def _claim_text(self, claim: digest_store.Claim | None) -> str:
        settings = self.context.settings
        if not settings.can_email():
            return self.tr("No email server is set up (Messages above): no digest can go.")
        if claim is None:
            return self.tr("No digest has gone yet.")
        words = {
            "queued": self.tr("The digest of the week to %1 went to %2 owner(s)."),
            "started": self.tr("Switched on in the week to %1: the first digest goes next time."),
            "no_recipient": self.tr("The digest of the week to %1 did not go: no owner has an"
                                    " email address."),
            "no_server": self.tr("The digest of the week to %1 did not go: no email server"
                                 " was set up."),
        }  # fmt: skip
        text = words.get(claim.outcome, "%1: " + claim.outcome)
        return text.replace("%1", claim.period).replace("%2", str(claim.recipients))

    # -- changing --------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        languages = []
        for row in range(self.owners.rowCount()):
            label = self.owners.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            box = self.owners.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            assert isinstance(label, QLabel) and isinstance(box, QComboBox)
            name = label.text().rsplit(" <", 1)[0]
            languages.append([name, box.currentData()])
        picked = [
            self.surveys.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.surveys.count())
            if self.surveys.item(n).checkState() == Qt.CheckState.Checked
        ]
        return {
            "digest_email": self.enabled.isChecked(),
            "digest_weekday": self.weekday.currentIndex(),
            "digest_hour": self.hour.value(),
            "digest_languages": languages,
            "digest_surveys": picked,
        }

    def _save(self, *_args: object) -> None:
        if not self._loading:
            self.context.save_settings(**self.values())

    def send_preview(self) -> None:
        """The current week's digest to the owner chosen, now (it goes through the outbox)."""
        target = self.preview_to.currentData()
        if not target:
            return
        name, address = target
        settings = self.context.settings
        language = dict(settings.digest_languages).get(name, resolve_language(settings.language))
        clock = getattr(self.context, "clock", utc_now)

        def job(db: Database) -> int:
            from channels.digest import queue_preview

            return len(queue_preview(db, settings, address, language, clock()))

        def done(_count: int) -> None:
            self.preview_button.setEnabled(True)
            self.status.setText(
                self.tr("A digest to %1 is in the outbox: it leaves within a minute.").replace(
                    "%1", address
                )
            )

        self.preview_button.setEnabled(False)
        self.context.worker.submit(job, guarded(self, done))
        # Whatever became of the job (an error is reported by the worker), the button
        # comes back: this runs after it on the worker's queue.
        self.context.worker.submit(
            lambda _db: None, guarded(self, lambda _r: self.preview_button.setEnabled(True))
        )
