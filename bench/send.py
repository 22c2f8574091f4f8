"""How fast the outbox sends, against what was asked for and what the peer allows.

Run: ``uv run python bench/send.py [SMS_COUNT] [EMAIL_COUNT]`` (defaults 2,000 and 2,000).

- SMS: 2,000 invitations through the dispatcher and the real ``twilio`` client
  to the local Twilio-compatible server (tests/twilio_server.py), which takes
  300 ms to answer each request; the configured rate is 50 messages a second.
  Printed: the achieved rate and its ratio to the configured one.
- Email: the same dispatcher sending multipart invitations (score buttons,
  List-Unsubscribe) over one SMTP connection to aiosmtpd on 127.0.0.1, and the
  ceiling: raw ``smtplib`` sending the same number of plain messages over one
  connection to the same server in the same run. Printed: both rates and the
  ratio (what building the message, the outbox's commits and the checks cost).
"""

from __future__ import annotations

import smtplib
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from channels.base import OutgoingMessage  # noqa: E402
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

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
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


def bench_email(folder: Path, count: int) -> tuple[float, float]:
    db_path = _workspace(folder, "email", count)
    sink = _Sink()
    link = f"{PUBLIC_URL}/r/token"
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

        messages = []
        for n in range(count):
            message = EmailMessage()
            message["From"], message["To"] = "survey@shop.example", f"person{n}@example.jp"
            message["Subject"] = "How did we do?"
            message.set_content(f"How did we do? {PUBLIC_URL}/r/token{n:08d}")
            messages.append(message)
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for message in messages:
                smtp.send_message(message)
        raw = count / (time.perf_counter() - started)
        assert sink.count == 2 * count

        # The same ceiling with Koe's own multipart messages, built beforehand: how much of
        # the gap is the bigger message, and how much the outbox.
        channel = SmtpEmail(settings)
        built = [
            channel.build(
                OutgoingMessage(n, f"person{n}@example.jp", f"How did we do? {link}{n:08d}",
                                subject="How did we do?", link=f"{link}{n:08d}",
                                unsubscribe_url=f"{PUBLIC_URL}/u/token{n:08d}", scores=(0, 10))
            )
            for n in range(count)
        ]  # fmt: skip
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for message in built:
                smtp.send_message(message)
        raw_same = count / (time.perf_counter() - started)
    finally:
        controller.stop()
    return koe, raw, raw_same


def main() -> None:
    sms_count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    email_count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        sms = bench_sms(Path(tmp) / "sms", sms_count)
        print(
            f"SMS: {sms_count} sent at {sms:.1f}/s against a configured {SMS_RATE:.0f}/s"
            f" with {LATENCY * 1000:.0f} ms API latency (ratio {sms / SMS_RATE:.2f})"
        )
        koe, raw, raw_same = bench_email(Path(tmp) / "email", email_count)
        print(
            f"Email: {email_count} sent at {koe:.0f}/s through the outbox; raw smtplib over one"
            f" connection to the same aiosmtpd {raw:.0f}/s (ratio {koe / raw:.2f});"
            f" raw smtplib with Koe's multipart messages built beforehand {raw_same:.0f}/s"
            f" (ratio {koe / raw_same:.2f})"
        )


if __name__ == "__main__":
    main()
