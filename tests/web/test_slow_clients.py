"""Slow or hostile clients against the real server on 127.0.0.1 (web.client_limits).

A "slowloris" opens connections and never finishes a request; the site must keep
answering respondents meanwhile and close those sockets at the deadline. Raw sockets
stand in for the attacker; httpx for the respondent.
"""

from __future__ import annotations

import selectors
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import trustme

from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import free_port, koe_after
from tests.web.conftest import stored
from web.app import create_app
from web.client_limits import ClientLimits
from web.server import EmbeddedServer

ROOT = Path(__file__).resolve().parents[2]
UNFINISHED = b"GET /s/NoSuchSurvey1 HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: slow"
QUICK = 2.0  # seconds a respondent may wait for a page while the attack goes on
# The header deadline (10 s in the product: web.client_limits.DEFAULT_LIMITS) shortened,
# so that waiting for it costs the tests less; the rest of the limits are the product's.
SHORT = ClientLimits(header_timeout=3.0)


@contextmanager
def running(workspace: Workspace, limits: ClientLimits = SHORT) -> Iterator[str]:
    server = EmbeddedServer(create_app(workspace), port=free_port(), limits=limits)
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@contextmanager
def unfinished_requests(url: str, count: int) -> Iterator[list[socket.socket]]:
    """``count`` connections that each sent part of a request's headers, then nothing."""
    host, port = url.removeprefix("http://").split(":")
    with ExitStack() as stack:
        sockets = []
        for _ in range(count):
            sock = stack.enter_context(socket.create_connection((host, int(port)), timeout=5))
            sock.sendall(UNFINISHED)
            sockets.append(sock)
        yield sockets


def closing_times(
    sockets: list[socket.socket], within: float, enough: int | None = None
) -> list[float]:
    """When (time.monotonic) the server closed each socket it closed within ``within`` s
    (or until ``enough`` of them are closed)."""
    closed: list[float] = []
    deadline = time.monotonic() + within
    enough = len(sockets) if enough is None else enough
    with selectors.DefaultSelector() as selector:
        for sock in sockets:
            sock.setblocking(False)
            selector.register(sock, selectors.EVENT_READ)
        while len(closed) < enough and (left := deadline - time.monotonic()) > 0:
            for key, _ in selector.select(left):
                if _closed_by_peer(key.fileobj):  # type: ignore[arg-type]
                    closed.append(time.monotonic())
                    selector.unregister(key.fileobj)
    return closed


def _closed_by_peer(sock: socket.socket) -> bool:
    """Read what is there: True at the end of the stream (or a reset)."""
    try:
        return sock.recv(65536) == b""
    except (BlockingIOError, ssl.SSLWantReadError):
        return False  # e.g. only a TLS session ticket arrived
    except OSError:
        return True  # reset, or TLS cut without its closing message


def read_until_closed(sock: socket.socket, within: float) -> tuple[bytes, bool]:
    """What the server sent within ``within`` s, and whether it closed the connection."""
    received = b""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        except ConnectionResetError:
            return received, True
        if not chunk:
            return received, True
        received += chunk
    return received, False


def page_time(url: str, path: str) -> tuple[int, float]:
    """A respondent's GET: its status and how long it took."""
    began = time.monotonic()
    status = httpx.get(url + path, timeout=QUICK * 5).status_code
    return status, time.monotonic() - began


def test_three_hundred_unfinished_requests_neither_starve_respondents_nor_stay_open(
    workspace: Workspace, nps_survey: Survey
):
    with running(workspace, SHORT) as url:
        began = time.monotonic()
        with unfinished_requests(url, 300) as sockets:
            status, took = page_time(url, f"/s/{nps_survey.slug}")
            assert status == 200
            assert took < QUICK

            closed = closing_times(sockets, within=SHORT.header_timeout + 5)

        assert len(closed) == 300, "slow connections still open after the header deadline"
        # Closed by the deadline, not before it.
        assert min(closed) - began > SHORT.header_timeout - 1
        assert max(closed) - began < SHORT.header_timeout + 3
        assert page_time(url, f"/s/{nps_survey.slug}")[0] == 200


def test_headers_trickled_a_byte_at_a_time_are_cut_at_the_deadline(workspace: Workspace):
    # Each byte arrives well within any idle timeout; the deadline counts the whole request.
    limits = ClientLimits(header_timeout=2)
    with running(workspace, limits) as url, unfinished_requests(url, 1) as (sock,):
        began = time.monotonic()
        closed: list[float] = []
        while not closed and time.monotonic() - began < 10:
            sock.sendall(b"x")
            closed = closing_times([sock], within=0.5)

    assert closed, "a client trickling its headers was never cut off"
    assert 1.5 < closed[0] - began < 3.5


def test_a_kept_alive_connection_must_finish_its_next_request_in_time(
    workspace: Workspace, nps_survey: Survey
):
    limits = ClientLimits(header_timeout=2)
    with running(workspace, limits) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(f"GET /s/{nps_survey.slug} HTTP/1.1\r\nHost: shop\r\n\r\n".encode())
            first = sock.recv(65536)
            assert first.startswith(b"HTTP/1.1 200")
            sock.sendall(UNFINISHED)  # cancels the keep-alive timer, never finishes
            began = time.monotonic()
            closed = closing_times([sock], within=limits.header_timeout + 3)

    assert closed, "a kept-alive connection with a half-sent request stayed open"
    assert closed[0] - began < limits.header_timeout + 0.5


def test_a_body_sent_a_byte_a_second_is_cut_off_and_stores_nothing(
    workspace: Workspace, nps_survey: Survey
):
    limits = ClientLimits(body_timeout=2)
    with running(workspace, limits) as url:
        host, port = url.removeprefix("http://").split(":")
        head = (
            f"POST /s/{nps_survey.slug} HTTP/1.1\r\nHost: shop\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        )
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(head.encode())
            began = time.monotonic()
            answer, closed = b"", False
            while not closed and time.monotonic() - began < 10:
                try:
                    sock.sendall(b"a")
                except (BrokenPipeError, ConnectionResetError):
                    break
                # A second between bytes; ends early when the server answers or closes.
                received, closed = read_until_closed(sock, within=1.0)
                answer += received
            took = time.monotonic() - began
        assert page_time(url, f"/s/{nps_survey.slug}")[0] == 200

    assert took < limits.body_timeout + 1.5, "a body a byte a second was read for ten seconds"
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408")
    assert stored(workspace, nps_survey) == []


def test_past_the_connection_cap_the_longest_waiting_slow_socket_makes_room(
    workspace: Workspace, nps_survey: Survey
):
    # uvicorn's own cap alone (limit_concurrency) answers 503 to everyone once slow
    # sockets fill it; here they give way instead, long before their deadline.
    limits = ClientLimits(header_timeout=60, max_connections=50)
    with running(workspace, limits) as url, unfinished_requests(url, 300) as sockets:
        status, took = page_time(url, f"/s/{nps_survey.slug}")
        enough = len(sockets) - limits.max_connections
        closed = closing_times(sockets, within=5, enough=enough)

    assert status == 200
    assert took < QUICK
    assert len(closed) >= enough


@contextmanager
def serving_https(tmp_path: Path) -> Iterator[tuple[int, ssl.SSLContext]]:
    """``main.py serve`` with its own TLS (a certificate for 127.0.0.1 from a test CA),
    in a process of its own (with the ``SHORT`` header deadline); its port and a client
    context that trusts it."""
    ca = trustme.CA()
    pem = tmp_path / "site.pem"
    ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(pem))
    context = ssl.create_default_context()
    ca.configure_trust(context)
    port = free_port()
    command = koe_after(
        "import web.client_limits as limits; "
        f"limits.DEFAULT_LIMITS = limits.ClientLimits(header_timeout={SHORT.header_timeout})"
    )
    command += ["serve", "--data-dir", str(tmp_path / "ws")]
    command += ["--host", "127.0.0.1", "--port", str(port), "--tls-cert", str(pem)]
    command += ["--tls-key", str(pem)]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.communicate()[1]
            try:
                httpx.get(url, verify=context)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        yield port, context
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_serve_with_its_own_tls_closes_slow_and_stalled_connections(tmp_path: Path):
    with serving_https(tmp_path) as (port, context), ExitStack() as stack:
        began = time.monotonic()
        # Connections that never begin the TLS handshake...
        stalled = [
            stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            for _ in range(20)
        ]
        # ...and ones that finish it, then send half a request.
        unfinished = []
        for _ in range(100):
            raw = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock = stack.enter_context(context.wrap_socket(raw, server_hostname="127.0.0.1"))
            sock.sendall(UNFINISHED)
            unfinished.append(sock)

        started = time.monotonic()
        link = f"https://127.0.0.1:{port}/s/NoSuchSurvey1"
        assert httpx.get(link, verify=context).status_code == 404
        assert time.monotonic() - started < QUICK

        closed = closing_times(stalled + unfinished, within=SHORT.header_timeout + 5)

    assert len(closed) == 120, "slow TLS connections still open after the header deadline"
    assert min(closed) - began > SHORT.header_timeout - 1
