"""Programmes' planning without a database: the spread of first sends, recurring, date
and event sends, and reading an events file."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from surveys import event_files
from surveys.programmes import (
    DATE,
    EVENT,
    RECURRING,
    LastSend,
    Programme,
    date_due,
    event_due,
    parse_day,
    recurring_due,
    spread_offset,
)

TOKYO = ZoneInfo("Asia/Tokyo")
START = datetime(2027, 1, 4, tzinfo=UTC)


def made(kind: str, **fields) -> Programme:
    return Programme(survey_id=1, name="P", kind=kind, starts_at=START, id=7, **fields)


def test_3000_first_sends_are_spread_evenly_over_the_window():
    programme = made(RECURRING, spread_days=30)
    days = Counter(
        (recurring_due(programme, n, START - timedelta(days=9), None).due_at - START).days
        for n in range(1, 3001)
    )
    assert sorted(days) == list(range(30))
    assert min(days.values()) >= 95 and max(days.values()) <= 105  # 100 a day, give or take


def test_a_contact_keeps_its_place_and_later_contacts_count_from_their_arrival():
    programme = made(RECURRING, spread_days=30)
    assert spread_offset(7, 42, 30) == spread_offset(7, 42, 30)
    joined = START + timedelta(days=100)
    due = recurring_due(programme, 42, joined, None)
    assert joined <= due.due_at < joined + timedelta(days=30)
    assert due.occurrence == "r1"


def test_recurring_counts_from_the_last_send():
    programme = made(RECURRING, every_days=90)
    last = LastSend(3, datetime(2027, 5, 1, 0, 30, tzinfo=UTC))
    due = recurring_due(programme, 5, START, last)
    assert (due.occurrence, due.number, due.due_at) == ("r4", 4, last.moment + timedelta(90))


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2027-04-01", date(2027, 4, 1)),
        ("2027/4/1", date(2027, 4, 1)),
        ("２０２７年４月１日", date(2027, 4, 1)),
        ("2027-04-01 13:45", date(2027, 4, 1)),
        ("--02-29", (2, 29)),
        ("--02-30", None),
        ("2027-02-30", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_as_contacts_hold_them(text, parsed):
    assert parse_day(text) == parsed


def test_a_date_fires_once_per_value_and_not_for_days_before_the_programme():
    programme = made(DATE, date_field="入会日", offset_days=30)
    now = datetime(2027, 3, 1, tzinfo=UTC)
    due = date_due(programme, 1, "2027/01/10", TOKYO, now)
    assert due is not None and due.occurrence == "date:2027-01-10"
    assert due.due_at == datetime(2027, 2, 9, tzinfo=TOKYO)  # local midnight
    changed = date_due(programme, 1, "2027-01-12", TOKYO, now)
    assert changed is not None and changed.occurrence != due.occurrence
    assert date_due(programme, 1, "2026/11/01", TOKYO, now) is None  # 1 Dec 2026: before
    assert date_due(programme, 1, "someday", TOKYO, now) is None
    before = date_due(
        made(DATE, date_field="更新日", offset_days=-100), 1, "2027-12-01", TOKYO, now
    )
    assert before is not None and before.due_at == datetime(2027, 8, 23, tzinfo=TOKYO)


def test_a_date_without_a_year_comes_round_every_year_and_29_february_on_the_28th():
    programme = made(DATE, date_field="birthday")
    in_2027 = date_due(programme, 1, "--02-29", TOKYO, datetime(2027, 3, 5, tzinfo=UTC))
    assert in_2027 is not None and in_2027.due_at == datetime(2027, 2, 28, tzinfo=TOKYO)
    in_2028 = date_due(programme, 1, "--02-29", TOKYO, datetime(2028, 3, 5, tzinfo=UTC))
    assert in_2028 is not None and in_2028.due_at == datetime(2028, 2, 29, tzinfo=TOKYO)
    assert in_2027.occurrence != in_2028.occurrence
    # Before this year's day: the next one (for "next sends").
    coming = date_due(programme, 1, "--06-01", TOKYO, datetime(2027, 3, 5, tzinfo=UTC))
    assert coming is not None and coming.due_at == datetime(2027, 6, 1, tzinfo=TOKYO)


def test_an_event_starts_a_send_later_and_old_events_start_nothing():
    programme = made(EVENT, event_name="purchase", delay_hours=48)
    moment = START + timedelta(days=3, hours=5)
    due = event_due(programme, 4, moment)
    assert due is not None and due.due_at == moment + timedelta(hours=48)
    assert due.occurrence == "event:purchase@2027-01-07T05:00:00+00:00"
    assert event_due(programme, 4, START - timedelta(seconds=1)) is None


def test_a_programme_says_what_makes_it_unusable():
    assert made(RECURRING).problems() == []
    assert made(RECURRING, every_days=0).problems() == ["Send every 1 to 3,660 days."]
    assert made(DATE).problems() == ["Choose the date the programme counts from."]
    assert made(EVENT, mode="fax").problems() == [
        "Unknown channel rule: 'fax'.",
        "Choose the event that starts a send.",
    ]


def test_an_events_file_with_its_bad_rows_named_by_line():
    text = event_files.decode(
        (
            "\ufeff会員番号,イベント名,発生日時\n"
            "M-1,来店,2027/01/05 14:05\n"
            "\n"
            "M-2,来店,2027-01-05T14:05:00+00:00\n"
            ",来店,2027/01/05\n"
            "M-3,,2027/01/05\n"
            "M-4,来店,2027/13/05\n"
            "M-5,来店,2027/01/05 25:00\n"
        ).encode("cp932", errors="ignore")
    )
    rows, problems = event_files.parse(text, TOKYO)
    assert [(r.line, r.key_kind, r.key, r.occurred_at) for r in rows] == [
        (2, "customer_id", "M-1", datetime(2027, 1, 5, 5, 5, tzinfo=UTC)),
        (4, "customer_id", "M-2", datetime(2027, 1, 5, 14, 5, tzinfo=UTC)),
    ]
    assert [(p.line, p.words) for p in problems] == [
        (5, "no phone, email or customer id"),
        (6, "no event name"),
        (7, "not a date: '2027/13/05'"),
        (8, "not a date: '2027/01/05 25:00'"),
    ]


def test_a_file_that_is_not_text_is_refused():
    with pytest.raises(event_files.EventFileError, match="not text"):
        event_files.decode(b"PK\x03\x04\x00\x00\xff\xfe")
