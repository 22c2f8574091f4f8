"""Campaign storage: one transaction, the audience's dates, progress, pause/resume/cancel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import campaigns as store
from storage import contacts as contact_store
from storage import opt_outs
from storage.database import to_text
from surveys import campaigns as c
from surveys.campaign_plan import PlannedDelivery, PlannedMessage

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)


def planned(contact_id: int, token: str, *, reminder: bool = True) -> PlannedDelivery:
    messages = [PlannedMessage("invitation", "sms", "+819012345678", None, f"go {token}", NOW)]
    if reminder:
        messages.append(
            PlannedMessage(
                "reminder", "sms", "+819012345678", None, f"again {token}", NOW + timedelta(days=3)
            )
        )
    return PlannedDelivery(contact_id, "sms", token, "ja", tuple(messages))


@pytest.fixture
def db(workspace):
    return workspace.db()


@pytest.fixture
def people(db):
    return [
        contact_store.add(db, name="山田", phone="+819012345678", language="ja"),
        contact_store.add(
            db,
            name="Ann",
            email="ann@example.com",
            language="en",
            attributes={"timezone": "America/New_York"},
        ),
    ]


def test_create_writes_campaign_deliveries_and_queued_outbox(db, nps_survey, people):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={"mode": "sms"},
        deliveries=[planned(people[0], "tokA")],
        now=NOW,
    )
    rows = store.outbox_rows(db, campaign_id)
    assert [(r["purpose"], r["status"], r["body"], r["not_before"]) for r in rows] == [
        ("invitation", "queued", "go tokA", to_text(NOW)),
        ("reminder", "queued", "again tokA", to_text(NOW + timedelta(days=3))),
    ]
    delivery = db.execute("SELECT * FROM deliveries WHERE token = 'tokA'").fetchone()
    assert delivery is not None
    summary = store.get(db, campaign_id)
    assert (summary.name, summary.status, summary.recipients) == ("June", "active", 1)


def test_a_failure_midway_writes_nothing(db, nps_survey, people):
    # The second delivery reuses the first one's token: its INSERT fails after the
    # campaign, a delivery and two outbox rows were written.
    with pytest.raises(Exception, match="UNIQUE"):
        store.create(
            db,
            survey_id=nps_survey.id,
            name="June",
            settings={},
            deliveries=[planned(people[0], "same"), planned(people[1], "same")],
        )
    for table in ("campaigns", "deliveries", "outbox"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_audience_reads_opt_outs_and_cap_dates(db, nps_survey, people):
    opt_outs.opt_out(db, people[1], "email")
    store.create(
        db,
        survey_id=nps_survey.id,
        name="May",
        settings={},
        deliveries=[planned(people[0], "tokA", reminder=False)],
        now=NOW,
    )
    ann, yamada = store.audience(db)  # by name
    assert ann.name == "Ann" and ann.opted_out == {"email"}
    assert ann.attributes == {"timezone": "America/New_York"}
    assert yamada.last_unanswered_invitation == NOW
    assert yamada.last_answer is None
    later = NOW + timedelta(days=1)
    assert [r.code for r in c.decide(yamada, c.SMS, c.Rules(), later).reasons] == [
        "invited_recently"
    ]
    assert store.audience(db, [people[1]]) == [ann]
    assert store.audience(db, []) == []


def test_an_answer_skips_the_reminders_and_counts(db, nps_survey, people):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={},
        deliveries=[planned(people[0], "tokA")],
        now=NOW,
    )
    db.execute("UPDATE deliveries SET answered_at = ? WHERE token = 'tokA'", [to_text(NOW)])
    statuses = [(r["purpose"], r["status"]) for r in store.outbox_rows(db, campaign_id)]
    assert statuses == [("invitation", "queued"), ("reminder", "skipped")]
    assert store.audience(db, [people[0]])[0].last_answer == NOW
    assert store.progress(db, campaign_id).counts["answered"] == 1


def test_progress_counts_and_errors(db, nps_survey, people):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={},
        deliveries=[planned(people[0], "tokA"), planned(people[1], "tokB")],
        now=NOW,
    )
    db.execute(
        "UPDATE outbox SET status = 'failed', error = 'Landline (21614)' WHERE body = 'go tokB'"
    )
    result = store.progress(db, campaign_id)
    assert result.counts == {
        "queued": 1,
        "sent": 0,
        "delivered": 0,
        "failed": 1,
        "unknown": 0,
        "skipped": 0,
        "answered": 0,
    }
    errors = {r.name: (r.status, r.error) for r in result.recipients}
    assert errors == {"山田": ("queued", ""), "Ann": ("failed", "Landline (21614)")}


def test_pause_resume_cancel(db, nps_survey, people):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={},
        deliveries=[planned(people[0], "tokA")],
        now=NOW,
    )
    db.execute("UPDATE outbox SET status = 'sent' WHERE purpose = 'invitation'")

    def statuses():
        return [r["status"] for r in store.outbox_rows(db, campaign_id)]

    assert store.pause(db, campaign_id)
    assert (store.get(db, campaign_id).status, statuses()) == ("paused", ["sent", "paused"])
    assert store.resume(db, campaign_id)
    assert (store.get(db, campaign_id).status, statuses()) == ("active", ["sent", "queued"])
    assert store.cancel(db, campaign_id)
    assert (store.get(db, campaign_id).status, statuses()) == ("canceled", ["sent", "canceled"])
    assert not store.resume(db, campaign_id)
    assert [s.id for s in store.list_all(db)] == [campaign_id]


def fallback_campaign(db, survey_id, contact_id):
    messages = (
        PlannedMessage("invitation", "sms", "+819012345678", None, "go", NOW),
        PlannedMessage("reminder", "sms", "+819012345678", None, "again", NOW),
        PlannedMessage("invitation", "email", "y@example.jp", "Hi", "mail", NOW, held=True),
    )
    return store.create(
        db,
        survey_id=survey_id,
        name="Fallback",
        settings={},
        deliveries=[PlannedDelivery(contact_id, "sms", "tokF", "ja", messages)],
        now=NOW,
    )


def test_a_failed_sms_releases_the_held_email(db, nps_survey, people):
    campaign_id = fallback_campaign(db, nps_survey.id, people[0])

    def rows():
        return [
            (r["purpose"], r["channel"], r["status"]) for r in store.outbox_rows(db, campaign_id)
        ]

    assert rows()[2] == ("invitation", "email", "held")
    assert store.progress(db, campaign_id).counts["queued"] == 1
    db.execute(
        "UPDATE outbox SET status = 'failed', error = 'Landline (21614)'"
        " WHERE channel = 'sms' AND purpose = 'invitation'"
    )
    assert rows() == [
        ("invitation", "sms", "failed"),
        ("reminder", "sms", "skipped"),
        ("invitation", "email", "queued"),
    ]
    recipient = store.progress(db, campaign_id).recipients[0]
    assert (recipient.channel, recipient.recipient, recipient.status) == (
        "email",
        "y@example.jp",
        "queued",
    )
    assert recipient.error == "Landline (21614)"


def test_a_delivered_sms_skips_the_held_email(db, nps_survey, people):
    campaign_id = fallback_campaign(db, nps_survey.id, people[0])
    db.execute("UPDATE outbox SET status = 'delivered' WHERE channel = 'sms'")
    statuses = [r["status"] for r in store.outbox_rows(db, campaign_id)]
    assert statuses == ["delivered", "delivered", "skipped"]


def test_cancel_cancels_the_held_email(db, nps_survey, people):
    campaign_id = fallback_campaign(db, nps_survey.id, people[0])
    store.cancel(db, campaign_id)
    assert {r["status"] for r in store.outbox_rows(db, campaign_id)} == {"canceled"}


def test_skipped_invitations_are_counted(db, nps_survey, people):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={},
        deliveries=[planned(people[0], "tokA"), planned(people[1], "tokB")],
        now=NOW,
    )
    db.execute("UPDATE outbox SET status = 'skipped', error = 'Opted out' WHERE body = 'go tokB'")
    result = store.progress(db, campaign_id)
    assert result.counts["skipped"] == 1 and result.counts["queued"] == 1
    assert {r.name: r.status for r in result.recipients}["Ann"] == "skipped"


@pytest.mark.parametrize(
    "last", ["sent", "delivered", "undelivered", "failed", "unknown", "skipped", "answered",
             "canceled"],
)  # fmt: skip
def test_a_campaign_is_done_when_every_message_is_finished(db, nps_survey, people, last):
    campaign_id = store.create(
        db,
        survey_id=nps_survey.id,
        name="June",
        settings={},
        deliveries=[planned(people[0], "tokA"), planned(people[1], "tokB")],
        now=NOW,
    )
    db.execute("UPDATE outbox SET status = 'delivered' WHERE purpose = 'invitation'")
    for waiting in ("queued", "sending", "held", "paused"):  # a reminder still to go
        db.execute("UPDATE outbox SET status = ? WHERE body = 'again tokB'", [waiting])
        assert store.progress(db, campaign_id).campaign.status == "active", waiting
    db.execute("UPDATE outbox SET status = 'skipped' WHERE body = 'again tokA'")
    db.execute("UPDATE outbox SET status = ? WHERE body = 'again tokB'", [last])
    assert store.progress(db, campaign_id).campaign.status == "done"
    assert [s.status for s in store.list_all(db)] == ["done"]


def test_a_paused_or_canceled_campaign_stays_so_and_list_all_finishes_campaigns(
    db, nps_survey, people
):
    ids = [
        store.create(
            db,
            survey_id=nps_survey.id,
            name=name,
            settings={},
            deliveries=[planned(people[0], f"tok{name}", reminder=False)],
            now=NOW,
        )
        for name in ("A", "B", "C")
    ]
    store.pause(db, ids[1])
    store.cancel(db, ids[2])
    db.execute("UPDATE outbox SET status = 'sent'")
    assert {s.id: s.status for s in store.list_all(db)} == {
        ids[0]: "done",
        ids[1]: "paused",
        ids[2]: "canceled",
    }
