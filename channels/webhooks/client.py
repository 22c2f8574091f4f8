"""One HTTPS POST to a chat or webhook, and what its answer means to the outbox.

- 2xx: sent.
- 429 or 5xx: ``TransientError`` (429 with its Retry-After): queued again, with backoff.
- Any other 4xx: ``PermanentError`` with the service's own words: failed, shown.
- No connection: ``TransientError`` (nothing left this computer): queued again.
- No answer after the request went: the generic webhook, ``TransientError`` (its
  idempotency id lets the receiver drop a repeat); Slack, Teams, Google Chat and
  Chatwork, ``OutcomeUnknown``: 'unknown', shown, never resent by Koe.

Certificates are always verified: ``verify`` is an ``ssl.SSLContext`` (tests
trust their own CA through it) or True for the system's trust store.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from channels.base import OutcomeUnknown, PermanentError, TransientError
from channels.webhooks import signing
from surveys.problems import QT_TRANSLATE_NOOP, Problem

CHATWORK_API = "https://api.chatwork.com/v2"
TIMEOUT = 15.0  # seconds: chats answer in well under a second

REFUSED = QT_TRANSLATE_NOOP("Problems", "{service} refused the message (HTTP {status}): {words}")
BUSY = QT_TRANSLATE_NOOP("Problems", "{service} is busy or down (HTTP {status}); Koe tries again.")
UNREACHABLE = QT_TRANSLATE_NOOP("Problems", "{service} could not be reached: {detail}")
UNTRUSTED = QT_TRANSLATE_NOOP(
    "Problems", "{service}'s certificate is not trusted, so nothing was sent: {detail}"
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "Problems",
    "{service} did not answer after the message was sent: it may or may not have arrived. "
    "Koe will not send it again by itself.",
)
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Problems", "This destination's address or token is missing (Settings → Chat and webhooks)."
)
NOT_HTTPS = QT_TRANSLATE_NOOP("Problems", "The address must start with https://")

SERVICE_NAMES = {
    "slack": "Slack",
    "teams": "Microsoft Teams",
    "google_chat": "Google Chat",
    "chatwork": "Chatwork",
    "generic": "The webhook",
}


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def service_words(kind: str, response: httpx.Response) -> str:
    """What the service said of a refusal: Slack's text (``no_service``), Chatwork's
    ``{"errors": [...]}``, or the start of any other answer."""
    text = response.text.strip()
    if kind == "chatwork":
        try:
            errors = json.loads(text).get("errors")
        except (ValueError, AttributeError):
            errors = None
        if isinstance(errors, list) and errors:
            return "; ".join(str(e) for e in errors)[:300]
    return text[:300] or response.reason_phrase


def _not_sent(service: str, error: Exception, retry: bool = False) -> Exception:
    """The error of a request that did not get through: retried, except an untrusted
    certificate (a retry cannot help; the owner must check the address)."""
    detail = str(error) or type(error).__name__
    values = {"service": service, "detail": detail}
    if "CERTIFICATE_VERIFY_FAILED" in detail and not retry:
        return PermanentError(Problem(UNTRUSTED, values), code="certificate")
    return TransientError(Problem(UNREACHABLE, values), code="unreachable")


class WebhookClient:
    """Posts messages; one connection pool for the sender's lane or the Test button."""

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | bool = True,
        chatwork_api: str = CHATWORK_API,
        timeout: float = TIMEOUT,
    ) -> None:
        self.chatwork_api = chatwork_api.rstrip("/")
        self._options = {"verify": verify, "timeout": timeout, "follow_redirects": False}
        self._client: httpx.Client | None = None

    @property
    def _http(self) -> httpx.Client:
        # Opened on first use and again after ``close`` (a lane closes it when it ends).
        if self._client is None:
            self._client = httpx.Client(**self._options)  # type: ignore[arg-type]
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def post(
        self,
        kind: str,
        secret: Mapping[str, str],
        body: str,
        *,
        room_id: str = "",
        idempotency_id: str,
        event: str,
        now: datetime | None = None,
    ) -> str:
        """Send ``body`` (as stored) to a destination; the provider id (Chatwork's
        message id, else ``idempotency_id``). Raises a ``channels.base`` error."""
        service = SERVICE_NAMES.get(kind, kind)
        request = self._request(kind, secret, body, room_id, idempotency_id, event, now)
        try:
            response = self._http.send(request)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise _not_sent(service, error) from None
        except httpx.TransportError as error:
            # The request may have arrived. Only the generic receiver can drop a repeat.
            if kind == "generic":
                raise _not_sent(service, error, retry=True) from None
            raise OutcomeUnknown(Problem(NO_ANSWER, {"service": service}), "no_answer") from None
        return self._outcome(kind, service, response, idempotency_id)

    def _request(
        self,
        kind: str,
        secret: Mapping[str, str],
        body: str,
        room_id: str,
        idempotency_id: str,
        event: str,
        now: datetime | None,
    ) -> httpx.Request:
        if kind == "chatwork":
            token = secret.get("token", "")
            if not token or not room_id:
                raise PermanentError(Problem(NOT_SET_UP), code="not_set_up") from None
            url = f"{self.chatwork_api}/rooms/{room_id}/messages"
            return self._http.build_request(
                "POST", url, data={"body": body}, headers={"X-ChatWorkToken": token}
            )
        url = secret.get("url", "")
        if not url:
            raise PermanentError(Problem(NOT_SET_UP), code="not_set_up") from None
        if not url.lower().startswith("https://"):
            raise PermanentError(Problem(NOT_HTTPS), code="not_https") from None
        content = body.encode()
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if kind == "generic":
            stamp = int((now or datetime.now(UTC)).timestamp())
            key = secret.get("signing_secret", "")
            headers |= signing.headers(key, stamp, content, idempotency_id)
            headers[signing.EVENT_HEADER] = event
        return self._http.build_request("POST", url, content=content, headers=headers)

    @staticmethod
    def _outcome(kind: str, service: str, response: httpx.Response, idempotency_id: str) -> str:
        status = response.status_code
        if 200 <= status < 300:
            if kind == "chatwork":
                try:
                    return str(response.json()["message_id"])
                except (ValueError, KeyError, TypeError):
                    return idempotency_id
            return idempotency_id
        values = {"service": service, "status": status}
        if status == 429 or status >= 500:
            wait = retry_after(response.headers.get("Retry-After"))
            raise TransientError(Problem(BUSY, values), code=str(status), retry_after=wait)
        words = service_words(kind, response)
        raise PermanentError(Problem(REFUSED, {**values, "words": words}), code=str(status))
