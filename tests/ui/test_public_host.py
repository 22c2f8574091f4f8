"""Settings ▸ Public host against a real ``main.py serve`` over HTTPS on 127.0.0.1.

The host is the real ``serve`` with a sync key and a certificate from a CA
made for the test run (trustme); the app trusts that CA alone (``KoeApp(ca_file=)``,
as ``main.py sync --ca-file`` does), so every other certificate is one nobody
vouches for, as it would be for a real user. The keyring is the tests' in-memory
one. Each problem must be named plainly in the panel, and nothing kept.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from channels.links import public_link
from storage import responses as response_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage import sync as sync_store
from storage.workspace import Workspace
from tests.conftest import MemoryKeyring, make_survey
from tests.helpers import free_port
from tests.sync.conftest import KEY, Host, Tls, issue_tls, post_page, self_signed_tls, speaking
from tests.ui.test_sync_panel import open_settings
from ui.session import KoeApp
from ui.settings.page import SettingsPage
from ui.settings.sync_panel import SyncPanel
from web.sync.protocol import PROTOCOL_VERSION

TIMEOUT = 30_000


def start_host(folder: Path, tls: Tls, *, python_prefix: list[str] | None = None) -> Host:
    key_file = folder / "sync.key"
    folder.mkdir(parents=True, exist_ok=True)
    key_file.write_text(KEY + "\n", encoding="utf-8")
    host = Host(folder / "host", tls, key_file, folder / "host.log")
    host.python_prefix = python_prefix
    host.start()
    return host


@pytest.fixture(scope="module")
def trusted(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    """The certificate authority the app trusts, and a certificate it issued for 127.0.0.1."""
    return issue_tls(tmp_path_factory.mktemp("trusted"), trustme.CA())


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, trusted: Tls) -> Iterator[Host]:
    """One public host for the module: each test's desktop is a workspace of its own."""
    started = start_host(tmp_path_factory.mktemp("public-host"), trusted)
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def koe(qapp, workspace: Workspace, trusted: Tls) -> Iterator[KoeApp]:
    qapp.setApplicationName("Koe")
    app = KoeApp(workspace, port=0, ca_file=trusted.ca)
    yield app
    app.shutdown()


@pytest.fixture
def settings(qtbot, koe: KoeApp) -> SettingsPage:
    return open_settings(qtbot, koe)


def click_connect(qtbot, panel: SyncPanel, url: str, key: str = KEY) -> None:
    """Type the address and the key, click Connect, and wait until the check has ended."""
    panel.host_url.setText(url)
    panel.key.setText(key)
    assert panel.connect_button.isEnabled()
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=TIMEOUT)


def connect(qtbot, panel: SyncPanel, url: str) -> None:
    """Connect, and wait until the first sync after it has ended."""
    click_connect(qtbot, panel, url)
    qtbot.waitUntil(lambda: panel.check_status.text() == f"Connected to {url}.", timeout=TIMEOUT)


def sync_now(qtbot, panel: SyncPanel) -> None:
    assert panel.sync_button.isEnabled()
    with qtbot.waitSignal(panel.service.changed, timeout=TIMEOUT, check_params_cb=_idle):
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)


def _idle(view) -> bool:
    return not view.busy


def assert_nothing_kept(koe: KoeApp, workspace: Workspace, keyring: MemoryKeyring) -> None:
    assert keyring.passwords == {}
    assert sync_store.load_state(workspace.db()).host_url == ""
    assert settings_store.load(workspace.db()).public_url == ""
    assert koe.context.base_url().startswith("http://127.0.0.1:")


# --- connected ----------------------------------------------------------------------


def test_connect_checks_the_host_then_every_link_starts_with_its_address(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host: Host
):
    survey = make_survey(workspace, "nps")
    panel = settings.sync_panel

    connect(qtbot, panel, host.url)

    # One setting: the public address is the host's, stored and shown read-only.
    assert settings_store.load(workspace.db()).public_url == host.url
    assert koe.context.base_url() == host.url
    assert settings.public_url.text() == host.url and settings.public_url.isReadOnly()
    assert "Set from the public host" in settings.public_url_hint.text()
    assert not settings.save_button.isEnabled()
    # The first sync published the survey: its public link answers on the host.
    link = public_link(koe.context.base_url(), survey.slug)
    with host.client() as client:
        assert client.get(link.removeprefix(host.url)).status_code == 200
    assert panel.host_status.text() == (
        f"Connected · sync protocol {PROTOCOL_VERSION} (this app: {PROTOCOL_VERSION})"
    )
    # 127.0.0.1 is verified like any host, but no customer can open it: said plainly.
    assert panel.links.text().startswith(f"Links start with {host.url}, which is this computer")
    assert not panel.progress.isVisible() and not panel.cancel_button.isVisible()


def test_the_key_goes_to_the_keyring_and_nowhere_else(
    qtbot, settings: SettingsPage, workspace: Workspace, host: Host, memory_keyring: MemoryKeyring
):
    panel = settings.sync_panel

    connect(qtbot, panel, host.url)

    assert memory_keyring.passwords == {("Koe", host.url): KEY}
    assert panel.key.text() == "" and "••••" in panel.key.placeholderText()
    for file in workspace.folder.rglob("*"):
        if file.is_file():
            assert KEY.encode() not in file.read_bytes(), file


def test_an_answer_on_the_host_arrives_with_the_next_sync(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host: Host
):
    survey = make_survey(workspace, "nps")
    panel = settings.sync_panel
    connect(qtbot, panel, host.url)

    with host.client() as client:
        answered = post_page(client, f"/s/{survey.slug}", {"nps": "9"})
    assert answered.status_code == 303, answered.text[:300]
    with qtbot.waitSignal(koe.context.responses_changed, timeout=TIMEOUT) as pulled:
        sync_now(qtbot, panel)

    assert pulled.args == [survey.id]
    assert response_store.count(workspace.db(), survey.id or 0) == 1
    # The time of the last sync, in the workspace's time zone, and what it brought.
    assert "(Asia/Tokyo) · new answers: 1, updated: 0, unsubscribes: 0" in panel.last_sync.text()


def test_a_survey_made_after_connecting_goes_to_the_host_at_once(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host: Host
):
    connect(qtbot, settings.sync_panel, host.url)

    survey = make_survey(workspace, "csat")
    koe.context.surveys_changed.emit()  # as the Surveys page does after creating one

    def published() -> bool:
        with host.read() as read:
            return survey_store.find_by_slug(read.db(), survey.slug) is not None

    qtbot.waitUntil(published, timeout=TIMEOUT)


def test_status_names_a_problem_of_a_later_sync(
    qtbot, settings: SettingsPage, host: Host, memory_keyring: MemoryKeyring
):
    panel = settings.sync_panel
    connect(qtbot, panel, host.url)
    memory_keyring.passwords[("Koe", host.url)] = "a-key-changed-on-the-host-" + "1" * 10

    sync_now(qtbot, panel)

    assert panel.host_status.text() == (
        "The key is wrong: the host refused it. Paste the key from the host's key file "
        "(sync.key) again."
    )
    assert "The last attempt, " in panel.last_sync.text()


def test_status_names_a_host_that_stopped_answering(
    qtbot, settings: SettingsPage, trusted: Tls, tmp_path: Path
):
    stopping = start_host(tmp_path / "stopping", trusted)
    panel = settings.sync_panel
    try:
        connect(qtbot, panel, stopping.url)
    finally:
        stopping.stop()

    sync_now(qtbot, panel)

    assert panel.host_status.text() == (
        f"Nothing answers at {stopping.url} (the connection was refused). Check the address "
        "and its port, and that Koe runs on the host."
    )


# --- problems, each named, nothing kept ----------------------------------------------


def test_a_wrong_key_is_named(
    qtbot,
    settings: SettingsPage,
    koe: KoeApp,
    workspace: Workspace,
    host: Host,
    memory_keyring: MemoryKeyring,
):
    panel = settings.sync_panel

    click_connect(qtbot, panel, host.url, key="a-wrong-key-" + "0" * 20)

    assert panel.check_status.text() == (
        "Not connected. The key is wrong: the host refused it. Paste the key from the host's "
        "key file (sync.key) again."
    )
    assert_nothing_kept(koe, workspace, memory_keyring)
    assert not settings.public_url.isReadOnly()


def test_an_address_where_nothing_listens_is_named(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, memory_keyring
):
    url = f"https://127.0.0.1:{free_port()}"

    click_connect(qtbot, settings.sync_panel, url)

    assert settings.sync_panel.check_status.text() == (
        f"Not connected. Nothing answers at {url} (the connection was refused). Check the "
        "address and its port, and that Koe runs on the host."
    )
    assert_nothing_kept(koe, workspace, memory_keyring)


def test_an_address_that_is_not_a_koe_host_is_named(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host: Host, memory_keyring
):
    url = host.url + "/surveys"  # the right computer, but its site answers 404 there

    click_connect(qtbot, settings.sync_panel, url)

    assert settings.sync_panel.check_status.text() == (
        f"Not connected. {url} answers, but no Koe host with sync is there (HTTP 404). Check "
        "the address: the host's own, without a path. On the host, Koe must run with a sync "
        "key (--sync-key-file)."
    )
    assert_nothing_kept(koe, workspace, memory_keyring)


@pytest.mark.parametrize(
    ("certificate", "problem"),
    [
        (
            self_signed_tls,
            "The host's certificate is self-signed, so this computer cannot tell the host "
            "from an impostor.",
        ),
        (
            lambda folder: issue_tls(folder, trustme.CA()),
            "The host's certificate comes from a certificate authority this computer does "
            "not trust (a self-signed or private one).",
        ),
    ],
    ids=["self-signed", "unknown-authority"],
)
def test_an_untrusted_certificate_is_named(
    qtbot,
    settings: SettingsPage,
    koe: KoeApp,
    workspace: Workspace,
    memory_keyring,
    tmp_path: Path,
    certificate,
    problem,
):
    untrusted = start_host(tmp_path / "untrusted", certificate(tmp_path / "tls"))
    try:
        click_connect(qtbot, settings.sync_panel, untrusted.url)
    finally:
        untrusted.stop()

    assert settings.sync_panel.check_status.text().startswith(f"Not connected. {problem}")
    assert "Let's Encrypt" in settings.sync_panel.check_status.text()
    assert_nothing_kept(koe, workspace, memory_keyring)


def test_an_older_host_is_named(
    qtbot,
    settings: SettingsPage,
    koe: KoeApp,
    workspace: Workspace,
    memory_keyring,
    trusted: Tls,
    tmp_path: Path,
):
    older = start_host(tmp_path / "older", trusted, python_prefix=speaking("1.0"))
    try:
        click_connect(qtbot, settings.sync_panel, older.url)
    finally:
        older.stop()

    assert settings.sync_panel.check_status.text() == (
        f"Not connected. The host runs an older Koe (protocol 1.0; this app speaks "
        f"{PROTOCOL_VERSION}). Update it on the host (with Docker: git pull && docker compose "
        "up -d --build in Koe's deploy folder; see docs/deploy.md), then click Connect again."
    )
    assert_nothing_kept(koe, workspace, memory_keyring)


def test_plain_http_to_another_computer_is_refused(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, memory_keyring
):
    click_connect(qtbot, settings.sync_panel, "http://survey.example.com")

    assert settings.sync_panel.check_status.text() == (
        "Not connected. The address must start with https://: over plain http the key and "
        "the answers would cross the internet unencrypted."
    )
    assert_nothing_kept(koe, workspace, memory_keyring)


def test_cancel_frees_the_panel_at_once_and_keeps_nothing(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, memory_keyring
):
    # A host that accepts the connection and then never says a word.
    silent = socket.create_server(("127.0.0.1", 0))
    panel = settings.sync_panel
    try:
        panel.host_url.setText(f"https://127.0.0.1:{silent.getsockname()[1]}")
        panel.key.setText(KEY)
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Step 2 of 4" in panel.check_status.text(), timeout=TIMEOUT)
        assert panel.cancel_button.isVisible() and not panel.connect_button.isEnabled()
        assert not panel.host_url.isEnabled()

        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

        assert panel.check_status.text() == "Cancelled: nothing was changed."
        assert not panel.checking and panel.connect_button.isEnabled()
        assert panel.host_url.isEnabled() and not panel.cancel_button.isVisible()
    finally:
        silent.close()
    assert_nothing_kept(koe, workspace, memory_keyring)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the box, offscreen
def test_disconnect_asks_then_forgets_the_key_and_the_address(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host: Host, memory_keyring
):
    panel = settings.sync_panel
    connect(qtbot, panel, host.url)

    qtbot.mouseClick(panel.disconnect_button, Qt.MouseButton.LeftButton)
    box = panel.disconnect_box
    assert box is not None and host.url in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert memory_keyring.passwords and koe.context.base_url() == host.url

    qtbot.mouseClick(panel.disconnect_button, Qt.MouseButton.LeftButton)
    box = panel.disconnect_box
    assert box is not None
    (confirm,) = [b for b in box.buttons() if b.text() == "Disconnect"]
    with qtbot.waitSignal(koe.context.settings_changed, timeout=TIMEOUT):
        confirm.click()
    qtbot.waitUntil(lambda: not koe.sync.busy, timeout=TIMEOUT)

    assert_nothing_kept(koe, workspace, memory_keyring)
    assert panel.host_status.text() == "Not connected."
    assert settings.public_url.text() == "" and not settings.public_url.isReadOnly()
