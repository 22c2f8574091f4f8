"""A copy of a Python table model's cells in Qt's own item model, for a view to paint from.

A view asks its model for a dozen things per cell each time it paints (text,
font, colours, alignment…) and for the row and column counts in between:
thousands of calls into Python for one screen of a table, each one waiting
for the GIL while a worker thread runs Python. ``ItemMirror`` copies each
row's shown texts (display, tooltip, alignment) once, as the rows arrive, into
a ``QStandardItemModel``, so painting and scrolling run in C++ alone. The rows
keep their numbers: ``source.row_at(index.row())`` still finds a row's object.
The cells are not editable in the views that use it (they say so themselves).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItemModel

from ui.common.paged_table_model import PagedTableModel

_Index = QModelIndex | QPersistentModelIndex
_COPIED = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)


class ItemMirror(QStandardItemModel):
    """``source``'s cells; more rows are fetched through it as the view scrolls down.

    New rows are copied a few at a time, one batch per turn of the event loop, so
    a page of rows never holds the window for long (``copying`` meanwhile).
    """

    BATCH = 50  # rows copied in one turn of the event loop: a few milliseconds

    def __init__(self, source: PagedTableModel) -> None:
        super().__init__(source)
        self._source = source
        self._next = 0  # the first row of the source not copied yet
        self._pump = QTimer(self)
        self._pump.setSingleShot(True)
        self._pump.setInterval(0)
        self._pump.timeout.connect(self._copy_batch)
        source.modelReset.connect(self.copy_all)
        source.rowsInserted.connect(lambda *_: self._pump.start())
        self.copy_all()

    @property
    def copying(self) -> bool:
        return self._next < self._source.rowCount()

    def copy_all(self) -> None:
        """Copy every row again (also when their texts change, say another time zone)."""
        source = self._source
        self.removeRows(0, self.rowCount())
        self._next = 0
        if self.columnCount() != source.columnCount():
            self.setColumnCount(source.columnCount())
            for column in range(source.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
                    value = source.headerData(column, Qt.Orientation.Horizontal, role)
                    if value is not None:
                        self.setHeaderData(column, Qt.Orientation.Horizontal, value, role)
        self._copy_batch()

    def _copy_batch(self) -> None:
        source = self._source
        first, last = self._next, min(self._next + self.BATCH, source.rowCount()) - 1
        if last < first:
            return
        # The rows go in at once (one notification for the view), then their cells
        # quietly and one word that they changed. The cells are set through the
        # model, never as QStandardItem objects made in Python: each of those would
        # keep a Python twin, and a reset would spend long dropping them.
        self.insertRows(first, last - first + 1)
        blocked = self.blockSignals(True)
        try:
            for number in range(first, last + 1):
                for column in range(source.columnCount()):
                    index = source.index(number, column)
                    values = {role: source.data(index, role) for role in _COPIED}
                    self.setItemData(
                        self.index(number, column),
                        {role: value for role, value in values.items() if value is not None},
                    )
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(first, 0), self.index(last, source.columnCount() - 1))
        self._next = last + 1
        if self.copying:
            self._pump.start()

    # Qt overrides -------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return self._source.canFetchMore(parent)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        self._source.fetchMore(parent)
