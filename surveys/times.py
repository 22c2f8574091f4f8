"""Moments as people and programs read them: the one time-formatting helper.

Koe stores every timestamp as UTC ISO 8601 text (storage.database.to_text).
People read them in the workspace's time zone (Settings ▸ Messages: "Workspace
time zone"), on every surface alike: the Responses tab, the Comments page, the
CSV and Excel exports and the PDF report all format through this module, so a
Tokyo answer at 07:30 on 3 December reads as the 3rd everywhere, never as the
2nd (its UTC date).

- ``iso_text``: for machines, ISO 8601 with the zone's offset
  (``2026-12-03T07:30:00+09:00``): the same instant as the stored UTC text,
  and the local wall time a person expects. ``iso_texts`` does the same for a
  stream of a million rows, fast.
- ``wall_clock``: a naive local datetime, for a spreadsheet's real date cells
  (Excel has no time zones; the column's heading names the zone).
- ``date_text``, ``minute_text``: what a list or a report shows.
- ``period_text``: the span a report covers, in its language.

Pure Python: zoneinfo reads the system's (or tzdata's) zone rules; no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Moment = str | datetime

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def zone_named(name: str) -> tzinfo:
    """The zone of an IANA name (settings.time_zone); UTC when the name is unknown,
    so a mistyped setting shows times in UTC instead of failing an export."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, AttributeError):
        return UTC


def zone_name(zone: tzinfo) -> str:
    """How a heading or a report names ``zone``: its IANA key ("Asia/Tokyo"), else "UTC"."""
    return str(getattr(zone, "key", None) or ("UTC" if zone is UTC else zone))


def moment(value: Moment) -> datetime:
    """A stored timestamp (text or datetime) as an aware datetime; naive means UTC."""
    parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def in_zone(value: Moment, zone: tzinfo) -> datetime:
    return moment(value).astimezone(zone)


def iso_text(value: Moment, zone: tzinfo) -> str:
    """ISO 8601 with ``zone``'s offset at that instant: ``2026-12-03T07:30:00+09:00``."""
    return in_zone(value, zone).isoformat(timespec="seconds")


def wall_clock(value: Moment, zone: tzinfo) -> datetime:
    """The local date and time in ``zone``, without a zone: a spreadsheet's date cell."""
    return in_zone(value, zone).replace(tzinfo=None)


def date_text(value: Moment, zone: tzinfo) -> str:
    """The local date, ``2026-12-03``."""
    return in_zone(value, zone).strftime("%Y-%m-%d")


def minute_text(value: Moment, zone: tzinfo) -> str:
    """The local date and time to the minute, ``2026-12-03 07:30``."""
    return in_zone(value, zone).strftime("%Y-%m-%d %H:%M")


def day_text(day: date, language: str) -> str:
    """A date as a sentence writes it: "1 Sep 2026", 「2026年9月1日」."""
    if language == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def period_text(first: Moment, last: Moment, zone: tzinfo, language: str) -> str:
    """The local days from ``first`` to ``last`` and the zone they are read in:
    "1 Sep 2026 – 30 Nov 2026 (Asia/Tokyo)", 「2026年9月1日〜2026年11月30日（Asia/Tokyo）」."""
    start, end = in_zone(first, zone).date(), in_zone(last, zone).date()
    days = [day_text(start, language)]
    if end != start:
        days.append(day_text(end, language))
    if language == "ja":
        return "〜".join(days) + f"（{zone_name(zone)}）"
    return " – ".join(days) + f" ({zone_name(zone)})"


def iso_texts(zone: tzinfo) -> Callable[[str | None], str | None]:
    """``iso_text`` for a stream of stored UTC texts, several times faster.

    Exports convert two timestamps a row, a million rows at a time. Within one
    UTC hour a zone whose offset is whole hours keeps the same local hour
    prefix and offset (unless it changes that hour, which is checked), so each
    hour is worked out once and a text is two slices glued to it. Other texts
    (a zone such as Asia/Kolkata at +05:30, a transition inside the hour, a text
    not in the stored ``YYYY-MM-DDTHH:MM:SS+00:00`` form) take the exact path.
    """
    hours: dict[str, tuple[str, str] | None] = {}

    def hour_of(hour: str) -> tuple[str, str] | None:
        """(local "YYYY-MM-DDTHH", "+09:00") of a UTC hour, None when no shortcut holds."""
        start = datetime.fromisoformat(hour + ":00:00+00:00")
        local = start.astimezone(zone)
        last = (start + timedelta(seconds=3599)).astimezone(zone)
        if local.minute or local.second or local.utcoffset() != last.utcoffset():
            return None
        text = local.isoformat(timespec="seconds")
        return (text[:13], text[19:]) if len(text) == 25 else None

    def convert(value: str | None) -> str | None:
        if not value:
            return None
        if len(value) == 25 and value[19:] == "+00:00":
            hour = value[:13]
            known = hours[hour] if hour in hours else hours.setdefault(hour, hour_of(hour))
            if known is not None:
                return known[0] + value[13:19] + known[1]
        return iso_text(value, zone)

    return convert


def offset_text(offset: timedelta) -> str:
    """A UTC offset as people write it: ``UTC+09:00``, ``UTC-04:00``, ``UTC+05:45``."""
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_offsets(zone: tzinfo, year: int) -> tuple[timedelta, timedelta]:
    """``zone``'s standard and summer-time offsets in ``year`` (the same twice when it
    keeps one offset all year), read in January and July so both hemispheres count."""
    found = [
        datetime(year, month, 1, 12, tzinfo=UTC).astimezone(zone).utcoffset() or timedelta(0)
        for month in (1, 7)
    ]
    return min(found), max(found)
