"""The dashboard's charts: trend, breakdown and funnel, each savable as a PNG.

``DashboardChart`` holds what they share: colours from the widget's palette
(light and dark), the widget's font (whose fallbacks draw Japanese), and a
context menu whose "Save as PNG…" writes what is on screen.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QPainter, QPalette
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from storage.dashboard import FunnelRow, Group
from surveys.questions import QuestionType
from ui.results.distribution_chart import (
    DETRACTOR_COLOR,
    NEUTRAL_COLOR,
    PASSIVE_COLOR,
    PROMOTER_COLOR,
    nice_axis,
)

SCORE_COLOR = QColor("#3b7dd8")
FUNNEL_COLORS = (NEUTRAL_COLOR, PASSIVE_COLOR, SCORE_COLOR, PROMOTER_COLOR)


class DashboardChart(QChartView):
    """A chart view that follows the palette and saves itself as a PNG."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.setBackgroundRoundness(0)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setTitle(title)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.axes: list[QValueAxis | QBarCategoryAxis] = []
        self.colors: list[tuple[QBarSet | QLineSeries, QColor]] = []

    def save_png(self, path: str) -> bool:
        """Write the chart as it is drawn now; False when the file could not be written."""
        return self.grab().save(path, "PNG")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Save as PNG…"), self._ask_and_save)
        menu.exec(event.globalPos() if event else self.mapToGlobal(QPoint()))

    def _ask_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), self._chart.title() + ".png", self.tr("PNG image (*.png)")
        )
        if path:
            self.save_png(path)

    def _add_axes(self, *placed: tuple[QValueAxis | QBarCategoryAxis, Qt.AlignmentFlag]) -> None:
        # Axes are made once and kept: QtCharts elides the labels of axes
        # replaced while the view is laid out.
        for axis, alignment in placed:
            self._chart.addAxis(axis, alignment)
            self.axes.append(axis)

    def _clear(self) -> None:
        self._chart.removeAllSeries()
        self.colors = []

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        background = palette.color(QPalette.ColorRole.Base)
        grid = palette.color(QPalette.ColorRole.Mid)
        dark = background.lightness() < 128
        # As in DistributionChart: the theme sets sensible defaults (and lays the
        # axes out again), then colours come from the palette.
        self._chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        self._chart.setBackgroundBrush(background)
        self._chart.setPlotAreaBackgroundVisible(False)
        self._chart.setTitleBrush(text)
        font = QFont(self.font())
        title_font = QFont(font)
        title_font.setBold(True)
        self._chart.setTitleFont(title_font)
        self._chart.legend().setLabelColor(text)
        self._chart.legend().setFont(font)
        for axis in self.axes:
            axis.setLabelsBrush(text)
            axis.setTitleBrush(text)
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        for item, color in self.colors:
            if isinstance(item, QBarSet):
                item.setColor(color)
                item.setBorderColor(color)
            else:
                pen = item.pen()
                pen.setColor(color)
                pen.setWidth(3)
                item.setPen(pen)
        self.setBackgroundBrush(background)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.apply_palette()
        super().changeEvent(event)


class TrendChart(DashboardChart):
    """Answers a period (bars, left axis) and the score in that period (line, right axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Trend"), parent)
        self.groups: list[Group] = []
        # Shorter, QtCharts elides a two-axis chart's tick labels to "…".
        self.setMinimumHeight(300)
        self.x = QBarCategoryAxis()
        self.counts = QValueAxis()
        self.score = QValueAxis()
        self._add_axes(
            (self.x, Qt.AlignmentFlag.AlignBottom),
            (self.counts, Qt.AlignmentFlag.AlignLeft),
            (self.score, Qt.AlignmentFlag.AlignRight),
        )

    def set_trend(self, kind: QuestionType, groups: list[Group]) -> None:
        self.groups = groups
        x, counts, score = self.x, self.counts, self.score
        counts.setLabelFormat("%d")
        counts.setTitleText(self.tr("Answers"))
        score.setTitleText(self.tr("Score"))
        self._clear()
        x.clear()
        x.append([g.key for g in groups] or [""])
        top, ticks = nice_axis(max((g.tally.n for g in groups), default=0))
        counts.setRange(0, top)
        counts.setTickCount(ticks)
        if kind is QuestionType.NPS:
            score.setRange(-100, 100)
        elif kind is QuestionType.CSAT:
            score.setRange(0, 100)
        else:
            score.setRange(1, 7 if kind is QuestionType.CES else 5)
        score.setTickCount(ticks)
        score.setLabelFormat("%d" if kind in (QuestionType.NPS, QuestionType.CSAT) else "%.1f")
        score.setGridLineVisible(False)
        x.setGridLineVisible(False)
        bars = QBarSeries()
        answers = QBarSet(self.tr("Answers"))
        answers.append([float(g.tally.n) for g in groups])
        bars.append(answers)
        line = QLineSeries()
        line.setName(self.tr("Score"))
        for i, group in enumerate(groups):
            value = group.tally.score(kind)
            if value is not None:
                line.append(i, value)
        self._chart.addSeries(bars)
        self._chart.addSeries(line)
        bars.attachAxis(x)
        bars.attachAxis(counts)
        line.attachAxis(x)
        line.attachAxis(score)
        self.colors = [(answers, NEUTRAL_COLOR), (line, SCORE_COLOR)]
        self.apply_palette()


class BreakdownChart(DashboardChart):
    """The score of each group (horizontal bars), with the group's answers in its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Breakdown"), parent)
        self.groups: list[Group] = []
        self._chart.legend().setVisible(False)
        self.y = QBarCategoryAxis()
        self.x = QValueAxis()
        self._add_axes((self.y, Qt.AlignmentFlag.AlignLeft), (self.x, Qt.AlignmentFlag.AlignBottom))

    def set_groups(self, kind: QuestionType, groups: list[Group], empty_name: str) -> None:
        self.groups = groups[:12]
        y, x = self.y, self.x
        x.setTitleText(self.tr("Score"))
        self._clear()
        y.clear()
        # Largest last: a horizontal chart draws its first category at the bottom.
        shown = list(reversed(self.groups))
        y.append([f"{g.key or empty_name} ({g.tally.n:,})" for g in shown] or [""])
        bar_set = QBarSet(self.tr("Score"))
        bar_set.append([g.tally.score(kind) or 0.0 for g in shown])
        if kind is QuestionType.NPS:
            x.setRange(-100, 100)
        elif kind is QuestionType.CSAT:
            x.setRange(0, 100)
        else:
            x.setRange(0, 7 if kind is QuestionType.CES else 5)
        x.setLabelFormat("%d")
        series = QHorizontalBarSeries()
        series.append(bar_set)
        self._chart.addSeries(series)
        series.attachAxis(y)
        series.attachAxis(x)
        self.colors = [(bar_set, SCORE_COLOR)]
        self.setMinimumHeight(120 + 28 * len(shown))
        self.apply_palette()


class FunnelChart(DashboardChart):
    """Per channel: sent → delivered → opened → answered, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Response rate by channel"), parent)
        self.title = self._chart.title()
        self.rows: list[FunnelRow] = []
        self.note = ""  # said under the title when a channel cannot report delivery
        self.setMinimumHeight(280)
        self.x = QBarCategoryAxis()
        self.y = QValueAxis()
        self._add_axes((self.x, Qt.AlignmentFlag.AlignBottom), (self.y, Qt.AlignmentFlag.AlignLeft))

    def set_rows(self, rows: list[FunnelRow], channel_names: dict[str, str]) -> None:
        self.rows = rows
        x, y = self.x, self.y
        y.setLabelFormat("%d")
        self._clear()
        x.clear()
        x.append([channel_names.get(r.channel, r.channel) for r in rows] or [""])
        series = QBarSeries()
        # No bar for email's delivery, and the title says why (DELIVERY_REPORTED).
        stages = (
            (self.tr("Sent"), [r.sent for r in rows]),
            (self.tr("Delivered"), [r.delivered or 0 for r in rows]),
            (self.tr("Opened"), [r.opened for r in rows]),
            (self.tr("Answered"), [r.answered for r in rows]),
        )
        for (name, values), color in zip(stages, FUNNEL_COLORS, strict=True):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            series.append(bar_set)
            self.colors.append((bar_set, color))
        self.note = (
            self.tr("Email: delivery is not reported (a mail server cannot confirm it)")
            if any(r.delivered is None for r in rows)
            else ""
        )
        self._chart.setTitle(
            f"<div align='center'>{html.escape(self.title)}<br><span style="
            f"'font-weight: normal'>{html.escape(self.note)}</span></div>"
            if self.note
            else self.title
        )
        top, ticks = nice_axis(max((r.sent for r in rows), default=0))
        y.setRange(0, top)
        y.setTickCount(ticks)
        x.setGridLineVisible(False)
        self._chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
        self.apply_palette()


__all__ = ["DETRACTOR_COLOR", "BreakdownChart", "FunnelChart", "TrendChart"]
