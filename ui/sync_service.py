"""Sync with the public host from the desktop app: on a thread of its own, every few minutes.

A sync talks to the network and may take a while (or wait for a timeout), so
it never runs on the GUI thread, nor on the database worker the pages share:
``SyncService`` owns one QThread whose runner does everything that may block
(the keyring, the network, the sync's writes through its own connection) and
reports back by signal. While a host and its key are set, it syncs every
``interval`` and when asked (``sync_now``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from storage import settings as settings_store
from storage import sync as sync_store
from storage.workspace import Workspace
from ui.i18n import resolve_language
from web import sync_client
from web.sync_client import SyncError
from web.sync_protocol import PROTOCOL_VERSION

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000
FIRST_SYNC_DELAY_MS = 3000


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
    last_result: dict[str, int] = field(default_factory=dict)
    host_protocol: str = ""
    host_alert_email: str = ""  # the host's email server for alerts: ready | none | locked
    app_protocol: str = PROTOCOL_VERSION
    message: str = ""  # the outcome of the last action in this session, if it failed

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

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._workspace = workspace

    def _view(self, **extra: object) -> SyncView:
        state = sync_store.load_state(self._workspace.db())
        keyring_ok = sync_client.keyring_usable()
        has_key = False
        if keyring_ok and state.host_url:
            try:
                has_key = bool(sync_client.load_key(state.host_url))
            except SyncError:
                keyring_ok = False
        view = SyncView(
            host_url=state.host_url,
            has_key=has_key,
            keyring_ok=keyring_ok,
            last_attempt_at=state.last_attempt_at,
            last_success_at=state.last_success_at,
            last_error=state.last_error,
            last_error_kind=state.last_error_kind,
            last_result=dict(state.last_result),
            host_protocol=state.host_protocol,
            host_alert_email=state.host_alert_email,
        )
        return replace(view, **extra)  # type: ignore[arg-type]

    @Slot()
    def load(self) -> None:
        self.viewed.emit(self._view())

    @Slot(str, object)
    def save(self, url: str, key: object) -> None:
        """Store the host's address, and the key when one was typed (None keeps it)."""
        try:
            url = sync_client.normalize_host_url(url) if url.strip() else ""
            if url and isinstance(key, str) and key.strip():
                sync_client.store_key(url, key)
            sync_store.set_host_url(self._workspace.db(), url)
        except SyncError as error:
            self.viewed.emit(self._view(message=str(error)))
            return
        self.viewed.emit(self._view())

    @Slot()
    def forget(self) -> None:
        """Stop syncing: forget the key and the host."""
        db = self._workspace.db()
        url = sync_store.load_state(db).host_url
        try:
            if url:
                sync_client.forget_key(url)
        except SyncError as error:
            self.viewed.emit(self._view(message=str(error)))
            return
        sync_store.set_host_url(db, "")
        self.viewed.emit(self._view())

    @Slot()
    def sync(self) -> None:
        db = self._workspace.db()
        url = sync_store.load_state(db).host_url
        try:
            key = sync_client.load_key(url) if url else None
        except SyncError as error:
            self.viewed.emit(self._view(message=str(error)))
            return
        if not url or not key:
            self.viewed.emit(self._view())
            return
        try:
            language = resolve_language(settings_store.load(db).language)
            report = sync_client.sync_workspace(db, url, key, language=language)
        except SyncError:
            pass  # kept in the sync state as the last error; the view shows it
        except Exception:
            # A bug must not end the thread or the app; the log has the details.
            log.exception("sync failed")
            sync_store.save_state(
                db, last_error="Koe could not finish the sync (see the log).", last_error_kind="bug"
            )
        else:
            self.synced.emit(sorted(report.survey_ids))
        self.viewed.emit(self._view())

    @Slot()
    def close_connection(self) -> None:
        self._workspace.close_thread_connection()


class SyncService(QObject):
    """The desktop's sync: state for the Settings panel, timer, and the thread that works.

    Signals:
        changed(object): the SyncView to show (after loading, saving or syncing).
        busy_changed(bool): a sync or a save runs on the sync thread.
        responses_pulled(int): a sync brought changes to the survey with this id.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)
    responses_pulled = Signal(int)
    _load = Signal()
    _save = Signal(str, object)
    _forget = Signal()
    _sync = Signal()
    _close = Signal()

    def __init__(
        self,
        workspace: Workspace,
        *,
        interval_ms: int = SYNC_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = SyncView()
        self._pending = 0
        self._thread = QThread()
        self._thread.setObjectName("koe-sync")
        self._runner = _Runner(workspace)
        self._runner.moveToThread(self._thread)
        self._load.connect(self._runner.load)
        self._save.connect(self._runner.save)
        self._forget.connect(self._runner.forget)
        self._sync.connect(self._runner.sync)
        self._close.connect(self._runner.close_connection)
        self._runner.viewed.connect(self._on_viewed)
        self._runner.synced.connect(self._on_synced)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_if_configured)
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

    def save(self, url: str, key: str | None) -> None:
        self._post(self._save, url, key)

    def forget(self) -> None:
        self._post(self._forget)

    def sync_now(self) -> None:
        if not self.busy:
            self._post(self._sync)

    def sync_if_configured(self) -> None:
        if self.view.configured and not self.busy:
            self._post(self._sync)

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
        """Stop the timer, let a sync in progress end, close the thread's connection."""
        self._timer.stop()
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
