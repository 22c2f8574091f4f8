"""Chat and webhook destinations and their claims (channels.webhooks; docs/webhooks.md).

A destination is a Slack, Microsoft Teams or Google Chat incoming webhook, a
Chatwork room, or a generic HTTPS JSON webhook, with the events it takes
(``EVENTS``), whether comments go to it, and the language of its messages. Its
URL, Chatwork token and signing secret are secrets: they live in the keyring
(``storage.secrets``) under ``secret_name(id)``, as JSON, never in this file.

A claim (``webhook_claims``) says a destination's message about a subject (a
response, a task) was written to the outbox, or why none was; it is written in
the same transaction as the outbox row, so a message is queued once, ever.
"""

from __future__ import annotations

import json
import secrets as random
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage import responses as response_store
from storage.database import to_text, utc_now, writing

KINDS = ("slack", "teams", "google_chat", "chatwork", "generic")
RESPONSE, DETRACTOR, TASK = "response", "detractor", "task"
EVENTS = (RESPONSE, DETRACTOR, TASK)
CHANNEL = "webhook"  # the outbox's channel of these messages
PURPOSE = "webhook"  # and their purpose


@dataclass(frozen=True)
class Destination:
    id: int
    uid: str  # random, not secret: the first part of each message's idempotency id
    kind: str
    name: str
    events: tuple[str, ...]
    send_comments: bool
    language: str
    room_id: str = ""  # Chatwork's room
    after_response_id: int = 0


def secret_name(webhook_id: int) -> str:
    """The keyring entry holding a destination's secrets (JSON: url, token, signing_secret)."""
    return f"webhook:{webhook_id}"


def _destination(row: dict) -> Destination:
    events = tuple(e for e in json.loads(row["events"] or "[]") if e in EVENTS)
    return Destination(
        id=row["id"],
        uid=row["uid"],
        kind=row["kind"],
        name=row["name"],
        events=events,
        send_comments=bool(row["send_comments"]),
        language=row["language"],
        room_id=row["room_id"],
        after_response_id=row["after_response_id"],
    )


def all_destinations(db: Database) -> list[Destination]:
    return [_destination(r) for r in db.query("SELECT * FROM webhooks ORDER BY id")]


def get(db: Database, webhook_id: int) -> Destination | None:
    rows = list(db.query("SELECT * FROM webhooks WHERE id = ?", [webhook_id]))
    return _destination(rows[0]) if rows else None


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM webhooks").fetchone()[0])


def _check(kind: str, events: tuple[str, ...], language: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown webhook kind: {kind}")
    if any(e not in EVENTS for e in events):
        raise ValueError(f"unknown webhook event in {events}")
    if language not in ("ja", "en"):
        raise ValueError(f"unknown language: {language}")


def add(
    db: Database,
    *,
    kind: str,
    name: str,
    events: tuple[str, ...],
    send_comments: bool,
    language: str,
    room_id: str = "",
    now: datetime | None = None,
) -> Destination:
    """Store a new destination; it posts the responses that arrive from now on."""
    _check(kind, events, language)
    stamp = to_text(now or utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT INTO webhooks (uid, kind, name, events, send_comments, language, room_id,"
            " after_response_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                random.token_hex(8),
                kind,
                name,
                json.dumps(list(events)),
                int(send_comments),
                language,
                room_id,
                response_store.latest_id(db),
                stamp,
                stamp,
            ],
        )
    found = get(db, int(cursor.lastrowid or 0))
    assert found is not None
    return found


def update(
    db: Database,
    webhook_id: int,
    *,
    name: str,
    events: tuple[str, ...],
    send_comments: bool,
    language: str,
    room_id: str = "",
    now: datetime | None = None,
) -> Destination | None:
    """Change a destination's name, events, comments, language or room (not its kind)."""
    old = get(db, webhook_id)
    if old is None:
        return None
    _check(old.kind, events, language)
    with writing(db):
        db.execute(
            "UPDATE webhooks SET name = ?, events = ?, send_comments = ?, language = ?,"
            " room_id = ?, updated_at = ? WHERE id = ?",
            [
                name,
                json.dumps(list(events)),
                int(send_comments),
                language,
                room_id,
                to_text(now or utc_now()),
                webhook_id,
            ],
        )
    return get(db, webhook_id)


def remove(db: Database, webhook_id: int, now: datetime | None = None) -> int:
    """Delete a destination; its messages not yet sent are canceled. Returns how many."""
    reason = "The destination was removed in Settings."
    with writing(db):
        canceled = db.execute(
            "UPDATE outbox SET status = 'canceled', error = ?, problem = NULL, updated_at = ?"
            " WHERE channel = ? AND recipient = ? AND status IN ('queued', 'paused')",
            [reason, to_text(now or utc_now()), CHANNEL, str(webhook_id)],
        ).rowcount
        db.execute("DELETE FROM webhooks WHERE id = ?", [webhook_id])
    return canceled


def claim(
    db: Database,
    webhook_id: int,
    subject: str,
    subject_id: int,
    event: str,
    outbox_id: int | None,
    now: datetime,
) -> bool:
    """Record a destination's message about a subject ("response" or "task");
    False when one was recorded before. Inside the caller's transaction."""
    return bool(
        db.execute(
            "INSERT OR IGNORE INTO webhook_claims"
            " (webhook_id, subject, subject_id, event, outbox_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [webhook_id, subject, subject_id, event, outbox_id, to_text(now)],
        ).rowcount
    )


def claimed(db: Database, webhook_id: int, subject: str, subject_id: int) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM webhook_claims WHERE webhook_id = ? AND subject = ? AND subject_id = ?",
            [webhook_id, subject, subject_id],
        ).fetchall()
    )
