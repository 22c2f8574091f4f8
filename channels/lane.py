"""One channel's sending on one thread (a "lane" of ``channels.outbox.Dispatcher``).

A lane has its own SQLite connection. It recovers rows a crash left in
'sending', sends due rows (claim, network call, mark; paced to the channel's
rate with requests side by side on a small pool of workers), and polls
delivery statuses and replies. docs/outbox.md tells the whole design.

Just over 400 lines because claiming, sending, settling and reconciling a row are
one lane's loop; split, the rules that keep a row from going twice would be apart.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlite_utils import Database

from channels import replies
from channels.base import (
    Channel,
    ChannelDown,
    ChannelProblem,
    DeliveryReport,
    OutcomeUnknown,
    OutgoingMessage,
    PermanentError,
    SendResult,
    TransientError,
)
from channels.links import base_in, personal_link, unsubscribe_link
from channels.sms import with_opt_out_link
from storage import opt_outs
from storage import outbox as store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import utc_now
from surveys.business import fill_company
from surveys.messages import pick_language
from surveys.problems import QT_TRANSLATE_NOOP, Problem
from surveys.questions import Question
from surveys.text import LocalText

if TYPE_CHECKING:
    from channels.outbox import Dispatcher

log = logging.getLogger(__name__)

UNKNOWN_EMAIL = Problem(
    QT_TRANSLATE_NOOP(
        "Problems",
        "Koe stopped while this email was being sent: it may or may not have arrived. "
        "Koe will not send it again by itself; check with the recipient or send it again.",
    )
)
UNKNOWN_SMS_LATER = QT_TRANSLATE_NOOP(
    "Problems", "Twilio could not be asked whether this SMS went; Koe will ask again ({cause})."
)
NO_ADDRESS = Problem(QT_TRANSLATE_NOOP("Problems", "No address: the contact was deleted."))
OPTED_OUT = Problem(QT_TRANSLATE_NOOP("Problems", "Opted out of this channel."))
GAVE_UP = QT_TRANSLATE_NOOP("Problems", "Gave up after {tries} attempts: {cause}")
UNEXPECTED = QT_TRANSLATE_NOOP("Problems", "Unexpected error: {detail}")


@dataclass(frozen=True)
class Timing:
    """How often the lanes look; tests make these short."""

    idle: float = 1.0  # seconds between looks at an empty queue
    channel_down_wait: float = 30.0  # before trying a channel that was down again
    retry_base: float = 30.0  # first retry of a transient failure; doubles each time
    retry_max: float = 3600.0
    max_attempts: int = 5
    status_every: float = 30.0
    status_min_age: float = 5.0
    status_max_age: timedelta = timedelta(days=3)
    replies_every: float = 30.0


class Lane:
    """One channel's sending, on one thread with its own connection."""

    def __init__(self, owner: Dispatcher, name: str, channel: Channel, db: Database) -> None:
        self.owner = owner
        self.name = name
        self.channel = channel
        self.db = db
        self.timing = owner.timing
        self._down_until = 0.0
        self._last_status = 0.0
        self._last_replies = 0.0
        self._base_url = ""
        self._needs_recovery = False
        self._surveys: dict[int, tuple[Question | None, tuple[str, ...]]] = {}
        self._company = ""
        self._kind = ""
        rate = getattr(channel, "rate_per_second", None)
        self.rate: float | None = float(rate) if rate else None
        workers = 1
        if self.rate and getattr(channel, "can_reconcile", False):
            workers = max(2, min(64, math.ceil(self.rate) + 2))
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix=f"koe-{name}-net")
        self.concurrent = workers > 1

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        try:
            self.channel.close()
        finally:
            self.db.close()

    # Recovery -------------------------------------------------------------------

    def recover(self) -> bool:
        """Settle rows left in 'sending'; True when none is left unsettled."""
        settled = True
        for row in store.in_status(self.db, store.SENDING, self.name):
            if not self.channel.can_reconcile:
                # Email's words unless the channel has its own (a chat message).
                words = getattr(self.channel, "unknown_problem", UNKNOWN_EMAIL)
                store.mark_unknown(self.db, row.id, words)
                continue
            since = row.attempt_started_at or utc_now() - timedelta(days=1)
            # A request still in flight may yet be accepted: only look once it cannot be.
            settle = timedelta(seconds=getattr(self.channel, "settle_seconds", 0.0))
            if datetime.now(UTC) < since + settle:
                settled = False
                continue
            try:
                found = self.channel.find_sent(self._message(row, row.body), since)
            except ChannelProblem as error:
                later = Problem(UNKNOWN_SMS_LATER, {"cause": error.problem})
                self.owner.report_problem(self.name, str(later), error.code)
                settled = False
                continue
            if found:
                store.mark_sent(self.db, row.id, found)
            else:
                store.requeue(self.db, row.id, error=None)
        if settled:
            self.owner.clear_problem(self.name)
        self.owner.changed()
        return settled

    # Sending --------------------------------------------------------------------

    def send_due(self) -> bool:
        """Send one batch of due rows; True when there was something to do."""
        if time.monotonic() < self._down_until:
            return False
        if self._needs_recovery:  # a message whose fate is unknown: ask before sending more
            if not self.recover():
                self._down_until = time.monotonic() + self.timing.channel_down_wait
                return False
            self._needs_recovery = False
        # Large batches: the last requests of a batch are waited for before the next
        # begins, which costs one API latency per batch.
        batch = 50 if not self.rate else max(10, min(1000, int(self.rate * 20)))
        settings = settings_store.load(self.db)
        self._base_url, self._company = settings.base_url(), settings.business_name.strip()
        self._kind = settings.business_kind
        rows = store.due(
            self.db, self.name, now=utc_now(), limit=batch, purposes=self.owner.purposes
        )
        if not rows:
            return False
        interval = 1.0 / self.rate if self.rate else 0.0
        next_at = time.monotonic()
        pending: dict[Future[SendResult], store.OutboxRow] = {}
        down = False
        for row in rows:
            if self.owner.stopping or down:
                break
            if not row.recipient:
                store.skip(self.db, row.id, NO_ADDRESS)
                continue
            if store.opted_out(self.db, row):
                store.skip(self.db, row.id, OPTED_OUT)
                continue
            message = self._message(row, row.body)
            if self.name == "sms":
                # The body is final from here: stored by the claim, sent as stored, found
                # again as stored. A second claim (after a requeue) finds the link in it.
                final = with_opt_out_link(
                    row.body, row.recipient, message.unsubscribe_url, row.token
                )
                message = _with_body(message, final)
            while interval and time.monotonic() < next_at:
                down |= self._collect(pending, block_until=next_at)
            if down:
                break
            if not store.claim(self.db, row.id, body=message.body):
                continue  # paused or canceled meanwhile
            next_at = max(next_at + interval, time.monotonic() - interval)
            if self.concurrent:
                pending[self.pool.submit(self.channel.send, message)] = row
            else:  # one at a time (SMTP): on this thread, no hand-over to a worker
                down |= self._settle(row, _run(self.channel.send, message))
        while pending:
            down |= self._collect(pending, block_until=None)
        self.owner.changed()
        return not down

    def _collect(
        self, pending: dict[Future[SendResult], store.OutboxRow], *, block_until: float | None
    ) -> bool:
        """Write the results of finished sends; True when the channel turned out to be down."""
        if not pending:
            if block_until is not None:
                time.sleep(max(0.0, block_until - time.monotonic()))
            return False
        timeout = None if block_until is None else max(0.0, block_until - time.monotonic())
        done: list[Future[SendResult]] = []
        if timeout is None:
            first = next(iter(pending))
            first.exception()  # wait for the oldest
            done = [f for f in pending if f.done()]
        else:
            end = time.monotonic() + timeout
            while time.monotonic() < end and not done:
                done = [f for f in pending if f.done()]
                if not done:
                    time.sleep(min(0.002, max(0.0, end - time.monotonic())))
        down = False
        for future in done:
            row = pending.pop(future)
            down |= self._settle(row, future)
        return down

    def _settle(self, row: store.OutboxRow, future: Future[SendResult]) -> bool:
        error = future.exception()
        if error is None:
            store.mark_sent(self.db, row.id, future.result().provider_id)
            self.owner.clear_problem(self.name)  # it sends again: no longer down
            return False
        if isinstance(error, PermanentError):
            store.mark_failed(self.db, row.id, error.problem, error.code)
            if error.code == "21610" and self.name == "sms":
                for contact_id in store.contacts_by_phone(self.db, row.recipient):
                    opt_outs.opt_out(self.db, contact_id, "sms", source="twilio")
            return False
        if isinstance(error, OutcomeUnknown):
            if self.channel.can_reconcile:
                self._needs_recovery = True  # leave it 'sending': recovery asks the provider
                self.owner.report_problem(self.name, error.message, error.code)
                return True
            store.mark_unknown(self.db, row.id, error.problem)
            return False
        if isinstance(error, ChannelDown):
            store.requeue(
                self.db, row.id, error=error.problem, code=error.code, refund_attempt=True
            )
            self.owner.report_problem(self.name, error.message, error.code)
            self._down_until = time.monotonic() + self.timing.channel_down_wait
            return True
        if isinstance(error, TransientError):
            if row.attempts + 1 >= self.timing.max_attempts:
                gave_up = Problem(GAVE_UP, {"tries": row.attempts + 1, "cause": error.problem})
                store.mark_failed(self.db, row.id, gave_up, error.code)
            else:
                wait = min(self.timing.retry_base * 2**row.attempts, self.timing.retry_max)
                # A service that says when to come back (429's Retry-After) is believed.
                wait = max(wait, min(error.retry_after or 0.0, self.timing.retry_max))
                later = datetime.now(UTC) + timedelta(seconds=wait)
                store.requeue(
                    self.db, row.id, error=error.problem, code=error.code, not_before=later
                )
            return False
        # A bug in a channel: keep the row for reconciliation rather than guess.
        log.error("unexpected error sending outbox row %s: %r", row.id, error)
        if self.channel.can_reconcile:
            self._needs_recovery = True
            return True
        store.mark_unknown(self.db, row.id, Problem(UNEXPECTED, {"detail": type(error).__name__}))
        return False

    def _message(self, row: store.OutboxRow, body: str) -> OutgoingMessage:
        link = unsubscribe = None
        language = row.contact_language or "en"
        known: frozenset[str] = frozenset()
        if row.token:
            # The links stay on the public URL the body was written with; only a body
            # with no link of its own takes today's.
            base = base_in(body, row.token) or self._base_url
            base = base or settings_store.load(self.db).base_url()
            link, unsubscribe = personal_link(base, row.token), unsubscribe_link(base, row.token)
        if row.delivery_id is not None and self.channel.can_reconcile:
            known = frozenset(store.provider_ids_of_delivery(self.db, row.delivery_id, row.id))
        headline: Question | None = None
        if row.survey_id is not None:
            headline, languages = self._survey(row.survey_id)
            if languages:
                language = pick_language(row.contact_language, languages)
        scores, question, ends = None, "", ("", "")
        scale = headline.scale if headline is not None else None
        if headline and scale and row.purpose in ("invitation", "reminder"):
            # The email asks the survey's own question, with its own end labels.
            scores = (scale.minimum, scale.maximum)
            question = self._words(headline.text, language)
            ends = (
                self._words(headline.low_label, language),
                self._words(headline.high_label, language),
            )
        return OutgoingMessage(
            outbox_id=row.id,
            recipient=row.recipient,
            body=body,
            subject=row.subject,
            link=link,
            unsubscribe_url=unsubscribe,
            scores=scores,
            question=question,
            end_labels=ends,
            language=language,
            token=row.token,
            known_ids=known,
            purpose=row.purpose,
            html=row.html,
        )

    def _words(self, text: LocalText, language: str) -> str:
        """A survey's wording in ``language``, the business named as on the survey page."""
        return fill_company(text.get_for(language), self._company, self._kind, language)

    def _survey(self, survey_id: int) -> tuple[Question | None, tuple[str, ...]]:
        """The survey's headline (first scale) question and its languages."""
        if survey_id not in self._surveys:
            try:
                survey = survey_store.get(self.db, survey_id)
            except Exception:  # a deleted survey: send without buttons
                self._surveys[survey_id] = (None, ())
            else:
                self._surveys[survey_id] = (survey.headline_question, tuple(survey.languages))
        return self._surveys[survey_id]

    # Housekeeping ----------------------------------------------------------------

    def housekeeping(self) -> None:
        now = time.monotonic()
        if self.channel.supports_status and now - self._last_status >= self.timing.status_every:
            self._last_status = now
            self.poll_statuses()
        if self.channel.supports_replies and now - self._last_replies >= self.timing.replies_every:
            self._last_replies = now
            self.poll_replies()

    def poll_statuses(self, limit: int = 100) -> int:
        """Ask the provider what became of sent messages; the requests go side by side
        on the lane's workers, so a poll does not hold up sending for long."""
        before = utc_now() - timedelta(seconds=self.timing.status_min_age)
        rows = [
            row
            for row in store.to_check(self.db, self.name, before=before, limit=limit)
            if row.provider_id is not None
        ]

        def ask(row: store.OutboxRow) -> DeliveryReport | None:
            try:
                return self.channel.status(row.provider_id or "")
            except ChannelProblem:
                return None

        changed = 0
        for row, report in zip(rows, self.pool.map(ask, rows), strict=True):
            if report is None:
                continue
            store.set_delivery_status(
                self.db, row.id, report.status, code=report.error_code, error=report.error
            )
            changed += report.status != store.SENT
        if changed:
            self.owner.changed()
        return changed

    def poll_replies(self) -> int:
        try:
            inbound = self.channel.poll_replies(store.last_inbound_at(self.db))
        except ChannelProblem:
            return 0
        name = settings_store.load(self.db).business_name
        handled = sum(
            1 for message in inbound if replies.handle(self.db, message, business_name=name)
        )
        if handled:
            self.owner.changed()
        return handled


def _run(
    send: Callable[[OutgoingMessage], SendResult], message: OutgoingMessage
) -> Future[SendResult]:
    future: Future[SendResult] = Future()
    try:
        future.set_result(send(message))
    except Exception as error:
        future.set_exception(error)
    return future


def _with_body(message: OutgoingMessage, body: str) -> OutgoingMessage:
    return replace(message, body=body)
