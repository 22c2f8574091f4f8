"""Settings ▸ Acting on answers: the follow-up texts per band and language, their checks and
previews; and the SMS replies a person wrote, on the Send page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from channels import replies
from channels.base import InboundMessage
from storage import contacts as contact_store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.sms import sms_segments
from tests.ui.test_follow_up_settings_panel import panel  # noqa: F401 (a fixture)
from ui.main_window import MainWindow
from ui.send.page import SendPage
from ui.session import KoeApp
from ui.settings.follow_up_panel import FollowUpSettingsPanel

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui"


def choose(editor, band: str, language: str) -> None:
    editor.band.setCurrentIndex(editor.band.findData(band))
    editor.language.setCurrentIndex(editor.language.findData(language))


def test_a_bands_text_is_edited_checked_previewed_and_saved(
    qtbot,
    panel: FollowUpSettingsPanel,  # noqa: F811
    koe_app: KoeApp,
    workspace: Workspace,
):
    editor = panel.follow_up_texts
    choose(editor, "passive", "ja")
    # Koe's text to start from, with how to reply filled in per person.
    assert editor.body.toPlainText().endswith("少しお話を伺えれば幸いです。{reply}")
    # Japan has no two-way SMS and there is no reply page yet: the SMS would not go.
    assert "not sent: nobody can answer it" in editor.preview.text()
    editor.reply_url.setText("https://cafe-koe.example.jp/contact")
    shown = editor.preview.text()
    assert "こちらからご連絡ください: https://cafe-koe.example.jp/contact" in shown
    japanese_sms = shown.split("\n\n")[0].split("\n", 1)[1]
    count = sms_segments(japanese_sms)
    assert f"({count.characters} characters, {count.segments} segments)" in shown
    assert japanese_sms.splitlines()[-1].startswith("配信停止 ")
    # A mistyped placeholder and a passive text that no longer says how to reply.
    editor.body.setPlainText("{nmae}様、ご回答ありがとうございました。")
    assert "{nmae}, which is not a placeholder" in editor.problem.text()
    assert "needs {reply}" in editor.problem.text()
    assert not panel.save_button.isEnabled()
    assert panel.status.text() == "Not saved: correct the follow-up texts."
    editor.body.setPlainText("{name}様、{company}です。店長が伺います。{reply}")
    assert editor.problem.text() == "" and panel.save_button.isEnabled()
    panel.resize(900, panel.sizeHint().height())
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "follow-up-texts.png"))
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    stored = settings_store.load(workspace.db())
    assert stored.follow_up_texts == (
        (
            "passive",
            "ja",
            "ご回答ありがとうございました",
            "{name}様、{company}です。店長が伺います。{reply}",
        ),
    )
    assert stored.reply_url == "https://cafe-koe.example.jp/contact"
    # Koe's text again: nothing of the owner's is kept for that band.
    qtbot.mouseClick(editor.restore, Qt.MouseButton.LeftButton)
    assert editor.texts() == ()


@pytest.fixture
def send_page(qtbot, window: MainWindow, koe_app: KoeApp, nps_survey) -> SendPage:
    window.show_page("send")
    page = window.pages["send"]
    assert isinstance(page, SendPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and page.data is not None)
    return page


def test_a_customers_own_sms_reply_shows_on_the_send_page(
    qtbot, workspace: Workspace, window: MainWindow, koe_app: KoeApp, nps_survey
):
    db = workspace.db()
    contact_store.add(db, name="Ann", phone="+14155550103", language="en")
    when = datetime(2030, 1, 15, 5, 0, tzinfo=UTC)
    for sid, body in (("SM1", "STOP"), ("SM2", "Coffee was cold. Call me after 6?")):
        replies.handle(db, InboundMessage(sid, "+14155550103", body, when))
    window.show_page("send")
    page = window.pages["send"]
    assert isinstance(page, SendPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and page.data is not None)
    view = page.replies
    assert view.title.text() == "SMS replies (1)"  # STOP is acted on, not listed
    (item,) = [view.list.item(row) for row in range(view.list.count())]
    assert item.text().startswith("Ann (+14155550103) · ")
    assert item.text().endswith("\nCoffee was cold. Call me after 6?")
