"""The respondent site: the page behind a survey's link, and where answers arrive.

This module only wires the site together; each concern has its module:

    GET/POST /s/<slug>...               a survey's public link (web.public_links)
    GET/POST /e/<slug>...               the same, framed on the shop's own site (web.embed)
    GET/POST /r/<token>...              a delivery's personal link (web.personal_links)
    GET/POST /u/<token>                 unsubscribe from the delivery's channel (web.unsubscribe)
    GET/POST /preview/<token>           the designer's preview of a survey in any status;
                                        stores nothing (web.preview)
    GET      /static/...                the stylesheet, the script and the shop's logo (web.static)
    /api/sync/...                       the desktop's sync API, on a public host (web.sync.api)

Both kinds of survey link share one page flow (web.answering); the 404 and
500 pages are web.errors'. Every form post carries an anti-forgery token
(web.csrf); posts to public links are rate limited per client address
(web.ratelimit). Endpoints are plain ``def``: they run on the site's pool of
threads (web.page_threads), and each thread uses its own SQLite connection from
``Workspace.db()`` to read; answers are written by the workspace's one writer,
committed in groups (storage.group_commit), and settings and surveys are read
from a cache that any change empties (storage.site_cache). No IP address or
user agent is stored (the rate limit keeps addresses in memory for a minute);
tokens are never logged whole.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from storage import site_keys
from storage.workspace import Workspace
from web.answering import Answering, OnResponse
from web.compression import CompressionMiddleware
from web.embed import EmbedLinks
from web.errors import not_found_handler, server_error_handler
from web.middleware import BodyLimitMiddleware, HeadersMiddleware
from web.page_threads import on_page_threads
from web.pages import warm_templates
from web.personal_links import PersonalLinks
from web.preview import PreviewLink
from web.protection import Protection
from web.public_links import PublicLinks
from web.static import logo_route
from web.static import mount as static_files
from web.sync import api as sync_api
from web.trailing_slash import redirect_slashes_on_site
from web.unsubscribe import UnsubscribeLink


def create_app(
    workspace: Workspace,
    *,
    on_response: OnResponse | None = None,
    sync_key: str | None = None,
) -> Starlette:
    """The respondent site over ``workspace``.

    ``on_response(survey_id)`` is called when a response is first stored (a
    score counts at once) and again when a partial one is completed, on the
    worker thread that stored it; an exception from it is logged, never shown
    to the respondent. With a ``sync_key`` (a public host) the site also
    answers the desktop's sync API under ``/api/sync`` (web.sync.api).
    """
    protection = Protection(lambda: site_keys.form_key(workspace.db()))
    # The first respondent after start-up must not wait for what could be done now.
    warm_templates()
    answering = Answering(workspace, on_response, protection)
    public = PublicLinks(answering)
    embed = EmbedLinks(PublicLinks(answering, prefix="/e"))
    personal = PersonalLinks(answering)
    unsubscribe = UnsubscribeLink(workspace, protection)
    preview = PreviewLink(workspace, answering.site)
    pages = [
        ("/s/{slug}", public.link, ["GET", "POST"]),
        ("/s/{slug}/next/{resume}", public.next, ["GET", "POST"]),
        ("/s/{slug}/thanks", public.thanks, ["GET"]),
        ("/s/{slug}/score", public.score, ["POST"]),
        ("/e/{slug}", embed.link, ["GET", "POST"]),
        ("/e/{slug}/next/{resume}", embed.next, ["GET", "POST"]),
        ("/e/{slug}/thanks", embed.thanks, ["GET"]),
        ("/e/{slug}/score", embed.score, ["POST"]),
        ("/r/{token}", personal.link, ["GET", "POST"]),
        ("/r/{token}/next/{resume}", personal.next, ["GET", "POST"]),
        ("/r/{token}/thanks", personal.thanks, ["GET"]),
        ("/r/{token}/opened", personal.opened, ["POST"]),
        ("/u/{token}", unsubscribe.endpoint, ["GET", "POST"]),
        ("/preview/{token}", preview.endpoint, ["GET", "POST"]),
    ]
    routes = [
        Route(path, on_page_threads(answering.cache, endpoint), methods=methods)
        for path, endpoint, methods in pages
    ] + [
        logo_route(workspace),  # before the static files' mount, which would 404 it
        static_files(),
    ]
    if sync_key is not None:
        routes.append(sync_api.mount(workspace, sync_key))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(CompressionMiddleware),
            Middleware(HeadersMiddleware),
            Middleware(BodyLimitMiddleware, site=answering.site),
        ],
        exception_handlers={404: not_found_handler, 500: server_error_handler},
    )
    redirect_slashes_on_site(app.router)
    return app
