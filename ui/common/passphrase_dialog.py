"""Asks for the passphrase of the encrypted secrets file (where the machine has no keyring).

Shown at start when that file is locked, and from the Send page's "Unlock…". The
file is opened on the worker (``AppContext.unlock_secrets``); a wrong passphrase
says so and lets the user try again. "Later" closes it: messages that need a
secret wait, and the Send page says why. The passphrase is never stored or logged;
it lives only in the opened store in memory.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.secrets import WrongPassphrase
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.context import AppContext


class PassphraseDialog(QDialog):
    """The passphrase field, "Unlock" and "Later"; accepted once the file is open."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Unlock the secrets"))
        self.text = QLabel(
            self.tr(
                "This computer has no keyring, so Koe keeps the Twilio auth token and the "
                "email password in an encrypted file in the workspace. Enter its passphrase "
                "to send messages."
            )
        )
        self.text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.unlock)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(self.passphrase)
        column.addWidget(self.status)
        column.addWidget(buttons)
        self.setMinimumWidth(440)

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Type the passphrase first."))
            return
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.status.setText(self.tr("Unlocking…"))
        # Closed meanwhile ("Later", Esc): the file still opens, nothing here is touched.
        self.context.unlock_secrets(
            passphrase, guarded(self, self._opened), guarded(self, self._refused)
        )

    def _opened(self, _store: object) -> None:
        self.passphrase.clear()
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.passphrase.clear()
        self.passphrase.setFocus()
        if isinstance(error, WrongPassphrase):
            self.status.setText(
                self.tr("That passphrase does not open the secrets file. Try again.")
            )
        else:
            self.status.setText(
                self.tr("Could not open the secrets file: {error}").format(error=error_text(error))
            )
