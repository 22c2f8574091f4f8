"""One desktop session around an open workspace: ``KoeApp``.

It owns the database worker, the shared context, the embedded survey site (and
its twin on the local network), the outbox's sender, the sync with a public host
and the daily backups; ``KoeApp.build_window()`` puts the main window over them.
Tests build it around a workspace without entering the event loop
(``KoeApp(workspace, port=0)``); ``ui.startup`` builds it once the workspace is open.

Only what the window needs to show is imported at the top of this module; the
rest is imported where it is used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui import sender_restart
from ui.main_window import MainWindow
from ui.survey_site import ResponseBridge, launch_site

# The rest is imported where it is used: the window shows before the database,
# the survey site (Starlette, uvicorn) and the sender (Twilio) are loaded.
if TYPE_CHECKING:
    from starlette.applications import Starlette

    from channels.outbox import Dispatcher, Timing
    from storage.backups import BackupOutcome
    from storage.settings import Settings
    from storage.workspace import Workspace
    from surveys.problems import Problem
    from ui.common.passphrase_dialog import PassphraseDialog
    from web.server import EmbeddedServer

log = logging.getLogger(__name__)

HOST = "127.0.0.1"


class KoeApp(QObject):
    """One desktop session around an open workspace (which the caller keeps and closes).

    Owns the database worker, the AppContext every page shares and the embedded
    survey site. ``port`` overrides the port setting until the user saves another
    (tests pass 0 for a free one). With the LAN setting on, the site also
    listens on ``lan_host()`` (this computer's network address; tests give
    127.0.0.1) at ``lan_port`` (default: the same port). It owns the sync with a
    public host too (``context.sync``); the start (``ui.startup``) starts its timer, and the daily
    backup's (``start_backups``: a look every ``backup_interval`` seconds on
    ``backup_clock``'s time; each outcome arrives as ``context.backups_checked``).
    ``ca_file`` is the only certificate authority trusted for the public host
    (tests; by default the system's are). ``settings``, when given, are the
    workspace's settings already read (off the GUI thread, by the opener).

    ``start_server`` and ``start_sender`` wait for what they start (tests);
    the start (``ui.startup``) starts both off the GUI thread (``start_server_in_background``,
    ``start_sender_in_background``) so that the window never waits for them.

    Signals:
        sender_restarted(bool, str): the sender was started off the GUI thread (at
            start, or again after saved message settings); whether a channel is
            sending, and an error text ("" when all went well).
    """

    sender_restarted = Signal(bool, str)
    _restart_again = Signal(object)
    _backup_checked = Signal(object, object)
    _site_launched = Signal()
    # How often the sender looks and retries (channels.lane.Timing); tests shorten it.
    sender_timing: Timing | None = None

    def __init__(
        self,
        workspace: Workspace,
        *,
        host: str = HOST,
        port: int | None = None,
        settings: Settings | None = None,
        lan_host: Callable[[], str | None] | None = None,
        lan_port: int | None = None,
        backup_clock: Callable[[], datetime] | None = None,
        backup_interval: float | None = None,
        ca_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        from storage.backup_schedule import CHECK_EVERY_SECONDS, BackupSchedule
        from storage.database import utc_now
        from ui.common.worker import DbWorker
        from ui.context import AppContext
        from ui.sync_service import SyncService
        from web.lan import lan_address

        super().__init__(parent)
        backup_clock = backup_clock or utc_now
        self.workspace = workspace
        self.worker = DbWorker(workspace)
        self.context = AppContext(workspace, self.worker, settings=settings)
        self.context.clock = backup_clock
        self._backup_checked.connect(
            self.context.backups_checked, Qt.ConnectionType.QueuedConnection
        )
        self.backups = BackupSchedule(
            workspace,
            clock=backup_clock,
            interval=CHECK_EVERY_SECONDS if backup_interval is None else backup_interval,
            report=self._report_backup,
        )
        from channels.digest import DigestSchedule
        from ui.common.i18n import resolve_language

        # The owners' weekly digest, looked at on the same clock as the backups.
        self.digests = DigestSchedule(
            workspace,
            lambda: resolve_language(self.context.settings.language),
            clock=backup_clock,
        )
        self.bridge = ResponseBridge()
        self.bridge.arrived.connect(
            self.context.responses_changed, Qt.ConnectionType.QueuedConnection
        )
        self.host = host
        self.port = self.context.settings.port if port is None else port
        self._settings_port = self.context.settings.port
        self.server: EmbeddedServer | None = None
        self.lan_server: EmbeddedServer | None = None
        self._lan_host = lan_host or lan_address
        self._lan_port = lan_port
        self._lan_enabled = self.context.settings.lan_enabled
        self._site: Starlette | None = None
        # The survey site started off the GUI thread: the thread, and what it started
        # (site, server or None, error) until the GUI thread takes it.
        self._site_thread: threading.Thread | None = None
        self._launched: tuple[Starlette, EmbeddedServer | None, Problem | None] | None = None
        self._site_launched.connect(self._take_launched_site, Qt.ConnectionType.QueuedConnection)
        self.window: MainWindow | None = None
        self.context.settings_changed.connect(self._on_settings_changed)
        self.sync = SyncService(workspace, ca_file=ca_file)
        self.context.sync = self.sync
        self.sender: Dispatcher | None = None
        self._sending = False  # start_sender was called: this app sends the outbox
        self._sender_lock = threading.Lock()
        self._restart: sender_restart.SenderRestart | None = None
        self._pending_restart: tuple[str | None] | None = None
        self.context.channels_saved.connect(self.restart_sender)
        self.context.secrets_unlocked.connect(self.restart_sender)
        self._restart_again.connect(self.restart_sender, Qt.ConnectionType.QueuedConnection)
        self.sync.responses_pulled.connect(self.context.responses_changed)
        self.sync.settings_saved.connect(self.context.adopt_settings)
        # A new or changed survey goes to the host at once: its link must work there.
        self.context.surveys_changed.connect(self.sync.sync_soon)

    def start_backups(self) -> None:
        """Look at once, then every hour, whether today's backup is due (its own thread);
        and every few minutes whether the owners' weekly digest is (channels.digest)."""
        self.backups.start()
        self.digests.start()

    def take_daily_backup(self) -> None:
        """Take today's backup now if due, on the worker (the schedule's thread does it
        by itself; this is for a caller that wants it before going on)."""
        schedule = self.backups

        def job(_db: object) -> BackupOutcome:
            return schedule.check()

        def failed(error: Exception) -> None:
            problem = getattr(error, "problem", None)
            self.context.backups_checked.emit(None, problem or str(error))

        self.worker.submit(
            job, lambda outcome: self.context.backups_checked.emit(outcome, None), failed
        )

    def _report_backup(self, outcome: BackupOutcome | None, error: Problem | None) -> None:
        # On the schedule's thread: only emit; the queued connection delivers it.
        self._backup_checked.emit(outcome, error)

    def start_sender(self) -> bool:
        """Send the outbox in the background when a channel is configured (channels.sender).

        One sender per workspace: this app holds the lock. The Send page reads the
        outbox's statuses from the database; ``self.sender.wake()`` sends at once.
        """
        self._sending = True
        self.sender = sender_restart.start_sender(
            self.workspace, store=self.context.secrets, timing=self.sender_timing
        )
        self.context.sender = self.sender
        self.context.sender_changed.emit()
        return self.sender is not None

    def start_sender_in_background(self) -> None:
        """As ``start_sender``, on a thread (it reads the settings and loads the channels'
        libraries); the outcome arrives as ``sender_restarted``."""
        self._sending = True
        self.restart_sender()

    def ask_for_passphrase(self, parent: QWidget | None = None) -> PassphraseDialog | None:
        """At start, with the encrypted secrets file locked: ask for its passphrase, as
        Settings promises ("Koe asks for it once each time it starts"). The dialog is
        window-modal and returned at once; "Later" leaves the channels that need a secret
        waiting, and the Send page offers "Unlock…". None when nothing is locked."""
        if not self.context.secrets_locked():
            return None
        from ui.common.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(self.context, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restart_sender(self, passphrase: str | None = None) -> None:
        """Restart the sender with the saved channel settings, without blocking the GUI.

        Called when the message settings are saved (``context.channels_saved``);
        ``passphrase`` opens the encrypted secrets file where there is no keyring.
        A save during a restart restarts again once that one is over. The outcome
        arrives as ``sender_restarted``.
        """
        if not self._sending:
            return
        with self._sender_lock:
            if self._restart is not None and self._restart.is_alive():
                self._pending_restart = (passphrase,)
                return
            old, self.sender = self.sender, None
            self.context.sender = None
            workspace, store, timing = self.workspace, self.context.secrets, self.sender_timing

            def start() -> Dispatcher | None:
                if store is None:  # the encrypted file, opened with this passphrase
                    return sender_restart.start_sender(
                        workspace, passphrase=passphrase, timing=timing
                    )
                return sender_restart.start_sender(workspace, store=store, timing=timing)

            self._restart = sender_restart.SenderRestart(old, start, self._restarted)
            self._restart.start()

    def _restarted(self, sender: Dispatcher | None, error: str) -> None:
        # On the restart thread: keep the new sender unless the app stopped meanwhile.
        with self._sender_lock:
            pending, self._pending_restart = self._pending_restart, None
            if not self._sending:
                if sender is not None:
                    sender.stop()
                return
            self.sender = sender
            self.context.sender = sender
        self.context.sender_changed.emit()
        if sender is not None:
            sender.wake()
        self.sender_restarted.emit(sender is not None, error)
        if pending is not None:
            self._restart_again.emit(pending[0])

    def stop_sender(self) -> None:
        with self._sender_lock:
            self._sending = False
            restart = self._restart
        if restart is not None:
            restart.join()
        with self._sender_lock:
            sender, self.sender = self.sender, None
            self.context.sender = None
        if sender is not None:
            sender.stop()

    def start_server(self) -> bool:
        """Start the survey site; on failure the app keeps running and says why."""
        return self._site_started(*self._launch_site())

    def start_server_in_background(self) -> None:
        """Start the survey site on a thread (loading the web stack takes a while); the
        status bar says it is starting meanwhile, and ``context.server_changed`` how it went."""

        def launch() -> None:
            self._launched = self._launch_site()
            self._site_launched.emit()

        self._site_thread = threading.Thread(target=launch, name="koe-site-start", daemon=True)
        self._site_thread.start()

    def _launch_site(self) -> tuple[Starlette, EmbeddedServer | None, Problem | None]:
        return launch_site(self.workspace, self.host, self.port, self.bridge.notify)

    def _take_launched_site(self) -> None:
        launched, self._launched = self._launched, None
        if launched is not None:  # else stop_server took it meanwhile
            self._site_started(*launched)

    def _site_started(
        self, app: Starlette, server: EmbeddedServer | None, error: Problem | None
    ) -> bool:
        self._site = app
        if server is None:
            log.warning("survey site did not start on port %s: %s", self.port, error)
            self.context.set_server_state("", error)
            return False
        self.server = server
        log.info("survey site running at %s", server.url)
        self.context.set_server_state(server.url, "")
        if self._lan_enabled:
            self.start_lan()
        return True

    def stop_server(self) -> None:
        self.stop_lan()
        if self._site_thread is not None:
            # A start still under way ends first; what it started is stopped here.
            self._site_thread.join()
            self._site_thread = None
            launched, self._launched = self._launched, None
            if launched is not None and launched[1] is not None:
                self.server = launched[1]
        server, self.server = self.server, None
        if server is not None:
            server.stop()

    def start_lan(self) -> bool:
        """Listen on the local network too (the same site), for a QR code on a counter."""
        if self._site is None or self.lan_server is not None:
            return False
        from web.server import EmbeddedServer, ServerError

        address = self._lan_host()
        if address is None:
            self.context.set_lan_state("", self.tr("This computer has no local network address."))
            return False
        port = self.port if self._lan_port is None else self._lan_port
        server = EmbeddedServer(self._site, address, port)
        try:
            server.start()
        except ServerError as error:
            log.warning("survey site did not start on %s:%s: %s", address, port, error)
            self.context.set_lan_state("", error.problem)
            return False
        self.lan_server = server
        log.info("survey site also on the local network at %s", server.url)
        self.context.set_lan_state(server.url, "")
        return True

    def stop_lan(self) -> None:
        server, self.lan_server = self.lan_server, None
        if server is not None:
            server.stop()
            self.context.set_lan_state("", "")

    def _on_settings_changed(self, settings: Settings) -> None:
        # A new port takes effect at once: the usual reason to change it is that
        # the old one was taken.
        if settings.port != self._settings_port:
            self._settings_port = settings.port
            self.port = settings.port
            self.stop_server()
            self.start_server()
        if settings.lan_enabled != self._lan_enabled:
            self._lan_enabled = settings.lan_enabled
            if settings.lan_enabled:
                self.start_lan()
            else:
                self.stop_lan()

    def build_window(self, window: MainWindow | None = None) -> MainWindow:
        """The main window over this session: ``window`` (shown while the workspace was
        opening, ``ui.startup``) or a new one."""
        self.window = window or MainWindow()
        # A new campaign's messages go at once rather than at the sender's next look
        # (the window's signals: its pages may be built again, in a new language).
        self.window.campaign_created.connect(self._wake_sender)
        # Its personal links' tokens go to the public host at once.
        self.window.campaign_created.connect(lambda _campaign_id=None: self.sync.sync_soon())
        self.window.messages_queued.connect(self._wake_sender)
        self.window.attach(self.context)
        return self.window

    def _wake_sender(self, _campaign_id: int | None = None) -> None:
        if self.sender is not None:
            self.sender.wake()

    def shutdown(self) -> None:
        """Stop the site, the sync, the backups and the worker; the caller then closes
        the workspace."""
        self.stop_server()
        self.stop_sender()
        self.sync.stop()
        self.backups.stop()
        self.digests.stop()
        if self.window is not None:
            self.window.close()
            self.window = None
        self.worker.stop()
