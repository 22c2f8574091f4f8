"""The site's static files, ``/static/koe.css`` and ``/static/koe.js``, and their addresses;
and the shop's logo, ``/static/logo-<hash>.<ext>``, from the workspace (storage.site_logo).

The files live in web/static/. Their addresses carry a hash of their content
(``?v=``), so browsers may keep them for a year (web.middleware's
STATIC_CACHE) and still fetch a changed one at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from storage import site_logo
from storage.workspace import Workspace

STATIC_DIR = Path(__file__).resolve().parent / "static"


def _static_url(name: str) -> str:
    # The content hash in the URL lets browsers keep the file for a long time
    # (see the headers middleware) and still fetch a changed one at once.
    digest = hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:10]
    return f"/static/{name}?v={digest}"


CSS_URL = _static_url("koe.css")
JS_URL = _static_url("koe.js")


def mount() -> Mount:
    """The ``/static`` route of the site."""
    return Mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


# An SVG logo opened on its own is a document: it may draw, never run or fetch anything.
_LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


def logo_route(workspace: Workspace) -> Route:
    """``/static/logo-<hash>.<ext>``: the stored logo, under the name its content hashes to.

    Any other name is a 404, so an address stays the file it was (cached for a
    year by the headers middleware) and a changed logo gets a new address.
    """

    def endpoint(request: Request) -> Response:
        logo = site_logo.load(workspace.db())
        if logo is None or request.path_params["name"] != logo.file_name.removeprefix("logo-"):
            return Response(status_code=404)
        return Response(
            logo.content,
            media_type=logo.media_type,
            headers={"Content-Security-Policy": _LOGO_POLICY},
        )

    return Route("/static/logo-{name}", endpoint, methods=["GET", "HEAD"])
