"""The dialog that adds or edits one chat or webhook destination (Settings → Chat and
webhooks). It only collects what the owner types (``channels.webhooks.destinations.Typed``);
the panel checks and stores it on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from channels.webhooks.destinations import Typed
from storage.webhooks import DETRACTOR, RESPONSE, TASK, Destination
from ui.common.widgets import save_cancel


def kind_names() -> dict[str, str]:
    """Each service by its own name; the generic webhook in the window's language."""
    own = QCoreApplication.translate("WebhookDialog", "Your own web address (signed JSON)")
    return {"slack": "Slack", "teams": "Microsoft Teams", "google_chat": "Google Chat",
            "chatwork": "Chatwork", "generic": own}  # fmt: skip


class WebhookDialog(QDialog):
    """Kind, name, address or Chatwork token and room, events, comments, language."""

    def __init__(
        self,
        language: str,
        destination: Destination | None = None,
        signing_secret: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chat or webhook"))
        self.editing = destination
        self.kind = QComboBox()
        for code, name in kind_names().items():
            self.kind.addItem(name, code)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. #customer-voice"))
        self.url = QLineEdit()
        self.url.setEchoMode(QLineEdit.EchoMode.Password)  # a webhook URL is a password
        self.url.setPlaceholderText("https://")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("e.g. 123456789"))
        self.responses = QCheckBox(self.tr("Every new answer"))
        self.detractors = QCheckBox(self.tr("Low scores (as the alert emails)"))
        self.tasks = QCheckBox(self.tr("New follow-up tasks"))
        self.comments = QCheckBox(self.tr("Include the customer's comment"))
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.secret = QLineEdit(signing_secret)
        self.secret.setReadOnly(True)

        form = QFormLayout()
        form.addRow(self.tr("Service"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        self.url_label = QLabel(self.tr("Webhook address"))
        form.addRow(self.url_label, self.url)
        self.token_label = QLabel(self.tr("API token"))
        form.addRow(self.token_label, self.token)
        self.room_label = QLabel(self.tr("Room id"))
        form.addRow(self.room_label, self.room)
        self.secret_label = QLabel(self.tr("Signing secret"))
        form.addRow(self.secret_label, self.secret)
        form.addRow(self.tr("Send"), self.responses)
        form.addRow("", self.detractors)
        form.addRow("", self.tasks)
        form.addRow("", self.comments)
        form.addRow(self.tr("Language"), self.language)
        buttons = save_cancel(self)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)

        self.detractors.setChecked(True)
        self.comments.setChecked(True)
        self.language.setCurrentIndex(0 if language == "ja" else 1)
        if destination is not None:
            self._load(destination)
        self._show_fields()

    def _load(self, destination: Destination) -> None:
        self.kind.setCurrentIndex(self.kind.findData(destination.kind))
        self.kind.setEnabled(False)
        self.name.setText(destination.name)
        self.room.setText(destination.room_id)
        self.url.setPlaceholderText(self.tr("Saved; type a new one to change it"))
        self.token.setPlaceholderText(self.tr("Saved; type a new one to change it"))
        self.responses.setChecked(RESPONSE in destination.events)
        self.detractors.setChecked(DETRACTOR in destination.events)
        self.tasks.setChecked(TASK in destination.events)
        self.comments.setChecked(destination.send_comments)
        self.language.setCurrentIndex(self.language.findData(destination.language))

    def _show_fields(self) -> None:
        chatwork = self.kind.currentData() == "chatwork"
        for widget in (self.url_label, self.url):
            widget.setVisible(not chatwork)
        for widget in (self.token_label, self.token, self.room_label, self.room):
            widget.setVisible(chatwork)
        shown = self.kind.currentData() == "generic" and bool(self.secret.text())
        self.secret_label.setVisible(shown)
        self.secret.setVisible(shown)

    def typed(self) -> Typed:
        events = tuple(
            event
            for event, box in ((RESPONSE, self.responses), (DETRACTOR, self.detractors),
                               (TASK, self.tasks))
            if box.isChecked()
        )  # fmt: skip
        return Typed(
            kind=self.kind.currentData(),
            name=self.name.text(),
            events=events,
            send_comments=self.comments.isChecked(),
            language=self.language.currentData(),
            url=self.url.text(),
            token=self.token.text(),
            room_id=self.room.text(),
        )
