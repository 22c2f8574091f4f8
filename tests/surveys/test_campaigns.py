"""Campaign decisions: exclusions, the frequency cap and quiet hours (hand-checked)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from surveys import campaigns as c
from surveys.campaigns import Contact, Rules

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
MOBILE_JP = "+819012345678"
LANDLINE_JP = "+81312345678"
MOBILE_US = "+14155550100"  # fixed line or mobile: US numbers cannot be told apart


def contact(**kw) -> Contact:
    return Contact(id=kw.pop("id", 1), name=kw.pop("name", "Aiko"), **kw)


def codes(decision) -> list[tuple[str, str]]:
    return [(r.code, r.channel) for r in decision.reasons]


def test_sms_to_a_mobile():
    d = c.decide(contact(phone=MOBILE_JP), c.SMS, Rules(), NOW)
    assert (d.channel, d.recipient) == ("sms", MOBILE_JP)


@pytest.mark.parametrize(
    ("phone", "reason"),
    [(None, "no_phone"), (LANDLINE_JP, "landline"), ("+8190", "no_phone"), ("abc", "no_phone")],
)
def test_sms_needs_a_mobile(phone, reason):
    d = c.decide(contact(phone=phone), c.SMS, Rules(), NOW)
    assert d.channel is None
    assert codes(d) == [(reason, "sms")]


def test_us_numbers_may_be_texted():
    assert c.phone_usable_for_sms(MOBILE_US) is None


def test_sms_else_email_falls_back_to_email():
    d = c.decide(contact(phone=LANDLINE_JP, email="a@example.jp"), c.SMS_ELSE_EMAIL, Rules(), NOW)
    assert (d.channel, d.recipient) == ("email", "a@example.jp")


def test_sms_else_email_explains_both():
    d = c.decide(
        contact(phone=MOBILE_JP, email="nope", opted_out=frozenset({"sms"})),
        c.SMS_ELSE_EMAIL,
        Rules(),
        NOW,
    )
    assert d.channel is None
    assert codes(d) == [("opted_out", "sms"), ("no_email", "email")]


def test_opt_out_is_per_channel():
    person = contact(phone=MOBILE_JP, email="a@example.jp", opted_out=frozenset({"email"}))
    assert c.decide(person, c.SMS, Rules(), NOW).channel == "sms"
    assert codes(c.decide(person, c.EMAIL, Rules(), NOW)) == [("opted_out", "email")]


def test_consent_when_the_setting_requires_it():
    person = contact(email="a@example.jp", consented=frozenset({"sms"}))
    assert c.decide(person, c.EMAIL, Rules(), NOW).included
    d = c.decide(person, c.EMAIL, Rules(consent_required=True), NOW)
    assert codes(d) == [("no_consent", "email")]
    consented = contact(email="a@example.jp", consented=frozenset({"email"}))
    assert c.decide(consented, c.EMAIL, Rules(consent_required=True), NOW).included


def test_review_follow_ups_always_need_consent():
    person = contact(email="a@example.jp")
    d = c.decide(person, c.EMAIL, Rules(), NOW, purpose="follow_up_review")
    assert codes(d) == [("no_consent", "email")]


@pytest.mark.parametrize(
    ("days_ago", "included"), [(89, False), (90, True), (1, False), (200, True)]
)
def test_no_new_survey_within_90_days_of_an_answer(days_ago, included):
    person = contact(email="a@example.jp", last_answer=NOW - timedelta(days=days_ago))
    d = c.decide(person, c.EMAIL, Rules(), NOW)
    assert d.included is included
    if not included:
        assert codes(d) == [("answered_recently", "")]
        assert d.reasons[0].since == NOW - timedelta(days=days_ago)


@pytest.mark.parametrize(("days_ago", "included"), [(29, False), (30, True)])
def test_no_new_survey_within_30_days_of_an_unanswered_invitation(days_ago, included):
    person = contact(email="a@example.jp", last_unanswered_invitation=NOW - timedelta(days_ago))
    assert c.decide(person, c.EMAIL, Rules(), NOW).included is included


def test_caps_are_settings():
    person = contact(email="a@example.jp", last_answer=NOW - timedelta(days=10))
    assert c.decide(person, c.EMAIL, Rules(answer_cap_days=7), NOW).included


# -- quiet hours ----------------------------------------------------------------------

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("earliest", "expected"),
    [
        # 12:00 in Tokyo: inside 09:00–20:00, goes now.
        (datetime(2026, 6, 1, 3, 0, tzinfo=UTC), datetime(2026, 6, 1, 3, 0, tzinfo=UTC)),
        # 06:00 in Tokyo: held to 09:00 JST = 00:00 UTC.
        (datetime(2026, 5, 31, 21, 0, tzinfo=UTC), datetime(2026, 6, 1, 0, 0, tzinfo=UTC)),
        # 20:00 in Tokyo exactly: the window is closed, next morning.
        (datetime(2026, 6, 1, 11, 0, tzinfo=UTC), datetime(2026, 6, 2, 0, 0, tzinfo=UTC)),
        # 19:59 in Tokyo: still open.
        (datetime(2026, 6, 1, 10, 59, tzinfo=UTC), datetime(2026, 6, 1, 10, 59, tzinfo=UTC)),
    ],
)
def test_quiet_hours_in_tokyo(earliest, expected):
    assert c.next_send_time(earliest, TOKYO, Rules()) == expected


def test_quiet_hours_across_the_spring_dst_change_in_new_york():
    # 8 March 2026: clocks go from 02:00 EST to 03:00 EDT. Midnight EST (05:00 UTC)
    # is held to 09:00 EDT, which is 13:00 UTC, not 14:00.
    moment = c.next_send_time(datetime(2026, 3, 8, 5, 0, tzinfo=UTC), NEW_YORK, Rules())
    assert moment == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    # The day before, 09:00 EST is 14:00 UTC.
    moment = c.next_send_time(datetime(2026, 3, 7, 5, 0, tzinfo=UTC), NEW_YORK, Rules())
    assert moment == datetime(2026, 3, 7, 14, 0, tzinfo=UTC)


def test_quiet_hours_across_the_autumn_dst_change_in_new_york():
    # 1 November 2026, 21:00 EST (after the change) = 02:00 UTC on the 2nd: held to
    # 09:00 EST on the 2nd = 14:00 UTC.
    moment = c.next_send_time(datetime(2026, 11, 2, 2, 0, tzinfo=UTC), NEW_YORK, Rules())
    assert moment == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def test_the_window_never_leaves_what_the_law_allows():
    rules = Rules(quiet_start=time(6, 0), quiet_end=time(23, 0))
    assert rules.window() == (time(8, 0), time(21, 0))
    # 07:30 in Tokyo is held to 08:00, not sent at once.
    moment = c.next_send_time(datetime(2026, 5, 31, 22, 30, tzinfo=UTC), TOKYO, rules)
    assert moment == datetime(2026, 5, 31, 23, 0, tzinfo=UTC)


def test_the_contacts_time_zone_attribute_wins():
    rules = Rules(workspace_time_zone="Asia/Tokyo")
    assert c.contact_time_zone(contact(attributes={"Time zone": "America/New_York"}), rules) == (
        NEW_YORK
    )
    assert c.contact_time_zone(contact(attributes={"time_zone": "Mars/Base"}), rules) == TOKYO
    assert c.contact_time_zone(contact(), rules) == TOKYO


def test_reminders_after_three_days_at_most_two():
    first = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
    assert c.reminder_times(first, TOKYO, Rules()) == [datetime(2026, 6, 4, 3, 0, tzinfo=UTC)]
    assert c.reminder_times(first, TOKYO, Rules(reminders=5, reminder_after_days=2)) == [
        datetime(2026, 6, 3, 3, 0, tzinfo=UTC),
        datetime(2026, 6, 5, 3, 0, tzinfo=UTC),
    ]
    assert c.reminder_times(first, TOKYO, Rules(reminders=0)) == []


def test_sms_else_email_keeps_the_email_as_a_fallback():
    both = contact(phone=MOBILE_JP, email="a@example.jp")
    assert c.decide(both, c.SMS_ELSE_EMAIL, Rules(), NOW).fallback == "a@example.jp"
    assert c.decide(both, c.SMS, Rules(), NOW).fallback == ""
    opted = contact(phone=MOBILE_JP, email="a@example.jp", opted_out=frozenset({"email"}))
    assert c.decide(opted, c.SMS_ELSE_EMAIL, Rules(), NOW).fallback == ""
