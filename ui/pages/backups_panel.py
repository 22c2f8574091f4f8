"""The Backups section of Settings: the list of copies, "Back up now" and "Restore…".

Listing, copying and restoring touch the disk, so all of it runs on the
database worker; the panel only shows results.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
from storage.backups import Backup
from ui.context import AppContext
from ui.icons import icon
from ui.widgets import hint

log = logging.getLogger(__name__)

BackupRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class BackupTableModel(QAbstractTableModel):
    """Backups, newest first: when, what kind, how big. ``BackupRole`` gives the Backup."""

    COL_TAKEN = 0
    COL_KIND = 1
    COL_SIZE = 2
    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Backup] = []

    def set_rows(self, rows: list[Backup]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> Backup:
        return self._rows[row]

    def row_of(self, path: Path) -> int:
        for row, backup in enumerate(self._rows):
            if backup.path == path:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - the default Qt declares
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - the default Qt declares
        return 0 if parent.isValid() else self.COLUMNS

    def kind_label(self, reason: str) -> str:
        if reason == "daily":
            return self.tr("Daily")
        if reason == "manual":
            return self.tr("Manual")
        if reason == "before-restore":
            return self.tr("Before restore")
        if reason.startswith("before-migration"):
            return self.tr("Before update")
        return reason

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == BackupRole:
            return backup
        if role == Qt.ItemDataRole.DisplayRole:
            locale = QLocale()
            if column == self.COL_TAKEN:
                moment = QDateTime(backup.taken_at)
                return locale.toString(moment, QLocale.FormatType.ShortFormat)
            if column == self.COL_KIND:
                return self.kind_label(backup.reason)
            if column == self.COL_SIZE:
                return locale.formattedDataSize(
                    backup.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_TAKEN: self.tr("Taken"),
            self.COL_KIND: self.tr("Kind"),
            self.COL_SIZE: self.tr("Size"),
        }.get(section)


class BackupsPanel(QWidget):
    """Lists the workspace's backups and takes or restores one.

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
            self.tr("No backups yet. Koe makes one every day you open it; you can make one now.")
        )
        self.explain = hint(
            self.tr(
                "Koe keeps a copy of your data every day (the last seven), before each update "
                "and before each restore."
            )
        )
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.explain)
        column.addWidget(self.table)
        column.addWidget(self.empty_label)
        column.addLayout(buttons)
        column.addWidget(self.status)

        self._busy = False
        self._paint_icons()
        self._update_buttons()
        self.refresh()

    # -- reading ---------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        """Re-read the backups folder on the worker; select ``select`` when it arrives."""
        folder = self.context.workspace.backup_dir

        def job(_db: object) -> list[Backup]:
            return backup_store.list_backups(folder)

        self.context.worker.submit(job, lambda rows: self._show(rows, select), self._failed)

    def _show(self, rows: list[Backup], select: Path | None) -> None:
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        row = self.model.row_of(select) if select is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_backup(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    # -- acting ----------------------------------------------------------------

    def back_up_now(self) -> None:
        workspace = self.context.workspace
        self._set_busy(True, self.tr("Backing up…"))

        def job(_db: object) -> Path:
            return workspace.back_up_now()

        def done(path: Path) -> None:
            self._set_busy(False, self.tr("Backed up as {name}.").format(name=path.name))
            self.backed_up.emit(path)
            self.refresh(select=path)

        self.context.worker.submit(job, done, self._failed)

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
        self._set_busy(False, self.tr("Could not finish: {error}").format(error=error))

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
