"""Rows for outbox tests: contacts, deliveries and queued messages, as a campaign writes them."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from channels.links import new_token, personal_link
from storage import deliveries
from storage import outbox as store
from storage.database import to_text, utc_now

PUBLIC_URL = "http://127.0.0.1:8765"


def add_contact(db: Database, *, phone: str | None = None, email: str | None = None) -> int:
    stamp = to_text(utc_now())
    cursor = db.execute(
        "INSERT INTO contacts (name, phone, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        ["Hanako", phone, email, stamp, stamp],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def queue_invitation(
    db: Database,
    survey_id: int,
    channel: str,
    recipient: str,
    *,
    contact_id: int | None = None,
    not_before: datetime | None = None,
) -> tuple[int, str]:
    """A delivery and its queued invitation; returns (outbox id, token)."""
    if contact_id is None:
        contact_id = add_contact(
            db,
            phone=recipient if channel == "sms" else None,
            email=recipient if channel == "email" else None,
        )
    token = new_token()
    delivery = deliveries.create(
        db, survey_id=survey_id, token=token, channel=channel, contact_id=contact_id
    )
    link = personal_link(PUBLIC_URL, token)
    outbox_id = store.enqueue(
        db,
        channel=channel,
        recipient=recipient,
        body=f"Hi, how did we do? {link}",
        subject="How did we do?" if channel == "email" else None,
        purpose="invitation",
        delivery_id=delivery.id,
        not_before=not_before,
    )
    return outbox_id, token
