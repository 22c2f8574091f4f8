"""Campaigns: the contacts a campaign may reach, writing its plan, its progress, pause and cancel.

``create`` writes a campaign, one delivery per recipient and one outbox row per
message (status 'queued', ``not_before``) in ONE transaction, before any
network call: the dispatcher sends what is queued and due. Pausing moves the
campaign's queued rows to 'paused' (the dispatcher leaves them alone),
resuming moves them back, cancelling makes them 'canceled'. Reminders of a
delivery that gets answered are skipped by a trigger (migration 0006).

Over 400 lines because a campaign's plan, progress, pause and cancel move the
same outbox rows and deliveries and must stay consistent.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlite_utils import Database

from storage import opt_outs as opt_out_store
from storage.database import from_text, to_text, utc_now, writing
from storage.deliveries import write_delivery
from storage.settings import Settings
from surveys.campaign_plan import PlannedDelivery
from surveys.campaigns import Contact, Rules
from surveys.problems import Problem

ACTIVE = "active"
PAUSED = "paused"
CANCELED = "canceled"
DONE = "done"
# An email invitation kept back until its SMS fails (migration 0007 releases it).
HELD = "held"

# An outbox row's status as the progress view counts it.
PROGRESS_KEYS = ("queued", "sent", "delivered", "failed", "unknown", "skipped", "answered")
_COUNTED_AS = {
    "queued": "queued",
    "paused": "queued",
    "sending": "queued",
    "sent": "sent",
    "delivered": "delivered",
    "failed": "failed",
    "undelivered": "failed",
    "unknown": "unknown",
    # Not sent and never will be: the contact opted out or was deleted before it went.
    "skipped": "skipped",
}
# A message still to go, or going: a campaign with none of these left is done.
_UNFINISHED = ("queued", "sending", HELD, "paused")
# Statuses that mean a message did not go and will not: they do not count towards the cap.
_NOT_SENT = ("canceled", "skipped", "failed", "undelivered", HELD)


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    survey_id: int
    name: str
    status: str
    created_at: datetime
    recipients: int


@dataclass(frozen=True)
class RecipientStatus:
    delivery_id: int
    name: str
    channel: str
    recipient: str
    status: str  # the invitation's outbox status, or "answered"
    error: str
    reminders_sent: int
    # The recipient's emails whose fate a crash hid ('unknown'): the user may send them again.
    unknown_ids: tuple[int, ...] = ()
    # The shown message's time to go and its provider's code: why a queued one waits.
    not_before: datetime | None = None
    error_code: str | None = None
    # ``error`` as wordings the window says in its language (the SMS's, then the email's).
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Progress:
    campaign: CampaignSummary
    counts: dict[str, int]
    recipients: list[RecipientStatus]


def _has_table(db: Database, name: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
        ).fetchall()
    )


def _consents(db: Database) -> dict[int, set[str]]:
    """Channels each contact consented to, from the contacts' consent table when there is one."""
    found: dict[int, set[str]] = {}
    if not _has_table(db, "consents"):
        return found
    columns = {c.name for c in db["consents"].columns}
    if not {"contact_id", "channel"} <= columns:
        return found
    for row in db.query("SELECT contact_id, channel FROM consents"):
        found.setdefault(row["contact_id"], set()).add(row["channel"])
    return found


def audience(db: Database, contact_ids: Sequence[int] | None = None) -> list[Contact]:
    """Contacts with what a campaign decision needs: opt-outs, consent and cap dates.

    ``contact_ids`` None means everyone (a segment's members otherwise).
    """
    where, params = "", []
    if contact_ids is not None:
        ids = list(contact_ids)
        if not ids:
            return []
        where = f" WHERE c.id IN ({', '.join('?' * len(ids))})"
        params = ids
    opt_outs: dict[int, set[str]] = {}
    for row in db.query(f"SELECT contact_id, channel FROM opt_outs WHERE {opt_out_store.IN_FORCE}"):
        opt_outs.setdefault(row["contact_id"], set()).add(row["channel"])
    consents = _consents(db)
    not_sent = ", ".join(f"'{s}'" for s in _NOT_SENT)
    rows = db.query(
        "SELECT c.id, c.name, c.phone, c.email, c.language, c.attributes,"
        " (SELECT max(d.answered_at) FROM deliveries d WHERE d.contact_id = c.id) AS last_answer,"
        " (SELECT max(coalesce(o.not_before, o.created_at)) FROM outbox o"
        "   JOIN deliveries d ON d.id = o.delivery_id"
        "   WHERE d.contact_id = c.id AND d.answered_at IS NULL"
        "   AND o.purpose IN ('invitation', 'reminder')"
        f"   AND o.status NOT IN ({not_sent})) AS last_invitation"
        f" FROM contacts c{where} ORDER BY c.name COLLATE NOCASE, c.id",
        params,
    )
    contacts = []
    for row in rows:
        try:
            attributes = json.loads(row["attributes"] or "{}")
        except ValueError:
            attributes = {}
        contacts.append(
            Contact(
                id=row["id"],
                name=row["name"] or "",
                phone=row["phone"],
                email=row["email"],
                language=row["language"],
                attributes=attributes if isinstance(attributes, dict) else {},
                opted_out=frozenset(opt_outs.get(row["id"], ())),
                consented=frozenset(consents.get(row["id"], ())),
                last_answer=from_text(row["last_answer"]),
                last_unanswered_invitation=from_text(row["last_invitation"]),
            )
        )
    return contacts


def create(
    db: Database,
    *,
    survey_id: int,
    name: str,
    settings: dict[str, Any],
    deliveries: Sequence[PlannedDelivery],
    now: datetime | None = None,
) -> int:
    """Write the campaign, its deliveries and its queued messages in one transaction."""
    stamp = to_text(now or utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT INTO campaigns (survey_id, name, status, settings, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [survey_id, name, ACTIVE, json.dumps(settings, ensure_ascii=False), stamp, stamp],
        )
        campaign_id = cursor.lastrowid
        for planned in deliveries:
            write_delivery(db, survey_id, planned, stamp, campaign_id=campaign_id)
    assert campaign_id is not None
    return campaign_id


def _summary(row: dict) -> CampaignSummary:
    created = from_text(row["created_at"])
    assert created is not None
    return CampaignSummary(
        row["id"], row["survey_id"], row["name"], row["status"], created, row["recipients"]
    )


_SUMMARY = (
    "SELECT c.id, c.survey_id, c.name, c.status, c.created_at,"
    " (SELECT count(*) FROM deliveries d WHERE d.campaign_id = c.id) AS recipients"
    " FROM campaigns c"
)


def finish_done(db: Database, campaign_id: int | None = None) -> int:
    """Mark active campaigns (or this one) "done" once none of their messages is still to go.

    Every message finished: sent, delivered, undelivered, failed, unknown, skipped,
    answered or canceled; none queued, sending, held or paused (reminders waiting for
    their day are queued). Returns how many campaigns were marked.
    """
    marks = ", ".join("?" for _ in _UNFINISHED)
    with writing(db):
        cursor = db.execute(
            "UPDATE campaigns SET status = ?, updated_at = ? WHERE status = ?"
            " AND (? IS NULL OR id = ?)"
            " AND NOT EXISTS (SELECT 1 FROM outbox o JOIN deliveries d ON d.id = o.delivery_id"
            f"   WHERE d.campaign_id = campaigns.id AND o.status IN ({marks}))",
            [DONE, to_text(utc_now()), ACTIVE, campaign_id, campaign_id, *_UNFINISHED],
        )
    return cursor.rowcount


def _finish_quietly(db: Database, campaign_id: int | None = None) -> None:
    # A read-only copy of the workspace is shown as it is.
    with contextlib.suppress(sqlite3.OperationalError):
        finish_done(db, campaign_id)


def list_all(db: Database) -> list[CampaignSummary]:
    """Every campaign, newest first (finished ones marked done first)."""
    _finish_quietly(db)
    return [_summary(row) for row in db.query(_SUMMARY + " ORDER BY c.id DESC")]


def get(db: Database, campaign_id: int) -> CampaignSummary | None:
    rows = list(db.query(_SUMMARY + " WHERE c.id = ?", [campaign_id]))
    return _summary(rows[0]) if rows else None


def progress(db: Database, campaign_id: int) -> Progress | None:
    """Counts by status and one row per recipient, with the provider's error text.

    A campaign whose messages are all finished is marked done here (``finish_done``).
    """
    _finish_quietly(db, campaign_id)
    campaign = get(db, campaign_id)
    if campaign is None:
        return None
    counts = dict.fromkeys(PROGRESS_KEYS, 0)
    recipients = []
    for row in db.query(
        "SELECT d.id, d.channel, d.answered_at, coalesce(c.name, '') AS name,"
        " o.recipient, o.status, coalesce(o.error, '') AS error,"
        " o.not_before, o.error_code, o.problem,"
        " f.channel AS f_channel, f.recipient AS f_recipient, f.status AS f_status,"
        " coalesce(f.error, '') AS f_error, f.not_before AS f_not_before,"
        " f.error_code AS f_error_code, f.problem AS f_problem,"
        " (SELECT count(*) FROM outbox r WHERE r.delivery_id = d.id AND r.purpose = 'reminder'"
        "   AND r.status IN ('sent', 'delivered', 'answered')) AS reminders_sent,"
        " (SELECT group_concat(u.id) FROM outbox u WHERE u.delivery_id = d.id"
        "   AND u.status = 'unknown') AS unknown_ids"
        " FROM deliveries d"
        " LEFT JOIN contacts c ON c.id = d.contact_id"
        " LEFT JOIN outbox o ON o.delivery_id = d.id AND o.purpose = 'invitation'"
        "   AND o.channel = d.channel"
        " LEFT JOIN outbox f ON f.delivery_id = d.id AND f.purpose = 'invitation'"
        "   AND f.channel != d.channel"
        " WHERE d.campaign_id = ? ORDER BY name COLLATE NOCASE, d.id",
        [campaign_id],
    ):
        channel, recipient, status, error = (
            row["channel"],
            row["recipient"] or "",
            row["status"] or "queued",
            row["error"],
        )
        not_before, code = row["not_before"], row["error_code"]
        problems = _problems(row["error"], row["problem"])
        if row["f_status"] not in (None, HELD, "skipped", "canceled"):
            # The SMS failed and the email went instead: show the email, keep the SMS's error.
            channel, recipient, status = row["f_channel"], row["f_recipient"], row["f_status"]
            error = "; ".join(text for text in (row["error"], row["f_error"]) if text)
            not_before, code = row["f_not_before"], row["f_error_code"]
            problems += _problems(row["f_error"], row["f_problem"])
        if row["answered_at"]:
            status = "answered"
        key = "answered" if row["answered_at"] else _COUNTED_AS.get(status)
        if key:
            counts[key] += 1
        unknown = tuple(sorted(int(i) for i in (row["unknown_ids"] or "").split(",") if i))
        recipients.append(
            RecipientStatus(
                row["id"],
                row["name"],
                channel,
                recipient,
                status,
                error,
                row["reminders_sent"],
                unknown,
                from_text(not_before),
                code,
                problems,
            )
        )
    return Progress(campaign, counts, recipients)


def _problems(error: str, stored: str | None) -> tuple[Problem, ...]:
    """A row's error as a wording (an older row's English text, kept as it is)."""
    if not error:
        return ()
    return (Problem.from_json(stored) or Problem.plain(error),)


def _outbox_of(campaign_id: int) -> str:
    return "delivery_id IN (SELECT id FROM deliveries WHERE campaign_id = ?)"


def _set(db: Database, campaign_id: int, status: str, moves: Sequence[tuple[str, str]]) -> bool:
    stamp = to_text(utc_now())
    with writing(db):
        cursor = db.execute(
            "UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ? AND status != ?",
            [status, stamp, campaign_id, CANCELED],
        )
        if cursor.rowcount != 1:
            return False
        for old, new in moves:
            db.execute(
                f"UPDATE outbox SET status = ?, updated_at = ? WHERE status = ?"
                f" AND {_outbox_of(campaign_id)}",
                [new, stamp, old, campaign_id],
            )
    return True


def pause(db: Database, campaign_id: int) -> bool:
    """Hold the campaign's queued messages; those already being sent finish."""
    return _set(db, campaign_id, PAUSED, [("queued", "paused")])


def resume(db: Database, campaign_id: int) -> bool:
    return _set(db, campaign_id, ACTIVE, [("paused", "queued")])


def cancel(db: Database, campaign_id: int) -> bool:
    """Stop for good: every message not yet handed to a provider is canceled."""
    return _set(
        db,
        campaign_id,
        CANCELED,
        [("queued", "canceled"), ("paused", "canceled"), (HELD, "canceled")],
    )


def outbox_rows(db: Database, campaign_id: int) -> list[dict[str, Any]]:
    """The campaign's outbox rows in the order they were written (for checks and the UI)."""
    return list(
        db.query(f"SELECT * FROM outbox WHERE {_outbox_of(campaign_id)} ORDER BY id", [campaign_id])
    )


def rules_from_settings(settings: Settings, *, reminders: int = 1, after_days: int = 3) -> Rules:
    """The sending rules a campaign follows, from the workspace's settings."""

    def clock(text: str, default: time) -> time:
        try:
            return time.fromisoformat(text)
        except ValueError:
            return default

    return Rules(
        consent_required=settings.consent_required,
        answer_cap_days=settings.cap_answer_days,
        invitation_cap_days=settings.cap_invitation_days,
        quiet_start=clock(settings.quiet_start, time(9, 0)),
        quiet_end=clock(settings.quiet_end, time(20, 0)),
        workspace_time_zone=settings.time_zone,
        reminders=reminders,
        reminder_after_days=after_days,
    )


def segment_choices(db: Database) -> list[tuple[int, str]]:
    """Saved segments (id, name), when the contacts' segments table exists."""
    if not _has_table(db, "segments"):
        return []
    return [
        (row["id"], row["name"]) for row in db.query("SELECT id, name FROM segments ORDER BY name")
    ]


def segment_members(db: Database, segment_id: int) -> list[int]:
    """The ids of the contacts a saved segment's filter matches (storage.segments evaluates it)."""
    segments = importlib.import_module("storage.segments")
    segment = segments.get(db, segment_id)
    where, params = segments.clause(segment.conditions)
    sql = "SELECT c.id FROM contacts c" + (f" WHERE {where}" if where else "")
    return [row[0] for row in db.execute(sql, params).fetchall()]
