"""The designer's left side: survey settings, the list of questions, and what to do with them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from ui.common.icons import icon
from ui.designer.actions import LIST_ACTIONS
from ui.designer.list_model import QuestionListModel
from ui.designer.list_view import QuestionListView


class QuestionPanel(QWidget):
    """``settings_button`` (checked while the settings are shown), ``list_view`` over
    ``model``, ``add_button`` (the Add question menu) and buttons for the other actions."""

    def __init__(
        self,
        model: QuestionListModel,
        actions: dict[str, QAction],
        add_menu: QMenu,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings_button = QPushButton(
            icon("settings-2", self.palette()), actions["settings"].text()
        )
        self.settings_button.setCheckable(True)
        self.settings_button.setFlat(True)
        self.settings_button.setStyleSheet("text-align: left; padding: 6px 8px;")
        self.settings_button.clicked.connect(actions["settings"].trigger)
        self.list_view = QuestionListView()
        self.list_view.setModel(model)
        self.list_view.setAccessibleName(self.tr("Questions"))
        for name in LIST_ACTIONS:
            self.list_view.addAction(actions[name])
        self.add_button = QToolButton()
        self.add_button.setDefaultAction(actions["add"])
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(add_menu)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        for name in ("duplicate", "move_up", "move_down", "delete"):
            button = QToolButton()
            button.setDefaultAction(actions[name])
            button.setAutoRaise(True)
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.settings_button)
        column.addWidget(self.list_view, 1)
        column.addLayout(buttons)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.settings_button.setIcon(icon("settings-2", self.palette()))
        super().changeEvent(event)
