"""Escalation rules make follow-up tasks with an owner: once per response or delivery,
ever, on a real workspace (SQLite on disk), across a restart."""

from __future__ import annotations

from datetime import timedelta

import pytest

from channels.answer_watch import AnswerWatch
from channels.escalation import escalate
from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries, escalation, follow_up_tasks, responses, segments
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.database import utc_now, writing
from storage.workspace import Workspace
from surveys.escalation import Rule, RuleError, RuleKind
from surveys.questions import Choice
from tests.clock import FakeClock
from tests.conftest import make_survey


@pytest.fixture
def settings(workspace):
    return settings_store.save(workspace.db(), owners=["佐藤", "Ken"], alert_threshold_nps=6)


def contact_delivery(db, survey, name="山田 花子", attributes=None):
    contact = contact_store.add(
        db, name=name, email=f"{new_token()}@example.jp", attributes=attributes or {}
    )
    return deliveries.create(
        db, survey_id=survey.id, token=new_token(), channel="email", contact_id=contact
    )


def answer(db, survey, answers, delivery=None):
    return responses.record(db, survey, answers, language="ja", delivery=delivery)


def test_a_detractor_becomes_one_task_for_the_rules_owner(workspace, nps_survey, settings):
    db = workspace.db()
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    delivery = contact_delivery(db, nps_survey)
    low = answer(db, nps_survey, {"nps": 6, "reason": "待ち時間が長い"}, delivery)
    answer(db, nps_survey, {"nps": 7})  # a passive: above the threshold of 6
    answer(db, nps_survey, {"nps": 10})

    created = escalate(db, settings)
    assert len(created) == 1
    assert escalate(db, settings) == []  # a second look: still one
    (task,) = follow_up_tasks.list_tasks(db)
    assert (task.owner, task.reason, task.response_id) == ("佐藤", "detractor", low)
    assert task.contact_name == "山田 花子" and task.detail["score"] == 6
    assert task.status == "new"


def test_a_rule_covers_only_its_surveys(workspace, nps_survey, settings):
    db = workspace.db()
    other = make_survey(workspace, "nps")
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="Ken", survey_ids=(other.id,)))
    answer(db, nps_survey, {"nps": 0})
    assert escalate(db, settings) == []
    answer(db, other, {"nps": 2})
    assert len(escalate(db, settings)) == 1


def test_a_rule_added_later_leaves_the_backlog_unless_asked(workspace, nps_survey, settings):
    db = workspace.db()
    old = [answer(db, nps_survey, {"nps": score}) for score in (0, 1, 2)]
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    assert escalate(db, settings) == []
    new = answer(db, nps_survey, {"nps": 3})
    assert [t.response_id for t in map(_task(db), escalate(db, settings))] == [new]

    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="Ken"), include_backlog=True)
    tasks = {t.response_id: t.owner for t in map(_task(db), escalate(db, settings))}
    assert tasks == {response_id: "Ken" for response_id in old}  # the new one kept 佐藤's


def _task(db):
    return lambda task_id: follow_up_tasks.get(db, task_id)


def test_unlikely_to_renew_becomes_a_task_and_other_options_do_not(workspace, settings):
    db = workspace.db()
    survey = make_survey(workspace, "renewal_intent", languages=("ja", "en"))
    escalation.save(db, Rule(RuleKind.OPTION, owner="Ken", qid="renewal", option_code="unlikely"))
    answer(db, survey, {"renewal": Choice(("likely",))})
    answer(db, survey, {"renewal": Choice(("undecided",))})
    unlikely = answer(db, survey, {"renewal": Choice(("unlikely",)), "renewal_reason": "高い"})

    (task_id,) = escalate(db, settings)
    task = follow_up_tasks.get(db, task_id)
    assert (task.reason, task.response_id, task.owner) == ("option", unlikely, "Ken")
    assert task.detail == {"option": "unlikely"}
    assert escalate(db, settings) == []


def test_a_tampered_or_unknown_option_code_does_not_crash(workspace, settings):
    db = workspace.db()
    survey = make_survey(workspace, "renewal_intent")
    escalation.save(db, Rule(RuleKind.OPTION, owner="Ken", qid="renewal", option_code="unlikely"))
    escalation.save(db, Rule(RuleKind.OPTION, owner="Ken", qid="renewal", option_code="gone"))
    response = answer(db, survey, {"renewal": Choice(("likely",))})
    with writing(db):  # a stored value no form could send
        db.execute(
            "UPDATE answers SET value_text = ? WHERE response_id = ?",
            ["unlikely_x;%;'); DROP TABLE x;--", response],
        )
    assert escalate(db, settings) == []
    with writing(db):
        db.execute("UPDATE answers SET value_text = 'x;unlikely' WHERE response_id = ?", [response])
    assert len(escalate(db, settings)) == 1


def send_message(db, delivery, purpose, clock):
    outbox_id = outbox_store.enqueue(
        db, channel="email", recipient="a@example.jp", body="…", purpose=purpose,
        delivery_id=delivery.id, now=clock(),
    )  # fmt: skip
    assert outbox_store.claim(db, outbox_id, body="…", now=clock())
    assert outbox_store.mark_sent(db, outbox_id, "<id>", now=clock())
    return outbox_id


def important_segment(db, store="shibuya"):
    segment = segments.save(db, "Key accounts", [segments.Condition("store", "in", (store,))])
    escalation.set_important(db, segment.id, True)
    return segment


def test_silence_after_the_last_reminder_escalates_for_important_contacts_only(
    workspace, nps_survey, settings
):
    db = workspace.db()
    clock = FakeClock(utc_now())
    important_segment(db)
    escalation.save(db, Rule(RuleKind.NO_ANSWER, owner="佐藤", wait_days=3), now=clock())
    key = contact_delivery(db, nps_survey, "鈴木", {"store": "shibuya"})
    other = contact_delivery(db, nps_survey, "田中", {"store": "ueno"})
    answered = contact_delivery(db, nps_survey, "高橋", {"store": "shibuya"})
    for delivery in (key, other, answered):
        send_message(db, delivery, "invitation", clock)
    reminder = outbox_store.enqueue(
        db, channel="email", recipient="a@example.jp", body="…", purpose="reminder",
        delivery_id=key.id, not_before=clock() + timedelta(days=3), now=clock(),
    )  # fmt: skip
    answer(db, nps_survey, {"nps": 9}, answered)

    clock.advance(days=4)  # the reminder is still to go: not the last message yet
    assert escalate(db, settings, now=clock()) == []
    assert outbox_store.claim(db, reminder, body="…", now=clock())
    assert outbox_store.mark_sent(db, reminder, "<id>", now=clock())
    clock.advance(days=2, hours=23)
    assert escalate(db, settings, now=clock()) == []  # 3 days after the reminder: not yet
    clock.advance(hours=2)
    (task_id,) = escalate(db, settings, now=clock())
    task = follow_up_tasks.get(db, task_id)
    assert (task.reason, task.delivery_id, task.response_id) == ("no_answer", key.id, None)
    assert task.contact_name == "鈴木" and task.owner == "佐藤"
    clock.advance(days=30)
    assert escalate(db, settings, now=clock()) == []


def test_each_task_is_made_once_across_a_restart(workspace_dir, settings, workspace):
    survey = make_survey(workspace, "nps")
    db = workspace.db()
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    answer(db, survey, {"nps": 1})
    assert len(escalate(db, settings)) == 1
    workspace.close()

    again = Workspace.open(workspace_dir)
    try:
        db = again.db()
        assert escalate(db, settings_store.load(db)) == []
        answer(db, survey, {"nps": 2})
        assert len(escalate(db, settings_store.load(db))) == 1
        assert follow_up_tasks.open_count(db) == 2
    finally:
        again.close()


def test_the_watch_escalates_on_a_new_answer(workspace, nps_survey, settings):
    db = workspace.db()
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    watch = AnswerWatch(workspace.db, settings_store.load, lambda: "en")
    watch.start()
    try:
        answer(db, nps_survey, {"nps": 0})
        watch.wake()
        for _ in range(200):
            if follow_up_tasks.open_count(db):
                break
            watch._stop.wait(0.02)
    finally:
        watch.stop()
    assert follow_up_tasks.open_count(db) == 1


def test_a_rule_without_owner_or_option_is_refused(workspace):
    db = workspace.db()
    with pytest.raises(RuleError):
        escalation.save(db, Rule(RuleKind.DETRACTOR, owner=" "))
    with pytest.raises(RuleError):
        escalation.save(db, Rule(RuleKind.OPTION, owner="Ken", qid="renewal"))
    assert escalation.rules(db) == []
