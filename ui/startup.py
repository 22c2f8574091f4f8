"""The start of the desktop app: the window first, the workspace opened off the GUI
thread (``ui.workspace_opener``; docs/start.md), then the session (``ui.session``)
around it; and the boxes shown when the workspace cannot be opened or is damaged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.common.i18n import install_translator
from ui.error_reporter import ErrorReporter
from ui.main_window import MainWindow
from ui.page_list import PAGES
from ui.session import KoeApp
from ui.workspace_opener import OpenedWorkspace, WorkspaceOpener

if TYPE_CHECKING:
    from storage.workspace import Workspace, WorkspaceDamaged

log = logging.getLogger(__name__)


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
    """``ui.app.run``'s start: the window first, the workspace opened off the GUI thread, then
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
