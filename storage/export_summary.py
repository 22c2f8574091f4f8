"""What a report says about a survey: per-question counts, read once for xlsx and PDF.

Kept apart from the file writers so the Excel summary sheets and the PDF
report show the same numbers, computed by the same queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo

from sqlite_utils import Database

from storage import analytics
from storage import surveys as survey_store
from storage.comments import TagScore, tag_scores
from storage.settings import workspace_zone
from surveys import scoring
from surveys.band_names import bands_of
from surveys.intervals import Interval, headline_interval
from surveys.model import Survey
from surveys.questions import Band, Question, QuestionType


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was left behind."""


# Called with (rows done, rows in all); returns False to cancel.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class QuestionSummary:
    """One question's answers: counts per scale point or per option code; text: count."""

    question: Question
    answered: int
    counts: dict[str, int] = field(default_factory=dict)  # ordered: point or code → count


def question_summary(db: Database, survey_id: int, question: Question) -> QuestionSummary:
    question_id = survey_store.question_ids(db, survey_id)[question.qid]
    if question.scale is not None:
        found = analytics.distribution(db, survey_id, question.qid)
        counts = {str(p): found.get(p, 0) for p in question.scale.points}
        return QuestionSummary(question, sum(counts.values()), counts)
    if question.is_choice:
        tally: Counter[str] = Counter()
        answered = 0
        for row in db.query(
            "SELECT value_text, count(*) AS n FROM answers"
            " WHERE question_id = ? AND value_text IS NOT NULL AND value_text != ''"
            " GROUP BY value_text",
            [question_id],
        ):
            answered += row["n"]
            for code in str(row["value_text"]).split(";"):
                tally[code] += row["n"]
        codes = question.option_codes()
        counts = {code: tally.get(code, 0) for code in codes}
        counts.update({code: n for code, n in tally.items() if code not in counts})
        return QuestionSummary(question, answered, counts)
    row = next(
        db.query(
            "SELECT count(*) AS n FROM answers WHERE question_id = ?"
            " AND value_text IS NOT NULL AND value_text != ''",
            [question_id],
        )
    )
    return QuestionSummary(question, int(row["n"]))


@dataclass(frozen=True)
class BandCount:
    """How many answers to the headline question fell in one band; name it with
    ``surveys.band_names.band_name(kind, band, language)``."""

    kind: QuestionType
    band: Band
    count: int


def band_rows(results: analytics.SurveyResults) -> list[BandCount]:
    """Answers to the headline question by band, best first: promoters, passives,
    detractors of an NPS question, satisfied to dissatisfied of a CSAT one, and so
    on; empty when the survey has no scale question."""
    question = results.survey.headline_question
    if question is None or question.scale is None:
        return []
    tally = dict.fromkeys(bands_of(question.type), 0)
    for point, n in results.distribution.items():
        tally[question.band(point)] += n
    return [BandCount(question.type, band, n) for band, n in tally.items()]


def share(n: int, total: int) -> float | None:
    return None if not total else 100.0 * n / total


def headline_kind_name(score: scoring.Score) -> str:
    return {
        QuestionType.NPS: "NPS",
        QuestionType.CSAT: "CSAT",
        QuestionType.CES: "CES",
    }.get(score.kind, "mean score")


@dataclass(frozen=True)
class Comment:
    """One open-text answer for a report: its text, the headline score beside it, when."""

    text: str
    score: int | None
    created_at: str
    language: str


def latest_comments(db: Database, survey: Survey, limit: int = 10) -> list[Comment]:
    """The newest non-empty answers to the survey's open-text questions."""
    assert survey.id is not None
    ids = survey_store.question_ids(db, survey.id)
    text_ids = [ids[q.qid] for q in survey.questions if q.is_text]
    if not text_ids:
        return []
    headline = survey.headline_question
    score_id = ids[headline.qid] if headline is not None else -1
    marks = ", ".join("?" for _ in text_ids)
    rows = db.query(
        "SELECT a.value_text AS text, r.created_at AS created_at, r.language AS language,"
        " (SELECT s.value_num FROM answers s WHERE s.response_id = r.id"
        "  AND s.question_id = ?) AS score"
        f" FROM answers a JOIN responses r ON r.id = a.response_id"
        f" WHERE a.question_id IN ({marks}) AND a.value_text IS NOT NULL"
        " AND trim(a.value_text) != '' ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
        [score_id, *text_ids, limit],
    )
    return [Comment(r["text"], r["score"], r["created_at"], r["language"]) for r in rows]


@dataclass(frozen=True)
class Period:
    """When a survey's first and last responses came (stored UTC texts)."""

    first: str
    last: str


def response_period(db: Database, survey_id: int) -> Period | None:
    """The span of the survey's responses; None before the first one."""
    # One aggregate a query: each is then a single step down (survey_id, created_at).
    first, last = (
        db.execute(
            f"SELECT {end}(created_at) FROM responses WHERE survey_id = ?", [survey_id]
        ).fetchone()[0]
        for end in ("min", "max")
    )
    return None if first is None else Period(first, last)


@dataclass(frozen=True)
class ReportData:
    """Everything the PDF report says, read from the database without Qt."""

    results: analytics.SurveyResults
    interval: Interval | None
    bands: list[BandCount]
    questions: list[QuestionSummary]
    comments: list[Comment]
    tags: list[TagScore] = field(default_factory=list)  # the most frequent first
    period: Period | None = None  # the responses it covers
    zone: tzinfo = UTC  # the workspace's time zone, which the report's times are read in


TOP_TAGS = 10


def report_data(
    db: Database, survey: Survey, *, comments: int = 10, tags: int = TOP_TAGS
) -> ReportData:
    assert survey.id is not None
    results = analytics.results(db, survey.id)
    question = survey.headline_question
    interval = None
    if question is not None and results.score is not None:
        interval = headline_interval(question.type, results.distribution)
    return ReportData(
        results=results,
        interval=interval,
        bands=band_rows(results),
        questions=[question_summary(db, survey.id, q) for q in survey.questions],
        comments=latest_comments(db, survey, comments),
        tags=tag_scores(db, survey, limit=tags),
        period=response_period(db, survey.id),
        zone=workspace_zone(db),
    )
