"""The owner's everyday tools in storage: duplicate, archive, delete a draft or one response,
a survey without questions, every detractor in the closed loop, and rewording an answered
question (a correction gets a new wording version, a change of meaning is refused)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from channels.links import new_slug
from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from storage import analytics, comments, dashboard, follow_up, responses, sync_host
from storage import response_table as table
from storage import surveys as survey_store
from storage.comments import CommentFilter
from storage.response_table import ResponseQuery
from storage.settings import workspace_zone
from surveys.checker import check
from surveys.editing import EditRefused
from surveys.model import NoQuestions, StatusError, Survey, SurveyKind, SurveyStatus
from surveys.questions import Band
from surveys.text import LocalText
from surveys.times import iso_text
from tests.conftest import make_survey

# --- duplicate, archive, delete a draft --------------------------------------------


def test_a_duplicate_is_a_draft_with_a_new_link_no_answers_and_copy_in_its_title(workspace):
    db = workspace.db()
    original = make_survey(workspace, "nps", languages=("ja", "en"))
    original.extra["preview_token"] = "secret-preview"
    original.anonymous = True
    original = survey_store.update(db, original)
    responses.record(db, original, {"nps": 9}, language="ja")

    copied = survey_store.copy_survey(db, original.id, new_slug())

    assert copied.id != original.id and copied.slug != original.slug
    assert copied.status is SurveyStatus.DRAFT
    assert copied.title["ja"] == original.title["ja"] + "（コピー）"
    assert copied.title["en"] == original.title["en"] + " (copy)"
    assert [q.text for q in copied.questions] == [q.text for q in original.questions]
    assert copied.anonymous and copied.languages == ("ja", "en")
    assert "preview_token" not in copied.extra  # the original's preview stays its own
    assert responses.count(db, copied.id) == 0
    assert survey_store.answered_qids(db, copied.id) == set()  # nothing locked in the copy


def test_archiving_closes_hides_and_keeps_every_answer(workspace):
    db = workspace.db()
    survey = make_survey(workspace)
    responses.record(db, survey, {"nps": 3, "reason": "slow"}, language="en")

    archived = survey_store.archive(db, survey.id)

    assert archived.status is SurveyStatus.CLOSED  # its link says it no longer takes answers
    summary = next(s for s in survey_store.list_all(db) if s.id == survey.id)
    assert summary.archived and summary.responses == 1
    assert analytics.results(db, survey.id).responses == 1  # the data is kept
    with pytest.raises(StatusError, match="unarchive"):
        survey_store.set_status(db, survey.id, SurveyStatus.OPEN)

    back = survey_store.unarchive(db, survey.id)
    assert back.status is SurveyStatus.CLOSED
    assert not next(s for s in survey_store.list_all(db) if s.id == survey.id).archived
    assert survey_store.set_status(db, survey.id, SurveyStatus.OPEN).status is SurveyStatus.OPEN


def test_a_draft_is_deleted_not_archived_and_an_opened_survey_is_not_deleted(workspace):
    db = workspace.db()
    draft = make_survey(workspace, status=SurveyStatus.DRAFT)
    opened = make_survey(workspace)
    with pytest.raises(StatusError):
        survey_store.archive(db, draft.id)
    with pytest.raises(StatusError, match="only a draft"):
        survey_store.delete_draft(db, opened.id)

    survey_store.delete_draft(db, draft.id)

    assert [s.id for s in survey_store.list_all(db)] == [opened.id]


# --- a survey without questions ----------------------------------------------------


def test_a_survey_without_questions_says_add_a_question_and_cannot_be_opened(workspace):
    db = workspace.db()
    blank = Survey(kind=SurveyKind.CUSTOM, title=LocalText(en="Visit"), questions=[])
    blank.slug = new_slug()
    stored = survey_store.create(db, blank)

    assert [f.rule_id for f in check(stored)] == ["no-questions"]
    assert "Add a question" in check(stored)[0].fix["en"]
    assert survey_store.list_all(db)[0].questions == 0
    with pytest.raises(NoQuestions, match="add a question"):
        survey_store.set_status(db, stored.id, SurveyStatus.OPEN)
    assert survey_store.get(db, stored.id).status is SurveyStatus.DRAFT


def test_an_open_survey_keeps_at_least_one_question(workspace):
    db = workspace.db()
    survey = make_survey(workspace)  # open, no answers yet
    with pytest.raises(EditRefused, match="at least one question"):
        survey_store.update(db, replace(survey, questions=[]))
    assert len(survey_store.get(db, survey.id).questions) == 2


# --- deleting one response -------------------------------------------------------


def test_a_deleted_response_leaves_every_count(workspace, tmp_path):
    db = workspace.db()
    survey = make_survey(workspace)
    kept = responses.record(db, survey, {"nps": 10, "reason": "Great"}, language="en")
    gone = responses.record(db, survey, {"nps": 2, "reason": "Call me back"}, language="en")
    follow_up.save(db, gone, status="contacted", owner="Sato", note="called")
    scope = dashboard.scope(db, survey.id)
    assert dashboard.headline(db, scope).score.count == 2

    assert responses.delete(db, gone) == survey.id

    assert analytics.results(db, survey.id).responses == 1
    assert dashboard.headline(db, dashboard.scope(db, survey.id)).score.count == 1
    assert table.count(db, ResponseQuery(survey.id)) == 1
    assert [r.response_id for r in table.first_page(db, ResponseQuery(survey.id), 50)[1]] == [kept]
    assert survey_store.list_all(db)[0].responses == 1
    assert {c.text for c in comments.fetch(db, CommentFilter())} == {"Great"}
    assert comments.fetch(db, CommentFilter(band=Band.DETRACTOR)) == []
    assert comments.fetch(db, CommentFilter(search="Call")) == []
    out = tmp_path / "answers.csv"
    count, _codebook = exports.export_csv(db, survey, out)
    assert count == 1 and "Call me back" not in out.read_text(encoding="utf-8")
    assert db.execute("SELECT count(*) FROM detractor_cases").fetchone()[0] == 0
    with pytest.raises(responses.ResponseNotFound):
        responses.delete(db, gone)


def test_a_deleted_responses_alert_text_is_blanked(workspace):
    db = workspace.db()
    survey = make_survey(workspace)
    rid = responses.record(db, survey, {"nps": 1, "reason": "My phone is 090-1234"}, language="en")
    db.execute(
        "INSERT INTO outbox (purpose, channel, recipient, subject, body, status, created_at,"
        " updated_at, response_id) VALUES ('owner_alert', 'email', 'owner@example.com',"
        " 'Detractor', 'My phone is 090-1234', 'queued', 'now', 'now', ?)",
        [rid],
    )
    responses.delete(db, rid)
    body, status = db.execute("SELECT body, status FROM outbox").fetchone()
    assert body == "" and status == "skipped"


def test_a_public_host_blanks_and_never_sends_its_alert_about_a_deleted_response(workspace):
    """A public host emails the owners' alerts too: the desktop's word to delete a response
    must stop the host's queued alert about it, which quotes the answer."""
    db = workspace.db()
    survey = make_survey(workspace)
    rid = responses.record(db, survey, {"nps": 1, "reason": "My phone is 090-1234"}, language="en")
    uid = db.execute("SELECT uid FROM responses WHERE id = ?", [rid]).fetchone()[0]
    for status in ("queued", "sent"):
        db.execute(
            "INSERT INTO outbox (purpose, channel, recipient, subject, body, status, created_at,"
            " updated_at, response_id) VALUES ('owner_alert', 'email', 'owner@example.com',"
            " 'Detractor', 'My phone is 090-1234', ?, 'now', 'now', ?)",
            [status, rid],
        )

    assert sync_host.delete_responses(db, [uid]) == 1

    rows = db.execute("SELECT body, status FROM outbox ORDER BY id").fetchall()
    assert rows == [("", "skipped"), ("", "sent")]


# --- the closed loop lists every detractor -----------------------------------------


def test_the_closed_loop_lists_a_detractor_without_a_comment(workspace):
    db = workspace.db()
    survey = make_survey(workspace)
    with_comment = responses.record(db, survey, {"nps": 3, "reason": "Too slow"}, language="en")
    silent = responses.record(db, survey, {"nps": 4}, language="en")
    responses.record(db, survey, {"nps": 9}, language="en")  # a promoter: not listed
    responses.record(db, survey, {"nps": 7}, language="en")  # a passive: not listed

    listed = comments.fetch(db, CommentFilter(survey_id=survey.id, band=Band.DETRACTOR))

    assert [c.response_id for c in listed] == [silent, with_comment]
    assert listed[0].answer_id is None and listed[0].text == "" and listed[0].score == 4
    assert comments.count(db, CommentFilter(band=Band.DETRACTOR)) == 2
    # Every comment is still only the comments.
    assert [c.response_id for c in comments.fetch(db, CommentFilter())] == [with_comment]
    follow_up.save(db, silent, status="contacted", owner="Sato", note="Phoned, sorted.")
    assert follow_up.get(db, silent).status == "contacted"


def test_a_csat_detractor_without_a_comment_is_listed_by_its_scale(workspace):
    db = workspace.db()
    survey = make_survey(workspace, "csat")
    headline = survey.headline_question.qid
    low = responses.record(db, survey, {headline: 2}, language="en")
    responses.record(db, survey, {headline: 3}, language="en")  # the middle: passive
    listed = comments.fetch(db, CommentFilter(band=Band.DETRACTOR))
    assert [c.response_id for c in listed] == [low]


# --- rewording an answered question --------------------------------------------------

TYPO = "How likely are you to recomend Test Shop to a friend or colleague?"
FIXED = "How likely are you to recommend Test Shop to a friend or colleague?"
OTHER = "How satisfied were you with today's delivery?"


def _reword(db, survey: Survey, text: str) -> Survey:
    changed = survey_store.get(db, survey.id)
    changed.questions[0].text = LocalText(en=text)
    return survey_store.update(db, changed)


def test_a_typo_fix_is_saved_as_a_new_wording_and_a_change_of_meaning_is_refused(workspace):
    db = workspace.db()
    survey = make_survey(workspace)
    survey = _reword(db, survey, TYPO)  # before any answer: corrected in place
    assert survey_store.wording_history(db, survey.id) == {}
    first = responses.record(db, survey, {"nps": 9}, language="en")

    # Typed letter by letter, as the designer saves: one new version, not one per save.
    for step in ("How likely are you to recommend", FIXED[:-1], FIXED):
        _reword(db, survey, step + TYPO[len(step) :] if step != FIXED else FIXED)
    second = responses.record(db, survey_store.get(db, survey.id), {"nps": 3}, language="en")

    with pytest.raises(EditRefused) as refused:
        _reword(db, survey, OTHER)
    assert "nps has answers: its new wording changes its meaning" in refused.value.problems
    assert survey_store.get(db, survey.id).questions[0].text["en"] == FIXED  # nothing changed

    history = survey_store.wording_history(db, survey.id)["nps"]
    assert [(w.version, w.text["en"]) for w in history] == [(1, TYPO), (2, FIXED)]
    assert history[0].valid_from <= history[1].valid_from
    rows = {row["response_id"]: row for row in responses.iter_rows(db, survey)}
    assert rows[first]["nps_wording"] == 1 and rows[second]["nps_wording"] == 2


def test_the_codebook_lists_each_wording_and_from_when(workspace, tmp_path):
    db = workspace.db()
    survey = make_survey(workspace)
    survey = _reword(db, survey, TYPO)
    responses.record(db, survey, {"nps": 9}, language="en")
    survey = _reword(db, survey, FIXED)
    responses.record(db, survey, {"nps": 4}, language="en")
    history = survey_store.wording_history(db, survey.id)["nps"]

    out = tmp_path / "answers.csv"
    exports.export_csv(db, survey, out)
    data = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert data[0][-1] == "nps_wording"  # at the end: no column before it moved
    assert [row[-1] for row in data[1:]] == ["1", "2"]
    book = list(csv.reader(io.StringIO(exports.codebook_path(out).read_text(encoding="utf-8"))))
    wordings = [row for row in book if row[0] == "nps" and row[1].startswith("wording")]
    assert [(row[1], row[2]) for row in wordings] == [("wording 1", TYPO), ("wording 2", FIXED)]
    # When each came into force: in the workspace's time zone (Tokyo), with its offset.
    tokyo = workspace_zone(db)
    assert f"in force from {iso_text(history[0].valid_from, tokyo)}" in wordings[0][5]
    assert iso_text(history[0].valid_from, tokyo).endswith("+09:00")
    assert "(the current wording)" in wordings[1][5]
    assert any(row[0] == "nps_wording" for row in book)

    workbook = tmp_path / "answers.xlsx"
    xlsx_export.write_xlsx(db, survey, workbook)
    sheet = load_workbook(workbook, read_only=True)["Codebook"]
    # The workbook's codebook gives the Responses sheet's heading first, then the CSV's.
    cells = [[c for c in row][1:] for row in sheet.iter_rows(values_only=True)]
    assert [(r[1], r[2]) for r in cells if r[0] == "nps" and str(r[1]).startswith("wording")] == [
        ("wording 1", TYPO),
        ("wording 2", FIXED),
    ]
    responses_sheet = load_workbook(workbook, read_only=True)["Responses"]
    header = next(responses_sheet.iter_rows(values_only=True))
    assert header[-1] == "nps_wording"

    # A Japanese workbook says it in Japanese.
    xlsx_export.write_xlsx(db, survey, workbook, language="ja")
    sheet = load_workbook(workbook, read_only=True)["コードブック"]
    cells = [[c for c in row][1:] for row in sheet.iter_rows(values_only=True)]
    named = [(r[1], r[2]) for r in cells if r[0] == "nps" and str(r[1]).startswith("設問文")]
    assert named == [("設問文 第1版", TYPO), ("設問文 第2版", FIXED)]
    column = next(r for r in cells if r[0] == "nps_wording")
    assert column[1] == "設問文の版" and column[5].startswith("1〜2 の整数")


def test_answers_pulled_without_a_wording_version_take_the_one_in_force_then(workspace):
    from storage import sync_desktop

    db = workspace.db()
    survey = make_survey(workspace)
    responses.record(db, survey, {"nps": 9}, language="en")
    db.execute("UPDATE question_wordings SET valid_from = '2026-01-01T00:00:00+00:00'")
    db.execute("UPDATE surveys SET created_at = '2026-01-01T00:00:00+00:00'")
    _reword(db, survey, FIXED.replace("Test Shop", "Test Shop Ginza"))
    stamp = "2026-02-01T00:00:00+00:00"  # before the rewording, which is "now"
    item = {
        "kind": "response",
        "uid": "a" * 32,
        "survey": survey.slug,
        "delivery": None,
        "channel": "link",
        "source": None,
        "language": "en",
        "created_at": stamp,
        "completed_at": stamp,
        "updated_at": stamp,
        "answers": {"nps": {"num": 5, "text": None, "other": None}},  # a 1.1 host: no version
    }
    sync_desktop.apply_changes(db, [item], next_cursor=1)
    wording = db.execute(
        "SELECT a.wording FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.uid = ?",
        ["a" * 32],
    ).fetchone()[0]
    assert wording == 1
