"""An empty state: an icon, a title, a line or two of text and an optional button, centred.

The text sits in a column of bounded width that the layout stretches, not in
labels centred by alignment flags: a word-wrapped label centred that way is
given its one-line size hint and cuts its text off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.icons import icon
from ui.common.widgets import heading_font

COLUMN_WIDTH = 520


class EmptyState(QWidget):
    """Shows an icon, ``title`` and ``text``, and a button when ``button_text`` is given.

    ``button`` (QPushButton or None) is public: connect its ``clicked``. A big
    button (``big=True``) is the page's call to action.
    """

    def __init__(
        self,
        icon_name: str,
        button_text: str = "",
        button_icon: str = "",
        *,
        big: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._button_icon = button_icon
        self.button: QPushButton | None = None
        if button_text:
            self.button = QPushButton(button_text)
            if big:
                self.button.setFont(heading_font(self.button.font(), 1.15))
                self.button.setIconSize(QSize(22, 22))
                self.button.setMinimumSize(220, 48)
        button = self.button
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel()
        self.title.setFont(heading_font(self.font(), 1.4))
        self.text = QLabel()
        for label in (self.title, self.text):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        column_widget = QWidget()
        column_widget.setMaximumWidth(COLUMN_WIDTH)
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.picture)
        column.addWidget(self.title)
        column.addWidget(self.text)
        if button is not None:
            column.addSpacing(6)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._column = column

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column_widget, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)
        self._paint_icons()

    def add_second_action(self, text: str) -> QPushButton:
        """A quieter second way forward, under the main button (flat, like a link)."""
        action = QPushButton(text)
        action.setFlat(True)
        action.setCursor(Qt.CursorShape.PointingHandCursor)
        self._column.addWidget(action, 0, Qt.AlignmentFlag.AlignHCenter)
        return action

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)

    def _paint_icons(self) -> None:
        self.picture.setPixmap(icon(self._icon_name, self.palette()).pixmap(48, 48))
        if self.button is not None and self._button_icon:
            self.button.setIcon(icon(self._button_icon, self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
