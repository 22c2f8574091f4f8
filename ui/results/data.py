"""What the dashboard shows: its parts, each one worker job (``PartJobs``), the whole
of it in one job (``load``, for the big screen), and the period choices."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from storage import analytics, dashboard, responses
from storage import settings as settings_store
from storage.analytics import SurveyResults
from storage.dashboard import Filters, FunnelRow, Group, Headline, Scope, Tally
from storage.database import utc_now

PERIOD_DAYS = (0, 7, 30, 90, 365)  # 0: all time


@dataclass(frozen=True)
class Options:
    """The dashboard's choices: filters, period (days, 0 = all), breakdown and trend unit."""

    survey_id: int
    filters: Filters = field(default_factory=Filters)
    days: int = 0
    by: str = dashboard.BY_CHANNEL
    unit: str = "month"
    same_kind: bool = False


@dataclass(frozen=True)
class DashboardData:
    options: Options
    scope: Scope | None
    headline: Headline | None
    trend: list[Group]
    breakdown: list[Group]
    this_period: Tally | None
    last_period: Tally | None
    funnel: list[FunnelRow]
    attributes: list[str]


def effective_filters(options: Options, now: datetime | None = None) -> Filters:
    """The filters with the chosen period turned into a start date."""
    if not options.days:
        return options.filters
    now = now or utc_now()
    return replace(options.filters, since=now - timedelta(days=options.days), until=None)


@dataclass(frozen=True)
class HeadlinePart:
    """The first part of the dashboard: the whole survey's results, the newest
    response id read with them (the poll compares like with like), the headline
    under the filters and the contacts' attribute names (the breakdown's choices)."""

    results: SurveyResults
    latest_id: int
    scope: Scope | None
    headline: Headline | None
    attributes: list[str]


class PartJobs:
    """The dashboard's queries for ``options``, one job each (the worker runs them in
    order, so the scope read by the first is shared by the others, never read twice).
    ``now`` is the moment the period filters count back from, the same for each part."""

    def __init__(self, options: Options, now: datetime | None = None) -> None:
        self.options = options
        # An answer stored this second counts.
        self.now = (now or utc_now()) + timedelta(seconds=1)
        self.filters = effective_filters(options, self.now)
        self._scope: tuple[Scope | None] | None = None

    def scope(self, db: Database) -> Scope | None:
        if self._scope is None:
            self._scope = (
                dashboard.scope(db, self.options.survey_id, same_kind=self.options.same_kind),
            )
        return self._scope[0]

    def headline(self, db: Database) -> HeadlinePart:
        results = analytics.results(db, self.options.survey_id)
        latest_id = responses.latest_id(db)
        sc = self.scope(db)
        headline = dashboard.headline(db, sc, self.filters) if sc is not None else None
        return HeadlinePart(results, latest_id, sc, headline, dashboard.attributes(db))

    def trend(self, db: Database) -> list[Group]:
        sc = self.scope(db)
        if sc is None:
            return []
        zone = settings_store.workspace_zone(db)
        return dashboard.trend(db, sc, self.filters, unit=self.options.unit, zone=zone)

    def periods(self, db: Database) -> tuple[Tally, Tally] | None:
        """This period against the one before it; None for all time."""
        sc = self.scope(db)
        if sc is None or not self.options.days:
            return None
        since = self.now - timedelta(days=self.options.days)
        return dashboard.periods(db, sc, self.options.filters, since, self.now)

    def breakdown(self, db: Database) -> list[Group]:
        sc = self.scope(db)
        return dashboard.breakdown(db, sc, self.options.by, self.filters) if sc else []

    def funnel(self, db: Database) -> list[FunnelRow]:
        sc = self.scope(db)
        # Across surveys of the same kind, the funnel counts every one of them too.
        survey_ids = sc.survey_ids if sc is not None else (self.options.survey_id,)
        return dashboard.funnel(db, survey_ids, self.filters)


def assemble(
    options: Options,
    head: HeadlinePart,
    trend: list[Group],
    periods: tuple[Tally, Tally] | None,
    breakdown: list[Group],
    funnel: list[FunnelRow],
) -> DashboardData:
    this, last = periods if periods is not None else (None, None)
    return DashboardData(
        options, head.scope, head.headline, trend, breakdown, this, last, funnel, head.attributes
    )


def load(db: Database, options: Options) -> DashboardData:
    """The whole dashboard in one job (the big screen, which shows it all at once)."""
    parts = PartJobs(options)
    return assemble(
        options,
        parts.headline(db),
        parts.trend(db),
        parts.periods(db),
        parts.breakdown(db),
        parts.funnel(db),
    )
