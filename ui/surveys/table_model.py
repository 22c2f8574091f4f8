"""The survey list as a Qt table model.

Rows are ``storage.surveys.SurveySummary`` values re-queried through the
database worker and handed over whole with ``set_rows``; the model keeps no
state of its own beyond the last query (the database is the source of truth).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from storage.surveys import SurveySummary
from surveys.text import DEFAULT_LANGUAGE
from ui.common.survey_labels import archived_name, date_text, datetime_text, kind_name, status_text

COL_TITLE = 0
COL_KIND = 1
COL_STATUS = 2
COL_RESPONSES = 3
COL_CREATED = 4
COLUMN_COUNT = 5

SURVEY_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the survey's id
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2  # SurveySummary: the whole row
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value that sorts the column sensibly

_Index = QModelIndex | QPersistentModelIndex


class SurveyTableModel(QAbstractTableModel):
    """Surveys, newest first: title, kind, status, responses, created date.

    Titles are shown in ``language`` (falling back to any language the survey has).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SurveySummary] = []
        self._language = DEFAULT_LANGUAGE
        self._now = datetime.now(UTC)

    def set_rows(self, rows: list[SurveySummary], language: str | None = None) -> None:
        """Replace every row with a fresh query's result."""
        self.beginResetModel()
        self._rows = list(rows)
        if language is not None:
            self._language = language
        # One "now" per query, so that every row judges "ended" alike.
        self._now = datetime.now(UTC)
        self.endResetModel()

    def rows(self) -> list[SurveySummary]:
        return list(self._rows)

    def row_of(self, survey_id: int) -> int:
        """The row showing ``survey_id``, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.id == survey_id), -1)

    def summary(self, row: int) -> SurveySummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # Qt overrides -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            COL_TITLE: self.tr("Title"),
            COL_KIND: self.tr("Kind"),
            COL_STATUS: self.tr("Status"),
            COL_RESPONSES: self.tr("Responses"),
            COL_CREATED: self.tr("Created"),
        }
        return headers.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CREATED:
            return datetime_text(row.created_at)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return row.title.get_for(self._language)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_RESPONSES:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == SURVEY_ID_ROLE:
            return row.id
        if role == SUMMARY_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _display(self, row: SurveySummary, column: int) -> str | None:
        if column == COL_TITLE:
            return row.title.get_for(self._language)
        if column == COL_KIND:
            return kind_name(row.kind)
        if column == COL_STATUS:
            if row.archived:
                return archived_name()
            return status_text(row.status, row.closes_at, self._now)
        if column == COL_RESPONSES:
            return QLocale().toString(row.responses)
        if column == COL_CREATED:
            return date_text(row.created_at)
        return None

    def _sort_key(self, row: SurveySummary, column: int) -> Any:
        if column == COL_RESPONSES:
            return row.responses
        if column == COL_CREATED:
            # Ties (same second) fall back to the id, so newer still sorts later.
            return row.created_at.timestamp() * 1_000_000 + row.id
        if column == COL_STATUS:
            return 3 if row.archived else ("draft", "open", "closed").index(row.status.value)
        return self._display(row, column)
