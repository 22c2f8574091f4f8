"""Big-screen mode: a full-screen live dashboard for the office screen.

A large score, its trend and the latest comments, refreshed every
``REFRESH_MS`` through the page's worker; Esc (or a click on "Leave") closes it.

Signals:
    closed(): the window was closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlite_utils import Database

from storage import dashboard
from ui.common.page_jobs import CoalescedQuery
from ui.common.survey_labels import score_name
from ui.common.widgets import heading_font
from ui.common.worker import DbWorker
from ui.results.dashboard_charts import TrendChart
from ui.results.data import DashboardData, Options, load

REFRESH_MS = 30_000


def _big_job(options: Options) -> Callable[[Database], tuple[DashboardData, list[tuple[str, str]]]]:
    def job(db: Database) -> tuple[DashboardData, list[tuple[str, str]]]:
        data = load(db, options)
        surveys = data.scope.survey_ids if data.scope is not None else (options.survey_id,)
        return data, dashboard.latest_comments(db, surveys, 6)

    return job


class BigScreen(QWidget):
    closed = Signal()

    def __init__(self, worker: DbWorker, options: Options, title: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.options = options
        self.title_label = QLabel(title)
        self.title_label.setFont(heading_font(self.font(), 2.0))
        self.score_label = QLabel("–")
        self.score_label.setFont(heading_font(self.font(), 9.0))
        self.name_label = QLabel()
        self.name_label.setFont(heading_font(self.font(), 1.6))
        self.count_label = QLabel()
        self.count_label.setFont(heading_font(self.font(), 1.4))
        self.trend = TrendChart()
        self.comments_label = QLabel()
        self.comments_label.setWordWrap(True)
        self.comments_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.comments_label.setFont(font)
        leave = QPushButton(self.tr("Leave big screen (Esc)"))
        leave.clicked.connect(self.close)

        left = QVBoxLayout()
        left.addWidget(self.score_label)
        left.addWidget(self.name_label)
        left.addWidget(self.count_label)
        left.addStretch(1)
        comments_title = QLabel(self.tr("Latest comments"))
        comments_title.setFont(heading_font(self.font(), 1.4))
        left.addWidget(comments_title)
        left.addWidget(self.comments_label, 2)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self.trend, 2)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(top)
        layout.addLayout(row, 1)

        self._query = CoalescedQuery(self, worker, lambda: _big_job(self.options), self._show)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._query.request)
        self.timer.start()
        self._query.request()

    def refresh(self) -> None:
        self._query.request()

    def _show(self, value: tuple[DashboardData, list[tuple[str, str]]]) -> None:
        data, comments = value
        headline = data.headline
        if headline is not None:
            self.score_label.setText(headline.score.formatted())
            self.name_label.setText(score_name(headline.score.kind))
            self.count_label.setText(self.tr("%Ln answer(s)", "", headline.score.count))
            self.trend.set_trend(headline.kind, data.trend)
        self.comments_label.setText(
            "\n\n".join(f"“{text}”" for _at, text in comments) or self.tr("No comments yet.")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)
