"""The Results table's rows: filters, keyset pages, partial responses, detractor cases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from storage import dashboard, follow_up, responses, segments
from storage import response_table as table
from storage import surveys as survey_store
from storage.dashboard import Filters
from storage.response_table import ResponseQuery
from storage.workspace import Workspace
from surveys.model import Survey
from surveys.questions import Band
from tests.conftest import make_survey

NOW = "2026-11-20T00:00:00+00:00"


def _question(db: Database, survey: Survey, qid: str) -> int:
    assert survey.id is not None
    return survey_store.question_ids(db, survey.id)[qid]


def add(
    db: Database,
    survey: Survey,
    rid: int,
    score: int | None,
    day: str,
    channel: str = "link",
    *,
    source: str | None = None,
    campaign: int | None = None,
    contact: int | None = None,
    comment: str | None = None,
    complete: bool = True,
) -> None:
    """One response written as the site and a campaign would leave it."""
    at = f"{day}T09:00:00+00:00"
    delivery = None
    if contact is not None:
        delivery = rid
        db.execute(
            "INSERT INTO deliveries (id, survey_id, campaign_id, contact_id, channel, token,"
            " status, created_at, answered_at) VALUES (?, ?, ?, ?, ?, ?, 'answered', ?, ?)",
            [rid, survey.id, campaign, contact, channel, f"t{rid}", at, at],
        )
    db.execute(
        "INSERT INTO responses (id, survey_id, delivery_id, channel, source, language,"
        " created_at, completed_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ja', ?, ?, ?)",
        [rid, survey.id, delivery, channel, source, at, at if complete else None, at],
    )
    questions = [q for q in survey.questions]
    if score is not None:
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_num) VALUES (?, ?, ?)",
            [rid, _question(db, survey, questions[0].qid), score],
        )
    if comment is not None:
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_text) VALUES (?, ?, ?)",
            [rid, _question(db, survey, questions[-1].qid), comment],
        )


@pytest.fixture
def shop(workspace: Workspace) -> tuple[Database, Survey]:
    """An NPS survey with seven responses.

    | resp | score | day        | channel | source | contact (store) | campaign | comment |
    | 1    | 10    | 2026-11-02 | sms     |        | 1 (shibuya)     | Spring   | yes     |
    | 2    | 3     | 2026-11-03 | email   |        | 2 (umeda)       | Autumn   | yes     |
    | 3    | 8     | 2026-11-10 | link    | qr     |                 |          |         |
    | 4    | 0     | 2026-11-11 | link    |        |                 |          | partial |
    | 5    | 9     | 2026-11-12 | sms     |        | 2 (umeda)       | Spring   |         |
    | 6    | 6     | 2026-10-20 | link    | qr     |                 |          | yes     |
    | 7    | 9     | 2026-11-13 | email   |        | 1 (shibuya)     | Autumn   |         |
    """
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    for cid, store in ((1, "shibuya"), (2, "umeda")):
        db.execute(
            "INSERT INTO contacts (id, name, attributes, created_at, updated_at)"
            " VALUES (?, '', json_object('store', ?), ?, ?)",
            [cid, store, NOW, NOW],
        )
    for cid, name in ((1, "Spring"), (2, "Autumn")):
        db.execute(
            "INSERT INTO campaigns (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)",
            [cid, survey.id, name, NOW],
        )
    add(db, survey, 1, 10, "2026-11-02", "sms", campaign=1, contact=1, comment="Great staff")
    add(db, survey, 2, 3, "2026-11-03", "email", campaign=2, contact=2, comment="Too slow")
    add(db, survey, 3, 8, "2026-11-10", source="qr")
    add(db, survey, 4, 0, "2026-11-11", complete=False)
    add(db, survey, 5, 9, "2026-11-12", "sms", campaign=1, contact=2)
    add(db, survey, 6, 6, "2026-10-20", source="qr", comment="<b>x</b>")
    add(db, survey, 7, 9, "2026-11-13", "email", campaign=2, contact=1)
    return db, survey


def ids(rows: list[table.ResponseRow]) -> list[int]:
    return [row.response_id for row in rows]


def test_rows_come_newest_first_with_what_an_owner_reads(shop) -> None:
    db, survey = shop
    total, rows = table.first_page(db, ResponseQuery(survey.id))
    assert total == 7
    # Newest first by the time shown: response 6 came in October, whatever its id.
    assert ids(rows) == [7, 5, 4, 3, 2, 1, 6]
    by_id = {row.response_id: row for row in rows}
    first = by_id[1]
    assert (first.score, first.band, first.scale_max) == (10, Band.PROMOTER, 10)
    assert first.comment == "Great staff" and first.comment_answer_id is not None
    assert (first.channel, first.campaign, first.language) == ("sms", "Spring", "ja")
    assert first.created_at.startswith("2026-11-02T09:00")
    assert by_id[3].source == "qr" and by_id[3].campaign == ""
    assert by_id[3].comment == "" and by_id[3].comment_answer_id is None
    assert by_id[3].band is Band.PASSIVE
    # Respondents' words come back as they typed them, markup and all.
    assert by_id[6].comment == "<b>x</b>"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(channel="sms"), [5, 1]),
        (Filters(channel="link"), [4, 3, 6]),
        (Filters(campaign_id=2), [7, 2]),
        (Filters(since=datetime(2026, 11, 10, tzinfo=UTC)), [7, 5, 4, 3]),
        (Filters(until=datetime(2026, 11, 1, tzinfo=UTC)), [6]),
    ],
)
def test_filters_choose_the_rows_and_the_count_is_the_headlines(shop, filters, expected) -> None:
    db, survey = shop
    query = ResponseQuery(survey.id, filters)
    total, rows = table.first_page(db, query)
    assert ids(rows) == expected
    assert total == len(expected) == table.count(db, query)
    # The table lists what the dashboard counts, so the two never disagree.
    sc = dashboard.scope(db, survey.id)
    assert dashboard.tally(db, sc, filters).n == total


def test_a_segment_lists_its_contacts_responses_only(shop) -> None:
    db, survey = shop
    shibuya = segments.save(
        db, "Shibuya", [segments.Condition("store", segments.OP_IN, ("shibuya",))]
    )
    total, rows = table.first_page(db, ResponseQuery(survey.id, Filters(segment_id=shibuya.id)))
    assert (total, ids(rows)) == (2, [7, 1])


def test_keyset_pages_return_every_response_exactly_once(workspace: Workspace) -> None:
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    for rid in range(1, 58):
        channel = "sms" if rid % 3 == 0 else "link"
        add(db, survey, rid, rid % 11, f"2026-11-{1 + rid % 28:02d}", channel)
    for filters, expected in ((Filters(), 57), (Filters(channel="sms"), 19)):
        query = ResponseQuery(survey.id, filters)
        total, seen = table.first_page(db, query, limit=10)
        assert total == expected and len(seen) == 10
        while True:
            more = table.page(db, query, seen[-1].key, 10)
            if not more:
                break
            seen += more
        assert len(seen) == expected
        assert len(set(ids(seen))) == expected  # none twice
        keys = [row.key for row in seen]
        assert keys == sorted(keys, reverse=True)  # newest first throughout


def test_the_last_page_asks_only_for_what_remains(shop) -> None:
    db, survey = shop
    query = ResponseQuery(survey.id)
    total, rows = table.first_page(db, query, limit=5)
    assert total == 7 and ids(rows) == [7, 5, 4, 3, 2]
    assert ids(table.page(db, query, rows[-1].key, total - len(rows))) == [1, 6]
    assert table.page(db, query, ("2026-10-20T09:00:00+00:00", 6), 10) == []


def test_a_known_count_is_not_counted_again(shop) -> None:
    db, survey = shop
    # The dashboard's count, passed along, bounds the first page.
    total, rows = table.first_page(db, ResponseQuery(survey.id), total=0)
    assert (total, rows) == (0, [])


def test_partial_responses_are_marked_partial(shop, workspace: Workspace) -> None:
    db, survey = shop
    rows = {row.response_id: row for row in table.first_page(db, ResponseQuery(survey.id))[1]}
    assert rows[4].complete is False
    assert all(row.complete for rid, row in rows.items() if rid != 4)
    # One left half-way on the respondent site, the way the site stores it.
    qid = survey.headline_question.qid
    rid = responses.record(db, survey, {qid: 7}, language="en", resume_token="resume-1")
    newest = table.first_page(db, ResponseQuery(survey.id))[1][0]
    assert (newest.response_id, newest.score, newest.complete) == (rid, 7, False)


def test_a_detractors_follow_up_status_and_owner_appear(shop) -> None:
    db, survey = shop

    def row(rid: int) -> table.ResponseRow:
        rows = table.first_page(db, ResponseQuery(survey.id))[1]
        return next(r for r in rows if r.response_id == rid)

    # Nobody has acted yet: a detractor's case is new; a promoter has none.
    assert (row(2).case_status, row(2).case_owner) == ("new", "")
    assert row(1).case_status is None and row(3).case_status is None
    follow_up.save(db, 2, status="contacted", owner="Sato")
    assert (row(2).band, row(2).case_status, row(2).case_owner) == (
        Band.DETRACTOR,
        "contacted",
        "Sato",
    )


def test_all_surveys_of_a_kind_page_together(shop, workspace: Workspace) -> None:
    db, survey = shop
    other = make_survey(workspace, "nps")
    add(db, other, 8, 10, "2026-11-14")
    add(db, other, 9, 2, "2026-11-04")
    query = ResponseQuery(survey.id, same_kind=True)
    total, rows = table.first_page(db, query, limit=4)
    # The two surveys' answers interleave by date: 8 (Nov 14) first, 9 (Nov 4) later.
    assert total == 9 and ids(rows) == [8, 7, 5, 4]
    assert rows[0].survey_id == other.id
    assert ids(table.page(db, query, rows[-1].key, 10)) == [3, 9, 2, 1, 6]
    assert ids(table.first_page(db, ResponseQuery(survey.id))[1])[0] == 7  # alone: its own


def test_a_survey_without_a_score_lists_its_responses(workspace: Workspace) -> None:
    db = workspace.db()
    survey = make_survey(workspace, "churn_exit")
    add(db, survey, 1, None, "2026-11-01", "sms", comment="Moved away")
    add(db, survey, 2, None, "2026-11-02", comment="Too expensive")
    add(db, survey, 3, None, "2026-11-03", "sms")
    total, rows = table.first_page(db, ResponseQuery(survey.id))
    assert total == 3 and ids(rows) == [3, 2, 1]
    assert rows[1].comment == "Too expensive" and rows[0].score is None
    total, rows = table.first_page(db, ResponseQuery(survey.id, Filters(channel="sms")))
    assert total == 2 and ids(rows) == [3, 1]
    assert ids(table.page(db, ResponseQuery(survey.id), rows[0].key, 1)) == [2]
