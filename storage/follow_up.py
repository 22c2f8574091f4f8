"""The closed loop on detractors: one case per detractor response.

A case has a status (new → contacted → resolved), an owner (a name from the
settings' ``owners``; Koe is single-seat, so an owner is a label, not a login)
and a note. A detractor without a stored case is "new" with no owner: rows are
only written when someone acts, so a million old responses cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage.comments import headline_scores
from storage.database import to_text, utc_now

STATUSES = ("new", "contacted", "resolved")


@dataclass(frozen=True)
class Case:
    response_id: int
    status: str = "new"
    owner: str = ""
    note: str = ""
    updated_at: str | None = None


def get(db: Database, response_id: int) -> Case:
    row = db.execute(
        "SELECT status, owner, note, updated_at FROM detractor_cases WHERE response_id = ?",
        [response_id],
    ).fetchone()
    if row is None:
        return Case(response_id)
    return Case(response_id, *row)


def save(
    db: Database,
    response_id: int,
    *,
    status: str,
    owner: str = "",
    note: str = "",
    now: datetime | None = None,
) -> Case:
    """Store a case's status, owner and note; returns it as stored."""
    if status not in STATUSES:
        raise ValueError(f"unknown status: {status}")
    moment = to_text(now or utc_now())
    with db.atomic():
        db.execute(
            "INSERT INTO detractor_cases (response_id, status, owner, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id) DO UPDATE SET"
            " status = excluded.status, owner = excluded.owner, note = excluded.note,"
            " updated_at = excluded.updated_at",
            [response_id, status, owner, note, moment],
        )
    return get(db, response_id)


def counts(db: Database) -> dict[str, int]:
    """Stored cases by status (detractors never touched are not counted here)."""
    rows = db.execute("SELECT status, count(*) FROM detractor_cases GROUP BY status").fetchall()
    return {status: 0 for status in STATUSES} | dict(rows)


@dataclass(frozen=True)
class Detractor:
    response_id: int
    survey_id: int
    score: int
    comment: str


def claim_new_detractors(
    db: Database, after_id: int, now: datetime | None = None
) -> list[Detractor]:
    """Detractor responses after ``after_id`` not alerted yet; each is claimed once.

    The claim is a row in ``response_messages`` (purpose 'alert'), so a response
    raises one alert however often its survey's responses change.
    """

    moment = to_text(now or utc_now())
    found = []
    for response_id, survey_id, score, band, comment in headline_scores(db, after_id):
        if band != "detractor":
            continue
        claimed = db.execute(
            "INSERT OR IGNORE INTO response_messages (response_id, purpose, outcome, created_at)"
            " VALUES (?, 'alert', 'shown', ?)",
            [response_id, moment],
        ).rowcount
        if claimed:
            found.append(Detractor(response_id, survey_id, score, comment))
    db.conn.commit()
    return found


def claim_message(
    db: Database, response_id: int, purpose: str, outcome: str, outbox_id: int | None, now: str
) -> bool:
    """Record a response's message (or why none went); False when one was recorded before."""
    return bool(
        db.execute(
            "INSERT OR IGNORE INTO response_messages"
            " (response_id, purpose, outbox_id, outcome, created_at) VALUES (?, ?, ?, ?, ?)",
            [response_id, purpose, outbox_id, outcome, now],
        ).rowcount
    )


def has_message(db: Database, response_id: int, purpose: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM response_messages WHERE response_id = ? AND purpose = ?",
            [response_id, purpose],
        ).fetchall()
    )


def origin(db: Database, response_id: int) -> tuple[int | None, str]:
    """A response's delivery id (None through a public link) and language."""
    row = db.execute(
        "SELECT delivery_id, language FROM responses WHERE id = ?", [response_id]
    ).fetchone()
    return (row[0], row[1]) if row else (None, "en")
