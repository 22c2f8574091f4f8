"""The change counter of migration 0003_sync, and the sync's storage on both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import responses as response_store
from storage import surveys as survey_store
from storage import sync as sync_store
from storage import sync_desktop, sync_host
from storage.database import connect
from storage.schema import migrations
from storage.sync import SyncDataError
from storage.workspace import Workspace
from surveys.model import Survey


def seq_of(workspace: Workspace, response_id: int) -> int:
    return (
        workspace.db()
        .execute("SELECT seq FROM responses WHERE id = ?", [response_id])
        .fetchone()[0]
    )


def test_every_change_to_a_response_takes_a_new_number(workspace: Workspace, nps_survey: Survey):
    db = workspace.db()
    first = response_store.record(
        db, nps_survey, {"nps": 7}, language="en", resume_token=new_token()
    )
    stored = seq_of(workspace, first)
    assert stored == sync_host.latest_seq(db)

    response_store.add_answers(db, nps_survey, first, {"reason": "ok"}, complete=False)
    added = seq_of(workspace, first)
    response_store.add_answers(db, nps_survey, first, {"reason": "better"}, complete=True)
    completed = seq_of(workspace, first)

    assert stored < added < completed == sync_host.latest_seq(db)
    other = response_store.record(db, nps_survey, {"nps": 1}, language="en")
    assert seq_of(workspace, other) > completed


def test_a_delivery_takes_a_number_when_opened_or_answered_only(
    workspace: Workspace, nps_survey: Survey
):
    db = workspace.db()
    assert nps_survey.id is not None
    delivery = delivery_store.create(db, survey_id=nps_survey.id, token=new_token(), channel="sms")
    seq = "SELECT seq FROM deliveries WHERE id = ?"
    db.execute("UPDATE deliveries SET status = 'sent' WHERE id = ?", [delivery.id])
    assert db.execute(seq, [delivery.id]).fetchone() == (None,)

    delivery_store.mark_opened(db, delivery.id)
    opened = db.execute(seq, [delivery.id]).fetchone()[0]
    response_store.record(db, nps_survey, {"nps": 9}, language="en", delivery=delivery)

    assert db.execute(seq, [delivery.id]).fetchone()[0] > opened


def test_old_responses_get_an_id_and_a_number(tmp_path: Path):
    db = connect(tmp_path / "koe.sqlite3")
    migrations.apply(db, stop_before="0003_sync")
    db.execute(
        "INSERT INTO surveys (slug, kind, title, languages, created_at, updated_at)"
        " VALUES ('oldsurvey1', 'nps', '{}', '[\"en\"]', 'x', 'x')"
    )
    for n in range(3):
        db.execute(
            "INSERT INTO responses (survey_id, language, created_at, updated_at)"
            " VALUES (1, 'en', ?, ?)",
            [f"t{n}", f"t{n}"],
        )
    migrations.apply(db)

    rows = list(db.query("SELECT uid, seq FROM responses ORDER BY id"))
    assert [r["seq"] for r in rows] == [1, 2, 3]
    assert len({r["uid"] for r in rows}) == 3 and all(len(r["uid"]) == 32 for r in rows)
    assert sync_host.latest_seq(db) == 3
    db.close()


def test_the_feed_pages_in_order_and_says_when_more_wait(workspace: Workspace, nps_survey: Survey):
    db = workspace.db()
    for score in range(5):
        response_store.record(db, nps_survey, {"nps": score}, language="en")

    first = sync_host.changes_since(db, 0, 2)
    second = sync_host.changes_since(db, first.next, 2)
    last = sync_host.changes_since(db, second.next, 2)

    assert (first.more, second.more, last.more) == (True, True, False)
    scores = [i["answers"]["nps"]["num"] for page in (first, second, last) for i in page.items]
    assert scores == [0, 1, 2, 3, 4]
    assert sync_host.changes_since(db, last.next, 2) == sync_host.ChangesPage([], last.next, False)


def test_a_page_with_a_bad_change_is_stored_not_at_all(workspace: Workspace, nps_survey: Survey):
    db = workspace.db()
    good = {
        "kind": "response",
        "uid": "a" * 32,
        "survey": nps_survey.slug,
        "delivery": None,
        "channel": "link",
        "source": None,
        "language": "en",
        "created_at": "2026-01-01T00:00:00+00:00",
        "completed_at": None,
        "updated_at": "2026-01-01T00:00:00+00:00",
        "answers": {"nps": {"num": 9, "text": None, "other": None}},
    }
    bad = {**good, "uid": "b" * 32, "answers": {"nps": {"num": "nine"}}}

    with pytest.raises(SyncDataError):
        sync_desktop.apply_changes(db, [good, bad], next_cursor=10)

    assert response_store.count(db, nps_survey.id or 0) == 0
    assert sync_store.load_state(db).cursor == 0
    applied = sync_desktop.apply_changes(db, [good, good], next_cursor=10)
    assert (applied.new, applied.updated) == (1, 1)
    assert response_store.count(db, nps_survey.id or 0) == 1
    assert sync_store.load_state(db).cursor == 10


def test_the_host_refuses_to_drop_a_question_that_has_answers(
    workspace: Workspace, nps_survey: Survey
):
    db = workspace.db()
    response_store.record(db, nps_survey, {"nps": 3, "reason": "slow"}, language="en")
    (payload,) = sync_desktop.survey_payloads(db)
    payload["questions"] = [q for q in payload["questions"] if q["qid"] != "reason"]
    payload["title"] = {"en": "Changed"}

    with pytest.raises(SyncDataError, match="reason has answers"):
        sync_host.apply_survey(db, payload)

    assert survey_store.get(db, nps_survey.id or 0).title == nps_survey.title


def test_delivery_tokens_are_taken_once_and_never_with_a_contact(
    workspace: Workspace, nps_survey: Survey, tmp_path: Path
):
    db = workspace.db()
    assert nps_survey.id is not None
    contact = contact_store.add(db, name="Hana", phone="+819012345678")
    delivery_store.create(
        db, survey_id=nps_survey.id, token=new_token(), channel="sms", contact_id=contact
    )
    published = [item for _, item in sync_desktop.deliveries_after(db, 0, 10)]
    assert set(published[0]) == {"token", "survey", "channel"}

    with Workspace.open(tmp_path / "host") as host:
        host_db = host.db()
        for payload in sync_desktop.survey_payloads(db):
            sync_host.apply_survey(host_db, payload)
        assert sync_host.add_deliveries(host_db, published) == 1
        assert sync_host.add_deliveries(host_db, published) == 0
        with pytest.raises(SyncDataError, match="does not have"):
            sync_host.add_deliveries(host_db, [{**published[0], "survey": "missing1"}])
        rows = host_db.execute("SELECT contact_id FROM deliveries").fetchall()
    assert rows == [(None,)]


def test_a_new_host_address_starts_afresh(workspace: Workspace):
    db = workspace.db()
    sync_store.save_state(db, host_url="https://a.example.com", cursor=40, host_id="x")
    state = sync_store.set_host_url(db, "https://b.example.com")
    assert (state.cursor, state.host_id, state.host_url) == (0, "", "https://b.example.com")
    assert sync_store.set_host_url(db, "https://b.example.com") == state
