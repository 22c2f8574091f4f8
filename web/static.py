"""The site's static files, ``/static/koe.css`` and ``/static/koe.js``, their addresses,
and the stylesheet as the pages inline it; and the shop's logo,
``/static/logo-<hash>.<ext>``, from the workspace (storage.site_logo).

The files live in web/static/. Their addresses carry a hash of their content
(``?v=``), so browsers may keep them for a year (web.middleware's
STATIC_CACHE) and still fetch a changed one at once.

The pages carry koe.css inline (``STYLE``), read once at start-up: it is the
critical CSS of a one-screen page, and a separate stylesheet would cost a
second round trip before the first paint (about half a second on a slow
phone network). The Content-Security-Policy allows exactly that text by its
hash (``STYLE_HASH``, web.pages), never inline styles in general. The CSS is
still edited in web/static/koe.css; the file is also still served, for pages
cached before this change.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from markupsafe import Markup
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

_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def inline_style(css: str) -> str:
    """``css`` made smaller to inline: comments and indentation dropped, lines kept.

    Lines stay apart (not joined) so that a value written over two lines keeps
    the space between its parts. Refuses CSS that would end the <style> element.
    """
    if "</" in css:
        raise ValueError("the stylesheet must not contain '</': it would end the <style> element")
    lines = (line.strip() for line in _COMMENT.sub("", css).splitlines())
    return "\n".join(line for line in lines if line)


def csp_hash(text: str) -> str:
    """The CSP source (``'sha256-…'``) that allows exactly ``text`` in a <style> or <script>."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


# Markup: the template must put the text in the page exactly as hashed (no escaping).
STYLE = Markup(inline_style((STATIC_DIR / "koe.css").read_text(encoding="utf-8")))
STYLE_HASH = csp_hash(STYLE)


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
