"""Starting the desktop app: the survey site, errors in plain words, run() end to end."""

from __future__ import annotations

import socket
import sys
import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from storage import logfile
from storage import settings as settings_store
from storage import surveys as survey_store
from storage import workspace as workspace_module
from storage.backups import list_backups
from storage.workspace import Workspace, WorkspaceDamaged
from tests.clock import FakeClock, local_day
from tests.conftest import make_survey
from tests.damaged_files import digest, flip_table_page
from tests.helpers import free_port
from tests.ui.starting import drop_workspace_log, run_app
from ui import app as app_module
from ui import startup as startup_module
from ui.error_reporter import ErrorReporter
from ui.main_window import MainWindow
from ui.session import KoeApp


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
    drop_workspace_log()


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
    monkeypatch.setattr(
        startup_module, "show_startup_error", lambda text, parent=None: shown.append((text, parent))
    )
    assert app_module.run(workspace.folder, ["koe"]) == 1
    text, parent = shown[0]
    assert "Another Koe" in text
    # Said over the window, which showed while the workspace was opening.
    assert isinstance(parent, MainWindow) and not parent.is_ready()


def test_run_opens_backs_up_serves_and_closes(qtbot, workspace_dir, monkeypatch):
    with Workspace.open(workspace_dir) as ws:
        # An owner's workspace: set up before (an empty one opens the set-up assistant
        # first, tests/ui/test_setup_assistant.py).
        settings_store.save(
            ws.db(), port=free_port(), language="en", business_name="Café Koe", setup_done=True
        )
    seen = {}

    def look() -> None:
        # The window run() shows: an earlier test's may linger, hidden, until collected.
        window = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )
        if window is None:
            return
        seen.setdefault("title", window.windowTitle())
        status = window.server_label.text()
        if window.is_ready() and "running at" in status:
            seen["status"] = status
            seen["page"] = window.stack.currentWidget().objectName()
            window.close()

    excepthook = sys.excepthook
    assert run_app(workspace_dir, look) == 0
    assert sys.excepthook is excepthook
    assert seen["title"] == "Koe"
    assert "running at http://127.0.0.1:" in seen["status"]
    assert seen["page"] == "surveys_page"
    assert [b.reason for b in list_backups(workspace_dir / "backups")] == ["daily"]
    assert "Koe started" in (workspace_dir / "logs" / "koe.log").read_text(encoding="utf-8")
    # The lock was released: the workspace opens again.
    Workspace.open(workspace_dir).close()


def test_the_window_shows_and_answers_while_the_workspace_opens(qtbot, workspace_dir, monkeypatch):
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(
            ws.db(), port=free_port(), language="en", business_name="Café Koe", setup_done=True
        )
        make_survey(ws)
    window_seen = threading.Event()
    opened_on_gui_thread = []
    real_open = Workspace.open

    def slow_open(folder, **options):
        # A slow disk: the workspace opens only once the owner has seen the window.
        opened_on_gui_thread.append(threading.current_thread() is threading.main_thread())
        assert window_seen.wait(10), "the window did not show while the workspace was opening"
        return real_open(folder, **options)

    def ready_window() -> bool:
        return any(
            isinstance(w, MainWindow) and w.isVisible() and w.is_ready()
            for w in QApplication.topLevelWidgets()
        )

    gui_connections_before_ready = []
    real_connect = workspace_module.connect

    def watched_connect(path, **options):
        if threading.current_thread() is threading.main_thread() and not ready_window():
            gui_connections_before_ready.append(path)
        return real_connect(path, **options)

    monkeypatch.setattr(Workspace, "open", slow_open)
    monkeypatch.setattr(workspace_module, "connect", watched_connect)
    refused = []  # what the owner would read in a box, were the workspace refused
    monkeypatch.setattr(
        startup_module, "show_startup_error", lambda text, _owner: refused.append(text)
    )
    seen: dict[str, str] = {}

    def look() -> None:
        # The window run() shows: an earlier test's may linger, hidden, until collected.
        window = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ),
            None,
        )
        if window is None:
            return
        if not window.is_ready():
            seen.setdefault("loading", window.stack.currentWidget().objectName())
            window.show_page("results")  # the owner clicks while it opens: it answers
            window_seen.set()
        elif window.context.worker.pending == 0:
            seen["ready"] = window.stack.currentWidget().objectName()
            window.close()

    assert run_app(workspace_dir, look) == 0
    assert refused == []
    assert opened_on_gui_thread == [False]
    assert gui_connections_before_ready == []
    assert seen["loading"] == "loading_page"
    # The page asked for while loading is the one built and shown once the workspace is open.
    assert seen["ready"] == "results_page"


def test_the_apps_timer_takes_a_backup_when_a_day_has_passed(qtbot, workspace):
    clock = FakeClock(datetime(2026, 11, 1, 9, 0, tzinfo=UTC))
    koe = KoeApp(workspace, port=0, backup_clock=clock, backup_interval=0.05)
    try:

        def taken_on(day: str):
            return lambda outcome, error: (
                outcome is not None
                and outcome.path is not None
                and outcome.path.name.startswith(f"daily-{day}")
            )

        with qtbot.waitSignal(
            koe.context.backups_checked,
            timeout=10_000,
            check_params_cb=taken_on(local_day(clock())),
        ):
            koe.start_backups()
        # The app stays open: the next looks take nothing until the day changes.
        with qtbot.waitSignal(koe.context.backups_checked, timeout=10_000) as again:
            pass
        assert again.args[0].path is None
        clock.advance(days=1)
        with qtbot.waitSignal(
            koe.context.backups_checked,
            timeout=10_000,
            check_params_cb=taken_on(local_day(clock())),
        ):
            pass
    finally:
        koe.shutdown()
    assert len(list((workspace.backup_dir).glob("daily-*.sqlite3"))) == 2


@pytest.fixture
def damaged_with_backup(workspace_dir):
    """A workspace whose file has flipped bytes, with a good backup beside it."""
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(ws.db(), port=free_port(), language="en")
        survey = make_survey(ws)
        good = ws.back_up_now()
    flip_table_page(workspace_dir / "koe.sqlite3")
    return workspace_dir, good, survey


def test_run_offers_to_restore_a_damaged_workspace_and_opens_it(
    qtbot, damaged_with_backup, monkeypatch
):
    folder, good, survey = damaged_with_backup
    before = digest(folder / "koe.sqlite3")
    asked = []
    monkeypatch.setattr(
        startup_module, "confirm_restore", lambda error: asked.append(error) or True
    )

    closer = QTimer()  # closes the window once run() has shown it, as the user would

    def close_window() -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible() and window.is_ready():
                closer.stop()
                window.close()

    closer.timeout.connect(close_window)
    closer.start(50)
    try:
        assert app_module.run(folder, ["koe"]) == 0
    finally:
        closer.stop()
        drop_workspace_log()
    assert [e.backup.path for e in asked] == [good]
    kept = next(folder.glob("koe.sqlite3.damaged-????????-??????"))
    assert digest(kept) == before  # the damaged file is kept, as it was
    with Workspace.open(folder) as ws:
        assert survey_store.get(ws.db(), survey.id).slug == survey.slug


def test_run_leaves_a_damaged_workspace_alone_when_the_owner_says_no(
    damaged_with_backup, monkeypatch
):
    folder, _good, _survey = damaged_with_backup
    before = digest(folder / "koe.sqlite3")
    monkeypatch.setattr(startup_module, "confirm_restore", lambda error: False)
    assert app_module.run(folder, ["koe"]) == 1
    assert digest(folder / "koe.sqlite3") == before
    assert not list(folder.glob("koe.sqlite3.damaged-*"))


def test_run_without_a_good_backup_says_so_in_plain_words(workspace_dir, monkeypatch):
    workspace_dir.mkdir()
    (workspace_dir / "koe.sqlite3").write_bytes(b"")
    shown = []
    monkeypatch.setattr(
        startup_module, "show_startup_error", lambda text, _parent: shown.append(text)
    )
    assert app_module.run(workspace_dir, ["koe"]) == 1
    assert "is empty (0 bytes)" in shown[0] and "no good backup" in shown[0]
    assert (workspace_dir / "koe.sqlite3").read_bytes() == b""


def test_the_restore_question_names_the_backup(qtbot, damaged_with_backup):
    folder, good, _ = damaged_with_backup
    with pytest.raises(WorkspaceDamaged) as refused:
        Workspace.open(folder)
    box = startup_module.restore_question(refused.value)
    qtbot.addWidget(box)
    assert "damaged" in box.text()
    assert refused.value.backup.taken_at.strftime("%Y-%m-%d %H:%M") in box.informativeText()
    assert str(good) in box.detailedText()
    assert [b.text() for b in box.buttons() if b.text()][:2] == ["Restore backup", "Quit"]
