"""The nginx recipe of docs/deploy.md, run: Debian's nginx in front of ``main.py serve``.

The first ``nginx`` server block of the document is used as written, except
what a test on 127.0.0.1 must change: it listens on a free 127.0.0.1 port in
plain HTTP (no certificate lines) and proxies to the port ``serve`` was given.
nginx runs in the foreground (``daemon off``) with its pid, logs and
temporary files in the test's folder, and is stopped at the end.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from storage import responses as response_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.sync.conftest import (
    KEY,
    ROOT,
    child_env,
    koe_command,
    post_page,
    stop,
    wait_for,
)
from web.sync.protocol import PROTOCOL_VERSION

DEPLOY = ROOT / "docs" / "deploy.md"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def server_block(markdown: str) -> str:
    """The first nginx server block of the recipe (the one that proxies to Koe)."""
    for block in re.findall(r"```nginx\n(.*?)```", markdown, re.S):
        match = re.search(r"^server \{\n.*?^\}\n", block, re.S | re.M)
        if match and "proxy_pass" in match.group(0):
            return match.group(0)
    raise AssertionError("docs/deploy.md has no nginx server block with proxy_pass")


def for_loopback(block: str, listen_port: int, koe_port: int) -> str:
    """The block on 127.0.0.1: plain HTTP on ``listen_port``, proxying to ``koe_port``."""
    lines = []
    listened = False
    for line in block.splitlines():
        stripped = line.strip()
        if stripped.startswith("listen "):
            if not listened:
                lines.append(f"    listen 127.0.0.1:{listen_port};")
                listened = True
            continue
        if stripped.startswith("ssl_"):
            continue
        lines.append(line)
    adapted = "\n".join(lines) + "\n"
    assert "proxy_pass http://127.0.0.1:8765;" in adapted
    return adapted.replace(
        "proxy_pass http://127.0.0.1:8765;", f"proxy_pass http://127.0.0.1:{koe_port};"
    )


def nginx_conf(folder: Path, server: str) -> str:
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    # As root, nginx's workers would switch to "nobody", who cannot enter the test's folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} info;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        f"    access_log {folder / 'access.log'};\n"
        f"    client_body_temp_path {temp['body']};\n"
        f"    proxy_temp_path {temp['proxy']};\n"
        f"    fastcgi_temp_path {temp['fastcgi']};\n"
        f"    uwsgi_temp_path {temp['uwsgi']};\n"
        f"    scgi_temp_path {temp['scgi']};\n"
        f"{server}"
        "}\n"
    )


@dataclass
class Proxied:
    url: str
    workspace_dir: Path
    slug: str
    nginx_conf: str


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[Proxied]:
    """``main.py serve`` with the sync API on one port, nginx in front of it on another."""
    data = tmp_path / "host"
    with Workspace.open(data) as workspace:
        slug = make_survey(workspace, "nps", languages=("en", "ja")).slug
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY, encoding="utf-8")
    koe_port, nginx_port = free_port(), free_port()
    koe_log = tmp_path / "serve.log"
    with koe_log.open("wb") as log:
        serve = subprocess.Popen(
            koe_command(
                "serve", "--data-dir", str(data), "--host", "127.0.0.1", "--port", str(koe_port),
                "--sync-key-file", str(key_file), "--trusted-proxy", "127.0.0.1",
            ),
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=child_env(),
        )  # fmt: skip
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    conf = nginx_conf(prefix, for_loopback(server_block(DEPLOY.read_text()), nginx_port, koe_port))
    (prefix / "nginx.conf").write_text(conf)
    nginx_log = prefix / "stderr.log"
    try:
        wait_for(f"http://127.0.0.1:{koe_port}/s/{slug}", serve, koe_log)
        with nginx_log.open("wb") as log:
            command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
            nginx = subprocess.Popen(
                [*command, "-e", str(prefix / "error.log")], stdout=log, stderr=subprocess.STDOUT
            )
        try:
            wait_for(f"http://127.0.0.1:{nginx_port}/", nginx, prefix / "error.log")
            yield Proxied(f"http://127.0.0.1:{nginx_port}", data, str(slug), conf)
        finally:
            stop(nginx, signal.SIGQUIT)  # nginx's graceful shutdown
        assert nginx.returncode == 0, (prefix / "error.log").read_text()
    finally:
        stop(serve, signal.SIGINT)


def test_the_recipes_nginx_block_carries_a_respondent_and_the_sync_api(proxied: Proxied):
    with httpx.Client(base_url=proxied.url, timeout=10) as browser:
        page = browser.get(f"/s/{proxied.slug}")
        assert page.status_code == 200
        answered = post_page(browser, f"/s/{proxied.slug}", {"nps": "8", "reason": "Via nginx"})
        assert answered.status_code == 303, answered.text[:300]
        thanks = browser.get(answered.headers["location"])
        assert thanks.status_code == 200
        status = browser.get(
            "/api/sync/v1/status",
            headers={"Authorization": f"Bearer {KEY}", "Koe-Sync-Protocol": "1.0"},
        )
        assert status.status_code == 200 and status.json()["protocol"] == PROTOCOL_VERSION
        # client_max_body_size: nginx itself refuses a body far over what Koe takes.
        huge = browser.post(f"/s/{proxied.slug}", content=b"x" * 300_000)
        assert huge.status_code == 413
    with Workspace.open_read_only(proxied.workspace_dir) as workspace:
        (row,) = workspace.db().query("SELECT id FROM responses")
        answers = response_store.answers_of(workspace.db(), row["id"])
    assert answers == {"nps": 8, "reason": "Via nginx"}


def test_the_adapted_block_changes_only_address_port_and_certificates(proxied: Proxied):
    block = server_block(DEPLOY.read_text())
    for directive in ("access_log off;", "client_max_body_size", "X-Forwarded-For $remote_addr"):
        assert directive in block and directive in proxied.nginx_conf
    assert "ssl_certificate" in block and "ssl_certificate" not in proxied.nginx_conf
    assert re.search(r"listen 127\.0\.0\.1:\d+;", proxied.nginx_conf)
    assert "listen 443" not in proxied.nginx_conf
