"""The embedded server: starts, stops, restarts, and explains a taken port plainly."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import free_port
from web.app import create_app
from web.server import EmbeddedServer, ServerError, serve_forever

ROOT = Path(__file__).resolve().parents[2]
HEADLESS = """
import sys
from pathlib import Path
from storage.workspace import Workspace
from web.app import create_app
from web.server import serve_forever
with Workspace.open(Path(sys.argv[1])) as workspace:
    serve_forever(create_app(workspace), "127.0.0.1", int(sys.argv[2]))
print("returned after Ctrl+C")
"""


def test_url_names_the_loopback_address_and_port(workspace: Workspace):
    port = free_port()
    server = EmbeddedServer(create_app(workspace), port=port)

    assert server.url == f"http://127.0.0.1:{port}"


def test_port_already_in_use_is_a_plain_server_error(workspace: Workspace):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        server = EmbeddedServer(create_app(workspace), port=port)

        with pytest.raises(ServerError) as caught:
            server.start(timeout=5)

    message = str(caught.value)
    assert f"Port {port}" in message
    assert "already in use" in message
    assert "Errno" not in message and "Traceback" not in message
    assert not server.running


def test_second_site_on_the_same_port_is_refused(workspace: Workspace, nps_survey: Survey):
    first = EmbeddedServer(create_app(workspace), port=free_port())
    first.start()
    try:
        second = EmbeddedServer(create_app(workspace), port=first.port)
        with pytest.raises(ServerError, match="already in use"):
            second.start()
        # The first one still answers.
        assert httpx.get(f"{first.url}/s/{nps_survey.slug}").status_code == 200
    finally:
        first.stop()


def test_stop_frees_the_port_and_the_site_can_start_again(workspace: Workspace, nps_survey: Survey):
    server = EmbeddedServer(create_app(workspace), port=free_port())
    server.start()
    assert server.running
    server.stop()

    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/s/{nps_survey.slug}")

    server.start()
    try:
        assert httpx.get(f"{server.url}/s/{nps_survey.slug}").status_code == 200
    finally:
        server.stop()
    server.stop()  # twice is harmless


def test_serve_forever_refuses_a_taken_port_before_blocking(workspace: Workspace):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]

        with pytest.raises(ServerError, match="already in use"):
            serve_forever(create_app(workspace), "127.0.0.1", port)


def test_serve_forever_answers_until_ctrl_c_then_stops_cleanly(tmp_path: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", HEADLESS, str(tmp_path / "workspace"), str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        status = _wait_for_answer(f"http://127.0.0.1:{port}/s/NoSuchSurvey1")
        process.send_signal(signal.SIGINT)
        output, errors = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert status == 404
    assert process.returncode == 0, errors
    assert output == "returned after Ctrl+C\n"
    assert "Traceback" not in errors


def _wait_for_answer(url: str, timeout: float = 15) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url).status_code
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
