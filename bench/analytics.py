"""The dashboard on a million responses: query times against bare SQL, GUI stalls, memory.

Run: ``uv run python bench/analytics.py [N]`` (N defaults to 1,000,000).

1. Builds a workspace with an NPS survey and N responses (bulk inserts in
   one transaction: 40% through SMS/email deliveries of two campaigns to
   contacts with a ``store`` attribute, the rest anonymous link answers with
   a source tag), spread over a year.
2. Times each dashboard query (``storage.dashboard``) against the bare SQL
   aggregate that answers the same question, on the same file, in the same run.
3. Opens the Results page offscreen on that workspace, lets it load, then
   applies filters, while a QTimer firing every 5 ms records the largest gap
   between its ticks: the longest stall of the GUI event loop (goal < 100 ms).
   Peak memory is the process's maximum resident set (getrusage) and the peak
   of Python allocations (tracemalloc) during that phase.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
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
from storage import dashboard, segments  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.dashboard import Filters  # noqa: E402
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


def queries(folder: Path, survey_id: int, qid: int) -> list[tuple[str, float, float]]:
    bare = sqlite3.connect(str(folder / "koe.sqlite3"))
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        sc = dashboard.scope(db, survey_id)
        assert sc is not None
        seg = segments.list_all(db)[0].id
        since, until = datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 8, 1, tzinfo=UTC)

        def b(sql: str, *params: object) -> object:
            return bare.execute(sql, params).fetchall()

        join = "FROM answers a JOIN responses r ON r.id = a.response_id WHERE a.question_id = ?"
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
                lambda: b(f"SELECT a.value_num, count(*) {join} AND r.channel = 'sms'"
                          " GROUP BY a.value_num", qid),
            ),
            (
                "headline, 3 months",
                lambda: dashboard.headline(db, sc, Filters(since=since, until=until)),
                lambda: b(f"SELECT a.value_num, count(*) {join} AND r.created_at >= ?"
                          " AND r.created_at < ? GROUP BY a.value_num",
                          qid, since.isoformat(), until.isoformat()),
            ),
            (
                "headline, segment store=umeda",
                lambda: dashboard.headline(db, sc, Filters(segment_id=seg)),
                lambda: b("SELECT a.value_num, count(*) FROM answers a JOIN responses r"
                          " ON r.id = a.response_id JOIN deliveries d ON d.id = r.delivery_id"
                          " JOIN contacts c ON c.id = d.contact_id WHERE a.question_id = ?"
                          " AND json_extract(c.attributes, '$.store') = 'umeda'"
                          " GROUP BY a.value_num", qid),
            ),
            (
                "trend by month",
                lambda: dashboard.trend(db, sc, unit="month"),
                lambda: b(f"SELECT substr(r.created_at, 1, 7) k, count(*), sum(a.value_num >= 9),"
                          f" sum(a.value_num <= 6) {join} GROUP BY k", qid),
            ),
            (
                "trend by week",
                lambda: dashboard.trend(db, sc, unit="week"),
                lambda: b(f"SELECT strftime('%Y-%W', r.created_at) k, count(*),"
                          f" sum(a.value_num >= 9), sum(a.value_num <= 6) {join} GROUP BY k", qid),
            ),
            (
                "breakdown by channel",
                lambda: dashboard.breakdown(db, sc, dashboard.BY_CHANNEL),
                lambda: b(f"SELECT r.channel, count(*), sum(a.value_num >= 9),"
                          f" sum(a.value_num <= 6) {join} GROUP BY r.channel", qid),
            ),
            (
                "breakdown by store attribute",
                lambda: dashboard.breakdown(db, sc, "attribute:store"),
                lambda: b("SELECT json_extract(c.attributes, '$.store') k, count(*),"
                          " sum(a.value_num >= 9), sum(a.value_num <= 6) FROM answers a"
                          " JOIN responses r ON r.id = a.response_id LEFT JOIN deliveries d"
                          " ON d.id = r.delivery_id LEFT JOIN contacts c ON c.id = d.contact_id"
                          " WHERE a.question_id = ? GROUP BY k", qid),
            ),
            (
                "this 3 months vs the last",
                lambda: dashboard.periods(db, sc, Filters(), since, until),
                lambda: (
                    b(f"SELECT count(*), sum(a.value_num >= 9) {join} AND r.created_at >= ?"
                      " AND r.created_at < ?", qid, since.isoformat(), until.isoformat()),
                    b(f"SELECT count(*), sum(a.value_num >= 9) {join} AND r.created_at >= ?"
                      " AND r.created_at < ?", qid, (since - (until - since)).isoformat(),
                      since.isoformat()),
                ),
            ),
            (
                "funnel by channel",
                lambda: dashboard.funnel(db, (survey_id,)),
                lambda: b("SELECT d.channel, count(*), sum(d.opened_at IS NOT NULL),"
                          " sum(d.answered_at IS NOT NULL) FROM deliveries d JOIN outbox o"
                          " ON o.delivery_id = d.id AND o.purpose = 'invitation'"
                          " WHERE d.survey_id = ? GROUP BY d.channel", survey_id),
            ),
        ]  # fmt: skip
        rows = [(name, timed(koe), timed(ceiling)) for name, koe, ceiling in cases]
    bare.close()
    return rows


def gui(folder: Path, survey_id: int) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.common.worker import DbWorker
    from ui.context import AppContext
    from ui.results.page import ResultsPage

    app = QApplication.instance() or QApplication([])
    tracemalloc.start()
    workspace = Workspace.open(folder)
    worker = DbWorker(workspace)
    context = AppContext(workspace, worker)
    gaps = {"max": 0.0}
    phase = {"now": "show"}
    long_gaps: list[tuple[str, float]] = []
    clock = QElapsedTimer()
    clock.start()
    last = {"t": clock.elapsed()}

    def tick() -> None:
        now = clock.elapsed()
        gaps["max"] = max(gaps["max"], now - last["t"])
        if now - last["t"] > 50:
            long_gaps.append((phase["now"], now - last["t"]))
        last["t"] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()

    def wait(predicate, limit: float = 300.0) -> float:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        while not predicate():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - started > limit:
                raise TimeoutError
        return time.perf_counter() - started

    started = time.perf_counter()
    page = ResultsPage(context)
    page.resize(1200, 900)
    page.show()
    app.processEvents()
    # Building and first painting the page's widgets is one stall of its own,
    # reported apart from the stalls while the queries run.
    figures = {"first_show_ms": (time.perf_counter() - started) * 1000}
    gaps["max"] = 0.0
    last["t"] = clock.elapsed()
    phase["now"] = "load"
    page.select_survey(survey_id)
    wait(lambda: page.results() is not None and worker.pending == 0)
    load = time.perf_counter() - started
    figures["load_s"] = load
    apply = getattr(page, "apply_filters", None)
    if apply is not None:
        for name, filters in (
            ("filter_channel_s", Filters(channel="sms")),
            ("filter_months_s", Filters(since=datetime(2026, 5, 1, tzinfo=UTC))),
            ("filter_none_s", Filters()),
        ):
            started = time.perf_counter()
            phase["now"] = name
            apply(filters)
            wait(lambda: worker.pending == 0 and not page.busy())
            figures[name] = time.perf_counter() - started
    responses_view = getattr(page, "responses", None)
    if responses_view is not None:
        # The Responses tab: its first page, then twenty more as the user drags
        # the scroll bar to the bottom again and again (a page deep in a million
        # rows must cost what the first one does: keyset, not OFFSET).
        started = time.perf_counter()
        phase["now"] = "responses"
        model, table = responses_view.model, responses_view.table
        page.results_view.setCurrentWidget(responses_view)
        wait(lambda: model.rowCount() > 0 and not model.fetching)
        for _ in range(20):
            rows = model.rowCount()
            table.scrollToBottom()
            # (canFetchMore is False while a page is on its way: wait for it to land.)
            wait(
                lambda rows=rows: (
                    not model.fetching and (model.rowCount() > rows or not model.canFetchMore())
                )
            )
        figures["responses_pages_s"] = time.perf_counter() - started
        figures["responses_rows_loaded"] = model.rowCount()
    for _ in range(20):  # scrolling: repaint the page while idle
        page.scroll(0, 0)
        app.processEvents()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timer.stop()
    figures["longest_stall_after_show_ms"] = gaps["max"]
    for name, gap in long_gaps:
        print(f"  a stall of {gap:.0f} ms while {name}")
    figures["python_peak_mb"] = peak / 1e6
    figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    page.close()
    wait(lambda: worker.pending == 0)
    worker.stop()
    workspace.close()
    return figures


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        survey_id, qid = build(folder, count)
        if os.environ.get("KOE_BENCH_GUI_ONLY"):
            print(gui(folder, survey_id))
            return
        size = (folder / "koe.sqlite3").stat().st_size / 1e6
        print(f"built {count:,} responses in {time.perf_counter() - started:.1f} s ({size:.0f} MB)")
        print(f"{'query':34} {'koe ms':>9} {'bare ms':>9} {'ratio':>6}")
        for name, koe, ceiling in queries(folder, survey_id, qid):
            print(f"{name:34} {koe * 1000:9.1f} {ceiling * 1000:9.1f} {koe / ceiling:6.2f}")
        for key, value in gui(folder, survey_id).items():
            print(f"{key:34} {value:9.1f}")


if __name__ == "__main__":
    main()
