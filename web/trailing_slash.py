"""A link with one slash too many or too few (``/s/<slug>/``) goes on to the right path.

Starlette's own ``redirect_slashes`` answers with an absolute URL built from the
request's ``Host`` header: ``GET /s/<slug>/`` with ``Host: evil.example`` was sent on to
``http://evil.example/s/<slug>``, so a crafted request could bounce a respondent to
another site (and a cache in front of Koe could keep that answer for everyone). The
redirect here is a path on this same site, whatever the headers say.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import RedirectResponse
from starlette.routing import Match, Router
from starlette.types import Receive, Scope, Send


def redirect_slashes_on_site(router: Router) -> None:
    """Make ``router`` redirect a path that matches only with(out) its trailing slash
    to that path, relative to this site; anything else stays a 404."""
    router.redirect_slashes = False
    router.default = _SlashRedirect(router)


class _SlashRedirect:
    """The router's fallback when no route matches the path as it came."""

    def __init__(self, router: Router) -> None:
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        location = _matching_twin(self.router, scope) if scope["type"] == "http" else None
        if location is None:
            await self.router.not_found(scope, receive, send)
            return
        await RedirectResponse(location)(scope, receive, send)


def _matching_twin(router: Router, scope: Scope) -> str | None:
    """The path with its trailing slash removed (or one added), with the query, if a
    route takes it."""
    path: str = scope["path"]
    twin = path.rstrip("/") if path.endswith("/") else path + "/"
    if not twin.startswith("/") or twin.startswith("//"):
        return None  # "//host/…" would be read as another site
    twin_scope = {**scope, "path": twin}
    if all(route.matches(twin_scope)[0] is Match.NONE for route in router.routes):
        return None
    query = scope.get("query_string", b"").decode("utf-8", "replace")
    return quote(twin) + (f"?{query}" if query else "")
