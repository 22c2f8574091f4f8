"""The Results page's Responses tab: every response under the dashboard's filters.

A lazily loading table (``ResponseTableModel``): the first page comes with
the count the dashboard already read, later pages as the user scrolls, each
read on the worker by keyset, so a million responses scroll without a stall.
The tab queries only while it is shown: hidden, it notes what changed and
catches up when it comes back. New answers reload the list at once when the
user is looking at its top; scrolled down, the user keeps their place and a
button offers the newest.

Signals:
    comment_requested(int, int): open this survey's comment (the answer's id) on
        the Comments page (Enter or a double-click on a row with a comment).
    clear_filters_requested(): the user asked to see every response again.
    delete_requested(object): delete this ResponseRow (Delete response…, the Delete
        key or the row's menu); the page asks first.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.response_table import ResponseQuery, ResponseRow
from surveys.band_names import bands_of
from surveys.questions import SCALE_TYPES
from ui.comments.model import band_text
from ui.common.empty_state import EmptyState
from ui.common.item_mirror import ItemMirror
from ui.common.worker import DbWorker
from ui.results import response_table_model as columns
from ui.results.data import Options, effective_filters
from ui.results.response_table_model import ResponseTableModel

# What the widest cell of each column reads like; the comment takes the rest.
_SAMPLES = {
    columns.COL_DATE: "2026-12-31 23:59",
    columns.COL_SCORE: "10/10",
    columns.COL_FOLLOW_UP: "Contacted · Sato",
    columns.COL_CHANNEL: "Link · yokohama",
    columns.COL_LANGUAGE: "ja",
}


def _choices(options: Options) -> tuple[object, ...]:
    return (options.survey_id, options.filters, options.days, options.same_kind)


class ResponsesView(QWidget):
    comment_requested = Signal(int, int)
    clear_filters_requested = Signal()
    delete_requested = Signal(object)

    def __init__(
        self, worker: DbWorker, zone: tzinfo, parent: QWidget | None = None, *, language: str = "en"
    ) -> None:
        super().__init__(parent)
        self._options: Options | None = None
        self._total: int | None = None
        self._stale = False

        self.model = ResponseTableModel(worker, self, zone=zone, language=language)
        self.table = QTableView()
        self.table.setObjectName("responses_table")
        # The view paints from a C++ copy of the rows: scrolling never waits for Python.
        self.mirror = ItemMirror(self.model)
        self.table.setModel(self.mirror)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Every row one line high: Qt need not measure rows it has not shown.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(columns.COL_COMMENT, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.table.activated.connect(self._on_activated)

        self.count = QLabel()
        self.count.setObjectName("responses_count")
        self.newer = QPushButton(self.tr("Show new responses"))
        self.newer.setObjectName("responses_newer")
        self.newer.hide()
        self.newer.clicked.connect(self._reload)
        self.delete_action = QAction(self.tr("Delete response…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setEnabled(False)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.delete_button = QPushButton(self.delete_action.text())
        self.delete_button.setObjectName("delete_response")
        self.delete_button.setToolTip(
            self.tr("Delete the selected response, e.g. when a customer asks for it")
        )
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        top = QHBoxLayout()
        top.setContentsMargins(0, 4, 0, 4)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.newer)
        top.addWidget(self.delete_button)

        self.empty = EmptyState("inbox", self.tr("Show all responses"))
        self.empty.set_text(
            self.tr("No responses match these filters"),
            self.tr("Choose a longer period, or all channels, segments and campaigns."),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.clear_filters_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(
            lambda error: self.count.setText(
                self.tr("Could not read the responses: %1").replace("%1", error)
            )
        )

    def _fit_columns(self) -> None:
        """Each column as wide as its header or its widest likely text, in this language."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        texts = {
            columns.COL_BAND: [
                band_text(kind, band, self.model.language)
                for kind in SCALE_TYPES
                for band in bands_of(kind)
            ],
            columns.COL_STATUS: [
                QCoreApplication.translate("ResponseTableModel", "Complete"),
                QCoreApplication.translate("ResponseTableModel", "Partial"),
            ],
        }
        for column in range(self.model.columnCount()):
            if column == columns.COL_COMMENT:
                continue
            samples = [*texts.get(column, []), _SAMPLES.get(column, "")]
            samples.append(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            header.resizeSection(column, max(map(metrics.horizontalAdvance, samples)) + 18)
        # Rows one line high, a little air around the text.
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    def set_zone(self, zone: tzinfo) -> None:
        """Show the times in ``zone`` (the workspace's time zone was changed)."""
        self.model.zone = zone
        self.mirror.copy_all()

    def set_options(self, options: Options, total: int | None) -> None:
        """List the responses the dashboard's ``options`` let through; ``total`` is
        their count when the dashboard knows it (its headline counts the same rows)."""
        # The same choices, though "the last 30 days" now starts a little later.
        same = self._options is not None and _choices(options) == _choices(self._options)
        self._options, self._total = options, total
        if not self.isVisible():
            self._stale = True  # read when the tab is shown, not behind the user's back
            return
        if same and self.table.verticalScrollBar().value() > 0:
            # New answers while the user reads further down: keep their place.
            self._show_count(total)
            self.newer.setVisible(total is None or total != self.model.total)
            return
        self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.newer.hide()
        options = self._options
        if options is not None:
            query = ResponseQuery(options.survey_id, effective_filters(options), options.same_kind)
            self.model.set_query(query, self._total)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _on_loaded(self, total: int) -> None:
        self._show_count(total)
        self.stack.setCurrentWidget(self.table if total else self.empty)
        self.table.scrollToTop()

    def _show_count(self, total: int | None) -> None:
        if total is not None:
            self.count.setText(self.tr("%Ln response(s)", "", total))

    def selected_row(self) -> ResponseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection(self) -> None:
        chosen = self.selected_row() is not None
        self.delete_action.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.delete_requested.emit(row)

    def describe(self, row: ResponseRow) -> str:
        """A response as the confirmation names it: its date, score and comment."""
        parts = [self.model.local_time(row)]
        if row.score is not None:
            score = f"{row.score}/{row.scale_max}" if row.scale_max else str(row.score)
            parts.append(self.tr("score %1").replace("%1", score))
        if row.comment:
            comment = " ".join(row.comment.split())
            parts.append(f"“{comment[:60]}…”" if len(comment) > 60 else f"“{comment}”")
        return " · ".join(parts)

    def reload(self) -> None:
        """Read the list again now (a response was deleted)."""
        self._reload()

    def _menu(self, where: QPoint) -> None:
        if self.selected_row() is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(where))

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and row.comment_answer_id is not None:
            self.comment_requested.emit(row.survey_id, row.comment_answer_id)
