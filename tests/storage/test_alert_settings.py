"""Acting on answers: owners with emails, alert thresholds, and which responses alert."""

from __future__ import annotations

import json

import pytest

from storage import follow_up, responses
from storage import settings as settings_store
from tests.conftest import make_survey


def test_defaults_are_the_detractor_bands(workspace):
    settings = settings_store.load(workspace.db())
    assert settings.alert_thresholds() == {"nps": 6, "csat": 2, "ces": 3}
    assert settings.owners == () and settings.owner_emails == ()
    assert settings.alert_email is False and settings.alert_email_to == ""
    assert settings.alert_recipients() == []


def test_owners_with_emails_round_trip(workspace):
    db = workspace.db()
    settings_store.save(
        db,
        owners=["佐藤", "Tanaka", "Mori"],
        owner_emails=[("佐藤", " sato@shop.example "), ("Tanaka", "tanaka@SHOP.example")],
        alert_email=True,
        alert_threshold_nps=7,
    )
    loaded = settings_store.load(db)
    assert loaded.owners == ("佐藤", "Tanaka", "Mori")
    assert loaded.owner_email("佐藤") == "sato@shop.example"
    assert loaded.owner_email("Tanaka") == "tanaka@shop.example"  # domain normalised
    assert loaded.owner_email("Mori") == ""
    assert loaded.alert_threshold_nps == 7
    assert loaded.alert_recipients() == ["sato@shop.example", "tanaka@shop.example"]
    only = settings_store.save(db, alert_email_to="Tanaka")
    assert only.alert_recipients() == ["tanaka@shop.example"]


def test_a_plain_list_of_names_stored_before_emails_still_loads(workspace):
    db = workspace.db()
    # As an earlier Koe wrote it: the owners key alone, a JSON list of names.
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('owners', ?)",
        [json.dumps(["佐藤", "Tanaka"])],
    )
    db.conn.commit()
    loaded = settings_store.load(db)
    assert loaded.owners == ("佐藤", "Tanaka")
    assert loaded.owner_email("佐藤") == ""


def test_owners_stored_as_objects_load_as_names_and_emails(workspace):
    db = workspace.db()
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('owners', ?)",
        [json.dumps([{"name": "Aiko", "email": "aiko@shop.example"}, "Ken"])],
    )
    db.conn.commit()
    loaded = settings_store.load(db)
    assert loaded.owners == ("Aiko", "Ken")
    assert loaded.owner_email("Aiko") == "aiko@shop.example"


def test_a_malformed_owner_email_is_refused_and_nothing_is_stored(workspace):
    db = workspace.db()
    settings_store.save(db, owners=["Aiko"], owner_emails=[("Aiko", "aiko@shop.example")])
    with pytest.raises(ValueError):
        settings_store.save(db, owners=["Aiko"], owner_emails=[("Aiko", "aiko@@shop")])
    assert settings_store.load(db).owner_email("Aiko") == "aiko@shop.example"


def test_the_threshold_decides_which_responses_alert(workspace, nps_survey):
    db = workspace.db()
    seven = responses.record(db, nps_survey, {"nps": 7, "reason": "ok"}, language="en")
    six = responses.record(db, nps_survey, {"nps": 6}, language="en")

    at_six = follow_up.alert_candidates(db, 0, {"nps": 6})
    assert [d.response_id for d in at_six] == [six]
    at_seven = follow_up.alert_candidates(db, 0, {"nps": 7})
    assert [d.response_id for d in at_seven] == [seven, six]
    assert at_seven[0].kind == "nps" and at_seven[0].comment == "ok"
    assert at_seven[0].title.get_for("en") == "Net Promoter Score"


def test_a_raised_threshold_alerts_a_seven_once_and_a_lowered_one_spares_a_six(
    workspace, nps_survey
):
    db = workspace.db()
    seven = responses.record(db, nps_survey, {"nps": 7}, language="en")
    assert follow_up.claim_new_detractors(db, 0, thresholds={"nps": 6}) == []
    claimed = follow_up.claim_new_detractors(db, 0, thresholds={"nps": 7})
    assert [d.response_id for d in claimed] == [seven]
    assert follow_up.claim_new_detractors(db, 0, thresholds={"nps": 7}) == []  # once, ever
    responses.record(db, nps_survey, {"nps": 6}, language="en")
    assert follow_up.claim_new_detractors(db, 0, thresholds={"nps": 5}) == []


def test_csat_and_ces_read_on_their_own_scales(workspace):
    db = workspace.db()
    csat = make_survey(workspace, "csat")
    ces = make_survey(workspace, "ces")
    low_csat = responses.record(db, csat, {"csat": 2}, language="en")
    responses.record(db, csat, {"csat": 3}, language="en")
    low_ces = responses.record(db, ces, {"ces": 3}, language="en")  # 7 is easiest
    responses.record(db, ces, {"ces": 4}, language="en")
    thresholds = settings_store.load(db).alert_thresholds()
    found = follow_up.alert_candidates(db, 0, thresholds)
    assert [(d.response_id, d.kind) for d in found] == [(low_csat, "csat"), (low_ces, "ces")]
