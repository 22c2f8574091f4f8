"""The channel interface: what the outbox needs of SMS, email and the test channel.

A channel hands one message to a provider (``send``), asks what became of it
(``status``), finds a message a crash left unaccounted for (``find_sent``,
only where the provider can be asked: Twilio yes, SMTP no) and brings in
replies (``poll_replies``, where two-way messaging exists). Failures are
raised as one of three exceptions, so the outbox decides without knowing the
provider:

- ``PermanentError``: this recipient cannot be reached this way (invalid or
  landline number, unsubscribed, a 5xx from SMTP). Shown per recipient, never
  retried.
- ``TransientError``: try this message again later (429, 5xx from Twilio, 4xx
  from SMTP, a dropped connection).
- ``ChannelDown``: nothing will go through until the user fixes something
  (wrong credentials, unreachable server). The message waits, unharmed.
- ``OutcomeUnknown``: the message may have gone; ask before sending again.

Messages carry what the channels need to render them; credentials are passed
to a channel's constructor and never appear in messages, errors or logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class OutgoingMessage:
    """One outbox row as a channel sees it.

    ``link`` is the delivery's personal link (unique per delivery: the mark by
    which a sent SMS is found again); ``unsubscribe_url`` its ``/u/`` link;
    ``scores`` the 0–10 (or other) range of the survey's first scale question
    when an email should carry one-tap score buttons.
    """

    outbox_id: int
    recipient: str
    body: str
    subject: str | None = None
    link: str | None = None
    unsubscribe_url: str | None = None
    scores: tuple[int, int] | None = None
    language: str = "en"


@dataclass(frozen=True)
class SendResult:
    provider_id: str
    status: str = "sent"  # the provider's first word on it, mapped to an outbox status


@dataclass(frozen=True)
class DeliveryReport:
    """What a provider says became of a message, in outbox terms.

    ``status``: sent (still on its way), delivered, undelivered or failed.
    """

    status: str
    error_code: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    sid: str
    sender: str
    body: str
    received_at: datetime


@dataclass
class ChannelProblem(Exception):
    """Base of the channel errors: a code (provider's, when it has one) and plain words."""

    message: str
    code: str | None = None
    retry_after: float | None = field(default=None)

    def __str__(self) -> str:
        return f"{self.message} ({self.code})" if self.code else self.message


class PermanentError(ChannelProblem):
    """This recipient cannot get this message through this channel; do not retry."""


class TransientError(ChannelProblem):
    """The message may go later; retry with backoff."""


class ChannelDown(ChannelProblem):
    """The channel itself is unusable (credentials, server); every message waits."""


class OutcomeUnknown(ChannelProblem):
    """The message may or may not have gone (a timeout, a connection lost mid-send).

    Where the channel can be asked (``can_reconcile``) the outbox asks before
    anything is sent again; otherwise it marks the message 'unknown'.
    """


class Channel(Protocol):
    """SMS, email, or the test channel: see the module docstring."""

    name: str  # the outbox's channel column: "sms" | "email"
    can_reconcile: bool  # whether find_sent can tell if a message went
    supports_status: bool
    supports_replies: bool

    def send(self, message: OutgoingMessage) -> SendResult: ...

    def status(self, provider_id: str) -> DeliveryReport | None: ...

    def find_sent(self, message: OutgoingMessage, since: datetime) -> str | None:
        """The provider id of ``message`` if it was accepted since ``since``, else None."""
        ...

    def poll_replies(self, since: datetime | None) -> list[InboundMessage]: ...

    def close(self) -> None:
        """End a batch: close connections kept open between messages."""
        ...
