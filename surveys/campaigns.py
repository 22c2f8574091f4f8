"""Campaigns, the pure part: who gets a survey, by which channel, and when.

A campaign sends one survey to an audience. For each contact this module
decides the channel (SMS, email, or "SMS, else email") or why the contact is
left out — opted out, no consent, within the frequency cap, no usable phone or
email — and when each message may go: only inside the quiet hours of the
contact's time zone (their "time zone" attribute, else the workspace's), which
are always kept inside the 08:00–21:00 US telemarketing law allows.
Reminders go to non-responders only and reuse the invitation's link.

No Qt, no SQL, no I/O: storage/campaigns.py reads and writes, the UI asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

SMS = "sms"
EMAIL = "email"
SMS_ELSE_EMAIL = "sms_else_email"
MODES = (SMS, EMAIL, SMS_ELSE_EMAIL)

INVITATION = "invitation"
REMINDER = "reminder"
# Follow-ups that ask for a review or a referral always need consent.
CONSENT_ALWAYS = frozenset({"follow_up_review", "follow_up_referral"})

# The widest window the US Telephone Consumer Protection Act allows for calls and texts.
LEGAL_START = time(8, 0)
LEGAL_END = time(21, 0)
MAX_REMINDERS = 2

# Attribute names people use for a contact's time zone (compared without case,
# spaces, hyphens or underscores).
TIME_ZONE_KEYS = ("timezone", "tz", "zone", "タイムゾーン", "時間帯")

# Reasons a contact is left out (codes; the UI words them).
OPTED_OUT = "opted_out"
NO_CONSENT = "no_consent"
ANSWERED_RECENTLY = "answered_recently"
INVITED_RECENTLY = "invited_recently"
NO_PHONE = "no_phone"
LANDLINE = "landline"
NO_EMAIL = "no_email"


@dataclass(frozen=True)
class Rules:
    """The workspace's sending rules (defaults are those of the best hosted tools)."""

    consent_required: bool = False
    answer_cap_days: int = 90
    invitation_cap_days: int = 30
    quiet_start: time = time(9, 0)
    quiet_end: time = time(20, 0)
    workspace_time_zone: str = "Asia/Tokyo"
    reminders: int = 1
    reminder_after_days: int = 3

    def window(self) -> tuple[time, time]:
        """The sending window, clipped to what the law allows."""
        start = max(self.quiet_start, LEGAL_START)
        end = min(self.quiet_end, LEGAL_END)
        if end <= start:
            return LEGAL_START, LEGAL_END
        return start, end


@dataclass(frozen=True)
class Contact:
    """What the decision needs to know about one contact."""

    id: int
    name: str = ""
    phone: str | None = None  # E.164
    email: str | None = None
    language: str | None = None
    attributes: Mapping[str, object] = field(default_factory=dict)
    opted_out: frozenset[str] = frozenset()  # channels
    consented: frozenset[str] = frozenset()  # channels
    last_answer: datetime | None = None
    last_unanswered_invitation: datetime | None = None  # invitations and reminders


@dataclass(frozen=True)
class Reason:
    """Why a contact is left out: a code, the channel it concerns, and a date when it has one."""

    code: str
    channel: str = ""
    since: datetime | None = None


@dataclass(frozen=True)
class Decision:
    """A contact's channel, or None with the reasons they are left out."""

    contact: Contact
    channel: str | None
    recipient: str = ""
    reasons: tuple[Reason, ...] = ()
    # "SMS, else email": the email address to use if the SMS fails permanently.
    fallback: str = ""

    @property
    def included(self) -> bool:
        return self.channel is not None


def phone_usable_for_sms(phone: str | None) -> str | None:
    """None when ``phone`` can take an SMS, else the reason code (no_phone, landline)."""
    if not phone:
        return NO_PHONE
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return NO_PHONE
    if not phonenumbers.is_valid_number(number):
        return NO_PHONE
    kind = phonenumbers.number_type(number)
    if kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return None
    return LANDLINE


def is_japanese_number(phone: str | None) -> bool:
    """Twilio has no two-way SMS in Japan: these numbers get an opt-out link instead."""
    return bool(phone) and str(phone).startswith("+81")


def _email_usable(email: str | None) -> bool:
    if not email or "@" not in email:
        return False
    local, _, domain = email.rpartition("@")
    return bool(local) and "." in domain


def _channel_problems(contact: Contact, channel: str, rules: Rules, purpose: str) -> list[Reason]:
    problems = []
    if channel == SMS:
        code = phone_usable_for_sms(contact.phone)
        if code:
            problems.append(Reason(code, SMS))
    elif not _email_usable(contact.email):
        problems.append(Reason(NO_EMAIL, EMAIL))
    if channel in contact.opted_out:
        problems.append(Reason(OPTED_OUT, channel))
    consent_needed = rules.consent_required or purpose in CONSENT_ALWAYS
    if consent_needed and channel not in contact.consented:
        problems.append(Reason(NO_CONSENT, channel))
    return problems


def cap_reasons(contact: Contact, rules: Rules, now: datetime) -> list[Reason]:
    """The frequency cap, across all campaigns and channels."""
    reasons = []
    if contact.last_answer and now - contact.last_answer < timedelta(days=rules.answer_cap_days):
        reasons.append(Reason(ANSWERED_RECENTLY, since=contact.last_answer))
    last = contact.last_unanswered_invitation
    if last and now - last < timedelta(days=rules.invitation_cap_days):
        reasons.append(Reason(INVITED_RECENTLY, since=last))
    return reasons


def decide(
    contact: Contact, mode: str, rules: Rules, now: datetime, *, purpose: str = INVITATION
) -> Decision:
    """Which channel ``contact`` gets in a campaign of ``mode``, or why none."""
    if mode not in MODES:
        raise ValueError(f"unknown channel mode: {mode!r}")
    capped = cap_reasons(contact, rules, now)
    channels = [SMS, EMAIL] if mode == SMS_ELSE_EMAIL else [mode]
    problems: list[Reason] = []
    for channel in channels:
        found = _channel_problems(contact, channel, rules, purpose)
        if not found:
            if capped:
                return Decision(contact, None, reasons=tuple(capped))
            recipient = contact.phone if channel == SMS else contact.email
            fallback = ""
            if (
                mode == SMS_ELSE_EMAIL
                and channel == SMS
                and not _channel_problems(contact, EMAIL, rules, purpose)
            ):
                fallback = contact.email or ""
            return Decision(contact, channel, recipient or "", fallback=fallback)
        problems += found
    return Decision(contact, None, reasons=tuple(capped + problems))


def decide_all(
    contacts: list[Contact], mode: str, rules: Rules, now: datetime, *, purpose: str = INVITATION
) -> list[Decision]:
    return [decide(contact, mode, rules, now, purpose=purpose) for contact in contacts]


# -- time zones and quiet hours ---------------------------------------------------------


def _zone(name: str) -> ZoneInfo | None:
    if not name or not isinstance(name, str):
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch not in " _-")


def contact_time_zone(contact: Contact, rules: Rules) -> ZoneInfo:
    """The contact's "time zone" attribute when it names an IANA zone, else the workspace's."""
    for name, value in contact.attributes.items():
        if _key(str(name)) in TIME_ZONE_KEYS:
            zone = _zone(str(value))
            if zone is not None:
                return zone
    return _zone(rules.workspace_time_zone) or ZoneInfo("UTC")


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    # A wall time in a DST gap does not exist; zoneinfo maps it forwards with fold=0
    # only after a round trip through UTC, which also normalises it.
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


def next_send_time(earliest: datetime, zone: ZoneInfo, rules: Rules) -> datetime:
    """The first moment at or after ``earliest`` inside the sending window in ``zone`` (UTC)."""
    start, end = rules.window()
    local = earliest.astimezone(zone)
    today_start = _local(local.date(), start, zone)
    today_end = _local(local.date(), end, zone)
    if local < today_start:
        moment = today_start
    elif local < today_end:
        moment = local
    else:
        moment = _local(local.date() + timedelta(days=1), start, zone)
    return moment.astimezone(UTC)


def reminder_times(invitation: datetime, zone: ZoneInfo, rules: Rules) -> list[datetime]:
    """When the reminders go (UTC), each ``reminder_after_days`` after the one before."""
    times = []
    previous = invitation
    for _ in range(max(0, min(rules.reminders, MAX_REMINDERS))):
        previous = next_send_time(previous + timedelta(days=rules.reminder_after_days), zone, rules)
        times.append(previous)
    return times
