"""Send a test message: an outbox row first, sent at once on its own, errors in plain words."""

from __future__ import annotations

from dataclasses import replace

from channels import trial_message
from storage import outbox as outbox_store
from storage.settings import Settings
from surveys.problems import Explained
from tests.channels.conftest import SMTP_PASSWORD, SMTP_USER, sms_channel


def test_an_email_test_goes_through_the_outbox(workspace, smtp):
    db = workspace.db()
    # A campaign message waiting in the queue is left alone.
    waiting = outbox_store.enqueue(
        db, channel="email", recipient="other@example.com", body="later", purpose="invitation"
    )
    settings = replace(
        Settings(),
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_user=SMTP_USER,
        smtp_from="survey@shop.example",
        business_name="Test Shop",
        postal_address="1-2-3 Shibuya, Tokyo",
    )
    channel = trial_message.email_channel(settings, SMTP_PASSWORD)
    outcome = trial_message.send_trial(db, channel, "owner@shop.example", language="ja")
    assert outcome.status == "sent", outcome.error
    assert smtp.sink.count("owner@shop.example") == 1
    row = outbox_store.get(db, outcome.outbox_id)
    assert (row.purpose, row.status, row.channel) == ("test", "sent", "email")
    assert outbox_store.get(db, waiting).status == "queued"


def test_a_wrong_password_is_said_plainly(workspace, smtp):
    settings = replace(
        Settings(),
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_user=SMTP_USER,
        smtp_from="survey@shop.example",
    )
    channel = trial_message.email_channel(settings, "wrong")
    outcome = trial_message.send_trial(workspace.db(), channel, "owner@shop.example")
    assert outcome.status == "failed"
    assert outcome.error
    assert smtp.sink.count("owner@shop.example") == 0


def test_an_sms_test_reaches_twilio(workspace, twilio):
    outcome = trial_message.send_trial(workspace.db(), sms_channel(twilio), "+819012345678")
    assert outcome.status == "sent", outcome.error
    row = outbox_store.get(workspace.db(), outcome.outbox_id)
    assert row.provider_id and row.status == "sent"


def test_missing_settings_say_what_to_fill_in():
    for build in (trial_message.sms_channel, trial_message.email_channel):
        try:
            build(Settings(), "")
        except Explained as error:
            assert "Fill in" in str(error)
        else:
            raise AssertionError("a channel was made without settings")
