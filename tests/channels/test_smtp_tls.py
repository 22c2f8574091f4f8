"""SMTP with STARTTLS and with implicit TLS, against aiosmtpd with a certificate from trustme."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme
from aiosmtpd.controller import Controller

from channels.base import ChannelDown, OutgoingMessage
from channels.email import SmtpEmail
from tests.channels.conftest import MailSink, SmtpPeer, _authenticator
from tests.helpers import free_port


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _contexts(ca: trustme.CA) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    return server, client


@pytest.fixture(params=["starttls", "tls"])
def secure(
    request: pytest.FixtureRequest, ca: trustme.CA
) -> Iterator[tuple[SmtpPeer, str, ssl.SSLContext]]:
    server_context, client_context = _contexts(ca)
    sink, port = MailSink(), free_port()
    # aiosmtpd counts only STARTTLS as TLS for AUTH; on an implicit-TLS port it is
    # all TLS anyway, so there AUTH is allowed from the start.
    options: dict[str, object] = (
        {"tls_context": server_context, "require_starttls": True, "auth_require_tls": True}
        if request.param == "starttls"
        else {"ssl_context": server_context, "auth_require_tls": False}
    )
    controller = Controller(
        sink, hostname="127.0.0.1", port=port, authenticator=_authenticator,
        auth_exclude_mechanism=["LOGIN"], **options,
    )  # fmt: skip
    controller.start()
    yield SmtpPeer(sink, port), request.param, client_context
    controller.stop()


def _message() -> OutgoingMessage:
    return OutgoingMessage(1, "tls@example.jp", "Hello", subject="Hi")


def test_sends_over_tls(secure: tuple[SmtpPeer, str, ssl.SSLContext]) -> None:
    peer, security, context = secure
    channel: SmtpEmail = peer.channel(security=security, ssl_context=context)
    channel.send(_message())
    channel.close()
    assert peer.sink.count("tls@example.jp") == 1


def test_an_untrusted_certificate_is_refused(
    secure: tuple[SmtpPeer, str, ssl.SSLContext],
) -> None:
    peer, security, _ = secure
    channel = peer.channel(security=security, ssl_context=ssl.create_default_context())
    with pytest.raises(ChannelDown) as caught:
        channel.send(_message())
    assert "No secure connection" in caught.value.message
    assert peer.sink.count("tls@example.jp") == 0
