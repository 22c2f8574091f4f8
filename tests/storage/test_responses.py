"""Responses are stored whole or not at all, once per personal link."""

import sqlite3

import pytest

from channels.links import new_token
from exports import responses_csv as exports
from storage import analytics, deliveries, responses
from storage import contacts as contact_store
from storage import surveys as survey_store
from tests.conftest import make_survey


def test_a_response_and_its_answers_are_stored_together(workspace, nps_survey):
    db = workspace.db()
    answers = nps_survey.parse_answers({"nps": "9", "reason": "Friendly staff"})
    responses.record(db, nps_survey, answers, language="en", source="store-1")
    rows = list(responses.iter_rows(db, nps_survey))
    assert len(rows) == 1
    assert rows[0]["nps"] == 9 and rows[0]["reason"] == "Friendly staff"
    assert rows[0]["source"] == "store-1" and rows[0]["channel"] == "link"


def test_a_failure_midway_leaves_nothing_behind(workspace, nps_survey):
    db = workspace.db()
    with pytest.raises(KeyError):
        responses.record(db, nps_survey, {"nps": 9, "no_such_question": "x"}, language="en")
    assert responses.count(db, nps_survey.id) == 0
    assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0


def test_a_personal_link_answers_once(workspace, nps_survey):
    db = workspace.db()
    contact = contact_store.add(db, name="佐藤 花子", phone="+819012345678")
    delivery = deliveries.create(
        db, survey_id=nps_survey.id, token=new_token(), channel="sms", contact_id=contact
    )
    responses.record(db, nps_survey, {"nps": 3}, language="ja", delivery=delivery)
    with pytest.raises(responses.AlreadyAnswered):
        responses.record(db, nps_survey, {"nps": 10}, language="ja", delivery=delivery)
    assert responses.count(db, nps_survey.id) == 1
    assert deliveries.find_by_token(db, delivery.token).answered
    row = next(responses.iter_rows(db, nps_survey))
    assert row["channel"] == "sms" and row["nps"] == 3


def test_an_anonymous_survey_does_not_link_the_response_to_the_delivery(workspace):
    db = workspace.db()
    survey = make_survey(workspace)
    db.execute("UPDATE surveys SET anonymous = 1 WHERE id = ?", [survey.id])
    survey = survey_store.get(db, survey.id)
    delivery = deliveries.create(db, survey_id=survey.id, token=new_token(), channel="email")
    responses.record(db, survey, {"nps": 8}, language="en", delivery=delivery)
    assert db.execute("SELECT delivery_id FROM responses").fetchone()[0] is None
    assert deliveries.get(db, delivery.id).answered


def test_results_count_every_scale_point(workspace, nps_survey):
    db = workspace.db()
    for score in (10, 10, 9, 8, 2):
        responses.record(db, nps_survey, {"nps": score}, language="en")
    results = analytics.results(db, nps_survey.id)
    assert results.responses == 5
    assert list(results.distribution) == list(range(11))
    assert results.distribution[10] == 2 and results.distribution[5] == 0
    assert results.score.value == pytest.approx(40.0)  # 60 % promoters − 20 % detractors
    assert results.breakdown.passives == 1


def test_csv_export_has_stable_columns_and_a_codebook(workspace, nps_survey, tmp_path):
    db = workspace.db()
    responses.record(
        db, nps_survey, {"nps": 7, "reason": "価格が少し高い, でも美味しい"}, language="ja"
    )
    out = tmp_path / "nps.csv"
    count, codebook = exports.export_csv(db, nps_survey, out, bom=True)
    assert count == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig").splitlines()
    assert text[0] == "response_id,created_at,completed_at,language,channel,source,nps,reason"
    assert text[1].endswith(',7,"価格が少し高い, でも美味しい"')
    assert codebook.name == "nps.csv.codebook.csv"
    book = codebook.read_text(encoding="utf-8-sig")
    assert "nps,nps,How likely are you to recommend Test Shop" in book
    assert "0 = Not at all likely; 10 = Extremely likely" in book


def test_the_database_refuses_an_unknown_survey_kind(workspace):
    with pytest.raises(sqlite3.IntegrityError):
        workspace.db().execute(
            "INSERT INTO surveys (slug, kind, title, languages, created_at, updated_at)"
            " VALUES ('x', 'poll', '{}', '[\"en\"]', 'now', 'now')"
        )


def test_a_partial_response_counts_and_is_completed_from_the_next_page(workspace, nps_survey):
    db = workspace.db()
    token = new_token()
    response_id = responses.record(db, nps_survey, {"nps": 4}, language="en", resume_token=token)
    # the score counts at once, before the follow-up is answered
    assert analytics.results(db, nps_survey.id).responses == 1
    row = next(responses.iter_rows(db, nps_survey))
    assert row["completed_at"] is None and row["nps"] == 4
    waiting = responses.find_open(db, token)
    assert waiting.id == response_id and waiting.answers == {"nps": 4}
    responses.add_answers(db, nps_survey, response_id, {"reason": "Too slow"}, complete=True)
    row = next(responses.iter_rows(db, nps_survey))
    assert row["completed_at"] and row["reason"] == "Too slow"
    # once complete, the link that continued it can no longer change it
    assert responses.find_open(db, token) is None


def test_a_personal_link_finds_its_unfinished_response(workspace, nps_survey):
    db = workspace.db()
    delivery = deliveries.create(db, survey_id=nps_survey.id, token=new_token(), channel="sms")
    responses.record(
        db, nps_survey, {"nps": 10}, language="ja", delivery=delivery, resume_token=new_token()
    )
    waiting = responses.open_for_delivery(db, delivery.id)
    assert waiting is not None and waiting.answers == {"nps": 10}
    assert deliveries.find_by_token(db, delivery.token).answered
