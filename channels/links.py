"""Respondent links and the random tokens in them.

Links: ``/s/<slug>`` (a survey's public link, optionally ``?src=<tag>``),
``/r/<token>`` (a delivery's personal link), ``/u/<token>`` (unsubscribe).
All are built on the public URL from the settings and stay short enough for SMS.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote, urlencode

TOKEN_BYTES = 16  # 128 bits: unguessable, and 22 characters in a URL
SLUG_BYTES = 6  # public links are meant to be shared; 8 characters are enough
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def new_token() -> str:
    """A personal-link token with 128 bits of randomness (22 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_slug() -> str:
    """A survey's public-link slug."""
    return secrets.token_urlsafe(SLUG_BYTES)


def looks_like_token(value: str) -> bool:
    """Cheap shape check before any database look-up of a token or slug."""
    return bool(_TOKEN_SHAPE.match(value))


def _base(public_url: str) -> str:
    base = public_url.strip().rstrip("/")
    if not re.match(r"^https?://[^/\s]+", base):
        raise ValueError(f"the public URL must start with http:// or https://, not {public_url!r}")
    return base


def public_link(public_url: str, slug: str, *, source: str | None = None) -> str:
    link = f"{_base(public_url)}/s/{quote(slug)}"
    return f"{link}?{urlencode({'src': source})}" if source else link


def personal_link(public_url: str, token: str) -> str:
    return f"{_base(public_url)}/r/{quote(token)}"


def unsubscribe_link(public_url: str, token: str) -> str:
    return f"{_base(public_url)}/u/{quote(token)}"


def base_in(text: str, token: str) -> str | None:
    """The public URL that ``text``'s links to ``token`` were built on, if it holds one.

    A message keeps the address it was written with: a Public URL changed since
    must not give the same message a second, different link.
    """
    found = re.search(rf"(https?://\S+?)/[ru]/{re.escape(quote(token))}(?![A-Za-z0-9_-])", text)
    return found.group(1) if found else None
