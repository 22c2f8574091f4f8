"""The survey on the shop's own website: the embed route ``/e/<slug>`` and its snippet.

Routes (``create_app`` wires them; the page flow is the public link's):
    GET/POST /e/<slug>                  the survey, to be shown in an <iframe>
    GET/POST /e/<slug>/next/<resume>    its next page
    GET      /e/<slug>/thanks           the thank-you page, still in the frame
    POST     /e/<slug>/score            the score tapped, kept at once (web.one_tap)

No script: the owner copies ``snippet()`` (an <iframe> and a plain link to
the public page, for readers whose browser refuses the frame or its cookie).
Only these pages may be framed, and only by the origins listed in the
settings (``Settings.embed_origins``): they get ``frame-ancestors <origins>``
(web.middleware.HeadersMiddleware, from ``FRAME_ANCESTORS_KEY``); every other
page keeps ``frame-ancestors 'none'``, and so does the embed with no origin set.

Inside a frame on another site the page is "third-party", and Safari (like
any browser set so) refuses third-party cookies: so the embed sets none. Its
anti-forgery field carries its own signed time stamp (web.csrf), and a
tapped score's response is named by the page's own token (web.one_tap).

Allowed origins: ``https://host`` or ``https://host:port``; one leading
``*.`` for every subdomain (``https://*.shop.example``); ``http://`` only for
this computer (``localhost``, ``127.0.0.1``), for trying it out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from starlette.requests import Request
from starlette.responses import Response

from web.public_links import PublicLinks

PREFIX = "/e"
FRAME_ANCESTORS_KEY = "koe.frame_ancestors"
_HOST = r"(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_ORIGIN = re.compile(rf"^https://{_HOST}(?::[0-9]{{1,5}})?$")
_LOCAL = re.compile(r"^http://(?:localhost|127\.0\.0\.1)(?::[0-9]{1,5})?$")


def clean_origin(text: str) -> str | None:
    """``text`` as an allowed origin (lower case, no trailing slash), or None if it is not one."""
    origin = text.strip().lower().removesuffix("/")
    if not (_ORIGIN.match(origin) or _LOCAL.match(origin)):
        return None
    port = origin.rsplit(":", 1)[1] if origin.count(":") == 2 else ""
    if port and not 0 < int(port) < 65536:
        return None
    if "*" in origin and "." not in origin.split("*.", 1)[1]:
        return None  # https://*.com would be every shop's site
    return origin


def frame_ancestors(origins: Iterable[str]) -> str:
    """The CSP ``frame-ancestors`` sources for ``origins`` (the valid ones), or ``'none'``."""
    allowed = [origin for text in origins if (origin := clean_origin(text))]
    return " ".join(dict.fromkeys(allowed)) or "'none'"


def snippet(base_url: str, slug: str, title: str, link_words: str) -> str:
    """The HTML the owner pastes into their site: the framed survey and a plain link to it."""
    frame = html.escape(f"{base_url.rstrip('/')}{PREFIX}/{slug}")
    link = html.escape(f"{base_url.rstrip('/')}/s/{slug}")
    return (
        f'<iframe src="{frame}" title="{html.escape(title)}" width="100%" height="640" '
        'style="border:0;max-width:40rem" loading="lazy"></iframe>\n'
        f'<p><a href="{link}" target="_blank" rel="noopener">{html.escape(link_words)}</a></p>'
    )


class EmbedLinks:
    """The endpoints of ``/e/<slug>``: the public link's, with the frame allowed."""

    def __init__(self, public: PublicLinks) -> None:
        self.public = public

    def _allow_frames(self, request: Request) -> None:
        settings = self.public.answering.settings()
        request.scope[FRAME_ANCESTORS_KEY] = frame_ancestors(settings.embed_origins)

    def link(self, request: Request) -> Response:
        self._allow_frames(request)
        return self.public.link(request)

    def next(self, request: Request) -> Response:
        self._allow_frames(request)
        return self.public.next(request)

    def thanks(self, request: Request) -> Response:
        self._allow_frames(request)
        return self.public.thanks(request)

    def score(self, request: Request) -> Response:
        return self.public.score(request)
