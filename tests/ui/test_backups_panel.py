"""Back up now and Restore from the Settings page, run through the worker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import surveys as survey_store
from storage.backups import list_backups
from tests.conftest import make_survey
from ui.app import KoeApp
from ui.main_window import MainWindow
from ui.pages.backups_panel import BackupRole, BackupsPanel, BackupTableModel


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
