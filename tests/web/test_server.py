"""The embedded server: starts, stops, restarts, and explains a taken port plainly."""

from __future__ import annotations

import socket

import httpx
import pytest

from storage.workspace import Workspace
from surveys.model import Survey
from tests.helpers import free_port
from web.app import create_app
from web.server import EmbeddedServer, ServerError


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
