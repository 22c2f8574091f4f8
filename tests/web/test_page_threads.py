"""Pages run on the site's pool of threads: a slow one never holds up the others."""

from __future__ import annotations

import asyncio
import threading

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from storage.site_cache import SiteCache
from web.page_threads import on_page_threads


def test_a_slow_page_does_not_hold_up_the_next_request() -> None:
    release = threading.Event()
    loop_threads: list[int] = []
    page_threads: list[int] = []

    def slow(_request: Request) -> Response:
        page_threads.append(threading.get_ident())
        assert release.wait(10)  # a page waiting on a locked file, say
        return PlainTextResponse("slow")

    def quick(_request: Request) -> Response:
        page_threads.append(threading.get_ident())
        return PlainTextResponse("quick")

    cache = SiteCache()
    app = Starlette(
        routes=[
            Route("/slow", on_page_threads(cache, slow)),
            Route("/quick", on_page_threads(cache, quick)),
        ]
    )

    async def visit() -> tuple[str, str]:
        loop_threads.append(threading.get_ident())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://site") as client:
            waiting = asyncio.create_task(client.get("/slow"))
            await asyncio.sleep(0.05)
            quick_page = await asyncio.wait_for(client.get("/quick"), 5)
            assert not waiting.done()
            release.set()
            slow_page = await asyncio.wait_for(waiting, 5)
        return quick_page.text, slow_page.text

    assert asyncio.run(visit()) == ("quick", "slow")
    assert len(set(page_threads)) == 2 and loop_threads[0] not in page_threads
