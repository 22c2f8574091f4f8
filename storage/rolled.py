"""The dashboard's numbers read from the roll-ups (``storage.rollups``), exact to the second.

The roll-up counts whole local days. A date filter rarely falls on midnight
("the last 30 days" starts now, 30 days ago), so the whole days inside it are
read from the roll-up and the two part days at its ends from the answers
themselves (a few thousand rows through ``responses_survey_created``).

``counts`` returns None when the roll-up cannot answer: a segment filter (a
contact's attributes are not in it), a scope without its surveys, or a roll-up
that could not be brought up to date. The caller then asks the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from storage import rollups
from storage.database import to_text
from surveys.times import zone_named

DAY = "day"  # group by the response's local date ("2026-11-23")
CHANNEL = "channel"
SOURCE = "source"
CAMPAIGN = "campaign"  # by campaign id (0: none); the caller names them

# Each grouping as the roll-up holds it and as the answers give it.
_ROLLED_KEY = {
    None: "''",
    DAY: "day",
    CHANNEL: "channel",
    SOURCE: "source",
    CAMPAIGN: "campaign_id",
}
_RAW_KEY = {
    None: "''",
    DAY: "substr(r.created_at, 1, 16)",  # the minute, made a local date in Python
    CHANNEL: "r.channel",
    SOURCE: "coalesce(r.source, '')",
    CAMPAIGN: "coalesce(d.campaign_id, 0)",
}

Counts = dict[tuple[Any, int], int]  # (group key, score) → answers


@dataclass(frozen=True)
class Span:
    """Which days the roll-up answers for, and the part days read from the answers."""

    first_day: str | None  # inclusive; None: from the start
    end_day: str | None  # exclusive; None: to the end
    edges: tuple[tuple[str | None, str | None], ...]  # [since, until) UTC text ranges
    rolled: bool  # False: no whole day at all, only the edges


def _day_start(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def split(since: datetime | None, until: datetime | None, zone: tzinfo) -> Span:
    """[since, until) as whole local days of ``zone`` and the part days at its ends."""
    first = end = None
    edges: list[tuple[str | None, str | None]] = []
    if since is not None:
        day = since.astimezone(zone).date()
        if _day_start(day, zone) < since:
            day += timedelta(days=1)
            edges.append((to_text(since), to_text(_day_start(day, zone))))
        first = day
    if until is not None:
        end = until.astimezone(zone).date()
        if _day_start(end, zone) < until:
            edges.append((to_text(_day_start(end, zone)), to_text(until)))
    if first is not None and end is not None and first >= end:
        # Not one whole day inside: the answers of [since, until) themselves.
        return Span(None, None, ((to_text(since), to_text(until)),), False)
    return Span(
        first.isoformat() if first else None, end.isoformat() if end else None, tuple(edges), True
    )


def counts(
    db: Database,
    question_ids: tuple[int, ...],
    survey_ids: tuple[int, ...],
    filters: Any,  # storage.dashboard.Filters
    by: str | None,
    zone_name: str | None = None,
) -> Counts | None:
    """Answers per (group, score) in ``filters``; None when the roll-up cannot say.

    With ``zone_name`` (for local days), None unless the roll-up's days are that zone's.
    """
    if filters.segment_id is not None or not survey_ids or not question_ids:
        return None
    name = rollups.catch_up(db)
    if name is None or (zone_name is not None and zone_name != name):
        return None
    zone = zone_named(name)
    span = split(filters.since, filters.until, zone)
    found: Counts = {}
    if span.rolled:
        _add(found, _from_rollup(db, question_ids, filters, by, span))
    for since, until in span.edges:
        rows = _from_answers(db, question_ids, survey_ids, filters, by, since, until)
        _add(found, rows, _local_day(zone) if by == DAY else None)
    return found


def _local_day(zone: tzinfo) -> Callable[[str], str]:
    return lambda minute: (
        datetime.fromisoformat(minute + ":00+00:00").astimezone(zone).date().isoformat()
    )


def _add(into: Counts, rows: list[tuple[Any, int, int]], convert: Any = None) -> None:
    """Sum (key, score, n) rows into ``into``, each key through ``convert`` if given."""
    for key, value, n in rows:
        k = (convert(key) if convert else key, value)
        into[k] = into.get(k, 0) + n


def _from_rollup(
    db: Database, question_ids: tuple[int, ...], filters: Any, by: str | None, span: Span
) -> list[tuple[Any, int, int]]:
    marks = ", ".join("?" * len(question_ids))
    where = [f"question_id IN ({marks})"]
    params: list[Any] = list(question_ids)
    for condition, value in (
        ("day >= ?", span.first_day),
        ("day < ?", span.end_day),
        ("channel = ?", filters.channel),
        ("campaign_id = ?", filters.campaign_id),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    key = _ROLLED_KEY[by]
    rows = db.execute(
        f"SELECT {key}, value_num, sum(n) FROM rollup_scores WHERE {' AND '.join(where)}"
        " GROUP BY 1, 2",
        params,
    ).fetchall()
    return rows


def _from_answers(
    db: Database,
    question_ids: tuple[int, ...],
    survey_ids: tuple[int, ...],
    filters: Any,
    by: str | None,
    since: str | None,
    until: str | None,
) -> list[tuple[Any, int, int]]:
    """The same counts from the answers of [since, until), read response by response
    through (survey_id, created_at): a part day is a few thousand of them."""
    surveys = ", ".join("?" * len(survey_ids))
    questions = ", ".join("?" * len(question_ids))
    where = [f"r.survey_id IN ({surveys})", "a.value_num IS NOT NULL"]
    params: list[Any] = list(question_ids) + list(survey_ids)
    for condition, value in (
        ("r.created_at >= ?", since),
        ("r.created_at < ?", until),
        ("r.channel = ?", filters.channel),
        ("d.campaign_id = ?", filters.campaign_id),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    rows = db.execute(
        f"SELECT {_RAW_KEY[by]}, a.value_num, count(*) FROM responses r"
        f" CROSS JOIN answers a ON a.response_id = r.id AND a.question_id IN ({questions})"
        " LEFT JOIN deliveries d ON d.id = r.delivery_id"
        f" WHERE {' AND '.join(where)} GROUP BY 1, 2",
        params,
    ).fetchall()
    return rows
