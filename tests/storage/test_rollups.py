"""The roll-ups give exactly what the plain SQL aggregates give, through inserts, edits,
deletions, syncs and time-zone changes, on a real workspace file (storage.rollups)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from storage import contact_deletion, dashboard, rolled, rollups, segments
from storage import responses as response_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.dashboard import Filters
from storage.database import to_text
from storage.sync_desktop import apply_changes
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey

# Around both summer-time changes of 2026 (US 8 March, Europe 29 March).
START = datetime(2026, 2, 20, tzinfo=UTC)
SPAN_S = 50 * 86400
NOW = "2026-02-01T00:00:00+00:00"


def _at(rng: random.Random) -> str:
    return to_text(START + timedelta(seconds=rng.randrange(SPAN_S))) or ""


class World:
    """Two NPS surveys, contacts, three campaigns (two share a name), random answers."""

    def __init__(self, workspace: Workspace, seed: int) -> None:
        self.workspace = workspace
        self.db = db = workspace.db()
        self.rng = random.Random(seed)
        self.surveys = [make_survey(workspace, "nps"), make_survey(workspace, "nps")]
        self.rows = [survey_store.question_ids(db, s.id or 0) for s in self.surveys]
        for cid in range(1, 6):
            db.execute(
                "INSERT INTO contacts (id, name, phone, attributes, created_at, updated_at)"
                " VALUES (?, 'x', ?, json_object('store', ?), ?, ?)",
                [cid, f"+8190000000{cid}", "umeda" if cid % 2 else "sakae", NOW, NOW],
            )
        self.umeda = segments.save(
            db, "Umeda", [segments.Condition("store", segments.OP_IN, ("umeda",))]
        )
        for cid, name in ((1, "Spring"), (2, "Autumn"), (3, "Spring")):
            db.execute(
                "INSERT INTO campaigns (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)",
                [cid, self.surveys[0].id, name, NOW],
            )

    def add(self, count: int) -> None:
        """``count`` responses written as bulk SQL, some through a delivery."""
        db, rng = self.db, self.rng
        for _ in range(count):
            index = rng.randrange(2)
            survey, rows = self.surveys[index], self.rows[index]
            at = _at(rng)
            delivery, channel, source = None, "link", rng.choice([None, "qr", "web"])
            if rng.random() < 0.5:
                channel, source = rng.choice(["sms", "email"]), None
                delivery = db.execute(
                    "INSERT INTO deliveries (survey_id, campaign_id, contact_id, channel, token,"
                    " status, created_at, answered_at) VALUES (?, ?, ?, ?, ?, 'answered', ?, ?)",
                    [survey.id, rng.choice([1, 2, 3, None]), rng.randrange(1, 6), channel,
                     uuid.uuid4().hex, at, at],
                ).lastrowid  # fmt: skip
            response = db.execute(
                "INSERT INTO responses (survey_id, delivery_id, channel, source, language,"
                " created_at, completed_at, updated_at) VALUES (?, ?, ?, ?, 'en', ?, ?, ?)",
                [survey.id, delivery, channel, source, at, at, at],
            ).lastrowid
            score = rng.choice([*range(11), None])
            db.execute(
                "INSERT INTO answers (response_id, question_id, value_num) VALUES (?, ?, ?)",
                [response, rows["nps"], score],
            )

    def scopes(self) -> list[dashboard.Scope]:
        one = dashboard.scope(self.db, self.surveys[0].id or 0)
        both = dashboard.scope(self.db, self.surveys[0].id or 0, same_kind=True)
        assert one is not None and both is not None
        return [one, both]

    def filters(self) -> list[Filters]:
        zone = settings_store.workspace_zone(self.db)
        rng = self.rng
        moment = START + timedelta(seconds=rng.randrange(SPAN_S))
        midnight = datetime.combine(moment.astimezone(zone).date(), datetime.min.time(), zone)
        later = moment + timedelta(seconds=rng.randrange(20 * 86400))
        umeda = self.umeda
        return [
            Filters(segment_id=umeda.id),
            Filters(segment_id=umeda.id, since=moment, channel="sms"),
            Filters(),
            Filters(channel="sms"),
            Filters(campaign_id=1),
            Filters(since=moment),
            Filters(until=moment),
            Filters(since=moment, until=later, channel="email"),
            Filters(since=midnight, until=midnight + timedelta(days=7)),
            Filters(since=moment, until=moment + timedelta(hours=5)),  # inside one day
        ]


def _plain(action: Callable[[], Any]) -> Any:
    """What ``action`` gives from the plain SQL aggregates over the answers, each read
    from the answers first (as before the roll-ups)."""
    answers_first = dashboard._from

    def _from(*args: Any, by_contact: bool = False, **kwargs: Any) -> Any:
        return answers_first(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rolled, "counts", lambda *args, **kwargs: None)
        patch.setattr(dashboard, "_from", _from)
        return action()


def _questions(
    db: Any, sc: dashboard.Scope, filters: Filters, zone: Any
) -> list[Callable[[], Any]]:
    """Each dashboard question asked of ``filters``."""
    actions = [
        partial(dashboard.headline, db, sc, filters),
        partial(dashboard.tally, db, sc, filters),
        partial(dashboard.trend, db, sc, filters, unit="week", zone=zone),
        partial(dashboard.trend, db, sc, filters, unit="month", zone=zone),
    ]
    actions += [
        partial(dashboard.breakdown, db, sc, by, filters)
        for by in (
            dashboard.BY_CHANNEL,
            dashboard.BY_SOURCE,
            dashboard.BY_CAMPAIGN,
            dashboard.ATTRIBUTE_PREFIX + "store",
        )
    ]
    if filters.since and filters.until:
        actions.append(partial(dashboard.periods, db, sc, Filters(), filters.since, filters.until))
    return actions


def check(world: World) -> int:
    """Every dashboard question, rolled up and plain, must agree; returns how many."""
    db = world.db
    zone = settings_store.workspace_zone(db)
    compared = 0
    for sc in world.scopes():
        # The roll-up serves these (it would be a vacuous comparison otherwise).
        assert rolled.counts(db, sc.question_ids, sc.survey_ids, Filters(), None) is not None
        for filters in world.filters():
            actions = _questions(db, sc, filters, zone)
            for action in actions:
                assert action() == _plain(action)
                compared += 1
    return compared


def _folded_answer_ids(db: Any) -> list[int]:
    upto = db.execute("SELECT answers_upto FROM rollup_state").fetchone()[0]
    return [row[0] for row in db.execute("SELECT id FROM answers WHERE id <= ?", [upto])]


def _edit(world: World) -> None:
    """Change folded answers every way the app does, or could."""
    db, rng = world.db, world.rng
    answers = _folded_answer_ids(db)
    for answer in rng.sample(answers, 15):
        db.execute(
            "UPDATE answers SET value_num = ? WHERE id = ?",
            [rng.choice([*range(11), None]), answer],
        )
    responses = [row[0] for row in db.execute("SELECT id FROM responses")]
    for response in rng.sample(responses, 15):
        db.execute(
            "UPDATE responses SET created_at = ?, channel = ?, source = ? WHERE id = ?",
            [_at(rng), rng.choice(["sms", "email", "link"]), rng.choice([None, "qr"]), response],
        )
    deliveries = [row[0] for row in db.execute("SELECT id FROM deliveries")]
    for delivery in rng.sample(deliveries, 10):
        db.execute(
            "UPDATE deliveries SET campaign_id = ? WHERE id = ?",
            [rng.choice([1, 2, 3, None]), delivery],
        )
    # A delivery deleted: its responses stay, without it (ON DELETE SET NULL).
    for delivery in rng.sample(deliveries, 5):
        db.execute("DELETE FROM deliveries WHERE id = ?", [delivery])


def _delete(world: World) -> None:
    db, rng = world.db, world.rng
    responses = [row[0] for row in db.execute("SELECT id FROM responses")]
    for response in rng.sample(responses, 10):
        response_store.delete(db, response)
    contact_deletion.delete(db, 2)
    # The newest answer deleted, and another one given: SQLite gives its id again.
    newest, response, question = db.execute(
        "SELECT id, response_id, question_id FROM answers ORDER BY id DESC LIMIT 1"
    ).fetchone()
    db.execute("DELETE FROM answers WHERE id = ?", [newest])
    again = db.execute(
        "INSERT INTO answers (response_id, question_id, value_num) VALUES (?, ?, 3)",
        [response, question],
    ).lastrowid
    assert again == newest


def _answer_through_the_site(world: World) -> None:
    """A public link's tapped scores, changed, then completed; a personal link's answer."""
    db, rng = world.db, world.rng
    survey: Survey = survey_store.get(db, world.surveys[0].id or 0)
    for _ in range(5):
        token = uuid.uuid4().hex
        now = START + timedelta(seconds=rng.randrange(SPAN_S))
        assert response_store.keep_tapped(
            db, survey, {"nps": 2}, resume_token=token, language="en", source="qr", now=now
        )
        check_total(world)  # folds the partial response in
        response_store.keep_tapped(db, survey, {"nps": 10}, resume_token=token, language="en")
        found = response_store.find_open(db, token)
        assert found is not None
        response_store.add_answers(db, survey, found.id, {"nps": 8}, complete=True)


def check_total(world: World) -> None:
    sc = world.scopes()[0]
    assert dashboard.tally(world.db, sc) == _plain(lambda: dashboard.tally(world.db, sc))


def _sync(world: World) -> None:
    """A response from the public host, then changed there, then its score taken away."""
    db = world.db
    survey = world.surveys[0]
    item = {
        "kind": "response",
        "uid": "c" * 32,
        "survey": survey.slug,
        "delivery": None,
        "channel": "link",
        "source": "qr",
        "language": "en",
        "created_at": "2026-03-08T06:30:00+00:00",
        "completed_at": "2026-03-08T06:30:00+00:00",
        "updated_at": "2026-03-08T06:30:00+00:00",
        "answers": {"nps": {"num": 9, "text": None, "other": None}},
    }
    apply_changes(db, [item], next_cursor=1)
    check(world)
    changed = {
        **item,
        "created_at": "2026-03-29T00:30:00+00:00",
        "source": "web",
        "updated_at": "2026-03-30T00:00:00+00:00",
        "answers": {"nps": {"num": 1, "text": None, "other": None}},
    }
    apply_changes(db, [changed], next_cursor=2)
    check(world)
    emptied = {**changed, "updated_at": "2026-03-31T00:00:00+00:00", "answers": {}}
    apply_changes(db, [emptied], next_cursor=3)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_roll_ups_agree_with_the_answers_through_every_change(workspace: Workspace, seed):
    world = World(workspace, seed)
    world.add(300)
    assert check(world) > 100
    world.add(100)  # new answers above the mark
    check(world)
    _edit(world)
    check(world)
    _delete(world)
    check(world)
    _answer_through_the_site(world)
    check(world)
    _sync(world)
    check(world)
    for zone in ("America/New_York", "Europe/London"):
        settings_store.save(world.db, time_zone=zone)
        check(world)
        assert rollups.zone_of(world.db) == zone
    # Nothing is left to fold: the roll-up is the answers' own totals.
    assert world.db.execute("SELECT count(*) FROM rollup_changes").fetchone()[0] == 0


def test_storing_an_answer_writes_nothing_to_the_roll_ups(workspace: Workspace):
    """The answer's write stays as it was; the dashboard folds it in when it reads."""
    world = World(workspace, 3)
    world.add(50)
    sc = world.scopes()[0]
    before = dashboard.tally(world.db, sc).n
    scores = world.db.execute("SELECT count(*), sum(n) FROM rollup_scores").fetchone()
    survey = survey_store.get(world.db, world.surveys[0].id or 0)
    for score in (0, 5, 10):
        response_store.record(world.db, survey, {"nps": score}, language="en")
        token = uuid.uuid4().hex
        response_store.keep_tapped(
            world.db, survey, {"nps": score}, resume_token=token, language="en"
        )

    assert world.db.execute("SELECT count(*) FROM rollup_changes").fetchone()[0] == 0
    assert world.db.execute("SELECT count(*), sum(n) FROM rollup_scores").fetchone() == scores
    assert dashboard.tally(world.db, sc).n == before + 6


def test_a_read_only_window_counts_answers_it_cannot_fold(workspace: Workspace):
    world = World(workspace, 4)
    world.add(40)
    sc = world.scopes()[0]
    dashboard.tally(world.db, sc)  # folded
    world.add(30)
    world.db.execute("UPDATE answers SET value_num = 0 WHERE id <= 10")
    reader = Workspace.open_read_only(workspace.folder)
    try:
        assert dashboard.tally(reader.db(), sc) == _plain(lambda: dashboard.tally(world.db, sc))
    finally:
        reader.close()


def test_trend_in_a_zone_of_half_hours_keeps_each_answer_on_its_local_day(workspace: Workspace):
    """Lord Howe Island moves its clocks by half an hour: an answer at 13:20 UTC on
    5 April 2026 is 00:20 on the 6th there (UTC+11 until 15:00 UTC on the 4th... then +10:30)."""
    world = World(workspace, 5)
    settings_store.save(world.db, time_zone="Australia/Lord_Howe")
    zone = ZoneInfo("Australia/Lord_Howe")
    world.add(200)
    sc = world.scopes()[0]
    local_days: dict[str, int] = {}
    for (at,) in world.db.execute(
        "SELECT r.created_at FROM answers a JOIN responses r ON r.id = a.response_id"
        " WHERE a.question_id = ? AND a.value_num IS NOT NULL",
        [sc.question_ids[0]],
    ):
        day = datetime.fromisoformat(at).astimezone(zone).date()
        key = (day - timedelta(days=day.weekday())).isoformat()
        local_days[key] = local_days.get(key, 0) + 1
    weeks = dashboard.trend(world.db, sc, unit="week", zone=zone)
    assert {g.key: g.tally.n for g in weeks} == local_days


def test_a_workspace_made_before_roll_ups_is_backed_up_and_filled_when_opened(workspace_dir):
    with Workspace.open(workspace_dir) as workspace:
        World(workspace, 6).add(200)
        db = workspace.db()
        # The file as a Koe without roll-ups left it: no roll-up, no such migration.
        for kind, name in db.execute(
            "SELECT type, name FROM sqlite_master WHERE (name LIKE '%rollup%' AND type IN"
            " ('table', 'trigger')) OR name = 'responses_delivery' ORDER BY type = 'trigger' DESC"
        ).fetchall():
            db.execute(f"DROP {kind.upper()} {name}")
        db.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '%rollups'")

    with Workspace.open(workspace_dir) as workspace:
        db = workspace.db()
        assert list(workspace.backup_dir.glob("before-migration-*.sqlite3"))
        # Filled at the migration: nothing left for the dashboard to fold.
        newest = db.execute("SELECT max(id) FROM answers").fetchone()[0]
        assert db.execute("SELECT answers_upto, zone FROM rollup_state").fetchone() == (
            newest,
            "Asia/Tokyo",
        )
        filled = db.execute("SELECT sum(n) FROM rollup_scores").fetchone()[0]
        assert (
            filled
            == db.execute("SELECT count(*) FROM answers WHERE value_num IS NOT NULL").fetchone()[0]
        )
        sc = dashboard.scope(db, 1, same_kind=True)
        assert sc is not None
        assert dashboard.breakdown(db, sc, dashboard.BY_CAMPAIGN) == _plain(
            lambda: dashboard.breakdown(db, sc, dashboard.BY_CAMPAIGN)
        )
