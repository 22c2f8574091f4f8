"""A survey's responses, a page at a time, for the Results page's table.

The rows follow the dashboard's ``Filters`` through the dashboard's own
FROM … WHERE (``storage.dashboard._from``), so the table lists exactly the
answers the headline counts, and its count is the headline's. Pages are read
by keyset, newest first (``(created_at, id) < the last row's ORDER BY created_at
DESC, id DESC``): through the (survey_id, created_at) index a page deep in a
million responses costs what the first one does, where OFFSET would walk
every row before it. What a row shows beyond the score (the comment, the campaign, a
detractor's follow-up) is read for the page's rows only, in a second query.

A survey without a scale question has no headline to follow; its responses
are listed through the same filters written over ``responses`` alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from storage import dashboard
from storage import surveys as survey_store
from storage.dashboard import Filters, Scope
from surveys.questions import Band, Question, QuestionType

PAGE_SIZE = 200
_TEXT_TYPES = "('open_text', 'short_text')"


@dataclass(frozen=True)
class ResponseQuery:
    """Which responses the table lists: a survey (or all of its kind) under filters."""

    survey_id: int
    filters: Filters = field(default_factory=Filters)
    same_kind: bool = False


@dataclass(frozen=True)
class ResponseRow:
    response_id: int
    survey_id: int
    created_at: str  # ISO 8601 in UTC, as stored; the UI shows it in local time
    score: int | None  # the headline question's answer
    band: Band | None
    scale_max: int | None  # 10 for NPS, 5 for CSAT: a score reads "9/10"
    comment: str  # the first open-text answer, "" without one
    comment_answer_id: int | None
    channel: str  # sms | email | link
    source: str  # the ?src= tag of a public link, "" without one
    campaign: str  # the campaign's name, "" when not sent by one
    language: str
    complete: bool  # False while partial: a score whose follow-up never came
    case_status: str | None = None  # detractors only: new | contacted | resolved
    case_owner: str = ""
    kind: QuestionType | None = None  # the headline question's type: what its band is called

    @property
    def key(self) -> Key:
        """Where this row sits in the table's order: the next page starts after it."""
        return (self.created_at, self.response_id)


def count(db: Database, query: ResponseQuery) -> int:
    """How many responses the filters let through (the dashboard headline's count)."""
    sc = dashboard.scope(db, query.survey_id, same_kind=query.same_kind)
    if sc is None:
        body, params = _responses_from(db, query)
    else:
        body, params = dashboard._from(db, sc, query.filters)
    return int(db.execute(f"SELECT count(*) FROM {body}", params).fetchone()[0])


def first_page(
    db: Database, query: ResponseQuery, limit: int = PAGE_SIZE, total: int | None = None
) -> tuple[int, list[ResponseRow]]:
    """(how many match, the newest ``limit``). A ``total`` already known is not counted again."""
    if total is None:
        total = count(db, query)
    return total, page(db, query, None, min(limit, total))


def page(
    db: Database, query: ResponseQuery, after: Key | None, limit: int = PAGE_SIZE
) -> list[ResponseRow]:
    """The ``limit`` newest responses that come after ``after`` (None: from the newest).

    ``after`` is the last row's ``key``. Asking for no more rows than remain
    keeps the last page from scanning the rest of the survey for rows that
    are not there.
    """
    if limit <= 0:
        return []
    # Always a bound: without one SQLite may sort every matching row to find the newest.
    created_at, response_id = after if after is not None else _NEWEST
    sc = dashboard.scope(db, query.survey_id, same_kind=query.same_kind)
    if sc is None:
        body, params = _responses_from(db, query)
        sql = _PAGE_SQL.format(score="NULL", body=body)
        rows = db.query(sql, [*params, query.survey_id, created_at, response_id, limit])
        return _rows(db, None, list(rows))
    found: list[dict[str, Any]] = []
    # One query a survey (all surveys of a kind): each walks its own range of
    # responses_survey_created backwards and stops after a page; over several
    # surveys at once SQLite would sort all their rows instead.
    for question_id, survey_id in zip(sc.question_ids, sc.survey_ids, strict=True):
        one = replace(sc, question_ids=(question_id,), survey_ids=(survey_id,))
        # The dashboard's filters verbatim, so the table and the headline agree.
        body, params = dashboard._from(db, one, query.filters, responses=True)
        sql = _PAGE_SQL.format(score="a.value_num", body=body)
        found += db.query(sql, [*params, survey_id, created_at, response_id, limit])
    found.sort(key=lambda row: (row["created_at"], row["id"]), reverse=True)
    return _rows(db, sc, found[:limit])


Key = tuple[str, int]  # (created_at, response id): where a page ends
_NEWEST: Key = ("9999", 2**63 - 1)  # after every stored time and rowid
# Newest first by the time the table shows (ids follow arrival, and a synced
# answer can arrive after newer ones), keyed by (created_at, id): the index
# responses_survey_created (survey_id, created_at, rowid) serves the order and
# the date filters, so a page deep in a million rows costs what the first does.
_PAGE_SQL = (
    "SELECT r.id AS id, r.survey_id AS survey_id, r.created_at AS created_at,"
    " {score} AS score, r.channel AS channel, r.source AS source, r.language AS language,"
    " r.completed_at IS NOT NULL AS complete"
    " FROM {body} AND r.survey_id = ? AND (r.created_at, r.id) < (?, ?)"
    " ORDER BY r.created_at DESC, r.id DESC LIMIT ?"
)


def _rows(db: Database, sc: Scope | None, rows: list[dict[str, Any]]) -> list[ResponseRow]:
    """The page's rows with their comment, campaign and detractor case."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    marks = ", ".join("?" * len(ids))
    comments: dict[int, tuple[int, str]] = {}
    # The first open-text answer of each response, by the question's position.
    for row in db.query(
        "SELECT t.response_id AS rid, t.id AS aid, t.value_text AS text FROM answers t"
        " JOIN questions q ON q.id = t.question_id"
        f" WHERE t.response_id IN ({marks}) AND q.type IN {_TEXT_TYPES}"
        " AND t.value_text <> '' ORDER BY q.position DESC",
        ids,
    ):
        comments[row["rid"]] = (row["aid"], row["text"])  # the lowest position is written last
    campaigns = {
        row["rid"]: row["name"]
        for row in db.query(
            "SELECT r.id AS rid, c.name AS name FROM responses r"
            " JOIN deliveries d ON d.id = r.delivery_id JOIN campaigns c ON c.id = d.campaign_id"
            f" WHERE r.id IN ({marks})",
            ids,
        )
    }
    cases = {
        row["response_id"]: (row["status"], row["owner"])
        for row in db.query(
            "SELECT response_id, status, owner FROM detractor_cases"
            f" WHERE response_id IN ({marks})",
            ids,
        )
    }
    questions = _Headlines(db, sc)
    out = []
    for row in rows:
        rid = row["id"]
        question = questions.of(row["survey_id"])
        score = row["score"]
        band = question.band(score) if question is not None and score is not None else None
        case = cases.get(rid, ("new", "")) if band is Band.DETRACTOR else (None, "")
        answer_id, comment = comments.get(rid, (None, ""))
        out.append(
            ResponseRow(
                response_id=rid,
                survey_id=row["survey_id"],
                created_at=row["created_at"],
                score=score,
                band=band,
                scale_max=question.scale.maximum if question and question.scale else None,
                comment=comment,
                comment_answer_id=answer_id,
                channel=row["channel"],
                source=row["source"] or "",
                campaign=campaigns.get(rid, ""),
                language=row["language"],
                complete=bool(row["complete"]),
                case_status=case[0],
                case_owner=case[1],
                kind=question.type if question is not None else None,
            )
        )
    return out


class _Headlines:
    """Each survey's headline question, read once a page, to place a score in its band."""

    def __init__(self, db: Database, sc: Scope | None) -> None:
        self._db = db
        self._known: dict[int, Question | None] = {}
        self._surveys = set(sc.survey_ids) if sc is not None else set()

    def of(self, survey_id: int) -> Question | None:
        if survey_id not in self._surveys:
            return None  # no scale question: no score to place
        if survey_id not in self._known:
            self._known[survey_id] = survey_store.get(self._db, survey_id).headline_question
        return self._known[survey_id]


def _responses_from(db: Database, query: ResponseQuery) -> tuple[str, list[Any]]:
    """FROM … WHERE over responses ``r`` with the dashboard's filters, for a survey
    without a scale question (the dashboard's own FROM starts at the headline answers)."""
    filters = query.filters
    joins = ["responses r", "LEFT JOIN deliveries d ON d.id = r.delivery_id"]
    where = ["r.survey_id = ?"]
    params: list[Any] = [query.survey_id]
    if filters.segment_id is not None:
        joins.append("JOIN contacts c ON c.id = d.contact_id")
    conditions, condition_params = dashboard.filter_conditions(db, filters)
    where += conditions
    params += condition_params
    return " ".join(joins) + " WHERE " + " AND ".join(where), params
