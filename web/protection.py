"""The respondent site's guards: anti-forgery tokens and the public links' rate limit.

One ``Protection`` per app: the form guard (web/csrf.py) signs with the
workspace's key, and the rate limiter (web/ratelimit.py) keeps its counts in
memory. Both read the settings they need from the ``Settings`` passed in, so
a change made in the desktop applies to the next request.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from storage.settings import Settings
from web.csrf import FormGuard, Issued
from web.pages import Site, message_page
from web.ratelimit import (
    Network,
    RateLimiter,
    client_address,
    is_trusted,
    limit_key,
    parse_networks,
)


class Protection:
    """Issues and checks form tokens, and counts public-link posts per client address."""

    def __init__(self, key: Callable[[], bytes]) -> None:
        self.guard = FormGuard(key)
        self.limiter = RateLimiter()

    def issue(self, request: Request, scope: str, settings: Settings) -> Issued:
        return self.guard.issue(request, scope, secure=is_https(request, settings))

    def check(self, request: Request, scope: str, sent: object) -> bool:
        return self.guard.check(request, scope, sent)

    def wait(self, request: Request, settings: Settings) -> int:
        """Count this client's post to a public link: 0 when allowed, else the seconds
        it must wait (the post is then refused, and not counted)."""
        address = client_address(
            request.client.host if request.client else None,
            request.headers.get("x-forwarded-for"),
            _networks(settings.trusted_proxies),
        )
        return self.limiter.hit(limit_key(address), settings.rate_limit_per_minute)


def too_many_page(language: str, site: Site, back: str, wait: int) -> Response:
    """The 429 page: wait ``wait`` seconds, then go ``back`` to the survey."""
    return message_page(
        language,
        site,
        "rate_limited",
        429,
        link=(back, "back_to_survey"),
        headers={"Retry-After": str(wait)},
    )


@functools.lru_cache(maxsize=16)
def _networks(entries: tuple[str, ...]) -> list[Network]:
    """The trusted proxies' networks, parsed once per list (it is in the settings)."""
    return parse_networks(entries)


def is_https(request: Request, settings: Settings) -> bool:
    """Whether the respondent reached us over HTTPS (directly, or through a listed proxy)."""
    if request.url.scheme == "https":
        return True
    peer = request.client.host if request.client else None
    trusted = _networks(settings.trusted_proxies)
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower()
    return forwarded == "https" and is_trusted(peer, trusted)
