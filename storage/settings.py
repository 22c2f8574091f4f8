"""Workspace settings that are not secrets (secrets live in the OS keyring).

Stored as JSON values in the ``settings`` table so that the desktop and
``serve`` read the same values from the same file.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import tzinfo
from typing import Any

from sqlite_utils import Database

from storage.database import writing
from surveys.times import zone_named

DEFAULT_PORT = 8765
# How customers will reach the surveys, as the set-up assistant asks it: through a
# public host, on the shop's Wi-Fi from this computer, or not yet (trying Koe out).
PUBLIC_HOST, ON_WIFI, TRYING_OUT = "public_host", "lan", "trial"
REACH_PLANS = (PUBLIC_HOST, ON_WIFI, TRYING_OUT)


@dataclass(frozen=True)
class Settings:
    language: str = ""  # "" follows the system locale
    port: int = DEFAULT_PORT
    public_url: str = ""  # "" means the embedded server's own address
    lan_enabled: bool = False
    business_name: str = ""
    privacy_url: str = ""
    # The set-up assistant (ui/setup): the kind of business (surveys.business.KINDS;
    # "" when not said), how customers will reach the surveys (REACH_PLANS; "" when
    # not said), and whether the assistant was finished or skipped: an empty
    # workspace shows it at start until then (storage.first_run).
    business_kind: str = ""
    reach_plan: str = ""
    setup_done: bool = False
    # The respondent site's thank-you page (issue 4). A follow-up is promised
    # to detractors only when switched on; the referral link is offered to
    # promoters; the review link to every respondent alike (offering it only
    # to happy ones, "review gating", breaks Google's review policy).
    follow_up_detractors: bool = False
    referral_url: str = ""
    review_url: str = ""
    # Posts a minute one client address may make to a public link; the
    # address comes from X-Forwarded-For only when the peer is a listed proxy.
    rate_limit_per_minute: int = 20
    trusted_proxies: tuple[str, ...] = ()
    # The shop's own websites that may show a survey in a frame (the embed route
    # /e/<slug>, web.embed): origins such as "https://shop.example"; every other
    # page of the site refuses any frame.
    embed_origins: tuple[str, ...] = ()
    # Sending (Settings ▸ Messages and the Send page). The Twilio auth token and
    # the SMTP password are secrets: they live in the keyring (storage/secrets.py).
    twilio_account_sid: str = ""
    twilio_sender: str = ""  # a From number, an alphanumeric sender ID or a Messaging Service SID
    sms_per_second: float = 1.0
    twilio_api_url: str = ""  # Twilio's API address; empty is Twilio itself (tests: a local one)
    sms_price_per_segment: str = "0.0079"  # decimal text, in the account's currency
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls | tls | none
    smtp_user: str = ""
    smtp_from: str = ""
    postal_address: str = ""  # the sender's identity in every email's footer
    # When a test message last went through each channel with its current settings
    # (ISO 8601, UTC; "" never, or not since they changed): channels/readiness.py.
    sms_tested_at: str = ""
    email_tested_at: str = ""
    consent_required: bool = False
    cap_answer_days: int = 90  # no new survey within this many days of an answer
    cap_invitation_days: int = 30  # ... or of an unanswered invitation
    quiet_start: str = "09:00"  # local to the contact; kept inside 08:00-21:00
    quiet_end: str = "20:00"
    time_zone: str = "Asia/Tokyo"  # the workspace's, for contacts without their own
    # Acting on answers (issue 6): who can own a detractor's case, and whether
    # each new response gets its follow-up message by category.
    owners: tuple[str, ...] = ()
    # An owner's optional email, as (name, address) pairs: ``owners`` stays a list
    # of plain names, as stored before emails existed and as the case editor reads it.
    owner_emails: tuple[tuple[str, str], ...] = ()
    auto_follow_up: bool = False
    # The owner's own follow-up texts, as (band, language, subject, body) rows; a band
    # and language without a row keeps Koe's text (channels.follow_ups.DEFAULT_TEXTS).
    follow_up_texts: tuple[tuple[str, str, str, str], ...] = ()
    # Where a customer who cannot answer by SMS (Japanese numbers, a sender ID) writes
    # to a person: a contact page, a LINE account, a form. "" when there is none.
    reply_url: str = ""
    # Detractor alerts: a score at or below its scale's threshold alerts (banner,
    # system notification and, when switched on, an email to the owners). The
    # defaults are the detractor bands: NPS 0-6, CSAT 1-2 of 5, CES 1-3 of 7
    # (CES here is agreement with "it was easy": higher is easier).
    alert_threshold_nps: int = 6
    alert_threshold_csat: int = 2
    alert_threshold_ces: int = 3
    alert_email: bool = False
    alert_email_to: str = ""  # an owner's name; "" emails every owner who has an address
    # The public host emails these alerts while the desktop is off (it needs an email
    # server of its own: docs/deploy.md). On a host: the copy the desktop published.
    host_alerts: bool = False
    # A second folder every daily and manual backup is copied to (a USB disk, or a
    # folder OneDrive/Dropbox/iCloud syncs): "" keeps backups on this disk only.
    backup_second_folder: str = ""
    # The owners' weekly digest (channels.digest): on a day (0 Monday) and hour of
    # the workspace's time zone, to the owners the alerts go to (alert_email_to, or
    # each owner with an address), each in their language ((name, "ja"|"en") pairs;
    # an owner without one reads the window's). Surveys: the ids picked, () every open one.
    digest_email: bool = False
    digest_weekday: int = 0
    digest_hour: int = 9
    digest_surveys: tuple[int, ...] = ()
    digest_languages: tuple[tuple[str, str], ...] = ()
    # A folder a POS or a spreadsheet drops CSV files of customer events into: the
    # sender reads each new file once (docs/programmes.md). "" watches none.
    events_folder: str = ""
    # The shop's own look on the respondent pages (issue 17): one brand colour as
    # #rrggbb ("" keeps Koe's blue), shown in shades that pass WCAG AA
    # (surveys.colours). The logo is a file, in its own table (storage.site_logo).
    brand_colour: str = ""

    def __post_init__(self) -> None:
        # Stored as JSON lists; kept as tuples so settings compare and stay frozen.
        object.__setattr__(self, "trusted_proxies", tuple(self.trusted_proxies))
        object.__setattr__(self, "embed_origins", tuple(self.embed_origins))
        object.__setattr__(self, "digest_surveys", tuple(int(i) for i in self.digest_surveys))
        languages = tuple((str(r[0]), str(r[1])) for r in self.digest_languages if len(r) == 2)
        object.__setattr__(self, "digest_languages", languages)
        texts = tuple(tuple(str(v) for v in row) for row in self.follow_up_texts if len(row) == 4)
        object.__setattr__(self, "follow_up_texts", texts)
        names, emails = _owners(self.owners, self.owner_emails)
        object.__setattr__(self, "owners", names)
        object.__setattr__(self, "owner_emails", emails)

    def base_url(self, host: str = "127.0.0.1") -> str:
        """The address respondents' links are built on."""
        if self.public_url:
            return self.public_url.rstrip("/")
        return f"http://{host}:{self.port}"

    def owner_email(self, name: str) -> str:
        """The owner's email address, or "" when none was given."""
        return dict(self.owner_emails).get(name, "")

    def alert_thresholds(self) -> dict[str, int]:
        """Score kind (a question type's value) → alert at or below this score."""
        return {
            "nps": self.alert_threshold_nps,
            "csat": self.alert_threshold_csat,
            "ces": self.alert_threshold_ces,
        }

    def alert_recipients(self) -> list[str]:
        """The addresses detractor alerts are emailed to (empty when switched off)."""
        return [address for _, address in self.alert_owners()]

    def alert_owners(self) -> list[tuple[str, str]]:
        """The owners detractor alerts are emailed to, (name, address), one per address."""
        return self.digest_owners() if self.alert_email else []

    def digest_owners(self) -> list[tuple[str, str]]:
        """The owners the weekly digest goes to, (name, address): the alerts' choice
        of owner (one, or every owner with an address), whether alerts are on or not."""
        chosen = [self.alert_email_to] if self.alert_email_to else list(self.owners)
        found: list[tuple[str, str]] = []
        for name in chosen:
            address = self.owner_email(name)
            if address and address not in {a for _, a in found}:
                found.append((name, address))
        return found

    def can_email(self) -> bool:
        """Whether an email server is set up (the password, a secret, is not checked)."""
        return bool(self.smtp_host and self.smtp_from)


def _owners(
    owners: Iterable[Any], emails: Iterable[Any] | Mapping[str, str]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Owners' names and their emails, from what may be stored: plain names, or
    {"name", "email"} objects; emails as pairs or a name → address object."""
    pairs = dict(emails.items() if isinstance(emails, Mapping) else (tuple(p) for p in emails))
    names: list[str] = []
    for owner in owners:
        if isinstance(owner, Mapping):
            name = str(owner.get("name") or "")
            if owner.get("email"):
                pairs.setdefault(name, str(owner["email"]))
        else:
            name = str(owner)
        if name and name not in names:
            names.append(name)
    return tuple(names), tuple((n, str(pairs[n])) for n in names if pairs.get(n))


def normalise_email(text: str) -> str:
    """An email address with its domain normalised; ValueError says what is wrong.

    The same check as the contacts import (email-validator, no DNS look-up).
    """
    # Imported here: reading the settings (at every start) needs no validator.
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(
            unicodedata.normalize("NFKC", text).strip(), check_deliverability=False
        )
    except EmailNotValidError as error:
        raise ValueError(str(error)) from None
    return str(result.normalized)


_FIELDS = {f.name: f for f in fields(Settings)}


def load(db: Database) -> Settings:
    values: dict[str, Any] = {}
    for row in db.query("SELECT key, value FROM settings"):
        if row["key"] in _FIELDS:
            values[row["key"]] = json.loads(row["value"])
    return replace(Settings(), **values)


def save(db: Database, **changes: Any) -> Settings:
    """Store the given settings (by field name) and return them all."""
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise KeyError(f"unknown settings: {', '.join(sorted(unknown))}")
    if "owner_emails" in changes:
        # An alert must never go to a malformed address: refuse the save instead.
        _, pairs = _owners(changes.get("owners", load(db).owners), changes["owner_emails"])
        changes["owner_emails"] = [[name, normalise_email(email)] for name, email in pairs]
    with writing(db):
        for key, value in changes.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )
    return load(db)


def workspace_zone(db: Database) -> tzinfo:
    """The zone the workspace's people read times in (UTC when the setting is unknown)."""
    return zone_named(load(db).time_zone)


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)
