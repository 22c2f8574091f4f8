"""Dashboard queries: the headline, trend, breakdowns, periods and the funnel, filtered.

Every number is a SQL aggregate (GROUP BY over ``answers`` joined to
``responses``), so a million responses cost a scan inside SQLite, never a
million Python objects. A ``Scope`` is the headline question of one survey,
or of every survey of the same kind (``same_kind``); ``Filters`` narrow the
responses by date, segment (a saved filter on the contact of the delivery),
channel and campaign.

The roll-ups (``storage.rolled``) answer what they can; the plain SQL here is
what they are checked against and what answers the rest (a segment, a contact
attribute). ``Filters`` live in ``storage.filters``, the funnel in
``storage.funnel``; both are importable from here as before. Just over 400
lines: each question's roll-up reading sits beside the plain SQL it must equal.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from storage import rolled, segments
from storage import surveys as survey_store

# Imported from here by the Results page and the Responses table, as before the split.
from storage.filters import Filters as Filters
from storage.filters import filter_conditions as filter_conditions
from storage.funnel import DELIVERY_REPORTED as DELIVERY_REPORTED
from storage.funnel import FunnelRow as FunnelRow
from storage.funnel import funnel as funnel
from surveys import intervals, scoring
from surveys.questions import QuestionType
from surveys.times import zone_name

BY_CHANNEL = "channel"
BY_SOURCE = "source"
BY_CAMPAIGN = "campaign"
ATTRIBUTE_PREFIX = "attribute:"  # "attribute:store" breaks down by a contact attribute


@dataclass(frozen=True)
class Scope:
    """The headline questions (``questions.id``) of the surveys looked at, all one kind."""

    kind: QuestionType
    question_ids: tuple[int, ...]
    points: tuple[int, ...]
    survey_ids: tuple[int, ...] = ()  # the surveys of those questions, in the same order


@dataclass(frozen=True)
class Tally:
    """Aggregates of a group of answers, enough for any headline score and its interval."""

    n: int = 0
    total: int = 0  # sum of scores
    squares: int = 0  # sum of squared scores
    promoters: int = 0  # 9–10
    detractors: int = 0  # 0–6
    satisfied: int = 0  # 4–5

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def score(self, kind: QuestionType) -> float | None:
        if not self.n:
            return None
        if kind is QuestionType.NPS:
            return 100.0 * (self.promoters - self.detractors) / self.n
        if kind is QuestionType.CSAT:
            return 100.0 * self.satisfied / self.n
        return self.total / self.n

    def interval(self, kind: QuestionType) -> intervals.Interval | None:
        if kind is QuestionType.NPS:
            passives = self.n - self.promoters - self.detractors
            return intervals.nps_interval(self.promoters, passives, self.detractors)
        if kind is QuestionType.CSAT:
            return intervals.wilson_interval(self.satisfied, self.n)
        if kind is QuestionType.CES:
            return intervals.mean_interval_from_sums(self.n, self.total, self.squares)
        return None


@dataclass(frozen=True)
class Headline:
    kind: QuestionType
    distribution: dict[int, int]  # every scale point present
    score: scoring.Score
    interval: intervals.Interval | None
    warning: str | None  # intervals.SMALL_SAMPLE_WARNING below 30 answers
    breakdown: scoring.NpsBreakdown | None


@dataclass(frozen=True)
class Group:
    """One row of a trend or a breakdown."""

    key: str
    tally: Tally


def scope(db: Database, survey_id: int, *, same_kind: bool = False) -> Scope | None:
    """The scope of a survey's headline question; None without a scale question."""
    survey = survey_store.get(db, survey_id)
    question = survey.headline_question
    if question is None or question.scale is None:
        return None
    ids = [survey_store.question_ids(db, survey_id)[question.qid]]
    surveys = [survey_id]
    if same_kind:
        for row in survey_store.list_all(db):
            if row.id == survey_id or row.kind != survey.kind:
                continue
            other = survey_store.get(db, row.id).headline_question
            if other is not None and other.type == question.type:
                ids.append(survey_store.question_ids(db, row.id)[other.qid])
                surveys.append(row.id)
    return Scope(question.type, tuple(ids), tuple(question.scale.points), tuple(surveys))


_AGGREGATES = {
    "total": "sum(a.value_num)",
    "squares": "sum(a.value_num * a.value_num)",
    "promoters": "sum(a.value_num >= 9)",
    "detractors": "sum(a.value_num <= 6)",
    "satisfied": "sum(a.value_num >= 4)",
}
# What each kind's score and interval read; the other sums stay 0. Each sum is
# one more evaluation per answer, a tenth of a second at a million rows.
_NEEDS = {
    QuestionType.NPS: ("promoters", "detractors"),
    QuestionType.CSAT: ("satisfied",),
}


def _tally_sql(kind: QuestionType) -> str:
    needs = _NEEDS.get(kind, ("total", "squares"))
    return "count(*) AS n, " + ", ".join(
        f"coalesce({_AGGREGATES[name]}, 0) AS {name}" if name in needs else f"0 AS {name}"
        for name in _AGGREGATES
    )


def _tally(row: dict[str, Any]) -> Tally:
    return Tally(
        row["n"], row["total"], row["squares"], row["promoters"], row["detractors"],
        row["satisfied"],
    )  # fmt: skip


def _from(
    db: Database,
    sc: Scope,
    filters: Filters,
    *,
    contacts: bool = False,
    responses: bool = False,
    by_contact: bool = False,
    linked: bool = False,
) -> tuple[str, list[Any]]:
    """FROM … WHERE … over answers ``a``, responses ``r``, deliveries ``d``, contacts ``c``
    (``by_contact``: from the segment's contacts, for aggregates that need no order;
    ``linked``: only the answers through a contact, read from the contacts down)."""
    marks = ", ".join("?" * len(sc.question_ids))
    where = [f"a.question_id IN ({marks})", "a.value_num IS NOT NULL"]
    params: list[Any] = list(sc.question_ids)
    need_delivery = contacts or filters.segment_id is not None or filters.campaign_id is not None
    # Without a filter on the response, the (question_id, value_num) index answers alone.
    need_response = need_delivery or responses or filters != Filters()
    # Joined to responses, the answers are read in response order (migration 0011's
    # index): SQLite would otherwise pick (question_id, value_num) for its range on
    # the score and then visit the responses at random, 2-3x slower at 1M rows.
    joins = [
        "answers a INDEXED BY answers_question_response JOIN responses r ON r.id = a.response_id"
        if need_response
        else "answers a"
    ]
    if need_delivery:
        joins.append("LEFT JOIN deliveries d ON d.id = r.delivery_id")
    if contacts or filters.segment_id is not None:
        joins.append("LEFT JOIN contacts c ON c.id = d.contact_id")
    if linked or (by_contact and filters.segment_id is not None):
        # A segment's answers, for a total (no order needed): from its contacts down to
        # their deliveries, responses and answers, each step an index lookup; the
        # answers first would read every answer to keep a segment's share.
        joins = [
            "contacts c CROSS JOIN deliveries d ON d.contact_id = c.id"
            " CROSS JOIN responses r ON r.delivery_id = d.id"
            " CROSS JOIN answers a ON a.response_id = r.id"
        ]
    if filters.segment_id is not None:
        where.append("c.id IS NOT NULL")
    conditions, condition_params = filter_conditions(db, filters)
    where += conditions
    params += condition_params
    return " ".join(joins) + " WHERE " + " AND ".join(where), params


def distribution(db: Database, sc: Scope, filters: Filters = Filters()) -> dict[int, int]:
    """Score → count, every scale point present."""
    rolled_up = _rolled(db, sc, filters, None)
    if rolled_up is not None:
        counts = {value: n for (_, value), n in rolled_up.items()}
    else:
        body, params = _from(db, sc, filters, by_contact=True)
        counts = {
            row["v"]: row["n"]
            for row in db.query(
                f"SELECT a.value_num AS v, count(*) AS n FROM {body} GROUP BY a.value_num", params
            )
        }
    return {point: counts.get(point, 0) for point in sc.points}


def headline(db: Database, sc: Scope, filters: Filters = Filters()) -> Headline:
    counts = distribution(db, sc, filters)
    score = scoring.headline(sc.kind, counts)
    breakdown = scoring.nps_breakdown(counts) if sc.kind is QuestionType.NPS else None
    return Headline(
        sc.kind,
        counts,
        score,
        intervals.headline_interval(sc.kind, counts),
        intervals.warning(score.count),
        breakdown,
    )


def _rolled(
    db: Database, sc: Scope, filters: Filters, by: str | None, zone: tzinfo | None = None
) -> rolled.Counts | None:
    """(group, score) → answers from the roll-ups; None where they cannot answer (a
    segment filter, local days of another zone): then the answers are asked."""
    name = zone_name(zone) if zone is not None else None
    return rolled.counts(db, sc.question_ids, sc.survey_ids, filters, by, name)


def _tally_of(kind: QuestionType, scores: dict[int, int]) -> Tally:
    """The tally of score → answers, with the sums ``_tally_sql`` gives for ``kind``."""
    needs = _NEEDS.get(kind, ("total", "squares"))
    sums = {
        "total": sum(v * n for v, n in scores.items()),
        "squares": sum(v * v * n for v, n in scores.items()),
        "promoters": sum(n for v, n in scores.items() if v >= 9),
        "detractors": sum(n for v, n in scores.items() if v <= 6),
        "satisfied": sum(n for v, n in scores.items() if v >= 4),
    }
    return Tally(sum(scores.values()), *(sums[k] if k in needs else 0 for k in _AGGREGATES))


def _grouped(kind: QuestionType, counts: rolled.Counts, key: Any = None) -> dict[Any, Tally]:
    """Counts per (group, score) as a tally per group (``key`` renames the groups)."""
    scores: dict[Any, dict[int, int]] = {}
    for (group, value), n in counts.items():
        into = scores.setdefault(key(group) if key else group, {})
        into[value] = into.get(value, 0) + n
    return {group: _tally_of(kind, values) for group, values in scores.items()}


def tally(db: Database, sc: Scope, filters: Filters = Filters()) -> Tally:
    rolled_up = _rolled(db, sc, filters, None)
    if rolled_up is not None:
        return _grouped(sc.kind, rolled_up).get("", Tally())
    body, params = _from(db, sc, filters, by_contact=True)
    return _tally(next(iter(db.query(f"SELECT {_tally_sql(sc.kind)} FROM {body}", params))))


def trend(
    db: Database,
    sc: Scope,
    filters: Filters = Filters(),
    unit: str = "week",
    zone: tzinfo = UTC,
) -> list[Group]:
    """One group a week (keyed by its Monday, "2026-11-23") or a month ("2026-11"), oldest first.

    Weeks and months are those of ``zone`` (the workspace's time zone): an answer
    at 08:00 in Tokyo on the 1st is the 1st's, though it is still the 31st in UTC.
    SQLite groups by UTC hour and Python folds the hours into local periods,
    which follows daylight saving exactly and costs a few thousand rows a year.
    """
    if unit not in ("week", "month"):
        raise ValueError(f"unknown unit {unit!r}")

    def period(local: date) -> str:
        if unit == "month":
            return local.strftime("%Y-%m")
        return (local - timedelta(days=local.weekday())).isoformat()

    rolled_up = _rolled(db, sc, filters, rolled.DAY, zone)
    if rolled_up is not None:
        tallies = _grouped(sc.kind, rolled_up, lambda day: period(date.fromisoformat(day)))
        return [Group(key, tallies[key]) for key in sorted(tallies)]
    body, params = _from(db, sc, filters, responses=True, by_contact=True)
    periods: dict[str, Tally] = {}
    hours = f"SELECT substr(r.created_at, 1, 13) AS k, {_tally_sql(sc.kind)} FROM {body} GROUP BY k"
    for row in db.query(hours, params):
        key = period(datetime.fromisoformat(row["k"] + ":00+00:00").astimezone(zone).date())
        periods[key] = periods[key] + _tally(row) if key in periods else _tally(row)
    return [Group(key, periods[key]) for key in sorted(periods)]


def breakdown(db: Database, sc: Scope, by: str, filters: Filters = Filters()) -> list[Group]:
    """Groups by channel, source tag, campaign name or a contact attribute; largest first.

    Responses without the key (an anonymous answer has no attribute) form the "" group.
    """
    grouping = {BY_CHANNEL: rolled.CHANNEL, BY_SOURCE: rolled.SOURCE, BY_CAMPAIGN: rolled.CAMPAIGN}
    rolled_up = _rolled(db, sc, filters, grouping[by]) if by in grouping else None
    if rolled_up is not None:
        names = (
            {row["id"]: row["name"] for row in db.query("SELECT id, name FROM campaigns")}
            if by == BY_CAMPAIGN
            else {}
        )
        tallies = _grouped(
            sc.kind, rolled_up, (lambda k: names.get(k) or "") if by == BY_CAMPAIGN else str
        )
        groups = [Group(key, t) for key, t in tallies.items()]
        return sorted(groups, key=lambda g: (-g.tally.n, g.key))
    if by.startswith(ATTRIBUTE_PREFIX) and filters.segment_id is None:
        total = _rolled(db, sc, filters, None)
        if total is not None:
            return _by_attribute(db, sc, by.removeprefix(ATTRIBUTE_PREFIX), filters, total)
    contacts = False
    extra: list[Any] = []
    if by == BY_CHANNEL:
        key = "r.channel"
    elif by == BY_SOURCE:
        key = "coalesce(r.source, '')"
    elif by == BY_CAMPAIGN:
        key = (
            "coalesce((SELECT name FROM campaigns WHERE id ="
            " (SELECT campaign_id FROM deliveries WHERE id = r.delivery_id)), '')"
        )
    elif by.startswith(ATTRIBUTE_PREFIX):
        attribute = by.removeprefix(ATTRIBUTE_PREFIX)
        key = "coalesce(json_extract(c.attributes, ?), '')"
        extra = [segments._path(attribute)]
        contacts = True
    else:
        raise ValueError(f"unknown breakdown {by!r}")
    body, params = _from(db, sc, filters, contacts=contacts, responses=True, by_contact=True)
    return [
        Group(str(row["k"]), _tally(row))
        for row in db.query(
            f"SELECT {key} AS k, {_tally_sql(sc.kind)} FROM {body} GROUP BY k ORDER BY n DESC, k",
            extra + params,
        )
    ]


def _by_attribute(
    db: Database, sc: Scope, attribute: str, filters: Filters, total: rolled.Counts
) -> list[Group]:
    """A breakdown by a contact attribute: the answers through a contact, from the
    contacts down; the rest (anonymous, or a contact deleted) form the "" group with
    those whose contact lacks the attribute, as the roll-up's total less the former."""
    body, params = _from(db, sc, filters, linked=True)
    counts: rolled.Counts = {}
    rest = {value: n for (_, value), n in total.items()}
    for key, value, n in db.execute(
        f"SELECT coalesce(json_extract(c.attributes, ?), ''), a.value_num, count(*)"
        f" FROM {body} GROUP BY 1, 2",
        [segments._path(attribute), *params],
    ).fetchall():
        counts[(str(key), value)] = counts.get((str(key), value), 0) + n
        rest[value] = rest.get(value, 0) - n
    for value, n in rest.items():
        if n:
            counts[("", value)] = counts.get(("", value), 0) + n
    groups = [Group(key, t) for key, t in _grouped(sc.kind, counts).items() if t.n]
    return sorted(groups, key=lambda g: (-g.tally.n, g.key))


def attributes(db: Database, limit: int = 20) -> list[str]:
    """Contact attribute names seen on the newest contacts (for the "by" selector)."""
    rows = db.query(
        "SELECT DISTINCT j.key AS k FROM (SELECT attributes FROM contacts ORDER BY id DESC"
        " LIMIT 1000) AS c, json_each(c.attributes) AS j ORDER BY k LIMIT ?",
        [limit],
    )
    return [row["k"] for row in rows]


def periods(
    db: Database, sc: Scope, filters: Filters, since: datetime, until: datetime
) -> tuple[Tally, Tally]:
    """This period [since, until) and the one of the same length just before it."""
    length = until - since
    this = tally(db, sc, replace(filters, since=since, until=until))
    last = tally(db, sc, replace(filters, since=since - length, until=since))
    return this, last


def latest_comments(
    db: Database, survey_ids: tuple[int, ...], limit: int = 5
) -> list[tuple[str, str]]:
    """The newest open-text answers: (created_at, text), newest first."""
    marks = ", ".join("?" * len(survey_ids))
    rows = db.query(
        "SELECT r.created_at AS at, a.value_text AS text FROM responses r"
        " JOIN answers a ON a.response_id = r.id JOIN questions q ON q.id = a.question_id"
        f" WHERE r.survey_id IN ({marks}) AND q.type IN ('open_text', 'short_text')"
        " AND a.value_text != ''"
        " ORDER BY r.id DESC LIMIT ?",
        [*survey_ids, limit],
    )
    return [(row["at"], row["text"]) for row in rows]


def filter_choices(
    db: Database, survey_id: int
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The saved segments and this survey's campaigns, as (id, name), for the filter bar."""
    segment_rows = [(s.id, s.name) for s in segments.list_all(db)]
    campaign_rows = [
        (row["id"], row["name"])
        for row in db.query(
            "SELECT id, name FROM campaigns WHERE survey_id = ? ORDER BY id DESC", [survey_id]
        )
    ]
    return segment_rows, campaign_rows
