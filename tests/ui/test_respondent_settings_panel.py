"""Settings ▸ Thank-you page and Protection: changes persist, bad input is explained."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import settings as settings_store
from storage.workspace import Workspace
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.page import SettingsPage
from ui.settings.respondent_panel import RespondentSettingsPanel, split_addresses


@pytest.fixture
def panel(qtbot, window: MainWindow, koe_app: KoeApp) -> RespondentSettingsPanel:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return page.respondent


def test_panel_shows_the_defaults(panel: RespondentSettingsPanel):
    assert not panel.follow_up.isChecked()
    assert panel.referral_url.text() == panel.review_url.text() == ""
    assert panel.rate_limit.value() == 20
    assert panel.proxies.text() == ""
    assert not panel.save_button.isEnabled()


def test_changes_persist_across_reopening(
    qtbot, panel: RespondentSettingsPanel, koe_app: KoeApp, workspace: Workspace
):
    panel.follow_up.setChecked(True)
    panel.referral_url.setText(" https://example.com/refer ")
    panel.review_url.setText("https://g.page/r/sakura/review")
    panel.rate_limit.setValue(45)
    panel.proxies.setText("127.0.0.1, 10.0.0.0/8  ::1")
    assert panel.status.text() == "Unsaved changes."

    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    assert panel.status.text() == "Saved."
    assert not panel.save_button.isEnabled()
    assert koe_app.context.settings.rate_limit_per_minute == 45
    koe_app.shutdown()
    workspace.close()
    with Workspace.open(workspace.folder) as reopened:
        stored = settings_store.load(reopened.db())
    assert stored.follow_up_detractors is True
    assert stored.referral_url == "https://example.com/refer"
    assert stored.review_url == "https://g.page/r/sakura/review"
    assert stored.rate_limit_per_minute == 45
    assert stored.trusted_proxies == ("127.0.0.1", "10.0.0.0/8", "::1")


def test_bad_links_and_addresses_are_explained_and_not_saved(panel: RespondentSettingsPanel):
    panel.review_url.setText("g.page/r/sakura")
    assert not panel.save_button.isEnabled()
    assert "The review link must be a web address" in panel.status.text()

    panel.review_url.setText("https://g.page/r/sakura")
    panel.proxies.setText("127.0.0.1, proxy.local")
    assert not panel.save_button.isEnabled()
    assert "proxy.local" in panel.status.text()

    panel.proxies.setText("127.0.0.1")
    assert panel.save_button.isEnabled()


def test_saving_another_section_keeps_what_is_being_typed(
    qtbot, panel: RespondentSettingsPanel, koe_app: KoeApp
):
    panel.review_url.setText("https://g.page/r/sakura/review")

    with qtbot.waitSignal(koe_app.context.settings_changed, timeout=5000):
        koe_app.context.save_settings(business_name="Sakura Bakery")

    assert panel.review_url.text() == "https://g.page/r/sakura/review"
    assert panel.save_button.isEnabled()


def test_split_addresses():
    assert split_addresses(" 127.0.0.1,10.0.0.1 、 ::1\n") == ("127.0.0.1", "10.0.0.1", "::1")
    assert split_addresses("") == ()
