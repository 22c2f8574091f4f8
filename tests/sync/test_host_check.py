"""Checking a public host before the desktop connects to it (web.sync.check.check_host).

The check goes through the address, HTTPS and its certificate, the host's
protocol version, the key, a publish and a pull, and each failure carries a
kind and a cause that Settings ▸ Public host turns into plain words. Hosts are
the real ``main.py serve`` over HTTPS (trustme) on 127.0.0.1; certificate
problems are served by a bare TLS listener, since they end the connection
before any HTTP is spoken.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import trustme
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route

from storage import settings as settings_store
from storage.workspace import Workspace
from tests.helpers import free_port
from tests.sync.conftest import KEY, Host, Tls, issue_tls, self_signed_tls, speaking
from web.app import create_app
from web.server import EmbeddedServer
from web.sync.check import CHECK_STEPS, CheckCancelled, check_host
from web.sync.errors import SyncError
from web.sync.host import HostClient
from web.sync.protocol import PROTOCOL_VERSION, up_to_date

SITE = {"business_name": "Sakura Bakery", "privacy_url": "", "follow_up_detractors": False}


@pytest.mark.parametrize(
    ("mine", "theirs", "enough"),
    [
        ("1.1", "1.1", True),
        ("1.1", "1.4", True),
        ("1.1", "1.0", False),
        ("1.1", "2.0", False),
        ("1.1", "", False),
    ],
)
def test_a_new_connection_needs_a_host_at_least_as_new(mine, theirs, enough):
    assert up_to_date(mine, theirs) is enough


def test_a_host_that_passes_every_check(host: Host):
    steps: list[str] = []

    checked = check_host(
        host.url + "/", KEY, SITE, ca_file=host.tls.ca, step=lambda name: steps.append(name) or True
    )

    assert steps == list(CHECK_STEPS)
    assert checked.url == host.url and checked.protocol == PROTOCOL_VERSION
    with host.read() as workspace:  # the publish reached the host's file
        assert settings_store.load(workspace.db()).business_name == "Sakura Bakery"


def test_cancel_stops_before_the_next_step(host: Host):
    with pytest.raises(CheckCancelled):
        check_host(host.url, KEY, SITE, ca_file=host.tls.ca, step=lambda name: name != "publish")

    with host.read() as workspace:
        assert settings_store.load(workspace.db()).business_name == ""


def test_a_wrong_key_is_named(host: Host):
    problem = _problem(host.url, "a-wrong-key-" + "0" * 20, ca_file=host.tls.ca)
    assert problem.kind == "auth"


def test_an_older_host_is_refused_at_connection_but_still_syncs(tmp_path: Path, tls: Tls):
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY, encoding="utf-8")
    older = Host(tmp_path / "host", tls, key_file, tmp_path / "host.log")
    older.python_prefix = speaking("1.0")
    older.start()
    try:
        problem = _problem(older.url, KEY, ca_file=tls.ca)
        # A desktop connected before keeps syncing with it (same major version).
        with HostClient(older.url, KEY, ca_file=tls.ca) as client:
            assert client.status().protocol == "1.0"
    finally:
        older.stop()
    assert problem.kind == "version" and problem.host_protocol == "1.0"
    assert str(problem) == (
        f"The host runs an older Koe (sync protocol 1.0) than this app ({PROTOCOL_VERSION}). "
        "Update Koe on the host."
    )


def test_nothing_listening_is_named():
    problem = _problem(f"https://127.0.0.1:{free_port()}", KEY)
    assert (problem.kind, problem.cause) == ("unreachable", "refused")


def test_a_site_without_sync_at_that_address_is_named(host: Host):
    # The right host, a wrong path: Koe's own site answers 404 there.
    problem = _problem(host.url + "/koe", KEY, ca_file=host.tls.ca)
    assert problem.kind == "no_sync"


def test_https_to_a_port_that_speaks_plain_http(workspace: Workspace):
    server = EmbeddedServer(create_app(workspace, sync_key=KEY), port=free_port())
    server.start()
    try:
        problem = _problem(server.url.replace("http://", "https://"), KEY)
    finally:
        server.stop()
    assert (problem.kind, problem.cause) == ("unreachable", "not_https")


def test_a_redirect_names_the_address_to_use():
    def elsewhere(request):
        return RedirectResponse("https://survey.example.com/api/sync/v1/status", 308)

    app = Starlette(routes=[Route("/{path:path}", elsewhere)])
    server = EmbeddedServer(app, port=free_port())
    server.start()
    try:
        problem = _problem(server.url, KEY)
    finally:
        server.stop()
    assert (problem.kind, problem.cause) == ("bad_answer", "redirect")
    assert problem.detail == "https://survey.example.com"


def test_plain_http_to_another_computer_is_refused_before_any_connection():
    problem = _problem("http://survey.example.com", KEY)
    assert (problem.kind, problem.cause) == ("address", "not_https")


def test_no_key_is_named(host: Host):
    problem = _problem(host.url, "  ", ca_file=host.tls.ca)
    assert problem.kind == "no_key"


# --- certificates -------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


CERTIFICATES = {
    "untrusted_issuer": lambda folder, ca: issue_tls(folder, trustme.CA()),
    "self_signed": lambda folder, ca: self_signed_tls(folder),
    "expired": lambda folder, ca: issue_tls(
        folder, ca, not_before=_now() - timedelta(days=90), not_after=_now() - timedelta(days=1)
    ),
    "not_yet_valid": lambda folder, ca: issue_tls(
        folder, ca, not_before=_now() + timedelta(days=2), not_after=_now() + timedelta(days=90)
    ),
    "wrong_name": lambda folder, ca: issue_tls(folder, ca, "survey.example.com"),
}


@pytest.mark.parametrize("cause", sorted(CERTIFICATES))
def test_each_certificate_problem_is_named(tmp_path: Path, cause: str):
    ca = trustme.CA()
    trusted = issue_tls(tmp_path / "trusted", ca)  # the CA this desktop trusts
    served = CERTIFICATES[cause](tmp_path / "served", ca)

    with tls_listener(served) as url:
        problem = _problem(url, KEY, ca_file=trusted.ca)

    assert (problem.kind, problem.cause) == ("tls", cause)
    assert "not trusted" in str(problem)


def test_the_trusted_certificate_of_the_same_listener_passes(tmp_path: Path):
    # The listener itself is sound: with a good certificate the handshake passes
    # and only the HTTP that follows is missing.
    trusted = issue_tls(tmp_path / "trusted", trustme.CA())
    with tls_listener(trusted) as url:
        problem = _problem(url, KEY, ca_file=trusted.ca)
    assert problem.kind == "unreachable" and problem.cause == ""


@contextmanager
def tls_listener(files: Tls) -> Iterator[str]:
    """A TLS listener on 127.0.0.1 that completes handshakes and then hangs up."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(files.cert), str(files.key))
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(connection, server_side=True) as wrapped:
                    wrapped.recv(1)
            except (OSError, ssl.SSLError):
                connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() the thread waits in
        listener.close()
        thread.join(5)


def _problem(url: str, key: str, *, ca_file: Path | None = None) -> SyncError:
    with pytest.raises(SyncError) as caught:
        check_host(url, key, SITE, ca_file=ca_file)
    return caught.value
