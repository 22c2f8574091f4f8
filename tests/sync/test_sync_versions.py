"""Desktops and hosts of different sync protocol versions, and hosts that do not sync.

The same major version works together; a different one refuses, and the
message names the side to update. A site without a sync key, or an address
that is not a Koe host, is told apart from a wrong key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.workspace import Workspace
from tests.helpers import free_port
from tests.sync.conftest import KEY, Desktop, Host, Tls, speaking
from web.app import create_app
from web.server import EmbeddedServer
from web.sync.errors import SyncError
from web.sync.host import HostClient
from web.sync.protocol import PROTOCOL_VERSION, compatible, major_of, mismatch_message


@pytest.mark.parametrize(
    ("mine", "theirs", "works"),
    [
        ("1.0", "1.0", True),
        ("1.0", "1.3", True),
        ("1.2", "1.0", True),
        ("1.0", "2.0", False),
        ("2.1", "1.9", False),
        ("1.0", "", False),
        ("1.0", "one", False),
    ],
)
def test_same_major_versions_work_together(mine, theirs, works):
    assert compatible(mine, theirs) is works


def test_major_of():
    assert major_of("1.0") == 1 and major_of("12") == 12 and major_of("x.1") is None


def test_the_message_names_the_side_to_update():
    assert "Update Koe on the host" in mismatch_message("2.0", "1.0")
    assert "Update the Koe app on this computer" in mismatch_message("1.0", "2.0")
    assert "Update Koe on the host" in mismatch_message("1.0", "")


def test_a_newer_desktop_is_told_to_update_the_host(host: Host):
    client = HostClient(host.url, KEY, ca_file=host.tls.ca, protocol="2.0")
    with client, pytest.raises(SyncError) as caught:
        client.status()
    assert caught.value.kind == "version"
    assert str(caught.value) == (
        f"The host runs an older Koe (sync protocol {PROTOCOL_VERSION}) than this app (2.0). "
        "Update Koe on the host."
    )


def test_a_newer_minor_version_works(host: Host):
    with HostClient(host.url, KEY, ca_file=host.tls.ca, protocol="1.7") as client:
        status = client.status()
    assert status.protocol == PROTOCOL_VERSION and status.latest == 0 and len(status.host_id) == 32


def test_an_older_desktop_is_told_to_update_itself(tmp_path: Path, tls: Tls):
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY, encoding="utf-8")
    newer = Host(tmp_path / "host", tls, key_file, tmp_path / "host.log")
    newer.python_prefix = speaking("2.0")  # a host process that speaks protocol 2.0
    newer.start()
    try:
        desktop = Desktop(tmp_path / "desktop", newer)
        with Workspace.open(desktop.folder):
            pass
        refused = desktop.try_sync()
        with newer.client() as client:
            raw = client.get("/api/sync/v1/status", headers=newer.headers())
    finally:
        newer.stop()
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"koe: The host runs a newer Koe (sync protocol 2.0) than this app ({PROTOCOL_VERSION}). "
        "Update the Koe app on this computer."
    )
    assert raw.status_code == 409
    assert raw.json()["error"] == "version" and raw.headers["koe-sync-protocol"] == "2.0"


def test_a_request_without_a_version_is_refused(host: Host):
    with host.client() as client:
        answer = client.get("/api/sync/v1/status", headers={"Authorization": f"Bearer {KEY}"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "version_missing"


def test_another_major_versions_path_answers_in_json(host: Host):
    with host.client() as client:
        answer = client.get("/api/sync/v2/status", headers=host.headers(protocol="2.0"))
    assert answer.status_code == 409
    assert answer.json() == {
        "protocol": PROTOCOL_VERSION,
        "error": "version",
        "message": f"This host speaks sync protocol {PROTOCOL_VERSION}, not 2.0.",
    }


def test_a_site_without_a_sync_key_says_it_does_not_sync(workspace: Workspace):
    server = EmbeddedServer(create_app(workspace), port=free_port())
    server.start()
    try:
        with HostClient(server.url, KEY) as client, pytest.raises(SyncError) as caught:
            client.status()
    finally:
        server.stop()
    assert caught.value.kind == "no_sync"
    assert "does not offer sync" in str(caught.value)
    assert "--sync-key-file" in str(caught.value)


def test_nothing_listening_is_unreachable():
    client = HostClient(f"http://127.0.0.1:{free_port()}", KEY)
    with client, pytest.raises(SyncError) as caught:
        client.status()
    assert caught.value.kind == "unreachable"
    assert "Could not reach the host" in str(caught.value)


def test_an_untrusted_certificate_is_named(host: Host):
    # Without the test CA the host's certificate is one nobody vouches for.
    with HostClient(host.url, KEY) as client, pytest.raises(SyncError) as caught:
        client.status()
    assert caught.value.kind == "tls"
    assert "not trusted" in str(caught.value)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("http://survey.example.com", "must start with https://"),
        ("survey.example.com", "not a web address"),
        ("ftp://survey.example.com", "not a web address"),
        ("https://survey.example.com/?x=1", "? or #"),
    ],
)
def test_addresses_that_cannot_be_used(address, problem):
    with pytest.raises(SyncError, match=problem.replace("?", r"\?")) as caught:
        HostClient(address, KEY)
    assert caught.value.kind == "address"


def test_the_host_serves_the_respondent_site_over_https_too(host: Host):
    with host.client() as client:
        assert client.get("/s/NoSuchSurvey1").status_code == 404
