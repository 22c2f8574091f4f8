"""A survey's responses as a Qt table model that loads a page at a time.

The Results page's Responses tab. ``set_query`` reads the first page through
the database worker (with the count, unless the dashboard already knows it);
the view asks for more as the user scrolls, and each page is read by keyset
(``storage.response_table``), so a million responses cost the GUI thread only
the rows loaded, and a page deep down costs what the first one does.

Comments are respondents' own words: they are shown as plain text in a
single line (the view elides it) with the whole text in the tooltip, never
as rich text, which would let a comment's HTML style the app.
"""

from __future__ import annotations

import html
from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlite_utils import Database

from storage import response_table
from storage.response_table import ResponseQuery, ResponseRow
from surveys.times import minute_text
from ui.comments.model import band_text
from ui.common.paged_table_model import PAGE_SIZE, FirstPage, NextPage, PagedTableModel
from ui.common.worker import DbWorker

COL_DATE = 0
COL_SCORE = 1
COL_BAND = 2
COL_COMMENT = 3
COL_FOLLOW_UP = 4
COL_CHANNEL = 5  # with the campaign or the link's source tag: "SMS · Spring"
COL_LANGUAGE = 6
COL_STATUS = 7
COLUMN_COUNT = 8

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # storage.response_table.ResponseRow
# The roles ``data`` answers.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
    )
)

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def channel_text(channel: str) -> str:
    return {
        "sms": translate("ResponseTableModel", "SMS"),
        "email": translate("ResponseTableModel", "Email"),
        "link": translate("ResponseTableModel", "Link"),
    }.get(channel, channel)


def follow_up_text(row: ResponseRow) -> str:
    """A detractor's case, e.g. "Contacted · Sato"; "" for everyone else."""
    if row.case_status is None:
        return ""
    status = {
        "new": translate("ResponseTableModel", "New"),
        "contacted": translate("ResponseTableModel", "Contacted"),
        "resolved": translate("ResponseTableModel", "Resolved"),
    }.get(row.case_status, row.case_status)
    return f"{status} · {row.case_owner}" if row.case_owner else status


def source_text(row: ResponseRow) -> str:
    """Where the answer came from: "SMS · Spring" (a campaign), "Link · qr" (a ?src= tag)."""
    origin = row.campaign or row.source
    return f"{channel_text(row.channel)} · {origin}" if origin else channel_text(row.channel)


class ResponseTableModel(PagedTableModel):
    """Responses matching a ``ResponseQuery``, newest first (signals: see PagedTableModel)."""

    def __init__(
        self,
        worker: DbWorker,
        parent: QObject | None = None,
        *,
        zone: tzinfo = UTC,
        language: str = "en",
    ) -> None:
        super().__init__(worker, parent)
        self._query: ResponseQuery | None = None
        self._known_total: int | None = None
        self._texts: dict[int, tuple[str, ...]] = {}  # row number → its cells' texts
        self.modelReset.connect(self._texts.clear)
        # Times are stored in UTC and read in the workspace's zone, as the trend is.
        self._zone = zone
        self.language = language  # of the UI: bands are named in it

    @property
    def zone(self) -> tzinfo:
        return self._zone

    @zone.setter
    def zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self._texts.clear()  # the times read otherwise now

    @property
    def query(self) -> ResponseQuery | None:
        return self._query

    def set_query(self, query: ResponseQuery, total: int | None = None) -> None:
        """List ``query``'s responses; ``total`` is their count when already known
        (the dashboard's headline counts the same rows), which spares counting again."""
        self._query = query
        self._known_total = total
        self.refresh()

    def first_page_job(self) -> FirstPage:
        query, total = self._query, self._known_total
        if query is None:
            return lambda _db: (0, [])

        def job(db: Database) -> tuple[int, list[ResponseRow]]:
            return response_table.first_page(db, query, PAGE_SIZE, total)

        return job

    def next_page_job(self, loaded: list[ResponseRow]) -> NextPage:
        query = self._query
        assert query is not None  # there are rows to follow only once a query ran
        after = loaded[-1].key
        # No more than remain: the last page then stops at the last row instead
        # of scanning the rest of the table for rows that are not there.
        limit = min(PAGE_SIZE, self.total - len(loaded))
        return lambda db: response_table.page(db, query, after, limit)

    def row_at(self, row: int) -> ResponseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def local_time(self, row: ResponseRow) -> str:
        return minute_text(row.created_at, self.zone)

    # Qt overrides -----------------------------------------------------------

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_DATE: self.tr("Date"),
            COL_SCORE: self.tr("Score"),
            COL_BAND: self.tr("Category"),
            COL_COMMENT: self.tr("Comment"),
            COL_FOLLOW_UP: self.tr("Follow-up"),
            COL_CHANNEL: self.tr("Channel"),
            COL_LANGUAGE: self.tr("Language"),
            COL_STATUS: self.tr("Answered"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A cell on screen is asked for a dozen roles each time it is painted; the
        # font, colours, icon… are the view's own: answered first, in Python's least time.
        if role not in _ROLES:
            return None
        number = index.row()
        if not 0 <= number < len(self._rows) or not index.isValid():
            return None
        row: ResponseRow = self._rows[number]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(number)
            if texts is None:  # each row's texts made once, not at every repaint
                texts = self._texts[number] = tuple(
                    self._display(row, c) for c in range(COLUMN_COUNT)
                )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_COMMENT and row.comment:
                # A tooltip that looks like HTML is shown as HTML: escape it to stay literal.
                return (
                    "<p style='white-space:pre-wrap'>"
                    + html.escape(row.comment, quote=False)
                    + "</p>"
                )
            if column == COL_CHANNEL and row.campaign:
                return self.tr("Campaign: %1").replace("%1", row.campaign)
            if column == COL_CHANNEL and row.source:
                return self.tr("Source tag of the link: %1").replace("%1", row.source)
            if column == COL_STATUS and not row.complete:
                return self.tr("The respondent gave a score but did not finish the survey")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ResponseRow, column: int) -> str:
        if column == COL_DATE:
            return self.local_time(row)
        if column == COL_SCORE:
            if row.score is None:
                return ""
            return f"{row.score}/{row.scale_max}" if row.scale_max else str(row.score)
        if column == COL_BAND:
            return band_text(row.kind, row.band, self.language)
        if column == COL_COMMENT:
            # One line: line breaks inside a comment would hide the rest of the row.
            return " ".join(row.comment.split())
        if column == COL_FOLLOW_UP:
            return follow_up_text(row)
        if column == COL_CHANNEL:
            return source_text(row)
        if column == COL_LANGUAGE:
            return row.language
        if column == COL_STATUS:
            return self.tr("Complete") if row.complete else self.tr("Partial")
        return ""
