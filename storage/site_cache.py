"""What the respondent site reads on every request, kept in memory until it changes.

Every answer post needs the settings (rate limit, proxies, the business's name),
the logo and the survey with its questions; read and rebuilt on each post they
were a fifth of its time. They change rarely, and from other programs too (the
desktop, ``koe-cli``, a sync), so the cache is not timed: the ``site_version``
row, which triggers move in the same transaction as any change to settings,
surveys, questions or the logo (storage.schema), is read once per look (one
indexed row), and a different number empties the cache. A change is seen by the
very next request, as when everything was read afresh. Within ``one_look`` (the
site wraps each request in one) the number is read once, at the first ``get``:
a post needs the settings, the survey and the site, one read instead of three.

Values are shared between threads: keep only immutable ones (frozen dataclasses),
or ones nobody changes (a ``Survey`` as the site uses it).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from sqlite_utils import Database

T = TypeVar("T")


def site_version(db: Database) -> int:
    """The number the triggers move on every change the site's cache depends on."""
    row = db.conn.execute("SELECT n FROM site_version WHERE id = 1").fetchone()
    return int(row[0]) if row else -1


class SiteCache:
    """Values made from the database by ``make(db)``, by key, while ``site_version`` holds."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._version = -1
        self._values: dict[Hashable, Any] = {}
        self._looks = threading.local()  # this thread's look: the version it read, if any

    @contextlib.contextmanager
    def one_look(self) -> Iterator[None]:
        """Within, this thread reads the version once (one request sees one state)."""
        self._looks.active, self._looks.version = True, None
        try:
            yield
        finally:
            self._looks.active, self._looks.version = False, None

    def _version_now(self, db: Database) -> int:
        if not getattr(self._looks, "active", False):
            return site_version(db)
        if self._looks.version is None:
            self._looks.version = site_version(db)
        return int(self._looks.version)

    def get(self, db: Database, key: Hashable, make: Callable[[Database], T]) -> T:
        """``make(db)``'s value for ``key``, made again once anything it reads changed.

        A value of None (a survey not found) is not kept: links that do not exist
        must not fill the memory.
        """
        version = self._version_now(db)
        if version < 0:  # a file without the counter (never migrated): nothing is kept
            return make(db)
        with self._guard:
            if version == self._version and key in self._values:
                return self._values[key]
            if version > self._version:
                self._values = {}
                self._version = version
        # Made outside the lock: two threads may make the same value once, never a stale one
        # (the value is read after the version, so it is at least as new).
        value = make(db)
        if value is not None:
            with self._guard:
                if version == self._version:
                    self._values[key] = value
        return value
