"""The outbox's 'webhook' channel: sends a queued chat or webhook message as stored.

An outbox row of this channel names its destination by id (``recipient``), its
event (``subject``) and holds the request body (``channels.webhooks.payloads``).
The destination and its secrets are looked up at send time, so an edited
address is used at once and a removed destination's row fails plainly.

Nothing can ask Slack, Teams, Google Chat or Chatwork whether a message
arrived, so a message whose attempt a crash interrupted becomes 'unknown'
(``unknown_problem``), is shown to the owner, and is never resent by Koe; the
generic webhook's idempotency id (destination uid + outbox id) is the same on a
resend the owner asks for, so its receiver can drop a repeat.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from channels.base import (
    DeliveryReport,
    InboundMessage,
    OutgoingMessage,
    PermanentError,
    SendResult,
)
from channels.webhooks.client import WebhookClient
from storage import webhooks as store
from storage.database import connect
from surveys.problems import QT_TRANSLATE_NOOP, Problem

log = logging.getLogger(__name__)

GONE = QT_TRANSLATE_NOOP("Problems", "The destination was removed in Settings.")
UNKNOWN = Problem(
    QT_TRANSLATE_NOOP(
        "Problems",
        "Koe stopped while this chat message was being sent: it may or may not have arrived. "
        "Koe will not send it again by itself.",
    )
)


def idempotency_id(destination: store.Destination, outbox_id: int) -> str:
    """The same for every attempt of one message, different for every message."""
    return f"koe-{destination.uid}-{outbox_id}"


def read_secret(secret: Callable[[str], str | None], webhook_id: int) -> dict[str, str]:
    """A destination's secrets (url, token, signing_secret) from the store; {} when none."""
    text = secret(store.secret_name(webhook_id))
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        log.warning("the secrets of webhook %s cannot be read", webhook_id)
        return {}
    return {k: v for k, v in values.items() if isinstance(v, str)}


class WebhookChannel:
    """Sends chat and webhook messages (``channels.base.Channel``)."""

    name = store.CHANNEL
    can_reconcile = False
    supports_status = False
    supports_replies = False
    unknown_problem = UNKNOWN

    def __init__(
        self,
        db_path: Path,
        secret: Callable[[str], str | None],
        client: WebhookClient | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self._secret = secret
        self.client = client or WebhookClient()

    def send(self, message: OutgoingMessage) -> SendResult:
        webhook_id = int(message.recipient or 0)
        db = connect(self.db_path, read_only=True)
        try:
            destination = store.get(db, webhook_id)
        finally:
            db.close()
        if destination is None:
            raise PermanentError(Problem(GONE), code="removed")
        provider_id = self.client.post(
            destination.kind,
            read_secret(self._secret, webhook_id),
            message.body,
            room_id=destination.room_id,
            idempotency_id=idempotency_id(destination, message.outbox_id),
            event=message.subject or "",
        )
        return SendResult(provider_id)

    def status(self, provider_id: str) -> DeliveryReport | None:
        return None

    def find_sent(self, message: OutgoingMessage, since: datetime) -> str | None:
        return None

    def poll_replies(self, since: datetime | None) -> list[InboundMessage]:
        return []

    def close(self) -> None:
        self.client.close()
