"""Opt-outs: a contact who asked to receive no more messages through a channel.

A ledger. Each opt-out is a row with where the request came from (``source``:
"link" for the respondent site's unsubscribe page and a mail provider's
one-click post, "reply" for STOP, "twilio" when Twilio refused the number as
unsubscribed, "manual" for the contact dialog) and when. Opting back in (START,
or the box unticked) does not erase it: the row is closed (``opted_in_at``,
``opted_in_source``) and kept as history. At most one row per contact and
channel is in force (``opted_in_at IS NULL``); only those stop a message.

Deleting a contact deletes their ledger with them. What must survive is the
fact that this person said no: ``suppress_deleted`` keeps, for each opt-out in
force, a keyed one-way digest of each of their addresses for that channel (every
number for SMS, the SMS number and the others an import kept; every email address)
(HMAC-SHA256, key kept with the workspace) in ``opt_out_suppressions`` — no name,
number or address — and ``restore`` gives a contact who comes back with any of
those addresses (an import, the dialog) the opt-out again. The digest is the least
that lets Koe keep the promise; it is still pseudonymous data (a phone number's
digest can be tested by whoever holds this file and its key), kept for that one
purpose.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now

SOURCE_LINK = "link"
SOURCE_KEPT = "kept"  # restored from a deleted contact's opt-out (same address)
IN_FORCE = "opted_in_at IS NULL"  # the SQL condition of an opt-out that stops messages
SUPPRESSION_KEY = "opt_outs.suppression_key"  # in the settings table; not a Settings field


@dataclass(frozen=True)
class OptOut:
    contact_id: int
    channel: str
    source: str
    created_at: datetime
    opted_in_at: datetime | None = None
    opted_in_source: str | None = None


def opt_out(
    db: Database,
    contact_id: int,
    channel: str,
    *,
    source: str = SOURCE_LINK,
    now: datetime | None = None,
    detail: str = "",
) -> bool:
    """Record that ``contact_id`` wants nothing more through ``channel``.

    Returns True when this is new; asking twice keeps the first time and source.
    After an opt-in, a new opt-out is a new row of the ledger. ``detail`` says
    more of the source (an import's file name).
    """
    cursor = db.execute(
        "INSERT INTO opt_outs (contact_id, channel, source, created_at, detail)"
        " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM opt_outs"
        f"   WHERE contact_id = ? AND channel = ? AND {IN_FORCE})",
        [contact_id, channel, source, to_text(now or utc_now()), detail, contact_id, channel],
    )
    return cursor.rowcount == 1


def opt_in(
    db: Database, contact_ids: list[int], channel: str, *, source: str, now: datetime | None = None
) -> int:
    """Close the opt-outs in force of these contacts for ``channel``; returns how many."""
    if not contact_ids:
        return 0
    marks = ", ".join("?" for _ in contact_ids)
    cursor = db.execute(
        "UPDATE opt_outs SET opted_in_at = ?, opted_in_source = ?"
        f" WHERE channel = ? AND {IN_FORCE} AND contact_id IN ({marks})",
        [to_text(now or utc_now()), source, channel, *contact_ids],
    )
    return cursor.rowcount


def is_opted_out(db: Database, contact_id: int, channel: str) -> bool:
    rows = db.execute(
        f"SELECT 1 FROM opt_outs WHERE contact_id = ? AND channel = ? AND {IN_FORCE}",
        [contact_id, channel],
    ).fetchall()
    return bool(rows)


def list_for_contact(db: Database, contact_id: int) -> list[OptOut]:
    """The contact's opt-outs in force, oldest first."""
    return [o for o in history(db, contact_id) if o.opted_in_at is None]


def history(db: Database, contact_id: int) -> list[OptOut]:
    """Every opt-out the contact made, in force or closed by an opt-in, oldest first."""
    return [
        OptOut(
            row["contact_id"],
            row["channel"],
            row["source"],
            _moment(row["created_at"]),
            from_text(row["opted_in_at"]),
            row["opted_in_source"],
        )
        for row in db.query(
            "SELECT contact_id, channel, source, created_at, opted_in_at, opted_in_source"
            " FROM opt_outs WHERE contact_id = ? ORDER BY created_at, id",
            [contact_id],
        )
    ]


# A deleted contact's opt-outs --------------------------------------------------------


def _address(channel: str, phone: str | None, email: str | None) -> str | None:
    address = phone if channel == "sms" else email
    return address.strip().lower() if address and address.strip() else None


def _addresses(
    channel: str, phones: Iterable[str | None], emails: Iterable[str | None]
) -> list[str]:
    """Every address of a contact for ``channel``, normalised, each once: the SMS number
    and the other numbers kept beside it, the main address and the others."""
    found = (_address(channel, value, value) for value in (phones if channel == "sms" else emails))
    return list(dict.fromkeys(address for address in found if address is not None))


def _key(db: Database) -> bytes:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [SUPPRESSION_KEY]).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            [SUPPRESSION_KEY, json.dumps(secrets.token_hex(32))],
        )
        row = db.execute("SELECT value FROM settings WHERE key = ?", [SUPPRESSION_KEY]).fetchone()
    return bytes.fromhex(json.loads(row[0]))


def _digest(key: bytes, channel: str, address: str) -> str:
    return hmac.new(key, f"{channel}:{address}".encode(), hashlib.sha256).hexdigest()


def suppress_deleted(
    db: Database, contact_id: int, phones: Iterable[str | None], emails: Iterable[str | None]
) -> int:
    """Before a contact is deleted: keep a digest of each address they opted out of —
    every number for SMS (the SMS number and the others kept), every email address."""
    kept = 0
    phones, emails = list(phones), list(emails)
    rows = db.execute(
        f"SELECT channel, min(created_at) FROM opt_outs WHERE contact_id = ? AND {IN_FORCE}"
        " GROUP BY channel",
        [contact_id],
    ).fetchall()
    for channel, created_at in rows:
        for address in _addresses(channel, phones, emails):
            cursor = db.execute(
                "INSERT INTO opt_out_suppressions (channel, digest, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (channel, digest) DO NOTHING",
                [channel, _digest(_key(db), channel, address), created_at],
            )
            kept += cursor.rowcount
    return kept


class Suppressions:
    """The suppressions of a workspace, read once (an import checks thousands of rows)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.created: dict[tuple[str, str], str] = {
            (channel, digest): created
            for channel, digest, created in db.execute(
                "SELECT channel, digest, created_at FROM opt_out_suppressions"
            )
        }
        self.key = _key(db) if self.created else b""

    def restore(
        self, contact_id: int, phones: Iterable[str | None], emails: Iterable[str | None]
    ) -> int:
        """The contact has an address (any of its numbers or addresses) of a deleted
        contact who opted out: opt them out again (source "kept", the original time),
        and forget the digest. Returns the channels opted out again."""
        restored = 0
        phones, emails = list(phones), list(emails)
        for channel in ("sms", "email") if self.created else ():
            found = [
                (digest, created)
                for digest in (_digest(self.key, channel, a)
                               for a in _addresses(channel, phones, emails))
                if (created := self.created.pop((channel, digest), None)) is not None
            ]  # fmt: skip
            if not found:
                continue
            first = min(created for _digest_, created in found)
            opt_out(self.db, contact_id, channel, source=SOURCE_KEPT, now=from_text(first))
            self.db.conn.executemany(
                "DELETE FROM opt_out_suppressions WHERE channel = ? AND digest = ?",
                [(channel, digest) for digest, _created in found],
            )
            restored += 1
        return restored


def restore(
    db: Database, contact_id: int, phones: Iterable[str | None], emails: Iterable[str | None]
) -> int:
    """``Suppressions.restore`` for one contact."""
    return Suppressions(db).restore(contact_id, phones, emails)


def forget_suppression(db: Database, channel: str, address: str) -> int:
    """The person opted back in (START from a deleted contact's number): no digest kept."""
    normal = _address(channel, address, address)
    if normal is None or not db.execute("SELECT 1 FROM opt_out_suppressions LIMIT 1").fetchall():
        return 0
    cursor = db.execute(
        "DELETE FROM opt_out_suppressions WHERE channel = ? AND digest = ?",
        [channel, _digest(_key(db), channel, normal)],
    )
    return cursor.rowcount


def _moment(value: str) -> datetime:
    moment = from_text(value)
    assert moment is not None
    return moment
