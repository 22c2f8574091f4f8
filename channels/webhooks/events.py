"""Queueing chat and webhook messages: once per destination and subject, ever.

``queue_webhooks`` looks at the responses after ``after_id`` (the same look that
queues the owners' alert emails, ``ui.comments.alerts``): each destination gets
one message per response it takes — "detractor" when the score alerts (the
settings' thresholds, as the alert emails) and it takes detractors, else
"response" when it takes every answer. A partial response waits for its comment
as the alert email does (``owner_alerts.ready``). A response a destination does
not take is claimed too (no outbox row), so changing its events later never
posts a backlog; nor does adding a destination (``after_response_id``).

``queue_task`` is called by the code that creates a follow-up task, inside its
transaction. ``send_test`` is the Settings panel's Test button: sent at once,
not queued, so the owner sees what happened.
"""

from __future__ import annotations

import secrets as random
from collections.abc import Callable, Mapping
from datetime import datetime

from sqlite_utils import Database

from channels.owner_alerts import ready
from channels.webhooks import notices, payloads
from channels.webhooks.client import WebhookClient
from storage import follow_up
from storage import outbox as outbox_store
from storage import webhooks as store
from storage.database import to_text, utc_now, writing
from storage.settings import Settings
from surveys.questions import SCALE_TYPES

# Every kind of score "alerts" below this: every scored response.
_EVERY_SCORE = {kind.value: 10**9 for kind in SCALE_TYPES}
SKIPPED = "skipped"  # the claim's event when the destination does not take this response


def queue_webhooks(
    db: Database, settings: Settings, after_id: int, now: datetime | None = None
) -> list[int]:
    """Write the messages of responses after ``after_id``; the outbox ids written."""
    moment = now or utc_now()
    destinations = [
        d for d in store.all_destinations(db) if {store.RESPONSE, store.DETRACTOR} & set(d.events)
    ]
    if not destinations:
        return []
    start = max(after_id, min(d.after_response_id for d in destinations))
    answers = follow_up.alert_candidates(db, start, _EVERY_SCORE)
    if not answers:
        return []
    thresholds = settings.alert_thresholds()
    low = {a.response_id for a in follow_up.alert_candidates(db, start, thresholds)}
    written = []
    for answer in answers:
        if not ready(answer, moment):
            continue  # its comment may still come
        for destination in destinations:
            if answer.response_id <= destination.after_response_id:
                continue
            if store.claimed(db, destination.id, "response", answer.response_id):
                continue  # the usual case: no write
            event = _event(destination, answer.response_id in low)
            with writing(db):
                if store.claimed(db, destination.id, "response", answer.response_id):
                    continue  # claimed meanwhile (another look): this one must not go
                outbox_id = _enqueue_response(db, destination, answer, event, settings, moment)
                store.claim(
                    db, destination.id, "response", answer.response_id, event, outbox_id, moment
                )
            written += [outbox_id] if outbox_id else []
    return written


def _event(destination: store.Destination, alerts: bool) -> str:
    if alerts and store.DETRACTOR in destination.events:
        return store.DETRACTOR
    return store.RESPONSE if store.RESPONSE in destination.events else SKIPPED


def _enqueue_response(
    db: Database,
    destination: store.Destination,
    answer: follow_up.Detractor,
    event: str,
    settings: Settings,
    moment: datetime,
) -> int | None:
    if event == SKIPPED:
        return None
    notice = notices.response_notice(
        answer, event, destination.language, destination.send_comments, settings.time_zone
    )
    return _enqueue(db, destination, notice, moment, response_id=answer.response_id)


def _enqueue(
    db: Database,
    destination: store.Destination,
    notice: notices.Notice,
    moment: datetime,
    response_id: int | None = None,
) -> int:
    return outbox_store.enqueue(
        db,
        channel=store.CHANNEL,
        recipient=str(destination.id),
        subject=notice.event,
        body=payloads.body_for(destination.kind, notice, to_text(moment) or ""),
        purpose=store.PURPOSE,
        # Deleting the contact behind the response blanks and skips the message.
        response_id=response_id,
        now=moment,
    )


def queue_task(db: Database, task: notices.Task, now: datetime | None = None) -> list[int]:
    """Write the messages of a new follow-up task to the destinations that take tasks;
    the outbox ids. Inside (or as) a transaction of its own."""
    moment = now or utc_now()
    written = []
    with writing(db):
        for destination in store.all_destinations(db):
            if store.TASK not in destination.events:
                continue
            if store.claimed(db, destination.id, "task", task.id):
                continue
            notice = notices.task_notice(task, destination.language, destination.send_comments)
            outbox_id = _enqueue(db, destination, notice, moment, response_id=task.response_id)
            store.claim(db, destination.id, "task", task.id, store.TASK, outbox_id, moment)
            written.append(outbox_id)
    return written


def send_test(
    client: WebhookClient,
    kind: str,
    secret: Mapping[str, str],
    *,
    room_id: str,
    language: str,
    clock: Callable[[], datetime] = utc_now,
) -> str:
    """Post the test message now; the provider id. Raises a ``channels.base`` error
    whose words say what went wrong."""
    body = payloads.body_for(kind, notices.test_notice(language), to_text(clock()) or "")
    return client.post(
        kind,
        secret,
        body,
        room_id=room_id,
        idempotency_id=f"koe-test-{random.token_hex(8)}",
        event="test",
        now=clock(),
    )
