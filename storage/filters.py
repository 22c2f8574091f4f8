"""Which responses the dashboard counts: ``Filters`` and their SQL conditions.

Shared by the dashboard's queries (``storage.dashboard``), its funnel
(``storage.funnel``) and the Responses table (``storage.response_table``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage import segments
from storage.database import to_text


@dataclass(frozen=True)
class Filters:
    """Which responses count; None means "any"."""

    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    segment_id: int | None = None
    channel: str | None = None
    campaign_id: int | None = None


def filter_conditions(db: Database, filters: Filters, at: str = "r") -> tuple[list[str], list[Any]]:
    """The WHERE conditions of ``filters`` and their parameters: dates and channel on
    the table aliased ``at`` (responses ``r``, or deliveries ``d`` for the funnel),
    the campaign on deliveries ``d``, the segment on contacts ``c``."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (
        (f"{at}.created_at >= ?", to_text(filters.since) if filters.since else None),
        (f"{at}.created_at < ?", to_text(filters.until) if filters.until else None),
        (f"{at}.channel = ?", filters.channel),
        ("d.campaign_id = ?", filters.campaign_id),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    if filters.segment_id is not None:
        segment = segments.get(db, filters.segment_id)
        fragment, fragment_params = segments.clause(segment.conditions)
        if fragment:
            where.append(f"({fragment})")
            params += fragment_params
    return where, params
