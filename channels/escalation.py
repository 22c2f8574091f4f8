"""Escalation: turn what automation cannot finish into follow-up tasks with an owner.

``escalate`` looks at every enabled rule (``storage.escalation``) and writes a
task (``storage.follow_up_tasks``) for each new match: a detractor (the
headline score at or below the settings' alert threshold, as owner alerts
judge it), a chosen option, or a delivery to a contact of an important
segment left unanswered ``wait_days`` after its last message. It runs where
owner alerts run, in the process that holds the sender: the desktop's look at
new answers (``ui.comments.alerts``: answers collected here and pulled from a
public host alike, and every ``RECHECK_MS`` for silences) and ``serve``'s
``channels.answer_watch.AnswerWatch``.

Once per response and per delivery, ever: the task row is the claim, so a
restart, a second look or a second rule never makes a second task. A rule
reaches back only to its cut-off (``storage.escalation.save``).
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlite_utils import Database

from channels.webhooks.events import queue_task
from channels.webhooks.notices import Task
from storage import escalation as store
from storage import follow_up, follow_up_tasks
from storage.campaigns import segment_members
from storage.database import utc_now, writing
from storage.settings import Settings
from surveys.escalation import Rule, RuleKind

log = logging.getLogger(__name__)


def _detractors(db: Database, rule: Rule, settings: Settings, after_id: int) -> list[store.Match]:
    start = max(after_id, rule.since_response)
    found = [
        alert
        for alert in follow_up.alert_candidates(db, start, settings.alert_thresholds())
        if rule.covers(alert.survey_id) and not store.has_task(db, alert.response_id)
    ]
    contacts = store.contacts_of(db, [alert.response_id for alert in found])
    return [
        store.Match(
            rule,
            alert.survey_id,
            alert.response_id,
            None,
            contacts.get(alert.response_id),
            {"score": alert.score, "kind": alert.kind},
        )
        for alert in found
    ]


def _important_contacts(db: Database) -> set[int]:
    members: set[int] = set()
    for segment_id in store.important_segments(db):
        try:
            members.update(segment_members(db, segment_id))
        except ValueError as error:  # a segment whose filter cannot be read any more
            log.warning("segment %s skipped: %s", segment_id, error)
    return members


def matches(
    db: Database, settings: Settings, after_id: int = 0, now: datetime | None = None
) -> list[store.Match]:
    """What the enabled rules would turn into tasks now, oldest rule first."""
    moment = now or utc_now()
    found: list[store.Match] = []
    important: set[int] | None = None
    for rule in store.rules(db, enabled_only=True):
        if rule.kind is RuleKind.DETRACTOR:
            found += _detractors(db, rule, settings, after_id)
        elif rule.kind is RuleKind.OPTION:
            found += store.option_matches(db, rule, after_id)
        else:
            if important is None:
                important = _important_contacts(db)
            found += store.silent_deliveries(db, rule, important, moment)
    return found


def escalate(
    db: Database, settings: Settings, after_id: int = 0, now: datetime | None = None
) -> list[int]:
    """Write the tasks of new matches; the new tasks' ids (none for what had one)."""
    moment = now or utc_now()
    created = []
    for match in matches(db, settings, after_id, moment):
        # The chats' and webhooks' news of the task is written with it, or neither is.
        with writing(db):
            task_id = follow_up_tasks.create(db, match, moment)
            if task_id is not None:
                queue_task(db, _task(task_id, match), moment)
        if task_id is not None:
            created.append(task_id)
    if created:
        log.info("escalation: %d new follow-up task(s)", len(created))
    return created


def _task(task_id: int, match: store.Match) -> Task:
    detail = match.detail or {}
    return Task(
        id=task_id,
        title=match.rule.kind.value,
        owner=match.rule.owner,
        response_id=match.response_id,
        comment=str(detail.get("comment", "")),
        reason=match.rule.kind.value,
    )
