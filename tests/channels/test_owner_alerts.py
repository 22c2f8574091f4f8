"""Detractor alert emails to the owners: through the outbox to a real SMTP server, once."""

from __future__ import annotations

from datetime import timedelta
from email.header import decode_header, make_header
from email.message import Message

import pytest

from channels.links import new_token
from channels.outbox import Dispatcher, Timing
from channels.owner_alerts import PARTIAL_WAIT, queue_owner_alerts
from storage import contacts as contact_store
from storage import deliveries, responses
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.database import utc_now
from tests.channels.conftest import SmtpPeer

FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0)
OWNER = "sato@shop.example"


@pytest.fixture
def alerting(workspace, smtp: SmtpPeer):
    return settings_store.save(
        workspace.db(),
        owners=["佐藤", "Ken"],
        owner_emails=[("佐藤", OWNER)],
        alert_email=True,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="koe@shop.example",
    )


def send(workspace, smtp: SmtpPeer, **channel: object) -> Dispatcher:
    dispatcher = Dispatcher(
        workspace.db_path, {"email": smtp.channel(user="", **channel)}, timing=FAST
    )
    dispatcher.run_until_idle(timeout=5)
    return dispatcher


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def text(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no plain text part")


def from_contact(db, survey, score, comment, name="山田 花子"):
    contact = contact_store.add(db, name=name, email="hanako@example.jp", phone="+819012345678")
    delivery = deliveries.create(
        db, survey_id=survey.id, token=new_token(), channel="email", contact_id=contact
    )
    answers = {"nps": score, "reason": comment}
    return responses.record(db, survey, answers, language="ja", delivery=delivery)


def test_a_detractor_reaches_the_owner_once_in_japanese(workspace, nps_survey, smtp, alerting):
    db = workspace.db()
    from_contact(db, nps_survey, 3, "レジの待ち時間が長すぎました")

    queued = queue_owner_alerts(db, alerting, 0, "ja")
    assert [o.outcome for o in queued] == ["queued"]
    assert queue_owner_alerts(db, alerting, 0, "ja") == []  # the check runs twice: still once
    send(workspace, smtp)
    send(workspace, smtp)

    assert smtp.sink.count(OWNER) == 1
    assert len(smtp.sink.received) == 1  # only the owner with an address
    ((_, message),) = smtp.sink.received
    assert "3/10" in subject(message) and "ネット・プロモーター・スコア" in subject(message)
    body = text(message)
    assert "スコア：3/10" in body
    assert "レジの待ち時間が長すぎました" in body
    assert "回答者：山田 花子" in body
    assert "hanako@example.jp" not in body and "+819012345678" not in body
    assert "「コメント」ページ" in body
    assert "お客様にお送りしています" not in body and "担当者として登録されている" in body
    assert "回答日時：" in body


def test_english_for_an_english_workspace_and_anonymous_answers(
    workspace, nps_survey, smtp, alerting
):
    db = workspace.db()
    responses.record(db, nps_survey, {"nps": 0, "reason": "Never again"}, language="en")
    queue_owner_alerts(db, alerting, 0, "en")
    send(workspace, smtp)
    ((_, message),) = smtp.sink.received
    assert subject(message) == "Koe alert: a score of 0/10 on “Net Promoter Score”"
    body = text(message)
    assert "Never again" in body and "Comments page" in body and "From:" not in body
    # To an owner, not a customer: no customer's footer, no unsubscribe; why it came.
    assert "you are a customer of" not in body and "Unsubscribe" not in body
    assert message["List-Unsubscribe"] is None
    assert "as an owner in Koe's settings (Acting on answers)" in body
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert "customer of" not in html.get_payload(decode=True).decode()


def test_no_email_when_alert_emails_are_off_and_none_later(workspace, nps_survey, smtp, alerting):
    db = workspace.db()
    off = settings_store.save(db, alert_email=False)
    responses.record(db, nps_survey, {"nps": 1}, language="en")
    assert [o.outcome for o in queue_owner_alerts(db, off, 0, "en")] == ["off"]
    on = settings_store.save(db, alert_email=True)
    # Switching emails on does not mail the answers that came while they were off.
    assert queue_owner_alerts(db, on, 0, "en") == []
    send(workspace, smtp)
    assert smtp.sink.received == []


def test_no_email_above_the_threshold(workspace, nps_survey, smtp, alerting):
    db = workspace.db()
    responses.record(db, nps_survey, {"nps": 7, "reason": "fine"}, language="en")
    assert queue_owner_alerts(db, alerting, 0, "en") == []
    raised = settings_store.save(db, alert_threshold_nps=7)
    assert [o.outcome for o in queue_owner_alerts(db, raised, 0, "en")] == ["queued"]
    send(workspace, smtp)
    assert smtp.sink.count(OWNER) == 1


def test_without_an_email_server_nothing_is_queued(workspace, nps_survey, alerting):
    db = workspace.db()
    no_server = settings_store.save(db, smtp_host="")
    responses.record(db, nps_survey, {"nps": 2}, language="en")
    assert [o.outcome for o in queue_owner_alerts(db, no_server, 0, "en")] == ["no_server"]
    assert outbox_store.status_counts(db)["queued"] == 0


def test_a_partial_answer_waits_for_its_comment(workspace, nps_survey, smtp, alerting):
    db = workspace.db()
    response = responses.record(db, nps_survey, {"nps": 2}, language="en", resume_token="t1")
    assert queue_owner_alerts(db, alerting, 0, "en") == []  # the comment may still come
    later = utc_now() + PARTIAL_WAIT + timedelta(seconds=1)
    outcomes = queue_owner_alerts(db, alerting, 0, "en", now=later)
    assert [(o.response_id, o.outcome) for o in outcomes] == [(response, "queued")]


def test_smtp_down_keeps_the_alert_queued_visibly_until_it_goes(
    workspace, nps_survey, smtp, alerting
):
    db = workspace.db()
    responses.record(db, nps_survey, {"nps": 4, "reason": "slow"}, language="en")
    (outcome,) = queue_owner_alerts(db, alerting, 0, "en")
    (outbox_id,) = outcome.outbox_ids

    down = send(workspace, smtp, port=1)  # nothing listens there
    assert "Cannot reach the mail server" in down.problems["email"]
    row = outbox_store.get(db, outbox_id)
    assert row is not None and row.status == "queued" and row.purpose == "owner_alert"
    assert "Cannot reach the mail server" in (row.error or "")
    assert smtp.sink.received == []

    send(workspace, smtp)
    row = outbox_store.get(db, outbox_id)
    assert row is not None and row.status == "sent"
    assert smtp.sink.count(OWNER) == 1
