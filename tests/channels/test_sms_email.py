"""Details of the SMS and email channels beyond the contract: senders, rate, Japanese mail."""

from __future__ import annotations

import time
from email import message_from_bytes

from channels.base import OutgoingMessage
from channels.outbox import Dispatcher, Timing
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.channels.conftest import SmtpPeer, sms_channel
from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation
from tests.twilio_server import AUTH_TOKEN, TwilioServer


def test_sender_id_and_messaging_service(twilio: TwilioServer) -> None:
    named = sms_channel(twilio, from_number="", sender_id="KoeShop")
    service = sms_channel(twilio, from_number="", messaging_service_sid="MG" + "0" * 32)
    named.send(OutgoingMessage(1, "+447700900123", "hello"))
    service.send(OutgoingMessage(2, "+447700900124", "hello"))
    named.close()
    service.close()
    forms = [form for method, _, form in twilio.state.requests if method == "POST"]
    assert forms[0]["From"] == "KoeShop" and "MessagingServiceSid" not in forms[0]
    assert forms[1]["MessagingServiceSid"] == "MG" + "0" * 32 and "From" not in forms[1]
    assert not named.supports_replies  # nobody can reply to a sender ID
    assert AUTH_TOKEN not in repr(named.settings)  # never shown, never logged


def test_the_rate_holds_despite_api_latency(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    """20 SMS at 20 a second with 250 ms per request: about a second, not the five that
    one request at a time would take (the bound leaves room for a loaded machine)."""
    settings_store.save(workspace.db(), public_url=PUBLIC_URL)
    assert nps_survey.id is not None
    for n in range(20):
        queue_invitation(workspace.db(), nps_survey.id, "sms", f"+1555400{n:04d}")
    twilio.state.latency = 0.25
    channel = sms_channel(twilio, rate_per_second=20.0)
    started = time.monotonic()
    Dispatcher(workspace.db_path, {"sms": channel}, timing=Timing(idle=0.01)).run_until_idle()
    elapsed = time.monotonic() - started
    assert sum(twilio.state.counts().values()) == 20
    assert 0.9 <= elapsed < 4.0
    creates = sorted(m.created for m in twilio.state.outbound())
    assert (creates[-1] - creates[0]).total_seconds() <= 2  # not in one burst either


def test_a_japanese_email_reads_in_japanese(smtp: SmtpPeer) -> None:
    channel = smtp.channel(from_name="テスト商店")
    link = f"{PUBLIC_URL}/r/abcdefgh12345678"
    email = channel.build(
        OutgoingMessage(
            1,
            "hanako@example.jp",
            f"山田様\n\nアンケートにご協力ください。\n\n{link}",
            subject="テスト商店からのアンケートのお願い",
            link=link,
            unsubscribe_url=f"{PUBLIC_URL}/u/abcdefgh12345678",
            scores=(0, 10),
            question="テスト商店を友人や同僚に薦める可能性はどのくらいありますか？",
            end_labels=("まったく薦めない", "ぜひ薦めたい"),
            language="ja",
        )
    )
    parsed = message_from_bytes(email.as_bytes())
    assert str(email["Subject"]) == "テスト商店からのアンケートのお願い"
    plain, html = (p.get_payload(decode=True).decode() for p in parsed.get_payload())
    assert "配信停止" in plain and "テスト商店" in plain
    assert "まったく薦めない" in html and "ぜひ薦めたい" in html and 'lang="ja"' in html
    assert html.count("?score=") == 11
