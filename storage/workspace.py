"""A workspace: the folder that holds one business's Koe data.

The folder holds ``koe.sqlite3`` (the single source of truth), ``koe.lock``
(held by the one process that writes: the desktop or ``serve``), ``backups/``
and ``logs/``. Opening a workspace for writing takes the lock, backs the file
up and applies any pending migrations; a file written by a newer Koe is
refused untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout
from sqlite_utils import Database

from storage import backups
from storage import sync as sync_store
from storage.database import connect
from storage.schema import MIGRATION_SET, known_migrations, migrations

DB_NAME = "koe.sqlite3"
LOCK_NAME = "koe.lock"
ENV_DATA_DIR = "KOE_DATA_DIR"


class WorkspaceError(Exception):
    """A workspace that cannot be used; the message says why in plain words."""


class WorkspaceLocked(WorkspaceError):
    pass


class WorkspaceTooNew(WorkspaceError):
    pass


class WorkspaceMissing(WorkspaceError):
    pass


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $KOE_DATA_DIR, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_data_dir("Koe", appauthor=False))


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
            raise WorkspaceError(f"Cannot create the workspace folder {folder}: {error}") from error
        lock = FileLock(str(folder / LOCK_NAME))
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout:
            raise WorkspaceLocked(
                f"Another Koe is already using the workspace in {folder}. "
                "Close it first (only one app or server may write to a workspace)."
            ) from None
        try:
            _migrate(folder)
        except BaseException:
            lock.release()
            raise
        return cls(folder, lock, read_only=False)

    @classmethod
    def open_read_only(cls, folder: Path) -> Workspace:
        """Open beside a running writer, without the lock, for reading only."""
        folder = Path(folder)
        if not (folder / DB_NAME).exists():
            raise WorkspaceMissing(f"There is no Koe workspace in {folder}.")
        workspace = cls(folder, None, read_only=True)
        _refuse_if_newer(workspace.db())
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
        for db in connections:
            # A connection of a thread that has died may refuse; closing is best effort.
            with contextlib.suppress(Exception):
                db.close()
        self._local = threading.local()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def back_up_now(self) -> Path:
        return backups.take(self.db(), self.backup_dir, reason="manual")

    def take_daily_backup(self) -> Path | None:
        return backups.take_daily(self.db(), self.backup_dir)

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
        raise WorkspaceTooNew(
            "This workspace was saved by a newer version of Koe "
            f"(it has changes {', '.join(unknown)} this version does not know). "
            "Update Koe to open it; the file has not been changed."
        )


def _migrate(folder: Path) -> None:
    path = folder / DB_NAME
    existed = path.exists() and path.stat().st_size > 0
    try:
        _migrate_file(folder, path, existed)
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(
            f"{path} is damaged or is not a Koe workspace ({error}). "
            "It has not been changed; restore a backup from its backups folder."
        ) from error


def _migrate_file(folder: Path, path: Path, existed: bool) -> None:
    db = connect(path)
    try:
        if existed:
            _refuse_if_newer(db)
            if not _applied(db) and db.table_names():
                raise WorkspaceError(
                    f"{path} holds tables Koe did not make; it has not been changed."
                )
        pending = migrations.pending(db)
        if not pending:
            return
        if existed:
            # The customer's only copy: keep the file as it was before changing its schema.
            names = _applied(db)
            label = names[-1] if names else "unversioned"
            backups.take(db, folder / "backups", reason=f"before-migration-{label}")
        migrations.apply(db)
    finally:
        db.close()


__all__ = [
    "MIGRATION_SET",
    "Workspace",
    "WorkspaceError",
    "WorkspaceLocked",
    "WorkspaceMissing",
    "WorkspaceTooNew",
    "resolve_data_dir",
]
