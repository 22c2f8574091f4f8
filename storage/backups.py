"""Copies of the workspace file: daily (the last seven kept), manual, and
before every migration or restore.

Copies are made with SQLite's online backup API, which gives a consistent
snapshot even while other connections write.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

SUFFIX = ".sqlite3"
DAILY_PREFIX = "daily-"
DAILY_KEPT = 7
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Backup:
    path: Path
    reason: str
    taken_at: datetime
    size: int


def take(
    db: Database, folder: Path, *, reason: str = "manual", now: datetime | None = None
) -> Path:
    """Write a consistent copy of ``db`` into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = f"{_SAFE.sub('-', reason)}-{moment}"
    target = folder / f"{stem}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stem}-{counter}{SUFFIX}"
    partial = target.with_suffix(".partial")
    destination = sqlite3.connect(str(partial))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    return target


def take_daily(db: Database, folder: Path, *, today: date | None = None) -> Path | None:
    """Take today's automatic backup unless there is one; keep the last seven."""
    day = today or date.today()
    prefix = f"{DAILY_PREFIX}{day:%Y%m%d}"
    if any(p.name.startswith(prefix) for p in folder.glob(f"{DAILY_PREFIX}*{SUFFIX}")):
        return None
    moment = datetime.combine(day, datetime.now().time())
    path = take(db, folder, reason="daily", now=moment)
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*{SUFFIX}"), key=lambda p: p.name)
    for old in dailies[:-DAILY_KEPT]:
        old.unlink()
    return path


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        match = re.match(r"(.+)-(\d{8}-\d{6})(?:-\d+)?$", path.stem)
        if not match:
            continue
        taken = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
        found.append(Backup(path, match.group(1), taken, path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def check_backup(path: Path) -> None:
    """Raise ValueError unless ``path`` is an intact SQLite file made by Koe."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            status = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise ValueError(f"{path.name} is not a readable Koe backup ({error}).") from error
    if status != "ok":
        raise ValueError(f"{path.name} is damaged ({status}).")
    if not {"surveys", "responses", "_sqlite_migrations"} <= tables:
        raise ValueError(f"{path.name} is not a Koe backup.")


def restore(db: Database, backup: Path, folder: Path) -> Path:
    """Replace the live database's contents with ``backup``.

    The current state is backed up first and that copy's path returned, so a
    restore can itself be undone.
    """
    check_backup(backup)
    safety = take(db, folder, reason="before-restore")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()
    return safety
