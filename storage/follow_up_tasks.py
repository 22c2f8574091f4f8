"""Follow-up tasks: what an escalation rule handed to a person, with its owner and why.

A task holds a response (a detractor, a chosen option) or a delivery left
unanswered, the owner it went to, the reason (``detractor``, ``option``,
``no_answer``) with its detail (the score, the option's code, the last
message's time), and a status on the closed loop (new → contacted →
resolved) with a note. The row is also the claim: a response, or a delivery,
makes one task, ever (unique indexes), across restarts and rule changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from storage.database import to_text, utc_now, writing
from storage.escalation import Match
from storage.follow_up import STATUSES
from surveys.text import LocalText


@dataclass(frozen=True)
class Task:
    id: int
    reason: str
    owner: str
    status: str
    survey_id: int | None
    survey_title: LocalText
    contact_name: str
    created_at: str
    response_id: int | None = None
    delivery_id: int | None = None
    rule_id: int | None = None
    note: str = ""
    detail: dict = field(default_factory=dict)


def create(db: Database, match: Match, now: datetime | None = None) -> int | None:
    """Write the task for ``match``; None when its response or delivery has one already."""
    moment = to_text(now or utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO follow_up_tasks (rule_id, reason, response_id, delivery_id,"
            " survey_id, contact_id, owner, detail, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                match.rule.id or None,
                match.rule.kind.value,
                match.response_id,
                match.delivery_id,
                match.survey_id,
                match.contact_id,
                match.rule.owner,
                json.dumps(match.detail or {}, ensure_ascii=False),
                moment,
                moment,
            ],
        )
        return cursor.lastrowid if cursor.rowcount else None


_SELECT = (
    "SELECT t.id, t.reason, t.owner, t.status, t.survey_id, s.title, c.name, t.created_at,"
    " t.response_id, t.delivery_id, t.rule_id, t.note, t.detail FROM follow_up_tasks t"
    " LEFT JOIN surveys s ON s.id = t.survey_id LEFT JOIN contacts c ON c.id = t.contact_id"
)


def _task(row: tuple) -> Task:
    title = json.loads(row[5]) if row[5] else {}
    try:
        detail = json.loads(row[12] or "{}")
    except ValueError:
        detail = {}
    return Task(
        id=row[0],
        reason=row[1],
        owner=row[2],
        status=row[3],
        survey_id=row[4],
        survey_title=LocalText.of(title) if isinstance(title, dict) else LocalText(),
        contact_name=row[6] or "",
        created_at=row[7],
        response_id=row[8],
        delivery_id=row[9],
        rule_id=row[10],
        note=row[11],
        detail=detail if isinstance(detail, dict) else {},
    )


def list_tasks(db: Database, *, open_only: bool = False, limit: int = 500) -> list[Task]:
    """Tasks, newest first; ``open_only`` leaves out resolved ones."""
    where = " WHERE t.status != 'resolved'" if open_only else ""
    sql = f"{_SELECT}{where} ORDER BY t.created_at DESC, t.id DESC LIMIT ?"
    return [_task(row) for row in db.execute(sql, [limit]).fetchall()]


def get(db: Database, task_id: int) -> Task | None:
    row = db.execute(f"{_SELECT} WHERE t.id = ?", [task_id]).fetchone()
    return _task(row) if row else None


def open_count(db: Database) -> int:
    return int(
        db.execute("SELECT count(*) FROM follow_up_tasks WHERE status != 'resolved'").fetchone()[0]
    )


def update(
    db: Database,
    task_id: int,
    *,
    status: str,
    owner: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> Task | None:
    """Move a task on the closed loop, and change its owner or note when given."""
    if status not in STATUSES:
        raise ValueError(f"unknown status: {status}")
    with writing(db):
        db.execute(
            "UPDATE follow_up_tasks SET status = ?, owner = coalesce(?, owner),"
            " note = coalesce(?, note), updated_at = ? WHERE id = ?",
            [status, owner, note, to_text(now or utc_now()), task_id],
        )
    return get(db, task_id)
