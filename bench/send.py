"""How fast the outbox sends, against what was asked for and what the peer allows.

Run: ``uv run python bench/send.py [--sms N] [--email N]`` (defaults 2,000 and 2,000).

- SMS: 2,000 invitations through the dispatcher and the real ``twilio`` client
  to the local Twilio-compatible server (tests/twilio_server.py), which takes
  300 ms to answer each request; the configured rate is 50 messages a second.
  Printed: the achieved rate and its ratio to the configured one.
- Email: the same dispatcher sending multipart invitations (score buttons,
  List-Unsubscribe) over one SMTP connection to aiosmtpd on 127.0.0.1, and the
  ceiling in the same run: the same messages built and sent by the shortest path.
  The ceiling takes the first message Koe sent as its pattern (its headers, its
  text and HTML parts), and inside the timed region builds each message with the
  same library (``email.message.EmailMessage``: the same headers, a fresh Date and
  Message-ID, the text and HTML parts with the message's own link) and sends it
  with ``smtplib`` over one connection to the same server. It only skips Koe's
  outbox (the queue's reads and commits, the rate limit, the checks) and the
  drawing of the parts, so it is the fastest the same mail can go. Printed: both
  rates and the ratio.
"""

from __future__ import annotations

import argparse
import email.policy
import os
import re
import smtplib
import sys
import tempfile
import time
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from channels.email import SmtpEmail, SmtpSettings  # noqa: E402
from channels.outbox import Dispatcher, Timing  # noqa: E402
from channels.sms import TwilioSettings, TwilioSms  # noqa: E402
from storage import outbox as store  # noqa: E402
from storage import settings as settings_store  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation  # noqa: E402
from tests.conftest import make_survey  # noqa: E402
from tests.helpers import free_port  # noqa: E402
from tests.twilio_server import ACCOUNT_SID, AUTH_TOKEN, TwilioServer  # noqa: E402

SMS_RATE = 50.0
LATENCY = 0.3


class _Sink:
    def __init__(self) -> None:
        self.count = 0
        self.first: bytes | None = None

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
        if self.first is None:
            self.first = envelope.content  # type: ignore[attr-defined]
        return "250 OK"


def _workspace(folder: Path, channel: str, count: int) -> Path:
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        settings_store.save(db, public_url=PUBLIC_URL, business_name="Bench Shop")
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
        assert survey.id is not None
        with db.atomic():
            for n in range(count):
                recipient = f"+1555{n:07d}" if channel == "sms" else f"person{n}@example.jp"
                queue_invitation(db, survey.id, channel, recipient)
        return workspace.db_path


def _sent(db_path: Path) -> dict[str, int]:
    with Workspace.open(db_path.parent) as workspace:
        return store.status_counts(workspace.db())


def bench_sms(folder: Path, count: int) -> float:
    db_path = _workspace(folder, "sms", count)
    with TwilioServer() as server:
        server.state.latency = LATENCY
        channel = TwilioSms(
            TwilioSettings(
                ACCOUNT_SID,
                AUTH_TOKEN,
                from_number="+15005550006",
                rate_per_second=SMS_RATE,
                base_url=server.base_url,
            )
        )
        started = time.perf_counter()
        Dispatcher(db_path, {"sms": channel}, timing=Timing(idle=0.01)).run_until_idle(600)
        elapsed = time.perf_counter() - started
        accepted = sum(server.state.counts().values())
    counts = _sent(db_path)
    assert accepted == count == counts["sent"], (accepted, counts)
    return count / elapsed


def ceiling_messages(pattern: bytes, count: int):  # type: ignore[no-untyped-def]
    """``count`` messages like ``pattern`` (Koe's first), each with its own link, built
    with email.message as they are asked for (the caller times them)."""
    sent = message_from_bytes(pattern, policy=email.policy.default)
    text = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = sent.get_body(("html",)).get_content()  # type: ignore[union-attr]
    token = re.search(r"/r/([A-Za-z0-9_-]+)", text)
    assert token is not None, "Koe's invitation has no personal link"
    old = token.group(1)
    kept = ("From", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post")
    headers = [(name, str(sent[name])) for name in kept if sent[name] is not None]
    domain = str(sent["From"]).rpartition("@")[2].rstrip(">")
    for n in range(count):
        new = f"{n:0{len(old)}d}"[-len(old) :]
        message = EmailMessage()
        for name, value in headers:
            message[name] = value.replace(old, new)
        message["To"] = f"person{n}@example.jp"
        message["Date"] = format_datetime(datetime.now(UTC))
        message["Message-ID"] = make_msgid(domain=domain)
        message.set_content(text.replace(old, new))
        message.add_alternative(html.replace(old, new), subtype="html")
        yield message


def bench_email(folder: Path, count: int) -> tuple[float, float]:
    db_path = _workspace(folder, "email", count)
    sink = _Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings = SmtpSettings(
            "127.0.0.1", port, "survey@shop.example", security="none", from_name="Bench Shop"
        )
        started = time.perf_counter()
        Dispatcher(db_path, {"email": SmtpEmail(settings)}).run_until_idle(600)
        koe = count / (time.perf_counter() - started)
        assert sink.count == count == _sent(db_path)["sent"]
        assert sink.first is not None

        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for message in ceiling_messages(sink.first, count):
                smtp.send_message(message)
        ceiling = count / (time.perf_counter() - started)
        assert sink.count == 2 * count
    finally:
        controller.stop()
    return koe, ceiling


def main() -> None:
    parser = argparse.ArgumentParser(
        description="The outbox's sending rate: SMS against the configured rate, email"
        " against the same messages built and sent by smtplib (the ceiling)."
    )
    parser.add_argument("--sms", type=int, default=2000, help="SMS invitations (default 2,000)")
    parser.add_argument("--email", type=int, default=2000, help="emails (default 2,000)")
    arguments = parser.parse_args()
    sms_count, email_count = arguments.sms, arguments.email
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        if sms_count:
            sms = bench_sms(Path(tmp) / "sms", sms_count)
            print(
                f"SMS: {sms_count} sent at {sms:.1f}/s against a configured {SMS_RATE:.0f}/s"
                f" with {LATENCY * 1000:.0f} ms API latency (ratio {sms / SMS_RATE:.2f})"
            )
        koe, ceiling = bench_email(Path(tmp) / "email", email_count)
    print(f"Email: {email_count} sent, Koe's outbox {koe:.0f}/s; ceiling {ceiling:.0f}/s (the same"
          f" messages built with email.message and sent by smtplib over one connection, timed"
          f" together); ratio {koe / ceiling:.2f}")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
