"""Programmes: storing them, pausing and resuming, and their ledger of sends.

A programme (surveys.programmes.Programme) is a row of ``programmes``; its kind's
numbers, reminders and message texts are in ``settings`` (JSON). Each send it
makes is a delivery with ``programme_id`` and the same outbox rows a campaign
writes (``storage.deliveries.write_delivery``), and one row of the ledger
``programme_sends``, keyed (programme, contact, occurrence), written in the same
transaction: a key is sent once, whatever restarts. A send the frequency cap
holds back is kept as 'capped' and tried again at every tick until the cap
allows it; one that cannot go (opted out, no consent, no address) is 'skipped'.

Pausing holds the programme's queued messages ('paused') and its new sends;
resuming queues them again (a trigger keeps any message queued meanwhile held).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import datetime

from sqlite_utils import Database

from storage.campaigns import segment_members
from storage.database import from_text, to_text, utc_now, writing
from storage.deliveries import write_delivery
from surveys.campaign_plan import PlannedDelivery
from surveys.programmes import BIRTHDAY, LAST_VISIT, Due, LastSend, Programme

QUEUED = "queued"
CAPPED = "capped"
SKIPPED = "skipped"
# What goes into ``settings``: every field beyond the columns.
_COLUMNS = {"id", "survey_id", "name", "kind", "segment_id", "mode", "paused", "starts_at"}
_SETTINGS = [f.name for f in fields(Programme) if f.name not in _COLUMNS]
# Outbox statuses that mean the message did not go and will not.
_NOT_SENT = ("canceled", "skipped", "failed", "undelivered", "held")


class ProgrammeError(ValueError):
    """A programme that cannot be stored; the message says why in plain words."""


@dataclass(frozen=True)
class LedgerRow:
    contact_id: int
    contact_name: str
    occurrence: str
    due_at: datetime
    status: str  # queued | capped | skipped
    reason: str
    sent_at: datetime | None
    answered: bool


@dataclass(frozen=True)
class Stats:
    sent: int  # invitations that went (or are on their way)
    answered: int
    capped: int
    skipped: int

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.sent if self.sent else None


def _from_row(row: dict) -> Programme:
    settings = json.loads(row["settings"] or "{}")
    known = {key: settings[key] for key in _SETTINGS if key in settings}
    starts = from_text(row["starts_at"])
    assert starts is not None
    return Programme(
        id=row["id"],
        survey_id=row["survey_id"],
        name=row["name"],
        kind=row["kind"],
        segment_id=row["segment_id"],
        mode=row["mode"],
        paused=bool(row["paused"]),
        starts_at=starts,
        **known,
    )


def _settings_json(programme: Programme) -> str:
    return json.dumps(
        {key: getattr(programme, key) for key in _SETTINGS if key != "paused"},
        ensure_ascii=False,
    )


def create(db: Database, programme: Programme, now: datetime | None = None) -> Programme:
    """Store a new programme (refused, in plain words, when it is not usable)."""
    problems = programme.problems()
    if problems:
        raise ProgrammeError(" ".join(problems))
    stamp = to_text(now or utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT INTO programmes (survey_id, name, kind, segment_id, mode, settings, paused,"
            " starts_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [programme.survey_id, programme.name.strip(), programme.kind, programme.segment_id,
             programme.mode, _settings_json(programme), int(programme.paused),
             to_text(programme.starts_at), stamp, stamp],
        )  # fmt: skip
    assert cursor.lastrowid is not None
    return replace(programme, id=cursor.lastrowid)


def update(db: Database, programme: Programme) -> Programme:
    """Save a changed programme (its kind's numbers, audience, channel rule, texts).

    What it already sent stays in the ledger: a recurring programme counts on from
    each contact's last send.
    """
    problems = programme.problems()
    if problems:
        raise ProgrammeError(" ".join(problems))
    with writing(db):
        db.execute(
            "UPDATE programmes SET survey_id = ?, name = ?, kind = ?, segment_id = ?, mode = ?,"
            " settings = ?, updated_at = ? WHERE id = ?",
            [programme.survey_id, programme.name.strip(), programme.kind, programme.segment_id,
             programme.mode, _settings_json(programme), to_text(utc_now()), programme.id],
        )  # fmt: skip
    return programme


def get(db: Database, programme_id: int) -> Programme | None:
    rows = list(db.query("SELECT * FROM programmes WHERE id = ?", [programme_id]))
    return _from_row(rows[0]) if rows else None


def list_all(db: Database) -> list[Programme]:
    return [_from_row(r) for r in db.query("SELECT * FROM programmes ORDER BY name, id")]


def _outbox_of_programme() -> str:
    return "delivery_id IN (SELECT id FROM deliveries WHERE programme_id = ?)"


def pause(db: Database, programme_id: int) -> bool:
    """Hold every message of the programme not yet handed to a provider, and new sends."""
    stamp = to_text(utc_now())
    with writing(db):
        cursor = db.execute(
            "UPDATE programmes SET paused = 1, updated_at = ? WHERE id = ?", [stamp, programme_id]
        )
        if cursor.rowcount != 1:
            return False
        db.execute(
            "UPDATE outbox SET status = 'paused', updated_at = ? WHERE status = 'queued'"
            f" AND {_outbox_of_programme()}",
            [stamp, programme_id],
        )
    return True


@dataclass(frozen=True)
class HeldMessage:
    outbox_id: int
    delivery_id: int
    contact_id: int | None
    purpose: str
    not_before: datetime | None


def held(db: Database, programme_id: int) -> list[HeldMessage]:
    """The programme's paused messages (what resuming releases)."""
    return [
        HeldMessage(r[0], r[1], r[2], r[3], from_text(r[4]))
        for r in db.execute(
            "SELECT o.id, o.delivery_id, d.contact_id, o.purpose, o.not_before FROM outbox o"
            " JOIN deliveries d ON d.id = o.delivery_id"
            " WHERE d.programme_id = ? AND o.status = 'paused' ORDER BY o.id",
            [programme_id],
        )
    ]


def resume(db: Database, programme_id: int, times: dict[int, datetime]) -> bool:
    """Queue the held messages again, each at its new time (``times``: outbox id → UTC;
    the runner moves those whose time passed into the sending window)."""
    stamp = to_text(utc_now())
    with writing(db):
        cursor = db.execute(
            "UPDATE programmes SET paused = 0, updated_at = ? WHERE id = ?", [stamp, programme_id]
        )
        if cursor.rowcount != 1:
            return False
        for message in held(db, programme_id):
            moment = times.get(message.outbox_id, message.not_before)
            db.execute(
                "UPDATE outbox SET status = 'queued', not_before = ?, updated_at = ?"
                " WHERE id = ? AND status = 'paused'",
                [to_text(moment), stamp, message.outbox_id],
            )
    return True


# -- the audience and what the planning needs -------------------------------------------


def member_ids(db: Database, programme: Programme) -> list[int] | None:
    """The segment's contact ids, or None for every contact."""
    if programme.segment_id is None:
        return None
    return segment_members(db, programme.segment_id)


def added_at(db: Database) -> dict[int, datetime]:
    """When each contact was added (a later contact's first recurring send counts from it)."""
    return {r[0]: from_text(r[1]) for r in db.execute("SELECT id, created_at FROM contacts")}  # type: ignore[misc]


def date_values(db: Database, field_name: str) -> dict[int, str]:
    """Each contact's value of a date field: birthday, last visit, or an attribute."""
    if field_name in (BIRTHDAY, LAST_VISIT):
        sql = f"SELECT id, {field_name} FROM contacts WHERE {field_name} IS NOT NULL"
        return {r[0]: r[1] for r in db.execute(sql)}
    # Read in Python: SQLite's JSON paths miss a key the file wrote with \u escapes.
    found = {}
    for contact_id, text in db.execute("SELECT id, attributes FROM contacts"):
        try:
            value = json.loads(text or "{}").get(field_name)
        except (ValueError, AttributeError):
            continue
        if value not in (None, ""):
            found[contact_id] = str(value)
    return found


# -- the ledger ------------------------------------------------------------------------


def ledger_status(db: Database, programme_id: int) -> dict[tuple[int, str], str]:
    """(contact, occurrence) → status, for every send the programme has recorded."""
    return {
        (r[0], r[1]): r[2]
        for r in db.execute(
            "SELECT contact_id, occurrence, status FROM programme_sends WHERE programme_id = ?",
            [programme_id],
        )
    }


def last_recurring(db: Database, programme_id: int) -> dict[int, tuple[LastSend, str]]:
    """Each contact's latest recurring occurrence: (number and moment, status).

    The moment is when its invitation was due to go, or when it was skipped.
    """
    found: dict[int, tuple[LastSend, str]] = {}
    for contact_id, number, due_at, sent_at, status in db.execute(
        "SELECT contact_id, number, due_at, sent_at, status FROM programme_sends s"
        " WHERE programme_id = ? AND number = (SELECT max(number) FROM programme_sends t"
        "   WHERE t.programme_id = s.programme_id AND t.contact_id = s.contact_id)",
        [programme_id],
    ):
        moment = from_text(sent_at or due_at)
        assert moment is not None
        found[contact_id] = (LastSend(number, moment), status)
    return found


def record(
    db: Database, programme_id: int, due: Due, status: str, reason: str, now: datetime
) -> None:
    """Note a send that did not go now: held by the cap ('capped') or never ('skipped')."""
    stamp = to_text(now)
    when = to_text(now) if status == SKIPPED else None
    with writing(db):
        db.execute(
            "INSERT INTO programme_sends (programme_id, contact_id, occurrence, number, due_at,"
            " status, reason, sent_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (programme_id, contact_id, occurrence) DO UPDATE SET"
            " status = excluded.status, reason = excluded.reason, sent_at = excluded.sent_at,"
            " updated_at = excluded.updated_at WHERE programme_sends.status = 'capped'",
            [programme_id, due.contact_id, due.occurrence, due.number, to_text(due.due_at),
             status, reason, when, stamp, stamp],
        )  # fmt: skip


def write_send(
    db: Database, programme: Programme, due: Due, planned: PlannedDelivery, now: datetime
) -> bool:
    """The send's delivery, its outbox rows and its ledger row, in one transaction.

    False (and nothing written) when the ledger already holds the key as sent or skipped.
    """
    stamp = to_text(now)
    first = min(message.not_before for message in planned.messages)
    with writing(db):
        cursor = db.execute(
            "INSERT INTO programme_sends (programme_id, contact_id, occurrence, number, due_at,"
            " status, sent_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)"
            " ON CONFLICT (programme_id, contact_id, occurrence) DO UPDATE SET"
            " status = 'queued', reason = NULL, sent_at = excluded.sent_at,"
            " updated_at = excluded.updated_at WHERE programme_sends.status = 'capped'",
            [programme.id, due.contact_id, due.occurrence, due.number, to_text(due.due_at),
             to_text(first), stamp, stamp],
        )  # fmt: skip
        if cursor.rowcount != 1:
            return False
        delivery_id = write_delivery(
            db, programme.survey_id, planned, stamp, programme_id=programme.id
        )
        db.execute(
            "UPDATE programme_sends SET delivery_id = ? WHERE programme_id = ? AND contact_id = ?"
            " AND occurrence = ?",
            [delivery_id, programme.id, due.contact_id, due.occurrence],
        )
    return True


def history(db: Database, programme_id: int, limit: int = 200) -> list[LedgerRow]:
    """The programme's sends, newest first, with whether each was answered."""
    rows = db.query(
        "SELECT s.contact_id, coalesce(c.name, '') AS name, s.occurrence, s.due_at, s.status,"
        " coalesce(s.reason, '') AS reason, s.sent_at, d.answered_at"
        " FROM programme_sends s LEFT JOIN contacts c ON c.id = s.contact_id"
        " LEFT JOIN deliveries d ON d.id = s.delivery_id"
        " WHERE s.programme_id = ? ORDER BY coalesce(s.sent_at, s.due_at) DESC, s.id DESC"
        " LIMIT ?",
        [programme_id, limit],
    )
    return [
        LedgerRow(
            r["contact_id"],
            r["name"],
            r["occurrence"],
            from_text(r["due_at"]),  # type: ignore[arg-type]
            r["status"],
            r["reason"],
            from_text(r["sent_at"]),
            r["answered_at"] is not None,
        )
        for r in rows
    ]


def stats(db: Database, programme_id: int) -> Stats:
    """How many invitations went, how many were answered, capped and skipped."""
    not_sent = ", ".join(f"'{s}'" for s in _NOT_SENT)
    sent, answered = db.execute(
        "SELECT count(*), count(d.answered_at) FROM deliveries d WHERE d.programme_id = ?"
        " AND EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = d.id"
        f"   AND o.purpose = 'invitation' AND o.status NOT IN ({not_sent}))",
        [programme_id],
    ).fetchone()
    counts = dict(
        db.execute(
            "SELECT status, count(*) FROM programme_sends WHERE programme_id = ? GROUP BY status",
            [programme_id],
        ).fetchall()
    )
    return Stats(sent, answered, counts.get(CAPPED, 0), counts.get(SKIPPED, 0))
