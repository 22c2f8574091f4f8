"""Automatic follow-up by category: through the outbox, once per response, within the rules."""

from __future__ import annotations

import re

import pytest

from channels.follow_ups import queue_follow_ups
from channels.links import new_token
from storage import contacts as contact_store
from storage import deliveries, opt_outs, responses
from storage import settings as settings_store

_numbers = iter(range(100))


@pytest.fixture
def on(workspace):
    return settings_store.save(
        workspace.db(),
        auto_follow_up=True,
        referral_url="https://example.com/r",
        business_name="Test Shop",
    )


def answered(db, survey, score, *, consent=True, language="en", channel="email"):
    n = next(_numbers)
    contact = contact_store.add(
        db, name=f"C{n}", email=f"c{n}@example.com", phone=f"+8190123456{n:02d}", language=language
    )
    if consent:
        contact_store.give_consent(db, contact, channel, "form")
    delivery = deliveries.create(
        db, survey_id=survey.id, token=new_token(), channel=channel, contact_id=contact
    )
    responses.record(db, survey, {"nps": score}, language=language, delivery=delivery)
    return contact


def queued(db):
    return db.execute(
        "SELECT recipient, subject, body, channel FROM outbox WHERE purpose = 'follow_up'"
        " ORDER BY id"
    ).fetchall()


def test_off_by_default(workspace, nps_survey):
    db = workspace.db()
    answered(db, nps_survey, 10)
    assert queue_follow_ups(db, settings_store.load(db)) == []
    assert queued(db) == []


def test_each_category_gets_its_message_once(workspace, nps_survey, on):
    db = workspace.db()
    answered(db, nps_survey, 10)
    answered(db, nps_survey, 8)
    answered(db, nps_survey, 3, language="ja")
    outcomes = queue_follow_ups(db, on)
    assert [o.outcome for o in outcomes] == ["queued"] * 3
    promoter, passive, detractor = queued(db)
    assert "https://example.com/r" in promoter[2] and "Test Shop" in promoter[2]
    assert "conversation" in passive[2]
    assert "担当者より近日中にご連絡" in detractor[2]
    assert detractor[1] == "ご意見ありがとうございます"
    assert queue_follow_ups(db, on) == []
    assert len(queued(db)) == 3


def test_opt_outs_and_consent_are_respected(workspace, nps_survey, on):
    db = workspace.db()
    gone = answered(db, nps_survey, 4)
    opt_outs.opt_out(db, gone, "email")
    answered(db, nps_survey, 10, consent=False)  # a referral ask needs consent
    answered(db, nps_survey, 5, consent=False)  # workspace without required consent: told
    responses.record(db, nps_survey, {"nps": 2}, language="en")  # anonymous public link
    outcomes = [o.outcome for o in queue_follow_ups(db, on)]
    assert outcomes == ["opted_out", "no_consent", "queued", "no_contact"]
    required = settings_store.save(db, consent_required=True)
    answered(db, nps_survey, 6, consent=False)
    assert [o.outcome for o in queue_follow_ups(db, required)] == ["no_consent"]


def test_sms_follow_up_goes_to_the_phone(workspace, nps_survey, on):
    db = workspace.db()
    answered(db, nps_survey, 9, channel="sms", language="ja")
    queue_follow_ups(db, on)
    ((recipient, subject, body, channel),) = queued(db)
    assert channel == "sms" and recipient.startswith("+81") and subject is None
    assert "紹介プログラム" in body


@pytest.mark.parametrize("name", ["Sakura Bakery", ""])
@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("band", ["promoter", "passive", "detractor"])
def test_no_follow_up_stands_us_in_for_the_business(band, language, name):
    from channels.follow_ups import message

    settings = settings_store.Settings(business_name=name, referral_url="https://example.com/r")
    subject, body = message(band, language, settings)
    for text in (subject, body):
        assert not re.search(r"\bus\b", text, re.IGNORECASE), text
        assert "当社" not in text and "当店" not in text
    if name:
        assert name in body
