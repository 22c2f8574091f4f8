"""Anti-forgery tokens for the respondent site's forms (signed double submit).

A page with a form sets a cookie holding a random nonce, and puts in a
hidden field the HMAC-SHA256 of that nonce and the link it belongs to, keyed
by the workspace's own key (storage.site_keys). A post is taken only when
its field matches its cookie. Another site can make a browser post to us,
but it cannot read our cookie nor make a matching field, and the cookie is
SameSite=Lax, so a cross-site post does not even carry it.

The field is masked afresh for every page (a random pad, then the token
XOR the pad), so that no two compressed pages carry the same bytes for it
and their sizes cannot leak it (BREACH; see web.compression).

The cookie holds nothing about the person: a random value, scoped to one
link's path (``/s/<slug>``, ``/r/<token>``, ``/u/<token>``), HttpOnly, and
without an expiry date, so it ends with the browser session. The same nonce
is kept while it lasts, so two tabs of one link do not spoil each other.

The embed (``/e/<slug>``, web.embed) sets no cookie: framed by the shop's
site it is "third-party", and Safari, like any browser set to refuse such
cookies, would never send it back. Its field is stamped instead: the HMAC of
the link and the moment the page was made, followed by that moment in clear,
taken for ``STAMP_SECONDS``. That proves what the cookie proves on a public
survey's link, that the post comes from a page of ours that was read: another
site's page cannot read ours (no CORS) to copy a field out of it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

COOKIE = "koe_form"
FIELD = "_csrf"
NONCE_BYTES = 16
DIGEST_BYTES = 32  # HMAC-SHA256
EMBED_SCOPE = "/e/"  # web.embed's pages
_NONCE_SHAPE = re.compile(r"^[A-Za-z0-9_-]{22}$")
_FIELD_SHAPE = re.compile(r"^[A-Za-z0-9_-]{86}$")  # 64 bytes: the pad, then the masked digest
_STAMPED_SHAPE = re.compile(r"^([A-Za-z0-9_-]{86})\.([0-9]{1,12})$")
STAMP_SECONDS = 24 * 3600  # a tab left open all day still sends
STAMP_SKEW_SECONDS = 300  # a stamp this far ahead of the clock (it was set back) still counts


@dataclass(frozen=True)
class Issued:
    """A form's token, and the cookie to set with the page (None: the browser has it)."""

    token: str
    nonce: str
    scope: str
    new: bool
    secure: bool = False

    def set_cookie(self, response: Response) -> None:
        if not self.new:
            return
        # No Max-Age or Expires: a session cookie.
        response.set_cookie(
            COOKIE, self.nonce, path=self.scope, httponly=True, samesite="lax", secure=self.secure
        )


class FormGuard:
    """Issues and checks the tokens; ``key`` gives the signing key (read once, lazily)."""

    def __init__(self, key: Callable[[], bytes], now: Callable[[], float] = time.time) -> None:
        self._key_source = key
        self._key: bytes | None = None
        self._now = now

    @property
    def key(self) -> bytes:
        if self._key is None:
            self._key = self._key_source()
        return self._key

    def _digest(self, nonce: str, scope: str) -> bytes:
        return hmac.new(self.key, f"{scope}\n{nonce}".encode(), hashlib.sha256).digest()

    def token(self, nonce: str, scope: str) -> str:
        """The form field for ``nonce`` and ``scope``, masked with a fresh pad each time."""
        pad = secrets.token_bytes(DIGEST_BYTES)
        masked = _xor(self._digest(nonce, scope), pad)
        return base64.urlsafe_b64encode(pad + masked).rstrip(b"=").decode()

    def issue(self, request: Request, scope: str, *, secure: bool = False) -> Issued:
        """The token for a page of ``scope``, reusing the browser's nonce when it has one."""
        if scope.startswith(EMBED_SCOPE):
            stamp = str(int(self._now()))
            # "@" never occurs in a cookie's nonce: a stamp's digest is never a cookie's.
            return Issued(f"{self.token('@' + stamp, scope)}.{stamp}", "", scope, new=False)
        nonce = _nonce(request)
        new = nonce is None
        if nonce is None:
            nonce = secrets.token_urlsafe(NONCE_BYTES)
        return Issued(self.token(nonce, scope), nonce, scope, new, secure)

    def check(self, request: Request, scope: str, sent: object) -> bool:
        """True when ``sent`` (the posted field) matches the request's cookie for ``scope``.

        An embed's field carries its own stamp instead, good for ``STAMP_SECONDS``.
        """
        if scope.startswith(EMBED_SCOPE):
            return self._check_stamped(scope, sent)
        nonce = _nonce(request)
        if nonce is None or not isinstance(sent, str) or not sent:
            return False
        digest = _unmask(sent)
        return digest is not None and hmac.compare_digest(digest, self._digest(nonce, scope))

    def _check_stamped(self, scope: str, sent: object) -> bool:
        match = _STAMPED_SHAPE.match(sent) if isinstance(sent, str) else None
        if match is None:
            return False
        field, stamp = match.groups()
        age = self._now() - int(stamp)
        if not -STAMP_SKEW_SECONDS <= age <= STAMP_SECONDS:
            return False
        digest = _unmask(field)
        return digest is not None and hmac.compare_digest(digest, self._digest("@" + stamp, scope))


def _unmask(sent: str) -> bytes | None:
    """The token's digest from a posted (masked) field, or None when it is not one."""
    if not _FIELD_SHAPE.match(sent):
        return None
    raw = base64.urlsafe_b64decode(sent + "=" * (-len(sent) % 4))
    pad, masked = raw[:DIGEST_BYTES], raw[DIGEST_BYTES:]
    return _xor(masked, pad)


def _xor(data: bytes, pad: bytes) -> bytes:
    """``data`` XOR ``pad`` (the same length), as one big-integer operation."""
    return (int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")).to_bytes(len(data), "big")


def _nonce(request: Request) -> str | None:
    value = request.cookies.get(COOKIE, "")
    return value if _NONCE_SHAPE.match(value) else None
