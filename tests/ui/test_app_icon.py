"""Koe's own icon on its window (and so in the taskbar or dock), not Qt's default."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.helpers import free_port
from tests.ui.starting import run_app
from ui.main_window import MainWindow

ACCENT = QColor("#0f5fa6")  # the icon's background (tools/app_icon.py)


def test_the_window_shows_koes_icon(qtbot, workspace_dir):
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(ws.db(), port=free_port(), language="en", setup_done=True)
    seen = {}

    def look() -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible() and "icon" not in seen:
                seen["icon"] = window.windowIcon().pixmap(64, 64).toImage()
                window.close()

    assert run_app(workspace_dir, look) == 0
    image = seen["icon"]
    assert not image.isNull()
    # The blue square with its white speech bubble: blue at the rim, white inside.
    assert image.pixelColor(32, 2).name() == ACCENT.name()
    assert image.pixelColor(32, 14).name() == "#ffffff"
