"""Is a workspace file whole? Checked before Koe uses it, without changing it.

A damaged file must be refused before anything writes to it: SQLite would
happily add pages beside a broken one, and an empty file would silently become
a new, empty workspace over the customer's data. ``problem_of`` answers in
plain words, reading only: SQLite's ``quick_check`` (every page of every table
and index read once, without the slow cross-check of index entries that
``integrity_check`` adds).

Measured on a 1M-response workspace (466 MB): quick_check 0.73-0.88 s with the
file in the disk cache, about 4 s from a cold disk on a 2-core VPS; a typical
shop's file (under 200 MB) takes under half of that. Every open pays it once:
the desktop's start, ``serve``'s start, each command.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from storage.database import BUSY_TIMEOUT_MS
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100  # SQLite's file header; a file shorter than this is cut short

# SQLite's result codes that mean the file's bytes are wrong, not that it
# could not be read just now (locked, no permission, the disk failing).
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def is_damage(error: sqlite3.Error) -> bool:
    """True when ``error`` says the file's content is broken."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "malformed" in str(error) or "not a database" in str(error)
    return code & 0xFF in _DAMAGE


# SQLite says SQLITE_FULL when a write finds no room, but "disk I/O error"
# (SQLITE_IOERR_SHMSIZE) when the WAL index beside the file cannot grow, which a
# full disk is what causes (measured on a full tmpfs).
_FULL = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR_SHMSIZE}


def is_disk_full(error: BaseException) -> bool:
    """True when ``error`` says there is no room left on the disk."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "disk is full" in str(error)
    return code in _FULL or code & 0xFF == sqlite3.SQLITE_FULL


class Unreadable(Explained):
    """The file could not be read at all (permissions, the disk): not known to be damaged."""


def _unreadable(path: Path, detail: object) -> Unreadable:
    words = QT_TRANSLATE_NOOP("Problems", "{path} cannot be read ({detail})")
    return Unreadable(Problem(words, {"path": str(path), "detail": str(detail)}))


def problem_of(path: Path) -> Problem | None:
    """None when ``path`` is a whole SQLite database with tables; else what is wrong,
    as the end of a sentence that starts with the file's name ("… is empty (0 bytes)";
    a translation words it to stand in brackets after a sentence of its own).

    Raises Unreadable when the file cannot be read, which is not damage. The
    check opens the file read-only (a write-ahead log left by a crash is read,
    not merged), so the file is left exactly as it was.
    """
    if path.is_dir():
        return Problem(QT_TRANSLATE_NOOP("Problems", "is a folder, not a file"))
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
    except OSError as error:
        raise _unreadable(path, error.strerror or error) from error
    if size == 0:
        return Problem(QT_TRANSLATE_NOOP("Problems", "is empty (0 bytes)"))
    if not header.startswith(HEADER):
        return Problem(
            QT_TRANSLATE_NOOP(
                "Problems", "is not a SQLite database (damaged, or another kind of file)"
            )
        )
    if len(header) < HEADER_SIZE:
        return Problem(QT_TRANSLATE_NOOP("Problems", "is cut short ({size} bytes)"), {"size": size})
    return _checked(path)


def damaged(detail: str) -> Problem:
    """ "is damaged (SQLite's words)"."""
    return Problem(QT_TRANSLATE_NOOP("Problems", "is damaged ({detail})"), {"detail": detail})


def _checked(path: Path) -> Problem | None:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise _unreadable(path, error) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            # Each row may hold newlines; the reason is shown on one line.
            return damaged(" ".join(" ".join(rows).split()))
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return damaged(str(error))
        raise _unreadable(path, error) from error
    finally:
        conn.close()
    if not tables:
        return Problem(QT_TRANSLATE_NOOP("Problems", "holds no Koe data (an empty database)"))
    return None
