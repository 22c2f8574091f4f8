"""The SMS replies people wrote in their own words, shown on the Send page.

A passive customer asked to talk answers the follow-up SMS (where two-way SMS
reaches our number): Koe keeps what they wrote (``channels.replies``) and lists
it here, newest first, with who wrote it, so a person can answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from storage.outbox import SmsReply
from ui.common.widgets import hint


class RepliesView(QWidget):
    """A heading and the list of replies; ``show_replies`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("replies_title")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.empty = hint(
            self.tr(
                "When a customer answers an SMS in their own words (where two-way SMS "
                "works: not to Japanese numbers), it shows here."
            )
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        self.show_replies([])

    def show_replies(self, replies: list[SmsReply]) -> None:
        self.title.setText(self.tr("SMS replies (%n)", "", len(replies)))
        self.list.clear()
        for reply in replies:
            when = reply.received_at.astimezone().strftime("%Y-%m-%d %H:%M")
            who = f"{reply.contact_name} ({reply.sender})" if reply.contact_name else reply.sender
            item = QListWidgetItem(f"{who} · {when}\n{reply.body}")
            item.setToolTip(reply.body)
            self.list.addItem(item)
        self.list.setVisible(bool(replies))
        self.empty.setVisible(not replies)
