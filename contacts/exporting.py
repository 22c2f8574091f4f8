"""Every contact as CSV that Excel opens safely and the import reads back the same.

UTF-8 with a BOM (Japanese Excel then reads it as UTF-8, not CP932); every cell
through ``spreadsheet_text``: a name ``=cmd|...`` or a phone ``+8190...`` (a
formula to Excel) arrives as ``'=cmd|...``, ``'+8190...``, and the import takes
that ``'`` off again. Every field the import understands has its column, named
so that ``columns.propose_mapping`` maps it back: an export imported into an
empty workspace gives the same contacts (names, furigana, numbers and their
kinds, addresses, language, dates, tags, attributes, consent and opt-outs).
A file is written beside its target and renamed into place: a cancel or a full
disk leaves no half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from contacts.model import ExportCancelled
from storage import contacts as contact_store
from surveys.untrusted_text import spreadsheet_row

EXPORT_HEADER = (
    "name",
    "furigana",
    "phone",
    "phone_kind",
    "other_phones",
    "email",
    "other_emails",
    "language",
    "birthday",
    "last_visit",
    "tags",
    "attributes",
    "sms_consent",
    "email_consent",
    "sms_opt_out",
    "email_opt_out",
)
MULTI = " ::: "  # between the values of one cell, as Google Contacts writes them
TICK = 500


def _consent_text(contact: contact_store.Contact, channel: str) -> str:
    consent = contact.consents.get(channel)
    if consent is None:
        return ""
    return f"{consent.source} {consent.given_at.date().isoformat()}"


def contact_row(contact: contact_store.Contact) -> list[object]:
    return spreadsheet_row(
        [
            contact.name,
            contact.furigana,
            contact.phone or "",
            contact.phone_kind or "",
            MULTI.join(value for value, _kind, _label in contact.phones),
            contact.email or "",
            MULTI.join(value for value, _label in contact.emails),
            contact.language or "",
            contact.birthday or "",
            contact.last_visit or "",
            ", ".join(contact.tags),
            json.dumps(contact.attributes, ensure_ascii=False) if contact.attributes else "",
            _consent_text(contact, "sms"),
            _consent_text(contact, "email"),
            contact.opt_outs.get("sms", ""),
            contact.opt_outs.get("email", ""),
        ]
    )


def export_csv(
    db: Database, out: TextIO, progress: Callable[[int, int], object] | None = None
) -> int:
    """Write every contact as CSV to ``out``; returns how many. ``progress(done,
    total)`` returning False (or raising) stops with ExportCancelled."""
    total = contact_store.count(db) if progress is not None else 0
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    written = 0
    for contact in contact_store.iterate_all(db):
        if progress is not None and written % TICK == 0 and progress(written, total) is False:
            raise ExportCancelled
        writer.writerow(contact_row(contact))
        written += 1
    if progress is not None:
        progress(written, max(total, written))
    return written


def export_contacts(
    db: Database, path: Path, progress: Callable[[int, int], object] | None = None
) -> int:
    """Write every contact to ``path`` (UTF-8 with BOM); returns how many. Raises
    OSError when the file cannot be written, ExportCancelled when cancelled:
    either way ``path`` is as it was."""
    handle, temporary = tempfile.mkstemp(prefix=".koe-contacts-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            count = export_csv(db, out, progress)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
