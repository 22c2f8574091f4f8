"""A reply sent once the workspace's writer has committed the answer it waits for.

An answer post used to keep its page thread asleep until the writer's group
committed (storage.group_commit), and to wake it only to return a redirect.
Here the page thread hands the write over and goes on to the next request at
once (web.page_threads); the event loop waits for the commit, with no thread
asleep on it, and only then answers the respondent, so an answer acknowledged
is still an answer kept.

The writer settles a whole group at once: the outcomes reach the event loop in
one wake-up for all that arrive together (``_Wakeups``), not one per answer.

``done(result)`` runs on the event loop: it only builds the reply (a redirect),
never reads or writes. ``failed(error)`` runs on a page thread, as the endpoint
did: it may read, write again or render the page that says "not saved".
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from web import page_threads

T = TypeVar("T")


class _Wakeups:
    """Commit outcomes handed to one event loop, in one wake-up for all that arrive
    together (the writer sets a group's results one after another)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._guard = threading.Lock()
        self._ready: list[tuple[asyncio.Future[Any], Future[Any]]] = []
        self._scheduled = False

    def settle(self, waiter: asyncio.Future[Any], outcome: Future[Any]) -> None:
        """Called on the writer's thread (or the loop's) once ``outcome`` is done."""
        with self._guard:
            self._ready.append((waiter, outcome))
            if self._scheduled:
                return
            self._scheduled = True
        self.loop.call_soon_threadsafe(self._drain)

    def _drain(self) -> None:
        with self._guard:
            ready, self._ready = self._ready, []
            self._scheduled = False
        for waiter, outcome in ready:
            if waiter.done():  # the request was cancelled meanwhile
                continue
            error = outcome.exception()
            if error is None:
                waiter.set_result(outcome.result())
            else:
                waiter.set_exception(error)


_wakeups: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Wakeups] = (
    weakref.WeakKeyDictionary()
)
_wakeups_guard = threading.Lock()


def _wakeups_of(loop: asyncio.AbstractEventLoop) -> _Wakeups:
    with _wakeups_guard:
        found = _wakeups.get(loop)
        if found is None:
            found = _wakeups[loop] = _Wakeups(loop)
        return found


async def committed(outcome: Future[T]) -> T:
    """``outcome``'s result, awaited on the running loop."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[T] = loop.create_future()
    wakeups = _wakeups_of(loop)
    outcome.add_done_callback(lambda done: wakeups.settle(waiter, done))
    return await waiter


class AfterCommit(Response, Generic[T]):
    """The reply ``done`` or ``failed`` makes of ``outcome``."""

    def __init__(
        self,
        outcome: Future[T],
        done: Callable[[T], Response],
        failed: Callable[[Exception], Response],
    ) -> None:
        super().__init__(status_code=500)  # never sent: the reply is the one made below
        self.outcome = outcome
        self.done = done
        self.failed = failed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        reply: Response
        try:
            result: Any = await committed(self.outcome)
        except Exception as error:
            reply = await page_threads.run(self.failed, error)
        else:
            reply = self.done(result)
        await reply(scope, receive, send)
