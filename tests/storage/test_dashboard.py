"""Dashboard queries on a small hand-built workspace; every expected number counted by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from storage import dashboard, segments
from storage.dashboard import Filters
from storage.workspace import Workspace
from surveys import intervals
from surveys.questions import QuestionType
from tests.conftest import make_survey

NOW = "2026-11-20T00:00:00+00:00"


@pytest.fixture
def data(workspace: Workspace):
    """An NPS survey: 6 answers through deliveries and 2 anonymous ones.

    | resp | score | date       | channel | source | contact store | campaign |
    | 1    | 10    | 2026-11-02 | sms     |        | shibuya       | A        |
    | 2    | 9     | 2026-11-03 | sms     |        | shibuya       | A        |
    | 3    | 3     | 2026-11-10 | email   |        | umeda         | B        |
    | 4    | 8     | 2026-11-11 | email   |        | umeda         | B        |
    | 5    | 6     | 2026-11-12 | sms     |        | umeda         | A        |
    | 6    | 10    | 2026-10-20 | sms     |        | shibuya       | A        |
    | 7    | 0     | 2026-11-12 | link    | qr     |               |          |
    | 8    | 9     | 2026-11-13 | link    | qr     |               |          |
    """
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    other = make_survey(workspace, "nps")
    qid = survey.headline_question.qid
    from storage import surveys as survey_store

    question = survey_store.question_ids(db, survey.id)[qid]
    other_question = survey_store.question_ids(db, other.id)[other.headline_question.qid]
    for cid, store in ((1, "shibuya"), (2, "umeda")):
        db.execute(
            "INSERT INTO contacts (id, name, attributes, created_at, updated_at)"
            " VALUES (?, '', json_object('store', ?), ?, ?)",
            [cid, store, NOW, NOW],
        )
    for cid, name in ((1, "A"), (2, "B")):
        db.execute(
            "INSERT INTO campaigns (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)",
            [cid, survey.id, name, NOW],
        )
    rows = [
        (1, 10, "2026-11-02", "sms", None, 1, 1),
        (2, 9, "2026-11-03", "sms", None, 1, 1),
        (3, 3, "2026-11-10", "email", None, 2, 2),
        (4, 8, "2026-11-11", "email", None, 2, 2),
        (5, 6, "2026-11-12", "sms", None, 2, 1),
        (6, 10, "2026-10-20", "sms", None, 1, 1),
        (7, 0, "2026-11-12", "link", "qr", None, None),
        (8, 9, "2026-11-13", "link", "qr", None, None),
    ]
    for rid, score, day, channel, source, contact, campaign in rows:
        at = f"{day}T09:00:00+00:00"
        delivery = None
        if contact is not None:
            delivery = rid
            db.execute(
                "INSERT INTO deliveries (id, survey_id, campaign_id, contact_id, channel, token,"
                " status, created_at, opened_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [rid, survey.id, campaign, contact, channel, f"t{rid}", "answered", at, at, at],
            )
            db.execute(
                "INSERT INTO outbox (delivery_id, purpose, channel, recipient, body, status,"
                " created_at, updated_at) VALUES (?, 'invitation', ?, 'x', 'b', 'answered', ?, ?)",
                [rid, channel, at, at],
            )
        db.execute(
            "INSERT INTO responses (id, survey_id, delivery_id, channel, source, language,"
            " created_at, completed_at, updated_at) VALUES (?,?,?,?,?,'en',?,?,?)",
            [rid, survey.id, delivery, channel, source, at, at, at],
        )
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_num) VALUES (?, ?, ?)",
            [rid, question, score],
        )
    # Invitations that did not get as far: sent only, delivered only, opened only.
    for did, status, opened in (
        (20, "sent", None),
        (21, "delivered", None),
        (22, "delivered", NOW),
    ):
        db.execute(
            "INSERT INTO deliveries (id, survey_id, campaign_id, contact_id, channel, token,"
            " status, created_at, opened_at) VALUES (?, ?, 1, 1, 'sms', ?, 'sent', ?, ?)",
            [did, survey.id, f"t{did}", NOW, opened],
        )
        db.execute(
            "INSERT INTO outbox (delivery_id, purpose, channel, recipient, body, status,"
            " created_at, updated_at) VALUES (?, 'invitation', 'sms', 'x', 'b', ?, ?, ?)",
            [did, status, NOW, NOW],
        )
    # One answer to another NPS survey, for "across surveys of the same kind".
    db.execute(
        "INSERT INTO responses (id, survey_id, channel, language, created_at, updated_at)"
        " VALUES (100, ?, 'link', 'en', ?, ?)",
        [other.id, NOW, NOW],
    )
    db.execute(
        "INSERT INTO answers (response_id, question_id, value_num) VALUES (100, ?, 10)",
        [other_question],
    )
    return db, survey, dashboard.scope(db, survey.id)


def test_headline_and_interval(data):
    db, _survey, scope = data
    head = dashboard.headline(db, scope)
    # 4 promoters (10, 9, 10, 9), 1 passive (8), 3 detractors (3, 6, 0) of 8: NPS 12.5.
    assert head.score.count == 8
    assert head.score.value == pytest.approx(12.5)
    assert (head.breakdown.promoters, head.breakdown.passives, head.breakdown.detractors) == (
        4,
        1,
        3,
    )
    assert head.distribution[10] == 2 and head.distribution[1] == 0
    assert head.interval == intervals.nps_interval(4, 1, 3)
    assert head.warning == intervals.SMALL_SAMPLE_WARNING


def test_filters(data):
    db, _survey, scope = data
    sms = dashboard.headline(db, scope, Filters(channel="sms")).breakdown
    assert (sms.promoters, sms.passives, sms.detractors) == (3, 0, 1)
    november = Filters(
        since=datetime(2026, 11, 1, tzinfo=UTC), until=datetime(2026, 11, 11, tzinfo=UTC)
    )
    assert dashboard.headline(db, scope, november).score.count == 3  # responses 1, 2, 3
    assert dashboard.headline(db, scope, Filters(campaign_id=2)).score.value == pytest.approx(-50)
    segment = segments.save(db, "Umeda", [segments.Condition("store", segments.OP_IN, ("umeda",))])
    umeda = dashboard.headline(db, scope, Filters(segment_id=segment.id))
    assert umeda.distribution[3] == 1 and umeda.distribution[8] == 1 and umeda.distribution[6] == 1
    assert umeda.score.value == pytest.approx(-200 / 3)


def test_same_kind_scope(data):
    db, survey, _scope = data
    both = dashboard.scope(db, survey.id, same_kind=True)
    assert len(both.question_ids) == 2
    assert dashboard.headline(db, both).score.count == 9


def test_trend_by_week_and_month(data):
    db, _survey, scope = data
    weeks = dashboard.trend(db, scope, unit="week")
    assert [(g.key, g.tally.n) for g in weeks] == [
        ("2026-10-19", 1),
        ("2026-11-02", 2),
        ("2026-11-09", 5),
    ]
    assert weeks[2].tally.score(QuestionType.NPS) == pytest.approx(-40)  # 9 | 8 | 3, 6, 0
    months = dashboard.trend(db, scope, unit="month")
    assert [(g.key, g.tally.n) for g in months] == [("2026-10", 1), ("2026-11", 7)]


def test_trend_follows_the_workspace_time_zone(data):
    """Periods are local: 07:00 on 1 Nov in Tokyo is still 31 Oct in UTC."""
    db, survey, scope = data
    # Sunday 2026-11-01 06:00 in Tokyo; in UTC it is Saturday 31 Oct 21:00.
    db.execute(
        "INSERT INTO responses (id, survey_id, channel, language, created_at, completed_at,"
        " updated_at) VALUES (9, ?, 'link', 'ja', ?, ?, ?)",
        [survey.id] + ["2026-10-31T21:00:00+00:00"] * 3,
    )
    db.execute(
        "INSERT INTO answers (response_id, question_id, value_num) VALUES (9, ?, 7)",
        [scope.question_ids[0]],
    )
    tokyo = ZoneInfo("Asia/Tokyo")
    utc_months = {g.key: g.tally.n for g in dashboard.trend(db, scope, unit="month")}
    assert utc_months == {"2026-10": 2, "2026-11": 7}
    months = {g.key: g.tally.n for g in dashboard.trend(db, scope, unit="month", zone=tokyo)}
    assert months == {"2026-10": 1, "2026-11": 8}
    weeks = {g.key: g.tally.n for g in dashboard.trend(db, scope, unit="week", zone=tokyo)}
    assert weeks["2026-10-26"] == 1  # Sunday belongs to the week of Monday 26 Oct
    assert sum(weeks.values()) == 9
    # New York leaves daylight saving on 1 Nov: 00:30 local on the 1st is 04:30 UTC.
    db.execute("UPDATE responses SET created_at = '2026-11-01T04:30:00+00:00' WHERE id = 9")
    ny = {
        g.key: g.tally.n
        for g in dashboard.trend(db, scope, unit="month", zone=ZoneInfo("America/New_York"))
    }
    assert ny["2026-11"] == 8


def test_breakdowns(data):
    db, _survey, scope = data
    by_channel = {g.key: g.tally.n for g in dashboard.breakdown(db, scope, dashboard.BY_CHANNEL)}
    assert by_channel == {"sms": 4, "email": 2, "link": 2}
    by_source = {g.key: g.tally.n for g in dashboard.breakdown(db, scope, dashboard.BY_SOURCE)}
    assert by_source == {"": 6, "qr": 2}
    by_campaign = {g.key: g.tally.n for g in dashboard.breakdown(db, scope, dashboard.BY_CAMPAIGN)}
    assert by_campaign == {"A": 4, "B": 2, "": 2}
    stores = dashboard.breakdown(db, scope, "attribute:store")
    assert {g.key: g.tally.n for g in stores} == {"shibuya": 3, "umeda": 3, "": 2}
    shibuya = next(g for g in stores if g.key == "shibuya")
    assert shibuya.tally.score(QuestionType.NPS) == pytest.approx(100)
    assert dashboard.attributes(db) == ["store"]


def test_this_period_against_the_last(data):
    db, _survey, scope = data
    this, last = dashboard.periods(
        db, scope, Filters(), datetime(2026, 11, 9, tzinfo=UTC), datetime(2026, 11, 16, tzinfo=UTC)
    )
    assert (this.n, last.n) == (5, 2)
    assert last.score(QuestionType.NPS) == pytest.approx(100)


def test_funnel(data):
    db, survey, _scope = data
    rows = {r.channel: r for r in dashboard.funnel(db, (survey.id,))}
    assert set(rows) == {"sms", "email"}
    sms = rows["sms"]
    # 4 answered, plus sent-only, delivered-only and delivered-and-opened.
    assert (sms.sent, sms.delivered, sms.opened, sms.answered) == (7, 6, 5, 4)
    email = rows["email"]
    # SMTP cannot say whether an email reached an inbox: no "delivered" number at
    # all (not 0, and not the opened ones passed off as a delivery count).
    assert (email.sent, email.delivered, email.opened, email.answered) == (2, None, 2, 2)
    assert {"sms"} == dashboard.DELIVERY_REPORTED
    only_b = dashboard.funnel(db, (survey.id,), Filters(campaign_id=2))
    assert [r.channel for r in only_b] == ["email"]
    umeda = segments.save(db, "Umeda", [segments.Condition("store", segments.OP_IN, ("umeda",))])
    in_umeda = {
        r.channel: r.answered
        for r in dashboard.funnel(db, (survey.id,), Filters(segment_id=umeda.id))
    }
    assert in_umeda == {"email": 2, "sms": 1}  # responses 3 and 4 by email, 5 by SMS


def test_ces_tally_interval_matches_the_distribution():
    tally = dashboard.Tally(n=8, total=40, squares=2 * 2 + 3 * 16 + 2 * 25 + 49 + 81)
    expected = intervals.mean_interval({2: 1, 4: 3, 5: 2, 7: 1, 9: 1})
    got = tally.interval(QuestionType.CES)
    assert got.low == pytest.approx(expected.low) and got.high == pytest.approx(expected.high)
