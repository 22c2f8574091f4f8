"""The respondent site's guards: anti-forgery tokens and the public links' rate limit.

One ``Protection`` per app: the form guard (web/csrf.py) signs with the
workspace's key, and the rate limiter (web/ratelimit.py) keeps its counts in
memory. Both read the settings they need from the ``Settings`` passed in, so
a change made in the desktop applies to the next request.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from storage.settings import Settings
from web.csrf import FormGuard, Issued
from web.pages import Site, message_page
from web.ratelimit import RateLimiter, client_address, is_trusted, limit_key, parse_networks


class Protection:
    """Issues and checks form tokens, and counts public-link posts per client address."""

    def __init__(self, key: Callable[[], bytes]) -> None:
        self.guard = FormGuard(key)
        self.limiter = RateLimiter()

    def issue(self, request: Request, scope: str, settings: Settings) -> Issued:
        return self.guard.issue(request, scope, secure=is_https(request, settings))

    def check(self, request: Request, scope: str, sent: object) -> bool:
        return self.guard.check(request, scope, sent)

    def too_many(
        self, request: Request, settings: Settings, language: str, site: Site, back: str
    ) -> Response | None:
        """A 429 page when this client has posted to public links too often, else None."""
        address = client_address(
            request.client.host if request.client else None,
            request.headers.get("x-forwarded-for"),
            parse_networks(settings.trusted_proxies),
        )
        wait = self.limiter.hit(limit_key(address), settings.rate_limit_per_minute)
        if not wait:
            return None
        return message_page(
            language,
            site,
            "rate_limited",
            429,
            link=(back, "back_to_survey"),
            headers={"Retry-After": str(wait)},
        )


def is_https(request: Request, settings: Settings) -> bool:
    """Whether the respondent reached us over HTTPS (directly, or through a listed proxy)."""
    if request.url.scheme == "https":
        return True
    peer = request.client.host if request.client else None
    trusted = parse_networks(settings.trusted_proxies)
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower()
    return forwarded == "https" and is_trusted(peer, trusted)
