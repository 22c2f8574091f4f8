"""Starting and stopping the desktop app.

``run()`` is what ``python main.py`` calls: it shows the window at once and
opens the workspace off the GUI thread (``Startup``, ``ui.workspace_opener``;
docs/start.md). It is split so that tests can build the same window around a
workspace without entering the event loop: ``KoeApp(workspace, port=0)`` owns
the worker, the shared context and the embedded survey site;
``KoeApp.build_window()`` makes the main window.

Only what the window needs to show is imported at the top of this module; the
rest is imported where it is used.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.common.collector import GuiThreadCollector
from ui.common.i18n import install_translator
from ui.common.icons import app_icon
from ui.main_window import PAGES, MainWindow
from ui.workspace_opener import OpenedWorkspace, WorkspaceOpener

# The rest is imported where it is used: the window shows before the database,
# the survey site (Starlette, uvicorn) and the sender (Twilio) are loaded.
if TYPE_CHECKING:
    from starlette.applications import Starlette

    from channels.outbox import Dispatcher, Timing
    from storage.backups import BackupOutcome
    from storage.settings import Settings
    from storage.workspace import Workspace, WorkspaceDamaged
    from surveys.problems import Problem
    from ui.common.passphrase_dialog import PassphraseDialog
    from web.server import EmbeddedServer

log = logging.getLogger(__name__)

HOST = "127.0.0.1"


def start_sender(workspace: Workspace, **options: Any) -> Dispatcher | None:
    """``channels.sender.start_sender``, loaded when first called (it brings in Twilio)."""
    from channels.sender import start_sender as start

    return start(workspace, **options)


class ResponseBridge(QObject):
    """Carries the web server's ``on_response(survey_id)`` calls to the GUI thread.

    ``notify`` is called on a server thread; it only emits, and the queued
    connection delivers the id on the GUI thread. No widget is touched there.

    Signals:
        arrived(int): a response was stored for this survey id.
    """

    arrived = Signal(int)

    def notify(self, survey_id: int) -> None:
        self.arrived.emit(int(survey_id))


class SenderRestart(threading.Thread):
    """Stops the old sender and starts one with the saved settings, off the GUI thread.

    ``Dispatcher.stop()`` can wait up to 10 s for a send in flight, so this never
    runs on the GUI thread; ``done(sender, error)`` is called on this thread.
    """

    def __init__(
        self,
        old: Dispatcher | None,
        start: Callable[[], Dispatcher | None],
        done: Callable[[Dispatcher | None, str], None],
    ) -> None:
        super().__init__(name="koe-sender-restart", daemon=True)
        self._old, self._start, self._done = old, start, done

    def run(self) -> None:
        sender: Dispatcher | None = None
        error = ""
        try:
            if self._old is not None:
                self._old.stop()
            sender = self._start()
        except Exception as problem:  # reported by signal, never lost
            log.exception("the sender did not restart")
            error = str(problem) or type(problem).__name__
        self._done(sender, error)


class KoeApp(QObject):
    """One desktop session around an open workspace (which the caller keeps and closes).

    Owns the database worker, the AppContext every page shares and the embedded
    survey site. ``port`` overrides the port setting until the user saves another
    (tests pass 0 for a free one). With the LAN setting on, the site also
    listens on ``lan_host()`` (this computer's network address; tests give
    127.0.0.1) at ``lan_port`` (default: the same port). It owns the sync with a
    public host too (``context.sync``); ``run`` starts its timer, and the daily
    backup's (``start_backups``: a look every ``backup_interval`` seconds on
    ``backup_clock``'s time; each outcome arrives as ``context.backups_checked``).
    ``ca_file`` is the only certificate authority trusted for the public host
    (tests; by default the system's are). ``settings``, when given, are the
    workspace's settings already read (off the GUI thread, by the opener).

    ``start_server`` and ``start_sender`` wait for what they start (tests);
    ``run`` starts both off the GUI thread (``start_server_in_background``,
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
        self._restart: SenderRestart | None = None
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
        self.sender = start_sender(
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
                    return start_sender(workspace, passphrase=passphrase, timing=timing)
                return start_sender(workspace, store=store, timing=timing)

            self._restart = SenderRestart(old, start, self._restarted)
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
        """The site and its running server, or None and why it did not start (any thread)."""
        from web.app import create_app
        from web.server import EmbeddedServer, ServerError

        app = create_app(self.workspace, on_response=self.bridge.notify)
        server = EmbeddedServer(app, self.host, self.port)
        try:
            server.start()
        except ServerError as error:
            return app, None, error.problem
        return app, server, None

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

    def offer_set_up(self) -> str:
        """On an empty workspace, the set-up assistant, before the window is built (so
        that the window speaks the language chosen in it); it returns when the owner
        finishes or skips. Returns the Settings section to show once the window is up
        ("" for none)."""
        from storage import first_run
        from ui.setup.assistant import SetUpAssistant

        if not first_run.is_due(self.workspace.db()):
            return ""
        assistant = SetUpAssistant(self.context, at_start=True)
        assistant.exec()
        section = assistant.next_section()
        assistant.deleteLater()
        return section

    def build_window(self, window: MainWindow | None = None) -> MainWindow:
        """The main window over this session: ``window`` (shown while the workspace was
        opening, ``run``) or a new one."""
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


class ErrorReporter(QObject):
    """Logs unexpected errors with their traceback and tells the user in plain words.

    Errors from other threads are logged there and shown on the GUI thread.

    Signals:
        reported(str): an unexpected error happened; carries its one-line summary.
    """

    reported = Signal(str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._box: QMessageBox | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("unexpected error", exc_info=(kind, error, tb))
        self.reported.emit(_summary(kind, error))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def message(self, summary: str) -> str:
        text = self.tr("Something unexpected went wrong: {error}").format(error=summary)
        if self.log_path is not None:
            text += "\n\n" + self.tr(
                "The details were written to {path}. If this keeps happening, send that file "
                "to whoever supports your Koe."
            ).format(path=self.log_path)
        return text

    def _show(self, summary: str) -> None:
        if self._box is not None and self._box.isVisible():
            return  # one box at a time, even if an error repeats in a loop
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, "Koe", self.message(summary), parent=parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "_box", None))
        self._box = box
        box.open()


def _summary(kind: type[BaseException], error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else kind.__name__


def startup_error_text(error: BaseException) -> str:
    """Why Koe cannot open, in the language of the system (the workspace's setting
    cannot be read)."""
    from ui.common.problem_words import error_text

    return QApplication.translate("KoeApp", "Koe cannot open: {reason}").format(
        reason=error_text(error)
    )


def show_startup_error(text: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, "Koe", text)


def restore_question(error: WorkspaceDamaged) -> QMessageBox:
    """The box that offers to restore the newest good backup over a damaged workspace."""
    assert error.backup is not None
    box = QMessageBox(QMessageBox.Icon.Warning, "Koe", "")
    box.setText(
        QApplication.translate(
            "KoeApp",
            "Koe cannot open your workspace: the file is damaged. Koe has left it as it is.",
        )
    )
    box.setInformativeText(
        QApplication.translate(
            "KoeApp",
            "The newest good backup was taken {when}. Restore it? The damaged file is kept "
            "beside it, renamed, so nothing is deleted.",
        ).format(when=error.backup.taken_at.strftime("%Y-%m-%d %H:%M"))
    )
    from ui.common.problem_words import error_text

    box.setDetailedText(error_text(error))
    box.addButton(
        QApplication.translate("KoeApp", "Restore backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QApplication.translate("KoeApp", "Quit"), QMessageBox.ButtonRole.RejectRole)
    return box


def confirm_restore(error: WorkspaceDamaged) -> bool:
    """Ask whether to restore the newest good backup; tests replace this function."""
    box = restore_question(error)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole


def _let_python_run() -> None:
    """Nothing: the call itself gives Python the chance to run a pending signal handler."""


def _quit_on_ctrl_c(window: QWidget) -> QTimer:
    """Ctrl+C in the terminal, or SIGTERM at logout, closes the window as Ctrl+Q does
    (a clean shutdown: server stopped, workspace closed).

    Python only runs signal handlers between bytecodes; the timer wakes it up
    while Qt's event loop waits.
    """
    signal.signal(signal.SIGINT, lambda *_: window.close())
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    ticker = QTimer(window)
    ticker.timeout.connect(_let_python_run)
    ticker.start(250)
    return ticker


# What the session and the first page need once the workspace is open, imported by
# the opener's thread rather than on the GUI thread (see WorkspaceOpener).
PREFETCH = (
    "storage.backup_schedule",
    "storage.logfile",
    "ui.comments.alerts",
    "ui.context",
    "ui.sync_service",
    "ui.common.worker",
    PAGES[0].module,
)


class Startup(QObject):
    """``run``'s start: the window first, the workspace opened off the GUI thread, then
    the session (KoeApp) around it.

    The window shows at once with its loading state while ``WorkspaceOpener`` opens
    the workspace. A damaged file with a good backup asks the owner whether to
    restore it (``confirm_restore``); a workspace that cannot be opened is said in
    plain words (``show_startup_error``) and the app ends with exit code 1. On an
    empty workspace the set-up assistant opens over the window before its pages
    are built, so that they speak the language chosen in it.
    """

    def __init__(self, app: QApplication, folder: Path) -> None:
        super().__init__()
        self.app = app
        self.koe: KoeApp | None = None
        self.workspace: Workspace | None = None
        self.reporter: ErrorReporter | None = None
        self.opener = WorkspaceOpener(folder, PREFETCH, ("ui.setup.assistant",), self)
        self.opener.opened.connect(self._opened)
        self.opener.damaged.connect(self._damaged)
        self.opener.failed.connect(self._failed)
        self.window = MainWindow()

    def show_and_open(self) -> None:
        """Show the window, then open the workspace beside its first paint. (Started
        before the window is built, the opener's imports slowed the building down
        more than they gained: the GUI thread waits for the GIL at each Qt call.)"""
        self.window.show()
        self.opener.start()

    def finish(self) -> None:
        """After the event loop: stop the session and close the workspace."""
        self.opener.wait()
        if self.koe is not None:
            self.koe.shutdown()
            log.info("Koe stopped")
        else:
            self.window.close()
        if self.workspace is not None:
            self.workspace.close()

    def _failed(self, error: BaseException) -> None:
        try:
            show_startup_error(startup_error_text(error), self.window)
        finally:
            self._give_up()

    def _damaged(self, error: WorkspaceDamaged) -> None:
        assert error.backup is not None
        restore = False
        try:
            restore = confirm_restore(error)
        finally:
            if restore:
                self.opener.restore(error.backup.path)
            else:
                self._give_up()

    def _give_up(self) -> None:
        self.window.hide()
        self.app.exit(1)

    def _opened(self, opened: OpenedWorkspace) -> None:
        self.workspace = opened.workspace  # closed by finish() whatever happens next
        try:
            koe = self._start_session(opened)
        except Exception as error:  # said in plain words, not left loading forever
            log.exception("cannot start on workspace %s", opened.workspace.folder)
            self._failed(error)
            return
        if opened.setup_due:
            self._set_up(koe)
        else:
            self._show_pages(koe, "")

    def _start_session(self, opened: OpenedWorkspace) -> KoeApp:
        from storage import logfile

        workspace = opened.workspace
        self.reporter = ErrorReporter(logfile.configure(workspace.log_dir))
        self.reporter.install()
        log.info("Koe started on workspace %s", workspace.folder)
        koe = self.koe = KoeApp(workspace, settings=opened.settings)
        if koe.context.settings.language:
            install_translator(self.app, koe.context.settings.language)
        koe.start_backups()
        koe.start_server_in_background()
        koe.start_sender_in_background()
        return koe

    def _set_up(self, koe: KoeApp) -> None:
        from ui.setup.assistant import SetUpAssistant

        assistant = SetUpAssistant(koe.context, at_start=True, parent=self.window)

        def finished(_result: int) -> None:
            section = assistant.next_section()
            assistant.deleteLater()
            self.window.activateWindow()  # the keyboard goes back to the window
            self._show_pages(koe, section)

        assistant.finished.connect(finished)
        assistant.open()

    def _show_pages(self, koe: KoeApp, section: str) -> None:
        window = koe.build_window(self.window)
        koe.ask_for_passphrase(window)
        if section:
            window.show_settings(section)
        koe.sync.start_timer()
        # The bundle's smoke test waits for this line, then stops Koe as a logout does.
        log.info("window shown")


def run(data_dir: Path, argv: list[str]) -> int:
    """Show the window, open the workspace in ``data_dir``, and return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Koe")
    app.setOrganizationName("Koe")
    app.setWindowIcon(app_icon())
    # Until the workspace is open its language setting is unknown: follow the system.
    install_translator(app, "")
    previous_hooks = sys.excepthook, threading.excepthook
    previous_sigint = signal.getsignal(signal.SIGINT)
    previous_sigterm = signal.getsignal(signal.SIGTERM)
    start = Startup(app, Path(data_dir))
    collector = GuiThreadCollector(app)
    collector.start()
    try:
        ticker = _quit_on_ctrl_c(start.window)
        start.show_and_open()
        code = app.exec()
        ticker.stop()
        return code
    finally:
        start.finish()
        collector.stop()
        sys.excepthook, threading.excepthook = previous_hooks
        signal.signal(signal.SIGINT, previous_sigint)
        signal.signal(signal.SIGTERM, previous_sigterm)
