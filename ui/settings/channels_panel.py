"""Settings ▸ Messages: Twilio, SMTP, consent, frequency caps, quiet hours, time zone.

One module over 400 lines because it is one form: its fields, the secrets it guards
and its single Save read the same typed values; the checks that stop a save and the
test message's sending and wording live in ``ui.settings.channel_checks``.

Plain settings are saved through ``AppContext.save_settings``; the Twilio auth
token and the SMTP password go to the OS keyring, or, where the machine has
none, to an encrypted file in the workspace unlocked by a passphrase
(``storage.secrets``). Keyring and file work run on the database worker.

"Send a test SMS" / "Send a test email" write one outbox row and send it at
once with the saved settings (``channels.trial_message``); the outcome is
said in plain words, and a test that went is recorded with its time (the
channel is "tested" until its settings change: ``channels.readiness``).

The opened secret store is the app's (``AppContext.secrets``): unlocking the
encrypted file here, at start or from the Send page unlocks it everywhere.

Signals:
    saved(): settings and secrets were stored.
    tested(str): a test message ended: sent, queued, unknown or failed.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from channels import readiness, trial_message
from storage import secrets
from storage.database import to_text, utc_now
from storage.secrets import SecretStore
from storage.settings import Settings
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint
from ui.context import AppContext
from ui.settings.channel_checks import (
    form_problems,
    send_trial_message,
    trial_outcome_text,
)

SECURITY = ("starttls", "tls", "none")


class ChannelSettingsPanel(QWidget):
    """The sending settings form. See the module docstring for its signals."""

    saved = Signal()
    tested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: SecretStore | None = None
        self._saving = False

        self.account_sid = QLineEdit()
        self.account_sid.setPlaceholderText("AC…")
        self.auth_token = QLineEdit()
        self.auth_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("+15551234567, MyShop or MG…"))
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0.1, 500)
        self.rate.setDecimals(1)
        self.price = QLineEdit()
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText("smtp.example.com")
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setGroupSeparatorShown(False)
        self.security = QComboBox()
        for code, text in zip(
            SECURITY,
            (self.tr("STARTTLS"), self.tr("TLS"), self.tr("None (not recommended)")),
            strict=True,
        ):
            self.security.addItem(text, code)
        self.smtp_user = QLineEdit()
        self.smtp_password = QLineEdit()
        self.smtp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_from = QLineEdit()
        self.smtp_from.setPlaceholderText("survey@example.com")
        self.postal_address = QPlainTextEdit()
        self.postal_address.setMaximumHeight(60)
        self.consent = QCheckBox(self.tr("Send only to contacts who gave consent for the channel"))
        self.cap_answer = QSpinBox()
        self.cap_answer.setRange(0, 365)
        self.cap_answer.setSuffix(self.tr(" days"))
        self.cap_invitation = QSpinBox()
        self.cap_invitation.setRange(0, 365)
        self.cap_invitation.setSuffix(self.tr(" days"))
        self.quiet_start = QTimeEdit()
        self.quiet_end = QTimeEdit()
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
            edit.setTimeRange(QTime(8, 0), QTime(21, 0))
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(sorted(zoneinfo.available_timezones()))

        self.sms_test_to = QLineEdit()
        self.sms_test_to.setPlaceholderText("+819012345678")
        self.sms_test_button = QPushButton(self.tr("Send a test SMS"))
        self.sms_test_button.clicked.connect(lambda: self.send_test("sms"))
        self.email_test_to = QLineEdit()
        self.email_test_to.setPlaceholderText("you@example.com")
        self.email_test_button = QPushButton(self.tr("Send a test email"))
        self.email_test_button.clicked.connect(lambda: self.send_test("email"))
        self.test_status = QLabel()
        self.test_status.setWordWrap(True)
        self.keyring_status = QLabel()
        self.keyring_status.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.save_button = QPushButton(self.tr("Save message settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build()
        self.load(context.settings)
        context.settings_changed.connect(self._settings_changed)
        context.secrets_unlocked.connect(self._show_unlocked)
        self._open_keyring()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(heading(self.tr("SMS (Twilio)"), scale=1.1))
        form.addRow(self.tr("Account SID"), self.account_sid)
        form.addRow(self.tr("Auth token"), self.auth_token)
        form.addRow(self.tr("Sender"), self.sender)
        form.addRow(
            hint(
                self.tr(
                    "A From number in international form, an alphanumeric sender ID (up to "
                    "11 letters and digits, where the country allows it) or a Messaging "
                    "Service SID."
                )
            )
        )
        form.addRow(self.tr("Messages per second"), self.rate)
        form.addRow(self.tr("Price per segment"), self.price)
        sms_test = QHBoxLayout()
        sms_test.addWidget(self.sms_test_to, 1)
        sms_test.addWidget(self.sms_test_button)
        form.addRow(self.tr("Test to"), sms_test)
        form.addRow(heading(self.tr("Email (SMTP)"), scale=1.1))
        form.addRow(self.tr("Server"), self.smtp_host)
        form.addRow(self.tr("Port"), self.smtp_port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("User name"), self.smtp_user)
        form.addRow(self.tr("Password"), self.smtp_password)
        form.addRow(self.tr("From address"), self.smtp_from)
        form.addRow(self.tr("Postal address"), self.postal_address)
        form.addRow(
            hint(
                self.tr(
                    "Every email's footer names your business and this address, as Japanese "
                    "law on commercial email and the large mailbox providers require."
                )
            )
        )
        email_test = QHBoxLayout()
        email_test.addWidget(self.email_test_to, 1)
        email_test.addWidget(self.email_test_button)
        form.addRow(self.tr("Test to"), email_test)
        form.addRow(self.test_status)
        form.addRow(heading(self.tr("Rules"), scale=1.1))
        form.addRow(self.consent)
        form.addRow(self.tr("No new survey after an answer for"), self.cap_answer)
        form.addRow(self.tr("… or after an unanswered invitation for"), self.cap_invitation)
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel("–"))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch(1)
        form.addRow(self.tr("Send only between"), quiet)
        form.addRow(
            hint(
                self.tr(
                    "In each contact's own time zone, within the 08:00–21:00 that US "
                    "telemarketing law allows; other messages wait for the morning."
                )
            )
        )
        form.addRow(self.tr("Workspace time zone"), self.time_zone)
        unlock = QHBoxLayout()
        unlock.addWidget(self.passphrase, 1)
        unlock.addWidget(self.unlock_button)
        save = QHBoxLayout()
        save.addWidget(self.save_button)
        save.addWidget(self.status, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.keyring_status)
        column.addLayout(unlock)
        column.addLayout(save)

    # -- the form ----------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self.account_sid.setText(settings.twilio_account_sid)
        self.sender.setText(settings.twilio_sender)
        self.rate.setValue(settings.sms_per_second)
        self.price.setText(settings.sms_price_per_segment)
        self.smtp_host.setText(settings.smtp_host)
        self.smtp_port.setValue(settings.smtp_port)
        self.security.setCurrentIndex(max(self.security.findData(settings.smtp_security), 0))
        self.smtp_user.setText(settings.smtp_user)
        self.smtp_from.setText(settings.smtp_from)
        self.postal_address.setPlainText(settings.postal_address)
        self.consent.setChecked(settings.consent_required)
        self.cap_answer.setValue(settings.cap_answer_days)
        self.cap_invitation.setValue(settings.cap_invitation_days)
        self.quiet_start.setTime(QTime.fromString(settings.quiet_start, "HH:mm"))
        self.quiet_end.setTime(QTime.fromString(settings.quiet_end, "HH:mm"))
        self.time_zone.setCurrentText(settings.time_zone)

    def values(self) -> dict[str, object]:
        return {
            "twilio_account_sid": self.account_sid.text().strip(),
            "twilio_sender": self.sender.text().strip(),
            "sms_per_second": round(self.rate.value(), 1),
            "sms_price_per_segment": self.price.text().strip() or "0",
            "smtp_host": self.smtp_host.text().strip(),
            "smtp_port": self.smtp_port.value(),
            "smtp_security": self.security.currentData(),
            "smtp_user": self.smtp_user.text().strip(),
            "smtp_from": self.smtp_from.text().strip(),
            "postal_address": self.postal_address.toPlainText().strip(),
            "consent_required": self.consent.isChecked(),
            "cap_answer_days": self.cap_answer.value(),
            "cap_invitation_days": self.cap_invitation.value(),
            "quiet_start": self.quiet_start.time().toString("HH:mm"),
            "quiet_end": self.quiet_end.time().toString("HH:mm"),
            "time_zone": self.time_zone.currentText().strip(),
        }

    def problems(self) -> list[str]:
        """What stops saving, in plain words."""
        return form_problems(self.values(), self.quiet_start.time(), self.quiet_end.time())

    def changes(self) -> dict[str, object]:
        current = self.context.settings
        return {k: v for k, v in self.values().items() if getattr(current, k) != v}

    def secret_changes(self) -> dict[str, str]:
        typed = {
            secrets.TWILIO_AUTH_TOKEN: self.auth_token.text(),
            secrets.SMTP_PASSWORD: self.smtp_password.text(),
        }
        return {name: value for name, value in typed.items() if value}

    # -- secrets -----------------------------------------------------------------

    def _open_keyring(self) -> None:
        folder = self.context.workspace.folder
        if self.context.secrets is not None and self.context.secrets.kind == "file":
            self._show_unlocked()
            return
        if self.context.secrets is not None:
            self.store = self.context.secrets
            self.keyring_status.setText(
                self.tr("The auth token and the password are kept in this computer's keyring.")
            )
            self.passphrase.hide()
            self.unlock_button.hide()
            self._check_stored()
            return
        text = self.tr(
            "This computer has no usable keyring (a safe place the system keeps passwords "
            "in), so Koe cannot store the auth token and the password there. Choose a "
            "passphrase to keep them in an encrypted file in the workspace instead; Koe asks "
            "for it once each time it starts."
        )
        if secrets.has_fallback_file(folder):
            text = self.tr(
                "The auth token and the password are in an encrypted file in the workspace. "
                "Enter the passphrase to unlock it."
            )
        self.keyring_status.setText(text)

    def unlock(self) -> None:
        """Open (or create) the encrypted secrets file with the typed passphrase."""
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Type a passphrase first."))
            return
        self.unlock_button.setEnabled(False)

        def done(_store: SecretStore) -> None:
            self.passphrase.clear()
            self.status.setText(self.tr("Unlocked."))

        def failed(error: Exception) -> None:
            self.unlock_button.setEnabled(True)
            if isinstance(error, secrets.WrongPassphrase):
                self.status.setText(self.tr("That passphrase does not open the secrets file."))
            else:
                self.status.setText(
                    self.tr("Could not open the secrets file: {error}").format(
                        error=error_text(error)
                    )
                )

        self.context.unlock_secrets(passphrase, done, failed)

    def _show_unlocked(self) -> None:
        """The encrypted file was opened (here, at start or from the Send page)."""
        self.store = self.context.secrets
        self.passphrase.clear()
        self.passphrase.hide()
        self.unlock_button.hide()
        self.keyring_status.setText(
            self.tr("The auth token and the password are kept in an encrypted file.")
        )
        self._check_stored()

    def _check_stored(self) -> None:
        store = self.store
        if store is None:
            return

        def job(_db: object) -> set[str]:
            return {name for name in secrets.NAMES if store.get(name)}

        def done(found: set[str]) -> None:
            for name, edit in (
                (secrets.TWILIO_AUTH_TOKEN, self.auth_token),
                (secrets.SMTP_PASSWORD, self.smtp_password),
            ):
                edit.setPlaceholderText(
                    self.tr("Stored — type to replace") if name in found else ""
                )

        self.context.worker.submit(job, done, lambda error: self.status.setText(error_text(error)))

    # -- test messages ---------------------------------------------------------------

    def send_test(self, channel: str) -> None:
        """Send one test message with the saved settings (through the outbox, on the worker)."""
        recipient = (self.sms_test_to if channel == "sms" else self.email_test_to).text().strip()
        if not recipient:
            self.test_status.setText(self.tr("Type where the test message should go."))
            return
        if self.changes() or self.secret_changes():
            self.test_status.setText(self.tr("Save the settings first: the test uses them."))
            return
        store = self.store
        if store is None:
            self.test_status.setText(
                self.tr("Unlock the encrypted secrets file first: the test needs the password.")
            )
            return
        settings = self.context.settings
        language = settings.language or "en"
        self.test_status.setText(self.tr("Sending a test message…"))
        for button in (self.sms_test_button, self.email_test_button):
            button.setEnabled(False)

        def job(db: Database) -> trial_message.TrialOutcome:
            return send_trial_message(db, channel, settings, store, recipient, language)

        def done(outcome: trial_message.TrialOutcome) -> None:
            self._tested()
            if outcome.status == "sent":  # the channel works with these settings
                self.context.save_settings(
                    **{readiness.TESTED_AT[channel]: to_text(utc_now()) or ""}
                )
            self.test_status.setText(trial_outcome_text(outcome, recipient))
            self.tested.emit(outcome.status)

        def failed(error: Exception) -> None:
            self._tested()
            self.test_status.setText(
                self.tr("The test message could not be sent: {error}").format(
                    error=error_text(error)
                )
            )
            self.tested.emit("failed")

        self.context.worker.submit(job, done, failed)

    def _tested(self) -> None:
        for button in (self.sms_test_button, self.email_test_button):
            button.setEnabled(True)

    # -- saving --------------------------------------------------------------------

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.status.setText(" ".join(problems))
            return
        typed = self.secret_changes()
        if typed and self.store is None:
            self.status.setText(
                self.tr(
                    "Unlock the encrypted secrets file (or create it) before saving a password."
                )
            )
            return
        changes = self.changes()
        if not changes and not typed:
            self.status.setText(self.tr("Nothing to save."))
            return
        changes.update(self._untested_by(changes, typed))
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        store = self.store

        def job(_db: object) -> None:
            assert store is not None
            for name, value in typed.items():
                store.set(name, value)

        def secrets_done(_: object) -> None:
            self.auth_token.clear()
            self.smtp_password.clear()
            self._check_stored()
            if changes:
                self.context.save_settings(**changes)
            else:
                self._finish()

        def failed(error: Exception) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Could not save: {error}").format(error=error_text(error)))

        if typed:
            self.context.worker.submit(job, secrets_done, failed)
        else:
            secrets_done(None)

    def _untested_by(self, changes: dict[str, object], typed: dict[str, str]) -> dict[str, str]:
        """The channels whose last test no longer says anything once these changes are saved."""
        reset = {}
        for channel, fields in readiness.TESTED_WITH.items():
            if set(fields) & set(changes) or readiness.SECRET_OF[channel] in typed:
                reset[readiness.TESTED_AT[channel]] = ""
        return reset

    def _settings_changed(self, settings: Settings) -> None:
        if self._saving:
            self.load(settings)
            self._finish()

    def _finish(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved."))
        self.saved.emit()
        self.context.channels_saved.emit(None)
