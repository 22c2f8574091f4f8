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
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

SUFFIX = ".sqlite3"
PARTIAL = ".partial"
DAILY_PREFIX = "daily-"
DAILY_KEPT = 7
# Settings warns when the newest backup is older than this.
STALE_AFTER = timedelta(days=2)
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_NAME = re.compile(r"(.+)-(\d{8}-\d{6})(?:-\d+)?$")


class BackupError(Explained):
    """A backup that could not be made or copied; its problem says why in plain words."""


class NotABackup(Explained, ValueError):
    """A file that cannot be restored: not an intact backup made by Koe."""


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
    copy_error: Problem | None = None


def _local(now: datetime | None) -> datetime:
    """``now`` (aware, or naive local) as this computer's naive local time."""
    if now is None:
        return datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def _no_room(folder: Path) -> BackupError:
    words = QT_TRANSLATE_NOOP(
        "Problems",
        "The disk is full: there is no room for a backup in {folder}. "
        "Free some space on that disk; nothing was changed.",
    )
    return BackupError(Problem(words, {"folder": str(folder)}))


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
        words = QT_TRANSLATE_NOOP("Problems", "Cannot make the backup folder {folder}: {detail}")
        raise BackupError(
            Problem(words, {"folder": str(folder), "detail": str(error.strerror or error)})
        ) from error
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
        words = QT_TRANSLATE_NOOP("Problems", "The backup into {folder} failed: {detail}")
        raise BackupError(Problem(words, {"folder": str(folder), "detail": str(error)})) from error
    return target


def take_checked(db: Database, folder: Path, *, reason: str, now: datetime | None = None) -> Path:
    """``take``, then check the copy: a copy of a damaged workspace is removed and
    BackupError raised, so it never counts as a good backup."""
    path = take(db, folder, reason=reason, now=now)
    try:
        check_backup(path)
    except NotABackup as problem:
        path.unlink(missing_ok=True)
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "The workspace file is damaged ({cause}); the copy just made was not kept, "
            "and the backups taken before are left as they are. Restore the newest of them "
            "(Settings ▸ Backups, or: main.py backups restore).",
        )
        raise BackupError(Problem(words, {"cause": problem.problem})) from None
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
        return BackupOutcome(path, None, error.problem)
    prune_dailies(second_folder)
    return BackupOutcome(path, copy)


def prune_dailies(folder: Path) -> None:
    """Keep the newest seven daily backups; manual and before-… copies are never pruned."""
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*{SUFFIX}"), key=lambda p: p.name)
    for old in dailies[:-DAILY_KEPT]:
        old.unlink(missing_ok=True)


def second_folder_problem(folder: Path) -> Problem | None:
    """Why backups cannot be copied into ``folder`` (None when they can).

    A missing folder is never created: on a USB disk that is not plugged in,
    it would be made on this computer's own disk, which is no second copy.
    """
    if not folder.is_dir():
        words = QT_TRANSLATE_NOOP(
            "Problems", "the folder {folder} is not there (is the disk plugged in?)"
        )
        return Problem(words, {"folder": str(folder)})
    if not os.access(folder, os.W_OK):
        return Problem(
            QT_TRANSLATE_NOOP("Problems", "Koe may not write in {folder}"), {"folder": str(folder)}
        )
    return None


def copy_to(backup: Path, folder: Path) -> Path:
    """Copy ``backup`` into ``folder`` (whole, or not at all); return the copy.

    Nothing is copied when a file of that name is already there.
    """
    problem = second_folder_problem(folder)
    if problem is not None:
        words = QT_TRANSLATE_NOOP("Problems", "The second copy was not made: {cause}.")
        raise BackupError(Problem(words, {"cause": problem}))
    target = folder / backup.name
    if target.exists():
        return target
    try:
        copy_file(backup, target)
    except OSError as error:
        if is_disk_full(error):
            words = QT_TRANSLATE_NOOP(
                "Problems", "The second copy was not made: the disk of {folder} is full."
            )
            raise BackupError(Problem(words, {"folder": str(folder)})) from error
        words = QT_TRANSLATE_NOOP("Problems", "The second copy was not made: {detail} ({folder}).")
        raise BackupError(
            Problem(words, {"detail": str(error.strerror or error), "folder": str(folder)})
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
        except NotABackup:
            continue
        return backup
    return None


def is_stale(newest: Backup | None, now: datetime) -> bool:
    """Whether the newest backup is older than STALE_AFTER (or there is none)."""
    return newest is None or now - newest.moment > STALE_AFTER


def check_backup(path: Path) -> None:
    """Raise NotABackup (a ValueError) unless ``path`` is an intact SQLite file made by Koe."""
    try:
        problem = problem_of(path)
    except Unreadable as error:
        words = QT_TRANSLATE_NOOP("Problems", "{name} is not a readable Koe backup ({cause}).")
        raise NotABackup(Problem(words, {"name": path.name, "cause": error.problem})) from error
    if problem:
        words = QT_TRANSLATE_NOOP("Problems", "{name} is not a readable Koe backup: it {cause}.")
        raise NotABackup(Problem(words, {"name": path.name, "cause": problem}))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    if not {"surveys", "responses", "_sqlite_migrations"} <= tables:
        words = QT_TRANSLATE_NOOP("Problems", "{name} is not a Koe backup.")
        raise NotABackup(Problem(words, {"name": path.name}))


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
