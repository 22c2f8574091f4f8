"""Responses and their answers."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage import surveys as survey_store
from storage import sync_numbers
from storage.database import to_text, utc_now, writing
from storage.deliveries import Delivery
from surveys.branching import has_branching, on_path
from surveys.model import Survey
from surveys.questions import CHOICE_TYPES, Answer, Choice

OTHER_COLUMN_SUFFIX = "_other"


class AlreadyAnswered(Exception):
    """A personal link whose delivery already has a response."""


@dataclass(frozen=True)
class OpenResponse:
    """A partial response waiting for its next page."""

    id: int
    survey_id: int
    delivery_id: int | None
    language: str
    answers: dict[str, Answer]


def record(
    db: Database,
    survey: Survey,
    answers: Mapping[str, Answer],
    *,
    language: str,
    delivery: Delivery | None = None,
    source: str | None = None,
    now: datetime | None = None,
    resume_token: str | None = None,
) -> int:
    """Store one response and its answers in one transaction.

    ``answers`` must already be validated against ``survey`` (Survey.parse_answers).
    Without ``resume_token`` the response is complete. With one, it is
    partial: it counts already (a score without its comment is still a
    score), and ``add_answers`` completes it from the next page.
    Returns the new response's id.
    """
    assert survey.id is not None
    moment = to_text(now or utc_now())
    completed = None if resume_token else moment
    with writing(db):
        if delivery is not None:
            # Claim the delivery inside the transaction, so two posts racing on
            # the same personal link cannot both be stored.
            claimed = db.execute(
                "UPDATE deliveries SET answered_at = ?, status = 'answered'"
                " WHERE id = ? AND answered_at IS NULL",
                [moment, delivery.id],
            ).rowcount
            if not claimed:
                raise AlreadyAnswered(f"delivery {delivery.id} has already been answered")
        linked = delivery.id if delivery is not None and not survey.anonymous else None
        channel = delivery.channel if delivery is not None else "link"
        # Numbered for sync once, with its answers (storage.sync_numbers): the next
        # number, which the counter reaches once they are in.
        cursor = db.conn.execute(
            "INSERT INTO responses (survey_id, delivery_id, channel, source, language,"
            " resume_token, created_at, completed_at, updated_at, uid, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))),"
            f" {sync_numbers.NEXT})",
            [survey.id, linked, channel, source, language, resume_token, moment, completed, moment],
        )
        response_id = cursor.lastrowid
        assert response_id is not None
        _insert_answers(db, survey, response_id, answers)
        db.conn.execute(sync_numbers.ADVANCE)
    return response_id


def _insert_answers(
    db: Database, survey: Survey, response_id: int, answers: Mapping[str, Answer]
) -> None:
    assert survey.id is not None
    ids = survey_store.question_ids(db, survey.id)
    # Each answer names the wording in force as it is given (questions.wording).
    db.conn.executemany(
        "INSERT INTO answers (response_id, question_id, value_num, value_text, value_other,"
        " wording) VALUES (?, ?, ?, ?, ?, (SELECT wording FROM questions WHERE id = ?))"
        " ON CONFLICT (response_id, question_id) DO UPDATE SET"
        " value_num = excluded.value_num, value_text = excluded.value_text,"
        " value_other = excluded.value_other, wording = excluded.wording",
        [
            (response_id, ids[qid], *answer_columns(value), ids[qid])
            for qid, value in answers.items()
        ],
    )


def _drop_off_path(db: Database, survey: Survey, response_id: int) -> None:
    if not has_branching(survey.questions):
        return
    stored = answers_of(db, response_id)
    hidden = set(stored) - on_path(survey.questions, stored)
    if hidden:
        ids = survey_store.question_ids(db, survey.id or 0)
        db.conn.executemany(
            "DELETE FROM answers WHERE response_id = ? AND question_id = ?",
            [(response_id, ids[qid]) for qid in hidden],
        )


def find_open(db: Database, resume_token: str) -> OpenResponse | None:
    """The partial response a next page continues, or None (unknown or completed)."""
    rows = list(
        db.query(
            "SELECT id, survey_id, delivery_id, language FROM responses"
            " WHERE resume_token = ? AND completed_at IS NULL",
            [resume_token],
        )
    )
    if not rows:
        return None
    row = rows[0]
    return OpenResponse(
        row["id"], row["survey_id"], row["delivery_id"], row["language"], answers_of(db, row["id"])
    )


def add_answers(
    db: Database,
    survey: Survey,
    response_id: int,
    answers: Mapping[str, Answer],
    *,
    complete: bool,
    now: datetime | None = None,
) -> None:
    """Add a later page's answers to a partial response, completing it if ``complete``.

    A completed response forgets its resume token, so the link cannot change it again.
    An answer the new ones take off the survey's path (a score changed on going back
    hides the question answered after the first one) is dropped: what is stored is
    what the path taken asks (surveys.branching).
    """
    moment = to_text(now or utc_now())
    with writing(db):
        _insert_answers(db, survey, response_id, answers)
        _drop_off_path(db, survey, response_id)
        if complete:
            db.execute(
                "UPDATE responses SET completed_at = ?, updated_at = ?, resume_token = NULL"
                " WHERE id = ?",
                [moment, moment, response_id],
            )
        else:
            db.execute("UPDATE responses SET updated_at = ? WHERE id = ?", [moment, response_id])


def keep_tapped(
    db: Database,
    survey: Survey,
    answers: Mapping[str, Answer],
    *,
    resume_token: str,
    language: str,
    source: str | None = None,
    delivery: Delivery | None = None,
    now: datetime | None = None,
) -> bool | None:
    """A tapped score, kept at once as the partial response ``resume_token`` names.

    The page holds the token from the start, so each score the person taps
    changes the one response it begins, and the form's post completes it.
    That is a public link's way, and an anonymous survey's personal link's:
    its response names no delivery, so only the token finds it again. The
    first tap on a personal link claims its ``delivery`` (answered), and
    raises ``AlreadyAnswered`` when it was claimed before.
    Returns True when the response is new, False when it was changed (or
    already held these answers), None when the token belongs to another
    survey's response or to a known contact's (nothing is written).
    """
    assert survey.id is not None
    with writing(db):
        row = db.execute(
            "SELECT id, survey_id, delivery_id, completed_at FROM responses WHERE resume_token = ?",
            [resume_token],
        ).fetchone()
        if row is None:
            record(
                db,
                survey,
                answers,
                language=language,
                delivery=delivery,
                source=source,
                now=now,
                resume_token=resume_token,
            )
            return True
        response_id, survey_id, delivery_id, completed_at = row
        if survey_id != survey.id or delivery_id is not None or completed_at is not None:
            return None
        add_answers(db, survey, response_id, answers, complete=False, now=now)
        return False


def answers_of(db: Database, response_id: int) -> dict[str, Answer]:
    """A stored response's answers by question id."""
    found: dict[str, Answer] = {}
    for row in db.query(
        "SELECT q.qid, q.type, a.value_num, a.value_text, a.value_other FROM answers a"
        " JOIN questions q ON q.id = a.question_id WHERE a.response_id = ?",
        [response_id],
    ):
        if row["value_num"] is not None:
            found[row["qid"]] = row["value_num"]
        elif row["type"] in CHOICE_TYPES:
            codes = tuple(code for code in (row["value_text"] or "").split(";") if code)
            found[row["qid"]] = Choice(codes, row["value_other"])
        elif row["value_text"] is not None:
            found[row["qid"]] = row["value_text"]
    return found


def open_for_delivery(db: Database, delivery_id: int) -> OpenResponse | None:
    """The partial response begun through a personal link, if it is not complete yet."""
    rows = list(
        db.query(
            "SELECT resume_token FROM responses WHERE delivery_id = ? AND completed_at IS NULL"
            " AND resume_token IS NOT NULL",
            [delivery_id],
        )
    )
    return find_open(db, rows[0]["resume_token"]) if rows else None


def answer_columns(value: Answer) -> tuple[int | None, str | None, str | None]:
    """An answer as the answers table holds it: (value_num, value_text, value_other)."""
    if isinstance(value, Choice):
        return None, value.stored(), value.other_text
    if isinstance(value, int):
        return value, None, None
    return None, value, None


def count(db: Database, survey_id: int) -> int:
    row = next(db.query("SELECT count(*) AS n FROM responses WHERE survey_id = ?", [survey_id]))
    return int(row["n"])


def latest_id(db: Database) -> int:
    """The highest response id in the workspace: cheap change detection."""
    row = next(db.query("SELECT coalesce(max(id), 0) AS n FROM responses"))
    return int(row["n"])


METADATA = ("response_id", "created_at", "completed_at", "language", "channel", "source")
WORDING_COLUMN_SUFFIX = "_wording"


def row_columns(survey: Survey, reworded: Collection[str] = ()) -> list[str]:
    """The names of a flat row's values: metadata, then each question id (and its
    "Other" text beside it). Exports use them as their stable header.

    The questions in ``reworded`` (storage.surveys.wording_history) add a column
    at the end, ``<qid>_wording``: the version of the wording each answer was
    given to, so the columns before them never move.
    """
    names = list(METADATA)
    for question in survey.questions:
        names.append(question.qid)
        if question.other_option:
            names.append(question.qid + OTHER_COLUMN_SUFFIX)
    names += [q.qid + WORDING_COLUMN_SUFFIX for q in survey.questions if q.qid in reworded]
    return names


def reworded_qids(db: Database, survey: Survey) -> list[str]:
    """The questions of ``survey`` that had more than one wording, in survey order."""
    assert survey.id is not None
    history = survey_store.wording_history(db, survey.id)
    return [q.qid for q in survey.questions if q.qid in history]


def iter_values(db: Database, survey: Survey) -> Iterator[tuple[object, ...]]:
    """Each response of ``survey`` as a tuple in ``row_columns`` order, oldest first.

    Streams: rows are produced as SQLite reads them, whatever the survey's size.
    """
    assert survey.id is not None
    row_ids = survey_store.question_ids(db, survey.id)
    reworded = reworded_qids(db, survey)
    # One indexed lookup per cell (answers is UNIQUE on (response_id, question_id)):
    # twice the speed of pivoting a GROUP BY over every answer, and no join limit.
    cell = "(SELECT {value} FROM answers WHERE response_id = r.id AND question_id = ?)"
    cells, params = [], []
    for question in survey.questions:
        cells.append(cell.format(value="coalesce(value_num, value_text)"))
        params.append(row_ids[question.qid])
        if question.other_option:
            cells.append(cell.format(value="value_other"))
            params.append(row_ids[question.qid])
    for qid in reworded:
        cells.append(cell.format(value="wording"))
        params.append(row_ids[qid])
    sql = (
        "SELECT r.id, r.created_at, r.completed_at, r.language, r.channel, r.source"
        + "".join(f", {c}" for c in cells)
        + " FROM responses r WHERE r.survey_id = ? ORDER BY r.id"
    )
    return db.conn.execute(sql, [*params, survey.id])


def iter_rows(db: Database, survey: Survey) -> Iterator[dict[str, object]]:
    """Each response of ``survey`` as a dict keyed by ``row_columns``; streams."""
    names = row_columns(survey, reworded_qids(db, survey))
    for values in iter_values(db, survey):
        yield dict(zip(names, values, strict=True))


def resume_token_of(db: Database, response_id: int) -> str | None:
    """The resume token of a partial response (None once it is complete)."""
    rows = list(
        db.query(
            "SELECT resume_token FROM responses WHERE id = ? AND completed_at IS NULL",
            [response_id],
        )
    )
    return rows[0]["resume_token"] if rows else None


class ResponseNotFound(LookupError):
    pass


RESPONSE_DELETED = "The response was deleted."


def delete(db: Database, response_id: int, *, now: datetime | None = None) -> int:
    """Delete one response and everything about it (a customer's request); returns its survey.

    Its answers, comment tags, detractor case and automatic-message claims go
    with it (the schema cascades), so it leaves every count, chart, export
    and the Comments page. Its uid is remembered (``deleted_responses``) so
    that a sync never brings it back from the public host, which is told to
    delete its copy too. What it is deleted from is overwritten, not left in
    the file's free space. The delivery that brought it stays answered: the
    person's link does not ask them again.
    """
    db.execute("PRAGMA secure_delete = ON")
    with writing(db):
        row = db.execute(
            "SELECT survey_id, uid FROM responses WHERE id = ?", [response_id]
        ).fetchone()
        if row is None:
            raise ResponseNotFound(f"no response with id {response_id}")
        survey_id, uid = row
        if uid:
            db.execute(
                "INSERT OR IGNORE INTO deleted_responses (uid, deleted_at) VALUES (?, ?)",
                [uid, to_text(now or utc_now())],
            )
        blank_messages_about(db, [response_id], now)
        db.execute("DELETE FROM responses WHERE id = ?", [response_id])
    return int(survey_id)


def blank_messages_about(
    db: Database, response_ids: Sequence[int], now: datetime | None = None
) -> None:
    """Before responses are deleted: the owners' alerts about them quote the answers, so
    their text is blanked, and one not sent yet never will be (on the desktop, and on a
    public host that emails the owners' alerts)."""
    if not response_ids:
        return
    marks = ", ".join("?" for _ in response_ids)
    db.execute(
        "UPDATE outbox SET status = CASE WHEN status IN ('queued', 'paused', 'held')"
        "   THEN 'skipped' ELSE status END,"
        " error = CASE WHEN status IN ('queued', 'paused', 'held') THEN ? ELSE error END,"
        f" body = '', subject = NULL, updated_at = ? WHERE response_id IN ({marks})",
        [RESPONSE_DELETED, to_text(now or utc_now()), *response_ids],
    )


def largest_response_id(db: Database) -> int | None:
    """The highest response number in the workspace (None when there are none)."""
    return db.execute("SELECT max(id) FROM responses").fetchone()[0]


def score_extents(db: Database, question_id: int) -> tuple[float | None, float | None]:
    """The lowest and highest score stored for a question, None when it has none."""
    # Each of min and max is one step down the (question_id, value_num) index.
    low, high = (
        db.execute(
            f"SELECT {end}(value_num) FROM answers WHERE question_id = ?", [question_id]
        ).fetchone()[0]
        for end in ("min", "max")
    )
    return low, high
