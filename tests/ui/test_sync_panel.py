"""Settings → Public host (its start, the timer) and On this network, driven like a user would.

The host is a second workspace served by the real site on 127.0.0.1 (plain
HTTP is allowed to this computer itself); tests/ui/test_public_host.py runs the
panel against a real ``serve`` over HTTPS. The keyring is the tests' in-memory
one. The LAN address is injected as 127.0.0.1: no test listens on or talks to
another address.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring.backends.fail
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt

from storage import responses as response_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.conftest import make_survey
from tests.helpers import free_port
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.lan_panel import COUNTER_SOURCE, LanPanel
from ui.settings.page import SettingsPage
from ui.settings.sync_panel import SyncPanel
from web.app import create_app
from web.server import EmbeddedServer

KEY = "ui-test-sync-key-" + "Qw3r" * 6
TIMEOUT = 15_000


@pytest.fixture
def koe(qapp, workspace: Workspace) -> Iterator[KoeApp]:
    """The app with its LAN address injected: 127.0.0.1, on a port of its own."""
    qapp.setApplicationName("Koe")
    app = KoeApp(workspace, port=0, lan_host=lambda: "127.0.0.1", lan_port=0)
    yield app
    app.shutdown()


@pytest.fixture
def settings(qtbot, koe: KoeApp) -> SettingsPage:
    return open_settings(qtbot, koe)


def open_settings(qtbot, koe: KoeApp) -> SettingsPage:
    """The window on its Settings page, once the panels have loaded what they show."""
    koe.start_server()
    window: MainWindow = koe.build_window()
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: koe.worker.pending == 0 and not koe.sync.busy, timeout=TIMEOUT)
    return page


@pytest.fixture
def host(tmp_path: Path) -> Iterator[tuple[Workspace, str]]:
    """A public host: another workspace, its site with the sync API on 127.0.0.1."""
    workspace = Workspace.open(tmp_path / "host")
    server = EmbeddedServer(create_app(workspace, sync_key=KEY), port=free_port())
    server.start()
    try:
        yield workspace, server.url
    finally:
        server.stop()
        workspace.close()


def connect(qtbot, panel: SyncPanel, url: str, key: str = KEY) -> None:
    panel.host_url.setText(url)
    panel.key.setText(key)
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.check_status.text() == f"Connected to {url}.", timeout=TIMEOUT)


def test_the_panel_starts_unset(settings: SettingsPage):
    panel = settings.sync_panel
    assert panel.host_status.text() == "Not connected."
    assert panel.last_sync.text() == "Never."
    assert panel.links.text().startswith("Links start with http://127.0.0.1:")
    assert not panel.connect_button.isEnabled()
    assert not panel.sync_button.isEnabled() and not panel.disconnect_button.isEnabled()
    assert not panel.keyring_note.isVisible()


def test_connect_needs_an_address_and_a_key(settings: SettingsPage):
    panel = settings.sync_panel
    panel.host_url.setText("https://survey.example.com")
    assert not panel.connect_button.isEnabled()
    panel.key.setText(KEY)
    assert panel.connect_button.isEnabled()


def test_the_timer_syncs_by_itself(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, host
):
    # Plain http is allowed to this computer itself (an SSH tunnel, a test).
    host_workspace, url = host
    survey = make_survey(workspace, "nps")
    connect(qtbot, settings.sync_panel, url)
    published = survey_store.find_by_slug(host_workspace.db(), survey.slug)
    assert published is not None
    response_store.record(host_workspace.db(), published, {"nps": 10}, language="en")

    with qtbot.waitSignal(koe.context.responses_changed, timeout=TIMEOUT) as pulled:
        koe.sync.start_timer(first_after_ms=0)

    assert pulled.args == [survey.id]
    assert response_store.count(workspace.db(), survey.id or 0) == 1


def test_without_a_keyring_the_panel_says_so(qtbot, qapp, workspace: Workspace):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    koe = KoeApp(workspace, port=0, lan_host=lambda: "127.0.0.1", lan_port=0)
    try:
        window = koe.build_window()
        qtbot.addWidget(window)
        window.show()
        window.show_page("settings")
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage)
        qtbot.waitUntil(lambda: not koe.sync.busy, timeout=TIMEOUT)
        panel = page.sync_panel
        assert panel.keyring_note.isVisible()
        assert "no usable keyring" in panel.keyring_note.text()
        assert not panel.key.isEnabled()
        panel.host_url.setText("https://survey.example.com")
        assert not panel.connect_button.isEnabled()
    finally:
        koe.shutdown()


# --- the local network ------------------------------------------------------------


def lan(settings: SettingsPage) -> LanPanel:
    return settings.lan_panel


def test_lan_is_off_by_default(settings: SettingsPage, koe: KoeApp):
    assert not lan(settings).enabled.isChecked()
    assert koe.lan_server is None
    assert lan(settings).address.text() == "Off: only this computer can open the survey site."
    assert not lan(settings).details.isVisible()


def test_lan_on_serves_there_and_shows_a_qr_code_that_scans(
    qtbot, settings: SettingsPage, koe: KoeApp, workspace: Workspace, tmp_path: Path
):
    survey: Survey = make_survey(workspace, "nps", languages=("en", "ja"))
    koe.context.surveys_changed.emit()
    panel = lan(settings)
    qtbot.waitUntil(lambda: panel.survey.count() == 1, timeout=TIMEOUT)

    with qtbot.waitSignal(koe.context.lan_changed, timeout=TIMEOUT):
        panel.enabled.setChecked(True)

    assert koe.lan_server is not None and koe.lan_server.host == "127.0.0.1"
    assert koe.lan_server.port != koe.port  # a second listener beside the usual one
    lan_url = koe.context.lan_url
    assert panel.address.text() == f"Phones on this network can open {lan_url}"
    expected = f"{lan_url}/s/{survey.slug}?src={COUNTER_SOURCE}"
    image = tmp_path / "lan-qr.png"
    assert panel.code.pixmap().save(str(image))
    (decoded,) = zxingcpp.read_barcodes(Image.open(image))
    assert decoded.text == expected
    assert panel.link.text() == expected
    assert httpx.get(expected, timeout=10).status_code == 200

    with qtbot.waitSignal(koe.context.lan_changed, timeout=TIMEOUT):
        panel.enabled.setChecked(False)
    assert koe.lan_server is None
    with pytest.raises(httpx.ConnectError):
        httpx.get(expected, timeout=2)


def test_turning_lan_on_keeps_what_is_being_typed(qtbot, settings: SettingsPage, koe: KoeApp):
    settings.business_name.setText("Sakura Bakery")

    with qtbot.waitSignal(koe.context.settings_changed, timeout=TIMEOUT):
        lan(settings).enabled.setChecked(True)

    assert koe.context.settings.lan_enabled
    assert settings.business_name.text() == "Sakura Bakery"
    assert settings.save_button.isEnabled()


def test_no_network_address_is_said_plainly(qtbot, qapp, workspace: Workspace):
    koe = KoeApp(workspace, port=0, lan_host=lambda: None)
    try:
        koe.start_server()
        window = koe.build_window()
        qtbot.addWidget(window)
        page = window.pages["settings"]
        assert isinstance(page, SettingsPage)
        with qtbot.waitSignal(koe.context.lan_changed, timeout=TIMEOUT):
            page.lan_panel.enabled.setChecked(True)
        assert page.lan_panel.address.text() == (
            "Not on the local network: This computer has no local network address."
        )
    finally:
        koe.shutdown()
