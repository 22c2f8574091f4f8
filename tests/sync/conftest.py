"""Two real Koe processes on 127.0.0.1 over HTTPS: a public host and a desktop that syncs.

The host is ``main.py serve --tls-cert … --tls-key … --sync-key-file …`` with a
certificate for 127.0.0.1 signed by a CA made for the test run (trustme); the
desktop is ``main.py sync --ca-file …`` run against its own workspace, so both
sides are separate processes that can be killed. Nothing here talks to any
address but 127.0.0.1.
"""

from __future__ import annotations

import html
import ipaddress
import os
import re
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from storage import sync as sync_store
from storage.workspace import Workspace
from tests.helpers import free_port, koe_after

ROOT = Path(__file__).resolve().parents[2]
KEY = "test-sync-key-" + "x7Yq" * 8
START_TIMEOUT = 30.0
SYNC_TIMEOUT = 120.0


@dataclass(frozen=True)
class Tls:
    """PEM files: the test CA, and the host's certificate chain and key for 127.0.0.1."""

    ca: Path
    cert: Path
    key: Path

    def context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))


def issue_tls(folder: Path, ca: trustme.CA, *identities: str, **validity: Any) -> Tls:
    """PEM files in ``folder``: ``ca``'s certificate, and one it issues for ``identities``
    (127.0.0.1 by default; ``not_before``/``not_after`` as trustme takes them)."""
    folder.mkdir(parents=True, exist_ok=True)
    issued = ca.issue_cert(*(identities or ("127.0.0.1",)), **validity)
    files = Tls(folder / "ca.pem", folder / "cert.pem", folder / "key.pem")
    ca.cert_pem.write_to_path(str(files.ca))
    issued.private_key_pem.write_to_path(str(files.key))
    for index, blob in enumerate(issued.cert_chain_pems):
        blob.write_to_path(str(files.cert), append=index > 0)
    return files


def self_signed_tls(folder: Path) -> Tls:
    """A certificate for 127.0.0.1 that signs itself, as a host made with ``openssl req
    -x509`` has (``ca`` is the certificate itself: trusting it is the only way)."""
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    files = Tls(folder / "cert.pem", folder / "cert.pem", folder / "key.pem")
    files.cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return issue_tls(tmp_path_factory.mktemp("tls"), trustme.CA())


def koe_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def child_env() -> dict[str, str]:
    """The environment of a child process: no proxy (127.0.0.1 only), no key from outside."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.pop("KOE_SYNC_KEY", None)
    env.pop("KOE_DATA_DIR", None)
    return env


def speaking(version: str) -> list[str]:
    """A ``Host.python_prefix``: the real ``main.py serve`` of a Koe that speaks sync
    protocol ``version`` (changed before the sync API is imported)."""
    return koe_after(f"import web.sync.protocol as p; p.PROTOCOL_VERSION = {version!r}")


class Host:
    """``main.py serve`` over HTTPS with the sync API, in a process of its own."""

    def __init__(self, folder: Path, tls: Tls, key_file: Path, log: Path) -> None:
        self.folder = folder
        self.tls = tls
        self.key_file = key_file
        self.log = log
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.extra: list[str] = []
        self.env: dict[str, str] = {}  # added to the child's environment
        self.python_prefix: list[str] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self.process is None or self.process.poll() is not None
        args = [
            "serve",
            "--data-dir",
            str(self.folder),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--tls-cert",
            str(self.tls.cert),
            "--tls-key",
            str(self.tls.key),
            "--sync-key-file",
            str(self.key_file),
            *self.extra,
        ]
        command = [*self.python_prefix, *args] if self.python_prefix else koe_command(*args)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**child_env(), **self.env},
            )
        deadline = time.monotonic() + START_TIMEOUT
        with self.client() as client:
            while True:
                assert self.process.poll() is None, self.log.read_text()
                try:
                    if client.get("/api/sync/v1/status", headers=self.headers()).status_code:
                        return
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the host did not start"
                time.sleep(0.1)

    def headers(self, key: str = KEY, protocol: str = "1.0") -> dict[str, str]:
        return {"Authorization": f"Bearer {key}", "Koe-Sync-Protocol": protocol}

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self.tls.context(), timeout=10)

    def kill(self) -> None:
        """SIGKILL: no chance to finish anything."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def read(self) -> Workspace:
        """The host's workspace, read beside the running process."""
        return Workspace.open_read_only(self.folder)


class Desktop:
    """A desktop's workspace and ``main.py sync`` run on it, each time a process of its own."""

    def __init__(self, folder: Path, host: Host) -> None:
        self.folder = folder
        self.host = host

    def sync_command(self, *extra: str, key_file: Path | None = None) -> list[str]:
        return koe_command(
            "sync",
            "--data-dir",
            str(self.folder),
            "--host",
            self.host.url,
            "--key-file",
            str(key_file or self.host.key_file),
            "--ca-file",
            str(self.host.tls.ca),
            *extra,
        )

    def sync(self, *extra: str, key_file: Path | None = None) -> subprocess.CompletedProcess[str]:
        """One sync that must succeed; its output names what it did."""
        result = self.try_sync(*extra, key_file=key_file)
        assert result.returncode == 0, result.stderr
        return result

    def try_sync(
        self, *extra: str, key_file: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.sync_command(*extra, key_file=key_file),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=SYNC_TIMEOUT,
            env=child_env(),
        )

    def open(self) -> Workspace:
        """The workspace for writing, between syncs (a sync holds the lock)."""
        return Workspace.open(self.folder)

    def read(self) -> Workspace:
        return Workspace.open_read_only(self.folder)

    def cursor(self) -> int:
        with self.read() as workspace:
            return sync_store.load_state(workspace.db()).cursor


# --- processes in front of one another (a proxy before serve) -------------------------


def wait_for(
    url: str, process: subprocess.Popen[bytes], log: Path, verify: ssl.SSLContext | bool = True
) -> None:
    """Until something answers at ``url``; fails with ``log`` if ``process`` ends first."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert process.poll() is None, log.read_text()
        try:
            httpx.get(url, timeout=2, verify=verify)
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline, f"nothing answers at {url}"
            time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], how: int) -> None:
    """Stop ``process`` with the signal ``how``; killed if it has not ended within 10 s."""
    if process.poll() is None:
        process.send_signal(how)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextmanager
def running_host(folder: Path, tls: Tls) -> Iterator[Host]:
    """A host started with its key file, workspace and log in ``folder``; stopped after."""
    key_file = folder / "sync.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    host = Host(folder / "host", tls, key_file, folder / "host.log")
    host.start()
    try:
        yield host
    finally:
        host.stop()


@pytest.fixture
def host(tmp_path: Path, tls: Tls) -> Iterator[Host]:
    with running_host(tmp_path, tls) as host:
        yield host


@pytest.fixture
def desktop(tmp_path: Path, host: Host) -> Desktop:
    return Desktop(tmp_path / "desktop", host)


# --- answering on the host like a browser without JavaScript ------------------------


class FormReader(HTMLParser):
    """The page's first form: where it posts and its hidden fields."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = html.unescape(attributes.get("action") or "")
        if tag == "input" and attributes.get("type") == "hidden" and attributes.get("name"):
            self.hidden[str(attributes["name"])] = attributes.get("value") or ""


def post_page(client: httpx.Client, link: str, fields: Mapping[str, str]) -> httpx.Response:
    """Open ``link`` and post ``fields`` with the form's hidden fields, as a browser does."""
    page = client.get(link)
    assert page.status_code == 200, page.text[:500]
    form = FormReader()
    form.feed(page.text)
    assert form.action is not None, "the page has no form"
    # Fields the script would send are left out: this is a browser without JavaScript.
    hidden = {k: v for k, v in form.hidden.items() if k != "_all"}
    return client.post(form.action or link, data={**hidden, **fields})


NEXT_PAGE = re.compile(r"/next/[\w-]+\?page=\d+")
