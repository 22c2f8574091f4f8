"""The Backups section of Settings: when the last backup was taken (with a warning
when that is more than two days ago), the list of copies, "Back up now",
"Restore…" and the optional second folder each backup is copied to.

Listing, copying and restoring touch the disk, so all of it runs on the
database worker; the panel only shows results. Times are shown in the
workspace's time zone.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage import backups as backup_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.backups import Backup, BackupError, BackupOutcome
from storage.settings import Settings
from surveys.problems import Problem
from surveys.times import zone_named
from ui.common.icons import icon
from ui.common.notice_bar import NoticeBar
from ui.common.problem_words import error_text, problem_text
from ui.common.widgets import hint
from ui.context import AppContext
from ui.settings.backup_copy_row import SecondFolderRow, moment_text
from ui.settings.backup_table_model import BackupsView, BackupTableModel, read_view

log = logging.getLogger(__name__)


class BackupsPanel(QWidget):
    """Lists the workspace's backups, takes or restores one, and sets the second folder.

    Signals:
        backed_up(object): a manual backup was written; carries its Path.
        restored(object): a backup was restored; carries the Path of the safety copy.
        message(str): a plain-words line about what just happened, for the page to show.
    """

    backed_up = Signal(object)
    restored = Signal(object)
    message = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = BackupTableModel(self)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupTableModel.COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty_label = hint(
            self.tr("No backups yet. Koe makes one every day while it runs; you can make one now.")
        )
        self.explain = hint(
            self.tr(
                "Koe keeps a copy of your data every day while it runs (the last seven), "
                "before each update and before each restore."
            )
        )
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.warning = NoticeBar()
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.second = SecondFolderRow()
        self.second.chosen.connect(self.set_second_folder)
        self.second.cleared.connect(lambda: self.set_second_folder(""))

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.explain)
        column.addWidget(self.last_label)
        column.addWidget(self.warning)
        column.addWidget(self.table)
        column.addWidget(self.empty_label)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addSpacing(6)
        column.addWidget(self.second)

        self._busy = False
        self._view = BackupsView([])
        # Why the latest copy to the second folder failed ("" when it worked).
        outcome = context.backup_outcome
        self._copy_error = outcome.copy_error if outcome is not None else None
        self._paint_icons()
        self._update_buttons()
        context.backups_checked.connect(self._on_checked)
        context.settings_changed.connect(self._on_settings_changed)
        self.model.set_zone(zone_named(context.settings.time_zone))
        self.refresh()

    # -- reading ---------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        """Re-read the backup folders on the worker; select ``select`` when it arrives."""
        workspace = self.context.workspace

        def job(_db: object) -> BackupsView:
            return read_view(workspace)

        self.context.worker.submit(job, lambda view: self._show(view, select), self._failed)

    def _show(self, view: BackupsView, select: Path | None) -> None:
        self._view = view
        rows = view.rows
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        row = self.model.row_of(select) if select is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_last()
        self.second.show_state(
            view.second,
            view.second_newest,
            missing=view.missing,
            error=problem_text(self._copy_error) if self._copy_error else "",
            zone=self.model.zone,
        )
        self._update_buttons()

    def _show_last(self) -> None:
        """The newest backup's time, and a warning when it is old or today's failed."""
        newest = self._view.rows[0] if self._view.rows else None
        self.last_label.setVisible(newest is not None)
        if newest is not None:
            self.last_label.setText(
                self.tr("Last backup: {when}").format(
                    when=moment_text(newest.moment, self.model.zone)
                )
            )
        now = self.context.clock()
        if self.context.backup_error:
            self.warning.show_error(
                self.tr("The daily backup failed: {error}").format(error=self.context.backup_error)
            )
        elif newest is not None and backup_store.is_stale(newest, now):
            # Shown only past two days, so always "days".
            self.warning.show_error(
                self.tr(
                    "The last backup is {days} days old. Koe backs up once a day while the app "
                    "or its server (main.py serve) runs; click Back up now to make one."
                ).format(days=(now - newest.moment).days)
            )
        else:
            self.warning.hide()

    def _on_checked(self, outcome: BackupOutcome | None, _error: object) -> None:
        if outcome is not None:
            self._copy_error = outcome.copy_error
        self.refresh(select=outcome.path if outcome is not None else None)

    def _on_settings_changed(self, settings: Settings) -> None:
        self.model.set_zone(zone_named(settings.time_zone))
        self.refresh()

    def selected_backup(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    # -- acting ----------------------------------------------------------------

    def back_up_now(self) -> None:
        workspace = self.context.workspace
        self._set_busy(True, self.tr("Backing up…"))

        def job(_db: object) -> BackupOutcome:
            return workspace.manual_backup()

        def done(outcome: BackupOutcome) -> None:
            path = outcome.path
            assert path is not None
            self._copy_error = outcome.copy_error
            self._set_busy(False, self.tr("Backed up as {name}.").format(name=path.name))
            self.backed_up.emit(path)
            self.refresh(select=path)

        self.context.worker.submit(job, done, self._failed)

    def set_second_folder(self, folder: str) -> None:
        """Save the second folder ("" for none); a chosen one gets today's backup at once."""
        context = self.context
        workspace, now = context.workspace, context.clock()

        def job(db: Any) -> tuple[Settings, BackupOutcome | None, Problem | None]:
            settings = settings_store.save(db, backup_second_folder=folder)
            if not folder:
                return settings, None, None
            try:
                return settings, workspace.take_daily_backup(now), None
            except BackupError as error:
                return settings, None, error.problem

        def done(result: tuple[Settings, BackupOutcome | None, Problem | None]) -> None:
            settings, outcome, error = result
            self._copy_error = None
            context.settings = settings
            context.settings_changed.emit(settings)
            if folder:
                context.backups_checked.emit(outcome, error)

        context.worker.submit(job, done, self._failed)

    def confirm_restore(self, backup: Backup) -> bool:
        """Ask before replacing the data; tests replace this method."""
        when = self.model.data(self.model.index(self.model.row_of(backup.path), 0))
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "Your surveys, responses and settings will be replaced by the backup "
                "taken {when}.\n\nKoe first backs up the data as it is now, so you can "
                "undo this by restoring that copy."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None or not self.confirm_restore(backup):
            return
        self.restore(backup.path)

    def restore(self, path: Path) -> None:
        """Restore ``path`` (after a safety copy), then tell every page to re-read."""
        workspace = self.context.workspace
        self._set_busy(True, self.tr("Restoring…"))

        def job(db: Any) -> tuple[Path, Any, list[int]]:
            safety = workspace.restore(path)
            ids = [summary.id for summary in survey_store.list_all(db)]
            return safety, settings_store.load(db), ids

        def done(result: tuple[Path, Any, list[int]]) -> None:
            safety, settings, survey_ids = result
            self._set_busy(
                False,
                self.tr("Restored. The data as it was before is kept as {name}.").format(
                    name=safety.name
                ),
            )
            # The whole file changed under every page: settings, surveys and responses.
            self.context.settings = settings
            self.context.settings_changed.emit(settings)
            self.context.surveys_changed.emit()
            for survey_id in survey_ids:
                self.context.responses_changed.emit(survey_id)
            self.restored.emit(safety)
            self.refresh(select=safety)

        self.context.worker.submit(job, done, self._failed)

    def _failed(self, error: Exception) -> None:
        log.error("backup task failed: %s", error)
        self._set_busy(False, self.tr("Could not finish: {error}").format(error=error_text(error)))

    # -- state -----------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.status.setText(text)
        self.message.emit(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.back_up_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(not self._busy and self.selected_backup() is not None)

    def _paint_icons(self) -> None:
        self.back_up_button.setIcon(icon("database-backup", self.palette()))
        self.restore_button.setIcon(icon("archive-restore", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
