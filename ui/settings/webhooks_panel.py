"""Settings → Chat and webhooks: the destinations Koe posts news to (docs/webhooks.md).

Add, edit and remove destinations (``WebhookDialog``); "Send a test message" posts
to the selected one at once and says plainly what happened. Rows are stored on
the worker; addresses and tokens go to the secret store (``AppContext.secrets``),
never to the workspace file. A change restarts the sender (``channels_saved``),
which sends through a 'webhook' lane while a destination exists.

Signals:
    tested(str): a test ended; carries the words shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from channels.webhooks import destinations
from channels.webhooks.channel import read_secret
from channels.webhooks.client import WebhookClient
from channels.webhooks.events import send_test
from storage import webhooks as store
from ui.common.i18n import resolve_language
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.widgets import heading, hint
from ui.context import AppContext
from ui.settings.webhook_dialog import WebhookDialog, kind_names


class WebhooksPanel(QWidget):
    tested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # How the Test button connects (tests trust their own local CA through it).
        self.client_factory: Callable[[], WebhookClient] = WebhookClient
        self.dialog: WebhookDialog | None = None
        self._shown: list[store.Destination] = []

        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.test_button = QPushButton(self.tr("Send a test message"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test)
        self.list.currentRowChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Chat and webhooks")))
        column.addWidget(
            hint(
                self.tr(
                    "Post new answers, low scores or new follow-up tasks to Slack, "
                    "Microsoft Teams, Google Chat, Chatwork or your own web address. "
                    "Each message gives the score, the survey and the response number "
                    "to find it in Koe; never a survey link."
                )
            )
        )
        column.addWidget(self.list)
        column.addLayout(buttons)
        column.addWidget(self.status)
        self._update_buttons()
        self.refresh()

    # -- the list -------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.worker.submit(store.all_destinations, guarded(self, self._show))

    def _show(self, found: list[store.Destination]) -> None:
        self._shown = found
        self.list.clear()
        names = kind_names()
        for destination in found:
            events = {
                store.RESPONSE: self.tr("every answer"),
                store.DETRACTOR: self.tr("low scores"),
                store.TASK: self.tr("new tasks"),
            }
            what = self.tr(", ").join(events[e] for e in destination.events)
            comments = "" if destination.send_comments else self.tr(" (no comments)")
            text = (
                self.tr("%1 — %2: %3%4")
                .replace("%1", destination.name)
                .replace("%2", names.get(destination.kind, destination.kind))
                .replace("%3", what)
                .replace("%4", comments)
            )
            self.list.addItem(QListWidgetItem(text))
        if found:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> store.Destination | None:
        row = self.list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(chosen)

    def _language(self) -> str:
        return resolve_language(self.context.settings.language)

    # -- add, edit, remove ----------------------------------------------------------

    def open_dialog(self, destination: store.Destination | None) -> WebhookDialog | None:
        """Open the dialog to add (None) or edit a destination; saving stores it."""
        secrets = self.context.secrets
        if secrets is None:
            self.status.setText(self.tr("Unlock the secrets first: addresses are kept there."))
            return None
        secret = ""
        if destination is not None and destination.kind == "generic":
            secret = destinations.signing_secret(secrets, destination.id)
        self.dialog = WebhookDialog(self._language(), destination, secret, self)
        self.dialog.accepted.connect(lambda: self._save(self.dialog, destination))
        self.dialog.open()
        return self.dialog

    def _save(self, dialog: WebhookDialog | None, old: store.Destination | None) -> None:
        secrets = self.context.secrets
        if dialog is None or secrets is None:
            return
        typed = dialog.typed()
        webhook_id = old.id if old is not None else None

        def job(db: Database) -> store.Destination:
            return destinations.save(db, secrets, typed, webhook_id)

        def done(saved: store.Destination) -> None:
            words = self.tr("Saved. Send a test message to check it.")
            if saved.kind == "generic" and old is None:
                words = self.tr(
                    "Saved. Give your receiver this signing secret to check Koe's "
                    "signature (docs/webhooks.md): %1"
                ).replace("%1", destinations.signing_secret(secrets, saved.id))
            self.status.setText(words)
            self.refresh()
            self.context.channels_saved.emit(None)  # the sender takes the webhook lane

        self.context.worker.submit(job, guarded(self, done), guarded(self, self._failed))

    def remove(self) -> None:
        destination, secrets = self.selected(), self.context.secrets
        if destination is None or secrets is None:
            return

        def done(canceled: int) -> None:
            words = self.tr("Removed; %n message(s) not sent yet were canceled.", "", canceled)
            self.status.setText(words if canceled else self.tr("Removed."))
            self.refresh()
            self.context.channels_saved.emit(None)

        self.context.worker.submit(
            lambda db: destinations.remove(db, secrets, destination.id),
            guarded(self, done),
            guarded(self, self._failed),
        )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    # -- test -----------------------------------------------------------------------

    def test(self) -> None:
        """Post the test message to the selected destination now (on the worker)."""
        destination, secrets = self.selected(), self.context.secrets
        if destination is None or secrets is None:
            return
        factory = self.client_factory
        self.test_button.setEnabled(False)
        self.status.setText(
            self.tr("Sending a test message to %1…").replace("%1", destination.name)
        )

        def job(_db: Database) -> str:
            client = factory()
            try:
                return send_test(
                    client,
                    destination.kind,
                    read_secret(secrets.get, destination.id),
                    room_id=destination.room_id,
                    language=destination.language,
                )
            finally:
                client.close()

        def done(_provider_id: str) -> None:
            self._tested(
                self.tr("The test message went to %1: look for it there.").replace(
                    "%1", destination.name
                )
            )

        def failed(error: BaseException) -> None:
            self._tested(
                self.tr("The test message did not go: %1").replace("%1", error_text(error))
            )

        self.context.worker.submit(job, guarded(self, done), guarded(self, failed))

    def _tested(self, words: str) -> None:
        self.status.setText(words)
        self._update_buttons()
        self.tested.emit(words)
