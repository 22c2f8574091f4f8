"""The Backups panel's list: the backups, newest first (``BackupTableModel``), and what
the panel shows read in one go on the worker (``read_view``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from storage import backups as backup_store
from storage.backups import Backup
from storage.workspace import Workspace
from surveys.times import wall_clock

BackupRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class BackupsView:
    """What the panel shows, read on the worker: the backups here, and the second
    folder with its newest copy (``missing``: the folder is not there now)."""

    rows: list[Backup]
    second: Path | None = None
    second_newest: Backup | None = None
    missing: bool = False


def read_view(workspace: Workspace) -> BackupsView:
    rows = backup_store.list_backups(workspace.backup_dir)
    second = workspace.second_backup_folder()
    if second is None:
        return BackupsView(rows)
    if not second.is_dir():
        return BackupsView(rows, second, None, missing=True)
    copies = backup_store.list_backups(second)
    return BackupsView(rows, second, copies[0] if copies else None)


class BackupTableModel(QAbstractTableModel):
    """Backups, newest first: when, what kind, how big. ``BackupRole`` gives the Backup."""

    COL_TAKEN = 0
    COL_KIND = 1
    COL_SIZE = 2
    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Backup] = []
        self.zone: tzinfo = UTC  # the workspace's time zone, in which times are shown

    def set_zone(self, zone: tzinfo) -> None:
        self.beginResetModel()
        self.zone = zone
        self.endResetModel()

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
                taken = wall_clock(backup.moment, self.zone)
                return locale.toString(QDateTime(taken), QLocale.FormatType.ShortFormat)
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
