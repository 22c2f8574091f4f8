"""Escalation rules and the answers and silences they match (the SQL of issue 16's escalation).

A rule (``surveys.escalation.Rule``) is saved with a cut-off: the newest
response id and the time when it was made, so a rule added later does not
flood the closed-loop list with the backlog; ``include_backlog`` makes it
reach back to the beginning when the owner asks. The ``*_matches`` functions
list what a rule would turn into a task and has not yet (no task holds the
response, or the delivery); ``storage.follow_up_tasks`` writes the tasks.
Segments marked important (``segments.important``) are the audience of the
no-answer rule.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now, writing
from storage.responses import latest_id
from surveys.escalation import Rule, RuleKind, check_rule, chose, silence_due

_PENDING = "('queued', 'paused', 'sending')"  # a message still to go: not the last yet
_MESSAGES = "('invitation', 'reminder')"


def _rule(row: dict) -> Rule:
    return Rule(
        kind=RuleKind(row["kind"]),
        owner=row["owner"],
        survey_ids=tuple(int(i) for i in json.loads(row["survey_ids"] or "[]")),
        qid=row["qid"],
        option_code=row["option_code"],
        wait_days=int(row["wait_days"]),
        enabled=bool(row["enabled"]),
        id=int(row["id"]),
        since_response=int(row["since_response"]),
        since_at=from_text(row["since_at"]),
    )


def rules(db: Database, *, enabled_only: bool = False) -> list[Rule]:
    """Every rule, oldest first (the first rule that matches an answer owns its task)."""
    where = " WHERE enabled = 1" if enabled_only else ""
    return [_rule(row) for row in db.query(f"SELECT * FROM escalation_rules{where} ORDER BY id")]


def get(db: Database, rule_id: int) -> Rule | None:
    rows = list(db.query("SELECT * FROM escalation_rules WHERE id = ?", [rule_id]))
    return _rule(rows[0]) if rows else None


def save(
    db: Database, rule: Rule, *, include_backlog: bool = False, now: datetime | None = None
) -> Rule:
    """Create ``rule`` (id 0) or change the stored one; returns it as stored.

    A new rule starts from now: responses and silences before it make no task,
    unless ``include_backlog``. A changed rule keeps its cut-off."""
    check_rule(rule)
    moment = now or utc_now()
    columns = {
        "kind": rule.kind.value,
        "owner": rule.owner.strip(),
        "survey_ids": json.dumps(sorted(set(rule.survey_ids))),
        "qid": rule.qid,
        "option_code": rule.option_code,
        "wait_days": rule.wait_days,
        "enabled": int(rule.enabled),
        "updated_at": to_text(moment),
    }
    with writing(db):
        if rule.id:
            sets = ", ".join(f"{name} = ?" for name in columns)
            db.execute(
                f"UPDATE escalation_rules SET {sets} WHERE id = ?", [*columns.values(), rule.id]
            )
            rule_id = rule.id
        else:
            columns |= {
                "since_response": 0 if include_backlog else latest_id(db),
                "since_at": "" if include_backlog else to_text(moment),
                "created_at": to_text(moment),
            }
            names = ", ".join(columns)
            marks = ", ".join("?" for _ in columns)
            cursor = db.execute(
                f"INSERT INTO escalation_rules ({names}) VALUES ({marks})", list(columns.values())
            )
            assert cursor.lastrowid is not None
            rule_id = cursor.lastrowid
    stored = get(db, rule_id)
    assert stored is not None
    return stored


def delete(db: Database, rule_id: int) -> None:
    """Forget a rule; the tasks it created stay, with their reason."""
    with writing(db):
        db.execute("DELETE FROM escalation_rules WHERE id = ?", [rule_id])


@dataclass(frozen=True)
class Match:
    """Something a rule turns into a task: a response, or a delivery left unanswered."""

    rule: Rule
    survey_id: int
    response_id: int | None = None
    delivery_id: int | None = None
    contact_id: int | None = None
    detail: dict | None = None


def _in_surveys(rule: Rule, column: str) -> tuple[str, list[int]]:
    if not rule.survey_ids:
        return "", []
    return f" AND {column} IN ({', '.join('?' for _ in rule.survey_ids)})", list(rule.survey_ids)


def contacts_of(db: Database, response_ids: Sequence[int]) -> dict[int, int | None]:
    """The contact each response came from through a personal link (None: anonymous)."""
    if not response_ids:
        return {}
    marks = ", ".join("?" for _ in response_ids)
    rows = db.execute(
        "SELECT r.id, d.contact_id FROM responses r LEFT JOIN deliveries d ON d.id = r.delivery_id"
        f" WHERE r.id IN ({marks})",
        list(response_ids),
    ).fetchall()
    return dict(rows)


def has_task(db: Database, response_id: int) -> bool:
    return bool(
        db.execute("SELECT 1 FROM follow_up_tasks WHERE response_id = ?", [response_id]).fetchall()
    )


def option_matches(db: Database, rule: Rule, after_id: int = 0) -> list[Match]:
    """Responses after the rule's cut-off (and ``after_id``) that chose its option."""
    surveys, params = _in_surveys(rule, "r.survey_id")
    rows = db.execute(
        "SELECT r.id, r.survey_id, d.contact_id, a.value_text FROM answers a"
        " JOIN questions q ON q.id = a.question_id"
        " JOIN responses r ON r.id = a.response_id"
        " LEFT JOIN deliveries d ON d.id = r.delivery_id"
        " WHERE q.qid = ? AND q.type IN ('single_choice', 'multiple_choice') AND r.id > ?"
        " AND instr(';' || coalesce(a.value_text, '') || ';', ';' || ? || ';') > 0"
        " AND NOT EXISTS (SELECT 1 FROM follow_up_tasks t WHERE t.response_id = r.id)"
        f"{surveys} ORDER BY r.id",
        [rule.qid, max(after_id, rule.since_response), rule.option_code, *params],
    ).fetchall()
    return [
        Match(rule, survey_id, response_id, None, contact_id, {"option": rule.option_code})
        for response_id, survey_id, contact_id, stored in rows
        if chose(stored, rule.option_code)  # the SQL's instr, read exactly
    ]


def set_important(db: Database, segment_id: int, important: bool) -> None:
    """Mark a segment important (its silent contacts escalate) or not."""
    with writing(db):
        db.execute("UPDATE segments SET important = ? WHERE id = ?", [int(important), segment_id])


def segment_flags(db: Database) -> list[tuple[int, str, bool]]:
    """Every segment as (id, name, marked important), by name."""
    rows = db.execute("SELECT id, name, important FROM segments ORDER BY name").fetchall()
    return [(segment_id, name, bool(important)) for segment_id, name, important in rows]


def important_segments(db: Database) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM segments WHERE important = 1 ORDER BY id")]


def silent_deliveries(
    db: Database, rule: Rule, contact_ids: set[int], now: datetime
) -> list[Match]:
    """Deliveries to ``contact_ids`` with nothing left to send and no answer ``wait_days``
    after their last message, due after the rule's cut-off, not yet a task."""
    if not contact_ids:
        return []
    surveys, params = _in_surveys(rule, "d.survey_id")
    rows = db.execute(
        "SELECT d.id, d.survey_id, d.contact_id, max(o.sent_at) FROM deliveries d"
        f" JOIN outbox o ON o.delivery_id = d.id AND o.purpose IN {_MESSAGES}"
        " WHERE d.answered_at IS NULL AND d.contact_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.delivery_id = d.id)"
        f" AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.delivery_id = d.id"
        f"   AND p.purpose IN {_MESSAGES} AND p.status IN {_PENDING})"
        " AND NOT EXISTS (SELECT 1 FROM follow_up_tasks t"
        "   WHERE t.delivery_id = d.id AND t.response_id IS NULL)"
        f"{surveys} GROUP BY d.id HAVING max(o.sent_at) IS NOT NULL ORDER BY d.id",
        params,
    ).fetchall()
    found = []
    for delivery_id, survey_id, contact_id, last_sent in rows:
        last = from_text(last_sent)
        if contact_id not in contact_ids or last is None:
            continue
        when = silence_due(last, rule.wait_days)
        if when > now or (rule.since_at is not None and when < rule.since_at):
            continue
        detail = {"last_message": last_sent, "wait_days": rule.wait_days}
        found.append(Match(rule, survey_id, None, delivery_id, contact_id, detail))
    return found


@dataclass(frozen=True)
class ChoiceOption:
    """An option a rule can name: its question's id and wording, its code and wording."""

    qid: str
    question: dict
    code: str
    text: dict


def choice_options(db: Database, survey_ids: Sequence[int] = ()) -> list[ChoiceOption]:
    """The options of the choice questions of ``survey_ids`` (none: every survey), once
    per (question id, code), as the newest survey words and orders them."""
    surveys = f" AND survey_id IN ({', '.join('?' for _ in survey_ids)})" if survey_ids else ""
    rows = db.execute(
        "SELECT qid, text, config FROM questions"
        f" WHERE type IN ('single_choice', 'multiple_choice'){surveys}"
        " ORDER BY survey_id DESC, position",
        list(survey_ids),
    ).fetchall()
    found: dict[tuple[str, str], ChoiceOption] = {}
    for qid, text, config in rows:
        try:
            options = json.loads(config or "{}").get("options", [])
            question = json.loads(text or "{}")
        except (ValueError, AttributeError):
            continue
        for option in options if isinstance(options, list) else []:
            code = option.get("code") if isinstance(option, dict) else None
            if isinstance(code, str) and (qid, code) not in found:
                found[qid, code] = ChoiceOption(qid, question, code, option.get("text") or {})
    return list(found.values())  # in the questions' own order
