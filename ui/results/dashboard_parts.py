"""The Results page's dashboard tab: its widgets in order (the headline summary, the
distribution, trend, breakdown and funnel charts with their two choices) and how each
part's result shows in them as it comes, each part covered while it is on its way.

Its words keep the ``ResultsPage`` translation context they had in the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from storage import dashboard
from storage.analytics import SurveyResults
from storage.dashboard import Filters, FunnelRow, Group, Tally
from surveys.questions import QuestionType
from ui.common.loading_cover import LoadingCover
from ui.results.dashboard_charts import BreakdownChart, FunnelChart, TrendChart
from ui.results.data import DashboardData, HeadlinePart, Options, assemble
from ui.results.distribution_chart import DistributionChart
from ui.results.headline_extra import HeadlineExtra
from ui.results.score_summary import ScoreSummary
from ui.results.tabs import labelled

translate = QCoreApplication.translate


class DashboardParts:
    """The dashboard's widgets; ``changed`` is called when the user picks another trend
    unit or breakdown key (the dashboard's query runs again)."""

    def __init__(self, changed: Callable[[], None]) -> None:
        self.summary = ScoreSummary()
        self.extra = HeadlineExtra()
        self.chart = DistributionChart()
        self.trend = TrendChart()
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(translate("ResultsPage", "By month"), "month")
        self.unit_combo.addItem(translate("ResultsPage", "By week"), "week")
        self.unit_combo.currentIndexChanged.connect(lambda _i: changed())
        self.by_combo = QComboBox()
        self.fill_by([])
        self.by_combo.currentIndexChanged.connect(lambda _i: changed())
        self.breakdown = BreakdownChart()
        self.funnel = FunnelChart()
        self._arrived: dict[str, Any] = {}  # the parts of the choices on screen, so far
        # Each part covered while its query runs for choices it does not show yet.
        self._covers = {
            "headline": LoadingCover(self.summary),
            "extra": LoadingCover(self.extra, say=False),  # the summary above says it
            "distribution": LoadingCover(self.chart),
            "trend": LoadingCover(self.trend),
            "breakdown": LoadingCover(self.breakdown),
            "funnel": LoadingCover(self.funnel),
        }

    def widgets(self) -> list[QWidget]:
        """The dashboard tab's column, top to bottom."""
        return [
            self.summary,
            self.extra,
            self.chart,
            labelled(translate("ResultsPage", "Trend:"), self.unit_combo),
            self.trend,
            labelled(translate("ResultsPage", "Breakdown by:"), self.by_combo),
            self.breakdown,
            self.funnel,
        ]

    def by(self) -> str:
        """The breakdown's key (a channel, source tag, campaign or contact attribute)."""
        return str(self.by_combo.currentData() or dashboard.BY_CHANNEL)

    def unit(self) -> str:
        """The trend's unit: month or week."""
        return str(self.unit_combo.currentData() or "month")

    def fill_by(self, attributes: list[str]) -> None:
        """The breakdown's choices, with the contacts' ``attributes``; the choice stays."""
        chosen = self.by_combo.currentData()
        blocked = self.by_combo.blockSignals(True)
        self.by_combo.clear()
        self.by_combo.addItem(translate("ResultsPage", "Channel"), dashboard.BY_CHANNEL)
        self.by_combo.addItem(translate("ResultsPage", "Source tag"), dashboard.BY_SOURCE)
        self.by_combo.addItem(translate("ResultsPage", "Campaign"), dashboard.BY_CAMPAIGN)
        for name in attributes:
            self.by_combo.addItem(
                translate("ResultsPage", "Contact: %1").replace("%1", name),
                dashboard.ATTRIBUTE_PREFIX + name,
            )
        self.by_combo.setCurrentIndex(max(self.by_combo.findData(chosen), 0))
        self.by_combo.blockSignals(blocked)

    def set_loading(self, periods: bool) -> None:
        """Cover every part (the filters changed: their numbers are no longer these);
        with ``periods``, the comparison with the period before is on its way too."""
        self._arrived.clear()
        for cover in self._covers.values():
            cover.set_loading(True)
        self.extra.show_periods_loading(periods)

    def loading_of(self, part: str) -> bool:
        """Whether ``part`` ("headline", "trend", "breakdown", "funnel") is still on its way."""
        return self._covers[part].loading

    def show_results(self, results: SurveyResults) -> None:
        """The whole survey's headline and distribution (before the filters apply)."""
        self.summary.show_results(results)
        question = results.survey.headline_question
        self.chart.setVisible(question is not None)
        if question is not None:
            self.chart.set_distribution(question.type, results.distribution)

    def show_headline(self, head: HeadlinePart, options: Options) -> None:
        """The score, its interval and count; with filters or one kind of survey, the
        filtered headline replaces the whole survey's."""
        self._arrived["headline"] = head
        self.show_results(head.results)
        headline = head.headline
        for chart in (self.trend, self.breakdown):
            chart.setVisible(headline is not None)
        self.extra.setVisible(headline is not None)
        if headline is not None:
            narrowed = options.filters != Filters() or options.days
            if narrowed or options.same_kind:
                self.summary.show_results(
                    SurveyResults(
                        head.results.survey,
                        headline.score.count,
                        headline.distribution,
                        headline.score,
                        headline.breakdown,
                    )
                )
                self.chart.set_distribution(headline.kind, headline.distribution)
            self.extra.show_headline(headline)
        for name in ("headline", "extra", "distribution"):
            self._covers[name].set_loading(False)

    def show_part(self, name: str, value: Any) -> None:
        """A part after the headline as its query returns: "trend", "periods",
        "breakdown" (list of Group, or two Tally) or "funnel" (list of FunnelRow)."""
        self._arrived[name] = value
        head = self._arrived.get("headline")
        kind = head.headline.kind if head is not None and head.headline is not None else None
        {
            "trend": lambda: self.show_trend(kind, value),
            "periods": lambda: self.show_periods(kind, value),
            "breakdown": lambda: self.show_breakdown(kind, value),
            "funnel": lambda: self.show_funnel(value),
        }[name]()

    def complete(self, options: Options) -> DashboardData | None:
        """The whole dashboard for ``options`` once each of its parts came; else None."""
        got = self._arrived
        if not all(name in got for name in ("headline", "trend", "breakdown", "funnel")):
            return None
        periods = got.get("periods")
        return assemble(
            options, got["headline"], got["trend"], periods, got["breakdown"], got["funnel"]
        )

    def show_trend(self, kind: QuestionType | None, groups: list[Group]) -> None:
        if kind is not None:
            self.trend.set_trend(kind, groups)
        self._covers["trend"].set_loading(False)

    def show_periods(self, kind: QuestionType | None, periods: tuple[Tally, Tally] | None) -> None:
        if kind is not None:
            this, last = periods if periods is not None else (None, None)
            self.extra.show_periods(kind, this, last)

    def show_breakdown(self, kind: QuestionType | None, groups: list[Group]) -> None:
        if kind is not None:
            self.breakdown.set_groups(kind, groups, translate("ResultsPage", "(none)"))
        self._covers["breakdown"].set_loading(False)

    def show_funnel(self, rows: list[FunnelRow]) -> None:
        self.funnel.setVisible(bool(rows))
        self.funnel.set_rows(
            rows,
            {
                "sms": translate("ResultsPage", "SMS"),
                "email": translate("ResultsPage", "Email"),
                "link": translate("ResultsPage", "Link"),
            },
        )
        self._covers["funnel"].set_loading(False)
