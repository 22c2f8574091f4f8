"""The owners' weekly digest: what it reports (read-only queries) and its claims.

For each survey it covers: the headline score of the week and of the week
before (``storage.dashboard``'s tallies, so the digest and the Results page
agree), the weeks of the trend, the answers that alert (the alerts' rule:
``storage.follow_up.alert_candidates``) and the week's most frequent tags.
Beside them, the closed loop's open cases.

Claims (``digest_periods``): one row per period, written in the transaction
that writes the period's emails to the outbox, or with why none went; the
schedule (``channels.digest``) sends a period only when it has no row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage import dashboard, follow_up
from storage import surveys as survey_store
from storage.database import to_text
from surveys.model import SurveyStatus
from surveys.questions import QuestionType
from surveys.text import LocalText


@dataclass(frozen=True)
class SurveyWeek:
    """One survey's part of a digest."""

    survey_id: int
    title: LocalText
    kind: QuestionType
    this: dashboard.Tally  # the week reported
    last: dashboard.Tally  # the week before it
    trend: tuple[dashboard.Tally, ...]  # the weeks up to the one reported, oldest first
    detractors: tuple[follow_up.Detractor, ...]  # answers of the week that alert
    tags: tuple[tuple[str, int], ...]  # the week's tags, most frequent first


@dataclass(frozen=True)
class OpenCase:
    """A case on the closed-loop list that is not resolved."""

    response_id: int | None  # None: a task about a delivery left unanswered
    survey: LocalText
    status: str
    owner: str
    note: str


@dataclass(frozen=True)
class Claim:
    period: str
    outcome: str  # queued | no_recipient | no_server | started
    recipients: int
    created_at: str


def covered_surveys(db: Database, picked: Sequence[int] = ()) -> list[int]:
    """The surveys a digest reports on: those picked (still there, not archived), or
    every open one; only surveys with a headline scale. Oldest first."""
    rows = [s for s in survey_store.list_all(db) if not s.archived]
    if picked:
        rows = [s for s in rows if s.id in set(picked)]
    else:
        rows = [s for s in rows if s.status == SurveyStatus.OPEN]
    return [s.id for s in sorted(rows, key=lambda s: s.id) if dashboard.scope(db, s.id)]


def survey_week(
    db: Database,
    survey_id: int,
    weeks: Sequence[tuple[datetime, datetime]],
    thresholds: Mapping[str, int],
    tag_limit: int = 5,
) -> SurveyWeek:
    """``survey_id``'s figures over ``weeks`` (oldest first; the last is the one reported)."""
    scope = dashboard.scope(db, survey_id)
    if scope is None:
        raise ValueError(f"survey {survey_id} has no headline scale")
    trend = tuple(
        dashboard.tally(db, scope, dashboard.Filters(since=since, until=until))
        for since, until in weeks
    )
    since, until = weeks[-1]
    ids = [
        row[0]
        for row in db.execute(
            "SELECT id FROM responses WHERE survey_id = ? AND created_at >= ?"
            " AND created_at < ? ORDER BY id",
            [survey_id, to_text(since), to_text(until)],
        ).fetchall()
    ]
    alerting = follow_up.alert_candidates(db, 0, thresholds, only=ids) if ids else []
    tags = db.execute(
        "SELECT t.tag, count(*) AS n FROM comment_tags t JOIN answers a ON a.id = t.answer_id"
        " JOIN responses r ON r.id = a.response_id WHERE t.source <> 'removed'"
        " AND r.survey_id = ? AND r.created_at >= ? AND r.created_at < ?"
        " GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?",
        [survey_id, to_text(since), to_text(until), tag_limit],
    ).fetchall()
    title = db.execute("SELECT title FROM surveys WHERE id = ?", [survey_id]).fetchone()[0]
    return SurveyWeek(
        survey_id,
        LocalText.of(json.loads(title)),
        scope.kind,
        trend[-1],
        trend[-2] if len(trend) > 1 else dashboard.Tally(),
        trend,
        tuple(alerting),
        tuple((tag, n) for tag, n in tags),
    )


def open_cases(db: Database, limit: int = 10) -> tuple[list[OpenCase], int]:
    """What is open on the closed loop, most recently touched first (at most ``limit``), and
    how many: detractor cases not resolved, and follow-up tasks the escalation rules made
    (``storage.follow_up_tasks``) not resolved, a response with both counted once."""
    open_items = (
        "SELECT c.response_id AS response_id, r.survey_id AS survey_id, c.status AS status,"
        " c.owner AS owner, c.note AS note, c.updated_at AS updated_at FROM detractor_cases c"
        " JOIN responses r ON r.id = c.response_id WHERE c.status <> 'resolved'"
        " UNION ALL SELECT t.response_id, t.survey_id, t.status, t.owner, t.note, t.updated_at"
        " FROM follow_up_tasks t WHERE t.status <> 'resolved' AND (t.response_id IS NULL"
        "  OR t.response_id NOT IN (SELECT response_id FROM detractor_cases"
        "   WHERE status <> 'resolved'))"
    )
    total = db.execute(f"SELECT count(*) FROM ({open_items})").fetchone()
    rows = db.execute(
        f"SELECT o.response_id, s.title, o.status, o.owner, o.note FROM ({open_items}) o"
        " JOIN surveys s ON s.id = o.survey_id"
        " ORDER BY o.updated_at DESC, o.response_id DESC LIMIT ?",
        [limit],
    ).fetchall()
    cases = [
        OpenCase(rid, LocalText.of(json.loads(title)), status, owner or "", note or "")
        for rid, title, status, owner, note in rows
    ]
    return cases, int(total[0])


def newest_period(db: Database) -> str | None:
    """The newest period with a claim (sent or decided), or None."""
    row = db.execute("SELECT max(period) FROM digest_periods").fetchone()
    return row[0] if row else None


def claim(
    db: Database,
    period: str,
    outcome: str,
    outbox_id: int | None,
    recipients: int,
    now: datetime,
) -> bool:
    """Claim ``period``; False when it was claimed before. Inside the caller's transaction."""
    return bool(
        db.execute(
            "INSERT OR IGNORE INTO digest_periods"
            " (period, outcome, outbox_id, recipients, created_at) VALUES (?, ?, ?, ?, ?)",
            [period, outcome, outbox_id, recipients, to_text(now)],
        ).rowcount
    )


def last_claim(db: Database) -> Claim | None:
    """The newest period's claim, for the settings to say what the last digest did."""
    row = db.execute(
        "SELECT period, outcome, recipients, created_at FROM digest_periods"
        " ORDER BY period DESC LIMIT 1"
    ).fetchone()
    return Claim(*row) if row else None
