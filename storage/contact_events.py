"""Contact events: what happened to a customer (a purchase, a closed support case, a
visit), the starts of event-triggered programmes (docs/programmes.md).

An event is (contact, name, moment, source), stored once: the same contact, name
and moment again is the same event. Events come from ``main.py contacts events
import FILE`` and from the folder Settings names, which the sender's programme
runner reads (``read_folder``): each file is read once by the SHA-256 of its
content (dropped twice, or renamed, it records nothing new), then moved into
``done/``; a damaged file is recorded as such, reported and left where it is.
A file with a bad row stores nothing; a row naming no known contact is reported
and the others are stored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now, writing
from storage.settings import workspace_zone
from surveys import event_files
from surveys.event_files import EventFileError, EventRow, RowProblem

log = logging.getLogger(__name__)

DONE_FOLDER = "done"
READ = "read"
DAMAGED = "damaged"
# A file changed this recently may still be being written by the POS: read it next time.
SETTLE_SECONDS = 5.0


@dataclass(frozen=True)
class Event:
    id: int
    contact_id: int
    name: str
    occurred_at: datetime
    source: str


@dataclass
class FileOutcome:
    """What reading one file did: events stored, already known, rows that named nobody."""

    name: str
    stored: int = 0
    known: int = 0
    unknown_contacts: list[int] = field(default_factory=list)  # line numbers
    problems: list[RowProblem] = field(default_factory=list)
    error: str = ""  # the whole file was refused
    already_read: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.error or self.problems)


def add(db: Database, contact_id: int, name: str, occurred_at: datetime, source: str = "") -> bool:
    """Store one event; False when the contact already had it at that moment."""
    with writing(db):
        cursor = db.execute(
            "INSERT INTO contact_events (contact_id, name, occurred_at, source, created_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (contact_id, name, occurred_at) DO NOTHING",
            [contact_id, name, to_text(occurred_at), source, to_text(utc_now())],
        )
    return cursor.rowcount == 1


def named(db: Database, name: str, since: datetime) -> list[Event]:
    """The events called ``name`` from ``since`` on, oldest first."""
    return [
        Event(r["id"], r["contact_id"], r["name"], from_text(r["occurred_at"]), r["source"])  # type: ignore[arg-type]
        for r in db.query(
            "SELECT * FROM contact_events WHERE name = ? AND occurred_at >= ?"
            " ORDER BY occurred_at, id",
            [name, to_text(since)],
        )
    ]


def names(db: Database) -> list[str]:
    """Every event name stored (the programme editor's choices)."""
    return [r[0] for r in db.execute("SELECT DISTINCT name FROM contact_events ORDER BY name")]


class _Keys:
    """Finds a contact by phone (any written form), email or customer id."""

    def __init__(self, db: Database, region: str) -> None:
        self.region = region
        self.phones: dict[str, int] = {}
        self.emails: dict[str, int] = {}
        self.ids: dict[str, int] = {}
        id_words = event_files.KEY_WORDS[event_files.CUSTOMER_ID]
        for row in db.query("SELECT id, phone, email, attributes FROM contacts ORDER BY id"):
            if row["phone"]:
                self.phones.setdefault(row["phone"], row["id"])
            if row["email"]:
                self.emails.setdefault(row["email"].strip().lower(), row["id"])
            try:
                attributes = json.loads(row["attributes"] or "{}")
            except ValueError:
                continue
            for key, value in attributes.items() if isinstance(attributes, dict) else ():
                if event_files.fold(str(key)) in id_words and str(value).strip():
                    self.ids.setdefault(str(value).strip(), row["id"])

    def find(self, event: EventRow) -> int | None:
        if event.key_kind == event_files.EMAIL:
            return self.emails.get(event.key.lower())
        if event.key_kind == event_files.CUSTOMER_ID:
            return self.ids.get(event.key)
        import phonenumbers  # loaded when a file names contacts by phone

        try:
            number = phonenumbers.parse(event.key, self.region)
        except phonenumbers.NumberParseException:
            return None
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return self.phones.get(e164)


def store_file(
    db: Database, data: bytes, name: str, *, region: str = "JP", record: bool = False
) -> FileOutcome:
    """Read a file's events and store them in one transaction, or nothing when a row is bad.

    ``record``: remember the file by its content hash (the watched folder), so the same
    content is never read again; it is then refused when already read.
    """
    digest = hashlib.sha256(data).hexdigest()
    outcome = FileOutcome(name)
    if record and db.execute("SELECT 1 FROM event_files WHERE sha256 = ?", [digest]).fetchall():
        outcome.already_read = True
        return outcome
    try:
        rows, outcome.problems = event_files.parse(event_files.decode(data), workspace_zone(db))
    except EventFileError as error:
        outcome.error = str(error)
    keys = _Keys(db, region) if not outcome.refused else None
    stamp = to_text(utc_now())
    with writing(db):
        if keys is not None:
            for row in rows:
                contact_id = keys.find(row)
                if contact_id is None:
                    outcome.unknown_contacts.append(row.line)
                    continue
                cursor = db.execute(
                    "INSERT INTO contact_events (contact_id, name, occurred_at, source,"
                    " created_at) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (contact_id, name, occurred_at) DO NOTHING",
                    [contact_id, row.name, to_text(row.occurred_at), name, stamp],
                )
                if cursor.rowcount == 1:
                    outcome.stored += 1
                else:
                    outcome.known += 1
        if record:
            detail = describe(outcome)
            db.execute(
                "INSERT INTO event_files (sha256, name, status, detail, read_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [digest, name, DAMAGED if outcome.refused else READ, detail, stamp],
            )
    return outcome


def describe(outcome: FileOutcome) -> str:
    """One line saying what became of a file."""
    if outcome.error:
        return f"{outcome.name}: {outcome.error}"
    if outcome.problems:
        lines = ", ".join(str(p.line) for p in outcome.problems[:10])
        return f"{outcome.name}: not read, {len(outcome.problems)} bad rows (lines {lines})"
    text = f"{outcome.name}: {outcome.stored} new events, {outcome.known} already known"
    if outcome.unknown_contacts:
        lines = ", ".join(str(n) for n in outcome.unknown_contacts[:10])
        text += f", {len(outcome.unknown_contacts)} rows name no contact (lines {lines})"
    return text


def _done_path(folder: Path, name: str) -> Path:
    done = folder / DONE_FOLDER
    done.mkdir(exist_ok=True)
    target, n = done / name, 1
    while target.exists():
        n += 1
        target = done / f"{Path(name).stem} ({n}){Path(name).suffix}"
    return target


def read_folder(
    db: Database, folder: Path, *, region: str = "JP", settle: float = SETTLE_SECONDS
) -> list[FileOutcome]:
    """Read each new CSV file of ``folder`` once; move what was read into ``done/``.

    A damaged file stays where it is (recorded by its hash: reported once, not read
    again until its content changes).
    """
    outcomes = []
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and _is_csv(p))
    except OSError as error:
        log.warning("cannot list the events folder %s: %s", folder, error)
        return []
    for path in files:
        try:
            if time.time() - path.stat().st_mtime < settle:
                continue
            data = path.read_bytes()
        except OSError as error:
            log.warning("cannot read %s: %s", path, error)
            continue
        outcome = store_file(db, data, path.name, region=region, record=True)
        if outcome.already_read and _read_before(db, data):
            _move_done(folder, path)
            continue
        if outcome.already_read:
            continue  # a damaged file seen before: left alone
        outcomes.append(outcome)
        if outcome.refused:
            log.warning("events file refused: %s", describe(outcome))
        else:
            log.info("events file read: %s", describe(outcome))
            _move_done(folder, path)
    return outcomes


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt") and not path.name.startswith(".")


def _read_before(db: Database, data: bytes) -> bool:
    digest = hashlib.sha256(data).hexdigest()
    rows = db.execute("SELECT status FROM event_files WHERE sha256 = ?", [digest]).fetchall()
    return bool(rows) and rows[0][0] == READ


def _move_done(folder: Path, path: Path) -> None:
    try:
        shutil.move(str(path), str(_done_path(folder, path.name)))
    except OSError as error:  # the hash keeps it from being read again
        log.warning("cannot move %s into %s: %s", path, DONE_FOLDER, error)


def files_seen(db: Database) -> list[tuple[str, str, str, str]]:
    """(name, status, detail, read_at) of every events file, newest first."""
    return [
        tuple(r)
        for r in db.execute(
            "SELECT name, status, detail, read_at FROM event_files ORDER BY read_at DESC, name"
        )
    ]
