"""ASGI middleware of the respondent site: body size cap and response headers.

Both are plain ASGI (not BaseHTTPMiddleware) so that they see every response,
static files and early refusals included, and cost next to nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from starlette.datastructures import Headers, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web import page_threads
from web.embed import FRAME_ANCESTORS_KEY
from web.forms import BODY_SCOPE_KEY
from web.i18n import site_language
from web.pages import SECURITY_HEADERS, Site, message_page
from web.sync import api as sync_api
from web.sync.protocol import PREFIX as SYNC_PREFIX

MAX_BODY_BYTES = 64 * 1024
# A refused body up to this size is read to its end (and thrown away) before the
# 413 goes out: a browser or a proxy still sending shows a connection reset, or a
# 502 from Caddy, rather than the page, when the server closes mid-upload.
# Anything larger is cut off at once, and so is a sender that goes quiet for
# DRAIN_IDLE_SECONDS (a body that never ends must not hold the connection).
DRAIN_BYTES = 4 * 1024 * 1024
DRAIN_IDLE_SECONDS = 3.0
# Methods whose body the app reads: the respondent pages' posts, the sync API's PUTs.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STATIC_CACHE = "public, max-age=31536000, immutable"


class BodyTooLarge(Exception):
    """The request body passed MAX_BODY_BYTES."""


class BodyLimitMiddleware:
    """Reads a request's body (at most MAX_BODY_BYTES) before the app sees the request.

    The body is left in ``scope[BODY_SCOPE_KEY]`` so that plain ``def``
    endpoints, which run on worker threads and cannot await, can read the form.
    A body over the limit is answered 413 at once: by its Content-Length when it
    declares one, and by counting when it is streamed in chunks (the rest is
    never read); the sync API gets that answer in JSON. ``site`` gives the
    business's name for the page (it reads the database, so it is called on a
    worker thread).
    """

    def __init__(
        self, app: ASGIApp, site: Callable[[], Site], max_bytes: int = MAX_BODY_BYTES
    ) -> None:
        self.app = app
        self.site = site
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared > self.max_bytes:
            drained = declared <= DRAIN_BYTES and await _discard(receive, DRAIN_BYTES)
            await self._too_large(scope, send, drained)
            return
        if scope["method"] in _BODY_METHODS:
            try:
                body = await self._read(receive)
            except BodyTooLarge:
                await self._too_large(scope, send, await _discard(receive, DRAIN_BYTES))
                return
            if body is None:  # the browser went away mid-post
                return
            scope[BODY_SCOPE_KEY] = body
        await self.app(scope, receive, send)

    async def _read(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, send: Send, drained: bool) -> None:
        if scope["path"] == SYNC_PREFIX or scope["path"].startswith(SYNC_PREFIX + "/"):
            await sync_api.too_large(self.max_bytes)(scope, _no_receive, send)
            return
        query = QueryParams(scope.get("query_string", b""))
        language = site_language(query.get("lang"), Headers(scope=scope).get("accept-language"))
        site = await page_threads.run(self.site)
        response = message_page(language, site, "too_large", 413)
        if not drained:  # the rest of the body is still on the wire: no reuse
            response.headers["Connection"] = "close"
        await response(scope, _no_receive, send)


def _declared_length(scope: Scope) -> int:
    value = Headers(scope=scope).get("content-length", "0")
    try:
        return int(value)
    except ValueError:
        # The HTTP server refuses a malformed length before we see it; be safe anyway.
        return MAX_BODY_BYTES + 1


async def _discard(receive: Receive, budget: int) -> bool:
    """Reads and drops the rest of a body.

    False when it passes ``budget``, the client left, or nothing came for a while.
    """
    size = 0
    while True:
        try:
            message = await asyncio.wait_for(receive(), DRAIN_IDLE_SECONDS)
        except TimeoutError:
            return False
        if message["type"] == "http.disconnect":
            return False
        size += len(message.get("body", b""))
        if size > budget:
            return False
        if not message.get("more_body", False):
            return True


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class HeadersMiddleware:
    """Adds the security headers to every response, and a cache policy to static files.

    Every response gets ``frame-ancestors 'none'`` except the embed route's,
    which names the origins set for it (web.embed).

    Static file URLs carry a hash of their content (web.static.CSS_URL), so a
    browser on a weak signal may keep them for a year without asking again.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                cache_forever = is_static and message["status"] == 200
                message["headers"] = _secured(message.get("headers", ()), scope, cache_forever)
            await send(message)

        await self.app(scope, receive, send_with_headers)


_CSP = b"content-security-policy"
_CACHE_CONTROL = b"cache-control"
_SECURITY = [(name.lower().encode("latin-1"), value.encode("latin-1"))
             for name, value in SECURITY_HEADERS.items()]  # fmt: skip
_SECURITY_NAMES = {name for name, _value in _SECURITY}


def _secured(
    headers: Iterable[tuple[bytes, bytes]], scope: Scope, cache_forever: bool
) -> list[tuple[bytes, bytes]]:
    """The response's headers with the security headers set, in one pass over them
    (a page's own Content-Security-Policy, with its inline styles' hashes, stays)."""
    own_policy = None
    kept = []
    for name, value in headers:
        lowered = name.lower()
        if lowered == _CSP:
            own_policy = value if own_policy is None else own_policy
        elif lowered not in _SECURITY_NAMES and not (cache_forever and lowered == _CACHE_CONTROL):
            kept.append((name, value))
    for name, value in _SECURITY:
        if name == _CSP:
            value = own_policy if own_policy is not None else value
            # Only the embed route sets who may frame it (web.embed); no other
            # response can loosen frame-ancestors 'none'.
            framers = scope.get(FRAME_ANCESTORS_KEY)
            if framers:
                value = value.replace(
                    b"frame-ancestors 'none'", f"frame-ancestors {framers}".encode("latin-1")
                )
        kept.append((name, value))
    if cache_forever:
        kept.append((_CACHE_CONTROL, STATIC_CACHE.encode("latin-1")))
    return kept
