"""The Docker + Caddy recipe, run on 127.0.0.1 without Docker: Debian's Caddy in front of the
image's ``serve``.

What the image would run is taken from the recipe's own files (tests/sync/container_recipe.py):
the Dockerfile's ``uv sync`` builds a virtual environment, offline, in a folder holding only
the files copied before it; ``serve`` runs with that environment's Python from a copy of the
build context that .dockerignore leaves, with the image's entrypoint and compose.yaml's
options. Only what a test on 127.0.0.1 must change is changed: the workspace folder, the
listening address and port, the key file's path and the trusted proxy's address.

deploy/Caddyfile runs with KOE_DOMAIN=127.0.0.1:<port>, ``tls internal`` (Caddy's own CA,
trusted by the test's client) and upstream 127.0.0.1:<serve's port>, under global options
that keep it on 127.0.0.1 and in the test's folder: no admin endpoint, no redirect listener
on port 80, no HTTP/3, no change to the system's trust store, its data under XDG_DATA_HOME.
Caddy runs in the foreground and is stopped at the end.
"""

from __future__ import annotations

import shutil
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from storage import responses as response_store
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.sync.conftest import (
    KEY,
    START_TIMEOUT,
    child_env,
    post_page,
    stop,
    wait_for,
)
from tests.sync.container_recipe import (
    CADDYFILE,
    DOCKERFILE,
    build_context,
    dependency_step,
    resolved_compose,
    serve_command,
    stages,
    the_one,
    with_values,
)
from web.sync.protocol import PROTOCOL_VERSION

CADDY = shutil.which("caddy") or "/usr/bin/caddy"
UPSTREAM = "reverse_proxy koe:8765"
SITE = "{$KOE_DOMAIN} {"
TEST_OPTIONS = """{
	admin off
	auto_https disable_redirects
	skip_install_trust
	default_bind 127.0.0.1
	servers {
		protocols h1 h2
	}
}
"""
PER_MINUTE = 2  # the rate limit on public-link posts, per client address


@dataclass(frozen=True)
class Image:
    """What the image would hold: its Python environment and its application folder."""

    python: Path
    app: Path
    venv: Path


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Image:
    """The Dockerfile's dependency step and build context, made on this machine."""
    root = tmp_path_factory.mktemp("image")
    build = stages(DOCKERFILE.read_text(encoding="utf-8"))[0]
    step = dependency_step(build)
    (root / "build").mkdir()
    for name in step.copied:
        shutil.copy2(Path(DOCKERFILE.parent, name), root / "build" / name)
    venv = root / "venv"
    env = {k: v for k, v in child_env().items() if k != "VIRTUAL_ENV"}
    # Offline: the packages come from uv's cache, filled by the project's own `uv sync`.
    env.update(UV_PROJECT_ENVIRONMENT=str(venv), UV_OFFLINE="1", UV_PYTHON=sys.executable)
    synced = subprocess.run(
        step.uv_sync, cwd=root / "build", env=env, capture_output=True, text=True, timeout=300
    )
    assert synced.returncode == 0, synced.stderr
    (root / "app").mkdir()
    build_context(root / "app")
    return Image(venv / "bin" / "python", root / "app", venv)


@dataclass
class Stack:
    url: str
    ca: ssl.SSLContext
    workspace_dir: Path
    slug: str
    koe_port: int
    serve_log: Path

    def client(self, source: str = "127.0.0.1") -> httpx.Client:
        """A browser at ``source`` (a loopback address of its own: a respondent's address)."""
        transport = httpx.HTTPTransport(verify=self.ca, local_address=source)
        return httpx.Client(base_url=self.url, transport=transport, timeout=10)

    def answers(self) -> list[dict[str, object]]:
        with Workspace.open_read_only(self.workspace_dir) as workspace:
            db = workspace.db()
            return [
                response_store.answers_of(db, row["id"])
                for row in db.query("SELECT id FROM responses ORDER BY id")
            ]


def caddyfile_for_loopback(koe_port: int) -> str:
    """deploy/Caddyfile with ``tls internal``, upstream serve's port, under TEST_OPTIONS."""
    text = CADDYFILE.read_text(encoding="utf-8")
    assert text.count(UPSTREAM) == 1 and text.count(SITE) == 1
    text = text.replace(UPSTREAM, f"reverse_proxy 127.0.0.1:{koe_port}")
    return TEST_OPTIONS + text.replace(SITE, SITE + "\n\ttls internal")


def caddy_root(data_home: Path, caddy: subprocess.Popen[bytes], log: Path) -> ssl.SSLContext:
    """Caddy's internal root certificate (made at its first start), as a client's trust."""
    root = data_home / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    deadline = time.monotonic() + START_TIMEOUT
    while not root.exists():
        assert caddy.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "Caddy made no root certificate"
        time.sleep(0.05)
    return ssl.create_default_context(cafile=str(root))


@pytest.fixture(scope="module")
def stack(image: Image, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The image's serve with compose.yaml's options, and Caddy with deploy/Caddyfile."""
    folder = tmp_path_factory.mktemp("stack")
    data = folder / "data"
    with Workspace.open(data) as workspace:
        slug = make_survey(workspace, "nps", languages=("en", "ja")).slug
        settings_store.save(workspace.db(), rate_limit_per_minute=PER_MINUTE)
    key_file = folder / "sync.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    koe_port, caddy_port = free_port(), free_port()
    domain = f"127.0.0.1:{caddy_port}"
    compose = resolved_compose({**child_env(), "KOE_DOMAIN": domain})
    command = with_values(
        serve_command(compose),
        {
            "--data-dir": str(data),
            "--host": "127.0.0.1",
            "--port": str(koe_port),
            "--sync-key-file": str(key_file),
            "--trusted-proxy": "127.0.0.1",  # where Caddy connects from, here
        },
    )
    assert command[:2] == ["python", "main.py"]
    serve_log = folder / "serve.log"
    with serve_log.open("wb") as log:
        serve = subprocess.Popen(
            [str(image.python), *command[1:]],
            cwd=image.app,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=child_env(),
        )
    caddy_dir = folder / "caddy"
    caddy_dir.mkdir()
    (caddy_dir / "Caddyfile").write_text(caddyfile_for_loopback(koe_port), encoding="utf-8")
    caddy_env = {
        **child_env(),
        "KOE_DOMAIN": domain,
        "HOME": str(caddy_dir),
        "XDG_DATA_HOME": str(caddy_dir / "data"),
        "XDG_CONFIG_HOME": str(caddy_dir / "config"),
    }
    caddy_log = caddy_dir / "caddy.log"
    try:
        wait_for(f"http://127.0.0.1:{koe_port}/s/{slug}", serve, serve_log)
        with caddy_log.open("wb") as log:
            caddy = subprocess.Popen(
                [CADDY, "run", "--config", "Caddyfile", "--adapter", "caddyfile"],
                cwd=caddy_dir,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=caddy_env,
            )
        try:
            ca = caddy_root(caddy_dir / "data", caddy, caddy_log)
            wait_for(f"https://{domain}/s/{slug}", caddy, caddy_log, verify=ca)
            yield Stack(f"https://{domain}", ca, data, str(slug), koe_port, serve_log)
        finally:
            stop(caddy, signal.SIGINT)
    finally:
        stop(serve, signal.SIGINT)
    assert serve.returncode == 0, serve_log.read_text()


def test_a_respondent_answers_over_https_through_caddy(stack: Stack):
    with stack.client() as browser:
        page = browser.get(f"/s/{stack.slug}")
        assert page.status_code == 200
        # Caddy's X-Forwarded-Proto from the trusted proxy: Koe knows the page is on HTTPS.
        assert "secure" in page.headers["set-cookie"].lower()
        answered = post_page(browser, f"/s/{stack.slug}", {"nps": "9", "reason": "Via Caddy"})
        assert answered.status_code == 303, answered.text[:300]
        thanks = browser.get(answered.headers["location"])
        assert thanks.status_code == 200
    assert {"nps": 9, "reason": "Via Caddy"} in stack.answers()
    # compose.yaml's --public-url, from KOE_DOMAIN: the links Koe gives out use it.
    with Workspace.open_read_only(stack.workspace_dir) as workspace:
        assert settings_store.load(workspace.db()).public_url == stack.url


def test_each_respondent_behind_caddy_has_a_rate_limit_of_their_own(stack: Stack):
    before = len(stack.answers())
    with stack.client("127.0.0.2") as first, stack.client("127.0.0.3") as second:
        link = f"/s/{stack.slug}"
        codes = [post_page(first, link, {"nps": "6"}).status_code for _ in range(PER_MINUTE + 1)]
        # A client's own X-Forwarded-For is dropped by Caddy: no way around the limit.
        first.headers["X-Forwarded-For"] = "198.51.100.7"
        forged = post_page(first, link, {"nps": "6"})
        # Another respondent, another address: Koe counts them apart, not as "Caddy".
        other = post_page(second, link, {"nps": "10"})
    assert codes == [303] * PER_MINUTE + [429]
    assert forged.status_code == 429
    assert other.status_code == 303
    assert len(stack.answers()) == before + PER_MINUTE + 1


def test_the_sync_api_answers_through_caddy_with_the_key_only(stack: Stack):
    with stack.client() as desktop:
        status = desktop.get(
            "/api/sync/v1/status",
            headers={"Authorization": f"Bearer {KEY}", "Koe-Sync-Protocol": PROTOCOL_VERSION},
        )
        wrong = desktop.get(
            "/api/sync/v1/status",
            headers={"Authorization": f"Bearer {KEY}-not", "Koe-Sync-Protocol": PROTOCOL_VERSION},
        )
    assert status.status_code == 200 and status.json()["protocol"] == PROTOCOL_VERSION
    assert wrong.status_code == 401


def test_a_body_far_over_what_koe_takes_is_refused_through_caddy(stack: Stack):
    before = len(stack.answers())
    body = b"nps=9&reason=" + b"x" * 300_000

    def in_chunks() -> Iterator[bytes]:  # no Content-Length: Koe counts as it reads
        for start in range(0, len(body), 16_384):
            yield body[start : start + 16_384]

    with stack.client() as client:
        declared = client.post(f"/s/{stack.slug}", content=body)
        streamed = client.post(f"/s/{stack.slug}", content=in_chunks())
    for refused in (declared, streamed):
        # Koe's own page, through Caddy: the body is refused, and nothing is stored.
        assert refused.status_code == 413
        assert "<html" in refused.text
    assert len(stack.answers()) == before


def test_the_images_health_check_passes_only_while_serve_answers(image: Image, stack: Stack):
    final = stages(DOCKERFILE.read_text(encoding="utf-8"))[-1]
    check = the_one(final, "HEALTHCHECK").exec_form()
    assert check[0] == "python" and "127.0.0.1:8765" in check[-1]

    def health(port: int) -> int:
        script = check[-1].replace("127.0.0.1:8765", f"127.0.0.1:{port}")
        command = [str(image.python), *check[1:-1], script]
        return subprocess.run(command, capture_output=True, timeout=30).returncode

    assert health(stack.koe_port) == 0
    assert health(free_port()) != 0


def test_the_image_holds_no_qt(image: Image):
    names = "import importlib.metadata as m; print(*(d.name for d in m.distributions()))"
    listed = (
        subprocess.run([str(image.python), "-c", names], capture_output=True, text=True, check=True)
        .stdout.lower()
        .split()
    )
    assert "starlette" in listed and "uvicorn" in listed
    assert not [name for name in listed if name.startswith(("pyside6", "shiboken6"))]
    assert not (image.app / "ui").exists()
    assert not (image.app / "tests").exists()
    size = sum(path.stat().st_size for path in image.venv.rglob("*") if path.is_file())
    # Without PySide6 the environment is a fraction of the desktop's (~1 GB).
    assert size < 300 * 2**20, f"{size / 2**20:.0f} MiB"
