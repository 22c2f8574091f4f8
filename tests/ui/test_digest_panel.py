"""Settings ▸ Weekly digest: the switch, day and hour, each owner's language, the
surveys, what the last digest did, and "Send a digest now" (a preview)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from channels.digest import queue_digest
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from ui.common import i18n
from ui.context import AppContext
from ui.settings.digest_panel import DigestPanel


@pytest.fixture
def owners(workspace: Workspace) -> None:
    settings_store.save(
        workspace.db(),
        owners=["佐藤", "Ken"],
        owner_emails=[("佐藤", "sato@shop.example"), ("Ken", "ken@shop.example")],
        smtp_host="127.0.0.1",
        smtp_from="koe@shop.example",
        time_zone="Asia/Tokyo",
    )


def shown(qtbot, context: AppContext, workspace: Workspace) -> DigestPanel:
    context.settings = settings_store.load(workspace.db())
    panel = DigestPanel(context)
    qtbot.addWidget(panel)
    panel.resize(620, 560)  # drawn off screen by grab(), as the Settings page shows it
    qtbot.waitUntil(lambda: context.worker.pending == 0)
    return panel


def test_choices_are_saved_as_made(qtbot, context, workspace, owners):
    survey = make_survey(workspace, "nps", languages=("en", "ja"))
    panel = shown(qtbot, context, workspace)
    assert panel.surveys.count() == 1 and panel.surveys.item(0).text() == "Net Promoter Score"
    panel.enabled.setChecked(True)
    panel.weekday.setCurrentIndex(4)  # Friday
    panel.hour.setValue(17)
    ken = panel.findChild(QComboBox, "digest_language_Ken")
    assert ken is not None
    ken.setCurrentIndex(ken.findData("ja"))
    panel.surveys.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: context.worker.pending == 0)
    stored = settings_store.load(workspace.db())
    assert (stored.digest_email, stored.digest_weekday, stored.digest_hour) == (True, 4, 17)
    assert ("Ken", "ja") in stored.digest_languages
    assert stored.digest_surveys == (survey.id,)


def test_the_last_digest_says_why_it_did_not_go(qtbot, context, workspace, owners):
    db = workspace.db()
    settings = settings_store.save(db, digest_email=True, owner_emails=[])
    monday = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
    queue_digest(db, settings, monday.replace(day=23), "en")  # switched on
    queue_digest(db, settings, monday, "en")
    panel = shown(qtbot, context, workspace)
    assert panel.status.text() == (
        "The digest of the week to 2026-11-30 did not go: no owner has an email address."
    )
    assert panel.no_owner.isVisibleTo(panel) and not panel.preview_button.isEnabled()


def test_send_now_writes_a_preview_to_the_owner_chosen(qtbot, context, workspace, owners):
    panel = shown(qtbot, context, workspace)
    panel.preview_to.setCurrentIndex(1)  # Ken
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "in the outbox" in panel.status.text())
    rows = workspace.db().execute("SELECT purpose, recipient, html FROM outbox").fetchall()
    assert [(p, r) for p, r, _ in rows] == [("owner_digest", "ken@shop.example")]
    assert rows[0][2].startswith("<!DOCTYPE html>")
    assert panel.preview_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_panel_in_english_and_japanese(qtbot, qapp, context, workspace, owners, language):
    make_survey(workspace, "nps", languages=("en", "ja"))
    settings_store.save(workspace.db(), language=language)
    i18n.install_translator(qapp, language)
    panel = shown(qtbot, context, workspace)
    panel.grab().save(f"/tmp/digest_panel_{language}.png")
    expected = {"en": "Weekly digest", "ja": "週次レポート"}[language]
    assert expected in [label.text() for label in panel.findChildren(type(panel.status))]
    assert panel.weekday.itemText(0) == {"en": "Monday", "ja": "月曜日"}[language]
