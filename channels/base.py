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

from surveys.problems import Problem, as_problem


@dataclass(frozen=True)
class OutgoingMessage:
    """One outbox row as a channel sees it.

    ``body`` is exactly what goes (stored in the outbox row before the network
    call). ``link`` is the delivery's personal link and ``unsubscribe_url`` its
    ``/u/`` link, both on the public URL the body was written with; ``scores``
    the 0–10 (or other) range of the survey's first scale question when an
    email should carry one-tap score buttons, ``question`` that question's
    wording and ``end_labels`` its own labels of the two ends, both in the
    message's ``language``. ``token`` is the delivery's token
    (in every link of the message, whatever the public URL) and ``known_ids``
    the provider ids of the delivery's other messages (its invitation, its
    reminders): together with ``body`` they find a sent message again
    (``is_this_message``).
    """

    outbox_id: int
    recipient: str
    body: str
    subject: str | None = None
    link: str | None = None
    unsubscribe_url: str | None = None
    scores: tuple[int, int] | None = None
    question: str = ""
    end_labels: tuple[str, str] = ("", "")
    language: str = "en"
    token: str | None = None
    known_ids: frozenset[str] = frozenset()
    purpose: str = ""  # the outbox row's: an owner's alert is not signed as to a customer
    html: str | None = None  # an email's own HTML part, as written to the outbox (a digest)


def is_this_message(message: OutgoingMessage, provider_id: str, body: str) -> bool:
    """Whether a message the provider reports (id, body as sent) is ``message``.

    The stored body is what went, so an equal body is it. A provider may have
    re-encoded the text (Twilio's smart encoding), so a body holding the
    delivery's token is it too, unless that id is already another message of
    the same delivery. Never a link rebuilt from the settings: the public URL
    may have changed since the message went.
    """
    if provider_id in message.known_ids:
        return False
    return body == message.body or bool(message.token and message.token in body)


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
    error: Problem | None = None


@dataclass(frozen=True)
class InboundMessage:
    sid: str
    sender: str
    body: str
    received_at: datetime


@dataclass
class ChannelProblem(Exception):
    """Base of the channel errors: plain words (a ``surveys.problems.Problem`` the window
    says in its language; text is kept as it is) and a code (the provider's, when it
    has one)."""

    problem: Problem | str
    code: str | None = None
    retry_after: float | None = field(default=None)

    def __post_init__(self) -> None:
        self.problem = as_problem(self.problem)

    @property
    def message(self) -> str:
        """The words in English (the log, the command line)."""
        return str(self.problem)

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
