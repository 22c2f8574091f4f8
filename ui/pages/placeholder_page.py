"""Pages that later issues build: Contacts and Send.

Until then each says plainly what is coming and what to do today, with a
button that goes to the Surveys page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.icons import icon
from ui.widgets import heading_font


class PlaceholderPage(QWidget):
    """An empty state: an icon, a title, what is coming, what to do now.

    Signals:
        navigate_requested(str): the user asked to go to the page with this key
            ("surveys").
    """

    navigate_requested = Signal(str)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, icon_name: str
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._icon_name = icon_name

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel()
        self.title.setFont(heading_font(self.font(), 1.5))
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.coming = QLabel()
        self.now = QLabel()
        for label in (self.title, self.coming, self.now):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.go_button = QPushButton(self.tr("Go to Surveys"))
        self.go_button.clicked.connect(lambda: self.navigate_requested.emit("surveys"))

        # The text sits in a centred column of bounded width: a measure that stays
        # readable in both languages, however wide the window. (A wrapping label
        # given an alignment in its layout would shrink to one line instead.)
        body = QWidget()
        body.setMaximumWidth(540)
        column = QVBoxLayout(body)
        column.setSpacing(14)
        column.addWidget(self.picture)
        column.addWidget(self.title)
        column.addWidget(self.coming)
        column.addWidget(self.now)
        column.addSpacing(6)
        column.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(body, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)
        self._paint_icons()

    def set_text(self, title: str, coming: str, now: str) -> None:
        self.title.setText(title)
        self.coming.setText(coming)
        self.now.setText(now)

    def _paint_icons(self) -> None:
        self.picture.setPixmap(icon(self._icon_name, self.palette()).pixmap(48, 48))
        self.go_button.setIcon(icon("arrow-right", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == event.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)


class SendPage(PlaceholderPage):
    """Send: coming in a later issue."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, icon_name="send")
        self.set_text(
            title=self.tr("Sending is coming soon"),
            coming=self.tr(
                "Here you will send surveys to your contacts as SMS and email campaigns, "
                "with reminders and quiet hours."
            ),
            now=self.tr(
                "For now, share a survey's link or QR code from the Surveys page: "
                "put the link in your own messages or print the QR code."
            ),
        )
