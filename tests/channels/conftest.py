"""Real protocol peers on 127.0.0.1: the fake Twilio (tests/twilio_server.py) and aiosmtpd."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from channels.email import SmtpEmail, SmtpSettings
from channels.sms import TwilioSettings, TwilioSms
from tests.helpers import free_port
from tests.twilio_server import ACCOUNT_SID, AUTH_TOKEN, TwilioServer

SMTP_USER, SMTP_PASSWORD = "shop", "mail-password-for-tests"
OUR_NUMBER = "+15005550006"


@dataclass
class MailSink:
    """What aiosmtpd received, and how it should answer particular recipients."""

    received: list[tuple[str, Message]] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> SMTP reply
    delay: float = 0.0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        parsed = message_from_bytes(envelope.original_content or envelope.content)
        for rcpt in envelope.rcpt_tos:
            self.received.append((rcpt, parsed))
        return "250 Message accepted for delivery"

    def count(self, address: str) -> int:
        return sum(1 for to, _ in self.received if to == address)


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        SMTP_USER.encode(),
        SMTP_PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class SmtpPeer:
    sink: MailSink
    port: int

    def settings(self, **changes: Any) -> SmtpSettings:
        values: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": self.port,
            "from_address": "survey@shop.example",
            "from_name": "Test Shop",
            "security": "none",
            "user": SMTP_USER,
            "password": SMTP_PASSWORD,
            "business_address": "1-2-3 Shibuya, Tokyo",
            "timeout": 5.0,
        }
        values.update(changes)
        return SmtpSettings(**values)

    def channel(self, **changes: Any) -> SmtpEmail:
        return SmtpEmail(self.settings(**changes))


def start_smtp(sink: MailSink, port: int) -> Controller:
    """aiosmtpd on 127.0.0.1:``port`` (again, after a stop: a server back up), with a login."""
    controller = Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator,
        auth_require_tls=False,
        auth_exclude_mechanism=["LOGIN"],  # smtplib then fails fast with PLAIN
    )
    controller.start()
    return controller


class MailServer:
    """aiosmtpd on 127.0.0.1, with the test login; it can be stopped (down) and started
    again on the same port, its sink kept."""

    def __init__(self) -> None:
        self.sink = MailSink()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> MailServer:
        self._controller = start_smtp(self.sink, self.port)
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    server = MailServer().start()
    yield SmtpPeer(server.sink, server.port)
    server.stop()


@pytest.fixture
def twilio() -> Iterator[TwilioServer]:
    with TwilioServer() as server:
        yield server


def twilio_settings(server: TwilioServer, **changes: Any) -> TwilioSettings:
    values: dict[str, Any] = {
        "account_sid": ACCOUNT_SID,
        "auth_token": AUTH_TOKEN,
        "from_number": OUR_NUMBER,
        "base_url": server.base_url,
        "backoff": 0.01,
        "timeout": 5.0,
        "settle_margin": 0.0,
        "rate_per_second": 100.0,
    }
    values.update(changes)
    return TwilioSettings(**values)


def sms_channel(server: TwilioServer, **changes: Any) -> TwilioSms:
    return TwilioSms(twilio_settings(server, **changes))
