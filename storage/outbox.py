"""The outbox: every outgoing message, written before any network call.

Statuses (see docs/outbox.md)::

    queued → sending → sent → delivered | undelivered → answered
                     ↘ failed       (permanent refusal, or retries used up)
                     ↘ unknown      (an email a crash left in 'sending': never resent)
    queued → skipped                (opted out, or no address, at send time)
    queued ⇄ paused, queued → canceled   (the campaigns engineer's pause/cancel)

Only the sender (the workspace lock holder's ``channels.outbox.Dispatcher``)
moves rows out of 'queued'. Each move is one statement whose WHERE clause
names the status it expects, so a row is never claimed twice.

Over 400 lines because every status move of the state machine above must be
read beside the others to see that no row is claimed or sent twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from storage import opt_outs as opt_out_store
from storage.database import from_text, to_text, utc_now, writing
from surveys.problems import Problem, as_problem

QUEUED = "queued"
SENDING = "sending"
SENT = "sent"
DELIVERED = "delivered"
UNDELIVERED = "undelivered"
FAILED = "failed"
UNKNOWN = "unknown"
ANSWERED = "answered"
SKIPPED = "skipped"
PAUSED = "paused"
CANCELED = "canceled"

# Every status a row can have, in the order a progress view lists them.
STATUSES = (
    QUEUED, PAUSED, SENDING, SENT, DELIVERED, ANSWERED, UNDELIVERED, FAILED, UNKNOWN,
    SKIPPED, CANCELED,
)  # fmt: skip
FINAL = frozenset({DELIVERED, UNDELIVERED, FAILED, UNKNOWN, ANSWERED, SKIPPED, CANCELED})


@dataclass(frozen=True)
class OutboxRow:
    id: int
    delivery_id: int | None
    purpose: str
    channel: str
    recipient: str
    subject: str | None
    body: str
    status: str
    attempts: int
    provider_id: str | None
    error: str | None
    error_code: str | None
    not_before: datetime | None
    attempt_started_at: datetime | None
    token: str | None  # the delivery's token, when there is a delivery
    survey_id: int | None
    contact_id: int | None
    contact_language: str | None
    problem: Problem | None = None  # ``error`` as wording and values (surveys.problems)
    html: str | None = None  # an email's own HTML part (a digest); None: built from ``body``


_SELECT = (
    "SELECT o.*, d.token, d.survey_id, d.contact_id, c.language AS contact_language"
    " FROM outbox o LEFT JOIN deliveries d ON d.id = o.delivery_id"
    " LEFT JOIN contacts c ON c.id = d.contact_id"
)


def _row(row: dict) -> OutboxRow:
    return OutboxRow(
        id=row["id"],
        delivery_id=row["delivery_id"],
        purpose=row["purpose"],
        channel=row["channel"],
        recipient=row["recipient"],
        subject=row["subject"],
        body=row["body"],
        status=row["status"],
        attempts=row["attempts"],
        provider_id=row["provider_id"],
        error=row["error"],
        error_code=row["error_code"],
        not_before=from_text(row["not_before"]),
        attempt_started_at=from_text(row["attempt_started_at"]),
        token=row["token"],
        survey_id=row["survey_id"],
        contact_id=row["contact_id"],
        contact_language=row["contact_language"],
        problem=Problem.from_json(row["problem"]),
        html=row.get("html"),
    )


def error_columns(error: Problem | str | None) -> dict[str, str | None]:
    """The ``error`` (English) and ``problem`` (its wording and values, JSON) columns of
    an error; text Koe did not word is kept in ``error`` alone."""
    if error is None:
        return {"error": None, "problem": None}
    problem = as_problem(error)
    return {"error": str(problem), "problem": None if problem.is_plain else problem.to_json()}


def enqueue(
    db: Database,
    *,
    channel: str,
    recipient: str,
    body: str,
    purpose: str = "test",
    subject: str | None = None,
    delivery_id: int | None = None,
    response_id: int | None = None,
    not_before: datetime | None = None,
    now: datetime | None = None,
    html: str | None = None,
) -> int:
    """Write one queued message (a test message, an alert; campaigns write their own).

    ``response_id``: the response the message is about (an owner's alert names its
    contact: deleting the contact blanks it). ``html``: an email's own HTML part.
    """
    stamp = to_text(now or utc_now())
    cursor = db.execute(
        "INSERT INTO outbox (delivery_id, response_id, purpose, channel, recipient, subject,"
        " body, html, status, not_before, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
        [
            delivery_id,
            response_id,
            purpose,
            channel,
            recipient,
            subject,
            body,
            html,
            to_text(not_before),
            stamp,
            stamp,
        ],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def get(db: Database, outbox_id: int) -> OutboxRow | None:
    rows = list(db.query(_SELECT + " WHERE o.id = ?", [outbox_id]))
    return _row(rows[0]) if rows else None


def due(
    db: Database,
    channel: str,
    *,
    now: datetime,
    limit: int,
    purposes: Iterable[str] | None = None,
) -> list[OutboxRow]:
    """Queued rows of ``channel`` whose time has come, oldest first; only rows of
    ``purposes`` when given (a public host sends owners' alerts and nothing else)."""
    only = sorted(purposes) if purposes is not None else None
    where = f" AND o.purpose IN ({', '.join('?' for _ in only)})" if only is not None else ""
    return [
        _row(r)
        for r in db.query(
            _SELECT + " WHERE o.channel = ? AND o.status = 'queued'"
            f" AND (o.not_before IS NULL OR o.not_before <= ?){where}"
            " ORDER BY coalesce(o.not_before, o.created_at), o.id LIMIT ?",
            [channel, to_text(now), *(only or []), limit],
        )
    ]


def in_status(db: Database, status: str, channel: str | None = None) -> list[OutboxRow]:
    where, params = "o.status = ?", [status]
    if channel:
        where += " AND o.channel = ?"
        params.append(channel)
    return [_row(r) for r in db.query(_SELECT + f" WHERE {where} ORDER BY o.id", params)]


def opted_out(db: Database, row: OutboxRow) -> bool:
    """Whether the recipient left this channel (by their contact, or by this address)."""
    column = "phone" if row.channel == "sms" else "email"
    found = db.execute(
        f"SELECT 1 FROM opt_outs WHERE channel = ? AND {opt_out_store.IN_FORCE} AND (contact_id = ?"
        f" OR contact_id IN (SELECT id FROM contacts WHERE {column} = ?)) LIMIT 1",
        [row.channel, row.contact_id, row.recipient],
    ).fetchall()
    return bool(found)


def provider_ids_of_delivery(db: Database, delivery_id: int, except_id: int) -> list[str]:
    """The provider ids of a delivery's other messages (they carry the same token)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT provider_id FROM outbox WHERE delivery_id = ? AND id != ?"
            " AND provider_id IS NOT NULL",
            [delivery_id, except_id],
        ).fetchall()
    ]


def _move(db: Database, outbox_id: int, expected: str, **values: object) -> bool:
    values.setdefault("updated_at", to_text(utc_now()))
    sets = ", ".join(f"{key} = ?" for key in values)
    cursor = db.execute(
        f"UPDATE outbox SET {sets} WHERE id = ? AND status = ?",
        [*values.values(), outbox_id, expected],
    )
    return cursor.rowcount == 1


def claim(db: Database, outbox_id: int, *, body: str, now: datetime | None = None) -> bool:
    """queued → sending, before the network call; the final body is stored with it.

    ``attempt_started_at`` keeps milliseconds: recovery waits a request's timeout from it.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")
    cursor = db.execute(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, attempt_started_at = ?,"
        " body = ?, updated_at = ? WHERE id = ? AND status = 'queued'",
        [moment, body, moment, outbox_id],
    )
    return cursor.rowcount == 1


def mark_sent(db: Database, outbox_id: int, provider_id: str, now: datetime | None = None) -> bool:
    """sending → sent (or answered, when the delivery was answered meanwhile)."""
    stamp = to_text(now or utc_now())
    cursor = db.execute(
        "UPDATE outbox SET status = CASE WHEN EXISTS (SELECT 1 FROM deliveries d"
        "   WHERE d.id = outbox.delivery_id AND d.answered_at IS NOT NULL)"
        "   AND purpose IN ('invitation', 'reminder') THEN 'answered' ELSE 'sent' END,"
        " provider_id = ?, sent_at = ?, error = NULL, problem = NULL, error_code = NULL,"
        " updated_at = ?"
        " WHERE id = ? AND status = 'sending'",
        [provider_id, stamp, stamp, outbox_id],
    )
    return cursor.rowcount == 1


def mark_failed(
    db: Database,
    outbox_id: int,
    error: Problem | str,
    code: str | None,
    *,
    expected: str = SENDING,
) -> bool:
    return _move(db, outbox_id, expected, status=FAILED, error_code=code, **error_columns(error))


def mark_unknown(db: Database, outbox_id: int, error: Problem | str) -> bool:
    return _move(db, outbox_id, SENDING, status=UNKNOWN, **error_columns(error))


def skip(db: Database, outbox_id: int, reason: Problem | str) -> bool:
    return _move(db, outbox_id, QUEUED, status=SKIPPED, **error_columns(reason))


def requeue(
    db: Database,
    outbox_id: int,
    *,
    error: Problem | str | None,
    code: str | None = None,
    not_before: datetime | None = None,
    refund_attempt: bool = False,
) -> bool:
    """sending → queued: nothing went (a channel down, a retry later, a reconciled crash)."""
    stamp = to_text(utc_now())
    columns = error_columns(error)
    cursor = db.execute(
        "UPDATE outbox SET status = 'queued', error = ?, problem = ?, error_code = ?,"
        " not_before = coalesce(?, not_before), attempts = attempts - ?, updated_at = ?"
        " WHERE id = ? AND status = 'sending'",
        [
            columns["error"],
            columns["problem"],
            code,
            to_text(not_before),
            1 if refund_attempt else 0,
            stamp,
            outbox_id,
        ],
    )
    return cursor.rowcount == 1


def to_check(db: Database, channel: str, *, before: datetime, limit: int) -> list[OutboxRow]:
    """Sent rows whose delivery status is still to learn, least recently asked first."""
    return [
        _row(r)
        for r in db.query(
            _SELECT + " WHERE o.channel = ? AND o.status = 'sent' AND o.provider_id IS NOT NULL"
            " AND coalesce(o.checked_at, o.sent_at, o.updated_at) <= ?"
            " ORDER BY coalesce(o.checked_at, ''), o.id LIMIT ?",
            [channel, to_text(before), limit],
        )
    ]


def set_delivery_status(
    db: Database,
    outbox_id: int,
    status: str,
    *,
    code: str | None = None,
    error: Problem | str | None = None,
) -> bool:
    """sent → delivered | undelivered | failed as reported; "sent" only notes the ask."""
    stamp = to_text(utc_now())
    if status == SENT:
        return _move(db, outbox_id, SENT, checked_at=stamp)
    if status == DELIVERED:
        cursor = db.execute(
            "UPDATE outbox SET status = CASE WHEN EXISTS (SELECT 1 FROM deliveries d"
            "   WHERE d.id = outbox.delivery_id AND d.answered_at IS NOT NULL)"
            "   AND purpose IN ('invitation', 'reminder') THEN 'answered' ELSE 'delivered' END,"
            " checked_at = ?, updated_at = ? WHERE id = ? AND status = 'sent'",
            [stamp, stamp, outbox_id],
        )
        return cursor.rowcount == 1
    return _move(
        db,
        outbox_id,
        SENT,
        status=status,
        error_code=code,
        checked_at=stamp,
        **error_columns(error),
    )


def status_counts(db: Database) -> dict[str, int]:
    """How many rows have each status (every status present, zero when none)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in db.query("SELECT status, count(*) AS n FROM outbox GROUP BY status"):
        counts[row["status"]] = row["n"]
    return counts


def waiting_by_channel(db: Database) -> dict[str, int]:
    """How many messages of each channel are still to go (queued, or in hand)."""
    return {
        row["channel"]: row["n"]
        for row in db.query(
            "SELECT channel, count(*) AS n FROM outbox WHERE status IN ('queued', 'sending')"
            " GROUP BY channel"
        )
    }


def unknown(db: Database) -> list[OutboxRow]:
    """Emails a crash left unaccounted for: shown to the user, never resent by Koe."""
    return in_status(db, UNKNOWN)


def resend_unknown(db: Database, outbox_id: int) -> bool:
    """The user decided an 'unknown' email should go again: back to the queue, due now."""
    return _move(db, outbox_id, UNKNOWN, status=QUEUED, not_before=None, **error_columns(None))


def resend_all_unknown(db: Database, outbox_ids: Iterable[int]) -> int:
    """``resend_unknown`` for each (the Send page's "Send again"); returns how many went back.

    A campaign marked done because nothing was left to send is active again until they go.
    """
    ids = list(outbox_ids)
    with writing(db):
        count = sum(resend_unknown(db, outbox_id) for outbox_id in ids)
        marks = ", ".join("?" for _ in ids)
        db.execute(
            "UPDATE campaigns SET status = 'active', updated_at = ? WHERE status = 'done'"
            " AND id IN (SELECT d.campaign_id FROM deliveries d JOIN outbox o"
            f"   ON o.delivery_id = d.id WHERE o.id IN ({marks}) AND o.status = 'queued')",
            [to_text(utc_now()), *ids],
        )
    return count


# Inbound SMS -----------------------------------------------------------------


def inbound_seen(db: Database, sid: str) -> bool:
    return bool(db.execute("SELECT 1 FROM sms_inbound WHERE sid = ?", [sid]).fetchall())


def record_inbound(
    db: Database,
    *,
    sid: str,
    sender: str,
    body: str,
    received_at: datetime,
    action: str,
    delivery_id: int | None = None,
) -> bool:
    cursor = db.execute(
        "INSERT INTO sms_inbound (sid, sender, body, received_at, action, delivery_id, handled_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sid) DO NOTHING",
        [sid, sender, body, to_text(received_at), action, delivery_id, to_text(utc_now())],
    )
    return cursor.rowcount == 1


@dataclass(frozen=True)
class SmsReply:
    """An SMS a person sent to our number in their own words (not a keyword or a score)."""

    received_at: datetime
    sender: str
    body: str
    contact_name: str  # "" when the number is no contact's


def sms_replies(db: Database, limit: int = 100) -> list[SmsReply]:
    """People's own SMS replies, newest first (a deleted contact's are blanked: left out)."""
    rows = db.execute(
        "SELECT i.received_at, i.sender, i.body,"
        " (SELECT c.name FROM contacts c WHERE c.phone = i.sender ORDER BY c.id LIMIT 1)"
        " FROM sms_inbound i WHERE i.action = 'ignored' AND i.body != ''"
        " ORDER BY i.received_at DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [
        SmsReply(from_text(when) or utc_now(), sender, body, name or "")
        for when, sender, body, name in rows
    ]


def last_inbound_at(db: Database) -> datetime | None:
    rows = db.execute("SELECT max(received_at) FROM sms_inbound").fetchall()
    return from_text(rows[0][0]) if rows else None


# Replies ---------------------------------------------------------------------


def contacts_by_phone(db: Database, phone: str) -> list[int]:
    return [r["id"] for r in db.query("SELECT id FROM contacts WHERE phone = ?", [phone])]


def opt_in_sms(db: Database, phone: str, *, source: str = "reply") -> int:
    """START: the contacts with this number take SMS again; returns how many opt-outs closed.

    The opt-outs stay in the ledger as history (``opted_in_at``); a deleted contact's
    digest of this number is forgotten, so importing them again does not opt them out.
    """
    closed = opt_out_store.opt_in(db, contacts_by_phone(db, phone), "sms", source=source)
    opt_out_store.forget_suppression(db, "sms", phone)
    return closed


def latest_open_sms_delivery(db: Database, phone: str) -> tuple[int, int] | None:
    """(delivery id, survey id) of the newest unanswered SMS delivery to this number."""
    rows = db.execute(
        "SELECT d.id, d.survey_id FROM deliveries d JOIN contacts c ON c.id = d.contact_id"
        " JOIN surveys s ON s.id = d.survey_id"
        " WHERE c.phone = ? AND d.channel = 'sms' AND d.answered_at IS NULL"
        " AND s.status = 'open'"
        " AND EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = d.id"
        "   AND o.status IN ('sent', 'delivered'))"
        " ORDER BY d.created_at DESC, d.id DESC LIMIT 1",
        [phone],
    ).fetchall()
    return (rows[0][0], rows[0][1]) if rows else None
