"""A quiet "Loading…" laid over a widget whose content is on its way.

It covers the whole widget with the window's own colour, so what the widget
showed before (numbers for another filter, say) cannot be read beneath it,
and it takes no room in the layout: nothing moves when it comes and goes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


class LoadingCover(QLabel):
    """Covers ``part`` while ``set_loading(True)``; without ``say``, silently (a part
    right under another that already says it is loading)."""

    def __init__(self, part: QWidget, *, say: bool = True) -> None:
        super().__init__(part)
        self.setObjectName("loading_cover")
        self.setText(self.tr("Loading…") if say else "")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAutoFillBackground(True)
        self._part = part
        part.installEventFilter(self)
        self.hide()

    @property
    def loading(self) -> bool:
        return not self.isHidden()

    def set_loading(self, loading: bool) -> None:
        if loading == self.loading:
            return
        if loading:
            self.setGeometry(self._part.rect())
            self.raise_()
        self.setVisible(loading)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._part and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._part.rect())
        return False
