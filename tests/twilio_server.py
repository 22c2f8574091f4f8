"""A local Twilio-compatible Messages API for tests and benchmarks (127.0.0.1 only).

The real ``twilio`` client talks to it (``client.api.base_url``). Same paths,
form fields, JSON and error shapes as Twilio's 2010-04-01 Messages API:

- ``POST /2010-04-01/Accounts/{sid}/Messages.json`` (To, From or
  MessagingServiceSid, Body, ValidityPeriod, StatusCallback), Basic auth
  checked (20003); refuses like Twilio: 21211 invalid To, 21614 not a mobile
  number, 21610 unsubscribed recipient, 21408 region not enabled, 21602 no
  Body, 21603/21604 no sender.
- ``GET …/Messages/{MessageSid}.json`` (fetch) and ``GET …/Messages.json``
  (list; To, From, DateSent>, DateSent<, PageSize, Page; newest first, with
  ``next_page_uri``).

It keeps every message it accepted, moves them through statuses when told
(``advance``), can add latency and answer 429s or 5xx on demand (``fail_next``),
and holds inbound messages (``add_inbound``) for reply polling. It is also run
as a process of its own (``python -m tests.twilio_server PORT``) by the crash
tests, which then read its counts over ``GET /_test/counts``.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import socket
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token-not-a-secret"
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_BASE = "/2010-04-01/Accounts/{sid}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class FakeMessage:
    sid: str
    to: str
    from_: str
    body: str
    direction: str  # outbound-api | inbound
    status: str
    created: datetime
    seq: int
    messaging_service_sid: str | None = None
    validity_period: str | None = None
    error_code: int | None = None
    sent: datetime | None = None

    def as_json(self, account_sid: str) -> dict[str, Any]:
        uri = f"{_BASE.format(sid=account_sid)}/Messages/{self.sid}.json"
        return {
            "account_sid": account_sid,
            "api_version": "2010-04-01",
            "body": self.body,
            "date_created": format_datetime(self.created),
            "date_sent": format_datetime(self.sent) if self.sent else None,
            "date_updated": format_datetime(self.created),
            "direction": self.direction,
            "error_code": self.error_code,
            "error_message": None,
            "from": self.from_,
            "messaging_service_sid": self.messaging_service_sid,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": self.sid,
            "status": self.status,
            "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
            "to": self.to,
            "uri": uri,
        }


@dataclass
class FakeTwilio:
    """The server's state; every field may be changed by a test between requests."""

    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    latency: float = 0.0
    landlines: set[str] = field(default_factory=set)
    unsubscribed: set[str] = field(default_factory=set)
    blocked_prefixes: tuple[str, ...] = ()
    undeliverable: dict[str, int] = field(default_factory=dict)  # number -> 3000x
    fail_next: list[int] = field(default_factory=list)  # HTTP statuses for the next creates
    messages: list[FakeMessage] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _seq: int = 0

    # Inspection -------------------------------------------------------------

    def outbound(self) -> list[FakeMessage]:
        with self.lock:
            return [m for m in self.messages if m.direction == "outbound-api"]

    def counts(self) -> Counter[str]:
        """Outbound messages accepted, by To number."""
        return Counter(m.to for m in self.outbound())

    def add_inbound(self, sender: str, to: str, body: str) -> FakeMessage:
        with self.lock:
            message = self._new(to, sender, body, "inbound", "received")
            message.sent = message.created
            return message

    def advance(self) -> None:
        """Move every outbound message one step: queued → sent → delivered (or undelivered)."""
        with self.lock:
            for m in self.messages:
                if m.direction != "outbound-api":
                    continue
                if m.status in ("accepted", "queued"):
                    m.status, m.sent = "sent", datetime.now(UTC)
                elif m.status == "sent":
                    code = self.undeliverable.get(m.to)
                    m.status, m.error_code = ("undelivered", code) if code else ("delivered", None)

    # Requests ---------------------------------------------------------------

    def _new(self, to: str, from_: str, body: str, direction: str, status: str) -> FakeMessage:
        self._seq += 1
        message = FakeMessage(
            sid="SM" + secrets.token_hex(16),
            to=to,
            from_=from_,
            body=body,
            direction=direction,
            status=status,
            created=datetime.now(UTC).replace(microsecond=0),
            seq=self._seq,
        )
        self.messages.append(message)
        return message

    def create(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        to = form.get("To", "")
        if not _E164.match(to):
            return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        sender, service = form.get("From", ""), form.get("MessagingServiceSid")
        if not sender and not service:
            return _error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.")
        if not form.get("Body"):
            return _error(400, 21602, "Message body is required.")
        if any(to.startswith(prefix) for prefix in self.blocked_prefixes):
            return _error(
                400,
                21408,
                f"Permission to send an SMS has not been enabled for the region indicated by the"
                f" 'To' number: {to}.",
            )
        if to in self.landlines:
            return _error(400, 21614, f"'To' number {to} is not a valid mobile number")
        if to in self.unsubscribed:
            return _error(400, 21610, "Attempt to send to unsubscribed recipient")
        with self.lock:
            message = self._new(to, sender or "", form["Body"], "outbound-api", "queued")
            message.messaging_service_sid = service
            message.validity_period = form.get("ValidityPeriod")
            return 201, message.as_json(self.account_sid)

    def fetch(self, sid: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            for m in self.messages:
                if m.sid == sid:
                    return 200, m.as_json(self.account_sid)
        return _error(404, 20404, f"The requested resource /Messages/{sid}.json was not found")

    def list(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
        size = max(1, min(1000, int(query.get("PageSize", "50"))))
        page = int(query.get("Page", "0"))
        after, before = _moment(query.get("DateSent>")), _moment(query.get("DateSent<"))
        with self.lock:
            found = [
                m
                for m in sorted(self.messages, key=lambda m: m.seq, reverse=True)
                if (not query.get("To") or m.to == query["To"])
                and (not query.get("From") or m.from_ == query["From"])
                and (after is None or (m.sent is not None and m.sent >= after))
                and (before is None or (m.sent is not None and m.sent < before))
            ]
            chunk = found[page * size : (page + 1) * size]
            body = {
                "messages": [m.as_json(self.account_sid) for m in chunk],
                "page": page,
                "page_size": size,
                "start": page * size,
                "end": page * size + len(chunk) - 1,
                "uri": f"{path}?{urlencode(query)}",
                "first_page_uri": f"{path}?{urlencode({**query, 'Page': 0})}",
                "previous_page_uri": None,
                "next_page_uri": (
                    f"{path}?{urlencode({**query, 'Page': page + 1, 'PageSize': size})}"
                    if (page + 1) * size < len(found)
                    else None
                ),
            }
        return 200, body


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    if len(value) == 10:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _error(status: int, code: int, message: str) -> tuple[int, dict[str, Any]]:
    return status, {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # no 40 ms delayed-ACK stall per keep-alive request

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _authorised(self) -> bool:
        state = self.server.state
        expected = base64.b64encode(f"{state.account_sid}:{state.auth_token}".encode()).decode()
        return self.headers.get("Authorization", "") == f"Basic {expected}"

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self, method: str) -> None:
        state = self.server.state
        url = urlparse(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        form: dict[str, str] = {}
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            form = {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        if url.path == "/_test/counts":
            self._reply(200, dict(state.counts()))
            return
        with state.lock:
            state.requests.append((method, url.path, form or query))
        if state.latency:
            time.sleep(state.latency)
        if not self._authorised():
            self._reply(*_error(401, 20003, "Authenticate"))
            return
        base = _BASE.format(sid=state.account_sid)
        if method == "POST" and url.path == f"{base}/Messages.json":
            with state.lock:
                forced = state.fail_next.pop(0) if state.fail_next else None
            if forced == 429:
                self._reply(*_error(429, 20429, "Too Many Requests"))
            elif forced:
                self._reply(*_error(forced, 20500, "Internal Server Error"))
            else:
                self._reply(*state.create(form))
        elif method == "GET" and url.path == f"{base}/Messages.json":
            self._reply(*state.list(url.path, query))
        elif method == "GET" and (match := re.fullmatch(rf"{base}/Messages/(\w+)\.json", url.path)):
            self._reply(*state.fetch(match.group(1)))
        else:
            self._reply(*_error(404, 20404, f"The requested resource {url.path} was not found"))

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    state: FakeTwilio

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that gave up (a timeout, a killed sender): as Twilio, carry on
        super().handle_error(request, client_address)


class TwilioServer:
    """The fake Twilio on a thread: ``with TwilioServer() as server: server.base_url``."""

    def __init__(self, port: int | None = None, state: FakeTwilio | None = None) -> None:
        self.state = state or FakeTwilio()
        self._server = _Server(("127.0.0.1", port or free_port()), _Handler)
        self._server.state = self.state
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> TwilioServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> TwilioServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


if __name__ == "__main__":
    server = TwilioServer(int(sys.argv[1]))
    server._server.serve_forever()
