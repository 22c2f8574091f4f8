"""Roll-ups of the scores: counts per question × local day × channel × source × campaign × score.

The dashboard at a million responses reads these few thousand rows instead of
the million answers (``storage.rolled`` answers its questions from them).
They are kept exact lazily, so that storing an answer costs nothing more:

- ``rollup_state.answers_upto`` is a high-water mark: the answers with an id up
  to it are folded in. ``catch_up`` (called by the dashboard before it reads)
  folds the answers above it, only the new ones since the last time.
- An answer already folded that changes (its score, its response's date,
  channel, source or delivery, its delivery's campaign) or goes (response or
  contact deletion, a sync, a later page dropping it off the path) is written by
  a trigger to ``rollup_changes`` as -1 for what was counted and +1 for what is
  now true; ``catch_up`` folds those too. The triggers fire only on such rows:
  an answer's own INSERT writes nothing (its trigger fires only for an id at or
  below the mark, which SQLite gives again after the newest answer is deleted).
- The days are local days of the workspace's time zone, named in
  ``rollup_state.zone``; when the setting changes, ``catch_up`` rebuilds them.

A read-only connection cannot fold: ``catch_up`` then says so and the
dashboard answers from the answers themselves (exact, slower).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, tzinfo

from sqlite_utils import Database

from storage import settings as settings_store
from storage.database import to_text, write_refused, writing
from surveys.times import zone_name, zone_named

# The tables and triggers (migration "…_rollups" runs them, then ``rebuild``).
# A folded answer is one whose id is at or below the mark.
_FOLDED = "(SELECT answers_upto FROM rollup_state WHERE id = 1)"


def _change(sign: int, answer: str, response: str, campaign: str) -> str:
    """INSERT … SELECT of one change row: ``answer`` names the answers row (NEW/OLD or
    a), ``response`` the responses row, ``campaign`` the delivery's campaign id."""
    return (
        "INSERT INTO rollup_changes (question_id, created_at, channel, source, campaign_id,"
        f" value_num, n) SELECT {answer}.question_id, {response}.created_at,"
        f" {response}.channel, {response}.source, {campaign}, {answer}.value_num, {sign}"
    )


def _campaign_of(delivery: str) -> str:
    return f"(SELECT campaign_id FROM deliveries WHERE id = {delivery})"


# The folded scored answers of response ``who`` (OLD or NEW), as ``a``.
_FOLDED_OF = (
    "FROM answers a WHERE a.response_id = {who}.id AND a.value_num IS NOT NULL"
    f" AND a.id <= {_FOLDED}"
)
# … and of every response of delivery ``who``, as ``a`` and ``r``.
_FOLDED_OF_DELIVERY = (
    "FROM responses r JOIN answers a ON a.response_id = r.id WHERE r.delivery_id = {who}.id"
    f" AND a.value_num IS NOT NULL AND a.id <= {_FOLDED}"
)

SCHEMA = f"""
CREATE TABLE rollup_scores (
    question_id INTEGER NOT NULL,
    day TEXT NOT NULL,                  -- the response's local date (rollup_state.zone)
    channel TEXT NOT NULL,
    source TEXT NOT NULL,               -- '' without a source tag
    campaign_id INTEGER NOT NULL,       -- 0 outside a campaign
    value_num INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (question_id, day, channel, source, campaign_id, value_num)
) WITHOUT ROWID;

CREATE TABLE rollup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    answers_upto INTEGER NOT NULL,      -- answers with an id up to this are folded in
    zone TEXT NOT NULL                  -- the time zone of rollup_scores.day
);
INSERT INTO rollup_state (id, answers_upto, zone) VALUES (1, 0, '');

-- What changed in folded answers since the last fold: -1 rows for what was counted,
-- +1 rows for what is true now, keyed as the responses hold them (no local day yet).
CREATE TABLE rollup_changes (
    question_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    source TEXT,
    campaign_id INTEGER,
    value_num INTEGER NOT NULL,
    n INTEGER NOT NULL
);

-- A delivery's responses (its deletion sets theirs to NULL; the triggers below read them).
CREATE INDEX IF NOT EXISTS responses_delivery ON responses(delivery_id)
    WHERE delivery_id IS NOT NULL;

-- SQLite gives a deleted newest answer's id again: such an answer is below the mark.
CREATE TRIGGER answers_rollup_insert AFTER INSERT ON answers
WHEN NEW.value_num IS NOT NULL AND NEW.id <= {_FOLDED}
BEGIN
    {_change(1, "NEW", "r", _campaign_of("r.delivery_id"))}
        FROM responses r WHERE r.id = NEW.response_id;
END;

CREATE TRIGGER answers_rollup_update AFTER UPDATE OF value_num, question_id, response_id
ON answers
WHEN OLD.id <= {_FOLDED} AND (OLD.value_num IS NOT NEW.value_num
    OR OLD.question_id IS NOT NEW.question_id OR OLD.response_id IS NOT NEW.response_id)
BEGIN
    {_change(-1, "OLD", "r", _campaign_of("r.delivery_id"))}
        FROM responses r WHERE r.id = OLD.response_id AND OLD.value_num IS NOT NULL;
    {_change(1, "NEW", "r", _campaign_of("r.delivery_id"))}
        FROM responses r WHERE r.id = NEW.response_id AND NEW.value_num IS NOT NULL;
END;

-- An answer deleted on its own (a deleted response's answers are counted off by
-- responses_rollup_delete: when they cascade, their response is gone already).
CREATE TRIGGER answers_rollup_delete AFTER DELETE ON answers
WHEN OLD.value_num IS NOT NULL AND OLD.id <= {_FOLDED}
BEGIN
    {_change(-1, "OLD", "r", _campaign_of("r.delivery_id"))}
        FROM responses r WHERE r.id = OLD.response_id;
END;

CREATE TRIGGER responses_rollup_update AFTER UPDATE OF created_at, channel, source, delivery_id
ON responses
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.channel IS NOT NEW.channel
    OR OLD.source IS NOT NEW.source OR OLD.delivery_id IS NOT NEW.delivery_id
BEGIN
    {_change(-1, "a", "OLD", _campaign_of("OLD.delivery_id"))} {_FOLDED_OF.format(who="OLD")};
    {_change(1, "a", "NEW", _campaign_of("NEW.delivery_id"))} {_FOLDED_OF.format(who="NEW")};
END;

CREATE TRIGGER responses_rollup_delete BEFORE DELETE ON responses
BEGIN
    {_change(-1, "a", "OLD", _campaign_of("OLD.delivery_id"))} {_FOLDED_OF.format(who="OLD")};
END;

-- A deleted delivery's responses lose their campaign (ON DELETE SET NULL; by then the
-- delivery is gone, so responses_rollup_update sees no campaign on either side).
CREATE TRIGGER deliveries_rollup_delete BEFORE DELETE ON deliveries
WHEN OLD.campaign_id IS NOT NULL
BEGIN
    {_change(-1, "a", "r", "OLD.campaign_id")} {_FOLDED_OF_DELIVERY.format(who="OLD")};
    {_change(1, "a", "r", "NULL")} {_FOLDED_OF_DELIVERY.format(who="OLD")};
END;

CREATE TRIGGER deliveries_rollup_campaign AFTER UPDATE OF campaign_id ON deliveries
WHEN OLD.campaign_id IS NOT NEW.campaign_id
BEGIN
    {_change(-1, "a", "r", "OLD.campaign_id")} {_FOLDED_OF_DELIVERY.format(who="OLD")};
    {_change(1, "a", "r", "NEW.campaign_id")} {_FOLDED_OF_DELIVERY.format(who="NEW")};
END;
"""


def _offset_spans(zone: tzinfo, first: datetime, last: datetime) -> list[tuple[str, int]]:
    """The zone's UTC offsets from ``first`` to ``last``: (UTC text it starts at, seconds),
    the first starting at ''. Found by the day, each change pinned to its second."""

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    moment = first - timedelta(days=1)
    spans = [("", offset(moment))]
    while moment <= last + timedelta(days=1):
        step = moment + timedelta(days=1)
        if offset(step) != spans[-1][1]:
            low, high = moment, step  # offset(low) is the old one, offset(high) the new
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    middle = low + timedelta(seconds=1)
                if offset(middle) == spans[-1][1]:
                    low = middle
                else:
                    high = middle
            spans.append((to_text(high) or "", offset(high)))
        moment = step
    return spans


def _modifier_sql(spans: list[tuple[str, int]], column: str) -> str:
    """A CASE expression (a balanced tree over the span starts) giving the date()
    modifier that turns ``column``'s UTC time into local time."""
    if len(spans) == 1:
        return f"'{spans[0][1]:+d} seconds'"
    middle = len(spans) // 2
    before = _modifier_sql(spans[:middle], column)
    after = _modifier_sql(spans[middle:], column)
    return f"CASE WHEN {column} < '{spans[middle][0]}' THEN {before} ELSE {after} END"


def _parse(text: str | None, default: datetime) -> datetime:
    try:
        moment = datetime.fromisoformat(text or "")
    except ValueError:
        return default
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_day_sql(zone: tzinfo, first: str | None, last: str | None, column: str) -> str:
    """SQL for the local date (in ``zone``) of ``column``, a UTC time between ``first``
    and ``last``; it follows every change of the zone's offset between them."""
    # A date out of all reason (a host's clock at year 1) keeps the offset of the
    # window's end instead of a walk through centuries, day by day.
    earliest, latest = datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)
    low = min(max(_parse(first, earliest), earliest), latest)
    high = min(max(_parse(last, low), low), latest)
    spans = _offset_spans(zone, low, high)
    return f"coalesce(date({column}, {_modifier_sql(spans, column)}), '')"


def _fold(
    db: Database,
    zone: tzinfo,
    source_sql: str,
    params: list[object],
    window: tuple[str | None, str | None] | None = None,
) -> None:
    """Add the rows of ``source_sql`` (question_id, created_at, channel, source,
    campaign_id, value_num, n) to the roll-up, on its local day. ``window``: the
    earliest and latest created_at among them, when the caller knows it cheaper."""
    first, last = (
        window
        or db.execute(
            f"SELECT min(created_at), max(created_at) FROM ({source_sql})", params
        ).fetchone()
    )
    if first is None:
        return
    day = local_day_sql(zone, first, last, "s.created_at")
    # Row by row into the roll-up's few thousand rows (each an upsert on a b-tree
    # held in memory): at a million rows, twice as fast as a GROUP BY first,
    # which sorts them all.
    db.execute(
        "INSERT INTO rollup_scores (question_id, day, channel, source, campaign_id,"
        f" value_num, n) SELECT s.question_id, {day}, s.channel, coalesce(s.source, ''),"
        " coalesce(s.campaign_id, 0), s.value_num, s.n"
        f" FROM ({source_sql}) s WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n",
        params,
    )


# The answers above the mark, up to ``?``, keyed as the responses hold them.
_NEW_ANSWERS = (
    "SELECT a.question_id, r.created_at, r.channel, r.source, d.campaign_id, a.value_num,"
    " 1 AS n FROM answers a JOIN responses r ON r.id = a.response_id"
    " LEFT JOIN deliveries d ON d.id = r.delivery_id"
    " WHERE a.id > ? AND a.id <= ? AND a.value_num IS NOT NULL"
)


def _workspace_zone(db: Database) -> tuple[str, tzinfo]:
    zone = zone_named(settings_store.load(db).time_zone)
    return zone_name(zone), zone


def zone_of(db: Database) -> str:
    """The name of the zone whose local days the roll-up counts."""
    return str(db.execute("SELECT zone FROM rollup_state WHERE id = 1").fetchone()[0])


def _behind(db: Database, name: str) -> bool:
    upto, zone = db.execute("SELECT answers_upto, zone FROM rollup_state WHERE id = 1").fetchone()
    newest = db.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0]
    changed = db.execute("SELECT EXISTS (SELECT 1 FROM rollup_changes)").fetchone()[0]
    return bool(zone != name or newest > upto or changed)


def catch_up(db: Database) -> str | None:
    """Fold in what changed since the last time; returns the roll-up's zone name, or
    None when it cannot be brought up to date (a read-only connection, a busy file):
    then the caller reads the answers themselves."""
    name, zone = _workspace_zone(db)
    if not _behind(db, name):
        return name
    if getattr(db, "read_only", False):
        return None
    try:
        with writing(db):
            if zone_of(db) != name:
                _rebuild(db, name, zone)
                return name
            upto = db.execute("SELECT answers_upto FROM rollup_state WHERE id = 1").fetchone()[0]
            newest = db.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0]
            _fold(db, zone, "SELECT * FROM rollup_changes", [])
            db.execute("DELETE FROM rollup_changes")
            if newest > upto:
                _fold(db, zone, _NEW_ANSWERS, [upto, newest])
            # The mark never goes down: ids below it that SQLite gives again are
            # counted by answers_rollup_insert.
            db.execute(
                "UPDATE rollup_state SET answers_upto = max(answers_upto, ?) WHERE id = 1",
                [newest],
            )
            db.execute("DELETE FROM rollup_scores WHERE n = 0")
    except sqlite3.OperationalError as error:
        if write_refused(error):
            return None
        raise
    return name


def _rebuild(db: Database, name: str, zone: tzinfo) -> None:
    db.execute("DELETE FROM rollup_scores")
    db.execute("DELETE FROM rollup_changes")
    newest = db.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0]
    window = db.execute("SELECT min(created_at), max(created_at) FROM responses").fetchone()
    _fold(db, zone, _NEW_ANSWERS, [0, newest], window)
    db.execute("UPDATE rollup_state SET answers_upto = ?, zone = ? WHERE id = 1", [newest, name])


def rebuild(db: Database) -> None:
    """Count everything again, in the workspace's zone (the migration fills it so)."""
    name, zone = _workspace_zone(db)
    with writing(db):
        _rebuild(db, name, zone)
