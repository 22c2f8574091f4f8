"""The sync API answers bad input with a 4xx and a JSON error, never a 500 or a hang.

Whoever holds the key (or a desktop gone wrong) may send anything: numbers in
other scripts, JSON nested until the parser gives up, text SQLite cannot
store, and bodies streamed in chunks with no length that never end. The host
refuses each in words, reads no body past its limit, and keeps working.
"""

from __future__ import annotations

import json
import socket
import ssl
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from storage import sync_desktop
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.sync.conftest import KEY, Host, Tls, running_host
from web.middleware import MAX_BODY_BYTES
from web.sync.protocol import PROTOCOL_VERSION

SURVEY = "/api/sync/v1/surveys/abcdefgh12"


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, tls: Tls) -> Iterator[Host]:
    """One host for the module: what it is sent here is refused (each test checks that it
    keeps working afterwards), so a host of its own per test would only cost its start."""
    with running_host(tmp_path_factory.mktemp("input"), tls) as host:
        yield host


def assert_json_refusal(answer: httpx.Response, status: int, error: str) -> None:
    assert answer.status_code == status, answer.text[:300]
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["error"] == error and body["message"]


@pytest.mark.parametrize(
    "since",
    [
        "١٢٣",  # Arabic-Indic digits: int() would read them as 123
        "１２",  # full-width digits
        "²",  # a superscript: isdigit() says yes, int() raises
        "-1",
        "1e3",
        " 7",
        "9" * 30,
    ],
)
def test_since_in_anything_but_ascii_digits_is_refused(host: Host, since: str):
    with host.client() as client:
        answer = client.get(
            f"/api/sync/v1/changes?since={quote(since)}&limit=5", headers=host.headers()
        )
        limit = client.get(
            f"/api/sync/v1/changes?since=0&limit={quote(since)}", headers=host.headers()
        )
    assert_json_refusal(answer, 400, "bad_request")
    assert_json_refusal(limit, 400, "bad_request")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (SURVEY, "[" * 30_000 + "]" * 30_000),
        ("/api/sync/v1/site", '{"business_name": ' + "[" * 30_000 + "]" * 30_000 + "}"),
        ("/api/sync/v1/deliveries", '{"deliveries": ' + "[" * 30_000 + "]" * 30_000 + "}"),
        (SURVEY, b"\xff\xfe not utf-8"),
    ],
)
def test_json_nested_too_deep_or_broken_is_refused(host: Host, path: str, body: str | bytes):
    content = body.encode("utf-8") if isinstance(body, str) else body
    assert len(content) < MAX_BODY_BYTES  # refused for its shape, not its size

    with host.client() as client:
        answer = client.put(
            path, content=content, headers={**host.headers(), "Content-Type": "application/json"}
        )
        still = client.get("/api/sync/v1/status", headers=host.headers())

    assert_json_refusal(answer, 422, "refused")
    assert still.status_code == 200


def lone_surrogate(payload: dict[str, Any]) -> None:
    payload["title"] = {"en": "Hello \ud800"}  # sent as the escape \ud800: not Unicode


def position_beyond_64_bits(payload: dict[str, Any]) -> None:
    payload["questions"][0]["position"] = 10**30


def position_of_5000_digits(payload: dict[str, Any]) -> None:
    payload["questions"][0]["position"] = "POSITION"  # replaced in the text below


@pytest.mark.parametrize(
    "poison", [lone_surrogate, position_beyond_64_bits, position_of_5000_digits]
)
def test_a_survey_with_what_sqlite_cannot_store_is_refused(
    host: Host, workspace: Workspace, poison: Callable[[dict[str, Any]], None]
):
    survey = make_survey(workspace, "nps")
    (payload,) = sync_desktop.survey_payloads(workspace.db())
    path = f"/api/sync/v1/surveys/{survey.slug}"
    headers = {**host.headers(), "Content-Type": "application/json"}
    poison(payload)
    body = json.dumps(payload).replace('"POSITION"', "1" + "0" * 5000)

    with host.client() as client:
        answer = client.put(path, content=body, headers=headers)
        healthy = client.put(
            path, json=sync_desktop.survey_payloads(workspace.db())[0], headers=headers
        )

    assert_json_refusal(answer, 422, "refused")
    assert healthy.status_code == 200  # the same survey without the poison is taken


def test_a_declared_body_over_the_limit_is_refused_in_json(host: Host):
    nested = "[" * 100_000 + "]" * 100_000
    with host.client() as client:
        answer = client.put(
            SURVEY, content=nested, headers={**host.headers(), "Content-Type": "application/json"}
        )
    assert_json_refusal(answer, 413, "too_large")


def test_a_chunked_body_over_the_limit_is_refused_before_it_ends(host: Host):
    """Chunks with no Content-Length: the host stops reading at its limit and answers.

    The body is never finished, so an answer proves that the host did not wait
    to read all of it.
    """
    context = host.tls.context()
    with (
        socket.create_connection(("127.0.0.1", host.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        tls.sendall(
            (
                f"PUT {SURVEY} HTTP/1.1\r\n"
                "Host: 127.0.0.1\r\n"
                f"Authorization: Bearer {KEY}\r\n"
                f"Koe-Sync-Protocol: {PROTOCOL_VERSION}\r\n"
                "Content-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"
            ).encode("ascii")
        )
        chunk = b"[" * 8192
        try:
            for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
                tls.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the host has answered and closed already
        # No last chunk: the body never ends.
        answer = read_answer(tls)

    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    assert status_line.startswith("HTTP/1.1 413"), status_line
    assert headers["content-type"].startswith("application/json")
    assert headers["connection"] == "close"
    assert json.loads(body)["error"] == "too_large"
    with host.client() as client:
        assert client.get("/api/sync/v1/status", headers=host.headers()).status_code == 200


def read_answer(tls: ssl.SSLSocket) -> bytes:
    """Everything the host answers until it closes the connection (a timeout fails the test)."""
    received = b""
    while True:
        try:
            data = tls.recv(65536)
        except (ConnectionResetError, ssl.SSLError):
            break
        if not data:
            break
        received += data
    assert received, "the host answered nothing"
    return received
