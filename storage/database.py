"""Opening a connection to a workspace's SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, *, read_only: bool = False) -> Database:
    """A connection with the pragmas every Koe connection needs.

    WAL lets the GUI, the web server and the sender each keep their own
    connection and work side by side; foreign keys are off by default in
    SQLite and must be switched on per connection.
    """
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db = Database(conn)
    if not read_only:
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_text(moment: datetime | None) -> str | None:
    """Timestamps are stored as ISO 8601 UTC text, which sorts and reads well."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_text(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def change_stamp(path: Path) -> tuple[int, ...]:
    """Modification times and sizes of the database file and its WAL.

    A change means some connection, in this process or another, has written:
    a cheap test that needs no connection and no query (the Results page's
    poll asks the database only when the stamp moves).
    """
    stamp: list[int] = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            info = file.stat()
        except FileNotFoundError:
            stamp += [0, 0]
        else:
            stamp += [info.st_mtime_ns, info.st_size]
    return tuple(stamp)
