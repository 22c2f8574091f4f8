"""Surveys and their questions in the database.

Over 400 lines because a survey and its questions are one aggregate: saved,
locked against edits once answered, duplicated and reworded together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now, writing
from surveys.branching import Condition, Match
from surveys.editing import EditRefused, duplicate, locked_problems
from surveys.model import StatusError, Survey, SurveyKind, SurveyStatus
from surveys.questions import MAX_TEXT_LENGTH, Band, Option, Question, QuestionType
from surveys.text import LocalText


class SurveyNotFound(LookupError):
    pass


@dataclass(frozen=True)
class SurveySummary:
    """One row of the survey list."""

    id: int
    slug: str
    kind: SurveyKind
    status: SurveyStatus
    title: LocalText
    languages: tuple[str, ...]
    closes_at: datetime | None
    created_at: datetime
    responses: int
    questions: int = 0
    archived: bool = False


@dataclass(frozen=True)
class Wording:
    """One wording a question had: its version, its text and when it came into force."""

    version: int
    text: LocalText
    valid_from: datetime


def create(db: Database, survey: Survey) -> Survey:
    """Store a new survey with its questions; ``survey.slug`` must be set."""
    if not survey.slug:
        raise ValueError("a survey needs a slug before it is stored")
    now = to_text(utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT INTO surveys (slug, kind, status, title, languages, anonymous, closes_at,"
            " options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                survey.slug,
                str(survey.derived_kind()),
                str(survey.status),
                json.dumps(survey.title, ensure_ascii=False),
                json.dumps(list(survey.languages)),
                int(survey.anonymous),
                to_text(survey.closes_at),
                _options_json(survey),
                now,
                now,
            ],
        )
        survey_id = cursor.lastrowid
        assert survey_id is not None
        for position, question in enumerate(survey.questions):
            _insert_question(db, survey_id, position, question, now)
    return get(db, survey_id)


def _options_json(survey: Survey) -> str:
    return json.dumps(
        {
            **survey.extra,
            "disabled_rules": sorted(survey.disabled_rules),
            "channels": list(survey.channels),
            "invitation": survey.invitation,
            "heading": survey.heading,
            "intro": survey.intro,
            "thanks": survey.thanks,
            "redirect_url": survey.redirect_url,
        },
        ensure_ascii=False,
    )


def _config_json(question: Question) -> str:
    """Type-specific settings of a question, kept in one JSON column."""
    config: dict[str, object] = {"max_length": question.max_length}
    if question.type is QuestionType.SMILEY:
        config["points"] = question.points
    if question.is_choice:
        config.update(
            options=[{"code": o.code, "text": o.text} for o in question.options],
            other_option=question.other_option,
            none_option=question.none_option,
            randomize=question.randomize,
            ordered=question.ordered,
        )
    if question.follow_up_of:
        config.update(
            follow_up_of=question.follow_up_of,
            variants={str(band): text for band, text in question.variants.items()},
            show_for=[str(band) for band in question.show_for],
        )
    if question.show_if is not None:
        config["show_if"] = question.show_if.to_json()
    if question.ends_if is not None:
        config["ends_if"] = question.ends_if.to_json()
    return json.dumps(config, ensure_ascii=False)


def _insert_question(
    db: Database, survey_id: int, position: int, question: Question, now: str | None
) -> None:
    cursor = db.execute(
        "INSERT INTO questions (survey_id, qid, position, type, text, required,"
        " low_label, high_label, config) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [survey_id, question.qid, position, *_question_values(question)],
    )
    # Its first wording, in force from now.
    db.execute(
        "INSERT INTO question_wordings (question_id, version, text, valid_from)"
        " VALUES (?, 1, ?, ?)",
        [cursor.lastrowid, json.dumps(question.text, ensure_ascii=False), now],
    )


def _question_values(question: Question) -> list[object]:
    """type, text, required, low_label, high_label, config: as the table stores them."""
    return [
        str(question.type),
        json.dumps(question.text, ensure_ascii=False),
        int(question.required),
        json.dumps(question.low_label, ensure_ascii=False),
        json.dumps(question.high_label, ensure_ascii=False),
        _config_json(question),
    ]


def _question(row: dict) -> Question:
    config = json.loads(row["config"])
    return Question(
        qid=row["qid"],
        type=QuestionType(row["type"]),
        text=LocalText.of(json.loads(row["text"])),
        required=bool(row["required"]),
        low_label=LocalText.of(json.loads(row["low_label"])),
        high_label=LocalText.of(json.loads(row["high_label"])),
        max_length=int(config.get("max_length", MAX_TEXT_LENGTH)),
        points=int(config.get("points", 5)),
        options=[Option(o["code"], LocalText.of(o["text"])) for o in config.get("options", [])],
        other_option=bool(config.get("other_option", False)),
        none_option=bool(config.get("none_option", False)),
        randomize=bool(config.get("randomize", False)),
        ordered=bool(config.get("ordered", False)),
        follow_up_of=config.get("follow_up_of"),
        variants={Band(k): LocalText.of(v) for k, v in config.get("variants", {}).items()},
        show_for=tuple(Band(b) for b in config.get("show_for", [])),
        show_if=Condition.from_json(config["show_if"]) if config.get("show_if") else None,
        ends_if=Match.from_json(config["ends_if"]) if config.get("ends_if") else None,
    )


_PAGE_TEXTS = ("heading", "intro", "thanks")


def _survey(db: Database, row: dict) -> Survey:
    options = json.loads(row["options"])
    disabled = frozenset(options.pop("disabled_rules", []))
    channels = tuple(options.pop("channels", []))
    invitation = LocalText.of(options.pop("invitation", {}))
    page_texts = {name: LocalText.of(options.pop(name, {})) for name in _PAGE_TEXTS}
    redirect_url = str(options.pop("redirect_url", "") or "")
    questions = [
        _question(q)
        for q in db.query(
            "SELECT * FROM questions WHERE survey_id = ? ORDER BY position", [row["id"]]
        )
    ]
    return Survey(
        id=row["id"],
        slug=row["slug"],
        kind=SurveyKind(row["kind"]),
        status=SurveyStatus(row["status"]),
        title=LocalText.of(json.loads(row["title"])),
        languages=tuple(json.loads(row["languages"])),
        anonymous=bool(row["anonymous"]),
        closes_at=from_text(row["closes_at"]),
        created_at=from_text(row["created_at"]),
        questions=questions,
        disabled_rules=disabled,
        channels=channels,
        invitation=invitation,
        redirect_url=redirect_url,
        extra=options,
        **page_texts,
    )


def get(db: Database, survey_id: int) -> Survey:
    rows = list(db.query("SELECT * FROM surveys WHERE id = ?", [survey_id]))
    if not rows:
        raise SurveyNotFound(f"no survey with id {survey_id}")
    return _survey(db, rows[0])


def find_by_slug(db: Database, slug: str) -> Survey | None:
    rows = list(db.query("SELECT * FROM surveys WHERE slug = ?", [slug]))
    return _survey(db, rows[0]) if rows else None


def find_by_preview_token(db: Database, token: str) -> Survey | None:
    """The survey whose designer preview link holds ``token`` (``extra["preview_token"]``)."""
    rows = list(
        db.query(
            "SELECT * FROM surveys WHERE json_extract(options, '$.preview_token') = ?", [token]
        )
    )
    return _survey(db, rows[0]) if rows else None


def question_ids(db: Database, survey_id: int) -> dict[str, int]:
    """Question id (qid) → the questions table's row id."""
    # The connection's own cursor: sqlite-utils' row dicts cost more than the query.
    return dict(db.conn.execute("SELECT qid, id FROM questions WHERE survey_id = ?", [survey_id]))


def list_all(db: Database) -> list[SurveySummary]:
    """Every survey, archived ones too, newest first, with its number of responses."""
    rows = db.query(
        "SELECT s.*, (SELECT count(*) FROM responses r WHERE r.survey_id = s.id) AS n,"
        " (SELECT count(*) FROM questions q WHERE q.survey_id = s.id) AS questions"
        " FROM surveys s ORDER BY s.created_at DESC, s.id DESC"
    )
    return [
        SurveySummary(
            id=row["id"],
            slug=row["slug"],
            kind=SurveyKind(row["kind"]),
            status=SurveyStatus(row["status"]),
            title=LocalText.of(json.loads(row["title"])),
            languages=tuple(json.loads(row["languages"])),
            closes_at=from_text(row["closes_at"]),
            created_at=from_text(row["created_at"]) or utc_now(),
            responses=row["n"],
            questions=row["questions"],
            archived=row["archived_at"] is not None,
        )
        for row in rows
    ]


def set_status(
    db: Database,
    survey_id: int,
    status: SurveyStatus,
    *,
    closes_at: datetime | None = None,
) -> Survey:
    """Move a survey along draft → open → closed (or reopen a closed one).

    ``closes_at`` is the optional end date set when a survey is opened.
    Raises surveys.model.StatusError for a change the life cycle forbids
    (NoQuestions for a survey without questions), and for an archived survey.
    """
    with writing(db):
        survey = get(db, survey_id)
        survey.check_transition(status)
        if is_archived(db, survey_id):
            raise StatusError("an archived survey cannot change status: unarchive it first")
        now = to_text(utc_now())
        stamp = "opened_at" if status is SurveyStatus.OPEN else "closed_at"
        db.execute(
            f"UPDATE surveys SET status = ?, closes_at = ?, updated_at = ?, {stamp} = ?"
            " WHERE id = ?",
            [
                str(status),
                to_text(closes_at) if status is SurveyStatus.OPEN else to_text(survey.closes_at),
                now,
                now,
                survey_id,
            ],
        )
    return get(db, survey_id)


def answered_qids(db: Database, survey_id: int) -> set[str]:
    """The ids of the survey's questions that have at least one answer."""
    return {
        row["qid"]
        for row in db.query(
            "SELECT q.qid FROM questions q WHERE q.survey_id = ?"
            " AND EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)",
            [survey_id],
        )
    }


def answer_counts(db: Database, survey_id: int) -> dict[str, int]:
    """How many answers each answered question of the survey has, by qid.

    The designer shows it beside the questions it locks (surveys.editing).
    """
    return {
        row["qid"]: row["n"]
        for row in db.query(
            "SELECT q.qid, count(*) AS n FROM questions q JOIN answers a ON a.question_id = q.id"
            " WHERE q.survey_id = ? GROUP BY q.qid",
            [survey_id],
        )
    }


def update(db: Database, survey: Survey) -> Survey:
    """Save a survey's title, languages, options and questions.

    Questions keep their row (and so their answers) by qid; new ones are
    added; removed ones are deleted. Raises surveys.editing.EditRefused, and
    changes nothing, when the change would corrupt collected answers.
    """
    if survey.id is None:
        raise ValueError("only a stored survey can be updated")
    with writing(db):
        old = get(db, survey.id)
        answered = answered_qids(db, survey.id)
        problems = locked_problems(old, survey, answered, first_wordings(db, survey.id))
        if problems:
            raise EditRefused(problems)
        db.execute(
            "UPDATE surveys SET kind = ?, title = ?, languages = ?, anonymous = ?, options = ?,"
            " updated_at = ? WHERE id = ?",
            [
                str(survey.derived_kind()),
                json.dumps(survey.title, ensure_ascii=False),
                json.dumps(list(survey.languages)),
                int(survey.anonymous),
                _options_json(survey),
                to_text(utc_now()),
                survey.id,
            ],
        )
        _replace_questions(db, survey.id, survey.questions)
    return get(db, survey.id)


def _replace_questions(db: Database, survey_id: int, questions: list[Question]) -> None:
    existing = question_ids(db, survey_id)
    now = to_text(utc_now())
    before = {
        row["qid"]: row["text"]
        for row in db.query("SELECT qid, text FROM questions WHERE survey_id = ?", [survey_id])
    }
    keep = {q.qid for q in questions}
    for qid, row_id in existing.items():
        if qid not in keep:
            db.execute("DELETE FROM questions WHERE id = ?", [row_id])
    # Positions are moved out of the way first so a reordering never collides.
    db.execute("UPDATE questions SET position = -1 - position WHERE survey_id = ?", [survey_id])
    for position, question in enumerate(questions):
        if question.qid in existing:
            values = _question_values(question)
            db.execute(
                "UPDATE questions SET position = ?, type = ?, text = ?, required = ?,"
                " low_label = ?, high_label = ?, config = ? WHERE id = ?",
                [position, *values, existing[question.qid]],
            )
            if json.loads(values[1]) != json.loads(before[question.qid]):
                _new_wording(db, existing[question.qid], values[1], now)
        else:
            _insert_question(db, survey_id, position, question, now)


def _new_wording(db: Database, question_id: int, text: str, now: str) -> None:
    """Record a question's new wording, in force from ``now``.

    A wording no answer was given to yet is corrected in place (the designer
    saves as the owner types: one version per correction, not per keystroke);
    once answers name it, the new wording becomes the next version.
    """
    current = db.execute(
        "SELECT q.wording, w.answered FROM questions q LEFT JOIN question_wordings w"
        " ON w.question_id = q.id AND w.version = q.wording WHERE q.id = ?",
        [question_id],
    ).fetchone()
    version, answered = current[0], current[1]
    if answered is None:  # no record of it (a host's copy, or a file from before them)
        answered = 1
        db.execute(
            "INSERT OR IGNORE INTO question_wordings (question_id, version, text, valid_from,"
            " answered) VALUES (?, ?, ?, ?, 1)",
            [question_id, version, text, now],
        )
    if answered:
        version += 1
        db.execute(
            "INSERT INTO question_wordings (question_id, version, text, valid_from)"
            " VALUES (?, ?, ?, ?)",
            [question_id, version, text, now],
        )
        db.execute("UPDATE questions SET wording = ? WHERE id = ?", [version, question_id])
    else:
        db.execute(
            "UPDATE question_wordings SET text = ?, valid_from = ?"
            " WHERE question_id = ? AND version = ?",
            [text, now, question_id, version],
        )


def first_wordings(db: Database, survey_id: int) -> dict[str, LocalText]:
    """By qid, the first wording answers were given to, language by language.

    A new wording of an answered question must be a correction of it
    (surveys.rewording); a language none of the answered wordings had is free.
    """
    found: dict[str, LocalText] = {}
    for row in db.query(
        "SELECT q.qid, w.text FROM question_wordings w JOIN questions q ON q.id = w.question_id"
        " WHERE q.survey_id = ? AND w.answered = 1 ORDER BY q.qid, w.version",
        [survey_id],
    ):
        first = found.setdefault(row["qid"], LocalText())
        for language, text in json.loads(row["text"]).items():
            if isinstance(text, str) and text.strip() and language not in first:
                first[language] = text
    return found


def wording_history(db: Database, survey_id: int) -> dict[str, list[Wording]]:
    """By qid, every wording of the questions that had more than one, oldest first."""
    history: dict[str, list[Wording]] = {}
    for row in db.query(
        "SELECT q.qid, w.version, w.text, w.valid_from FROM question_wordings w"
        " JOIN questions q ON q.id = w.question_id WHERE q.survey_id = ? AND q.wording > 1"
        " ORDER BY q.qid, w.version",
        [survey_id],
    ):
        history.setdefault(row["qid"], []).append(
            Wording(
                row["version"],
                LocalText.of(json.loads(row["text"])),
                from_text(row["valid_from"]) or utc_now(),
            )
        )
    return history


def delete(db: Database, survey_id: int) -> None:
    """Delete a survey that has no responses; one with responses is refused."""
    with writing(db):
        if db.execute("SELECT 1 FROM responses WHERE survey_id = ?", [survey_id]).fetchone():
            raise EditRefused(["the survey has responses; archive it instead of deleting it"])
        db.execute("DELETE FROM deliveries WHERE survey_id = ?", [survey_id])
        db.execute("DELETE FROM surveys WHERE id = ?", [survey_id])


def delete_draft(db: Database, survey_id: int) -> None:
    """Delete a draft (never opened, so no link of it was ever live); anything else is refused."""
    with writing(db):
        if get(db, survey_id).status is not SurveyStatus.DRAFT:
            raise StatusError("only a draft can be deleted; archive a survey that was opened")
        delete(db, survey_id)


def copy_survey(db: Database, survey_id: int, slug: str) -> Survey:
    """Store a copy of a survey as a new draft under ``slug`` (surveys.editing.duplicate)."""
    copied = duplicate(get(db, survey_id))
    copied.slug = slug
    return create(db, copied)


def is_archived(db: Database, survey_id: int) -> bool:
    row = db.execute("SELECT archived_at FROM surveys WHERE id = ?", [survey_id]).fetchone()
    return row is not None and row[0] is not None


def archive(db: Database, survey_id: int) -> Survey:
    """Archive a survey that was opened: closed (its link says so), hidden from the
    lists, every response kept. A draft is deleted instead, not archived."""
    with writing(db):
        survey = get(db, survey_id)
        if survey.status is SurveyStatus.DRAFT:
            raise StatusError("a draft is deleted, not archived")
        now = to_text(utc_now())
        if survey.status is SurveyStatus.OPEN:
            db.execute(
                "UPDATE surveys SET status = 'closed', closed_at = ? WHERE id = ?",
                [now, survey_id],
            )
        db.execute(
            "UPDATE surveys SET archived_at = coalesce(archived_at, ?), updated_at = ?"
            " WHERE id = ?",
            [now, now, survey_id],
        )
    return get(db, survey_id)


def unarchive(db: Database, survey_id: int) -> Survey:
    """Bring an archived survey back to the lists, closed (reopen it to take answers)."""
    with writing(db):
        get(db, survey_id)
        db.execute(
            "UPDATE surveys SET archived_at = NULL, updated_at = ? WHERE id = ?",
            [to_text(utc_now()), survey_id],
        )
    return get(db, survey_id)
