"""The threads the site's pages run on: one pool, one queue.

The page endpoints are plain ``def`` (they read SQLite, which blocks), so each
request runs on a worker thread. Starlette hands such endpoints to AnyIO's
threads, which wake one sleeping thread per request and put it back to sleep
after: under a busy minute's answers that made 7.8 thread switches per answer.
Here the endpoints run on a ``ThreadPoolExecutor``: its threads take the next
request from one shared queue without sleeping in between while requests keep
coming, which halved the switches (4.4 per answer) and took 10–16% more answers
per second on the same core (issue 18, bench/collector.py).

The sync API's steps and the 413 page run there too (``run``). Every site in
the process shares the pool: the desktop runs one, tests start many, and idle
threads stay for the next request rather than one pool each. As with AnyIO's,
at most ``THREADS`` requests run at once; the others wait in the queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from storage.site_cache import SiteCache

R = TypeVar("R")

THREADS = 40  # AnyIO's default for Starlette's threads, kept

Endpoint = Callable[[Request], Response]
PageEndpoint = Callable[[Request], Awaitable[Response]]

_pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="koe-page")


async def run(work: Callable[..., R], *arguments: Any) -> R:
    """``work(*arguments)`` on the pool, awaited on the running loop."""
    return await asyncio.get_running_loop().run_in_executor(_pool, work, *arguments)


def on_page_threads(cache: SiteCache, endpoint: Endpoint) -> PageEndpoint:
    """``endpoint`` run on the pool, reading ``cache``'s version once (storage.site_cache)."""

    def looked(request: Request) -> Response:
        with cache.one_look():
            return endpoint(request)

    async def page(request: Request) -> Response:
        return await run(looked, request)

    page.__name__ = getattr(endpoint, "__name__", "page")
    page.__doc__ = endpoint.__doc__
    return page
