"""Settings ▸ Acting on answers: owners with emails, thresholds, follow-ups; bad emails refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import responses
from storage import settings as settings_store
from storage.workspace import Workspace
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.follow_up_panel import EMAIL, NAME, FollowUpSettingsPanel
from ui.settings.page import SettingsPage


@pytest.fixture
def panel(qtbot, window: MainWindow, koe_app: KoeApp) -> FollowUpSettingsPanel:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return page.follow_up


def type_owner(panel: FollowUpSettingsPanel, name: str, email: str) -> None:
    """Add an owner as a user does: the Add button, then type into the new row's cells."""
    row = panel.owners.rowCount()
    panel.add_owner_button.click()
    panel.owners.item(row, NAME).setText(name)
    panel.owners.item(row, EMAIL).setText(email)


def save(qtbot, panel: FollowUpSettingsPanel) -> None:
    assert panel.save_button.isEnabled()
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Saved."


def test_the_defaults_read_as_sentences(panel: FollowUpSettingsPanel):
    assert panel.owners.rowCount() == 0
    assert panel.thresholds["nps"].value() == 6
    assert panel.threshold_hints["nps"].text() == "Alert when an NPS score (0–10) is 6 or lower."
    assert "is 2 or lower" in panel.threshold_hints["csat"].text()
    assert "is 3 or lower" in panel.threshold_hints["ces"].text()
    assert not panel.alert_email.isChecked() and not panel.auto_follow_up.isChecked()
    # No email server in a new workspace: the panel says emails need one.
    assert "Emails need an email server" in panel.email_note.text()
    assert "referral" in panel.follow_up_note.text()
    assert not panel.save_button.isEnabled()


def test_saved_owners_are_offered_on_a_detractors_case(
    qtbot, panel: FollowUpSettingsPanel, window: MainWindow, workspace: Workspace, nps_survey
):
    type_owner(panel, "佐藤", "sato@shop.example")
    type_owner(panel, "Ken", "")
    panel.thresholds["nps"].setValue(7)
    assert panel.threshold_hints["nps"].text() == "Alert when an NPS score (0–10) is 7 or lower."
    save(qtbot, panel)
    stored = settings_store.load(workspace.db())
    assert stored.owners == ("佐藤", "Ken")
    assert stored.owner_email("佐藤") == "sato@shop.example" and stored.owner_email("Ken") == ""
    assert stored.alert_threshold_nps == 7

    responses.record(workspace.db(), nps_survey, {"nps": 2, "reason": "遅い"}, language="ja")
    page = window.pages["comments"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        window.show_page("comments")
    page.table.selectRow(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.case_box.isEnabled() and detail.case_box.isVisible())
    offered = [detail.owner.itemData(i) for i in range(detail.owner.count())]
    assert offered == ["", "佐藤", "Ken"]


def test_a_malformed_email_is_explained_and_not_saved(
    qtbot, panel: FollowUpSettingsPanel, workspace: Workspace
):
    type_owner(panel, "Aiko", "aiko@@shop")
    panel.auto_follow_up.setChecked(True)
    assert panel.owner_problem.isVisible()
    assert "“aiko@@shop” is not an email address" in panel.owner_problem.text()
    assert not panel.save_button.isEnabled()
    panel.save()  # Ctrl+S-like attempts do nothing either
    qtbot.wait(100)
    assert settings_store.load(workspace.db()).owners == ()

    panel.owners.item(0, EMAIL).setText("aiko@shop.example")
    assert not panel.owner_problem.isVisible()
    assert panel.auto_follow_up.isChecked()  # nothing else typed was lost
    save(qtbot, panel)
    stored = settings_store.load(workspace.db())
    assert stored.owner_email("Aiko") == "aiko@shop.example" and stored.auto_follow_up


def test_auto_follow_up_and_alert_emails_persist_across_reopening(
    qtbot, panel: FollowUpSettingsPanel, koe_app: KoeApp, workspace: Workspace
):
    type_owner(panel, "Mori", "mori@shop.example")
    panel.auto_follow_up.setChecked(True)
    panel.alert_email.setChecked(True)
    panel.alert_email_to.setCurrentIndex(panel.alert_email_to.findData("Mori"))
    save(qtbot, panel)
    koe_app.shutdown()
    workspace.close()
    with Workspace.open(workspace.folder) as reopened:
        stored = settings_store.load(reopened.db())
    assert stored.auto_follow_up is True
    assert stored.alert_email is True and stored.alert_email_to == "Mori"
    assert stored.alert_recipients() == ["mori@shop.example"]


def test_removing_an_owner_removes_their_email_choice(
    qtbot, panel: FollowUpSettingsPanel, koe_app: KoeApp
):
    with qtbot.waitSignal(koe_app.context.settings_changed, timeout=5000):
        koe_app.context.save_settings(smtp_host="127.0.0.1", smtp_from="koe@shop.example")
    assert "Sent through the outbox" in panel.email_note.text()  # an email server now
    type_owner(panel, "Mori", "mori@shop.example")
    panel.alert_email.setChecked(True)
    panel.alert_email_to.setCurrentIndex(panel.alert_email_to.findData("Mori"))
    panel.owners.setCurrentCell(0, NAME)
    panel.remove_owner_button.click()
    assert panel.owners.rowCount() == 0
    assert panel.alert_email_to.findData("Mori") < 0
    assert panel.values()["alert_email_to"] == ""
    assert "No owner has an email address" in panel.email_note.text()
