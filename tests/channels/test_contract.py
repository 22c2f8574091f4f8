"""One contract for every channel: Twilio SMS, SMTP email and the test channel.

Each implementation gets a harness that says what a good and a refused
recipient are, how to count what the peer received, and how to make the
channel unusable (wrong credentials); the same tests then run against all three.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from channels.base import (
    Channel,
    ChannelDown,
    OutgoingMessage,
    PermanentError,
)
from tests.channels.conftest import SmtpPeer, sms_channel
from tests.channels.memory_channel import MemoryChannel
from tests.twilio_server import TwilioServer


@dataclass
class Harness:
    channel: Channel
    good: str
    refused: str
    count: Callable[[str], int]
    broken: Callable[[], Channel]


def _message(recipient: str, n: int = 1) -> OutgoingMessage:
    link = f"http://127.0.0.1:8765/r/token{n:04d}abcdefgh"
    return OutgoingMessage(
        outbox_id=n,
        recipient=recipient,
        body=f"How did we do? {link}",
        subject="How did we do?",
        link=link,
        unsubscribe_url=f"http://127.0.0.1:8765/u/token{n:04d}abcdefgh",
        scores=(0, 10),
    )


class ChannelContract:
    """Subclasses provide the ``harness`` fixture."""

    @pytest.fixture
    def harness(self) -> Iterator[Harness]:
        raise NotImplementedError

    def test_send_reaches_the_peer_once_with_an_id(self, harness: Harness) -> None:
        result = harness.channel.send(_message(harness.good))
        harness.channel.close()
        assert result.provider_id
        assert harness.count(harness.good) == 1

    def test_ids_differ_per_message(self, harness: Harness) -> None:
        ids = {harness.channel.send(_message(harness.good, n)).provider_id for n in range(3)}
        harness.channel.close()
        assert len(ids) == 3
        assert harness.count(harness.good) == 3

    def test_a_refused_recipient_is_permanent_with_a_code_and_words(self, harness: Harness) -> None:
        with pytest.raises(PermanentError) as caught:
            harness.channel.send(_message(harness.refused))
        harness.channel.close()
        assert caught.value.code
        assert len(caught.value.message) > 10
        assert harness.count(harness.refused) == 0

    def test_a_broken_channel_is_down_and_sends_nothing(self, harness: Harness) -> None:
        broken = harness.broken()
        with pytest.raises(ChannelDown) as caught:
            broken.send(_message(harness.good))
        broken.close()
        assert caught.value.message
        assert harness.count(harness.good) == 0

    def test_status_where_the_provider_can_be_asked(self, harness: Harness) -> None:
        result = harness.channel.send(_message(harness.good))
        report = harness.channel.status(result.provider_id)
        if harness.channel.supports_status:
            assert report is not None
            assert report.status in ("sent", "delivered")
        else:
            assert report is None

    def test_find_sent_where_the_provider_can_be_asked(self, harness: Harness) -> None:
        message = _message(harness.good, 7)
        since = datetime.now(UTC) - timedelta(seconds=5)
        if not harness.channel.can_reconcile:
            with pytest.raises(NotImplementedError):
                harness.channel.find_sent(message, since)
            return
        assert harness.channel.find_sent(message, since) is None
        result = harness.channel.send(message)
        assert harness.channel.find_sent(message, since) == result.provider_id
        assert harness.channel.find_sent(_message(harness.good, 8), since) is None

    def test_poll_replies_gives_a_list(self, harness: Harness) -> None:
        replies = harness.channel.poll_replies(None)
        assert isinstance(replies, list)
        if not harness.channel.supports_replies:
            assert replies == []


class TestTwilioSms(ChannelContract):
    @pytest.fixture
    def harness(self, twilio: TwilioServer) -> Iterator[Harness]:
        twilio.state.landlines.add("+815012345678")
        channel = sms_channel(twilio)
        yield Harness(
            channel=channel,
            good="+819012345678",
            refused="+815012345678",
            count=lambda to: twilio.state.counts()[to],
            broken=lambda: sms_channel(twilio, auth_token="wrong-token"),
        )
        channel.close()


class TestSmtpEmail(ChannelContract):
    @pytest.fixture
    def harness(self, smtp: SmtpPeer) -> Iterator[Harness]:
        smtp.sink.refuse["nobody@shop.example"] = "550 5.1.1 No such user here"
        channel = smtp.channel()
        yield Harness(
            channel=channel,
            good="hanako@example.jp",
            refused="nobody@shop.example",
            count=smtp.sink.count,
            broken=lambda: smtp.channel(password="wrong"),
        )
        channel.close()


class TestMemoryChannel(ChannelContract):
    @pytest.fixture
    def harness(self) -> Iterator[Harness]:
        channel = MemoryChannel(allow=True, refuse={"+10000000000": "21211"})

        def count(to: str) -> int:
            return sum(1 for _, m in channel.sent if m.recipient == to)

        yield Harness(
            channel=channel,
            good="+819012345678",
            refused="+10000000000",
            count=count,
            broken=lambda: MemoryChannel(allow=True, down="test channel is down"),
        )


def test_the_memory_channel_refuses_production_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOE_TESTING", raising=False)
    with pytest.raises(RuntimeError):
        MemoryChannel()
