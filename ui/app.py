"""Starting and stopping the desktop app.

``run()`` is what ``python main.py`` calls. It is split so that tests can build
the same window around a workspace without entering the event loop:
``KoeApp(workspace, port=0)`` owns the worker, the shared context and the
embedded survey site; ``KoeApp.build_window()`` makes the main window.
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

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from starlette.applications import Starlette

from channels.outbox import Dispatcher, Timing
from channels.sender import start_sender
from storage import first_run, logfile
from storage.backup_schedule import CHECK_EVERY_SECONDS, BackupSchedule
from storage.backups import BackupOutcome
from storage.database import utc_now
from storage.settings import Settings
from storage.workspace import Workspace, WorkspaceDamaged, WorkspaceError, restore_backup
from surveys.problems import Problem
from ui.context import AppContext
from ui.i18n import install_translator
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.passphrase_dialog import PassphraseDialog
from ui.problem_words import error_text
from ui.setup.assistant import SetUpAssistant
from ui.sync_service import SyncService
from ui.worker import DbWorker
from web.app import create_app
from web.lan import lan_address
from web.server import EmbeddedServer, ServerError

log = logging.getLogger(__name__)

HOST = "127.0.0.1"


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
    (tests; by default the system's are).

    Signals:
        sender_restarted(bool, str): after saved message settings, the sender was
            restarted off the GUI thread; whether a channel is sending, and an error
            text ("" when all went well).
    """

    sender_restarted = Signal(bool, str)
    _restart_again = Signal(object)
    _backup_checked = Signal(object, object)
    # How often the sender looks and retries (channels.lane.Timing); tests shorten it.
    sender_timing: Timing | None = None

    def __init__(
        self,
        workspace: Workspace,
        *,
        host: str = HOST,
        port: int | None = None,
        lan_host: Callable[[], str | None] = lan_address,
        lan_port: int | None = None,
        backup_clock: Callable[[], datetime] = utc_now,
        backup_interval: float = CHECK_EVERY_SECONDS,
        ca_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.worker = DbWorker(workspace)
        self.context = AppContext(workspace, self.worker)
        self.context.clock = backup_clock
        self._backup_checked.connect(
            self.context.backups_checked, Qt.ConnectionType.QueuedConnection
        )
        self.backups = BackupSchedule(
            workspace, clock=backup_clock, interval=backup_interval, report=self._report_backup
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
        self._lan_host = lan_host
        self._lan_port = lan_port
        self._lan_enabled = self.context.settings.lan_enabled
        self._site: Starlette | None = None
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
        """Look at once, then every hour, whether today's backup is due (its own thread)."""
        self.backups.start()

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

    def ask_for_passphrase(self, parent: QWidget | None = None) -> PassphraseDialog | None:
        """At start, with the encrypted secrets file locked: ask for its passphrase, as
        Settings promises ("Koe asks for it once each time it starts"). The dialog is
        window-modal and returned at once; "Later" leaves the channels that need a secret
        waiting, and the Send page offers "Unlock…". None when nothing is locked."""
        if not self.context.secrets_locked():
            return None
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
        app = create_app(self.workspace, on_response=self.bridge.notify)
        self._site = app
        server = EmbeddedServer(app, self.host, self.port)
        try:
            server.start()
        except ServerError as error:
            log.warning("survey site did not start on port %s: %s", self.port, error)
            self.context.set_server_state("", error.problem)
            return False
        self.server = server
        log.info("survey site running at %s", server.url)
        self.context.set_server_state(server.url, "")
        if self._lan_enabled:
            self.start_lan()
        return True

    def stop_server(self) -> None:
        self.stop_lan()
        server, self.server = self.server, None
        if server is not None:
            server.stop()

    def start_lan(self) -> bool:
        """Listen on the local network too (the same site), for a QR code on a counter."""
        if self._site is None or self.lan_server is not None:
            return False
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
        if not first_run.is_due(self.workspace.db()):
            return ""
        assistant = SetUpAssistant(self.context, at_start=True)
        assistant.exec()
        section = assistant.next_section()
        assistant.deleteLater()
        return section

    def build_window(self) -> MainWindow:
        self.window = MainWindow(self.context)
        # A new campaign's messages go at once rather than at the sender's next look
        # (the window's signals: its pages may be built again, in a new language).
        self.window.campaign_created.connect(self._wake_sender)
        # Its personal links' tokens go to the public host at once.
        self.window.campaign_created.connect(lambda _campaign_id=None: self.sync.sync_soon())
        self.window.messages_queued.connect(self._wake_sender)
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


def open_workspace(folder: Path) -> Workspace | None:
    """Open the workspace, or say why it cannot be opened (None).

    A damaged workspace with a good backup offers to restore it (the damaged
    file is set aside, never deleted), then opens the restored one.
    """
    try:
        return Workspace.open(folder)
    except WorkspaceDamaged as error:
        logging.basicConfig()
        log.error("cannot open workspace %s: %s", folder, error)
        if error.backup is None:
            show_startup_error(startup_error_text(error))
            return None
        if not confirm_restore(error):
            return None
        try:
            restored = restore_backup(folder, error.backup.path)
            log.warning(
                "restored %s; the damaged file is kept as %s", restored.backup, restored.kept
            )
            return Workspace.open(folder)
        except WorkspaceError as failure:
            show_startup_error(startup_error_text(failure))
            return None
    except WorkspaceError as error:
        logging.basicConfig()
        log.error("cannot open workspace %s: %s", folder, error)
        show_startup_error(startup_error_text(error))
        return None


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


def run(data_dir: Path, argv: list[str]) -> int:
    """Open the workspace in ``data_dir``, show the window, and return the exit code."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Koe")
    app.setOrganizationName("Koe")
    app.setWindowIcon(app_icon())
    # Until the workspace is open its language setting is unknown: follow the system.
    install_translator(app, "")
    workspace = open_workspace(Path(data_dir))
    if workspace is None:
        return 1
    previous_hooks = sys.excepthook, threading.excepthook
    previous_sigint = signal.getsignal(signal.SIGINT)
    previous_sigterm = signal.getsignal(signal.SIGTERM)
    try:
        log_path = logfile.configure(workspace.log_dir)
        reporter = ErrorReporter(log_path)
        reporter.install()
        log.info("Koe started on workspace %s", workspace.folder)
        koe = KoeApp(workspace)
        if koe.context.settings.language:
            install_translator(app, koe.context.settings.language)
        koe.start_backups()
        koe.start_server()
        koe.start_sender()
        section = koe.offer_set_up()
        window = koe.build_window()
        window.show()
        koe.ask_for_passphrase(window)
        if section:
            window.show_settings(section)
        koe.sync.start_timer()
        ticker = _quit_on_ctrl_c(window)
        # The bundle's smoke test waits for this line, then stops Koe as a logout does.
        log.info("window shown")
        code = app.exec()
        ticker.stop()
        koe.shutdown()
        log.info("Koe stopped")
        return code
    finally:
        workspace.close()
        sys.excepthook, threading.excepthook = previous_hooks
        signal.signal(signal.SIGINT, previous_sigint)
        signal.signal(signal.SIGTERM, previous_sigterm)
