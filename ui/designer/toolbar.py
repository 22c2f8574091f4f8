"""The designer's toolbar: back, title and status, whether it is saved, undo, redo, preview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QWidget

from ui.common.icons import icon
from ui.common.widgets import heading_font
from ui.designer.saver import SaveState

_SAVE_ICONS = {
    SaveState.SAVED: "check",
    SaveState.PENDING: "check",
    SaveState.SAVING: "check",
    SaveState.REFUSED: "cloud-off",
    SaveState.FAILED: "cloud-off",
}


class DesignerToolbar(QToolBar):
    """Shows what is being designed and whether it is saved.

    ``title_label``, ``status_label`` and ``save_label`` are public for tests.
    """

    def __init__(
        self,
        actions: dict[str, QAction],
        undo: QAction,
        redo: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(18, 18))
        self.addAction(actions["back"])
        self.addSeparator()
        self.title_label = QLabel()
        self.title_label.setFont(heading_font(self.title_label.font(), 1.15))
        self.title_label.setContentsMargins(6, 0, 6, 0)
        self.status_label = QLabel()
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.addWidget(self.title_label)
        self.addWidget(self.status_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.save_icon = QLabel()
        self.save_label = QLabel()
        self.save_label.setContentsMargins(4, 0, 8, 0)
        self.addWidget(self.save_icon)
        self.addWidget(self.save_label)
        self.addSeparator()
        # Undo and redo name the edit in their tooltip, not on the button: the
        # text changes with every edit and would make the toolbar jump.
        for action in (undo, redo):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAutoRaise(True)
            self.addWidget(button)
        self.addAction(actions["preview"])
        self._state = SaveState.SAVED

    def show_title(self, title: str, status: str) -> None:
        self.title_label.setText(title)
        self.status_label.setText(status)

    def show_save_state(self, state: SaveState, reason: str) -> None:
        self._state = state
        texts = {
            SaveState.SAVED: self.tr("Saved"),
            SaveState.PENDING: self.tr("Saving…"),
            SaveState.SAVING: self.tr("Saving…"),
            SaveState.REFUSED: self.tr("Not saved"),
            SaveState.FAILED: self.tr("Not saved"),
        }
        self.save_label.setText(texts[state])
        self.save_label.setToolTip(reason)
        self.save_icon.setPixmap(icon(_SAVE_ICONS[state], self.palette()).pixmap(16, 16))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.save_icon.setPixmap(icon(_SAVE_ICONS[self._state], self.palette()).pixmap(16, 16))
        super().changeEvent(event)
