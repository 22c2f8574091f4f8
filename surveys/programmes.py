"""Programmes, the pure part: what a programme is, and when each contact's next send is due.

A programme sends one survey to an audience by itself, in one of three ways:

- *recurring*: every ``every_days`` days per contact. The first sends are spread
  over ``spread_days`` from the programme's start (or from the day a contact was
  added, for later contacts), so 3,000 contacts do not all get it one morning:
  a contact's place in the window is the fractional part of ``id × φ`` (a Weyl
  sequence), which spreads consecutive ids evenly and never moves a contact.
- *date*: ``offset_days`` after (negative: before) a date of the contact
  (birthday, last visit, or any date-valued attribute: 入会日, 更新日 …), once per
  date value; a date without a year (a birthday kept as ``--MM-DD``), or any date
  of a ``yearly`` programme, comes round every year.
- *event*: ``delay_hours`` after an event of the contact named ``event_name``.

Each due send has an occurrence key; the ledger keeps one row per key, so a key
is sent once whatever restarts. Nothing here reads a clock or a database: the
runner (channels/programmes.py) passes ``now`` and what storage read.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from surveys.campaigns import MAX_REMINDERS, MODES, SMS_ELSE_EMAIL

RECURRING = "recurring"
DATE = "date"
EVENT = "event"
KINDS = (RECURRING, DATE, EVENT)

# Date fields of every contact; any other name is one of the contact's attributes.
BIRTHDAY = "birthday"
LAST_VISIT = "last_visit"

_GOLDEN = (math.sqrt(5) - 1) / 2
_SHIFT = math.sqrt(2) - 1


@dataclass(frozen=True)
class Programme:
    """A programme as stored (storage/programmes.py); ``id`` 0 before it is."""

    survey_id: int
    name: str
    kind: str
    starts_at: datetime
    id: int = 0
    mode: str = SMS_ELSE_EMAIL
    segment_id: int | None = None
    every_days: int = 90
    spread_days: int = 30
    date_field: str = ""
    offset_days: int = 0
    yearly: bool = False
    event_name: str = ""
    delay_hours: int = 0
    reminders: int = 1
    reminder_after_days: int = 3
    paused: bool = False
    templates: dict[str, object] = field(default_factory=dict, compare=False)

    def problems(self) -> list[str]:
        """What makes this programme unusable, in plain words (empty when none)."""
        found = []
        if not self.name.strip():
            found.append("A programme needs a name.")
        if self.kind not in KINDS:
            found.append(f"Unknown kind of programme: {self.kind!r}.")
        if self.mode not in MODES:
            found.append(f"Unknown channel rule: {self.mode!r}.")
        if self.kind == RECURRING and not 1 <= self.every_days <= 3660:
            found.append("Send every 1 to 3,660 days.")
        if self.kind == RECURRING and not 0 <= self.spread_days <= 366:
            found.append("Spread the first sends over 0 to 366 days.")
        if self.kind == DATE and not self.date_field.strip():
            found.append("Choose the date the programme counts from.")
        if self.kind == DATE and abs(self.offset_days) > 3660:
            found.append("Count at most 3,660 days before or after the date.")
        if self.kind == EVENT and not self.event_name.strip():
            found.append("Choose the event that starts a send.")
        if self.kind == EVENT and not 0 <= self.delay_hours <= 24 * 366:
            found.append("Wait 0 hours to a year after the event.")
        if not 0 <= self.reminders <= MAX_REMINDERS:
            found.append(f"At most {MAX_REMINDERS} reminders.")
        return found


@dataclass(frozen=True)
class Due:
    """One send of a programme to a contact: its ledger key and when it is due (UTC)."""

    contact_id: int
    occurrence: str
    due_at: datetime
    number: int = 1


@dataclass(frozen=True)
class LastSend:
    """A contact's latest recurring occurrence in the ledger."""

    number: int
    moment: datetime  # when it went (its invitation's time), or was skipped


def spread_offset(programme_id: int, contact_id: int, spread_days: int) -> timedelta:
    """Where in the first-send window this contact falls (stable, evenly spread by id)."""
    fraction = (contact_id * _GOLDEN + programme_id * _SHIFT) % 1.0
    return timedelta(seconds=int(fraction * spread_days * 86400))


def recurring_due(
    programme: Programme, contact_id: int, added_at: datetime, last: LastSend | None
) -> Due:
    """The contact's next recurring send: the first in the spread window, then every N days."""
    if last is None:
        anchor = max(programme.starts_at, added_at)
        offset = spread_offset(programme.id, contact_id, programme.spread_days)
        return Due(contact_id, "r1", anchor + offset, 1)
    number = last.number + 1
    return Due(contact_id, f"r{number}", last.moment + timedelta(days=programme.every_days), number)


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$")
_NO_YEAR = re.compile(r"^--(\d{1,2})-(\d{1,2})$")


def parse_day(value: object) -> date | tuple[int, int] | None:
    """A stored date (``2024-04-01``, ``2024/4/1``, ``2024年4月1日``, with or without a
    time after it) as a date, a date without a year (``--04-01``) as (month, day)."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if match := _NO_YEAR.match(text):
        month, day = int(match[1]), int(match[2])
        try:
            date(2000, month, day)  # a leap year: 29 February is a birthday too
        except ValueError:
            return None
        return month, day
    if match := _DATE.match(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _in_year(month: int, day: int, year: int) -> date:
    """The day in ``year``; 29 February falls on the 28th in other years."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


def date_due(
    programme: Programme, contact_id: int, value: object, zone: ZoneInfo, now: datetime
) -> Due | None:
    """The send a contact's date calls for: the latest target day that has come (on or
    after the programme's start day), else the next one; None when there is none.

    The target day begins at local midnight; quiet hours move the message to the
    day's first sending minute.
    """
    parsed = parse_day(value)
    if parsed is None:
        return None
    offset = timedelta(days=programme.offset_days)
    first_day = programme.starts_at.astimezone(zone).date()
    today = now.astimezone(zone).date()
    if isinstance(parsed, date) and not programme.yearly:
        target = parsed + offset
        if target < first_day:
            return None
        key = f"date:{parsed.isoformat()}"
        return Due(contact_id, key, _local_midnight(target, zone))
    month, day = parsed if isinstance(parsed, tuple) else (parsed.month, parsed.day)
    label = parsed.isoformat() if isinstance(parsed, date) else f"--{month:02d}-{day:02d}"
    candidates = [
        (_in_year(month, day, year) + offset, year)
        for year in range(today.year - 2, today.year + 3)
    ]
    candidates = [(target, year) for target, year in candidates if target >= first_day]
    come = [item for item in candidates if item[0] <= today]
    chosen = come[-1] if come else (candidates[0] if candidates else None)
    if chosen is None:
        return None
    target, year = chosen
    return Due(contact_id, f"date:{label}:{year}", _local_midnight(target, zone))


def event_key(name: str, occurred_at: datetime) -> str:
    """The ledger key of a send an event started (an event is stored once per moment)."""
    return f"event:{name}@{occurred_at.astimezone(UTC).isoformat(timespec='seconds')}"


def event_due(programme: Programme, contact_id: int, occurred_at: datetime) -> Due | None:
    """The send an event starts, ``delay_hours`` later; None for an event that happened
    before the programme began (importing old history starts nothing)."""
    if occurred_at < programme.starts_at:
        return None
    return Due(
        contact_id,
        event_key(programme.event_name, occurred_at),
        occurred_at + timedelta(hours=programme.delay_hours),
    )
