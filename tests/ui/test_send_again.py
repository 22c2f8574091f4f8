"""An email whose fate a crash hid ('unknown') is sent again from the Send page, by the
user, after a warning that it may arrive twice: the real sender, aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from channels.lane import UNKNOWN_EMAIL
from channels.links import new_token, personal_link
from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import settings as settings_store
from surveys.campaign_plan import PlannedDelivery, PlannedMessage
from tests.channels.conftest import SmtpPeer, smtp  # noqa: F401
from ui.common import i18n
from ui.send.page import SendPage
from ui.send.progress import ProgressView

# An offscreen window-modal message box warns once that it cannot size itself.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ADDRESS = "ann@example.com"
PUBLIC_URL = "https://koe.example.jp"


@pytest.fixture
def unknown_email(workspace, nps_survey, smtp: SmtpPeer) -> tuple[int, int]:  # noqa: F811
    """A campaign whose one email a crash left 'unknown'; (campaign id, outbox id)."""
    db = workspace.db()
    settings_store.save(
        db,
        language="en",
        public_url=PUBLIC_URL,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="survey@shop.example",
    )
    contact = contact_store.add(db, name="Ann", email=ADDRESS, language="en")
    token = new_token()
    body = f"Hi Ann, how did we do? {personal_link(PUBLIC_URL, token)}"
    message = PlannedMessage(
        "invitation", "email", ADDRESS, "How did we do?", body, datetime.now(UTC)
    )
    campaign_id = campaign_store.create(
        db,
        survey_id=nps_survey.id,
        name="Spring",
        settings={},
        deliveries=[PlannedDelivery(contact, "email", token, "en", (message,))],
    )
    (row,) = campaign_store.outbox_rows(db, campaign_id)
    assert outbox_store.claim(db, row["id"], body=body)
    assert outbox_store.mark_unknown(db, row["id"], UNKNOWN_EMAIL)
    return campaign_id, row["id"]


def _progress(qtbot, window, koe_app, campaign_id: int) -> ProgressView:
    window.show_page("send")
    page = window.pages["send"]
    assert isinstance(page, SendPage)
    page.select_campaign(campaign_id)
    view = page.progress
    qtbot.waitUntil(lambda: view.progress is not None and koe_app.worker.pending == 0)
    return view


def _answer(qtbot, view: ProgressView, button: str) -> None:
    view.table.selectRow(0)
    assert view.resend_button.isEnabled()
    view.resend_button.click()
    box = view.resend_box
    assert box is not None and box.isVisible()
    words = f"{box.text()} {box.informativeText()}"
    assert ADDRESS in words and "twice" in words  # the risk, in plain words
    (chosen,) = [b for b in box.buttons() if b.text() == button]
    chosen.click()
    qtbot.waitUntil(lambda: view.resend_box is None)


def test_send_again_resends_an_unknown_email_once_after_the_user_confirms(
    qtbot,
    unknown_email,
    smtp: SmtpPeer,  # noqa: F811
    workspace,
    koe_app,
    window,
):
    campaign_id, outbox_id = unknown_email
    assert koe_app.start_sender()
    view = _progress(qtbot, window, koe_app, campaign_id)
    assert view.counts["unknown"].text() == "1"
    assert "Done" in view.status.text()  # nothing was left to send
    assert view.resend_button.isVisibleTo(view)
    assert not view.resend_button.isEnabled()  # no row chosen yet
    errors = view.model.index(0, view.model.COL_ERROR).data()
    assert "send it again" in errors

    # Cancel: nothing goes, the row stays unknown.
    _answer(qtbot, view, "Cancel")
    koe_app.sender.wake()
    qtbot.wait(500)
    assert smtp.sink.received == []
    assert outbox_store.get(workspace.db(), outbox_id).status == "unknown"

    _answer(qtbot, view, "Send again")
    qtbot.waitUntil(lambda: smtp.sink.count(ADDRESS) == 1, timeout=15_000)
    qtbot.waitUntil(lambda: view.counts["sent"].text() == "1", timeout=10_000)
    row = outbox_store.get(workspace.db(), outbox_id)
    assert row.status == "sent" and row.attempts == 2
    assert view.counts["unknown"].text() == "0"
    assert not view.resend_button.isVisibleTo(view)
    koe_app.sender.wake()
    qtbot.wait(500)
    assert smtp.sink.count(ADDRESS) == 1  # once, and only once
    assert "Done" in view.status.text()  # active while it went, done again after
    ((_, mail),) = smtp.sink.received
    assert f"{PUBLIC_URL}/r/" in mail.get_payload()[0].get_payload(decode=True).decode()


@pytest.fixture
def japanese(qapp):
    assert i18n.install_translator(qapp, "ja") == "ja"
    yield
    i18n.install_translator(qapp, "en")


def test_send_again_reads_right_in_japanese(
    qtbot, japanese, unknown_email, workspace, koe_app, window, tmp_path
):
    campaign_id, _ = unknown_email
    view = _progress(qtbot, window, koe_app, campaign_id)
    assert view.resend_button.text() == "再送信…"
    view.table.selectRow(0)
    view.confirm_resend()
    box = view.resend_box
    assert isinstance(box, QMessageBox)
    assert "2通" in box.informativeText() and ADDRESS in box.text()
    assert [b.text() for b in box.buttons() if b.text() == "再送信"]
    box.grab().save(str(tmp_path / "send_again_ja.png"))
    window.grab().save(str(tmp_path / "send_page_ja.png"))
    box.reject()
