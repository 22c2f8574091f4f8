"""What the Surveys page shows before there is any survey: a way to make the first one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.icons import icon
from ui.widgets import heading_font


class SurveysEmptyState(QWidget):
    """A friendly invitation with a big New survey button that triggers ``new_action``."""

    def __init__(self, new_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.title = QLabel(self.tr("No surveys yet"))
        self.title.setFont(heading_font(self.font(), 1.5))
        self.message = QLabel(
            self.tr(
                "Create your first survey from a template: NPS for loyalty, CSAT for "
                "satisfaction or CES for effort. The wording is ready in Japanese and "
                "English; it takes a minute."
            )
        )
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # A measure that stays readable however wide the window is.
        self.message.setMaximumWidth(480)
        self.button = QPushButton(self.tr("New survey"))
        self.button.setFont(heading_font(self.font(), 1.15))
        self.button.setIconSize(QSize(22, 22))
        self.button.setMinimumSize(220, 48)
        self.button.clicked.connect(new_action.trigger)

        column = QVBoxLayout(self)
        column.setSpacing(14)
        column.addStretch(2)
        for widget in (self.picture, self.title, self.message):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        self._paint_icons()

    def _paint_icons(self) -> None:
        self.picture.setPixmap(icon("clipboard-list", self.palette()).pixmap(48, 48))
        self.button.setIcon(icon("plus", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
