"""The site's static files, ``/static/koe.css`` and ``/static/koe.js``, and their addresses.

The files live in web/static/. Their addresses carry a hash of their content
(``?v=``), so browsers may keep them for a year (web.middleware's
STATIC_CACHE) and still fetch a changed one at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

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
