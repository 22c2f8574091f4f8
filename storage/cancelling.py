"""Queries that stop half-way when their answer is no longer wanted.

The Results page asks for a dashboard part under one filter; the user picks
another before it is done. ``cancellable`` lets such a query give up at once
instead of finishing work nobody will see: SQLite calls a progress handler
every few thousand virtual-machine steps, the handler asks whether the query
was cancelled, and a yes interrupts the statement (``Cancelled`` is raised).
The handler is set only for the duration of the block, so other work on the
same connection (a write, another page's query) is never interrupted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlite_utils import Database

# SQLite's virtual-machine steps between two looks at the flag: a few
# milliseconds of work (80-150 million steps a second here). Each look takes
# the GIL for a moment, so not much more often: the GUI thread wants it too.
STEPS = 200_000


class Cancelled(Exception):
    """The query was cancelled before it finished."""


@contextmanager
def cancellable(db: Database, cancelled: Callable[[], bool]) -> Iterator[None]:
    """Run the block's queries on ``db`` until ``cancelled()`` turns true.

    Raises ``Cancelled`` when it did (also when it was true from the start).
    """
    if cancelled():
        raise Cancelled
    conn: sqlite3.Connection = db.conn
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, STEPS)
    try:
        yield
    except sqlite3.OperationalError as error:
        if cancelled() and "interrupt" in str(error):
            raise Cancelled from error
        raise
    finally:
        conn.set_progress_handler(None, 0)
    if cancelled():
        raise Cancelled  # between two statements: the block's result is stale all the same
