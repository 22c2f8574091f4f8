"""The dashboard's funnel: invitations sent → delivered → opened → answered, per channel.

Plain SQL over the deliveries and their invitations in the outbox: a
delivery's state changes as the provider reports it and as the person opens
and answers, so a roll-up of it would be written on the answer's own
transaction; this one is read as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.filters import Filters, filter_conditions

# Twilio reports each SMS's fate (delivered, undelivered); SMTP only hands a
# message to a server, which never says whether it reached an inbox.
DELIVERY_REPORTED = frozenset({"sms"})


@dataclass(frozen=True)
class FunnelRow:
    channel: str
    sent: int
    delivered: int | None  # None where the channel cannot report delivery (email)
    opened: int
    answered: int


def funnel(
    db: Database, survey_ids: tuple[int, ...], filters: Filters = Filters()
) -> list[FunnelRow]:
    """Per channel: invitations sent → delivered → opened (a person) → answered.

    Sent counts deliveries whose invitation left the outbox; delivered, those the
    provider confirmed (or that were opened or answered, which proves it) — None
    for email, whose delivery nobody reports (``DELIVERY_REPORTED``).
    """
    marks = ", ".join("?" * len(survey_ids))
    where = [f"d.survey_id IN ({marks})", "d.channel != 'link'"]
    params: list[Any] = list(survey_ids)
    conditions, condition_params = filter_conditions(db, filters, at="d")
    where += conditions
    params += condition_params
    join = "JOIN contacts c ON c.id = d.contact_id" if filters.segment_id is not None else ""
    sql = f"""
        SELECT d.channel AS channel,
            sum(o.sent) AS sent,
            sum(o.delivered OR d.opened_at IS NOT NULL OR d.answered_at IS NOT NULL) AS delivered,
            sum(d.opened_at IS NOT NULL OR d.answered_at IS NOT NULL) AS opened,
            sum(d.answered_at IS NOT NULL) AS answered
        FROM deliveries d {join}
        JOIN (SELECT delivery_id,
                max(status IN ('sent', 'delivered', 'answered', 'undelivered')) AS sent,
                max(status IN ('delivered', 'answered')) AS delivered
            FROM outbox WHERE purpose = 'invitation' GROUP BY delivery_id) o
            ON o.delivery_id = d.id
        WHERE {" AND ".join(where)}
        GROUP BY d.channel ORDER BY d.channel
    """
    return [
        FunnelRow(
            r["channel"],
            r["sent"],
            r["delivered"] if r["channel"] in DELIVERY_REPORTED else None,
            r["opened"],
            r["answered"],
        )
        for r in db.query(sql, params)
    ]
