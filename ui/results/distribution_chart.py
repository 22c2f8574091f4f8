"""A bar chart of a scale question's score distribution.

Every scale point is on the x axis, even those nobody chose. Bars are coloured
by what the score means: for NPS detractors (0–6), passives (7–8) and
promoters (9–10); for CSAT not satisfied (1–3) and satisfied (4–5); for CES
disagree or neutral (1–4) and agree (5–7). Each group is a QBarSet of a
QStackedBarSeries holding zeros outside its range, so the legend names the
groups while each score keeps one bar.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from surveys.questions import SCALES, QuestionType

# Mid-tone colours that keep their contrast on light and dark backgrounds.
DETRACTOR_COLOR = QColor("#d9534f")
PASSIVE_COLOR = QColor("#e0a526")
PROMOTER_COLOR = QColor("#2e9d5b")
NEUTRAL_COLOR = QColor("#8c96a3")


@dataclass(frozen=True)
class ScoreGroup:
    label: str  # source text, translated in the "DistributionChart" context
    low: int
    high: int
    color: QColor


GROUPS: dict[QuestionType, tuple[ScoreGroup, ...]] = {
    QuestionType.NPS: (
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Detractors (0–6)"), 0, 6,
                   DETRACTOR_COLOR),
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Passives (7–8)"), 7, 8,
                   PASSIVE_COLOR),
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Promoters (9–10)"), 9, 10,
                   PROMOTER_COLOR),
    ),
    QuestionType.CSAT: (
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Not satisfied (1–3)"), 1, 3,
                   NEUTRAL_COLOR),
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Satisfied (4–5)"), 4, 5,
                   PROMOTER_COLOR),
    ),
    QuestionType.CES: (
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Disagree or neutral (1–4)"), 1, 4,
                   NEUTRAL_COLOR),
        ScoreGroup(QT_TRANSLATE_NOOP("DistributionChart", "Agree: easy (5–7)"), 5, 7,
                   PROMOTER_COLOR),
    ),
}  # fmt: skip


ANSWERS_LABEL = QT_TRANSLATE_NOOP("DistributionChart", "Answers")


def groups_for(kind: QuestionType, points: list[int]) -> tuple[ScoreGroup, ...]:
    """The coloured groups for ``kind``; one neutral group for other scales (stars, smileys)."""
    if kind in GROUPS:
        return GROUPS[kind]
    return (ScoreGroup(ANSWERS_LABEL, min(points, default=0), max(points, default=0),
                       PROMOTER_COLOR),)  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("DistributionChart", text)


def nice_axis(maximum: int) -> tuple[int, int]:
    """(top, tick count) for a count axis: whole-number ticks, at most six intervals."""
    if maximum <= 0:
        return 1, 2
    steps = (m * 10**e for e in itertools.count() for m in (1, 2, 5))
    step = next(s for s in steps if math.ceil(maximum / s) <= 6)
    top = math.ceil(maximum / step) * step
    return top, top // step + 1


class DistributionChart(QChartView):
    """``set_distribution(kind, counts)`` draws how many answers each score got.

    Colours of text, grid and background follow the widget's palette, so the
    chart reads in light and dark themes; text uses the widget's font, whose
    fallbacks draw Japanese.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.setBackgroundRoundness(0)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._kind: QuestionType | None = None
        self._sets: list[QBarSet] = []
        self._points: list[int] = []
        self._groups: tuple[ScoreGroup, ...] = ()
        self.axis_x = QBarCategoryAxis()
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self._chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self._apply_palette()

    def bar_sets(self) -> list[QBarSet]:
        return list(self._sets)

    def set_distribution(self, kind: QuestionType, counts: Mapping[int, int]) -> None:
        """Show ``counts`` (every scale point → answers) for a question of ``kind``."""
        points = sorted(counts) if kind not in SCALES else list(SCALES[kind].points)
        if kind != self._kind or points != self._points:
            self._rebuild(kind, points)
        for bar_set, group in zip(self._sets, self._groups, strict=True):
            for i, point in enumerate(self._points):
                value = counts.get(point, 0) if group.low <= point <= group.high else 0
                bar_set.replace(i, value)
        top, ticks = nice_axis(max(counts.values(), default=0))
        self.axis_y.setRange(0, top)
        self.axis_y.setTickCount(ticks)

    def _rebuild(self, kind: QuestionType, points: list[int]) -> None:
        self._chart.removeAllSeries()
        self._kind = kind
        self._points = points
        self._groups = groups_for(kind, points)
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        self._sets = []
        for group in self._groups:
            bar_set = QBarSet(_tr(group.label))
            bar_set.append([0.0] * len(self._points))
            series.append(bar_set)
            self._sets.append(bar_set)
        self._chart.addSeries(series)
        self.axis_x.clear()
        self.axis_x.append([str(point) for point in self._points])
        series.attachAxis(self.axis_x)
        series.attachAxis(self.axis_y)
        self.axis_x.setTitleText(self.tr("Score"))
        self.axis_y.setTitleText(self.tr("Answers"))
        self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        background = palette.color(QPalette.ColorRole.Base)
        grid = palette.color(QPalette.ColorRole.Mid)
        dark = background.lightness() < 128
        # The theme sets sensible defaults (fonts, pens); colours are then taken
        # from the palette so the chart sits in the window instead of on a slab.
        self._chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        self._chart.setBackgroundBrush(background)
        self._chart.setPlotAreaBackgroundVisible(False)
        self._chart.legend().setLabelColor(text)
        font = QFont(self.font())
        self._chart.legend().setFont(font)
        title_font = QFont(font)
        title_font.setBold(True)
        for axis in (self.axis_x, self.axis_y):
            axis.setLabelsBrush(text)
            axis.setLabelsFont(font)
            axis.setTitleBrush(text)
            axis.setTitleFont(title_font)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        self.axis_x.setGridLineVisible(False)
        if self._kind is not None:
            for bar_set, group in zip(self._sets, self._groups, strict=True):
                bar_set.setColor(group.color)
                bar_set.setBorderColor(group.color)
        self.setBackgroundBrush(background)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_palette()
        super().changeEvent(event)
