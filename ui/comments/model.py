"""Comments as a Qt table model that loads a page at a time (PagedTableModel).

``set_filter`` reads the count and the first page through the database
worker; the view asks for more (``canFetchMore``/``fetchMore``) as the user
scrolls, so 100,000 comments cost the GUI thread only the rows on screen.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from sqlite_utils import Database

from storage import comments as comment_store
from storage.comments import Comment, CommentFilter
from surveys.band_names import band_name
from surveys.questions import Band, QuestionType
from surveys.tags import tag_label
from surveys.times import date_text
from ui.common.paged_table_model import PAGE_SIZE, FirstPage, NextPage, PagedTableModel
from ui.common.worker import DbWorker

COL_DATE = 0
COL_SCORE = 1
COL_BAND = 2
COL_TEXT = 3
COL_TAGS = 4
COL_CONTACT = 5
COLUMN_COUNT = 6

ANSWER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # storage.comments.Comment


_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def band_text(kind: QuestionType | None, band: Band | None, language: str) -> str:
    """A score's band as its kind names it: "Promoter" (NPS), "Satisfied" (CSAT), "簡単" (CES)."""
    if kind is None or band is None:
        return ""
    return band_name(kind, band, language)


def no_comment_text() -> str:
    """What a detractor response that left no comment shows instead of one."""
    return translate("CommentsModel", "(no comment)")


def contact_text(comment: Comment) -> str:
    """The contact's name and attributes, e.g. "佐藤 花子 · store: 渋谷"."""
    parts = [comment.contact_name] if comment.contact_name else []
    parts += [f"{k}: {v}" for k, v in comment.attributes.items()]
    return " · ".join(parts)


def tags_text(tags: list[str], language: str) -> str:
    """A comment's tags as a person reads them, e.g. "価格, サポート"."""
    return ", ".join(sorted(tag_label(t, language) for t in tags))


class CommentsModel(PagedTableModel):
    """Comments matching a filter, newest first (signals: see PagedTableModel)."""

    def __init__(
        self,
        worker: DbWorker,
        parent: QObject | None = None,
        *,
        language: str = "en",
        zone: tzinfo = UTC,
    ) -> None:
        super().__init__(worker, parent)
        self._filter = CommentFilter()
        # Tags are stored under stable keys; the built-in ones read in this language.
        self.language = language
        # Times are stored in UTC; the date shown is the workspace's, as on the Responses tab.
        self.zone = zone

    @property
    def filter(self) -> CommentFilter:
        return self._filter

    def set_filter(self, flt: CommentFilter) -> None:
        self._filter = flt
        self.refresh()

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(replace(self._filter, **changes))

    def first_page_job(self) -> FirstPage:
        flt = self._filter

        def job(db: Database) -> tuple[int, list[Comment]]:
            # Tags are applied to new comments before they are shown.
            comment_store.apply_pending(db)
            return comment_store.count(db, flt), comment_store.fetch(db, flt, 0, PAGE_SIZE)

        return job

    def next_page_job(self, loaded: list[Comment]) -> NextPage:
        flt, offset = self._filter, len(loaded)
        return lambda db: comment_store.fetch(db, flt, offset, PAGE_SIZE)

    def comment(self, row: int) -> Comment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_zone(self, zone: tzinfo) -> None:
        """Show the dates in ``zone`` (the workspace's time zone was changed)."""
        self.zone = zone
        if self._rows:
            last = self.index(len(self._rows) - 1, COL_DATE)
            self.dataChanged.emit(self.index(0, COL_DATE), last)

    def set_tags(self, answer_id: int, tags: list[str]) -> None:
        """Show a comment's new tags in place."""
        for row, comment in enumerate(self._rows):
            if comment.answer_id == answer_id:
                comment.tags = sorted(tags)
                index = self.index(row, COL_TAGS)
                self.dataChanged.emit(index, index)

    # Qt overrides -----------------------------------------------------------

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_DATE: self.tr("Date"),
            COL_SCORE: self.tr("Score"),
            COL_BAND: self.tr("Category"),
            COL_TEXT: self.tr("Comment"),
            COL_TAGS: self.tr("Tags"),
            COL_CONTACT: self.tr("Contact"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        comment = self._rows[index.row()]
        column = index.column()
        if role == ANSWER_ID_ROLE:
            return comment.answer_id
        if role == COMMENT_ROLE:
            return comment
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DATE:
                return date_text(comment.created_at, self.zone)
            if column == COL_SCORE:
                if comment.score is None:
                    return ""
                if comment.scale_max is None:
                    return str(comment.score)
                return f"{comment.score}/{comment.scale_max}"
            if column == COL_BAND:
                return band_text(comment.kind, comment.band, self.language)
            if column == COL_TEXT:
                if comment.answer_id is None:
                    return no_comment_text()
                return " ".join(comment.text.split())
            if column == COL_TAGS:
                return tags_text(comment.tags, self.language)
            if column == COL_CONTACT:
                return contact_text(comment)
        if role == Qt.ItemDataRole.FontRole and column == COL_TEXT and comment.answer_id is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            # Tooltips render rich text: a respondent's "<b>" must show as typed.
            return html.escape(comment.text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
