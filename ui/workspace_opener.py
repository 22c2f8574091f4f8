"""Opening the workspace off the GUI thread, so that the window shows first.

Opening a workspace takes the lock, checks the file, backs it up and applies
pending migrations (``storage.workspace.Workspace.open``): disk work that
must not keep the window from showing, nor freeze it. ``WorkspaceOpener``
does it on a thread of its own, reads there what the session needs before its
first page (the settings, whether the set-up assistant is due), and hands the
outcome to the GUI thread by signal. The GUI thread touches the database
only after that, through the session it then builds.

This module imports neither ``storage`` nor ``sqlite_utils`` at its top: the
thread does, while the window paints.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from storage.settings import Settings
    from storage.workspace import Workspace, WorkspaceDamaged

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedWorkspace:
    """A workspace open for writing, with what was read from it on the opener's thread."""

    workspace: Workspace
    settings: Settings
    setup_due: bool  # an empty workspace that never saw the set-up assistant


@dataclass(frozen=True)
class _Restorable:
    """A damaged workspace file with a good backup to offer."""

    error: WorkspaceDamaged


class WorkspaceOpener(QObject):
    """Opens the workspace in ``folder`` on a thread; the outcome arrives on the GUI thread.

    ``prefetch`` names modules the session needs next (its services, the first
    page), ``prefetch_setup`` those it needs too when the set-up assistant is
    due: the thread imports them after reading, so that the GUI thread only
    builds widgets when the workspace arrives (Python work there would freeze
    the window meanwhile).

    ``start()`` opens it; ``restore(backup)`` puts a good backup in place of a
    damaged file and opens the result (once the owner agreed). ``wait()``
    joins the thread at shutdown and closes a workspace that was opened but
    not yet delivered, so that its lock is never left held.

    Signals:
        opened(object): an ``OpenedWorkspace``; the receiver owns (and closes) it.
        damaged(object): ``storage.workspace.WorkspaceDamaged`` naming a good backup:
            ask the owner whether to restore it.
        failed(object): the workspace cannot be opened; the exception that says why
            (``ui.common.problem_words.error_text`` puts it in plain words).
    """

    opened = Signal(object)
    damaged = Signal(object)
    failed = Signal(object)
    _done = Signal()

    def __init__(
        self,
        folder: Path,
        prefetch: tuple[str, ...] = (),
        prefetch_setup: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.prefetch = prefetch
        self.prefetch_setup = prefetch_setup
        self._thread: threading.Thread | None = None
        self._keyring: threading.Thread | None = None
        self._outcome: object = None
        # Emitted on the opener's thread, delivered on this object's (the GUI) thread.
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        # The session asks at once whether the keyring is usable; the first look
        # imports and probes the system's backends (D-Bus on Linux): done beside
        # the opening, and awaited before the workspace is handed over.
        self._keyring = threading.Thread(target=_probe_keyring, name="koe-keyring", daemon=True)
        self._keyring.start()
        self._run(self._open)

    def restore(self, backup: Path) -> None:
        """Restore ``backup`` over the damaged file (which is kept), then open."""
        self._run(lambda: self._restore_and_open(backup))

    def wait(self) -> None:
        """Join the thread; close what it opened if that was not delivered."""
        if self._thread is not None:
            self._thread.join()
        outcome, self._outcome = self._outcome, None
        if isinstance(outcome, OpenedWorkspace):
            outcome.workspace.close()

    def _run(self, work: Callable[[], object]) -> None:
        def run() -> None:
            try:
                self._outcome = work()
            except Exception as error:  # said in plain words; the details go to the log
                log.exception("cannot open workspace %s", self.folder)
                self._outcome = error
            self._done.emit()

        self._thread = threading.Thread(target=run, name="koe-open-workspace", daemon=True)
        self._thread.start()

    def _open(self) -> object:
        from storage.workspace import Workspace, WorkspaceDamaged, WorkspaceError

        try:
            workspace = Workspace.open(self.folder)
        except WorkspaceDamaged as error:
            log.error("cannot open workspace %s: %s", self.folder, error)
            return _Restorable(error) if error.backup is not None else error
        except WorkspaceError as error:
            log.error("cannot open workspace %s: %s", self.folder, error)
            return error
        return self._read(workspace)

    def _restore_and_open(self, backup: Path) -> object:
        from storage.workspace import WorkspaceError, restore_backup

        try:
            restored = restore_backup(self.folder, backup)
        except WorkspaceError as error:
            return error
        log.warning("restored %s; the damaged file is kept as %s", restored.backup, restored.kept)
        return self._open()

    def _read(self, workspace: Workspace) -> OpenedWorkspace:
        from storage import first_run
        from storage import settings as settings_store

        try:
            db = workspace.db()
            opened = OpenedWorkspace(workspace, settings_store.load(db), first_run.is_due(db))
            workspace.close_thread_connection()  # a connection belongs to its thread
        except BaseException:
            workspace.close()
            raise
        for name in (*self.prefetch, *(self.prefetch_setup if opened.setup_due else ())):
            try:
                importlib.import_module(name)
            except Exception:  # the GUI thread's own import says what is wrong
                log.exception("could not load %s ahead", name)
        if self._keyring is not None:
            self._keyring.join()
        return opened

    def _deliver(self) -> None:
        outcome, self._outcome = self._outcome, None
        if isinstance(outcome, OpenedWorkspace):
            self.opened.emit(outcome)
        elif isinstance(outcome, _Restorable):
            self.damaged.emit(outcome.error)
        elif outcome is not None:
            self.failed.emit(outcome)


def _probe_keyring() -> None:
    from storage import secrets

    try:
        secrets.keyring_usable()
    except Exception:  # the session looks again and says what is wrong
        log.exception("the keyring could not be probed")
