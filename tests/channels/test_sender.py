"""The one sender: channels built from the settings and the secret store, started in background."""

from __future__ import annotations

import time

from channels.sender import configured_channels, has_contacts, sender_fields, start_sender
from storage import outbox as store
from storage import settings as settings_store
from storage.secrets import SMTP_PASSWORD, TWILIO_AUTH_TOKEN, open_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.channels.conftest import SMTP_PASSWORD as PASSWORD
from tests.channels.conftest import SMTP_USER, SmtpPeer
from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation


def test_sender_kinds() -> None:
    assert sender_fields("+15005550006") == {"from_number": "+15005550006"}
    assert sender_fields("MG" + "a" * 32) == {"messaging_service_sid": "MG" + "a" * 32}
    assert sender_fields("KoeShop") == {"sender_id": "KoeShop"}


def test_nothing_configured_means_no_sender(workspace: Workspace) -> None:
    assert configured_channels(settings_store.load(workspace.db()), lambda name: None) == {}
    assert start_sender(workspace) is None


def test_channels_from_settings_and_secrets(workspace: Workspace) -> None:
    settings = settings_store.save(
        workspace.db(),
        twilio_account_sid="AC" + "1" * 32,
        twilio_sender="+15005550006",
        sms_per_second=10.0,
        smtp_host="127.0.0.1",
        smtp_from="survey@shop.example",
    )
    secrets = {TWILIO_AUTH_TOKEN: "token"}
    channels = configured_channels(settings, secrets.get)
    assert sorted(channels) == ["email", "sms"]
    assert channels["sms"].rate_per_second == 10.0  # type: ignore[attr-defined]
    assert "token" not in repr(channels["sms"].settings)  # type: ignore[attr-defined]
    assert sorted(configured_channels(settings, {}.get)) == ["email"]  # no token, no SMS


def test_the_app_sends_queued_email_in_the_background(
    workspace: Workspace, nps_survey: Survey, smtp: SmtpPeer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    settings_store.save(
        db,
        public_url=PUBLIC_URL,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_user=SMTP_USER,
        smtp_from="survey@shop.example",
    )
    open_store(workspace.folder).set(SMTP_PASSWORD, PASSWORD)
    outbox_id, _ = queue_invitation(db, nps_survey.id, "email", "bg@example.jp")
    assert has_contacts(workspace)
    sender = start_sender(workspace)
    assert sender is not None
    try:
        sender.wake()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and store.status_counts(db)["sent"] == 0:
            time.sleep(0.02)
    finally:
        sender.stop()
    assert not sender.running
    assert smtp.sink.count("bg@example.jp") == 1
    row = store.get(db, outbox_id)
    assert row is not None and row.status == "sent"
