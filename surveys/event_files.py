"""Event files, the pure part: a CSV of customer events (a POS's or a spreadsheet's) read
into rows, with every bad row named by its line number.

A file has a header and three columns, found by their header words (English or
Japanese): a contact key (phone, email or customer id), the event's name, and
its date or date and time. A date without a time is the start of that day, and a
time without a zone is the workspace's. Bytes are read as UTF-8 (with or without
a BOM), else as Shift_JIS (cp932), what Japanese spreadsheets and POS write.

No I/O: storage/contact_events.py reads files and stores what this returns.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, tzinfo

from surveys.programmes import parse_day

PHONE = "phone"
EMAIL = "email"
CUSTOMER_ID = "customer_id"

# Header words (folded: NFKC, lower case, no spaces or punctuation) for each column.
KEY_WORDS = {
    PHONE: {"phone", "mobile", "tel", "telephone", "phonenumber", "電話", "電話番号", "携帯",
            "携帯電話", "携帯番号"},
    EMAIL: {"email", "mail", "emailaddress", "メール", "メールアドレス", "eメール"},
    CUSTOMER_ID: {"customerid", "customer", "customerno", "customernumber", "memberid",
                  "member", "membernumber", "id", "顧客id", "顧客番号", "会員番号", "会員id",
                  "お客様番号", "顧客コード"},
}  # fmt: skip
_EVENT_WORDS = {"event", "eventname", "action", "イベント", "イベント名", "出来事",
                "種別", "内容"}  # fmt: skip
_WHEN_WORDS = {"date", "datetime", "time", "occurredat", "when", "timestamp", "日時", "日付",
               "日時刻", "発生日時", "来店日", "購入日", "日"}  # fmt: skip
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


class EventFileError(ValueError):
    """A file that cannot be read at all (encoding, header); the message says why."""


@dataclass(frozen=True)
class EventRow:
    line: int  # the file's line number, as a spreadsheet shows it (the header is line 1)
    key_kind: str  # phone | email | customer_id
    key: str
    name: str
    occurred_at: datetime  # UTC


@dataclass(frozen=True)
class RowProblem:
    line: int
    words: str


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s_\-・.:：()（）\[\]【】「」'’/]", "", text)


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (BOM or not), else cp932."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise EventFileError("The file is not text (UTF-8 or Shift_JIS).")


def _columns(header: list[str]) -> tuple[int, str, int, int]:
    folded = [fold(cell) for cell in header]
    key = next(
        ((i, kind) for kind, words in KEY_WORDS.items() for i, h in enumerate(folded)
         if h in words),
        None,
    )  # fmt: skip
    event = next((i for i, h in enumerate(folded) if h in _EVENT_WORDS), None)
    when = next((i for i, h in enumerate(folded) if h in _WHEN_WORDS), None)
    missing = [
        label
        for label, found in (
            ("a contact column (phone, email or customer id)", key),
            ("an event column", event),
            ("a date column", when),
        )
        if found is None
    ]
    if missing:
        listed = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
        raise EventFileError(f"The header lacks {listed}.")
    assert key is not None and event is not None and when is not None
    return key[0], key[1], event, when


def parse_moment(text: str, zone: tzinfo) -> datetime | None:
    """``2026-12-03``, ``2026/12/3 14:05``, ``2026-12-03T14:05:00+09:00`` … in UTC."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None:
        day_part, _, time_part = text.partition(" ")
        day = parse_day(day_part)
        if not hasattr(day, "year"):
            return None
        at = time(0, 0)
        if time_part.strip():
            match = _TIME.match(time_part.strip())
            if not match:
                return None
            try:
                at = time(int(match[1]), int(match[2]), int(match[3] or 0))
            except ValueError:
                return None
        moment = datetime.combine(day, at)  # type: ignore[arg-type]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def parse(text: str, zone: tzinfo) -> tuple[list[EventRow], list[RowProblem]]:
    """The file's events and its bad rows (raises EventFileError when it has no header
    Koe can read)."""
    rows = list(csv.reader(io.StringIO(text)))
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise EventFileError("The file is empty.")
    key_at, key_kind, event_at, when_at = _columns(rows[0])
    events, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [row[i].strip() if i < len(row) else "" for i in (key_at, event_at, when_at)]
        key, name, when = cells
        if not key:
            problems.append(RowProblem(line, "no phone, email or customer id"))
        elif not name:
            problems.append(RowProblem(line, "no event name"))
        elif len(name) > 200:
            problems.append(RowProblem(line, "the event name is longer than 200 characters"))
        elif (moment := parse_moment(when, zone)) is None:
            problems.append(RowProblem(line, f"not a date: {when[:40]!r}"))
        else:
            events.append(EventRow(line, key_kind, key, name, moment))
    return events, problems
