"""When the weekly digest is due and which week it reports (surveys.digest_period)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from surveys.digest_period import due, period_at, weeks_before

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def test_the_period_starts_at_the_latest_digest_moment_in_the_workspace_zone():
    # Monday 09:00 in Tokyo is Monday 00:00 UTC; a minute before, it is last week's.
    monday = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    assert period_at(monday, 0, 9, TOKYO).key == "2026-11-30"
    assert period_at(monday - timedelta(minutes=1), 0, 9, TOKYO).key == "2026-11-23"
    period = period_at(monday + timedelta(days=6, hours=23), 0, 9, TOKYO)
    assert (period.key, period.since, period.until) == (
        "2026-11-30",
        monday - timedelta(days=7),
        monday,
    )
    assert period.previous_since == monday - timedelta(days=14)


def test_a_week_across_daylight_saving_keeps_the_owners_hour():
    # New York leaves daylight saving on Sunday 2026-11-01: Monday 08:00 is 13:00 UTC
    # after, 12:00 UTC before.
    period = period_at(datetime(2026, 11, 2, 13, 0, tzinfo=UTC), 0, 8, NEW_YORK)
    assert period.key == "2026-11-02"
    assert period.since == datetime(2026, 10, 26, 12, 0, tzinfo=UTC)
    assert period.until - period.since == timedelta(days=7, hours=1)
    weeks = weeks_before(period, 3, 8, NEW_YORK)
    assert [w[1] for w in weeks][-1] == period.until and len(weeks) == 3


def test_due_once_per_period_and_never_backwards():
    now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # Wednesday: Monday's period
    assert due(now, 0, 9, TOKYO, None).key == "2026-11-30"
    assert due(now, 0, 9, TOKYO, "2026-11-23").key == "2026-11-30"
    assert due(now, 0, 9, TOKYO, "2026-11-30") is None  # sent already
    assert due(now - timedelta(days=9), 0, 9, TOKYO, "2026-11-30") is None  # clock went back
