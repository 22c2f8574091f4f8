"""Fixtures for the desktop app's tests: an isolated QSettings and a running KoeApp."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from storage.workspace import Workspace
from ui.common import i18n
from ui.common.worker import DbWorker
from ui.contacts.page import ContactsPage
from ui.context import AppContext
from ui.error_reporter import ErrorReporter
from ui.main_window import MainWindow
from ui.session import KoeApp


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Window geometry and other QSettings go to a temporary folder, not the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def earlier_widgets_collected_here() -> None:
    """Collect the garbage earlier tests left (their windows and pages) on the GUI thread
    before this test starts the app's threads. Collected later on the site's thread
    instead, a QObject's destructor there waits for the GIL while holding a Qt lock the
    GUI thread needs to build a widget: both wait forever (seen once in a full run, the
    set-up assistant's test hanging in QObject::connect)."""
    gc.collect()


@pytest.fixture(autouse=True)
def english_catalogue(qapp) -> None:
    """The app's catalogue, installed before any window as ``ui.app.run`` does: English
    (its counts read "1 answer", "2 answers"). Before each test (0.1 ms), not once: a test
    that left another language, or none, cannot change the next one's words, in whatever
    order the test files run (pytest-xdist hands them to its workers as they come)."""
    i18n.install_translator(qapp, "en")


@pytest.fixture
def koe_app(qapp, workspace: Workspace) -> Iterator[KoeApp]:
    """The app's services around the test workspace, with the survey site on a free port."""
    qapp.setApplicationName("Koe")
    qapp.setOrganizationName("Koe")
    koe = KoeApp(workspace, port=0)
    yield koe
    koe.shutdown()


@pytest.fixture
def window(qtbot, koe_app: KoeApp) -> MainWindow:
    """The main window, shown (offscreen) with the survey site running."""
    koe_app.start_server()
    win = koe_app.build_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def context(qtbot, workspace: Workspace) -> Iterator[AppContext]:
    """An AppContext with a running database worker, for testing one page."""
    worker = DbWorker(workspace)
    ctx = AppContext(workspace, worker)
    yield ctx
    # Let queued queries land before the thread and then the workspace go away.
    qtbot.waitUntil(lambda: worker.pending == 0)
    worker.stop()


@pytest.fixture
def make_page(qtbot, context: AppContext) -> Iterator[Callable[[], ContactsPage]]:
    """Makes the Contacts page in a shown window, its first rows loaded."""
    windows: list[QWidget] = []

    def make() -> ContactsPage:
        window = QWidget()
        windows.append(window)
        window.resize(1100, 640)
        page = ContactsPage(context, window)
        page.resize(window.size())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: page.loaded and context.worker.pending == 0)
        return page

    yield make


@pytest.fixture
def unexpected_errors(qtbot, tmp_path: Path) -> Iterator[list[str]]:
    """Every unexpected error the app would show while the test runs (one line each).

    ``ui.error_reporter.ErrorReporter`` installed as ``ui.app.run`` does, so an exception
    anywhere (a slot, a virtual method, another thread) is what the user would
    see: a "Something unexpected went wrong" box. Mark the test
    ``qt_no_exception_capture`` so that this hook, not pytest-qt's, receives
    them, and assert that none arrived.
    """
    reporter = ErrorReporter(tmp_path / "koe.log")
    seen: list[str] = []
    reporter.reported.connect(seen.append)
    previous = sys.excepthook, threading.excepthook
    reporter.install()
    yield seen
    sys.excepthook, threading.excepthook = previous
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()


@pytest.fixture
def home_without_documents(tmp_path, monkeypatch):
    """A user whose home folder has no Documents or Pictures folder (no XDG user-dirs file)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home
