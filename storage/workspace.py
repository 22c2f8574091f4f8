"""A workspace: the folder that holds one business's Koe data.

The folder holds ``koe.sqlite3`` (the single source of truth), ``koe.lock``
(held by the one process that writes: the desktop or ``serve``), ``backups/``
and ``logs/``. Opening a workspace for writing takes the lock, backs the file
up and applies any pending migrations; a file written by a newer Koe is
refused untouched.

Every open first checks the file (storage.integrity: SQLite's quick_check, read
only): a damaged, empty or cut-short file, or a folder in its place, is
refused untouched, with the newest good backup named and how to restore it
(``restore_backup``, the ``backups restore`` command). A new workspace is only
ever made where there is no file: it is built beside and renamed into place
when whole, so Koe never leaves an empty ``koe.sqlite3`` behind.

Over 400 lines because opening, locking, checking, migrating and backing up
the file are one sequence whose order keeps the data safe.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from storage import backups, comment_index, integrity
from storage import settings as settings_store
from storage import sync as sync_store
from storage.backups import Backup, BackupError, BackupOutcome
from storage.data_dir import resolve_data_dir
from storage.database import connect
from storage.group_commit import GroupCommit
from storage.schema import MIGRATION_SET, known_migrations, migrations
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

DB_NAME = "koe.sqlite3"
LOCK_NAME = "koe.lock"


class WorkspaceError(Explained):
    """A workspace that cannot be used; its problem says why in plain words."""


class WorkspaceLocked(WorkspaceError):
    pass


class WorkspaceTooNew(WorkspaceError):
    pass


class WorkspaceMissing(WorkspaceError):
    pass


def _quoted(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if any(ch.isspace() for ch in text) else text


class WorkspaceDamaged(WorkspaceError):
    """The workspace file cannot be used as it is (damaged, empty, cut short, a folder).

    ``damage`` ends a sentence that starts with the file's path
    (storage.integrity.problem_of); ``backup`` is the newest backup that passed
    its own check (None when there is none).
    """

    def __init__(self, path: Path, damage: Problem, backup: Backup | None) -> None:
        self.path, self.damage, self.backup = path, damage, backup
        super().__init__(self.sentence())

    def sentence(self) -> Problem:
        values: dict[str, str | int | Problem] = {
            "path": str(self.path),
            "damage": self.damage,
            "data_dir": _quoted(self.path.parent),
        }
        if self.backup is not None:
            words = QT_TRANSLATE_NOOP(
                "Problems",
                "{path} {damage}, so Koe left it as it is; the newest good backup is {backup} "
                "(taken {taken}): restore it with `main.py backups restore --data-dir "
                "{data_dir}` while Koe is closed.",
            )
            values["backup"] = str(self.backup.path)
            values["taken"] = f"{self.backup.taken_at:%Y-%m-%d %H:%M}"
            return Problem(words, values)
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "{path} {damage}, so Koe left it as it is; there is no good backup in {folder}: "
            "to put a copy you keep elsewhere in its place, run `main.py backups restore "
            "--data-dir {data_dir} FILE` while Koe is closed.",
        )
        values["folder"] = str(self.path.parent / "backups")
        return Problem(words, values)


@dataclass(frozen=True)
class Restored:
    """A restore: the backup put in place, and where the file it replaced is kept
    (a before-restore backup, or the damaged file set aside)."""

    backup: Path
    kept: Path | None


class Workspace:
    """An open workspace. Use ``Workspace.open`` (writer) or ``open_read_only``.

    ``db()`` gives the calling thread its own connection: a sqlite3 connection
    belongs to the thread that made it.
    """

    def __init__(self, folder: Path, lock: FileLock | None, read_only: bool) -> None:
        self.folder = folder
        self._lock = lock
        self.read_only = read_only
        self._local = threading.local()
        self._connections: list[Database] = []
        self._connections_guard = threading.Lock()
        # One daily backup at a time, whoever asks (the schedule, Settings).
        self._daily_guard = threading.Lock()
        self._writer: GroupCommit | None = None

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def backup_dir(self) -> Path:
        return self.folder / "backups"

    @property
    def log_dir(self) -> Path:
        return self.folder / "logs"

    @classmethod
    def open(cls, folder: Path, *, lock_timeout: float = 0) -> Workspace:
        """Open for writing: create the folder if need be, lock, back up, migrate."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            words = QT_TRANSLATE_NOOP(
                "Problems", "Cannot create the workspace folder {folder}: {detail}"
            )
            raise WorkspaceError(
                Problem(words, {"folder": str(folder), "detail": str(error)})
            ) from error
        # The lock belongs to the process: the desktop opens the workspace on a
        # thread and closes it on another (filelock's default is per thread).
        lock = FileLock(str(folder / LOCK_NAME), thread_local=False)
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout:
            words = QT_TRANSLATE_NOOP(
                "Problems",
                "Another Koe is already using the workspace in {folder}. "
                "Close it first (only one app or server may write to a workspace).",
            )
            raise WorkspaceLocked(Problem(words, {"folder": str(folder)})) from None
        try:
            _open_file(folder)
        except BaseException:
            lock.release()
            raise
        return cls(folder, lock, read_only=False)

    @classmethod
    def open_read_only(cls, folder: Path) -> Workspace:
        """Open beside a running writer, without the lock, for reading only."""
        folder = Path(folder)
        path = folder / DB_NAME
        if not os.path.lexists(path):
            words = QT_TRANSLATE_NOOP("Problems", "There is no Koe workspace in {folder}.")
            raise WorkspaceMissing(Problem(words, {"folder": str(folder)}))
        _check(path)
        workspace = cls(folder, None, read_only=True)
        try:
            _refuse_if_newer(workspace.db())
            _refuse_if_foreign(workspace.db(), path)
        except BaseException:
            workspace.close()
            raise
        return workspace

    def db(self) -> Database:
        """This thread's connection, made on first use."""
        existing = getattr(self._local, "db", None)
        if existing is not None:
            return existing
        db = connect(self.db_path, read_only=self.read_only)
        self._local.db = db
        with self._connections_guard:
            self._connections.append(db)
        return db

    def writer(self) -> GroupCommit:
        """The one writer the respondent site's answers go through (storage.group_commit)."""
        with self._connections_guard:
            if self._writer is None:
                self._writer = GroupCommit(self.db_path, idle=comment_index.keep_up)
            return self._writer

    def close_thread_connection(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            self._local.db = None
            with self._connections_guard:
                self._connections.remove(db)
            db.close()

    def close(self) -> None:
        """Close every connection and release the lock.

        Connections made by other threads are closed too; call it once they
        have stopped.
        """
        with self._connections_guard:
            connections, self._connections = self._connections, []
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()  # the writes queued are finished first
        for db in connections:
            # A connection of a thread that has died may refuse; closing is best effort.
            with contextlib.suppress(Exception):
                db.close()
        self._local = threading.local()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def second_backup_folder(self) -> Path | None:
        """The optional second folder each daily and manual backup is copied to."""
        folder = settings_store.load(self.db()).backup_second_folder
        return Path(folder).expanduser() if folder else None

    def back_up_now(self) -> Path:
        """A manual backup (see ``manual_backup``); returns its path."""
        path = self.manual_backup().path
        assert path is not None
        return path

    def manual_backup(self) -> BackupOutcome:
        """A manual backup, checked, and copied to the second folder when one is set."""
        path = backups.take_checked(self.db(), self.backup_dir, reason="manual")
        second = self.second_backup_folder()
        if second is None:
            return BackupOutcome(path)
        try:
            return BackupOutcome(path, backups.copy_to(path, second))
        except BackupError as error:
            return BackupOutcome(path, None, error.problem)

    def take_daily_backup(self, now: datetime | None = None) -> BackupOutcome:
        """Today's automatic backup unless there is one (``now``: aware, or local)."""
        with self._daily_guard:
            return backups.take_daily(
                self.db(), self.backup_dir, now=now, second_folder=self.second_backup_folder()
            )

    def restore(self, backup: Path) -> Path:
        """Restore ``backup`` into the live file; returns the copy taken first.

        A backup from an older Koe is migrated after it is restored; one from a
        newer Koe is refused. The restored workspace gets a new id: its change
        numbers went back, so a desktop that synced with it (this workspace as
        a public host) must publish and pull everything again rather than
        resume after changes the restored file numbers anew.
        """
        backups.check_backup(backup)
        candidate = connect(backup, read_only=True)
        try:
            _refuse_if_newer(candidate)
        finally:
            candidate.close()
        db = self.db()
        safety = backups.restore(db, backup, self.backup_dir)
        migrations.apply(db)
        sync_store.new_instance_id(db)
        return safety

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _applied(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def _refuse_if_newer(db: Database) -> None:
    unknown = [name for name in _applied(db) if name not in known_migrations()]
    if unknown:
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "This workspace was saved by a newer version of Koe (it has changes {changes} "
            "this version does not know). Update Koe to open it; the file has not been changed.",
        )
        raise WorkspaceTooNew(Problem(words, {"changes": ", ".join(unknown)}))


def _refuse_if_foreign(db: Database, path: Path) -> None:
    if not _applied(db) and db.table_names():
        words = QT_TRANSLATE_NOOP(
            "Problems", "{path} holds tables Koe did not make; it has not been changed."
        )
        raise WorkspaceError(Problem(words, {"path": str(path)}))


def _damaged(path: Path, damage: Problem) -> WorkspaceDamaged:
    return WorkspaceDamaged(path, damage, backups.newest_good([path.parent / "backups"]))


_UNCHANGED = QT_TRANSLATE_NOOP("Problems", "{cause}; it has not been changed.")


def _check(path: Path) -> None:
    """Refuse ``path`` unless it is a whole database (read only: it is not changed)."""
    try:
        problem = integrity.problem_of(path)
    except integrity.Unreadable as error:
        raise WorkspaceError(Problem(_UNCHANGED, {"cause": error.problem})) from error
    if problem:
        raise _damaged(path, problem)


def _failed(path: Path, error: sqlite3.Error | OSError) -> WorkspaceError:
    """What to tell the user when SQLite or the disk refused: a full disk is not damage."""
    if integrity.is_disk_full(error):
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "The disk is full: Koe cannot write to {path}. Free some space on that disk "
            "and try again; nothing was lost.",
        )
        return WorkspaceError(Problem(words, {"path": str(path)}))
    if isinstance(error, sqlite3.Error) and integrity.is_damage(error):
        return _damaged(path, integrity.damaged(str(error)))
    words = QT_TRANSLATE_NOOP(
        "Problems", "{path} cannot be used ({detail}); it has not been changed."
    )
    return WorkspaceError(Problem(words, {"path": str(path), "detail": str(error)}))


def _open_file(folder: Path) -> None:
    """Check and migrate the workspace file, or make a new one where there is none."""
    path = folder / DB_NAME
    if not os.path.lexists(path):
        _create(path)
        return
    _check(path)
    try:
        _migrate_file(folder, path)
    except (sqlite3.Error, OSError) as error:
        raise _failed(path, error) from error
    except BackupError as error:
        words = QT_TRANSLATE_NOOP("Problems", "{cause} Koe has not updated the workspace.")
        raise WorkspaceError(Problem(words, {"cause": error.problem})) from error


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]


def _create(path: Path) -> None:
    """A new, migrated workspace file, built beside and renamed into place when whole."""
    building = path.with_name(path.name + ".new")
    for leftover in (building, *_sidecars(building)):
        leftover.unlink(missing_ok=True)  # an earlier attempt that did not finish
    try:
        db = connect(building)
        try:
            migrations.apply(db)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        for sidecar in _sidecars(building):
            sidecar.unlink(missing_ok=True)
        building.replace(path)
    except (sqlite3.Error, OSError) as error:
        for leftover in (building, *_sidecars(building)):
            leftover.unlink(missing_ok=True)
        raise _failed(path, error) from error


def _migrate_file(folder: Path, path: Path) -> None:
    db = connect(path)
    try:
        _refuse_if_newer(db)
        _refuse_if_foreign(db, path)
        pending = migrations.pending(db)
        if not pending:
            return
        # The customer's only copy: keep the file as it was before changing its schema.
        names = _applied(db)
        label = names[-1] if names else "unversioned"
        backups.take(db, folder / "backups", reason=f"before-migration-{label}")
        migrations.apply(db)
    finally:
        db.close()


def restore_backup(folder: Path, backup: Path | None = None) -> Restored:
    """Put ``backup`` (default: the newest good one) in place of the workspace file.

    A whole workspace is restored as Settings ▸ Backups does (after a backup of
    its present state); a damaged, empty or missing one is set aside as
    ``koe.sqlite3.damaged-<when>`` (never deleted) and the backup copied in.
    The workspace is then opened once, which migrates an older backup, and
    given a new sync identity (as ``Workspace.restore`` does).
    """
    folder = Path(folder)
    if backup is None:
        newest = backups.newest_good([folder / "backups"])
        if newest is None:
            words = QT_TRANSLATE_NOOP("Problems", "There is no good backup in {folder} to restore.")
            raise WorkspaceError(Problem(words, {"folder": str(folder / "backups")}))
        backup = newest.path
    try:
        backups.check_backup(backup)
    except backups.NotABackup as error:
        raise WorkspaceError(error.problem) from None
    candidate = connect(backup, read_only=True)
    try:
        _refuse_if_newer(candidate)
    finally:
        candidate.close()
    try:
        with Workspace.open(folder) as workspace:
            return Restored(backup, workspace.restore(backup))
    except WorkspaceDamaged:
        pass
    kept = _replace_damaged(folder, backup)
    with Workspace.open(folder) as workspace:
        # As Workspace.restore: the change numbers went back, so a new identity.
        sync_store.new_instance_id(workspace.db())
    return Restored(backup, kept)


def _replace_damaged(folder: Path, backup: Path) -> Path | None:
    """Under the lock: set the unusable file aside (with its journals) and copy ``backup`` in."""
    lock = FileLock(str(folder / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        words = QT_TRANSLATE_NOOP(
            "Problems", "Another Koe is using the workspace in {folder}; close it, then restore."
        )
        raise WorkspaceLocked(Problem(words, {"folder": str(folder)})) from None
    try:
        path = folder / DB_NAME
        # The backup is copied in full first: if that fails, nothing has moved.
        incoming = path.with_name(path.name + ".restoring")
        try:
            backups.copy_file(backup, incoming)
        except OSError as error:
            raise _failed(path, error) from error
        kept = None
        if os.path.lexists(path):
            kept = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
            path.rename(kept)
            for sidecar in _sidecars(path):
                if sidecar.exists():
                    sidecar.rename(kept.with_name(kept.name + sidecar.name[len(path.name) :]))
        incoming.replace(path)
        return kept
    finally:
        lock.release()


__all__ = [
    "MIGRATION_SET",
    "Restored",
    "Workspace",
    "WorkspaceDamaged",
    "WorkspaceError",
    "WorkspaceLocked",
    "WorkspaceMissing",
    "WorkspaceTooNew",
    "resolve_data_dir",
    "restore_backup",
]
