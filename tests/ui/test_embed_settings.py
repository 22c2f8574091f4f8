"""Embedding a survey in the shop's own website: the allowed websites in Settings, and the
snippet from the Surveys page; the running site then lets those websites frame it."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtGui import QGuiApplication

from storage import settings as settings_store
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.ui.test_surveys_page import make_page, wait_for_detail  # noqa: F401  (fixture)
from ui.context import AppContext
from ui.settings.embed_panel import EmbedPanel
from web.app import create_app
from web.server import EmbeddedServer


def saved_origins(context: AppContext) -> tuple[str, ...]:
    return settings_store.load(context.workspace.db()).embed_origins


def test_only_website_addresses_are_saved_and_then_may_frame_the_survey(qtbot, context):
    panel = EmbedPanel(context)
    qtbot.addWidget(panel)
    panel.origins.setPlainText("https://Shop.example.jp/\njavascript:alert(1)")
    assert not panel.save()
    assert "javascript:alert(1)" in panel.status.text()
    assert saved_origins(context) == ()

    panel.origins.setPlainText("https://Shop.example.jp/\n\nhttps://shop.example.jp")
    assert panel.save()
    qtbot.waitUntil(lambda: saved_origins(context) == ("https://shop.example.jp",))

    survey = make_survey(context.workspace, "nps")
    server = EmbeddedServer(create_app(context.workspace), port=free_port())
    server.start()
    try:
        framed = httpx.get(f"{server.url}/e/{survey.slug}")
        plain = httpx.get(f"{server.url}/s/{survey.slug}")
    finally:
        server.stop()
    assert "frame-ancestors https://shop.example.jp" in framed.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in plain.headers["content-security-policy"]


@pytest.mark.parametrize("listed", [False, True])
def test_copy_embed_code_gives_the_frame_and_a_plain_link(qtbot, context, make_page, listed):  # noqa: F811
    if listed:
        settings_store.save(context.workspace.db(), embed_origins=["https://shop.example.jp"])
        context.adopt_settings(settings_store.load(context.workspace.db()))
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    QGuiApplication.clipboard().clear()
    page.actions_by_name["copy_embed"].trigger()
    code = QGuiApplication.clipboard().text()
    base = context.base_url().rstrip("/")
    assert f'<iframe src="{base}/e/{survey.slug}"' in code
    assert f'<a href="{base}/s/{survey.slug}" target="_blank"' in code
    # Without a website listed, the owner is told what else to do.
    assert ("Settings ▸ Embedding" in page.notice.label.text()) is not listed
