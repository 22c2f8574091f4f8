"""Settings ▸ Acting on answers: "Email alerts from the public host while this computer is off".

Driven as a user does, against a public host served by the real site with the
sync API on 127.0.0.1: the choice is saved, published at the next sync (the
owners who get alerts, nothing of any customer), and the panel says what the
host can do with it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import alert_claims
from storage import contacts as contact_store
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.ui.test_public_host import sync_now
from tests.ui.test_sync_panel import TIMEOUT, connect, host  # noqa: F401
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.follow_up_panel import EMAIL, NAME, FollowUpSettingsPanel
from ui.settings.page import SettingsPage

OWNER = "sato@shop.example"


@pytest.fixture
def page(qtbot, window: MainWindow, koe_app: KoeApp) -> SettingsPage:
    window.show_page("settings")
    settings = window.pages["settings"]
    assert isinstance(settings, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and not koe_app.sync.busy, timeout=TIMEOUT)
    return settings


def choose_host_alerts(qtbot, panel: FollowUpSettingsPanel) -> None:
    """Add an owner with an address, turn emails on, then the host's alerts, and save."""
    panel.add_owner_button.click()
    panel.owners.item(0, NAME).setText("佐藤")
    panel.owners.item(0, EMAIL).setText(OWNER)
    assert not panel.host_alerts.isEnabled()  # emails first
    panel.alert_email.click()
    assert panel.host_alerts.isEnabled() and panel.host_note.isVisible()
    panel.host_alerts.click()
    with qtbot.waitSignal(panel.saved, timeout=TIMEOUT):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)


def test_the_choice_is_saved_published_and_explained(
    qtbot,
    page: SettingsPage,
    workspace: Workspace,
    host,  # noqa: F811
):
    host_workspace, url = host
    contact_store.add(workspace.db(), name="山田 花子", email="hanako@example.jp")
    panel = page.follow_up
    assert not panel.host_note.isVisible()  # nothing to explain while emails are off

    choose_host_alerts(qtbot, panel)
    assert settings_store.load(workspace.db()).host_alerts
    assert "Needs a public host" in panel.host_note.text()

    connect(qtbot, page.sync_panel, url)
    sync_now(qtbot, page.sync_panel)
    hosted = settings_store.load(host_workspace.db())
    assert hosted.host_alerts and hosted.alert_recipients() == [OWNER]
    assert contact_store.count(host_workspace.db()) == 0
    # This host was started without an email server: the panel says who adds one, how.
    assert "no email server yet" in panel.host_note.text()
    assert "main.py alert-email" in panel.host_note.text()

    alert_claims.set_email_state(host_workspace.db(), alert_claims.EMAIL_READY)
    sync_now(qtbot, page.sync_panel)
    assert "has an email server for alerts" in panel.host_note.text()

    panel.host_alerts.click()  # off again: the host forgets the owners' addresses
    with qtbot.waitSignal(panel.saved, timeout=TIMEOUT):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    sync_now(qtbot, page.sync_panel)
    hosted = settings_store.load(host_workspace.db())
    assert not hosted.host_alerts and hosted.owner_emails == ()


def test_turning_emails_off_leaves_the_host_choice_but_greys_it(
    qtbot, page: SettingsPage, workspace: Workspace
):
    panel = page.follow_up
    choose_host_alerts(qtbot, panel)
    panel.alert_email.click()
    assert not panel.host_alerts.isEnabled() and panel.host_alerts.isChecked()
    assert not panel.host_note.isVisible()
