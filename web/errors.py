"""The site's friendly error pages: 404 for a link it does not know, 500/503 when it failed.

Starlette calls the two handlers (``create_app`` installs them) for a path no
route has and for an exception an endpoint let through; the endpoints call
``not_found`` for a link whose token or slug leads nowhere. Each answers with
a page in the respondent's language, never a traceback. The log names the
route with its token cut short, never a whole token.
"""

from __future__ import annotations

import logging
import sqlite3

from starlette.requests import Request
from starlette.responses import Response

from channels.links import looks_like_token
from storage.database import write_refused
from web.i18n import site_language
from web.pages import Site, message_page

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5  # when an answer could not be stored just now


def page_language(request: Request) -> str:
    """The language of a page no survey words: ``?lang=``, else the browser's."""
    return site_language(request.query_params.get("lang"), request.headers.get("accept-language"))


def not_found(request: Request, site: Site) -> Response:
    """The 404 page of a link that leads nowhere (unknown, malformed, or a draft's)."""
    return message_page(page_language(request), site, "not_found", 404)


def not_found_handler(request: Request, exc: Exception) -> Response:
    # A path the site does not have at all, e.g. a link cut short by a mail program.
    return not_found(request, Site())


def server_error_handler(request: Request, exc: Exception) -> Response:
    # The log file in the workspace is where support looks; the path only
    # names the route (a token's first characters), never a whole token.
    log.error(
        "unhandled error on %s %s", request.method, _route_for_log(request.url.path), exc_info=exc
    )
    # The database may be what failed, so the page names no business.
    language = page_language(request)
    if isinstance(exc, sqlite3.OperationalError) and write_refused(exc):
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        return message_page(language, Site(), "server_error", 503, headers=headers)
    return message_page(language, Site(), "server_error", 500)


def _route_for_log(path: str) -> str:
    """A request path with its token cut to four characters (/r/abcd…/next/…)."""
    parts = path.split("/")
    return "/".join(part[:4] + "…" if looks_like_token(part) else part for part in parts)
