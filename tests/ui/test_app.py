"""Starting the desktop app: the survey site, errors in plain words, run() end to end."""

from __future__ import annotations

import logging
import socket
import sys
import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from storage import logfile
from storage import settings as settings_store
from storage.backups import list_backups
from storage.workspace import Workspace
from tests.helpers import free_port
from ui import app as app_module
from ui.app import ErrorReporter, KoeApp
from ui.main_window import MainWindow


@pytest.fixture
def taken_port():
    """A port on 127.0.0.1 that another program is listening on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


@pytest.fixture
def log_to(tmp_path):
    """Koe's log file in a temporary folder, removed from logging afterwards."""
    path = logfile.configure(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "koe_workspace_log", False):
            root.removeHandler(handler)
            handler.close()


def test_the_survey_site_runs_and_stops(koe_app: KoeApp):
    assert koe_app.start_server()
    url = koe_app.context.server_url
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    koe_app.stop_server()
    assert koe_app.server is None
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_a_taken_port_is_reported_and_the_window_still_opens(qtbot, workspace, taken_port):
    koe = KoeApp(workspace, port=taken_port)
    try:
        assert koe.start_server() is False
        window = koe.build_window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert koe.context.server_url == ""
        status = window.server_label.text()
        assert "not running" in status
        assert f"Port {taken_port}" in status
        assert "Traceback" not in status
        assert f"Port {taken_port}" in window.pages["settings"].server_status.text()
    finally:
        koe.shutdown()


def test_responses_from_the_server_thread_arrive_on_the_gui_thread(qtbot, koe_app: KoeApp):
    seen = []
    koe_app.context.responses_changed.connect(
        lambda survey_id: seen.append((survey_id, QThread.currentThread()))
    )
    with qtbot.waitSignal(koe_app.context.responses_changed, timeout=2000):
        threading.Thread(target=koe_app.bridge.notify, args=(7,)).start()
    assert seen == [(7, QApplication.instance().thread())]


# The offscreen platform warns when a dialog without a parent window sets its size.
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@OFFSCREEN_DIALOG
def test_unexpected_errors_are_logged_and_shown_in_plain_words(qtbot, log_to):
    reporter = ErrorReporter(log_to)
    try:
        raise ValueError("the flux capacitor is empty")
    except ValueError:
        kind, error, tb = sys.exc_info()
    reporter.excepthook(kind, error, tb)

    def box() -> QMessageBox | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((w for w in found if w.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None)
    shown = box()
    assert "the flux capacitor is empty" in shown.text()
    assert str(log_to) in shown.text()
    assert "Traceback" not in shown.text()
    logged = log_to.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "ValueError: the flux capacitor is empty" in logged
    shown.close()


@OFFSCREEN_DIALOG
def test_errors_on_other_threads_are_reported_too(qtbot, log_to):
    reporter = ErrorReporter(log_to)

    def fail() -> None:
        raise RuntimeError("background trouble")

    thread = threading.Thread(target=fail)
    original = threading.excepthook
    threading.excepthook = reporter.thread_excepthook
    try:
        with qtbot.waitSignal(reporter.reported, timeout=2000) as blocker:
            thread.start()
            thread.join()
    finally:
        threading.excepthook = original
    assert blocker.args == ["background trouble"]
    qtbot.waitUntil(lambda: reporter._box is not None)
    reporter._box.close()


def test_run_refuses_a_locked_workspace_in_plain_words(workspace, monkeypatch):
    shown = []
    monkeypatch.setattr(app_module, "show_startup_error", shown.append)
    assert app_module.run(workspace.folder, ["koe"]) == 1
    assert "Another Koe" in shown[0]


def test_run_opens_backs_up_serves_and_closes(qtbot, workspace_dir, monkeypatch):
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(ws.db(), port=free_port(), language="en")
    seen = {}

    def close_window() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["title"] = window.windowTitle()
        seen["status"] = window.server_label.text()
        window.close()

    QTimer.singleShot(300, close_window)
    excepthook = sys.excepthook
    try:
        assert app_module.run(workspace_dir, ["koe"]) == 0
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "koe_workspace_log", False):
                root.removeHandler(handler)
                handler.close()
    assert sys.excepthook is excepthook
    assert seen["title"] == "Koe"
    assert "running at http://127.0.0.1:" in seen["status"]
    assert [b.reason for b in list_backups(workspace_dir / "backups")] == ["daily"]
    assert "Koe started" in (workspace_dir / "logs" / "koe.log").read_text(encoding="utf-8")
    # The lock was released: the workspace opens again.
    Workspace.open(workspace_dir).close()
