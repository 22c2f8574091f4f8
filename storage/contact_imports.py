"""Storing an imported contact list: every contact in ONE transaction.

The import engine (``contacts``) has already merged the file's
rows and the contacts they match; this module writes the result. New contacts
are inserted in bulk with the ids they will have; a contact already stored is
rewritten with its merged values. Numbers and addresses beyond the main ones
go to ``contact_addresses``. Consent is recorded with source "import", the file
name and the import's time, never over a consent already recorded (that keeps
its source and date) and never for a channel the contact opted out of (a "yes"
in an old file does not undo a STOP). A "no" in the file is an opt-out in the
ledger (source "import"). Someone deleted after opting out who comes back is
opted out again (``storage.opt_outs.Suppressions``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat
from operator import eq, itemgetter
from typing import Protocol

from sqlite_utils import Database

from storage import opt_outs as opt_out_store
from storage.contacts import CONSENT_IMPORT
from storage.database import from_text, to_text, utc_now, writing
from surveys.contact_names import sort_key

BATCH = 500  # rows between two progress reports
# One encoder for every row: json.dumps(..., ensure_ascii=False) builds a new one each call.
_json = json.JSONEncoder(ensure_ascii=False).encode
_quoted = json.encoder.encode_basestring  # a str as JSON, in C


class _AttributesText:
    """Attributes (text to text, as imported) as JSON, each distinct set written once:
    a shop's list repeats its few stores and plans on 50,000 rows."""

    def __init__(self) -> None:
        self.known: dict[tuple[tuple[str, str], ...], str] = {}

    def __call__(self, attributes: Mapping[str, str]) -> str:
        if not attributes:
            return "{}"
        key = tuple(attributes.items())
        text = self.known.get(key)
        if text is None:
            try:
                text = "{" + ", ".join([f"{_quoted(k)}: {_quoted(v)}" for k, v in key]) + "}"
            except TypeError:  # not all text (an older contact's attributes): the encoder
                text = _json(attributes)
            self.known[key] = text
        return text


class PhoneRecord(Protocol):
    e164: str
    kind: str
    label: str


class EmailRecord(Protocol):
    address: str
    label: str


class ImportRecord(Protocol):
    """What ``store`` needs of one contact (``contacts.ContactDraft``)."""

    contact_id: int | None
    name: str
    furigana: str
    phone: str
    phone_kind: str
    email: str
    language: str
    birthday: str
    last_visit: str
    tags: list[str]
    attributes: dict[str, str]
    phones: list[PhoneRecord]
    emails: list[EmailRecord]
    consent: set[str]
    opt_out: set[str]


@dataclass
class StoreResult:
    created: int = 0
    updated: int = 0
    consent_recorded: dict[str, int] = field(default_factory=dict)
    opt_outs_recorded: dict[str, int] = field(default_factory=dict)
    opt_outs_kept: int = 0  # a "yes" in the file for a channel the contact opted out of


def address_index(db: Database) -> tuple[dict[str, int], dict[str, int]]:
    """Every contact's SMS number and mobiles, and every address (lower case) -> its id."""
    by_phone: dict[str, int] = {}
    by_email: dict[str, int] = {}
    for contact_id, phone, email in db.execute("SELECT id, phone, email FROM contacts"):
        if phone:
            by_phone[phone] = contact_id
        if email:
            by_email.setdefault(email.lower(), contact_id)
    for contact_id, kind, value, phone_kind in db.execute(
        "SELECT contact_id, kind, value, phone_kind FROM contact_addresses"
    ):
        if kind == "email":
            by_email.setdefault(value.lower(), contact_id)
        elif phone_kind == "mobile":
            by_phone.setdefault(value, contact_id)
    return by_phone, by_email


def _contact_row(
    record: ImportRecord, attributes: _AttributesText, *last: object
) -> tuple[object, ...]:
    """The columns ``_COLUMNS`` of ``record``, then ``last``."""
    return (
        record.name,
        record.furigana,
        sort_key(record.name, record.furigana),
        record.phone or None,
        record.phone_kind or None if record.phone else None,
        record.email or None,
        record.language or None,
        attributes(record.attributes),
        record.birthday or None,
        record.last_visit or None,
        _json(record.tags) if record.tags else "[]",
        *last,
    )


_COLUMNS = (
    "name, furigana, sort_key, phone, phone_kind, email, language, attributes, birthday,"
    " last_visit, tags"
)
_INSERTED = (*_COLUMNS.replace(" ", "").split(","), "created_at", "updated_at", "id")
# Columns most files leave empty, with the value the table gives them by default.
_DEFAULTS = {"furigana": "", "language": None, "birthday": None, "last_visit": None, "tags": "[]"}


def _insert(db: Database, rows: list[tuple[object, ...]]) -> None:
    """Insert ``rows`` (``_INSERTED`` columns), leaving out the columns no row fills:
    fewer values bound per row (measured: 14 values cost a third more than 9)."""
    keep = [
        index
        for index, column in enumerate(_INSERTED)
        if column not in _DEFAULTS or not _all_default(map(itemgetter(index), rows), column)
    ]
    names = ", ".join(_INSERTED[index] for index in keep)
    marks = ", ".join("?" for _ in keep)
    values = map(itemgetter(*keep), rows)
    db.conn.executemany(f"INSERT INTO contacts ({names}) VALUES ({marks})", values)


def _all_default(values: Iterable[object], column: str) -> bool:
    """Every value is the column's default (a C loop that stops at the first other)."""
    return all(map(eq, values, repeat(_DEFAULTS[column])))


def _addresses(contact_id: int, record: ImportRecord) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (contact_id, "phone", p.e164, p.kind, p.label) for p in record.phones
    ]
    rows += [(contact_id, "email", e.address, None, e.label) for e in record.emails]
    return rows


def store(
    db: Database,
    records: Sequence[ImportRecord],
    *,
    detail: str = "",
    now: datetime | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> StoreResult:
    """Write ``records`` in one transaction; ``progress(done, total)`` may raise to
    cancel (the transaction is rolled back and the exception passes through)."""
    moment = to_text(now or utc_now())
    result = StoreResult()
    total = len(records)
    with writing(db):
        next_id = int(db.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]) + 1
        inserts: list[tuple[object, ...]] = []
        attributes = _AttributesText()
        addresses: list[tuple[object, ...]] = []
        ids: list[int] = []
        for done, record in enumerate(records):
            if progress is not None and done % BATCH == 0:
                progress(done, total)
            if record.contact_id is None:
                contact_id = next_id
                next_id += 1
                inserts.append(_contact_row(record, attributes, moment, moment, contact_id))
                result.created += 1
            else:
                contact_id = record.contact_id
                db.execute(
                    "UPDATE contacts SET name = ?, furigana = ?, sort_key = ?, phone = ?,"
                    " phone_kind = ?, email = ?, language = ?, attributes = ?, birthday = ?,"
                    " last_visit = ?, tags = ?, updated_at = ? WHERE id = ?",
                    _contact_row(record, attributes, moment, contact_id),
                )
                db.execute("DELETE FROM contact_addresses WHERE contact_id = ?", [contact_id])
                result.updated += 1
            ids.append(contact_id)
            if record.phones or record.emails:
                addresses += _addresses(contact_id, record)
        _insert(db, inserts)
        db.conn.executemany(
            "INSERT OR IGNORE INTO contact_addresses (contact_id, kind, value, phone_kind, label)"
            " VALUES (?, ?, ?, ?, ?)",
            addresses,
        )
        _consent(db, records, ids, detail, moment, result)
        if progress is not None:
            progress(total, total)
    return result


def _consent(
    db: Database,
    records: Sequence[ImportRecord],
    ids: Sequence[int],
    detail: str,
    moment: str,
    result: StoreResult,
) -> None:
    suppressions = opt_out_store.Suppressions(db)
    if suppressions.created:  # someone deleted after opting out is back: not invited
        for contact_id, record in zip(ids, records, strict=True):
            suppressions.restore(
                contact_id,
                [record.phone, *(p.e164 for p in record.phones)],
                [record.email, *(e.address for e in record.emails)],
            )
    opted_out = _opted_out(db)
    when = from_text(moment)
    consent_rows: list[tuple[int, str, str, str, str]] = []
    for contact_id, record in zip(ids, records, strict=True):
        if not record.consent and not record.opt_out:
            continue  # most rows of a file without consent columns
        for channel in sorted(record.opt_out):
            if opt_out_store.opt_out(
                db, contact_id, channel, source=CONSENT_IMPORT, now=when, detail=detail
            ):
                _count(result.opt_outs_recorded, channel)
        for channel in sorted(record.consent - record.opt_out):
            if (contact_id, channel) in opted_out:
                result.opt_outs_kept += 1
                continue
            consent_rows.append((contact_id, channel, CONSENT_IMPORT, moment, detail))
    for _contact_id, channel, *_rest in consent_rows:
        _count(result.consent_recorded, channel)
    cursor = db.conn.executemany(
        "INSERT INTO consents (contact_id, channel, source, given_at, detail)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (contact_id, channel) DO NOTHING",
        consent_rows,
    )
    if cursor.rowcount != len(consent_rows):
        # Some had consent already (kept with its own source and date): count what was new.
        result.consent_recorded.clear()
        for channel, count in db.execute(
            "SELECT channel, count(*) FROM consents WHERE given_at = ? AND source = ?"
            " AND detail = ? GROUP BY channel",
            [moment, CONSENT_IMPORT, detail],
        ):
            result.consent_recorded[channel] = count


def _opted_out(db: Database) -> set[tuple[int, str]]:
    return {
        (contact_id, channel)
        for contact_id, channel in db.execute(
            f"SELECT contact_id, channel FROM opt_outs WHERE {opt_out_store.IN_FORCE}"
        )
    }


def _count(counts: dict[str, int], channel: str) -> None:
    counts[channel] = counts.get(channel, 0) + 1


def consent_details(db: Database, contact_id: int) -> Mapping[str, str]:
    """channel -> the file an import recorded the contact's consent from."""
    return dict(
        db.execute(
            "SELECT channel, detail FROM consents WHERE contact_id = ? AND detail != ''",
            [contact_id],
        ).fetchall()
    )


def fingerprint(db: Database) -> tuple[object, ...]:
    """Changes whenever a contact or an address is added, changed or deleted: a
    preview made against the same fingerprint is still right."""
    return tuple(
        db.execute(
            "SELECT (SELECT count(*) FROM contacts), (SELECT max(id) FROM contacts),"
            " (SELECT max(updated_at) FROM contacts), (SELECT count(*) FROM contact_addresses),"
            " (SELECT max(id) FROM contact_addresses)"
        ).fetchone()
    )
