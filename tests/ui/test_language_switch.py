"""The language setting applies at once: no restart.

The owner picks 日本語 in Settings and saves; the window (its navigation, the
page shown, the other pages, the designer left open) speaks Japanese at once,
stays on the same page with the same survey and campaign chosen, and nothing
goes wrong afterwards when the app's signals reach the pages built before.
Then back to English.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from storage import campaigns as campaign_store
from storage import responses as response_store
from surveys.model import Survey
from tests.conftest import make_survey
from ui.common import i18n
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.page import SettingsPage

TIMEOUT = 15_000
pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.qt_no_exception_capture,  # errors go to the app's hook: unexpected_errors
]


@pytest.fixture
def english(qapp) -> Iterator[None]:
    yield
    i18n.install_translator(qapp, "en")


def nav_labels(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def switch_to(qtbot, window: MainWindow, koe_app: KoeApp, language: str) -> SettingsPage:
    """Choose ``language`` in Settings and save, as the owner does; the page built again."""
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.language.setCurrentIndex(page.language.findData(language))
    with qtbot.waitSignal(window.pages_built, timeout=TIMEOUT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0, timeout=TIMEOUT)
    rebuilt = window.pages["settings"]
    assert isinstance(rebuilt, SettingsPage) and rebuilt is not page
    return rebuilt


def test_switching_the_language_translates_the_open_window(
    qtbot, window: MainWindow, koe_app: KoeApp, workspace, nps_survey: Survey, english,
    unexpected_errors,
):  # fmt: skip
    response_store.record(workspace.db(), nps_survey, {"nps": 3}, language="en")
    other = make_survey(workspace, "csat")
    campaign = campaign_store.create(
        workspace.db(), survey_id=nps_survey.id or 0, name="Spring", settings={}, deliveries=[]
    )
    window.pages["results"].select_survey(nps_survey.id)
    window.pages["send"].select_campaign(campaign)
    designer = window.open_designer(other.id or 0)
    assert designer is not None
    qtbot.waitUntil(lambda: designer.save_label.text() == "Saved", timeout=TIMEOUT)
    window.show_page("settings")
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0, timeout=TIMEOUT)
    assert nav_labels(window)[0] == "Surveys"

    page = switch_to(qtbot, window, koe_app, "ja")

    assert nav_labels(window) == ["アンケート", "連絡先", "送信", "結果", "コメント", "設定"]
    assert window.current_page_key() == "settings"
    assert window.stack.currentWidget() is page and page.isVisible()
    assert page.save_button.text() == "保存"
    assert page.save_status.text() == "保存しました。表示言語を切り替えました。"
    assert "回答サイト" in window.server_label.text()
    buttons = {b.text() for b in page.findChildren(QPushButton) if b.isVisible()}
    assert "保存" in buttons and "Save" not in buttons
    # The other pages were built again too, on what they showed.
    results = window.pages["results"]
    qtbot.waitUntil(lambda: results.survey_id() == nps_survey.id, timeout=TIMEOUT)
    assert window.pages["send"].progress.campaign_id == campaign
    assert window.designer is not None and window.designer is not designer
    new_designer = window.designer
    qtbot.waitUntil(lambda: new_designer.save_label.text() == "保存済み", timeout=TIMEOUT)
    window.show_page("surveys")
    assert window.stack.currentWidget() is new_designer
    window.show_page("settings")
    assert koe_app.context.settings.language == "ja" and i18n.installed_language() == "ja"

    # What the app says to every page still arrives, and only to the pages there now.
    koe_app.context.surveys_changed.emit()
    koe_app.context.responses_changed.emit(nps_survey.id)
    koe_app.context.settings_changed.emit(koe_app.context.settings)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0, timeout=TIMEOUT)

    page = switch_to(qtbot, window, koe_app, "en")

    assert nav_labels(window)[0] == "Surveys"
    assert page.save_button.text() == "Save"
    assert window.current_page_key() == "settings"
    assert page.save_status.text() == "Saved. Koe now speaks the language you chose."
    assert unexpected_errors == []


def test_the_send_page_built_again_still_reaches_the_sender(
    qtbot, window: MainWindow, koe_app: KoeApp, english
):
    """KoeApp wakes the sender on the window's signal, which the new Send page feeds."""
    window.show_page("settings")
    switch_to(qtbot, window, koe_app, "ja")
    with qtbot.waitSignal(window.campaign_created) as created:
        window.pages["send"].campaign_created.emit(7)
    assert created.args == [7]
