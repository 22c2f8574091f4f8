"""A copy of a Python table model's cells in Qt's own item model, for a view to paint from.

A view asks its model for a dozen things per cell each time it paints (text,
font, colours, alignment…) and for the row and column counts in between:
thousands of calls into Python for one screen of a table, each one waiting
for the GIL while a worker thread runs Python. ``ItemMirror`` copies each
row's shown texts (display, tooltip, alignment) once, as the rows arrive, into
a ``QStandardItemModel``, so painting and scrolling run in C++ alone. The rows
keep their numbers: ``source.row_at(index.row())`` still finds a row's object.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ui.common.paged_table_model import PagedTableModel

_Index = QModelIndex | QPersistentModelIndex
_COPIED = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


class ItemMirror(QStandardItemModel):
    """``source``'s cells; more rows are fetched through it as the view scrolls down."""

    def __init__(self, source: PagedTableModel) -> None:
        super().__init__(source)
        self._source = source
        source.modelReset.connect(self.copy_all)
        source.rowsInserted.connect(lambda _parent, first, last: self._copy(first, last))
        self.copy_all()

    def copy_all(self) -> None:
        """Copy every row again (also when their texts change, say another time zone)."""
        source = self._source
        self.clear()
        self.setColumnCount(source.columnCount())
        for column in range(source.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
                value = source.headerData(column, Qt.Orientation.Horizontal, role)
                if value is not None:
                    self.setHeaderData(column, Qt.Orientation.Horizontal, value, role)
        self._copy(0, source.rowCount() - 1)

    def _copy(self, first: int, last: int) -> None:
        if last < first:
            return
        source, columns = self._source, self._source.columnCount()
        for number in range(first, last + 1):
            items = []
            for column in range(columns):
                index = source.index(number, column)
                item = QStandardItem()
                item.setFlags(_FLAGS)
                for role in _COPIED:
                    value = source.data(index, role)
                    if value is not None:
                        item.setData(value, role)
                items.append(item)
            self.insertRow(number, items)

    # Qt overrides -------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return self._source.canFetchMore(parent)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        self._source.fetchMore(parent)
