"""Back up now and Restore from the Settings page, run through the worker."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from storage import backups
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.backups import list_backups
from tests.clock import FakeClock
from tests.conftest import make_survey
from ui.common.i18n import install_translator
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.backup_table_model import BackupRole, BackupTableModel
from ui.settings.backups_panel import BackupsPanel

# Where the screenshots go, to be looked at (KOE_SCREENSHOTS, else a temporary folder).
SCREENSHOTS = Path(os.environ.get("KOE_SCREENSHOTS") or tempfile.gettempdir())


@pytest.fixture
def panel(qtbot, window: MainWindow, koe_app: KoeApp) -> BackupsPanel:
    window.show_page("settings")
    backups = window.pages["settings"].backups
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return backups


def back_up(qtbot, panel: BackupsPanel):
    with qtbot.waitSignal(panel.backed_up, timeout=5000) as blocker:
        qtbot.mouseClick(panel.back_up_button, Qt.MouseButton.LeftButton)
    path = blocker.args[0]
    qtbot.waitUntil(lambda: panel.model.row_of(path) >= 0)
    return path


def test_empty_workspace_says_what_to_do(panel: BackupsPanel):
    assert panel.model.rowCount() == 0
    assert not panel.empty_label.isHidden()
    assert panel.table.isHidden()
    assert not panel.restore_button.isEnabled()


def test_back_up_now_writes_a_file_that_appears_in_the_table(qtbot, panel, workspace):
    path = back_up(qtbot, panel)
    assert path.is_file()
    assert path.parent == workspace.backup_dir
    row = panel.model.row_of(path)
    assert panel.table.selectionModel().isRowSelected(row)
    kind = panel.model.index(row, BackupTableModel.COL_KIND).data()
    assert kind == "Manual"
    assert panel.model.index(row, BackupTableModel.COL_SIZE).data()
    assert panel.empty_label.isHidden()
    assert not panel.table.isHidden()
    assert path.name in panel.status.text()
    assert panel.restore_button.isEnabled()


def test_restore_brings_back_the_earlier_data(qtbot, panel, koe_app, workspace, monkeypatch):
    kept = make_survey(workspace, "nps")
    backup = back_up(qtbot, panel)
    later = make_survey(workspace, "csat")
    asked = []
    monkeypatch.setattr(panel, "confirm_restore", lambda b: asked.append(b) or True)

    panel.table.selectRow(panel.model.row_of(backup))
    with (
        qtbot.waitSignal(koe_app.context.surveys_changed, timeout=5000),
        qtbot.waitSignal(panel.restored, timeout=5000) as restored,
    ):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)

    assert [b.path for b in asked] == [backup]
    ids = [s.id for s in survey_store.list_all(workspace.db())]
    assert ids == [kept.id]
    assert later.id not in ids
    # The state before the restore was kept, and holds the later survey.
    safety = restored.args[0]
    assert safety.is_file()
    assert any(
        b.path == safety and b.reason == "before-restore"
        for b in list_backups(workspace.backup_dir)
    )
    qtbot.waitUntil(lambda: panel.model.row_of(safety) >= 0)
    row = panel.model.row_of(safety)
    assert panel.model.index(row, BackupTableModel.COL_KIND).data() == "Before restore"
    assert panel.model.index(row, 0).data(BackupRole).path == safety


def test_cancelled_restore_changes_nothing(qtbot, panel, workspace, monkeypatch):
    backup = back_up(qtbot, panel)
    make_survey(workspace, "nps")
    monkeypatch.setattr(panel, "confirm_restore", lambda b: False)
    panel.table.selectRow(panel.model.row_of(backup))
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert len(survey_store.list_all(workspace.db())) == 1
    assert len(list_backups(workspace.backup_dir)) == 1


def test_a_broken_backup_is_refused_in_plain_words(qtbot, panel, workspace):
    broken = workspace.backup_dir / "manual-20240101-120000.sqlite3"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"not a database")
    with qtbot.waitSignal(panel.message, timeout=5000, check_params_cb=lambda t: "not" in t):
        panel.restore(broken)
    assert "Traceback" not in panel.status.text()
    assert broken.name in panel.status.text()
    assert panel.back_up_button.isEnabled()


TAKEN = datetime(2026, 11, 1, 0, 30, tzinfo=UTC)


def backup_taken_at(workspace, moment: datetime):
    return backups.take(workspace.db(), workspace.backup_dir, reason="daily", now=moment)


def look_again(qtbot, panel: BackupsPanel, koe_app: KoeApp) -> None:
    panel.refresh()
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)


def test_the_last_backup_is_shown_in_the_workspaces_time_zone(qtbot, panel, koe_app, workspace):
    backup_taken_at(workspace, TAKEN)
    koe_app.context.clock = FakeClock(TAKEN + timedelta(hours=3))
    with qtbot.waitSignal(koe_app.context.settings_changed, timeout=5000):
        koe_app.context.save_settings(time_zone="America/New_York")
    qtbot.waitUntil(lambda: "America/New_York" in panel.last_label.text())
    # 00:30 UTC is 20:30 the evening before in New York.
    assert "8:30" in panel.last_label.text() or "20:30" in panel.last_label.text()
    assert "10/31" in panel.last_label.text() or "31" in panel.last_label.text()
    assert panel.warning.text() == ""


def test_a_backup_older_than_two_days_is_warned_about_in_words(qtbot, panel, koe_app, workspace):
    backup_taken_at(workspace, TAKEN)
    koe_app.context.clock = FakeClock(TAKEN + timedelta(days=1, hours=23))
    look_again(qtbot, panel, koe_app)
    assert not panel.last_label.isHidden()
    assert panel.warning.text() == ""
    koe_app.context.clock.advance(days=3)
    look_again(qtbot, panel, koe_app)
    assert "The last backup is 4 day" in panel.warning.text()
    assert "Back up now" in panel.warning.text()
    # Backing up now ends the warning.
    koe_app.context.clock = FakeClock(datetime.now(UTC))
    back_up(qtbot, panel)
    qtbot.waitUntil(lambda: panel.warning.text() == "")


def test_a_failed_daily_backup_is_said_in_settings(qtbot, panel, koe_app):
    failure = "The disk is full: there is no room for a backup in /backups."
    koe_app.context.backups_checked.emit(None, failure)
    qtbot.waitUntil(lambda: failure in panel.warning.text())


def test_a_chosen_second_folder_gets_a_copy_at_once(qtbot, panel, koe_app, workspace, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkey_ask(panel, usb)
    with qtbot.waitSignal(koe_app.context.backups_checked, timeout=5000) as checked:
        qtbot.mouseClick(panel.second.choose_button, Qt.MouseButton.LeftButton)
    outcome, error = checked.args
    assert error is None and outcome.copy == usb / outcome.path.name and outcome.copy.is_file()
    assert koe_app.context.settings.backup_second_folder == str(usb)
    qtbot.waitUntil(lambda: "newest copy there" in panel.second.status.text())
    assert str(usb) in panel.second.folder_label.text()
    assert panel.second.clear_button.isEnabled()
    # Stop copying: the setting is cleared, the copies already made stay.
    with qtbot.waitSignal(koe_app.context.settings_changed, timeout=5000):
        qtbot.mouseClick(panel.second.clear_button, Qt.MouseButton.LeftButton)
    assert koe_app.context.settings.backup_second_folder == ""
    qtbot.waitUntil(lambda: not panel.second.clear_button.isEnabled())
    assert outcome.copy.is_file()


def test_a_second_folder_that_is_not_there_is_reported(qtbot, panel, koe_app, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkey_ask(panel, usb)
    with qtbot.waitSignal(koe_app.context.backups_checked, timeout=5000):
        qtbot.mouseClick(panel.second.choose_button, Qt.MouseButton.LeftButton)
    shutil.rmtree(usb)  # the USB disk was unplugged
    with qtbot.waitSignal(panel.backed_up, timeout=5000) as blocker:
        qtbot.mouseClick(panel.back_up_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].is_file()  # the backup itself was made
    qtbot.waitUntil(lambda: "cannot be found" in panel.second.status.text())
    assert "still made on this computer" in panel.second.status.text()


def monkey_ask(panel: BackupsPanel, folder) -> None:
    panel.second.ask_folder = lambda: str(folder)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_screenshot_of_a_stale_backup_and_a_missing_second_folder(
    qtbot, qapp, panel, koe_app, workspace, tmp_path, language
):
    try:
        install_translator(qapp, language)
        fresh = BackupsPanel(koe_app.context)
        qtbot.addWidget(fresh)
        backup_taken_at(workspace, TAKEN)
        koe_app.context.clock = FakeClock(TAKEN + timedelta(days=5))
        settings_store.save(workspace.db(), backup_second_folder=str(tmp_path / "E" / "Koe"))
        look_again(qtbot, fresh, koe_app)
        fresh.resize(720, 600)  # drawn off screen by grab(), as the Settings page shows it
        assert fresh.warning.text() and fresh.second.status.text()
        if language == "ja":
            assert "日" in fresh.warning.text()
        fresh.grab().save(str(SCREENSHOTS / f"backups-panel-{language}.png"))
    finally:
        install_translator(qapp, "en")
