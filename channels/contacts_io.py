"""Contacts in and out of a workspace: an import from a prepared file, an export as CSV.

Shared by the command line and the Contacts page. The parsing is in
``channels.contacts_import`` (pure); the SQL in ``storage.contacts``.

The export writes every cell through ``spreadsheet_text``, as the survey exports
do: a name ``=cmd|...`` or a phone ``+8190...`` (a formula to Excel) arrives as
``'=cmd|...``, ``'+8190...``; the import takes that ``'`` off again, so an export
imported back gives the same contacts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from sqlite_utils import Database

from channels.contacts_import import Issue, Prepared, Table, prepare
from storage import contacts as contact_store
from storage.contacts import ImportResult, ImportRow
from surveys.untrusted_text import spreadsheet_row

EXPORT_HEADER = (
    "name",
    "phone",
    "phone_kind",
    "email",
    "language",
    "attributes",
    "sms_consent",
    "email_consent",
    "sms_opt_out",
    "email_opt_out",
)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: contacts created and updated, and the report's lines."""

    result: ImportResult
    issues: list[Issue]
    rows_read: int
    rejected_rows: int


def store(
    db: Database,
    prepared: Prepared,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    rows = [
        ImportRow(
            name=c.name,
            phone=c.phone,
            phone_kind=c.phone_kind,
            email=c.email,
            language=c.language,
            attributes=c.attributes,
            consent=sorted(c.consent),
        )
        for c in prepared.contacts
    ]
    result = contact_store.import_rows(db, rows, progress=progress)
    return ImportOutcome(result, prepared.issues, prepared.rows_read, prepared.rejected_rows)


def run_import(
    db: Database,
    table: Table,
    mapping: Sequence[str],
    region: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Prepare then store ``table``: ``progress(done, total)`` counts both halves as one.

    ``progress`` may raise to cancel; nothing is stored then.
    """
    total = max(1, len(table.rows))

    def reading(done: int, _of: int) -> None:
        if progress is not None:
            progress(done // 2, total)

    def storing(done: int, of: int) -> None:
        if progress is not None:
            progress(total // 2 + (done * (total - total // 2)) // max(1, of), total)

    prepared = prepare(table, mapping, region, progress=reading)
    return store(db, prepared, storing)


def _consent_text(contact: contact_store.Contact, channel: str) -> str:
    consent = contact.consents.get(channel)
    if consent is None:
        return ""
    return f"{consent.source} {consent.given_at.date().isoformat()}"


def export_csv(db: Database, out: TextIO) -> int:
    """Write every contact as CSV to ``out``; returns how many."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    written = 0
    for contact in contact_store.iterate_all(db):
        writer.writerow(
            spreadsheet_row(
                [
                    contact.name,
                    contact.phone or "",
                    contact.phone_kind or "",
                    contact.email or "",
                    contact.language or "",
                    json.dumps(contact.attributes, ensure_ascii=False)
                    if contact.attributes
                    else "",
                    _consent_text(contact, "sms"),
                    _consent_text(contact, "email"),
                    contact.opt_outs.get("sms", ""),
                    contact.opt_outs.get("email", ""),
                ]
            )
        )
        written += 1
    return written
