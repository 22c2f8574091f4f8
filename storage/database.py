"""Opening a connection to a workspace's SQLite file, and the transactions on it.

Every write transaction in Koe starts with ``BEGIN IMMEDIATE`` (``writing``):
the desktop, the web server's threads and the sender write to the same file,
and a deferred transaction that reads first and writes later is refused the
write lock at once (``database is locked``) when another connection committed
in between; the busy timeout cannot help it. Taking the lock at the start
makes such a transaction wait its turn instead. sqlite-utils' own writes
(``insert``, ``upsert``, ``atomic()``) go through the same helper, because
``connect`` hands out a ``KoeDatabase``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000
# Savepoint names: unique across nested savepoints is all they need to be.


class KoeDatabase(Database):
    """A sqlite-utils Database whose ``atomic()`` takes the write lock at its start.

    A read-only connection keeps sqlite-utils' plain ``BEGIN``: it cannot
    take a write lock, and has nothing to write.
    """

    read_only = False

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:  # type: ignore[override]
        if self.read_only:
            with super().atomic() as db:
                yield db
            return
        with writing(self) as db:
            yield db


@contextlib.contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``); nested, a savepoint.

    Commits when the block ends, rolls back when it raises. Inside an open
    transaction (a caller's ``writing``) it is a savepoint, so a helper that
    writes can be called on its own or as part of a larger transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        # One name for every level: SQLite releases (or rolls back to) the most recent
        # savepoint of that name, which nesting makes this block's own; and the same
        # statements are prepared once (a name per savepoint missed the statement
        # cache each time: four parses per answer in the writer, issue 18).
        conn.execute("SAVEPOINT koe")
        try:
            yield db
        except BaseException:
            # An error may already have ended the whole transaction.
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT koe")
                conn.execute("RELEASE SAVEPOINT koe")
            raise
        else:
            conn.execute("RELEASE SAVEPOINT koe")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise


@contextlib.contextmanager
def reading(db: Database) -> Iterator[Database]:
    """One read transaction: every query inside sees the same snapshot."""
    db.conn.execute("BEGIN")
    try:
        yield db
    finally:
        db.conn.rollback()


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
    db = KoeDatabase(conn)
    db.read_only = read_only
    if not read_only:
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


# SQLite's result codes for "the write could not be done now": another writer
# held the lock past the busy timeout, the disk is full, or it failed to write.
_REFUSED_WRITES = {
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_READONLY,
}


def write_refused(error: sqlite3.Error) -> bool:
    """True when ``error`` says the file could not be written just now, not that the
    statement was wrong: the caller keeps what it wanted to write and says so."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "locked" in str(error) or "disk is full" in str(error)
    return code & 0xFF in _REFUSED_WRITES


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
