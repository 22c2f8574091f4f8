"""The respondent site's one writer: answers committed together, each told only its own fate.

Each test holds the writer on a first job while the next answers queue, so that
they are taken as one group (one transaction), then lets it go: what each
caller is told must be what the file holds afterwards.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future

import pytest
from sqlite_utils import Database

from storage import responses as response_store
from storage.database import write_refused
from storage.group_commit import GroupCommit
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey


def _answer(survey: Survey, comment: str) -> Callable[[Database], int]:
    return lambda db: response_store.record(
        db, survey, {"nps": 9, "reason": comment}, language="en"
    )


def _grouped(writer: GroupCommit, jobs: list[Callable[[Database], object]]) -> list[Future]:
    """Submit ``jobs`` while the writer is busy, so that they make one group."""
    busy, go = threading.Event(), threading.Event()

    def hold(_db: Database) -> None:
        busy.set()
        assert go.wait(10)

    first = writer.submit(hold)
    assert busy.wait(10)
    futures = [writer.submit(job) for job in jobs]
    go.set()
    first.result(10)
    for future in futures:
        future.exception(10)  # wait for each, whatever its outcome
    return futures


def _comments(workspace: Workspace) -> list[str]:
    return [
        row[0]
        for row in workspace.db().execute(
            "SELECT a.value_text FROM answers a JOIN questions q ON q.id = a.question_id"
            " WHERE q.qid = 'reason' ORDER BY a.response_id"
        )
    ]


def _half_written(workspace: Workspace) -> int:
    """Responses stored without both of their answers."""
    return (
        workspace.db()
        .execute(
            "SELECT count(*) FROM responses r WHERE (SELECT count(*) FROM answers a"
            " WHERE a.response_id = r.id) <> 2"
        )
        .fetchone()[0]
    )


def test_a_malformed_answer_in_a_group_fails_alone(workspace: Workspace):
    survey = make_survey(workspace, "nps")
    writer = workspace.writer()

    def malformed(db: Database) -> int:
        # Its response row is written before the unknown question is found.
        return response_store.record(db, survey, {"nps": 3, "no_such_question": "x"}, language="en")

    jobs = [_answer(survey, "first"), malformed, _answer(survey, "third")]
    futures = _grouped(writer, jobs)

    assert isinstance(futures[1].exception(), KeyError)
    ids = [futures[0].result(), futures[2].result()]
    assert len(set(ids)) == 2
    assert _comments(workspace) == ["first", "third"]
    assert _half_written(workspace) == 0
    assert writer.groups == 2  # the held job, then the three together


def test_a_failed_commit_tells_no_one_their_answer_was_kept_by_it(workspace: Workspace):
    """COMMIT itself refuses (a deferred foreign key): the group is rolled back whole,
    then each answer is written alone, so the one at fault fails and the others are kept."""
    survey = make_survey(workspace, "nps")
    writer = workspace.writer()

    def dangling(db: Database) -> None:
        db.execute("PRAGMA defer_foreign_keys = ON")
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_num) VALUES (999999, 1, 5)"
        )

    futures = _grouped(writer, [_answer(survey, "kept 1"), dangling, _answer(survey, "kept 2")])

    assert isinstance(futures[1].exception(), sqlite3.IntegrityError)
    assert futures[0].exception() is None and futures[2].exception() is None
    assert _comments(workspace) == ["kept 1", "kept 2"]
    assert workspace.db().execute("SELECT count(*) FROM answers").fetchone()[0] == 4


def test_a_transaction_ended_by_one_answer_costs_the_others_nothing(workspace: Workspace):
    """SQLite may end the whole transaction on an error (an I/O error, say): the answers
    written before it in the group are written again, alone, and kept."""
    survey = make_survey(workspace, "nps")
    writer = workspace.writer()

    def ends_everything(db: Database) -> None:
        db.conn.rollback()
        raise sqlite3.DatabaseError("the transaction was rolled back")

    futures = _grouped(
        writer, [_answer(survey, "before"), ends_everything, _answer(survey, "after")]
    )

    assert isinstance(futures[1].exception(), sqlite3.DatabaseError)
    assert [futures[0].exception(), futures[2].exception()] == [None, None]
    assert _comments(workspace) == ["before", "after"]
    assert _half_written(workspace) == 0


def test_when_the_file_cannot_be_written_every_answer_of_the_group_is_told(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
):
    """Another program holds the write lock past the busy timeout: nobody is told
    their answer was kept, and nothing of theirs is."""
    from storage import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    survey = make_survey(workspace, "nps")
    writer = GroupCommit(workspace.db_path)  # its connection takes the short timeout
    blocker = sqlite3.connect(str(workspace.db_path))
    blocker.execute("BEGIN IMMEDIATE")
    try:
        futures = [writer.submit(_answer(survey, f"answer {n}")) for n in range(5)]
        errors = [future.exception(10) for future in futures]
    finally:
        blocker.rollback()
        blocker.close()
    try:
        assert all(isinstance(e, sqlite3.OperationalError) and write_refused(e) for e in errors)
        assert _comments(workspace) == []
        # Free again, the writer takes answers as before.
        writer.run(_answer(survey, "later"))
        assert _comments(workspace) == ["later"]
    finally:
        writer.close()


def test_close_finishes_the_answers_queued(workspace: Workspace):
    survey = make_survey(workspace, "nps")
    writer = GroupCommit(workspace.db_path)
    futures = [writer.submit(_answer(survey, f"answer {n}")) for n in range(20)]
    writer.close()
    assert all(future.done() and future.exception() is None for future in futures)
    assert len(_comments(workspace)) == 20


def test_failing_housekeeping_never_costs_an_answer(workspace: Workspace) -> None:
    survey = make_survey(workspace, "nps")
    calls: list[bool] = []

    def broken(_db: Database, quiet: bool) -> bool:
        calls.append(quiet)
        raise sqlite3.OperationalError("disk I/O error")

    writer = GroupCommit(workspace.db_path, idle=broken, quiet=0.01)
    try:
        first = writer.run(_answer(survey, "first"))
        second = writer.run(_answer(survey, "second"))
    finally:
        writer.close()
    assert calls  # it was asked to run, and failed each time
    kept = workspace.db().execute("SELECT id FROM responses ORDER BY id").fetchall()
    assert [row[0] for row in kept] == [first, second]
