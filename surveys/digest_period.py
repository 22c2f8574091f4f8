"""When the owners' weekly digest is due, and which week it covers (pure).

The owner sets a day of the week and an hour, read in the workspace's time
zone. The latest such moment at or before now starts a *period*, named by its
local date ("2026-11-30"); the period lasts until the next such moment. One
digest goes per period: a machine off (or asleep) at the digest time sends it
when it is back during that period, never a backlog of missed weeks; a clock
that jumps back lands in a period already sent, or older than the newest one
sent, and sends nothing.

The digest covers the seven days before its scheduled moment, against the
seven days before those; its trend, the weeks before that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Period:
    """One digest period: its name and the weeks it reports on (aware UTC bounds)."""

    key: str  # the scheduled moment's local date, ISO: sorts in time order
    scheduled: datetime  # the owner's day and hour, in UTC
    since: datetime  # the week reported: [since, until)
    until: datetime
    previous_since: datetime  # the week before it: [previous_since, since)


def _at(day: date, hour: int, zone: tzinfo) -> datetime:
    """``hour``:00 local on ``day``, in UTC (a wall time skipped by daylight saving
    moves forward with the clock, as ``zoneinfo`` reads it)."""
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def period_at(now: datetime, weekday: int, hour: int, zone: tzinfo) -> Period:
    """The period ``now`` falls in: the latest ``weekday`` (0 Monday) at ``hour`` before it."""
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    if _at(day, hour, zone) > now:
        day -= WEEK
    return _period(day, hour, zone)


def _period(day: date, hour: int, zone: tzinfo) -> Period:
    scheduled = _at(day, hour, zone)
    since = _at(day - WEEK, hour, zone)
    previous = _at(day - 2 * WEEK, hour, zone)
    return Period(day.isoformat(), scheduled, since, scheduled, previous)


def weeks_before(
    period: Period, count: int, hour: int, zone: tzinfo
) -> list[tuple[datetime, datetime]]:
    """The ``count`` weeks ending at the period's scheduled moment, oldest first."""
    day = date.fromisoformat(period.key)
    bounds = [_at(day - n * WEEK, hour, zone) for n in range(count, -1, -1)]
    return list(pairwise(bounds))


def due(
    now: datetime, weekday: int, hour: int, zone: tzinfo, newest_sent: str | None
) -> Period | None:
    """The period whose digest should go now, or None: sent already, or the clock is
    back before the newest period sent (``newest_sent``, a key)."""
    period = period_at(now, weekday, hour, zone)
    if newest_sent is not None and period.key <= newest_sent:
        return None
    return period
