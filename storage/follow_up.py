"""The closed loop on detractors: one case per detractor response.

A case has a status (new → contacted → resolved), an owner (a name from the
settings' ``owners``; Koe is single-seat, so an owner is a label, not a login)
and a note. A detractor without a stored case is "new" with no owner: rows are
only written when someone acts, so a million old responses cost nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from storage.comments import headline_scores
from storage.database import to_text, utc_now, writing
from surveys.questions import SCALE_TYPES
from surveys.text import LocalText

_SCALES = "(" + ", ".join(f"'{t.value}'" for t in sorted(SCALE_TYPES)) + ")"

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
    with writing(db):
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
    """A response whose headline score alerts, with what an alert tells about it."""

    response_id: int
    survey_id: int
    score: int
    comment: str
    kind: str = ""  # the score question's type: nps, csat, ces, star, smiley, thumbs
    title: LocalText = field(default_factory=LocalText)  # the survey's
    contact_name: str = ""  # when answered through a known contact's personal link
    complete: bool = True  # False while partial: a score whose comment may still come
    created_at: str = ""


def alert_candidates(
    db: Database,
    after_id: int,
    thresholds: Mapping[str, int] | None = None,
    only: Sequence[int] | None = None,
) -> list[Detractor]:
    """Responses after ``after_id`` (or, given ``only``, those of these ids) whose
    headline score alerts, claimed or not.

    A score alerts when it is at or below its kind's threshold (``thresholds``:
    kind → score, see ``Settings.alert_thresholds``); a kind without one (stars,
    smileys, thumbs) alerts in its detractor band, as it does with no thresholds.
    """
    scored = headline_scores(db, after_id, only)
    if not scored:
        return []
    where, params = "r.id > ?", [after_id]
    if only is not None:
        ids = [response_id for response_id, *_ in scored]
        where, params = f"r.id IN ({', '.join('?' for _ in ids)})", ids
    details = {
        row["id"]: row
        for row in db.query(
            "SELECT r.id, r.completed_at, r.created_at, s.title, c.name AS contact_name,"
            " (SELECT q.type FROM answers a JOIN questions q ON q.id = a.question_id"
            f"  WHERE a.response_id = r.id AND q.type IN {_SCALES} ORDER BY q.position"
            "  LIMIT 1) AS kind"
            " FROM responses r JOIN surveys s ON s.id = r.survey_id"
            " LEFT JOIN deliveries d ON d.id = r.delivery_id"
            " LEFT JOIN contacts c ON c.id = d.contact_id"
            f" WHERE {where}",
            params,
        )
    }
    found = []
    for response_id, survey_id, score, band, comment in scored:
        row = details.get(response_id)
        kind = (row or {}).get("kind") or ""
        limit = (thresholds or {}).get(kind)
        if not (score <= limit if limit is not None else band == "detractor"):
            continue
        found.append(
            Detractor(
                response_id,
                survey_id,
                score,
                comment,
                kind=kind,
                title=LocalText.of(json.loads(row["title"])) if row else LocalText(),
                contact_name=(row or {}).get("contact_name") or "",
                complete=bool(row and row["completed_at"]),
                created_at=(row or {}).get("created_at") or "",
            )
        )
    return found


def claim_new_detractors(
    db: Database,
    after_id: int,
    now: datetime | None = None,
    thresholds: Mapping[str, int] | None = None,
) -> list[Detractor]:
    """Responses after ``after_id`` that alert and were not alerted yet; each is claimed once.

    Which alert is ``alert_candidates``'s rule (the thresholds, else the detractor
    band). The claim is a row in ``response_messages`` (purpose 'alert'), so a
    response raises one alert however often its survey's responses change.
    """

    moment = to_text(now or utc_now())
    found = []
    with writing(db):
        for detractor in alert_candidates(db, after_id, thresholds):
            claimed = db.execute(
                "INSERT OR IGNORE INTO response_messages"
                " (response_id, purpose, outcome, created_at) VALUES (?, 'alert', 'shown', ?)",
                [detractor.response_id, moment],
            ).rowcount
            if claimed:
                found.append(detractor)
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
