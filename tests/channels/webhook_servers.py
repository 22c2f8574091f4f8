"""Local HTTPS receivers on 127.0.0.1 that speak like Slack, Teams, Google Chat, Chatwork
and a generic webhook receiver (which checks Koe's signature with the snippet of
docs/webhooks.md, run as written there).

One server serves every kind by path: ``/slack/...``, ``/teams/...``, ``/chat/...``,
``/v2/rooms/{id}/messages`` (Chatwork), ``/generic/...``. Scripted answers
(``script``: path → list of (status, body, headers)) are used up in order before
the service's usual success. ``hang`` makes the server take a request and never
answer it (a sender killed mid-send, a timeout).
"""

from __future__ import annotations

import json
import re
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import trustme

DOCS = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
CHATWORK_TOKEN = "chatwork-token-for-tests"


def documented_verifier() -> Any:
    """``verify_koe_request`` from docs/webhooks.md's Python block."""
    text = DOCS.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code, "docs/webhooks.md has no Python verification snippet"
    scope: dict[str, Any] = {}
    exec(code.group(1), scope)
    return scope["verify_koe_request"]


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass
class Receivers:
    """What the receivers got and how they answer."""

    signing_secret: str = ""
    received: list[Received] = field(default_factory=list)
    script: dict[str, list[tuple[int, str, dict[str, str]]]] = field(default_factory=dict)
    hang: bool = False
    got_one: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    seen_ids: set[str] = field(default_factory=set)
    delivered: list[Received] = field(default_factory=list)  # after a receiver's dedupe
    bad_signatures: int = 0

    def on(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path.startswith(path)]


def _usual(path: str, request: Received, state: Receivers) -> tuple[int, str]:
    """The service's usual answer to a request that reached it."""
    if path.startswith("/slack/"):
        return 200, "ok"
    if path.startswith("/teams/"):
        return 200, "1"
    if path.startswith("/chat/"):
        return 200, json.dumps({"name": "spaces/AAA/messages/1", "text": request.json()["text"]})
    if path.startswith("/v2/rooms/"):
        if request.headers.get("x-chatworktoken") != CHATWORK_TOKEN:
            return 401, json.dumps({"errors": ["Invalid API token"]})
        if not request.form().get("body"):
            return 400, json.dumps({"errors": ["Parameter [body] is required"]})
        return 200, json.dumps({"message_id": str(1000 + len(state.on("/v2/rooms/")))})
    if path.startswith("/generic/"):
        if not documented_verifier()(state.signing_secret, request.headers, request.body):
            state.bad_signatures += 1
            return 401, "bad signature"
        key = request.headers.get("koe-idempotency-id", "")
        if key not in state.seen_ids:
            state.seen_ids.add(key)
            state.delivered.append(request)
        return 204, ""
    return 404, "not found"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Received(self.path, _Caseless(headers), self.rfile.read(length))
        state.received.append(request)
        state.got_one.set()
        if state.hang:
            state.release.wait(30)
            return  # no answer at all
        scripted = state.script.get(self.path) or []
        if scripted:
            status, body, extra = scripted.pop(0)
        else:
            (status, body), extra = _usual(self.path, request, state), {}
        data = body.encode()
        self.send_response(status)
        kind = "application/json" if body.startswith("{") else "text/plain"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class _Caseless(dict):
    """Headers read by any case, as a receiver's framework gives them."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: Receivers


class HttpsReceivers:
    """The server, its CA (for the client's ``verify``) and its state."""

    def __init__(self, ca: trustme.CA, state: Receivers) -> None:
        self.ca = ca
        self.state = state
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.state = state
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(context)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.server.server_address[1]}"

    def client_context(self) -> ssl.SSLContext:
        """What the client trusts: this CA only (verification stays on)."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    def start(self) -> HttpsReceivers:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.state.release.set()
        self.server.shutdown()
        self.server.server_close()
