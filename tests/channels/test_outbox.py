"""The dispatcher over a real workspace, a local Twilio-compatible server and aiosmtpd."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from channels.base import OutgoingMessage
from channels.links import unsubscribe_link
from channels.outbox import Dispatcher, Timing
from storage import opt_outs
from storage import outbox as store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.messages import sms_text
from surveys.model import Survey
from tests.channels.conftest import SmtpPeer, sms_channel
from tests.channels.outbox_helpers import PUBLIC_URL, add_contact, queue_invitation
from tests.twilio_server import TwilioServer

FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0, status_every=0.0,
              status_min_age=0.0, replies_every=0.0)  # fmt: skip


@pytest.fixture(autouse=True)
def public_url(workspace: Workspace) -> None:
    settings_store.save(workspace.db(), public_url=PUBLIC_URL, business_name="Test Shop")


def _status(workspace: Workspace, outbox_id: int) -> store.OutboxRow:
    row = store.get(workspace.db(), outbox_id)
    assert row is not None
    return row


def test_sms_go_once_each_with_validity_and_become_delivered(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    ids = [queue_invitation(db, nps_survey.id, "sms", f"+1555000{n:04d}")[0] for n in range(12)]
    dispatcher = Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST)
    dispatcher.run_until_idle()
    assert twilio.state.counts() == {f"+1555000{n:04d}": 1 for n in range(12)}
    assert all(m.validity_period == "3600" for m in twilio.state.outbound())
    assert {_status(workspace, i).status for i in ids} == {"sent"}
    twilio.state.advance()
    twilio.state.advance()
    dispatcher.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and store.status_counts(db)["delivered"] < 12:
        time.sleep(0.02)
    dispatcher.stop()
    assert store.status_counts(db)["delivered"] == 12


def test_a_japanese_number_gets_the_opt_out_link(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    assert nps_survey.id is not None
    outbox_id, token = queue_invitation(workspace.db(), nps_survey.id, "sms", "+819012345678")
    Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST).run_until_idle()
    (sent,) = twilio.state.outbound()
    assert f"{PUBLIC_URL}/u/{token}" in sent.body
    assert _status(workspace, outbox_id).body == sent.body  # what went is what is stored


def test_opted_out_and_not_yet_due_are_not_sent(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    contact = add_contact(db, phone="+15550001111")
    left, _ = queue_invitation(db, nps_survey.id, "sms", "+15550001111", contact_id=contact)
    opt_outs.opt_out(db, contact, "sms")
    later, _ = queue_invitation(
        db, nps_survey.id, "sms", "+15550002222", not_before=datetime.now(UTC) + timedelta(hours=1)
    )
    Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST).run_until_idle()
    assert twilio.state.counts() == {}
    assert _status(workspace, left).status == "skipped"
    assert _status(workspace, later).status == "queued"


def test_permanent_errors_are_shown_per_recipient_and_not_retried(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    twilio.state.landlines.add("+815011112222")
    twilio.state.unsubscribed.add("+15550003333")
    twilio.state.blocked_prefixes = ("+44",)
    rows = {
        "21211": queue_invitation(db, nps_survey.id, "sms", "+1555")[0],
        "21614": queue_invitation(db, nps_survey.id, "sms", "+815011112222")[0],
        "21610": queue_invitation(db, nps_survey.id, "sms", "+15550003333")[0],
        "21408": queue_invitation(db, nps_survey.id, "sms", "+447700900123")[0],
    }
    Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST).run_until_idle()
    for code, outbox_id in rows.items():
        row = _status(workspace, outbox_id)
        assert (row.status, row.error_code, row.attempts) == ("failed", code, 1)
        assert row.error and len(row.error) > 20
    assert "landline" in (_status(workspace, rows["21614"]).error or "")
    unsubscribed = _status(workspace, rows["21610"])
    assert unsubscribed.contact_id is not None
    assert opt_outs.is_opted_out(db, unsubscribed.contact_id, "sms")
    creates = [r for r in twilio.state.requests if r[0] == "POST"]
    assert len(creates) == 4


def test_429_and_5xx_are_retried_and_nothing_goes_twice(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    assert nps_survey.id is not None
    outbox_id, _ = queue_invitation(workspace.db(), nps_survey.id, "sms", "+15550004444")
    twilio.state.fail_next = [429, 500, 503]
    Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST).run_until_idle()
    assert twilio.state.counts() == {"+15550004444": 1}
    assert _status(workspace, outbox_id).status == "sent"


def test_wrong_twilio_credentials_lose_nothing(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    assert nps_survey.id is not None
    ids = [queue_invitation(workspace.db(), nps_survey.id, "sms", f"+1555001{n:04d}")[0]
           for n in range(3)]  # fmt: skip
    bad = sms_channel(twilio, auth_token="wrong")
    dispatcher = Dispatcher(workspace.db_path, {"sms": bad}, timing=FAST)
    dispatcher.run_until_idle(timeout=1)
    assert "auth token" in dispatcher.problems["sms"]
    rows = [_status(workspace, outbox_id) for outbox_id in ids]
    assert {(row.status, row.attempts) for row in rows} == {("queued", 0)}
    assert rows[0].error_code == "20003"  # the one tried says why; the rest wait untouched
    Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST).run_until_idle()
    assert sum(twilio.state.counts().values()) == 3


def test_emails_carry_buttons_headers_and_footer(
    workspace: Workspace, nps_survey: Survey, smtp: SmtpPeer
) -> None:
    assert nps_survey.id is not None
    outbox_id, token = queue_invitation(workspace.db(), nps_survey.id, "email", "a@example.jp")
    Dispatcher(workspace.db_path, {"email": smtp.channel()}, timing=FAST).run_until_idle()
    ((to, mail),) = smtp.sink.received
    assert to == "a@example.jp"
    assert _status(workspace, outbox_id).status == "sent"
    assert mail["Message-ID"] and mail["Date"]
    assert " ".join(mail["List-Unsubscribe"].split()) == (
        f"<{PUBLIC_URL}/u/{token}>, <mailto:survey@shop.example?subject=unsubscribe>"
    )
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain, html = (part.get_payload(decode=True).decode() for part in mail.get_payload())
    assert f"{PUBLIC_URL}/u/{token}" in plain and "1-2-3 Shibuya, Tokyo" in plain
    for score in range(11):
        assert f'href="{PUBLIC_URL}/r/{token}?score={score}"' in html
    assert "<img" not in html and "<link" not in html and "Test Shop" in html


def test_smtp_errors_per_recipient_and_a_server_that_is_down(
    workspace: Workspace, nps_survey: Survey, smtp: SmtpPeer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    smtp.sink.refuse["gone@example.jp"] = "550 5.1.1 No such user"
    smtp.sink.refuse["later@example.jp"] = "451 4.3.0 Try again later"
    gone, _ = queue_invitation(db, nps_survey.id, "email", "gone@example.jp")
    later, _ = queue_invitation(db, nps_survey.id, "email", "later@example.jp")
    fine, _ = queue_invitation(db, nps_survey.id, "email", "fine@example.jp")
    slow = Timing(retry_base=3600)
    Dispatcher(workspace.db_path, {"email": smtp.channel()}, timing=slow).run_until_idle()
    assert (_status(workspace, gone).status, _status(workspace, gone).error_code) == (
        "failed",
        "550",
    )
    assert "No such user" in (_status(workspace, gone).error or "")
    retry = _status(workspace, later)
    assert (retry.status, retry.error_code) == ("queued", "451")
    assert retry.not_before is not None and retry.not_before > datetime.now(UTC)
    assert _status(workspace, fine).status == "sent"

    down, _ = queue_invitation(db, nps_survey.id, "email", "b@example.jp")
    dead = smtp.channel(port=1)  # nothing listens there
    dispatcher = Dispatcher(workspace.db_path, {"email": dead}, timing=FAST)
    dispatcher.run_until_idle(timeout=1)
    assert "Cannot reach the mail server" in dispatcher.problems["email"]
    assert (_status(workspace, down).status, _status(workspace, down).attempts) == ("queued", 0)

    dispatcher = Dispatcher(workspace.db_path, {"email": smtp.channel(password="no")}, timing=FAST)
    dispatcher.run_until_idle(timeout=1)
    assert "refused the user name or password" in dispatcher.problems["email"]
    assert _status(workspace, down).status == "queued"


def test_recovery_reconciles_sms_and_marks_emails_unknown(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer, smtp: SmtpPeer
) -> None:
    """Rows a crash left in 'sending': an SMS Twilio has is 'sent', one it has not goes once."""
    db = workspace.db()
    assert nps_survey.id is not None
    went, went_token = queue_invitation(db, nps_survey.id, "sms", "+15550005555")
    lost, _ = queue_invitation(db, nps_survey.id, "sms", "+15550006666")
    mail, _ = queue_invitation(db, nps_survey.id, "email", "c@example.jp")
    a_minute_ago = datetime.now(UTC) - timedelta(minutes=1)
    for outbox_id in (went, lost, mail):
        row = _status(workspace, outbox_id)
        assert store.claim(db, outbox_id, body=row.body, now=a_minute_ago)
    # Twilio accepted the first before the "crash"; the second never left.
    channel = sms_channel(twilio)
    channel.send(
        OutgoingMessage(went, "+15550005555", _status(workspace, went).body,
                        link=f"{PUBLIC_URL}/r/{went_token}")
    )  # fmt: skip
    dispatcher = Dispatcher(
        workspace.db_path, {"sms": channel, "email": smtp.channel()}, timing=FAST
    )
    dispatcher.run_until_idle()
    assert twilio.state.counts() == {"+15550005555": 1, "+15550006666": 1}
    assert _status(workspace, went).status == "sent"
    assert _status(workspace, lost).status == "sent"
    unknown = _status(workspace, mail)
    assert unknown.status == "unknown" and "will not send it again" in (unknown.error or "")
    assert smtp.sink.received == []
    assert [r.id for r in store.unknown(db)] == [mail]


def test_a_timeout_is_reconciled_before_anything_is_resent(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    """Twilio accepted the SMS but answered too late: it is found, not sent again."""
    assert nps_survey.id is not None
    outbox_id, _ = queue_invitation(workspace.db(), nps_survey.id, "sms", "+15550008888")
    twilio.state.latency = 0.6
    slow = sms_channel(twilio, timeout=0.2)
    dispatcher = Dispatcher(workspace.db_path, {"sms": slow}, timing=FAST)
    dispatcher.run_until_idle(timeout=3)
    assert _status(workspace, outbox_id).status == "sending"
    assert "could not be asked" in dispatcher.problems["sms"]
    twilio.state.latency = 0
    # The request still in flight lands 0.6 s after it began: a channel whose requests
    # may take 0.7 s asks Twilio only then, and finds it.
    patient = sms_channel(twilio, timeout=0.7)
    Dispatcher(workspace.db_path, {"sms": patient}, timing=FAST).run_until_idle()
    assert _status(workspace, outbox_id).status == "sent"
    assert twilio.state.counts() == {"+15550008888": 1}
    assert len([r for r in twilio.state.requests if r[0] == "POST"]) == 1


def test_undelivered_sms_carry_the_carriers_reason(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    assert nps_survey.id is not None
    outbox_id, _ = queue_invitation(workspace.db(), nps_survey.id, "sms", "+15550009999")
    twilio.state.undeliverable["+15550009999"] = 30003
    dispatcher = Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST)
    dispatcher.run_until_idle()
    dispatcher.check_now()
    assert _status(workspace, outbox_id).status == "sent"  # still on its way
    twilio.state.advance()
    twilio.state.advance()
    dispatcher.check_now()
    row = _status(workspace, outbox_id)
    assert (row.status, row.error_code) == ("undelivered", "30003")
    assert "unreachable" in (row.error or "")


NEW_URL = "https://koe-moved.example.jp"


def test_a_message_queued_before_the_address_changed_goes_as_written(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer, smtp: SmtpPeer
) -> None:
    """Its links, its opt-out line and the email's buttons stay on the address it was
    written with: one opt-out line, never a second one built on the new address."""
    db = workspace.db()
    assert nps_survey.id is not None
    sms_id, sms_token = queue_invitation(db, nps_survey.id, "sms", "+819012340000")
    row = _status(workspace, sms_id)
    with_line = sms_text(
        row.body,
        language="ja",
        recipient="+819012340000",
        unsubscribe_url=unsubscribe_link(PUBLIC_URL, sms_token),
    )
    db.execute("UPDATE outbox SET body = ? WHERE id = ?", [with_line, sms_id])
    mail_id, mail_token = queue_invitation(db, nps_survey.id, "email", "d@example.jp")
    settings_store.save(db, public_url=NEW_URL)
    Dispatcher(
        workspace.db_path, {"sms": sms_channel(twilio), "email": smtp.channel()}, timing=FAST
    ).run_until_idle()
    (sent,) = twilio.state.outbound()
    assert sent.body == with_line
    assert sent.body.count("配信停止") == 1 and NEW_URL not in sent.body
    assert _status(workspace, sms_id).body == sent.body
    ((_, mail),) = smtp.sink.received
    assert f"<{PUBLIC_URL}/u/{mail_token}>" in mail["List-Unsubscribe"]
    html = mail.get_payload()[1].get_payload(decode=True).decode()
    assert f'href="{PUBLIC_URL}/r/{mail_token}?score=10"' in html
    assert NEW_URL not in html
    assert _status(workspace, mail_id).status == "sent"


def _crashed(workspace: Workspace, outbox_id: int) -> store.OutboxRow:
    """The row as a crash leaves it: claimed a minute ago, its final body stored."""
    row = _status(workspace, outbox_id)
    minute_ago = datetime.now(UTC) - timedelta(minutes=1)
    assert store.claim(workspace.db(), outbox_id, body=row.body, now=minute_ago)
    return _status(workspace, outbox_id)


def test_recovery_finds_an_sms_by_its_token_after_the_address_changed(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    """Twilio took the SMS (and re-encoded its text) before the crash; the Public URL
    changed since. Recovery finds it by the delivery's token and sends nothing again."""
    db = workspace.db()
    assert nps_survey.id is not None
    outbox_id, _ = queue_invitation(db, nps_survey.id, "sms", "+15550007777")
    row = _crashed(workspace, outbox_id)
    reencoded = row.body.replace("Hi, how", "Hi，how")  # as smart encoding might
    channel = sms_channel(twilio)
    channel.send(OutgoingMessage(outbox_id, row.recipient, reencoded))
    settings_store.save(db, public_url=NEW_URL)
    Dispatcher(workspace.db_path, {"sms": channel}, timing=FAST).run_until_idle()
    assert twilio.state.counts() == {"+15550007777": 1}
    assert _status(workspace, outbox_id).status == "sent"


def test_recovery_does_not_take_the_invitation_for_a_follow_up_of_the_same_delivery(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    """The invitation and a follow-up carry the same token; the follow-up a crash left
    unsent is sent, not mistaken for the invitation that went a minute before."""
    db = workspace.db()
    assert nps_survey.id is not None
    invitation, _ = queue_invitation(db, nps_survey.id, "sms", "+819055550000")
    channel = sms_channel(twilio)
    Dispatcher(workspace.db_path, {"sms": channel}, timing=FAST).run_until_idle()
    delivery_id = _status(workspace, invitation).delivery_id
    follow_up = store.enqueue(
        db,
        channel="sms",
        recipient="+819055550000",
        body="Thank you for your answer.",
        purpose="follow_up",
        delivery_id=delivery_id,
    )
    _crashed(workspace, follow_up)
    Dispatcher(workspace.db_path, {"sms": channel}, timing=FAST).run_until_idle()
    assert twilio.state.counts() == {"+819055550000": 2}
    followed = _status(workspace, follow_up)
    assert followed.status == "sent"
    assert followed.provider_id != _status(workspace, invitation).provider_id
