"""Programmes in storage: refused when unusable, the ledger's one row per key, and a
paused programme's messages held whoever queues them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import programmes as store
from storage.database import writing
from surveys.campaign_plan import PlannedDelivery, PlannedMessage
from surveys.programmes import Due, Programme

NOW = datetime(2027, 1, 4, 3, 0, tzinfo=UTC)


def _programme(survey_id: int, **fields) -> Programme:
    return Programme(survey_id=survey_id, name="P", kind="recurring", starts_at=NOW, **fields)


def _planned(contact_id: int) -> PlannedDelivery:
    return PlannedDelivery(
        contact_id,
        "sms",
        f"token{contact_id}",
        "en",
        (
            PlannedMessage("invitation", "sms", "+819012345678", None, "Hi", NOW),
            PlannedMessage("invitation", "email", "a@example.com", "Hi", "Hi", NOW, held=True),
            PlannedMessage("reminder", "sms", "+819012345678", None, "Again", NOW + timedelta(3)),
        ),
    )


def test_an_unusable_programme_is_refused_in_plain_words(workspace, nps_survey):
    with pytest.raises(store.ProgrammeError, match=r"Send every 1 to 3,660 days\."):
        store.create(workspace.db(), _programme(nps_survey.id, every_days=0))
    assert store.list_all(workspace.db()) == []


def test_a_programme_round_trips_and_its_changes_are_kept(workspace, nps_survey):
    db = workspace.db()
    made = store.create(db, _programme(nps_survey.id, every_days=120, reminders=2))
    assert store.get(db, made.id) == made
    changed = store.update(db, Programme(**{**made.__dict__, "name": "Twice a year"}))
    assert store.get(db, made.id) == changed and changed.every_days == 120


def test_a_key_is_written_once(workspace, nps_survey):
    db = workspace.db()
    contact = contact_store.add(db, name="A", phone="+819012345678", email="a@example.com")
    made = store.create(db, _programme(nps_survey.id))
    due = Due(contact, "r1", NOW)
    assert store.write_send(db, made, due, _planned(contact), NOW)
    assert not store.write_send(db, made, due, _planned(contact), NOW)  # the same key again
    assert db.execute("SELECT count(*) FROM deliveries").fetchone() == (1,)
    assert store.stats(db, made.id).sent == 1


def test_a_paused_programme_holds_a_fallback_email_released_meanwhile(workspace, nps_survey):
    db = workspace.db()
    contact = contact_store.add(db, name="A", phone="+819012345678", email="a@example.com")
    made = store.create(db, _programme(nps_survey.id))
    store.write_send(db, made, Due(contact, "r1", NOW), _planned(contact), NOW)
    sms = outbox_store.in_status(db, "queued", "sms")[0]
    with writing(db):
        assert outbox_store.claim(db, sms.id, body=sms.body)
        assert outbox_store.mark_sent(db, sms.id, "SM1")
    assert store.pause(db, made.id)
    with writing(db):  # Twilio's later word: never delivered; the email is released
        outbox_store.set_delivery_status(db, sms.id, "undelivered", code="30003")
    statuses = dict(db.execute("SELECT channel || purpose, status FROM outbox").fetchall())
    assert statuses == {
        "smsinvitation": "undelivered",
        "emailinvitation": "paused",  # held with its programme
        "smsreminder": "skipped",
    }


def test_a_date_attribute_written_with_escapes_is_found(workspace):
    db = workspace.db()
    contact = contact_store.add(db, name="A", email="a@example.com")
    with writing(db):
        db.execute(
            "UPDATE contacts SET attributes = ? WHERE id = ?",
            [json.dumps({"入会日": "2027/01/10"}), contact],  # \\u escapes
        )
    assert store.date_values(db, "入会日") == {contact: "2027/01/10"}
