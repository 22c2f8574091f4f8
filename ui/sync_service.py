"""Sync with the public host from the desktop app: on a thread of its own, every few minutes.

A sync talks to the network and may take a while (or wait for a timeout), so
it never runs on the GUI thread, nor on the database worker the pages share:
``SyncService`` owns one QThread whose runner does everything that may block
(the keyring, the network, the sync's writes through its own connection) and
reports back by signal. While a host and its key are set, it syncs every
``interval``, when asked (``sync_now``) and soon after a survey changed
(``sync_soon``), so that a new survey's link works on the host at once.

A host is connected (``connect_host``) only after Settings ▸ Public host has
checked it end to end (web.sync.check.check_host); connecting keeps its key
in the keyring and makes its address the public address every link is built
on, and disconnecting undoes both (storage.sync.connect_host).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from sqlite_utils import Database

from storage import settings as settings_store
from storage import sync as sync_store
from storage.workspace import Workspace
from ui.common.i18n import resolve_language
from web.sync.protocol import PROTOCOL_VERSION

if TYPE_CHECKING:
    from types import ModuleType

    from web.sync.errors import SyncError

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000
FIRST_SYNC_DELAY_MS = 3000
SOON_MS = 500  # after a survey changed: changes in a row make one sync


@dataclass(frozen=True)
class SyncView:
    """What the panel shows: the host, whether a key is kept, and the last sync's outcome."""

    host_url: str = ""
    has_key: bool = False
    keyring_ok: bool = True
    busy: bool = False
    last_attempt_at: str = ""
    last_success_at: str = ""
    last_error: str = ""
    last_error_kind: str = ""
    last_error_cause: str = ""
    last_result: dict[str, int] = field(default_factory=dict)
    host_protocol: str = ""
    host_alert_email: str = ""  # the host's email server for alerts: ready | none | locked
    app_protocol: str = PROTOCOL_VERSION
    message: str = ""  # the outcome of the last action in this session, if it failed
    problem: SyncError | None = None  # that failure, for the panel to word in its language

    @property
    def configured(self) -> bool:
        return bool(self.host_url and self.has_key)

    @property
    def last_failed(self) -> bool:
        """Whether the newest attempt ended in an error (not an older one since fixed)."""
        return bool(self.last_error_kind) and self.last_attempt_at >= self.last_success_at


class _Runner(QObject):
    """Lives on the sync thread: the keyring, the network and the sync's database work."""

    viewed = Signal(object)  # SyncView
    synced = Signal(object)  # list of survey ids with changes
    settings_saved = Signal(object)  # Settings: the public address changed with the host

    def __init__(self, workspace: Workspace, ca_file: Path | None) -> None:
        super().__init__()
        self._workspace = workspace
        self._ca_file = ca_file

    @property
    def client(self) -> ModuleType:
        """``web.sync.client``, loaded on this thread at its first use: it brings httpx,
        which the window does not need to show."""
        from web.sync import client as sync_client

        return sync_client

    def _view(self, **extra: object) -> SyncView:
        sync_client = self.client
        state = sync_store.load_state(self._workspace.db())
        keyring_ok = sync_client.keyring_usable()
        has_key = False
        if keyring_ok and state.host_url:
            try:
                has_key = bool(sync_client.load_key(state.host_url))
            except sync_client.SyncError:
                keyring_ok = False
        view = SyncView(
            host_url=state.host_url,
            has_key=has_key,
            keyring_ok=keyring_ok,
            last_attempt_at=state.last_attempt_at,
            last_success_at=state.last_success_at,
            last_error=state.last_error,
            last_error_kind=state.last_error_kind,
            last_error_cause=state.last_error_cause,
            last_result=dict(state.last_result),
            host_protocol=state.host_protocol,
            host_alert_email=state.host_alert_email,
        )
        return replace(view, **extra)  # type: ignore[arg-type]

    @Slot()
    def load(self) -> None:
        self.viewed.emit(self._view())

    @Slot(str, str)
    def connect_host(self, url: str, key: str) -> None:
        """Keep the key of a host that passed its check, make its address the public
        address, and sync at once (the first sync publishes every survey)."""
        sync_client = self.client
        db = self._workspace.db()
        previous = sync_store.load_state(db).host_url
        try:
            sync_client.store_key(url, key)
            if previous and previous != url:
                sync_client.forget_key(previous)
        except sync_client.SyncError as error:
            self.viewed.emit(self._view(message=str(error), problem=error))
            return
        _, settings = sync_store.connect_host(db, url)
        self.settings_saved.emit(settings)
        self._sync(db, url, key)
        self.viewed.emit(self._view())

    @Slot()
    def disconnect_host(self) -> None:
        """Stop syncing: forget the key and the host, and the public address it gave."""
        sync_client = self.client
        db = self._workspace.db()
        url = sync_store.load_state(db).host_url
        try:
            if url:
                sync_client.forget_key(url)
        except sync_client.SyncError as error:
            self.viewed.emit(self._view(message=str(error), problem=error))
            return
        _, settings = sync_store.disconnect_host(db)
        self.settings_saved.emit(settings)
        self.viewed.emit(self._view())

    @Slot()
    def sync(self) -> None:
        sync_client = self.client
        db = self._workspace.db()
        url = sync_store.load_state(db).host_url
        try:
            key = sync_client.load_key(url) if url else None
        except sync_client.SyncError as error:
            self.viewed.emit(self._view(message=str(error), problem=error))
            return
        if url and key:
            self._sync(db, url, key)
        self.viewed.emit(self._view())

    def _sync(self, db: Database, url: str, key: str) -> None:
        sync_client = self.client
        try:
            language = resolve_language(settings_store.load(db).language)
            report = sync_client.sync_workspace(
                db, url, key, language=language, ca_file=self._ca_file
            )
        except sync_client.SyncError:
            pass  # kept in the sync state as the last error; the view shows it
        except Exception:
            # A bug must not end the thread or the app; the log has the details.
            log.exception("sync failed")
            sync_store.save_state(
                db, last_error="Koe could not finish the sync (see the log).", last_error_kind="bug"
            )
        else:
            self.synced.emit(sorted(report.survey_ids))

    @Slot()
    def close_connection(self) -> None:
        self._workspace.close_thread_connection()


class SyncService(QObject):
    """The desktop's sync: state for the Settings panel, timer, and the thread that works.

    ``ca_file``, when given, is the only certificate authority trusted for the
    host (the tests' own); by default the system's and certifi's are.

    Signals:
        changed(object): the SyncView to show (after loading, connecting or syncing).
        busy_changed(bool): a sync, a connection or a disconnection runs on the sync thread.
        responses_pulled(int): a sync brought changes to the survey with this id.
        settings_saved(object): connecting or disconnecting changed the public address;
            carries the new Settings.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)
    responses_pulled = Signal(int)
    settings_saved = Signal(object)
    _load = Signal()
    _connect = Signal(str, str)
    _disconnect = Signal()
    _sync = Signal()
    _close = Signal()

    def __init__(
        self,
        workspace: Workspace,
        *,
        interval_ms: int = SYNC_INTERVAL_MS,
        ca_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = SyncView()
        self.ca_file = ca_file
        self._pending = 0
        self._thread = QThread()
        self._thread.setObjectName("koe-sync")
        self._runner = _Runner(workspace, ca_file)
        self._runner.moveToThread(self._thread)
        self._load.connect(self._runner.load)
        self._connect.connect(self._runner.connect_host)
        self._disconnect.connect(self._runner.disconnect_host)
        self._sync.connect(self._runner.sync)
        self._close.connect(self._runner.close_connection)
        self._runner.viewed.connect(self._on_viewed)
        self._runner.synced.connect(self._on_synced)
        self._runner.settings_saved.connect(self.settings_saved)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_if_configured)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.sync_if_configured)
        self._thread.start()
        self._post(self._load)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def start_timer(self, first_after_ms: int = FIRST_SYNC_DELAY_MS) -> None:
        """Sync every interval from now on, the first time after ``first_after_ms``."""
        self._timer.start()
        QTimer.singleShot(first_after_ms, self, self.sync_if_configured)

    def refresh(self) -> None:
        self._post(self._load)

    def connect_host(self, url: str, key: str) -> None:
        """Connect to the host at ``url`` (already checked): see _Runner.connect_host."""
        self._post(self._connect, url, key)

    def disconnect_host(self) -> None:
        self._post(self._disconnect)

    def sync_now(self) -> None:
        if not self.busy:
            self._post(self._sync)

    def sync_if_configured(self) -> None:
        if not self.view.configured:
            return
        if self.busy:
            self._soon.start()  # a sync is running: the change may be after its publish
            return
        self._post(self._sync)

    def sync_soon(self) -> None:
        """Sync in a moment, when a host is connected (a survey was created or changed)."""
        if self.view.configured:
            self._soon.start()

    def _post(self, signal: Signal, *args: object) -> None:  # type: ignore[type-arg]
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
            self.changed.emit(replace(self.view, busy=True, message=""))
        signal.emit(*args)

    def _on_viewed(self, view: SyncView) -> None:
        self._pending = max(0, self._pending - 1)
        self.view = replace(view, busy=self._pending > 0)
        if self._pending == 0:
            self.busy_changed.emit(False)
        self.changed.emit(self.view)

    def _on_synced(self, survey_ids: list[int]) -> None:
        for survey_id in survey_ids:
            self.responses_pulled.emit(int(survey_id))

    def stop(self) -> None:
        """Stop the timers, let a sync in progress end, close the thread's connection."""
        self._timer.stop()
        self._soon.stop()
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
