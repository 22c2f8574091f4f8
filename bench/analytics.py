"""The dashboard on a million responses: query times against covering-index SQL, GUI stalls, memory.

Run: ``uv run python bench/analytics.py [--responses N] [--no-gui | --gui-only] [--koe-only]
[--workspace PATH]`` (N defaults to 1,000,000; ``--workspace`` builds once and reuses).

1. Builds a workspace with an NPS survey and N responses (bulk inserts in
   one transaction: 40% through SMS/email deliveries of two campaigns to
   contacts with a ``store`` attribute, the rest anonymous link answers with
   a source tag), spread over a year. The bulk inserts bypass the app, so the
   file is then opened as a workspace made before the roll-ups: the bench
   times that opening (backup, then the ``rollups`` migration, which fills the
   roll-up from every answer) and the fill alone (``storage.rollups.rebuild``).
2. Times each dashboard query (``storage.dashboard``, which reads the roll-ups
   where they answer) against the ceiling of plain SQL: SQL that answers the
   same question on a copy of the same file given covering indexes for it
   (CEILING_INDEXES: every row it reads comes from an index that holds all the
   columns it needs, in the order it needs them, INDEXED BY so the planner
   cannot stray), in the same run, each query in turn with Koe's, best of
   ``--repeat``. It reads no more than the answers' own SQL must and from
   narrower pages, so it is the fastest an answer can come without precomputed
   totals. Koe's own plain statements (the ones it runs without roll-ups,
   caught with a trace callback) replayed on that copy are the second
   candidate, without the Python around them: the ceiling is the faster of the
   two. The ceiling's answers are checked against Koe's. With its roll-ups Koe
   should be faster than that ceiling (ratio below 1); the queries the roll-ups
   cannot answer (a segment, a contact attribute) fall back to indexed scans
   and are said so. Then the absolute goals: each headline ≤ 200 ms, the whole
   dashboard as the Results page loads it ≤ 1 s (at 10M: the headline ≤ 1 s,
   ``--koe-only`` skips the ceiling copy), and the first headline after new
   answers, edits and deletions (it folds them in first).
3. Opens the Results page offscreen on that workspace (a process of its own),
   lets it load, applies filters, scrolls its Responses table (also while filters
   change and the dashboard's queries run) and its dashboard,
   while a QTimer firing every 5 ms records the largest gap between its ticks:
   the longest stall of the GUI event loop (goal < 50 ms). It also times how soon
   the headline shows after each filter change and after the whole dashboard.
   No tracemalloc there: it slows every allocation and would stretch the stalls.
   On a shared machine a gap is also time the process was not given a core:
   ``idle_longest_stall_ms`` is the same timer's longest gap with no page at all
   (the noise floor), each stall is printed with the CPU time the GUI thread and
   the whole process had in it, and ``longest_gui_thread_cpu_ms`` is the most CPU
   the GUI thread spent between two ticks (its own work, whatever the load).
4. The same session again in another process for memory: its peak resident set
   (getrusage; goal < 300 MB) and the peak of Python's allocations (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from channels.links import new_slug  # noqa: E402
from storage import dashboard, rolled, rollups, segments  # noqa: E402
from storage import responses as response_store  # noqa: E402
from storage import settings as settings_store  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.dashboard import Filters  # noqa: E402
from storage.database import to_text  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402

START = datetime(2025, 11, 1, tzinfo=UTC)
STORES = ("shibuya", "umeda", "sakae", "tenjin", "sapporo")


def build(folder: Path, count: int) -> tuple[int, int]:
    """The workspace; returns (survey id, headline question's row id)."""
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        survey = survey_from_template("nps", languages=("ja", "en"))
        survey.slug = new_slug()
        survey = survey_store.create(db, survey)
        survey = survey_store.set_status(db, survey.id or 0, SurveyStatus.OPEN)
        assert survey.id is not None and survey.headline_question is not None
        qid = survey_store.question_ids(db, survey.id)[survey.headline_question.qid]
        text_qid = next(
            row_id
            for q, row_id in survey_store.question_ids(db, survey.id).items()
            if q != survey.headline_question.qid
        )
        conn: sqlite3.Connection = db.conn
        rng = random.Random(6)
        now = START.isoformat()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO contacts (id, name, attributes, created_at, updated_at)"
            " VALUES (?, '', json_object('store', ?), ?, ?)",
            [(i, STORES[i % len(STORES)], now, now) for i in range(1, 20_001)],
        )
        conn.executemany(
            "INSERT INTO campaigns (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)",
            [(1, survey.id, "Spring", now), (2, survey.id, "Autumn", now)],
        )
        weights = [4, 2, 2, 3, 3, 5, 8, 12, 15, 20, 26]
        batch = 50_000
        for first in range(1, count + 1, batch):
            ids = range(first, min(first + batch, count + 1))
            deliveries, outbox, resp, answers = [], [], [], []
            for rid in ids:
                at = (START + timedelta(seconds=rng.randrange(365 * 86400))).isoformat(
                    timespec="seconds"
                )
                score = rng.choices(range(11), weights)[0]
                if rid % 5 < 2:
                    channel = "sms" if rid % 5 == 0 else "email"
                    deliveries.append(
                        (rid, survey.id, 1 + rid % 2, 1 + rid % 20_000, channel, f"t{rid}",
                         "answered", at, at, at)
                    )  # fmt: skip
                    outbox.append((rid, channel, at, at))
                    resp.append((rid, survey.id, rid, channel, None, at))
                else:
                    resp.append((rid, survey.id, None, "link", "qr" if rid % 3 else None, at))
                answers.append((rid, qid, score, None))
                if rid % 10 == 0:
                    answers.append((rid, text_qid, None, "価格が少し高いです"))
            conn.executemany(
                "INSERT INTO deliveries (id, survey_id, campaign_id, contact_id, channel, token,"
                " status, created_at, opened_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                deliveries,
            )
            conn.executemany(
                "INSERT INTO outbox (delivery_id, purpose, channel, recipient, body, status,"
                " created_at, updated_at) VALUES (?, 'invitation', ?, 'x', 'b', 'answered', ?, ?)",
                outbox,
            )
            conn.executemany(
                "INSERT INTO responses (id, survey_id, delivery_id, channel, source, language,"
                " created_at, completed_at, updated_at) VALUES (?,?,?,?,?,'ja',?,?,?)",
                [(*r, r[5], r[5]) for r in resp],
            )
            conn.executemany(
                "INSERT INTO answers (response_id, question_id, value_num, value_text)"
                " VALUES (?, ?, ?, ?)",
                answers,
            )
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        segments.save(db, "Umeda", [segments.Condition("store", segments.OP_IN, ("umeda",))])
        return survey.id, qid


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


CEILING_INDEXES = (
    # The score beside the response id, in both orders: every answer lookup is covered.
    "CREATE INDEX c_answers_rqv ON answers(response_id, question_id, value_num)",
    # A response's columns the dashboard reads, narrower than the table's rows.
    "CREATE INDEX c_responses_cover ON responses(id, created_at, channel, delivery_id)",
    "CREATE INDEX c_responses_channel ON responses(survey_id, channel, id)",
    "CREATE INDEX c_responses_source ON responses(survey_id, source, id)",
    "CREATE INDEX c_responses_campaign ON responses(survey_id, delivery_id, id)",
    "CREATE INDEX c_responses_delivery ON responses(delivery_id, id)",
    "CREATE INDEX c_deliveries_funnel ON deliveries(survey_id, channel, opened_at, answered_at)",
    # An invitation's status beside its delivery, in delivery order: the funnel's
    # per-delivery summary reads this index alone.
    "CREATE INDEX c_outbox_invitation ON outbox(purpose, delivery_id, status)",
    "CREATE INDEX c_contacts_store ON contacts(json_extract(attributes, '$.store'), id)",
)


def ceiling_copy(folder: Path) -> Path:
    """A copy of the workspace's database with the covering indexes, analysed."""
    path = folder / "ceiling.sqlite3"
    path.unlink(missing_ok=True)  # left by an earlier run on the same --workspace
    source = sqlite3.connect(str(folder / "koe.sqlite3"))
    target = sqlite3.connect(str(path))
    source.backup(target)
    source.close()
    for sql in CEILING_INDEXES:
        target.execute(sql)
    target.execute("ANALYZE")
    target.commit()
    target.close()
    return path


def _by_month(rows: list[tuple]) -> dict[str, list[int]]:
    """UTC hours folded into Tokyo months (no summer time: a fixed 9 hours), as Koe does."""
    months: dict[str, list[int]] = {}
    for hour, *sums in rows:
        local = datetime.fromisoformat(hour + ":00+00:00") + timedelta(hours=9)
        into = months.setdefault(local.strftime("%Y-%m"), [0] * len(sums))
        for i, value in enumerate(sums):
            into[i] += value
    return months


def store_breakdown(b, qid: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Answers by their contact's store: the contacts in store order (no sort), down to
    their answers through covering indexes; the answers without a contact (the "" group)
    are all the question's answers, counted from their index, less those."""
    linked = b(
        "SELECT json_extract(c.attributes, '$.store') k, count(*), sum(a.value_num >= 9),"
        " sum(a.value_num <= 6) FROM contacts c INDEXED BY c_contacts_store JOIN deliveries d"
        " INDEXED BY deliveries_contact ON d.contact_id = c.id JOIN responses r INDEXED BY"
        " c_responses_delivery ON r.delivery_id = d.id JOIN answers a INDEXED BY c_answers_rqv"
        " ON a.response_id = r.id AND a.question_id = ? GROUP BY k",
        qid,
    )
    total = b(
        "SELECT count(*), sum(value_num >= 9), sum(value_num <= 6) FROM answers"
        " WHERE question_id = ? AND value_num IS NOT NULL",
        qid,
    )[0]
    rest = tuple(all_ - sum(row[i + 1] for row in linked) for i, all_ in enumerate(total))
    return [*linked, ("", *rest)]


def _statements(db, action) -> list[str]:  # type: ignore[no-untyped-def]
    """The SELECTs ``action`` runs on ``db``, with their parameters written in."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def _plain_statements(db, action) -> list[str]:  # type: ignore[no-untyped-def]
    """The SELECTs ``action`` runs without its roll-ups (Koe's own plain SQL)."""
    counts = rolled.counts
    rolled.counts = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        return _statements(db, action)
    finally:
        rolled.counts = counts  # type: ignore[assignment]


def as_before_rollups(folder: Path) -> None:
    """The workspace as a Koe without roll-ups left it: their tables, triggers and
    index gone, their migration not recorded."""
    conn = sqlite3.connect(str(folder / "koe.sqlite3"))
    objects = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE (name LIKE '%rollup%' AND type IN"
        " ('table', 'trigger')) OR name = 'responses_delivery' ORDER BY type = 'trigger' DESC"
    ).fetchall()
    for kind, name in objects:
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '%rollups'")
    conn.commit()
    conn.close()


def migrate(folder: Path) -> tuple[float, float]:
    """Seconds to open the workspace made before roll-ups (backup, migration with its
    fill), and to fill the roll-up alone."""
    as_before_rollups(folder)
    started = time.perf_counter()
    with Workspace.open(folder) as workspace:
        opened = time.perf_counter() - started
        started = time.perf_counter()
        rollups.rebuild(workspace.db())
        return opened, time.perf_counter() - started


def whole_dashboard(db, survey_id: int, days: int) -> None:  # type: ignore[no-untyped-def]
    """What the Results page asks for one survey (ui.results.data.load's queries)."""
    sc = dashboard.scope(db, survey_id)
    assert sc is not None
    dashboard.attributes(db)
    now = datetime.now(UTC) + timedelta(seconds=1)
    filters = Filters(since=now - timedelta(days=days)) if days else Filters()
    dashboard.funnel(db, sc.survey_ids, filters)
    if days:
        dashboard.periods(db, sc, Filters(), now - timedelta(days=days), now)
    dashboard.headline(db, sc, filters)
    dashboard.trend(db, sc, filters, unit="month", zone=settings_store.workspace_zone(db))
    dashboard.breakdown(db, sc, dashboard.BY_CHANNEL, filters)


def after_changes(db, survey_id: int) -> float:  # type: ignore[no-untyped-def]
    """Seconds of the first headline after 1,000 new answers, 100 changed scores and
    10 deleted responses: it folds them into the roll-up first."""
    survey = survey_store.get(db, survey_id)
    assert survey.headline_question is not None
    rng = random.Random(7)
    for _ in range(1000):
        answer = {survey.headline_question.qid: rng.randrange(11)}
        response_store.record(db, survey, answer, language="ja")
    ids = [row[0] for row in db.execute("SELECT id FROM answers WHERE value_num IS NOT NULL"
                                          " ORDER BY random() LIMIT 110")]  # fmt: skip
    db.conn.executemany(
        "UPDATE answers SET value_num = (value_num + 1) % 11 WHERE id = ?",
        [(i,) for i in ids[:100]],
    )
    for answer_id in ids[100:]:
        row = db.execute("SELECT response_id FROM answers WHERE id = ?", [answer_id]).fetchone()
        response_store.delete(db, row[0])
    sc = dashboard.scope(db, survey_id)
    assert sc is not None
    started = time.perf_counter()
    dashboard.headline(db, sc)
    return time.perf_counter() - started


def _same(name: str, koe: object, ceiling: object) -> bool:
    """Whether Koe's result and the ceiling's agree (the counts; the trends, whose
    shapes differ more, are not compared)."""
    if name.startswith("headline"):
        counts = {k: v for k, v in koe.distribution.items() if v}  # type: ignore[attr-defined]
        return counts == dict(ceiling)  # type: ignore[arg-type]
    if name.startswith("breakdown"):
        groups = {g.key: g.tally.n for g in koe}  # type: ignore[attr-defined]
        return groups == {k or "": n for k, n, *_ in ceiling if n}  # type: ignore[attr-defined]
    if name.startswith("this 3 months"):
        this, last = koe  # type: ignore[misc]
        return (this.n, last.n) == (ceiling[0][0][0], ceiling[1][0][0])  # type: ignore[index]
    if name.startswith("funnel"):
        rows = [(r.channel, r.sent, r.opened, r.answered) for r in koe]  # type: ignore[attr-defined]
        return rows == [tuple(r) for r in ceiling]  # type: ignore[attr-defined]
    return True


Row = tuple[str, float, float, float, str]  # name, Koe, plan, replay (seconds), served by


def queries(folder: Path, survey_id: int, qid: int, repeat: int, koe_only: bool) -> list[Row]:
    ceiling = sqlite3.connect(":memory:" if koe_only else str(ceiling_copy(folder)))
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        sc = dashboard.scope(db, survey_id)
        assert sc is not None
        seg = segments.list_all(db)[0].id
        zone = settings_store.workspace_zone(db)  # Asia/Tokyo, as _by_month folds the hours
        since, until = datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 8, 1, tzinfo=UTC)
        # "The last 30 days" as the page asks it: from this second, 30 days ago.
        recent = (datetime(2026, 10, 2, 13, 37, 11, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC))
        start, end = to_text(since), to_text(until)
        before = to_text(since - (until - since))

        def b(sql: str, *params: object) -> list[tuple]:
            return ceiling.execute(sql, params).fetchall()

        tally = "count(*), sum(a.value_num >= 9), sum(a.value_num <= 6)"
        # Each question's answers in response order, each response from its covering index.
        scan = (
            "FROM answers a INDEXED BY answers_question_response JOIN responses r INDEXED BY"
            " c_responses_cover ON r.id = a.response_id WHERE a.question_id = ?"
        )
        # The responses of a range of the survey, each answer from its covering index.
        between = (
            "FROM responses r INDEXED BY responses_survey_created JOIN answers a INDEXED BY"
            " c_answers_rqv ON a.response_id = r.id AND a.question_id = ?"
            " WHERE r.survey_id = ? AND r.created_at >= ? AND r.created_at < ?"
        )
        cases = [
            (
                "headline (distribution)",
                lambda: dashboard.headline(db, sc),
                lambda: b("SELECT value_num, count(*) FROM answers WHERE question_id = ?"
                          " GROUP BY value_num", qid),
            ),
            (
                "headline, channel = sms",
                lambda: dashboard.headline(db, sc, Filters(channel="sms")),
                lambda: b("SELECT a.value_num, count(*) FROM responses r INDEXED BY"
                          " c_responses_channel JOIN answers a INDEXED BY c_answers_rqv"
                          " ON a.response_id = r.id AND a.question_id = ? WHERE r.survey_id = ?"
                          " AND r.channel = 'sms' GROUP BY a.value_num", qid, survey_id),
            ),
            (
                "headline, 3 months",
                lambda: dashboard.headline(db, sc, Filters(since=since, until=until)),
                lambda: b(f"SELECT a.value_num, count(*) {between} GROUP BY a.value_num",
                          qid, survey_id, start, end),
            ),
            (
                "headline, last 30 days",
                lambda: dashboard.headline(db, sc, Filters(*recent)),
                lambda: b(f"SELECT a.value_num, count(*) {between} GROUP BY a.value_num",
                          qid, survey_id, *map(to_text, recent)),
            ),
            (
                "headline, segment store=umeda",
                lambda: dashboard.headline(db, sc, Filters(segment_id=seg)),
                lambda: b("SELECT a.value_num, count(*) FROM contacts c INDEXED BY"
                          " c_contacts_store JOIN deliveries d INDEXED BY deliveries_contact"
                          " ON d.contact_id = c.id JOIN responses r INDEXED BY"
                          " c_responses_delivery ON r.delivery_id = d.id JOIN answers a"
                          " INDEXED BY c_answers_rqv ON a.response_id = r.id AND"
                          " a.question_id = ? WHERE json_extract(c.attributes, '$.store')"
                          " = 'umeda' GROUP BY a.value_num", qid),
            ),
            (
                "trend by month",
                lambda: dashboard.trend(db, sc, unit="month", zone=zone),
                lambda: _by_month(b(f"SELECT substr(r.created_at, 1, 13) k, {tally} {scan}"
                                    " GROUP BY k", qid)),
            ),
            (
                "trend by week",
                lambda: dashboard.trend(db, sc, unit="week", zone=zone),
                # The same hours as by month: only Python's folding differs.
                lambda: b(f"SELECT substr(r.created_at, 1, 13) k, {tally} {scan} GROUP BY k",
                          qid),
            ),
            (
                "breakdown by channel",
                lambda: dashboard.breakdown(db, sc, dashboard.BY_CHANNEL),
                # The responses in channel order (no sort), each answer from its index.
                lambda: b(f"SELECT r.channel, {tally} FROM responses r INDEXED BY"
                          " c_responses_channel JOIN answers a INDEXED BY c_answers_rqv ON"
                          " a.response_id = r.id AND a.question_id = ? WHERE r.survey_id = ?"
                          " GROUP BY r.channel", qid, survey_id),
            ),
            (
                "breakdown by source",
                lambda: dashboard.breakdown(db, sc, dashboard.BY_SOURCE),
                lambda: b(f"SELECT coalesce(r.source, ''), {tally} FROM responses r INDEXED BY"
                          " c_responses_source JOIN answers a INDEXED BY c_answers_rqv ON"
                          " a.response_id = r.id AND a.question_id = ? WHERE r.survey_id = ?"
                          " GROUP BY r.source", qid, survey_id),
            ),
            (
                "breakdown by campaign",
                lambda: dashboard.breakdown(db, sc, dashboard.BY_CAMPAIGN),
                lambda: b(f"SELECT coalesce(c.name, ''), {tally} FROM responses r INDEXED BY"
                          " c_responses_campaign JOIN answers a INDEXED BY c_answers_rqv ON"
                          " a.response_id = r.id AND a.question_id = ? LEFT JOIN deliveries d ON"
                          " d.id = r.delivery_id LEFT JOIN campaigns c ON c.id = d.campaign_id"
                          " WHERE r.survey_id = ? GROUP BY 1", qid, survey_id),
            ),
            (
                "breakdown by store attribute",
                lambda: dashboard.breakdown(db, sc, "attribute:store"),
                lambda: store_breakdown(b, qid),
            ),
            (
                "this 3 months vs the last",
                lambda: dashboard.periods(db, sc, Filters(), since, until),
                lambda: (
                    b(f"SELECT {tally} {between}", qid, survey_id, start, end),
                    b(f"SELECT {tally} {between}", qid, survey_id, before, start),
                ),
            ),
            (
                "funnel by channel",
                lambda: dashboard.funnel(db, (survey_id,)),
                lambda: b("SELECT d.channel, sum(o.sent), sum(d.opened_at IS NOT NULL OR"
                          " d.answered_at IS NOT NULL), sum(d.answered_at IS NOT NULL) FROM"
                          " deliveries d INDEXED BY c_deliveries_funnel JOIN (SELECT delivery_id,"
                          " max(status IN ('sent', 'delivered', 'answered', 'undelivered')) sent"
                          " FROM outbox INDEXED BY c_outbox_invitation WHERE purpose ="
                          " 'invitation' GROUP BY delivery_id) o ON o.delivery_id = d.id"
                          " WHERE d.survey_id = ? AND d.channel != 'link' GROUP BY d.channel",
                          survey_id),
            ),
        ]  # fmt: skip
        rows: list[Row] = []
        for name, koe, bare in cases:
            served = (
                "roll-up" if any("rollup_scores" in sql for sql in _statements(db, koe)) else "scan"
            )
            if koe_only:
                if name.startswith("headline"):
                    koe_s = min(timed(koe, 1) for _ in range(max(repeat, 3)))
                    rows.append((name, koe_s, float("nan"), float("nan"), served))
                continue
            # The ceiling must give the same answer, or it is fast by doing less.
            if not _same(name, koe(), bare()):
                raise SystemExit(f"{name}: the ceiling's answer differs from Koe's")
            # Koe's own plain statements (without roll-ups), replayed on the
            # covering-index copy, are the other candidate: the ceiling is the
            # faster of the two plans, with no Python after it.
            statements = _plain_statements(db, koe)

            def replay(statements: list[str] = statements) -> None:
                for sql in statements:
                    ceiling.execute(sql).fetchall()

            # In turn, best of each: neither gets the warm cache alone. A short query is
            # run until each side has had a second, so the shared machine's hiccups fall out.
            koe_s = plan_s = replay_s = float("inf")
            spent, runs = 0.0, 0
            while runs < repeat or (spent < 2.0 and runs < 50):
                koe_s = min(koe_s, timed(koe, 1))
                plan_s = min(plan_s, timed(bare, 1))
                replay_s = min(replay_s, timed(replay, 1))
                spent += koe_s + plan_s + replay_s
                runs += 1
            rows.append((name, koe_s, plan_s, replay_s, served))
        for days in (0, 90):
            name = f"whole dashboard, {'all time' if not days else f'last {days} days'}"
            koe_s = min(timed(lambda days=days: whole_dashboard(db, survey_id, days), 1)
                        for _ in range(max(repeat, 2)))  # fmt: skip
            rows.append((name, koe_s, float("nan"), float("nan"), "both"))
        rows.append((
            "headline after 1,000 new, 100 edits, 10 deletions",
            after_changes(db, survey_id), float("nan"), float("nan"), "roll-up",
        ))  # fmt: skip
    ceiling.close()
    return rows


def rollups_ready(folder: Path) -> None:
    """Fill the roll-up before the GUI phase, as the migration does for a real workspace."""
    with Workspace.open(folder) as workspace:
        rollups.rebuild(workspace.db())


class _Page:
    """The Results page offscreen on the bench's workspace, driven as a user would:
    load, three filter changes, the Responses tab scrolled to its bottom twenty times
    (a page deep in a million rows costs what the first one does: keyset, not OFFSET),
    the table and the dashboard scrolled step by step. A QTimer firing every 5 ms
    records the gaps between its ticks: a gap is a stall of the GUI event loop."""

    def __init__(self, folder: Path, survey_id: int) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([])
        self.folder, self.survey_id = folder, survey_id
        self.figures: dict[str, float] = {}
        # (phase, ms, the GUI thread's CPU ms, the process's CPU ms) of every gap over 50 ms:
        # a gap with little CPU of the GUI thread is one it spent waiting, for the GIL
        # (a worker running Python) or for a core (a busy machine).
        self.stalls: list[tuple[str, float, float, float]] = []
        self.longest = 0.0
        self.longest_busy = 0.0  # the GUI thread's most CPU time between two ticks
        self.phase = "show"
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.elapsed()
        self._cpu = (time.thread_time(), time.process_time())
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.elapsed()
        cpu = (time.thread_time(), time.process_time())
        gap = now - self._last
        self.longest = max(self.longest, gap)
        spent = ((cpu[0] - self._cpu[0]) * 1000, (cpu[1] - self._cpu[1]) * 1000)
        self.longest_busy = max(self.longest_busy, spent[0])
        if gap > 50:
            self.stalls.append((self.phase, gap, *spent))
        self._last, self._cpu = now, cpu

    def wait(self, predicate, limit: float = 600.0) -> float:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        while not predicate():
            self.app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - started > limit:
                raise TimeoutError(self.phase)
        return time.perf_counter() - started

    def _scroll_while(self, table, busy) -> None:  # type: ignore[no-untyped-def]
        """Scroll ``table`` a screen at a time, down and up again, while ``busy()``."""
        bar, step = table.verticalScrollBar(), 1
        while busy():
            if not bar.minimum() < bar.value() + step * bar.pageStep() < bar.maximum():
                step = -step
            bar.setValue(bar.value() + step * bar.pageStep())
            self.app.processEvents()
            time.sleep(0.005)  # a hand on the wheel, not a loop

    def run(self) -> dict[str, float]:
        from ui.common.worker import DbWorker
        from ui.context import AppContext
        from ui.results.page import ResultsPage

        workspace = Workspace.open(self.folder)
        worker = DbWorker(workspace)
        context = AppContext(workspace, worker)
        self._timer.start()
        # The machine's own noise: the longest gap of the same timer in an idle event
        # loop, no page at all (on a shared, loaded machine it is far from 5 ms).
        self.phase = "idle"
        self._last, self._cpu = self._clock.elapsed(), (time.thread_time(), time.process_time())
        until = time.perf_counter() + 5
        self.wait(lambda: time.perf_counter() > until)
        self.figures["idle_longest_stall_ms"] = self.longest
        started = time.perf_counter()
        page = ResultsPage(context)
        page.resize(1200, 900)
        page.show()
        self.app.processEvents()
        # Building and first painting the page's widgets is one stall of its own,
        # reported apart from the stalls while the queries run.
        self.figures["first_show_ms"] = (time.perf_counter() - started) * 1000
        self.longest, self.longest_busy, self.stalls = 0.0, 0.0, []
        self._last, self._cpu = self._clock.elapsed(), (time.thread_time(), time.process_time())
        self.phase = "load"
        page.select_survey(self.survey_id)
        # The headline on screen (pages that show each part as it comes say so).
        shown = getattr(page, "headline_shown", lambda: page.results() is not None)
        self.figures["load_headline_s"] = self.wait(shown)
        self.wait(lambda: page.results() is not None and worker.pending == 0)
        self.figures["load_all_s"] = time.perf_counter() - started
        for name, filters in (
            ("filter_channel", Filters(channel="sms")),
            ("filter_months", Filters(since=datetime(2026, 5, 1, tzinfo=UTC))),
            ("filter_none", Filters()),
        ):
            started = time.perf_counter()
            self.phase = name
            page.apply_filters(filters)
            self.figures[f"{name}_headline_s"] = self.wait(shown)
            self.wait(lambda: worker.pending == 0 and not page.busy())
            self.figures[f"{name}_all_s"] = time.perf_counter() - started
        started = time.perf_counter()
        self.phase = "responses"
        view = page.responses
        model, table = view.model, view.table
        page.results_view.setCurrentWidget(view)
        self.wait(lambda: model.rowCount() > 0 and not model.fetching)
        for _ in range(20):
            rows = model.rowCount()
            table.scrollToBottom()
            # (canFetchMore is False while a page is on its way: wait for it to land.)
            self.wait(
                lambda rows=rows: (
                    not model.fetching and (model.rowCount() > rows or not model.canFetchMore())
                )
            )
        self.figures["responses_pages_s"] = time.perf_counter() - started
        self.figures["responses_rows_loaded"] = model.rowCount()
        # Filters changed while the user scrolls the table: the dashboard's queries
        # run on the worker meanwhile (their Python and the GUI's share one GIL).
        for name, filters in (
            ("scroll_filter_sms", Filters(channel="sms")),
            ("scroll_filter_none", Filters()),
        ):
            started = time.perf_counter()
            self.phase = name
            page.apply_filters(filters)
            self._scroll_while(table, lambda: page.busy() or worker.pending > 0)
            self.figures[f"{name}_all_s"] = time.perf_counter() - started
        self.phase = "scrolling"
        # The table back to its top a screen at a time, then the dashboard down and up.
        bar = table.verticalScrollBar()
        while bar.value() > 0:
            bar.setValue(bar.value() - bar.pageStep())
            self.app.processEvents()
        page.results_view.setCurrentWidget(page.dashboard_view)
        bar = page.dashboard_view.verticalScrollBar()
        self.app.processEvents()
        for value in [*range(0, bar.maximum() + 1, 40), *range(bar.maximum(), -1, -40)]:
            bar.setValue(value)
            self.app.processEvents()
        self._timer.stop()
        self.figures["longest_stall_ms"] = self.longest
        self.figures["stalls_over_50_ms"] = len(self.stalls)
        # The part of a stall that is the GUI thread's own work, whatever the machine's load.
        self.figures["longest_gui_thread_cpu_ms"] = self.longest_busy
        self.figures["load_average"] = os.getloadavg()[0]
        page.close()
        self.wait(lambda: worker.pending == 0)
        worker.stop()
        workspace.close()
        return self.figures


def gui_stalls(folder: Path, survey_id: int) -> dict[str, float]:
    """The longest stall of the page's event loop (no tracemalloc: it slows every
    allocation and would stretch the stalls it measures)."""
    page = _Page(folder, survey_id)
    figures = page.run()
    for phase, gap, gui_cpu, all_cpu in page.stalls:
        print(
            f"  a stall of {gap:.0f} ms while {phase} (CPU: GUI thread {gui_cpu:.0f} ms,"
            f" all threads {all_cpu:.0f} ms)"
        )
    return figures


def gui_memory(folder: Path, survey_id: int) -> dict[str, float]:
    """The same session for memory: the process's peak resident set (getrusage; the
    process does nothing else) and the peak of Python's own allocations (tracemalloc)."""
    tracemalloc.start()
    figures = _Page(folder, survey_id).run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    keep = ("load_all_s", "responses_rows_loaded")
    figures = {f"memory_phase_{key}": value for key, value in figures.items() if key in keep}
    figures["python_peak_mb"] = peak / 1e6
    figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def workspace_at(folder: Path, count: int) -> tuple[int, int]:
    """(survey id, question id) of the bench's workspace in ``folder``: the one built
    there before for the same ``count`` (``--workspace``: a million responses take
    minutes to build), or a new one."""
    stamp = folder / "bench.json"
    if stamp.exists():
        known = json.loads(stamp.read_text())
        if known["responses"] == count:
            print(f"reusing the workspace of {count:,} responses in {folder}")
            return known["survey_id"], known["qid"]
        raise SystemExit(f"{folder} holds {known['responses']:,} responses, not {count:,}")
    if any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty and holds no bench workspace")
    started = time.perf_counter()
    survey_id, qid = build(folder, count)
    size = (folder / "koe.sqlite3").stat().st_size / 1e6
    print(f"built {count:,} responses in {time.perf_counter() - started:.1f} s ({size:.0f} MB)")
    stamp.write_text(json.dumps({"responses": count, "survey_id": survey_id, "qid": qid}))
    return survey_id, qid


def run(folder: Path, arguments: argparse.Namespace) -> None:
    count = arguments.responses
    survey_id, qid = workspace_at(folder, count)
    if not (arguments.gui_only or os.environ.get("KOE_BENCH_GUI_ONLY")):
        opened, fill = migrate(folder)
        print(f"opened as a workspace made before roll-ups (backup, migration, roll-up fill):"
              f" {opened:.1f} s; the roll-up's fill alone: {fill:.1f} s")  # fmt: skip
        print(f"{'query':50} {'koe ms':>8} {'plan ms':>8} {'replay ms':>9} {'ratio':>6}"
              f" {'goal ms':>7}  served by")  # fmt: skip
        headline_goal = 200 if count <= 1_000_000 else 1000
        beaten = compared = 0
        goals_met = True
        rows = queries(folder, survey_id, qid, max(1, arguments.repeat), arguments.koe_only)
        for name, koe, plan, replay, served in rows:
            ceiling = min(plan, replay)
            goal = headline_goal if name.startswith("headline") else 1000
            met = koe * 1000 <= goal
            goals_met &= met
            if ceiling == ceiling:  # not NaN: a ceiling was timed
                compared += 1
                beaten += koe < ceiling
            ratio = f"{koe / ceiling:6.2f}" if ceiling == ceiling else f"{'-':>6}"
            print(f"{name:50} {koe * 1000:8.1f} {plan * 1000:8.1f} {replay * 1000:9.1f} {ratio}"
                  f" {goal:7d}  {served}{'' if met else '  GOAL MISSED'}")  # fmt: skip
        print(
            "(plan: SQL written for covering indexes; replay: Koe's own plain statements,"
            " without roll-ups, on the indexed copy; ratio: Koe / the faster of the two,"
            " below 1 when Koe beats the ceiling; goal: each headline ≤"
            f" {headline_goal} ms, everything else ≤ 1000 ms; served by: the roll-up, or"
            " an indexed scan where it cannot answer)"
        )
        print(f"Koe faster than the covering-index ceiling on {beaten} of {compared} queries;"
              f" every goal met: {goals_met}; load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    if arguments.no_gui or arguments.koe_only:
        return
    rollups_ready(folder)  # as the migration leaves a real workspace
    for phase in ("stalls", "memory"):
        # Each phase in a process of its own: the build's memory is not the page's,
        # and the memory phase's tracemalloc does not slow the stall phase.
        done = subprocess.run(
            [sys.executable, __file__, "--phase", phase, "--workspace", str(folder),
             "--responses", str(count)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            raise SystemExit(f"the GUI's {phase} phase failed:\n{done.stderr}")
        print(done.stdout, end="")
    print(f"load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="The Results page's queries on N responses against covering-index SQL"
        " (the ceiling), then the page's GUI stalls and memory."
    )
    parser.add_argument(
        "--responses", type=int, default=1_000_000, help="responses built (default 1,000,000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query; best shown")
    parser.add_argument("--no-gui", action="store_true", help="the queries only")
    parser.add_argument("--gui-only", action="store_true", help="the GUI phases only")
    parser.add_argument(
        "--koe-only",
        action="store_true",
        help="Koe's headline and whole-dashboard times only, without the ceiling's copy"
        " (for --responses 10000000)",
    )
    parser.add_argument(
        "--workspace",
        type=Path,
        help="a folder to build the workspace in and reuse on later runs (default: a"
        " temporary one, removed afterwards)",
    )
    parser.add_argument(
        "--phase", choices=("stalls", "memory"), help="one GUI phase only, on --workspace"
    )
    arguments = parser.parse_args()
    if arguments.phase:
        if arguments.workspace is None:
            parser.error("--phase needs --workspace")
        survey_id, _qid = workspace_at(arguments.workspace, arguments.responses)
        if arguments.phase == "stalls":
            figures = gui_stalls(arguments.workspace, survey_id)
        else:
            figures = gui_memory(arguments.workspace, survey_id)
        for key, value in figures.items():
            print(f"{key:34} {value:9.1f}")
        return
    if arguments.workspace is not None:
        arguments.workspace.mkdir(parents=True, exist_ok=True)
        run(arguments.workspace, arguments)
        return
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        run(Path(tmp), arguments)


if __name__ == "__main__":
    main()
