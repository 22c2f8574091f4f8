"""The main window: pages, navigation, shortcuts, status bar, geometry."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from ui.contacts.page import ContactsPage
from ui.main_window import GEOMETRY_KEY, MainWindow
from ui.page_list import PAGES
from ui.send.page import SendPage
from ui.settings.page import SettingsPage

KEYS = [spec.key for spec in PAGES]


def test_window_builds_around_a_real_workspace(window: MainWindow):
    assert window.windowTitle() == "Koe"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Surveys",
        "Contacts",
        "Send",
        "Results",
        "Comments",
        "Settings",
    ]
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert window.current_page_key() == "surveys"
    assert isinstance(window.pages["contacts"], ContactsPage)
    assert isinstance(window.pages["send"], SendPage)
    assert isinstance(window.pages["settings"], SettingsPage)


def test_ctrl_number_switches_pages(qtbot, window: MainWindow):
    for number, key in reversed(list(enumerate(KEYS, start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.pages[key]


def test_clicking_the_navigation_switches_pages(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.page_changed) as blocker:
        window.nav.setCurrentRow(KEYS.index("settings"))
    assert blocker.args == ["settings"]
    assert window.stack.currentWidget() is window.pages["settings"]


def test_send_pages_empty_state_goes_to_contacts(qtbot, window: MainWindow, koe_app):
    window.show_page("send")
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    button = window.pages["send"].empty.button
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "contacts"


def test_show_results_selects_the_survey_and_switches(window: MainWindow, nps_survey):
    window.show_results(nps_survey.id)
    assert window.current_page_key() == "results"


def test_ctrl_q_closes_the_window(qtbot, window: MainWindow):
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_status_bar_shows_the_survey_site(window: MainWindow, koe_app):
    assert koe_app.context.server_url.startswith("http://127.0.0.1:")
    assert koe_app.context.server_url in window.server_label.text()
    koe_app.context.set_server_state("", "Port 1 is taken.")
    assert "Port 1 is taken." in window.server_label.text()


def test_geometry_is_remembered(qtbot, koe_app, isolated_qsettings):
    first = MainWindow(koe_app.context)
    qtbot.addWidget(first)
    assert (first.width(), first.height()) == (1100, 720)
    first.resize(780, 560)  # inside the offscreen screen (800×800)
    first.close()
    assert QSettings().value(GEOMETRY_KEY) is not None
    second = MainWindow(koe_app.context)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 560)
