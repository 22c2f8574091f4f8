"""Opt-outs: a contact who asked to receive no more messages through a channel.

One row per contact and channel, with where the request came from
(``source``: "link" for the respondent site's unsubscribe page and a mail
provider's one-click post) and when. Deleting a contact deletes its opt-outs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now

SOURCE_LINK = "link"


@dataclass(frozen=True)
class OptOut:
    contact_id: int
    channel: str
    source: str
    created_at: datetime


def opt_out(
    db: Database,
    contact_id: int,
    channel: str,
    *,
    source: str = SOURCE_LINK,
    now: datetime | None = None,
) -> bool:
    """Record that ``contact_id`` wants nothing more through ``channel``.

    Returns True when this is new; asking twice keeps the first time and source.
    """
    cursor = db.execute(
        "INSERT INTO opt_outs (contact_id, channel, source, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (contact_id, channel) DO NOTHING",
        [contact_id, channel, source, to_text(now or utc_now())],
    )
    return cursor.rowcount == 1


def is_opted_out(db: Database, contact_id: int, channel: str) -> bool:
    rows = db.execute(
        "SELECT 1 FROM opt_outs WHERE contact_id = ? AND channel = ?", [contact_id, channel]
    ).fetchall()
    return bool(rows)


def list_for_contact(db: Database, contact_id: int) -> list[OptOut]:
    """The contact's opt-outs, oldest first."""
    return [
        OptOut(row["contact_id"], row["channel"], row["source"], _moment(row["created_at"]))
        for row in db.query(
            "SELECT contact_id, channel, source, created_at FROM opt_outs"
            " WHERE contact_id = ? ORDER BY created_at, id",
            [contact_id],
        )
    ]


def _moment(value: str) -> datetime:
    moment = from_text(value)
    assert moment is not None
    return moment
