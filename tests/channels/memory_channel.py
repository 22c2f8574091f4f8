"""A channel that keeps what it sends in memory: for tests and demos only.

It behaves as the contract says (``tests/channels/test_contract.py``): ids,
statuses, refusals by recipient, a channel that is down, replies. Nothing
leaves the process. It refuses to be made unless ``KOE_TESTING`` is set or
``allow=True`` is passed, so it cannot stand in for a real channel by mistake.
"""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from channels.base import (
    ChannelDown,
    DeliveryReport,
    InboundMessage,
    OutgoingMessage,
    PermanentError,
    SendResult,
    is_this_message,
)


@dataclass
class MemoryChannel:
    name: str = "sms"
    allow: bool = False
    refuse: dict[str, str] = field(default_factory=dict)  # recipient -> code
    down: str | None = None  # a reason: every send raises ChannelDown
    rate_per_second: float | None = None
    sent: list[tuple[str, OutgoingMessage]] = field(default_factory=list)
    inbound: list[InboundMessage] = field(default_factory=list)
    can_reconcile: bool = True
    supports_status: bool = True
    supports_replies: bool = True

    def __post_init__(self) -> None:
        if not (self.allow or os.environ.get("KOE_TESTING")):
            raise RuntimeError("MemoryChannel is for tests only")
        self._lock = threading.Lock()

    def send(self, message: OutgoingMessage) -> SendResult:
        if self.down:
            raise ChannelDown(self.down)
        if message.recipient in self.refuse:
            raise PermanentError("refused by the test channel", self.refuse[message.recipient])
        provider_id = f"MEM{uuid.uuid4().hex}"
        with self._lock:
            self.sent.append((provider_id, message))
        return SendResult(provider_id)

    def status(self, provider_id: str) -> DeliveryReport | None:
        with self._lock:
            known = any(pid == provider_id for pid, _ in self.sent)
        return DeliveryReport("delivered") if known else None

    def find_sent(self, message: OutgoingMessage, since: datetime) -> str | None:
        with self._lock:
            for provider_id, sent in reversed(self.sent):
                if sent.recipient == message.recipient and is_this_message(
                    message, provider_id, sent.body
                ):
                    return provider_id
        return None

    def poll_replies(self, since: datetime | None) -> list[InboundMessage]:
        return [m for m in self.inbound if since is None or m.received_at >= since]

    def close(self) -> None:
        pass
