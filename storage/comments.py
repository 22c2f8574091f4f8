"""Comments (open-text answers): listing, full-text search and tags.

Search runs on ``comments_fts`` (FTS5, trigram tokenizer), which
``storage.comment_index`` keeps in step with ``value_text``: a search first
indexes the comments stored since the last one, so it finds every comment
stored until then. The trigram tokenizer cannot
match a term shorter than three characters, and Japanese has many two-character
words (価格, 対応): such terms fall back to ``LIKE`` over the FTS table's own
copy of the text, a scan of comments only, not of every answer.

Automatic tags come from editable keyword lists (``tag_keywords``) matched in
Python by ``surveys.tags`` (NFKC and case folding, which SQL cannot do);
``apply_pending`` tags every comment not yet seen by the current lists, and
changing the lists clears that mark so every comment is tagged again. Manual
tags are kept across runs, and an automatic tag the user removed stays removed.

The detractors are the closed loop's list: filtered on them, the list holds
every detractor response, those that left no comment too (``answer_id`` None,
empty text), so that each can be followed up.

Over 400 lines because search, tags and the closed loop's list all read the
same comments view and filters.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from storage import comment_index
from storage import surveys as survey_store
from storage.database import writing
from surveys import scoring
from surveys.model import Survey
from surveys.questions import SCALE_TYPES, Band, Question, QuestionType
from surveys.tags import tags_for

_TEXT_TYPES = "('open_text', 'short_text')"
_SCALES = "(" + ", ".join(f"'{t.value}'" for t in sorted(SCALE_TYPES)) + ")"


@dataclass(frozen=True)
class CommentFilter:
    """Which comments to list; None or empty means "any"."""

    survey_id: int | None = None
    search: str = ""
    tag: str | None = None
    band: Band | None = None


@dataclass
class Comment:
    answer_id: int | None  # None: a detractor response without a comment
    response_id: int
    survey_id: int
    text: str
    created_at: str
    language: str
    score: int | None
    band: Band | None
    contact_name: str
    attributes: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    scale_max: int | None = None  # the top of the score's scale (10 for NPS, 5 for CSAT)
    kind: QuestionType | None = None  # the score's question type: what its band is called


def _terms(search: str) -> list[str]:
    return [t for t in search.split() if t]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _unindexed_above(db: Database, flt: CommentFilter) -> int | None:
    """None when the search index holds every comment (it catches up first), else the
    mark above which comments are not in it yet (a read-only or busy connection)."""
    if not _terms(flt.search) or comment_index.catch_up(db):
        return None
    return comment_index.mark(db)


def _where(flt: CommentFilter, unindexed_above: int | None = None) -> tuple[str, list[Any]]:
    clauses = [f"q.type IN {_TEXT_TYPES}", "a.value_text IS NOT NULL", "a.value_text <> ''"]
    params: list[Any] = []
    if flt.survey_id is not None:
        clauses.append("r.survey_id = ?")
        params.append(flt.survey_id)
    for term in _terms(flt.search):
        if len(term) >= 3:
            clause = "a.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)"
            params.append('"' + term.replace('"', '""') + '"')
        else:
            clause = "a.id IN (SELECT rowid FROM comments_fts WHERE body LIKE ? ESCAPE '\\')"
            params.append(_like(term))
        if unindexed_above is not None:
            # Comments not indexed yet are matched on their text (LIKE folds ASCII
            # case only; the index folds all case).
            clause = f"({clause} OR (a.id > ? AND a.value_text LIKE ? ESCAPE '\\'))"
            params += [unindexed_above, _like(term)]
        clauses.append(clause)
    if flt.tag:
        clauses.append(
            "a.id IN (SELECT answer_id FROM comment_tags WHERE tag = ? AND source <> 'removed')"
        )
        params.append(flt.tag)
    return " AND ".join(clauses), params


_SCORE = (
    "(SELECT s.value_num FROM answers s JOIN questions sq ON sq.id = s.question_id"
    f" WHERE s.response_id = r.id AND sq.type IN {_SCALES} ORDER BY sq.position LIMIT 1)"
)
_SCORE_QUESTION = (
    "(SELECT sq.id FROM answers s JOIN questions sq ON sq.id = s.question_id"
    f" WHERE s.response_id = r.id AND sq.type IN {_SCALES} ORDER BY sq.position LIMIT 1)"
)


class _Questions:
    """Scale questions by id, loaded once per survey, to place a score in its band."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.by_id: dict[int, Question] = {}
        self.loaded: set[int] = set()

    def load(self, survey_id: int) -> None:
        if survey_id not in self.loaded:
            self.loaded.add(survey_id)
            ids = survey_store.question_ids(self.db, survey_id)
            survey = survey_store.get(self.db, survey_id)
            for question in survey.questions:
                if question.qid in ids:
                    self.by_id[ids[question.qid]] = question

    def band(self, survey_id: int, question_id: int | None, score: int | None) -> Band | None:
        if question_id is None or score is None:
            return None
        self.load(survey_id)
        question = self.by_id.get(question_id)
        if question is None or question.scale is None:
            return None
        return question.band(score)

    def maximum(self, question_id: int | None) -> int | None:
        question = self.by_id.get(question_id) if question_id is not None else None
        return question.scale.maximum if question is not None and question.scale else None

    def kind(self, question_id: int | None) -> QuestionType | None:
        question = self.by_id.get(question_id) if question_id is not None else None
        return question.type if question is not None else None


def _matching_sql(db: Database, flt: CommentFilter) -> tuple[str, list[Any]]:
    where, params = _where(flt, _unindexed_above(db, flt))
    return (
        "FROM answers a JOIN questions q ON q.id = a.question_id"
        " JOIN responses r ON r.id = a.response_id"
        " LEFT JOIN deliveries d ON d.id = r.delivery_id"
        " LEFT JOIN contacts c ON c.id = d.contact_id"
        f" WHERE {where}",
        params,
    )


def count(db: Database, flt: CommentFilter = CommentFilter()) -> int:
    """How many comments match."""
    source, params = _matching_sql(db, flt)
    if flt.band is not None:
        return len(_fetch(db, flt, 0, None))
    return int(db.execute(f"SELECT count(*) {source}", params).fetchone()[0])


def fetch(
    db: Database, flt: CommentFilter = CommentFilter(), offset: int = 0, limit: int = 200
) -> list[Comment]:
    """One page of matching comments, newest first."""
    return _fetch(db, flt, offset, limit)


def _comment(row: dict[str, Any], band: Band | None, questions: _Questions) -> Comment:
    """A listed row as a Comment; a row without ``answer_id`` is a response without one."""
    tags = row.get("tags")
    return Comment(
        answer_id=row.get("answer_id"),
        response_id=row["response_id"],
        survey_id=row["survey_id"],
        text=row.get("text") or "",
        created_at=row["created_at"],
        language=row["language"],
        score=row["score"],
        band=band,
        contact_name=row["contact_name"] or "",
        attributes=json.loads(row["attributes"]) if row["attributes"] else {},
        tags=sorted(tags.split("\x1f")) if tags else [],
        scale_max=questions.maximum(row["score_question"]),
        kind=questions.kind(row["score_question"]),
    )


def _fetch(db: Database, flt: CommentFilter, offset: int, limit: int | None) -> list[Comment]:
    source, params = _matching_sql(db, flt)
    sql = (
        "SELECT a.id AS answer_id, r.id AS response_id, r.survey_id AS survey_id,"
        " a.value_text AS text, r.created_at AS created_at, r.language AS language,"
        f" {_SCORE} AS score, {_SCORE_QUESTION} AS score_question,"
        " c.name AS contact_name, c.attributes AS attributes,"
        " (SELECT group_concat(tag, char(31)) FROM comment_tags t"
        "  WHERE t.answer_id = a.id AND t.source <> 'removed') AS tags"
        f" {source} ORDER BY r.created_at DESC, a.id DESC"
    )
    if flt.band is None and limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    questions = _Questions(db)
    out = []
    for row in db.query(sql, params):
        band = questions.band(row["survey_id"], row["score_question"], row["score"])
        if flt.band is not None and band is not flt.band:
            continue
        out.append(_comment(row, band, questions))
    if flt.band is Band.DETRACTOR and not _terms(flt.search) and not flt.tag:
        out += _uncommented_detractors(db, flt.survey_id, questions)
        out.sort(key=lambda c: (c.created_at, c.response_id, c.answer_id or 0), reverse=True)
    if flt.band is not None and limit is not None:
        out = out[offset : offset + limit]
    return out


_COMMENTED = (
    "EXISTS (SELECT 1 FROM answers t JOIN questions tq ON tq.id = t.question_id"
    f" WHERE t.response_id = r.id AND tq.type IN {_TEXT_TYPES}"
    " AND t.value_text IS NOT NULL AND t.value_text <> '')"
)


def _uncommented_detractors(
    db: Database, survey_id: int | None, questions: _Questions
) -> list[Comment]:
    """Detractor responses that left no comment, as Comments without text."""
    # Only the answers low enough to detract are read (through the score index);
    # the band of each response's score is then decided as for comments.
    lows: list[str] = []
    params: list[Any] = []
    where = "" if survey_id is None else " AND q.survey_id = ?"
    rows = db.execute(
        f"SELECT q.id, q.survey_id FROM questions q WHERE q.type IN {_SCALES}{where}",
        [] if survey_id is None else [survey_id],
    ).fetchall()
    for question_id, owner in rows:
        questions.load(owner)
        question = questions.by_id.get(question_id)
        if question is None or question.scale is None:
            continue
        scale = question.scale
        low = [
            p for p in range(scale.minimum, scale.maximum + 1) if question.band(p) is Band.DETRACTOR
        ]
        if low:
            lows.append("(s.question_id = ? AND s.value_num <= ?)")
            params += [question_id, max(low)]
    if not lows:
        return []
    out = []
    for row in db.query(
        "SELECT r.id AS response_id, r.survey_id AS survey_id, r.created_at AS created_at,"
        f" r.language AS language, {_SCORE} AS score, {_SCORE_QUESTION} AS score_question,"
        " c.name AS contact_name, c.attributes AS attributes FROM responses r"
        " LEFT JOIN deliveries d ON d.id = r.delivery_id"
        " LEFT JOIN contacts c ON c.id = d.contact_id"
        f" WHERE r.id IN (SELECT s.response_id FROM answers s WHERE {' OR '.join(lows)})"
        f" AND NOT {_COMMENTED}",
        params,
    ):
        band = questions.band(row["survey_id"], row["score_question"], row["score"])
        if band is not Band.DETRACTOR:
            continue
        out.append(_comment(row, band, questions))
    return out


# --- tags -------------------------------------------------------------------


def keywords(db: Database) -> dict[str, list[str]]:
    """The keyword lists: tag → keywords, tags in the order they were first added."""
    lists: dict[str, list[str]] = {}
    for row in db.query("SELECT tag, keyword FROM tag_keywords ORDER BY id"):
        lists.setdefault(row["tag"], []).append(row["keyword"])
    return lists


def set_keywords(db: Database, lists: dict[str, list[str]]) -> None:
    """Replace the keyword lists; every comment is tagged again by ``apply_pending``."""
    with writing(db):
        db.execute("DELETE FROM tag_keywords")
        for tag, words in lists.items():
            for word in words:
                db.execute(
                    "INSERT OR IGNORE INTO tag_keywords (tag, keyword) VALUES (?, ?)", [tag, word]
                )
        db.execute("DELETE FROM comment_tags WHERE source = 'auto'")
        db.execute("DELETE FROM tagged_answers")


def apply_pending(db: Database, batch: int = 2000) -> int:
    """Tag the comments the current keyword lists have not seen; returns how many."""
    comment_index.catch_up(db)  # the comments to tag are read from the index
    lists = keywords(db)
    done = 0
    while True:
        rows = db.execute(
            "SELECT f.rowid, f.body FROM comments_fts f"
            " WHERE f.rowid NOT IN (SELECT answer_id FROM tagged_answers) LIMIT ?",
            [batch],
        ).fetchall()
        if not rows:
            return done
        with writing(db):
            for answer_id, body in rows:
                for tag in tags_for(body, lists):
                    db.execute(
                        "INSERT OR IGNORE INTO comment_tags (answer_id, tag, source)"
                        " VALUES (?, ?, 'auto')",
                        [answer_id, tag],
                    )
                db.execute("INSERT INTO tagged_answers (answer_id) VALUES (?)", [answer_id])
        done += len(rows)


def add_tag(db: Database, answer_id: int, tag: str) -> None:
    """Tag a comment by hand (also undoes the removal of an automatic tag)."""
    with writing(db):
        db.execute(
            "INSERT INTO comment_tags (answer_id, tag, source) VALUES (?, ?, 'manual')"
            " ON CONFLICT (answer_id, tag) DO UPDATE SET source = 'manual'",
            [answer_id, tag],
        )


def remove_tag(db: Database, answer_id: int, tag: str) -> None:
    """Take a tag off a comment; an automatic one stays off when the lists run again."""
    with writing(db):
        db.execute(
            "INSERT INTO comment_tags (answer_id, tag, source) VALUES (?, ?, 'removed')"
            " ON CONFLICT (answer_id, tag) DO UPDATE SET source = 'removed'",
            [answer_id, tag],
        )


def tags_of(db: Database, answer_id: int) -> list[str]:
    """A comment's tags, sorted."""
    rows = db.execute(
        "SELECT tag FROM comment_tags WHERE answer_id = ? AND source <> 'removed' ORDER BY tag",
        [answer_id],
    ).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class TagStat:
    tag: str
    comments: int
    scored: int  # comments whose response has an NPS score
    nps: float | None  # −100..+100 over those, None without any


def tag_stats(db: Database, survey_id: int | None = None) -> list[TagStat]:
    """Comments and NPS per tag, most frequent first (NPS only from NPS questions)."""
    where = "t.source <> 'removed'"
    params: list[Any] = []
    if survey_id is not None:
        where += " AND r.survey_id = ?"
        params.append(survey_id)
    nps_score = (
        "(SELECT s.value_num FROM answers s JOIN questions sq ON sq.id = s.question_id"
        " WHERE s.response_id = r.id AND sq.type = 'nps' ORDER BY sq.position LIMIT 1)"
    )
    rows = db.query(
        "SELECT tag, count(*) AS n, count(score) AS scored,"
        " sum(score >= 9) AS promoters, sum(score <= 6) AS detractors FROM ("
        f" SELECT t.tag AS tag, {nps_score} AS score FROM comment_tags t"
        " JOIN answers a ON a.id = t.answer_id JOIN responses r ON r.id = a.response_id"
        f" WHERE {where}) GROUP BY tag ORDER BY n DESC, tag",
        params,
    )
    stats = []
    for row in rows:
        scored = row["scored"]
        nps = (
            100.0 * ((row["promoters"] or 0) - (row["detractors"] or 0)) / scored
            if scored
            else None
        )
        stats.append(TagStat(row["tag"], row["n"], scored, nps))
    return stats


@dataclass(frozen=True)
class TagScore:
    """One tag of one survey's comments, with the survey's headline score over them."""

    tag: str  # the stored key: show it with surveys.tags.tag_label
    comments: int
    score: scoring.Score | None  # None when the survey has no scale question


def tag_scores(db: Database, survey: Survey, limit: int | None = None) -> list[TagScore]:
    """Tags of ``survey``'s comments, most frequent first, each with the headline score
    (NPS, CSAT, CES...) of the responses behind them.

    Reads only: a report is made from a read-only workspace too (``main.py export``
    beside the desktop), so comments the keyword lists have not yet been applied to
    are tagged here in memory, as ``apply_pending`` would tag them, not stored.
    """
    assert survey.id is not None
    ids = survey_store.question_ids(db, survey.id)
    text_ids = [ids[q.qid] for q in survey.questions if q.is_text]
    if not text_ids:
        return []
    headline = survey.headline_question
    score_id = ids[headline.qid] if headline is not None and headline.scale else -1
    marks = ", ".join("?" for _ in text_ids)
    comments_sql = (
        "FROM answers a LEFT JOIN answers s ON s.response_id = a.response_id"
        f" AND s.question_id = ? WHERE a.question_id IN ({marks})"
        " AND a.value_text IS NOT NULL AND a.value_text <> ''"
    )
    params = [score_id, *text_ids]
    # tag → score → comments (None: a comment without a score)
    tally: dict[str, dict[int | None, int]] = {}

    def count_in(tag: str, score: int | None, n: int = 1) -> None:
        per_score = tally.setdefault(tag, {})
        per_score[score] = per_score.get(score, 0) + n

    for tag, score, n in db.execute(
        "SELECT t.tag, c.score, count(*) FROM comment_tags t"
        f" JOIN (SELECT a.id AS id, s.value_num AS score {comments_sql}) AS c"
        " ON c.id = t.answer_id WHERE t.source <> 'removed' GROUP BY t.tag, c.score",
        params,
    ).fetchall():
        count_in(tag, score, n)
    pending = f"{comments_sql} AND a.id NOT IN (SELECT answer_id FROM tagged_answers)"
    # Any stored row of a pending comment decides its tag: a manual one is counted
    # above, a removed one stays off.
    decided: dict[int, set[str]] = {}
    for answer_id, tag in db.execute(
        f"SELECT t.answer_id, t.tag FROM comment_tags t WHERE t.answer_id IN"
        f" (SELECT a.id {pending})",
        params,
    ).fetchall():
        decided.setdefault(answer_id, set()).add(tag)
    lists = keywords(db)
    for answer_id, text, score in db.execute(
        f"SELECT a.id, a.value_text, s.value_num {pending}", params
    ):
        for tag in tags_for(text, lists):
            if tag not in decided.get(answer_id, ()):
                count_in(tag, score)
    out = []
    for tag, per_score in tally.items():
        scores = {point: n for point, n in per_score.items() if point is not None}
        score = (
            scoring.headline(headline.type, scores)
            if headline is not None and headline.scale is not None
            else None
        )
        out.append(TagScore(tag, sum(per_score.values()), score))
    out.sort(key=lambda t: (-t.comments, t.tag))
    return out if limit is None else out[:limit]


def all_tags(db: Database) -> list[str]:
    """Every tag in use or in the keyword lists, sorted."""
    rows = db.execute(
        "SELECT tag FROM tag_keywords UNION SELECT tag FROM comment_tags WHERE source <> 'removed'"
        " ORDER BY tag"
    ).fetchall()
    return [r[0] for r in rows]


def headline_scores(
    db: Database, after_id: int, only: Sequence[int] | None = None
) -> list[tuple[int, int, int, str, str]]:
    """Responses after ``after_id`` (or, given ``only``, those of these ids) with a
    headline score: (response id, survey id, score, band, first comment)."""
    ids = list(only or [])
    where = f"r.id IN ({', '.join('?' for _ in ids)})" if only is not None else "r.id > ?"
    rows = db.query(
        f"SELECT r.id AS response_id, r.survey_id AS survey_id, {_SCORE} AS score,"
        f" {_SCORE_QUESTION} AS score_question,"
        " (SELECT a.value_text FROM answers a JOIN questions q ON q.id = a.question_id"
        f"  WHERE a.response_id = r.id AND q.type IN {_TEXT_TYPES} ORDER BY q.position"
        "  LIMIT 1) AS comment"
        f" FROM responses r WHERE {where} ORDER BY r.id",
        ids if only is not None else [after_id],
    )
    questions = _Questions(db)
    out = []
    for row in rows:
        band = questions.band(row["survey_id"], row["score_question"], row["score"])
        if band is not None:
            out.append(
                (
                    row["response_id"],
                    row["survey_id"],
                    row["score"],
                    band.value,
                    row["comment"] or "",
                )
            )
    return out
