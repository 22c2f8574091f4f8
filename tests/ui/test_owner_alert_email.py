"""End to end: an answer posted to the running survey site reaches the owner's inbox.

The real path: the embedded web server stores the answer, the window's alert
check queues the email in the outbox, the app's sender (channels.sender, as
started by KoeApp) sends it to aiosmtpd on 127.0.0.1.
"""

from __future__ import annotations

from email.header import decode_header, make_header

import httpx
import pytest

from storage import outbox as outbox_store
from storage import settings as settings_store
from tests.channels.conftest import SmtpPeer, smtp  # noqa: F401
from tests.web.conftest import answer

OWNER = "sato@shop.example"


@pytest.fixture
def alerting(workspace, smtp: SmtpPeer):  # noqa: F811
    """Saved before the app starts, as a user who set this up yesterday."""
    settings_store.save(
        workspace.db(),
        language="en",
        owners=["佐藤"],
        owner_emails=[("佐藤", OWNER)],
        alert_email=True,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="koe@shop.example",
    )


def test_a_detractor_answer_reaches_the_owners_inbox_within_a_minute(
    qtbot,
    alerting,
    smtp: SmtpPeer,  # noqa: F811
    nps_survey,
    workspace,
    koe_app,
    window,
):
    assert koe_app.start_sender()
    alerts = window.alerts
    qtbot.waitUntil(lambda: alerts._after is not None)
    with httpx.Client(base_url=window.context.server_url, follow_redirects=True) as client:
        page = answer(client, f"/s/{nps_survey.slug}", {"nps": "3", "reason": "待たされました"})
    assert page.status_code == 200

    qtbot.waitUntil(lambda: smtp.sink.count(OWNER) == 1, timeout=60_000)
    ((_, message),) = smtp.sink.received
    assert "3/10" in str(make_header(decode_header(message["Subject"])))
    (plain,) = [p for p in message.walk() if p.get_content_type() == "text/plain"]
    body = plain.get_payload(decode=True).decode(plain.get_content_charset() or "utf-8")
    assert "Score: 3/10" in body and "待たされました" in body and "Comments page" in body
    assert window.alert_bar.isVisible()  # the banner too

    # Another look (another answer, the timer) sends nothing more.
    alerts.check()
    qtbot.waitUntil(lambda: window.context.worker.pending == 0)
    qtbot.wait(300)
    assert smtp.sink.count(OWNER) == 1
    sent = outbox_store.in_status(workspace.db(), outbox_store.SENT, "email")
    assert [row.purpose for row in sent] == ["owner_alert"]
