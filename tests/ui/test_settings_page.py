"""The Settings page: the form saves through the worker and survives reopening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.helpers import free_port
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.page import SettingsPage, is_web_address


@pytest.fixture
def page(qtbot, window: MainWindow, koe_app: KoeApp) -> SettingsPage:
    """The Settings page, shown in the main window."""
    window.show_page("settings")
    settings_page = window.pages["settings"]
    assert isinstance(settings_page, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return settings_page


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://survey.example.com", True),
        ("http://192.0.2.10:8080/koe", True),
        ("https://例え.jp/", True),
        ("", False),
        ("survey.example.com", False),
        ("ftp://example.com", False),
        ("https://", False),
        ("https://exa mple.com", False),
        ("http://example.com:99999", False),
    ],
)
def test_is_web_address(text, ok):
    assert is_web_address(text) is ok


def test_languages_are_named_in_their_own_language(page: SettingsPage):
    names = [page.language.itemText(i) for i in range(page.language.count())]
    assert names[1:] == ["日本語", "English"]
    assert [page.language.itemData(i) for i in range(page.language.count())] == ["", "ja", "en"]


def test_save_is_enabled_only_for_valid_changes(qtbot, page: SettingsPage):
    assert not page.save_button.isEnabled()
    page.business_name.setText("Sakura Bakery")
    assert page.save_button.isEnabled()
    page.public_url.setText("survey.example.com")
    assert not page.save_button.isEnabled()
    assert "http://" in page.save_status.text()
    page.public_url.setText("https://survey.example.com/")
    assert page.save_button.isEnabled()
    assert page.values()["public_url"] == "https://survey.example.com"


def test_saved_settings_persist_across_reopening(qtbot, page: SettingsPage, koe_app, workspace):
    port = free_port()
    page.language.setCurrentIndex(page.language.findData("en"))  # ja: test_language_switch
    page.business_name.setText("  さくらベーカリー ")
    page.privacy_url.setText("https://example.com/privacy")
    page.port.setValue(port)
    page.public_url.setText("https://survey.example.com")
    with qtbot.waitSignal(page.saved, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.save_status.text() == "Saved."
    assert not page.save_button.isEnabled()
    # A new port takes effect at once.
    assert koe_app.context.server_url == f"http://127.0.0.1:{port}"

    koe_app.shutdown()
    workspace.close()
    with Workspace.open(workspace.folder) as reopened:
        stored = settings_store.load(reopened.db())
    assert stored.language == "en"
    assert stored.business_name == "さくらベーカリー"
    assert stored.privacy_url == "https://example.com/privacy"
    assert stored.port == port
    assert stored.public_url == "https://survey.example.com"


def test_ctrl_s_saves_when_the_page_is_shown(qtbot, page: SettingsPage, koe_app):
    page.window().activateWindow()
    page.business_name.setFocus()
    qtbot.waitUntil(page.business_name.hasFocus)
    page.business_name.setText("Koe Café")
    with qtbot.waitSignal(page.saved, timeout=5000):
        qtbot.keyClick(page.business_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert koe_app.context.settings.business_name == "Koe Café"


def test_server_problem_is_shown(page: SettingsPage, koe_app):
    koe_app.context.set_server_state("", "Port 8765 on 127.0.0.1 is already in use.")
    assert "already in use" in page.server_status.text()
