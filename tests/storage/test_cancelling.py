"""A query the Results page no longer wants stops half-way (storage.cancelling)."""

from __future__ import annotations

import threading

import pytest

from storage.cancelling import Cancelled, cancellable

# Counts to a billion: minutes of work, unless something stops it.
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
    " SELECT count(*) FROM n"
)


def test_a_cancelled_query_stops_and_the_connection_stays_usable(workspace):
    db = workspace.db()
    cancel = threading.Event()
    started = threading.Event()

    def cancel_once_running() -> None:
        started.wait()
        cancel.set()

    def cancelled() -> bool:
        started.set()  # SQLite asks while the query runs
        return cancel.is_set()

    threading.Thread(target=cancel_once_running).start()
    with pytest.raises(Cancelled), cancellable(db, cancelled):
        db.execute(ENDLESS).fetchall()
    # Other work on the same connection is not interrupted afterwards.
    assert db.execute("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2)").fetchone() == (2,)


def test_a_query_cancelled_before_it_starts_does_not_run(workspace):
    db = workspace.db()
    ran = []
    with pytest.raises(Cancelled), cancellable(db, lambda: True):
        ran.append(db.execute("SELECT 1").fetchone())
    assert ran == []


def test_a_query_not_cancelled_returns_its_rows(workspace):
    db = workspace.db()
    with cancellable(db, lambda: False):
        rows = db.execute("SELECT 1 UNION ALL SELECT 2").fetchall()
    assert rows == [(1,), (2,)]


def test_other_errors_pass_through(workspace):
    db = workspace.db()
    with pytest.raises(Exception, match="no such table"), cancellable(db, lambda: False):
        db.execute("SELECT * FROM nowhere")
