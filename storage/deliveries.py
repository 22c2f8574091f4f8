"""Deliveries: one survey invitation to one contact through one channel.

A delivery owns the token of its respondent's personal link (``/r/<token>``).
"Opened" means a person visited that link: the page's script reported a first
interaction, or a form was posted. A bare GET never counts, because mail
security scanners fetch every link of an email.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlite_utils import Database

from storage.database import to_text, utc_now

# Only for annotations: the campaigns' planning loads phone numbers, which the window
# must not load before a page needs them (tests/test_architecture.py).
if TYPE_CHECKING:
    from surveys.campaign_plan import PlannedDelivery


@dataclass(frozen=True)
class Delivery:
    id: int
    survey_id: int
    contact_id: int | None
    campaign_id: int | None
    channel: str
    token: str
    status: str
    answered: bool
    opened: bool = False
    # The language the person reads: their contact's (on the desktop), or the one
    # published with the token (on a public host, which holds no contacts).
    language: str | None = None


def create(
    db: Database,
    *,
    survey_id: int,
    token: str,
    channel: str,
    contact_id: int | None = None,
    campaign_id: int | None = None,
) -> Delivery:
    cursor = db.execute(
        "INSERT INTO deliveries (survey_id, campaign_id, contact_id, channel, token, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [survey_id, campaign_id, contact_id, channel, token, to_text(utc_now())],
    )
    delivery = get(db, cursor.lastrowid or 0)
    assert delivery is not None
    return delivery


def _delivery(row: dict) -> Delivery:
    return Delivery(
        id=row["id"],
        survey_id=row["survey_id"],
        contact_id=row["contact_id"],
        campaign_id=row["campaign_id"],
        channel=row["channel"],
        token=row["token"],
        status=row["status"],
        answered=row["answered_at"] is not None,
        opened=row["opened_at"] is not None,
        language=row["reads"] or None,
    )


_SELECT = (
    "SELECT d.*, coalesce(nullif(c.language, ''), d.language) AS reads"
    " FROM deliveries d LEFT JOIN contacts c ON c.id = d.contact_id"
)


def get(db: Database, delivery_id: int) -> Delivery | None:
    rows = list(db.query(_SELECT + " WHERE d.id = ?", [delivery_id]))
    return _delivery(rows[0]) if rows else None


def find_by_token(db: Database, token: str) -> Delivery | None:
    rows = list(db.query(_SELECT + " WHERE d.token = ?", [token]))
    return _delivery(rows[0]) if rows else None


def mark_opened(db: Database, delivery_id: int, *, now: datetime | None = None) -> bool:
    """Note that a person opened the delivery's link; the first time is kept.

    Returns True when this is the first time. The delivery's ``status`` is the
    sender's and is left alone.
    """
    cursor = db.execute(
        "UPDATE deliveries SET opened_at = ? WHERE id = ? AND opened_at IS NULL",
        [to_text(now or utc_now()), delivery_id],
    )
    return cursor.rowcount == 1


def write_delivery(
    db: Database,
    survey_id: int,
    planned: PlannedDelivery,
    stamp: str | None,
    *,
    campaign_id: int | None = None,
    programme_id: int | None = None,
) -> int:
    """One delivery and its queued messages (a campaign's, or a programme's send)."""
    delivery = db.execute(
        "INSERT INTO deliveries (survey_id, campaign_id, programme_id, contact_id, channel,"
        " token, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'created', ?)",
        [survey_id, campaign_id, programme_id, planned.contact_id, planned.channel,
         planned.token, stamp],
    )  # fmt: skip
    for message in planned.messages:
        db.execute(
            "INSERT INTO outbox (delivery_id, purpose, channel, recipient, subject, body,"
            " status, not_before, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                delivery.lastrowid,
                message.purpose,
                message.channel,
                message.recipient,
                message.subject,
                message.body,
                "held" if message.held else "queued",
                to_text(message.not_before),
                stamp,
                stamp,
            ],
        )
    assert delivery.lastrowid is not None
    return delivery.lastrowid
