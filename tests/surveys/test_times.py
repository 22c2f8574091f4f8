"""The one time-formatting helper: the workspace's zone, its offsets, and the report's period."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from surveys.times import (
    date_text,
    iso_text,
    iso_texts,
    minute_text,
    offset_text,
    period_text,
    wall_clock,
    zone_named,
    zone_offsets,
)

TOKYO = zone_named("Asia/Tokyo")
NEW_YORK = zone_named("America/New_York")
STORED = "2026-12-02T22:30:00+00:00"  # 07:30 on 3 Dec in Tokyo, 17:30 on 2 Dec in New York


def test_a_tokyo_morning_is_the_next_day_of_its_utc_time():
    assert date_text(STORED, TOKYO) == "2026-12-03"
    assert minute_text(STORED, TOKYO) == "2026-12-03 07:30"
    assert iso_text(STORED, TOKYO) == "2026-12-03T07:30:00+09:00"
    assert wall_clock(STORED, TOKYO) == datetime(2026, 12, 3, 7, 30)
    assert date_text(STORED, NEW_YORK) == "2026-12-02"


def test_a_naive_stored_time_is_utc_and_an_unknown_zone_is_utc():
    assert iso_text("2026-12-02T22:30:00", TOKYO) == "2026-12-03T07:30:00+09:00"
    for name in ("", "Mars/Olympus", "../../etc/passwd", "Asia/Tokyo\x00"):
        assert zone_named(name) is UTC


@pytest.mark.parametrize(
    ("language", "first", "last", "expected"),
    [
        ("en", "2026-08-31T15:30:00+00:00", "2026-11-30T14:00:00+00:00",
         "1 Sep 2026 – 30 Nov 2026 (Asia/Tokyo)"),
        ("ja", "2026-08-31T15:30:00+00:00", "2026-11-30T14:00:00+00:00",
         "2026年9月1日〜2026年11月30日（Asia/Tokyo）"),
        ("en", STORED, STORED, "3 Dec 2026 (Asia/Tokyo)"),
        ("ja", STORED, STORED, "2026年12月3日（Asia/Tokyo）"),
    ],
)  # fmt: skip
def test_the_period_names_local_days_and_the_zone(language, first, last, expected):
    assert period_text(first, last, TOKYO, language) == expected


def test_offsets_read_as_people_write_them():
    assert zone_offsets(TOKYO, 2026) == (timedelta(hours=9), timedelta(hours=9))
    standard, summer = zone_offsets(NEW_YORK, 2026)
    assert (offset_text(standard), offset_text(summer)) == ("UTC-05:00", "UTC-04:00")
    assert offset_text(timedelta(hours=5, minutes=45)) == "UTC+05:45"
    sydney = zone_offsets(zone_named("Australia/Sydney"), 2026)  # summer in January
    assert [offset_text(o) for o in sydney] == ["UTC+10:00", "UTC+11:00"]


@pytest.mark.parametrize(
    "name",
    [
        "Asia/Tokyo",
        "America/New_York",
        "Europe/London",
        "Asia/Kolkata",  # +05:30
        "Asia/Kathmandu",  # +05:45
        "Australia/Lord_Howe",  # summer time of half an hour, changed at xx:30 UTC
        "Pacific/Chatham",  # +12:45 / +13:45
        "UTC",
    ],
)
def test_the_exports_fast_conversion_agrees_with_the_exact_one(name):
    """Every second of every transition of 2025-2027, and random moments between."""
    zone = zone_named(name)
    fast = iso_texts(zone)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    seconds = random.Random(7).sample(range(3 * 366 * 86400), 20_000)
    moments = [start + timedelta(seconds=s) for s in seconds]
    # Around each change of offset: the hour it happens in, and two minutes either side.
    hour = start
    while hour < datetime(2028, 1, 1, tzinfo=UTC):
        after = hour + timedelta(hours=1)
        if hour.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            moments += [hour + timedelta(seconds=s) for s in range(-120, 3720)]
        hour = after
    for moment in moments:
        stored = moment.isoformat(timespec="seconds")
        assert fast(stored) == iso_text(stored, zone), stored
    assert fast(None) is None and fast("") is None
    # Texts not in the stored form take the exact path.
    for odd in ("2026-12-02T22:30:00Z", "2026-12-02T22:30:00.250000+00:00", "2026-12-02 22:30"):
        assert fast(odd) == iso_text(odd, zone)
