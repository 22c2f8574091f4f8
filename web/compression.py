"""Compressing the respondent site's responses (gzip), and why that leaks no secret.

Pages, the stylesheet and the script go out gzipped to a browser that asks
(``Accept-Encoding: gzip``): the NPS page's first load is then about a third
of its size, which is most of what a phone on a weak signal waits for.
Brotli would save a little more, but needs a package the lock does not have.

BREACH: an attacker who can make a victim's browser request a page many times,
with text of their choosing reflected in it, can learn a secret on that same
page from the compressed sizes. On this site:

- The anti-forgery token is the one secret that stays the same across a
  browser's requests, so it is masked afresh for each response (web.csrf):
  no two pages carry the same bytes for it, and the sizes tell nothing.
- A personal link's token (``/r/<token>``, ``/u/<token>``) and a resume token
  appear only in pages reached by that very address: whoever can make a
  browser request the page already knows them.
- The sync API (``/api/sync``) is left uncompressed: it is no browser's, and
  its answers are the workspace's data.
"""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from web.sync.protocol import PREFIX as SYNC_PREFIX

# Below this a response gains less than gzip's own header and trailer cost.
MINIMUM_SIZE = 500


class CompressionMiddleware:
    """gzip for the respondent pages and static files, none for the sync API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_SIZE, compresslevel=9)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path == SYNC_PREFIX or path.startswith(SYNC_PREFIX + "/") or scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.gzip(scope, receive, send)
