"""What the dashboard shows, fetched in one worker job (``load``), and the period choices."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from storage import dashboard
from storage import settings as settings_store
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


def load(db: Database, options: Options) -> DashboardData:
    sc = dashboard.scope(db, options.survey_id, same_kind=options.same_kind)
    attributes = dashboard.attributes(db)
    filters = effective_filters(options)
    # Across surveys of the same kind, the funnel counts every one of them too.
    survey_ids = sc.survey_ids if sc is not None else (options.survey_id,)
    funnel = dashboard.funnel(db, survey_ids, filters)
    if sc is None:
        return DashboardData(options, None, None, [], [], None, None, funnel, attributes)
    this = last = None
    if options.days:
        now = utc_now() + timedelta(seconds=1)  # an answer stored this second counts
        this, last = dashboard.periods(
            db, sc, options.filters, now - timedelta(days=options.days), now
        )
    return DashboardData(
        options,
        sc,
        dashboard.headline(db, sc, filters),
        dashboard.trend(db, sc, filters, unit=options.unit, zone=settings_store.workspace_zone(db)),
        dashboard.breakdown(db, sc, options.by, filters),
        this,
        last,
        funnel,
        attributes,
    )
