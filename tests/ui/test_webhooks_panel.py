"""Settings → Chat and webhooks: add a destination, its Test button against a local
HTTPS Slack, and a refusal said plainly; in English and Japanese."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import trustme

from channels.webhooks.client import WebhookClient
from storage import webhooks as store
from storage.secrets import KeyringSecrets
from tests.channels.webhook_servers import HttpsReceivers, Receivers
from tests.ui.closing import OFFSCREEN_DIALOG
from ui.common import i18n
from ui.settings.webhooks_panel import WebhooksPanel

pytestmark = OFFSCREEN_DIALOG  # the add/edit dialog opens offscreen


@pytest.fixture
def receivers() -> Iterator[HttpsReceivers]:
    server = HttpsReceivers(trustme.CA(), Receivers()).start()
    yield server
    server.stop()


def panel_for(qtbot, context, receivers) -> WebhooksPanel:
    context.secrets = KeyringSecrets(context.workspace.folder)
    panel = WebhooksPanel(context)
    panel.client_factory = lambda: WebhookClient(verify=receivers.client_context())
    qtbot.addWidget(panel)
    panel.resize(720, 320)
    panel.show()
    return panel


def add_slack(qtbot, panel, url: str) -> None:
    dialog = panel.open_dialog(None)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("slack"))
    dialog.name.setText("#voice")
    dialog.url.setText(url)
    dialog.responses.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_add_and_test_a_slack_webhook(qtbot, qapp, context, receivers, language):
    i18n.install_translator(qapp, language)
    panel = panel_for(qtbot, context, receivers)
    url = receivers.base + "/slack/T1/B1/x"
    add_slack(qtbot, panel, url)
    (saved,) = store.all_destinations(context.workspace.db())
    assert saved.events == ("response", "detractor")
    stored = context.secrets.get(store.secret_name(saved.id))
    assert json.loads(stored or "{}")["url"] == url  # in the keyring

    with qtbot.waitSignal(panel.tested, timeout=10000) as told:
        panel.test_button.click()
    (request,) = receivers.state.received
    assert request.path == "/slack/T1/B1/x"
    words = told.args[0]
    if language == "ja":
        assert "テストメッセージを送信しました" in words
    else:
        assert "The test message went to #voice" in words
    assert panel.status.text() == words
    panel.grab().save(f"/tmp/webhooks_panel_{language}.png")


def test_a_refused_test_says_the_services_words(qtbot, context, receivers):
    panel = panel_for(qtbot, context, receivers)
    add_slack(qtbot, panel, receivers.base + "/slack/T1/B1/gone")
    receivers.state.script["/slack/T1/B1/gone"] = [(404, "no_service", {})]
    with qtbot.waitSignal(panel.tested, timeout=10000) as told:
        panel.test_button.click()
    assert told.args[0] == (
        "The test message did not go: Slack refused the message (HTTP 404): no_service"
    )


def test_an_http_address_is_refused_and_nothing_stored(qtbot, context, receivers):
    panel = panel_for(qtbot, context, receivers)
    dialog = panel.open_dialog(None)
    assert dialog is not None
    dialog.url.setText("http://hooks.example/x")
    dialog.accept()
    qtbot.waitUntil(lambda: "https://" in panel.status.text(), timeout=5000)
    assert store.count(context.workspace.db()) == 0
