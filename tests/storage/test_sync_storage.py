"""The change counter of migration 0003_sync, and the sync's storage on both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import opt_outs, sync_desktop, sync_host
from storage import responses as response_store
from storage import surveys as survey_store
from storage import sync as sync_store
from storage.database import connect
from storage.schema import migrations
from storage.sync import SyncDataError
from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import lift_opt_outs


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


def test_a_recorded_response_is_numbered_once_with_its_answers(
    workspace: Workspace, nps_survey: Survey
):
    db = workspace.db()
    before = sync_host.latest_seq(db)
    ids = [
        response_store.record(db, nps_survey, {"nps": n, "reason": f"r{n}"}, language="en")
        for n in range(3)
    ]
    # One number each (schema 0027), in the order they were stored, the last the newest.
    assert [seq_of(workspace, i) for i in ids] == [before + 1, before + 2, before + 3]
    assert sync_host.latest_seq(db) == before + 3
    uids = [r[0] for r in db.execute("SELECT uid FROM responses ORDER BY id")]
    assert len(set(uids)) == 3 and all(len(u) == 32 and int(u, 16) >= 0 for u in uids)
    assert db.execute("SELECT count(*) FROM responses WHERE seq < 0").fetchone()[0] == 0


def test_an_answer_added_to_a_numbered_response_numbers_it_again(
    workspace: Workspace, nps_survey: Survey
):
    # Whatever writes it (a later page, a sync, a hand-made fix), a new answer of a
    # response a host may have served already must show in the next pull.
    db = workspace.db()
    first = response_store.record(db, nps_survey, {"nps": 9}, language="en")
    numbered = seq_of(workspace, first)
    db.execute(
        "INSERT INTO answers (response_id, question_id, value_text)"
        " SELECT ?, id, 'later' FROM questions WHERE qid = 'reason' AND survey_id = ?",
        [first, nps_survey.id],
    )
    assert seq_of(workspace, first) > numbered
    served = sync_host.changes_since(db, numbered, 10).items
    assert [(item["kind"], item["answers"]["reason"]["text"]) for item in served] == [
        ("response", "later")
    ]


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
    assert (applied.new, applied.updated) == (1, 0)  # the same change twice changes nothing
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


def test_a_delivery_is_published_with_its_contacts_language_and_nothing_else(
    workspace: Workspace, nps_survey: Survey, tmp_path: Path
):
    db = workspace.db()
    assert nps_survey.id is not None
    reads_ja = contact_store.add(db, name="Hana", phone="+819012345678", language="ja")
    unknown = contact_store.add(db, name="Ken", phone="+819012345679")
    for contact in (reads_ja, unknown):
        delivery_store.create(
            db, survey_id=nps_survey.id, token=new_token(), channel="sms", contact_id=contact
        )
    published = [item for _, item in sync_desktop.deliveries_after(db, 0, 10)]
    assert [item.get("language") for item in published] == ["ja", None]
    odd = {**published[1], "token": new_token(), "language": "<script>"}

    with Workspace.open(tmp_path / "host") as host:
        host_db = host.db()
        for payload in sync_desktop.survey_payloads(db):
            sync_host.apply_survey(host_db, payload)
        assert sync_host.add_deliveries(host_db, [*published, odd]) == 3
        # The host knows the language a token's link opens in, and still no contact.
        languages = [
            delivery_store.find_by_token(host_db, item["token"]).language  # type: ignore[union-attr]
            for item in (*published, odd)
        ]
    assert languages == ["ja", None, None]


def test_a_new_host_address_starts_afresh(workspace: Workspace):
    db = workspace.db()
    sync_store.save_state(db, host_url="https://a.example.com", cursor=40, host_id="x")
    state = sync_store.set_host_url(db, "https://b.example.com")
    assert (state.cursor, state.host_id, state.host_url) == (0, "", "https://b.example.com")
    assert sync_store.set_host_url(db, "https://b.example.com") == state


# --- a host restored from a backup ------------------------------------------------------


def test_a_restored_workspace_gets_a_new_id(workspace: Workspace, nps_survey: Survey):
    db = workspace.db()
    before = sync_store.instance_id(db)
    backup = workspace.back_up_now()
    response_store.record(db, nps_survey, {"nps": 9}, language="en")

    workspace.restore(backup)

    # The backup holds the old id; the restored file must not pretend to be that host.
    after = sync_store.instance_id(workspace.db())
    assert after != before and len(after) == 32
    assert sync_store.instance_id(workspace.db()) == after  # and keeps the new one


def test_a_file_that_went_back_does_not_know_the_last_checkpoint(
    workspace: Workspace, tmp_path: Path
):
    db = workspace.db()
    desktop = "d" * 32
    first = sync_host.new_checkpoint(db, desktop, "")
    copy = workspace.back_up_now()
    second = sync_host.new_checkpoint(db, desktop, first)
    # The answer carrying the second was lost on the way: the desktop shows the first again.
    assert sync_host.knows_checkpoint(db, desktop, first)
    third = sync_host.new_checkpoint(db, desktop, first)
    fourth = sync_host.new_checkpoint(db, desktop, third)
    assert [sync_host.knows_checkpoint(db, desktop, c) for c in (first, second, third, fourth)] == [
        False,
        False,
        True,
        True,
    ]
    assert not sync_host.knows_checkpoint(db, "e" * 32, fourth)  # each desktop has its own
    assert not sync_host.knows_checkpoint(db, desktop, "")

    with Workspace.open(tmp_path / "copied") as other:
        other.restore(copy)  # any copy of the file will do: it holds only what it held then
        assert sync_host.knows_checkpoint(other.db(), desktop, first)
        assert not sync_host.knows_checkpoint(other.db(), desktop, fourth)


def pulled_response(survey: Survey, **changes: object) -> dict[str, object]:
    return {
        "kind": "response",
        "uid": "c" * 32,
        "survey": survey.slug,
        "delivery": None,
        "channel": "link",
        "source": None,
        "language": "en",
        "created_at": "2026-03-01T09:00:00+00:00",
        "completed_at": None,
        "updated_at": "2026-03-01T09:00:00+00:00",
        "answers": {"nps": {"num": 3, "text": None, "other": None}},
        **changes,
    }


def test_an_older_state_of_a_response_never_replaces_a_newer_one(
    workspace: Workspace, nps_survey: Survey
):
    db = workspace.db()
    partial = pulled_response(nps_survey)
    completed = pulled_response(
        nps_survey,
        completed_at="2026-03-01T09:01:00+00:00",
        updated_at="2026-03-01T09:01:00+00:00",
        answers={
            "nps": {"num": 3, "text": None, "other": None},
            "reason": {"num": None, "text": "Too slow", "other": None},
        },
    )
    assert sync_desktop.apply_changes(db, [partial], next_cursor=1).new == 1
    assert sync_desktop.apply_changes(db, [completed], next_cursor=2).updated == 1

    # A host restored from a backup hands out the partial state again.
    again = sync_desktop.apply_changes(db, [partial], next_cursor=1)

    assert (again.new, again.updated) == (0, 0)
    answers = db.execute(
        "SELECT q.qid, a.value_num, a.value_text FROM answers a"
        " JOIN questions q ON q.id = a.question_id ORDER BY q.qid"
    ).fetchall()
    assert answers == [("nps", 3, None), ("reason", None, "Too slow")]
    assert db.execute("SELECT completed_at FROM responses").fetchall() == [
        ("2026-03-01T09:01:00+00:00",)
    ]
    # A later state of it (changed on the restored host) is taken as usual.
    later = pulled_response(
        nps_survey,
        completed_at="2026-03-02T10:00:00+00:00",
        updated_at="2026-03-02T10:00:00+00:00",
        answers={"nps": {"num": 4, "text": None, "other": None}},
    )
    assert sync_desktop.apply_changes(db, [later], next_cursor=5).updated == 1
    assert db.execute("SELECT value_num FROM answers").fetchall() == [(4,)]


def test_an_unsubscribe_pulled_again_does_not_opt_out_again(
    workspace: Workspace, nps_survey: Survey
):
    db = workspace.db()
    assert nps_survey.id is not None
    contact = contact_store.add(db, name="Hana", email="hana@example.com")
    token = new_token()
    delivery_store.create(
        db, survey_id=nps_survey.id, token=token, channel="email", contact_id=contact
    )
    unsubscribe = {
        "kind": "unsubscribe",
        "seq": 3,
        "token": token,
        "channel": "email",
        "at": "2026-03-01T09:00:00+00:00",
    }
    assert sync_desktop.apply_changes(db, [unsubscribe], next_cursor=3).unsubscribes == 1
    assert opt_outs.is_opted_out(db, contact, "email")
    # The owner opts Hana back in; then the host, restored, hands the unsubscribe out again.
    lift_opt_outs(db, contact)

    again = sync_desktop.apply_changes(db, [{**unsubscribe, "seq": 1}], next_cursor=1)

    assert again.unsubscribes == 0
    assert not opt_outs.is_opted_out(db, contact, "email")


def test_unsubscribes_applied_before_the_upgrade_count_as_applied(tmp_path: Path):
    db = connect(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before="0013_sync_pulled_unsubscribes")
    db.execute(
        "INSERT INTO contacts (id, name, created_at, updated_at) VALUES (1, 'Hana', 'x', 'x')"
    )
    db.execute(
        "INSERT INTO surveys (id, slug, kind, title, languages, created_at, updated_at)"
        " VALUES (1, 'abcdefgh', 'nps', '{}', '[\"en\"]', 'x', 'x')"
    )
    db.execute(
        "INSERT INTO deliveries (survey_id, contact_id, channel, token, created_at)"
        " VALUES (1, 1, 'email', 'tok-en-1234', 'x'), (1, 1, 'sms', 'tok-sms-1234', 'x')"
    )
    db.execute(
        "INSERT INTO opt_outs (contact_id, channel, source, created_at)"
        " VALUES (1, 'email', 'link', '2026-03-01T09:00:00+00:00')"
    )

    migrations.apply(db)

    rows = db.execute("SELECT token, channel FROM sync_pulled_unsubscribes").fetchall()
    assert rows == [("tok-en-1234", "email")]
