"""Aggregate queries behind the Results page and the headline scores."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from storage import responses
from storage import surveys as survey_store
from surveys import scoring
from surveys.model import Survey


@dataclass(frozen=True)
class SurveyResults:
    """What the Results page shows for one survey."""

    survey: Survey
    responses: int
    distribution: dict[int, int]  # score → count, every scale point present
    score: scoring.Score | None  # None for a survey without a scale question
    breakdown: scoring.NpsBreakdown | None


def distribution(db: Database, survey_id: int, qid: str) -> dict[int, int]:
    """Counts of each score given to question ``qid``."""
    question_id = survey_store.question_ids(db, survey_id)[qid]
    return {
        row["value_num"]: row["n"]
        for row in db.query(
            "SELECT value_num, count(*) AS n FROM answers"
            " WHERE question_id = ? AND value_num IS NOT NULL GROUP BY value_num",
            [question_id],
        )
    }


def results(db: Database, survey_id: int) -> SurveyResults:
    survey = survey_store.get(db, survey_id)
    total = responses.count(db, survey_id)
    question = survey.headline_question
    if question is None or question.scale is None:
        return SurveyResults(survey, total, {}, None, None)
    counts = distribution(db, survey_id, question.qid)
    full = {point: counts.get(point, 0) for point in question.scale.points}
    score = scoring.headline(question.type, full)
    breakdown = scoring.nps_breakdown(full) if question.type == "nps" else None
    return SurveyResults(survey, total, full, score, breakdown)
