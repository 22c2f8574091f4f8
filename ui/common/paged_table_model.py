"""A table model that loads its rows a page at a time through the database worker.

The view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls, so
a table of 100,000 rows costs the GUI thread only the rows on screen. A
subclass says how to read the count with the first page and the page after the
rows already loaded; this class keeps the rest in one place: one fetch at a
time, results of an older query dropped, Qt's row notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from sqlite_utils import Database

from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.worker import DbWorker

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex
FirstPage = Callable[[Database], tuple[int, list[Any]]]
NextPage = Callable[[Database], list[Any]]


class PagedTableModel(QAbstractTableModel):
    """Rows of a query, loaded lazily. Subclasses implement ``first_page_job``,
    ``next_page_job``, ``columnCount``, ``headerData`` and ``data``.

    Signals:
        loaded(int): a new query's first page arrived; carries how many rows match.
        fetched(): another page was appended.
        failed(str): a query failed; plain words.
    """

    loaded = Signal(int)
    fetched = Signal()
    failed = Signal(str)

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._rows: list[Any] = []
        self._total = 0
        self._generation = 0
        self._fetching = False

    @property
    def total(self) -> int:
        """How many rows match the query (loaded or not)."""
        return self._total

    @property
    def fetching(self) -> bool:
        return self._fetching

    def first_page_job(self) -> FirstPage:
        """A job for the worker: (how many rows match, the first page), for the current query."""
        raise NotImplementedError

    def next_page_job(self, loaded: list[Any]) -> NextPage:
        """A job for the worker: the page that follows the rows ``loaded`` so far."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-run the query from its first page."""
        self._generation += 1
        generation = self._generation
        self._fetching = True

        def done(result: tuple[int, list[Any]]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            self.beginResetModel()
            self._total, self._rows = result[0], list(result[1])
            self.endResetModel()
            self.loaded.emit(self._total)

        self._worker.submit(
            self.first_page_job(), guarded(self, done), guarded(self, self._on_failed)
        )

    def _on_failed(self, error: Exception) -> None:
        self._fetching = False
        self.failed.emit(error_text(error))

    # Qt overrides -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        if parent.isValid():
            return False
        return not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation

        def done(rows: list[Any]) -> None:
            if generation != self._generation:
                return
            if not rows:
                self._fetching = False
                self._total = len(self._rows)  # some were deleted meanwhile
                return
            first = len(self._rows)
            # Still "fetching" while the rows go in: views (and the model tester)
            # ask for more from inside these notifications.
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            self._fetching = False
            self.fetched.emit()

        self._worker.submit(
            self.next_page_job(self._rows), guarded(self, done), guarded(self, self._on_failed)
        )
