"""The Results page's dashboard tab: its widgets in order (the headline summary, the
distribution, trend, breakdown and funnel charts with their two choices) and how the
results and a ``DashboardData`` show in them.

Its words keep the ``ResultsPage`` translation context they had in the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from storage import dashboard
from storage.analytics import SurveyResults
from storage.dashboard import Filters
from ui.results.dashboard_charts import BreakdownChart, FunnelChart, TrendChart
from ui.results.data import DashboardData
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

    def show_results(self, results: SurveyResults) -> None:
        """The whole survey's headline and distribution (before the filters apply)."""
        self.summary.show_results(results)
        question = results.survey.headline_question
        self.chart.setVisible(question is not None)
        if question is not None:
            self.chart.set_distribution(question.type, results.distribution)

    def show_dashboard(self, data: DashboardData, results: SurveyResults | None) -> None:
        """``data`` in the charts; with filters or one kind of survey, the headline too."""
        headline = data.headline
        for chart in (self.trend, self.breakdown):
            chart.setVisible(headline is not None)
        self.extra.setVisible(headline is not None)
        if headline is not None:
            kind = headline.kind
            narrowed = data.options.filters != Filters() or data.options.days
            if results is not None and (narrowed or data.options.same_kind):
                self.summary.show_results(
                    SurveyResults(
                        results.survey,
                        headline.score.count,
                        headline.distribution,
                        headline.score,
                        headline.breakdown,
                    )
                )
                self.chart.set_distribution(kind, headline.distribution)
            self.extra.show_headline(headline)
            self.extra.show_periods(kind, data.this_period, data.last_period)
            self.trend.set_trend(kind, data.trend)
            self.breakdown.set_groups(kind, data.breakdown, translate("ResultsPage", "(none)"))
        self.funnel.setVisible(bool(data.funnel))
        self.funnel.set_rows(
            data.funnel,
            {
                "sms": translate("ResultsPage", "SMS"),
                "email": translate("ResultsPage", "Email"),
                "link": translate("ResultsPage", "Link"),
            },
        )
