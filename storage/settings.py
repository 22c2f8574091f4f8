"""Workspace settings that are not secrets (secrets live in the OS keyring).

Stored as JSON values in the ``settings`` table so that the desktop and
``serve`` read the same values from the same file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlite_utils import Database

DEFAULT_PORT = 8765


@dataclass(frozen=True)
class Settings:
    language: str = ""  # "" follows the system locale
    port: int = DEFAULT_PORT
    public_url: str = ""  # "" means the embedded server's own address
    lan_enabled: bool = False
    business_name: str = ""
    privacy_url: str = ""
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
    # Sending (Settings ▸ Messages and the Send page). The Twilio auth token and
    # the SMTP password are secrets: they live in the keyring (channels/secrets.py).
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
    consent_required: bool = False
    cap_answer_days: int = 90  # no new survey within this many days of an answer
    cap_invitation_days: int = 30  # ... or of an unanswered invitation
    quiet_start: str = "09:00"  # local to the contact; kept inside 08:00-21:00
    quiet_end: str = "20:00"
    time_zone: str = "Asia/Tokyo"  # the workspace's, for contacts without their own
    # Acting on answers (issue 6): who can own a detractor's case, and whether
    # each new response gets its follow-up message by category.
    owners: tuple[str, ...] = ()
    auto_follow_up: bool = False

    def __post_init__(self) -> None:
        # Stored as a JSON list; kept as a tuple so settings compare and stay frozen.
        object.__setattr__(self, "trusted_proxies", tuple(self.trusted_proxies))
        object.__setattr__(self, "owners", tuple(self.owners))

    def base_url(self, host: str = "127.0.0.1") -> str:
        """The address respondents' links are built on."""
        if self.public_url:
            return self.public_url.rstrip("/")
        return f"http://{host}:{self.port}"


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
    with db.atomic():
        for key, value in changes.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )
    return load(db)


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)
