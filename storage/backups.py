"""Copies of the workspace file: daily (the last seven kept), manual, and
before every migration or restore; daily and manual ones also go to an
optional second folder (a USB disk, or a folder a cloud drive syncs).

Copies are made with SQLite's online backup API, which gives a consistent
snapshot even while other connections write. A copy is written as
``.partial`` and renamed when whole, so a half-written file (a full disk, a
crash) is never mistaken for a backup; a failed copy leaves nothing behind.
A daily or manual copy is checked (``quick_check``) before it counts: a copy
of a damaged workspace is dropped, so it never pushes a good one out of the
seven kept.

File names carry the moment taken in this computer's local time
(``daily-20261203-094600.sqlite3``), readable in a file browser.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from storage.integrity import Unreadable, is_disk_full, problem_of

SUFFIX = ".sqlite3"
PARTIAL = ".partial"
DAILY_PREFIX = "daily-"
DAILY_KEPT = 7
# Settings warns when the newest backup is older than this.
STALE_AFTER = timedelta(days=2)
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_NAME = re.compile(r"(.+)-(\d{8}-\d{6})(?:-\d+)?$")


class BackupError(Exception):
    """A backup that could not be made or copied; the message says why in plain words."""


@dataclass(frozen=True)
class Backup:
    path: Path
    reason: str
    taken_at: datetime  # this computer's local time, as in the file name (naive)
    size: int

    @property
    def moment(self) -> datetime:
        """When it was taken, as an aware datetime (UTC)."""
        return self.taken_at.astimezone().astimezone(UTC)


@dataclass(frozen=True)
class BackupOutcome:
    """What a backup run did: the copy written (None: today's daily was there
    already), its copy in the second folder, and why that copy failed ("" when
    it worked or no second folder is set)."""

    path: Path | None
    copy: Path | None = None
    copy_error: str = ""


def _local(now: datetime | None) -> datetime:
    """``now`` (aware, or naive local) as this computer's naive local time."""
    if now is None:
        return datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def _no_room(folder: Path) -> BackupError:
    return BackupError(
        f"The disk is full: there is no room for a backup in {folder}. "
        "Free some space on that disk; nothing was changed."
    )


def take(
    db: Database, folder: Path, *, reason: str = "manual", now: datetime | None = None
) -> Path:
    """Write a consistent copy of ``db`` into ``folder`` and return its path.

    Raises BackupError (a full disk said as such) and leaves no partial file.
    """
    moment = _local(now).strftime("%Y%m%d-%H%M%S")
    stem = f"{_SAFE.sub('-', reason)}-{moment}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if is_disk_full(error):
            raise _no_room(folder) from error
        raise BackupError(f"Cannot make the backup folder {folder}: {error.strerror}") from error
    target = folder / f"{stem}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stem}-{counter}{SUFFIX}"
    partial = target.with_suffix(PARTIAL)
    try:
        destination = sqlite3.connect(str(partial))
        try:
            db.conn.backup(destination)
            # A copy is one self-contained file: without WAL, reading it (a check,
            # a restore) leaves no -wal and -shm files beside it.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        if is_disk_full(error):
            raise _no_room(folder) from error
        raise BackupError(f"The backup into {folder} failed: {error}") from error
    return target


def take_checked(db: Database, folder: Path, *, reason: str, now: datetime | None = None) -> Path:
    """``take``, then check the copy: a copy of a damaged workspace is removed and
    BackupError raised, so it never counts as a good backup."""
    path = take(db, folder, reason=reason, now=now)
    try:
        check_backup(path)
    except ValueError as problem:
        path.unlink(missing_ok=True)
        raise BackupError(
            f"The workspace file is damaged ({problem}); the copy just made was not kept, "
            "and the backups taken before are left as they are. Restore the newest of them "
            "(Settings ▸ Backups, or: main.py backups restore)."
        ) from None
    return path


def take_daily(
    db: Database,
    folder: Path,
    *,
    now: datetime | None = None,
    second_folder: Path | None = None,
) -> BackupOutcome:
    """Take today's automatic backup unless there is one; keep the last seven.

    With ``second_folder``, today's backup is copied there too (also when it was
    taken earlier and the folder was not reachable then, e.g. a USB disk plugged
    in later); its dailies are pruned to seven as well.
    """
    local = _local(now)
    prefix = f"{DAILY_PREFIX}{local:%Y%m%d}"
    existing = sorted(p for p in folder.glob(f"{prefix}*{SUFFIX}"))
    path = None
    if existing:
        todays = existing[-1]
    else:
        path = todays = take_checked(db, folder, reason="daily", now=local)
        prune_dailies(folder)
    if second_folder is None:
        return BackupOutcome(path)
    try:
        copy = copy_to(todays, second_folder)
    except BackupError as error:
        return BackupOutcome(path, None, str(error))
    prune_dailies(second_folder)
    return BackupOutcome(path, copy)


def prune_dailies(folder: Path) -> None:
    """Keep the newest seven daily backups; manual and before-… copies are never pruned."""
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*{SUFFIX}"), key=lambda p: p.name)
    for old in dailies[:-DAILY_KEPT]:
        old.unlink(missing_ok=True)


def second_folder_problem(folder: Path) -> str:
    """Why backups cannot be copied into ``folder`` ("" when they can).

    A missing folder is never created: on a USB disk that is not plugged in,
    it would be made on this computer's own disk, which is no second copy.
    """
    if not folder.is_dir():
        return f"the folder {folder} is not there (is the disk plugged in?)"
    if not os.access(folder, os.W_OK):
        return f"Koe may not write in {folder}"
    return ""


def copy_to(backup: Path, folder: Path) -> Path:
    """Copy ``backup`` into ``folder`` (whole, or not at all); return the copy.

    Nothing is copied when a file of that name is already there.
    """
    problem = second_folder_problem(folder)
    if problem:
        raise BackupError(f"The second copy was not made: {problem}.")
    target = folder / backup.name
    if target.exists():
        return target
    try:
        copy_file(backup, target)
    except OSError as error:
        if is_disk_full(error):
            raise BackupError(
                f"The second copy was not made: the disk of {folder} is full."
            ) from error
        raise BackupError(
            f"The second copy was not made: {error.strerror or error} ({folder})."
        ) from error
    return target


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole, or not at all (through ``.partial``, synced)."""
    partial = target.with_name(target.name + PARTIAL)
    try:
        with source.open("rb") as reading, partial.open("wb") as out:
            shutil.copyfileobj(reading, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        match = _NAME.match(path.stem)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
        found.append(Backup(path, match.group(1), taken, path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good(folders: list[Path]) -> Backup | None:
    """The newest backup in ``folders`` that is an intact Koe file (each candidate checked)."""
    candidates = [b for folder in folders for b in list_backups(folder)]
    for backup in sorted(candidates, key=lambda b: (b.taken_at, b.path.name), reverse=True):
        try:
            check_backup(backup.path)
        except ValueError:
            continue
        return backup
    return None


def is_stale(newest: Backup | None, now: datetime) -> bool:
    """Whether the newest backup is older than STALE_AFTER (or there is none)."""
    return newest is None or now - newest.moment > STALE_AFTER


def check_backup(path: Path) -> None:
    """Raise ValueError unless ``path`` is an intact SQLite file made by Koe."""
    try:
        problem = problem_of(path)
    except Unreadable as error:
        raise ValueError(f"{path.name} is not a readable Koe backup ({error}).") from error
    if problem:
        raise ValueError(f"{path.name} is not a readable Koe backup: it {problem}.")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
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
