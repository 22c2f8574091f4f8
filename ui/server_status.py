"""The status bar's word on the survey site: an icon and where the site listens, or why
it does not (``ServerStatus``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from ui.common.icons import icon
from ui.common.widgets import server_status_text


class ServerStatus:
    """Puts its ``icon`` and ``label`` into ``window``'s status bar; ``show`` says the
    site's state. The icon is drawn in the window's colours (light or dark)."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        bar = window.statusBar()
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.icon)
        bar.addWidget(self.label, 1)
        self._icon_name = "globe"

    def show(self, url: str, error: str) -> None:
        self.label.setText(server_status_text(url, error))
        self.label.setToolTip(error)
        self._icon_name = "triangle-alert" if error else "globe"
        self.paint_icon()

    def paint_icon(self) -> None:
        self.icon.setPixmap(icon(self._icon_name, self._window.palette()).pixmap(16, 16))
