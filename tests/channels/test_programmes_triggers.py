"""Date and event triggers, the events folder, pausing: through the runner's tick and the
real dispatcher (aiosmtpd), on a fake clock, across restarts."""

from __future__ import annotations

import json
import shutil
from datetime import datetime

from channels import programmes as runner
from storage import contact_events
from storage import programmes as store
from storage import settings as settings_store
from storage.database import writing
from storage.workspace import Workspace
from tests.channels.outbox_helpers import queue_invitation
from tests.channels.programme_helpers import (
    Sender,
    add_contacts,
    fake_clock,  # noqa: F401 (the fixture "clock")
    invitations,
    programme,
    set_up,
)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text + "+00:00")


def test_a_date_trigger_fires_once_per_date_value_across_restarts(
    workspace,
    workspace_dir,
    nps_survey,
    smtp,
    clock,
):
    db = workspace.db()
    set_up(db)
    ids = add_contacts(
        db,
        4,
        c1={"入会日": "2027/01/10"},  # +30 days: 9 February
        c2={"入会日": "2027-01-20"},  # 19 February
        c3={"入会日": "2026/11/01"},  # 1 December 2026: before the programme began
        c4={"入会日": "not a date"},
    )
    made = store.create(db, programme(nps_survey.id, "date", date_field="入会日", offset_days=30))

    # 01:00 in Tokyo on the 9th: due, queued for the sending window (09:00).
    clock.now = utc("2027-02-08T16:00:00")
    sender = Sender(db, workspace.db_path, smtp, clock)
    assert sender.tick() == 1
    assert smtp.sink.count("c1@example.com") == 0  # quiet hours
    workspace.close()

    # Restarted in the middle of the day: the ledger remembers, nothing is queued twice.
    again = Workspace.open(workspace_dir)
    try:
        db = again.db()
        sender = Sender(db, again.db_path, smtp, clock)
        for hour in range(0, 10):
            clock.now = utc(f"2027-02-09T{hour:02d}:30:00")
            assert sender.tick() == 0
        assert smtp.sink.count("c1@example.com") == 1

        # Down from the 18th to the 20th: c2's day passed meanwhile, it goes at the next start.
        clock.now = utc("2027-02-20T01:00:00")
        assert sender.tick() == 1
        assert smtp.sink.count("c2@example.com") == 1

        # c1's date changes: the new value fires once more; the old one never again.
        with writing(db):
            db.execute(
                "UPDATE contacts SET attributes = ? WHERE id = ?",
                [json.dumps({"入会日": "2027/02/15"}), ids[0]],
            )
        for day in range(21, 29):
            clock.now = utc(f"2027-02-{day:02d}T03:00:00")
            assert sender.tick() == 0
        clock.now = utc("2027-03-17T03:00:00")
        assert sender.tick() == 1
        for day in range(18, 31):
            clock.now = utc(f"2027-03-{day:02d}T03:00:00")
            assert sender.tick() == 0
        # Two invitations, each with its reminder three days later.
        assert smtp.sink.count("c1@example.com") == 4
        assert [r["contact_id"] for r in invitations(db, made.id)] == [ids[0], ids[1], ids[0]]
        assert smtp.sink.count("c3@example.com") == smtp.sink.count("c4@example.com") == 0
        keys = sorted(r.occurrence for r in store.history(db, made.id))
        assert keys == ["date:2027-01-10", "date:2027-01-20", "date:2027-02-15"]
    finally:
        again.close()


def test_a_yearly_date_comes_round_each_year(workspace, nps_survey, smtp, clock):
    db = workspace.db()
    set_up(db)
    add_contacts(db, 1)
    with writing(db):
        db.execute("UPDATE contacts SET birthday = '--03-01'")
    made = store.create(db, programme(nps_survey.id, "date", date_field="birthday"))
    sender = Sender(db, workspace.db_path, smtp, clock)
    for _ in sender.run(days=700, step_hours=24):
        pass
    went = [r["not_before"][:10] for r in invitations(db, made.id)]
    # Each 1 March, at 09:00 in Tokyo (00:00 UTC) when the sending window opens.
    assert went == ["2027-03-01", "2028-03-01"]
    assert smtp.sink.count("c1@example.com") == 2 + 2  # each with its reminder


EVENTS = (
    "顧客ID,イベント,日時\r\n"
    "A-1,purchase,2027/01/05 14:00\r\n"
    "A-2,purchase,2027-01-05 15:30\r\n"
    "Z-9,purchase,2027/01/05 10:00\r\n"
    "A-1,visit,2027/01/05 10:00\r\n"
)


def test_an_events_file_dropped_twice_starts_each_send_once(
    workspace,
    nps_survey,
    smtp,
    clock,
    tmp_path,
):
    inbox = tmp_path / "POS export"
    inbox.mkdir()
    db = workspace.db()
    set_up(db, events_folder=str(inbox))
    add_contacts(db, 2, c1={"顧客ID": "A-1"}, c2={"顧客ID": "A-2"})
    made = store.create(
        db, programme(nps_survey.id, "event", event_name="purchase", delay_hours=24)
    )
    clock.now = utc("2027-01-05T07:00:00")  # 16:00 in Tokyo
    sender = Sender(db, workspace.db_path, smtp, clock)

    (inbox / "sales-0105.csv").write_bytes(EVENTS.encode("cp932"))
    assert sender.tick() == 0  # a day later, not now
    assert not (inbox / "sales-0105.csv").exists()
    assert (inbox / "done" / "sales-0105.csv").exists()
    assert len(contact_events.named(db, "purchase", utc("2027-01-01T00:00:00"))) == 2
    seen = contact_events.files_seen(db)
    assert seen[0][1] == "read"
    assert "2 new events" not in seen[0][2] and "3 new events" in seen[0][2]
    assert "1 rows name no contact (lines 4)" in seen[0][2]

    # The same content again, under another name: nothing new, moved out of the way.
    (inbox / "copy of sales.csv").write_bytes(EVENTS.encode("cp932"))
    clock.advance(hours=1)
    assert sender.tick() == 0
    assert (inbox / "done" / "copy of sales.csv").exists()
    assert len(contact_events.files_seen(db)) == 1

    clock.now = utc("2027-01-06T07:00:00")
    assert sender.tick() == 2
    shutil.copy(inbox / "done" / "sales-0105.csv", inbox / "again.csv")
    for _ in sender.run(days=30, step_hours=6):
        pass
    assert len(invitations(db, made.id)) == 2
    assert smtp.sink.count("c1@example.com") == 2  # the invitation and its reminder
    assert smtp.sink.count("c2@example.com") == 2


def test_a_damaged_events_file_is_reported_and_left_alone(
    workspace,
    nps_survey,
    smtp,
    clock,
    tmp_path,
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = workspace.db()
    set_up(db, events_folder=str(inbox))
    add_contacts(db, 1, c1={"顧客ID": "A-1"})
    store.create(db, programme(nps_survey.id, "event", event_name="purchase"))
    damaged = inbox / "broken.csv"
    damaged.write_text("顧客ID,イベント,日時\nA-1,purchase,2027/01/05\nA-1,purchase,soon\n")
    (inbox / "binary.csv").write_bytes(b"\x00\x01\xff\xfe" * 50)
    sender = Sender(db, workspace.db_path, smtp, clock)
    for _ in sender.run(days=3, step_hours=6):
        pass
    assert damaged.exists() and (inbox / "binary.csv").exists()  # left where they were
    seen = {name: (status, detail) for name, status, detail, _ in contact_events.files_seen(db)}
    assert seen["broken.csv"] == ("damaged", "broken.csv: not read, 1 bad rows (lines 3)")
    assert seen["binary.csv"][0] == "damaged" and "not text" in seen["binary.csv"][1]
    assert contact_events.named(db, "purchase", utc("2020-01-01T00:00:00")) == []
    assert smtp.sink.received == []
    # Mended (new content): read.
    damaged.write_text("顧客ID,イベント,日時\nA-1,purchase,2027/01/05\n")
    sender.tick()
    assert not damaged.exists()
    assert len(contact_events.named(db, "purchase", utc("2020-01-01T00:00:00"))) == 1


def test_pausing_holds_every_send_and_resuming_sends_them(
    workspace,
    nps_survey,
    smtp,
    clock,
):
    db = workspace.db()
    set_up(db)
    add_contacts(db, 3)
    made = store.create(db, programme(nps_survey.id, "recurring", spread_days=0))
    clock.now = utc("2027-01-04T12:00:00")  # 21:00 in Tokyo: queued for the morning
    sender = Sender(db, workspace.db_path, smtp, clock)
    assert sender.tick() == 3
    assert store.pause(db, made.id)
    statuses = {r["status"] for r in invitations(db, made.id)}
    assert statuses == {"paused"}
    with writing(db):  # a contact added while paused waits too
        db.execute(
            "INSERT INTO contacts (name, email, created_at, updated_at)"
            " VALUES ('Late', 'late@example.com', '2027-01-04T00:00:00+00:00',"
            " '2027-01-04T00:00:00+00:00')"
        )
    for _ in sender.run(days=5, step_hours=3):
        pass
    assert smtp.sink.received == []
    assert len(invitations(db, made.id)) == 3
    assert runner.resume(db, made.id, clock())
    clock.now = utc("2027-01-09T13:00:00")  # 22:00 in Tokyo: resumed after hours
    assert runner.resume(db, made.id, clock())
    assert {r["status"] for r in invitations(db, made.id)} == {"queued"}
    sender.tick()
    assert smtp.sink.received == []  # the quiet hours hold them until the morning
    for _ in sender.run(days=1, step_hours=1):
        pass
    for n in (1, 2, 3):
        assert smtp.sink.count(f"c{n}@example.com") == 1  # the reminders wait their 3 days
    assert smtp.sink.count("late@example.com") == 1
    went = [r["not_before"] for r in invitations(db, made.id)]
    assert went[:3] == ["2027-01-10T00:00:00+00:00"] * 3  # 09:00 in Tokyo
    reminders = db.execute(
        "SELECT DISTINCT o.not_before FROM outbox o JOIN deliveries d ON d.id = o.delivery_id"
        " WHERE d.programme_id = ? AND o.purpose = 'reminder' AND d.contact_id <= 3",
        [made.id],
    ).fetchall()
    assert reminders == [("2027-01-13T00:00:00+00:00",)]
    assert settings_store.load(db).events_folder == ""


def test_a_campaigns_invitation_holds_a_programme_send_until_the_cap_allows(
    workspace, nps_survey, smtp, clock
):
    db = workspace.db()
    set_up(db)  # no new survey within 30 days of an unanswered invitation
    (contact,) = add_contacts(db, 1)
    queue_invitation(
        db, nps_survey.id, "email", "c1@example.com", contact_id=contact, not_before=clock()
    )
    made = store.create(
        db, programme(nps_survey.id, "event", event_name="visit", delay_hours=0, reminders=0)
    )
    contact_events.add(db, contact, "visit", utc("2027-01-10T03:00:00"))
    sender = Sender(db, workspace.db_path, smtp, clock)
    for _ in sender.run(days=20, step_hours=6):
        pass
    (held,) = store.history(db, made.id)
    assert (held.status, held.reason) == ("capped", "invited_recently")
    assert invitations(db, made.id) == []
    for _ in sender.run(days=15, step_hours=6):
        pass
    (went,) = invitations(db, made.id)
    # Thirty days after the campaign's invitation (4 January, 00:00 UTC), not before.
    assert went["not_before"] == "2027-02-03T00:00:00+00:00"
    assert smtp.sink.count("c1@example.com") == 2  # the campaign's, then the programme's
    assert store.history(db, made.id)[0].status == "queued"
