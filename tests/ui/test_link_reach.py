"""No dead link to a customer: every surface that gives a link out (Copy link, Save QR
code, Save poster, the Surveys pane, the designer's preview QR) says who cannot open
it, and its "Set up a public host…" button shows Settings ▸ Public host.

The whole window runs (the survey site on 127.0.0.1), so the button is followed to the
page it opens. A LAN address is a public address typed by hand (a private IP), or the
site listening on the network (here on 127.0.0.1, the only address tests may use).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from channels.links import public_link
from storage import surveys as survey_store
from surveys.model import Survey, SurveyStatus
from tests.conftest import make_survey
from tests.ui.seen import set_up_button, words_in
from ui.common.notice_bar import NoticeBar
from ui.designer import prompts
from ui.designer.page import DesignerPage
from ui.main_window import MainWindow
from ui.send.poster_dialog import PosterDialog, open_poster_dialog
from ui.session import KoeApp
from ui.settings.page import SettingsPage
from ui.surveys import prompts as survey_prompts
from ui.surveys.page import SurveysPage

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
pytestmark = OFFSCREEN_DIALOG

PUBLIC_URL = "https://survey.example.jp"
LAN_URL = "http://192.168.1.23:8765"  # typed as the public address; nothing listens there
THIS_COMPUTER = "Only this computer can open this link: customers' phones cannot."
SHOPS_WIFI = "This link only opens on phones connected to your shop's Wi-Fi"


def set_public_url(qtbot, koe_app: KoeApp, url: str) -> None:
    with qtbot.waitSignal(koe_app.context.settings_changed):
        koe_app.context.save_settings(public_url=url)


def surveys_page(qtbot, window: MainWindow, survey: Survey) -> SurveysPage:
    page = window.pages["surveys"]
    assert isinstance(page, SurveysPage)
    page.refresh()
    qtbot.waitUntil(
        lambda: page.shown_survey_id() == survey.id and page.context.worker.pending == 0
    )
    return page


def surveys_page_at(
    qtbot, window: MainWindow, koe_app: KoeApp, public_url: str
) -> tuple[SurveysPage, Survey, str]:
    """The Surveys page showing an open survey once ``public_url`` is set; its link."""
    survey = make_survey(koe_app.workspace, "nps")
    set_public_url(qtbot, koe_app, public_url)
    page = surveys_page(qtbot, window, survey)
    link = public_link(public_url, survey.slug)
    qtbot.waitUntil(lambda: page.detail.link_edit.text() == link)
    return page, survey, link


def shown(notice: NoticeBar) -> str:
    """What the user reads in ``notice`` ("" when it is hidden)."""
    return notice.label.text() if notice.isVisible() else ""


def assert_public_host_is_shown(qtbot, window: MainWindow) -> None:
    """The set-up button led to Settings, scrolled to the public host's address field."""
    settings = window.pages["settings"]
    assert isinstance(settings, SettingsPage)
    qtbot.waitUntil(lambda: window.current_page_key() == "settings")
    field = settings.sync_panel.host_url
    qtbot.waitUntil(lambda: not field.visibleRegion().isEmpty())
    # Scrolled down to it: the section starts near the top, not wherever it was.
    viewport = settings.scroll.viewport()
    assert settings.scroll.verticalScrollBar().value() > 0
    assert 0 <= field.mapTo(viewport, QPoint()).y() < viewport.height() // 3
    assert window.focusWidget() is field  # typing goes there once the window is active


def save_qr(qtbot, page: SurveysPage, monkeypatch, target: Path) -> str:
    """Save the selected survey's QR code to ``target``; the link it scans to."""
    monkeypatch.setattr(survey_prompts, "ask_save_path", lambda *_args: target)
    page.actions_by_name["save_qr"].trigger()
    qtbot.waitUntil(lambda: "QR code saved" in page.notice.text())
    (code,) = zxingcpp.read_barcodes(Image.open(target))
    return code.text


def open_poster(qtbot, page: SurveysPage) -> PosterDialog:
    qtbot.waitUntil(page.detail.poster_button.isEnabled)
    page.detail.poster_button.click()
    (dialog,) = [d for d in page.findChildren(PosterDialog) if d.isVisible()]
    return dialog


def save_poster(qtbot, dialog: PosterDialog, target: Path) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_to(target)


def preview(qtbot, window: MainWindow, survey: Survey, monkeypatch):
    monkeypatch.setattr(prompts, "open_in_browser", lambda _url: True)
    designer = window.open_designer(survey.id)
    assert isinstance(designer, DesignerPage)
    qtbot.waitUntil(lambda: designer.draft.survey is not None)
    designer.actions_by_name["preview"].trigger()
    qtbot.waitUntil(lambda: designer.preview.dialog is not None, timeout=5000)
    return designer.preview.dialog


# -- no public address: the links open on this computer only -----------------------------


def test_copy_link_on_this_computer_warns_and_the_fix_opens_the_public_host_set_up(
    qtbot, window: MainWindow, koe_app: KoeApp
):
    survey = make_survey(koe_app.workspace, "nps")
    page = surveys_page(qtbot, window, survey)
    link = page.detail.link_edit.text()
    assert link.startswith("http://127.0.0.1:")

    page.actions_by_name["copy_link"].trigger()
    assert QGuiApplication.clipboard().text() == link
    said = shown(page.notice)
    assert said.startswith(f"Link copied: {link}") and THIS_COMPUTER in said
    assert "Set up a public host" in said and "Settings ▸ On this network" in said
    assert page.notice.kind() == "warning"
    fix = set_up_button(page.notice)
    assert fix is not None

    # The pane says it too, before anything is copied, and the QR code's hint does
    # not invite printing a code no phone opens.
    pane = words_in(page.detail)
    assert THIS_COMPUTER in pane and set_up_button(page.detail) is not None
    assert "Print it on receipts" not in pane and "Phones cannot open this code yet" in pane

    fix.click()
    assert_public_host_is_shown(qtbot, window)


def test_save_qr_on_this_computer_saves_and_warns(
    qtbot, window: MainWindow, koe_app: KoeApp, monkeypatch, tmp_path: Path
):
    survey = make_survey(koe_app.workspace, "csat")
    page = surveys_page(qtbot, window, survey)
    scanned = save_qr(qtbot, page, monkeypatch, tmp_path / "counter.png")
    assert scanned == page.detail.link_edit.text()  # saved all the same: the user may test it
    assert THIS_COMPUTER in shown(page.notice) and page.notice.kind() == "warning"
    fix = set_up_button(page.notice)
    assert fix is not None
    fix.click()
    assert_public_host_is_shown(qtbot, window)


def test_save_poster_on_this_computer_warns_in_the_dialog_and_after(
    qtbot, window: MainWindow, koe_app: KoeApp, tmp_path: Path
):
    survey = make_survey(koe_app.workspace, "nps")
    page = surveys_page(qtbot, window, survey)
    dialog = open_poster(qtbot, page)
    save_poster(qtbot, dialog, tmp_path / "poster.pdf")
    said = shown(page.notice)
    assert said.startswith("Poster saved to") and THIS_COMPUTER in said

    # The dialog says it before saving; its own button closes it (Settings is then
    # usable) and shows the set-up.
    again = open_poster(qtbot, page)
    assert THIS_COMPUTER in words_in(again)
    fix = set_up_button(again)
    assert fix is not None
    fix.click()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert_public_host_is_shown(qtbot, window)


def test_the_designer_preview_on_this_computer_warns_and_offers_the_set_up(
    qtbot, window: MainWindow, koe_app: KoeApp, monkeypatch
):
    survey = make_survey(koe_app.workspace, "nps", status=SurveyStatus.DRAFT)
    dialog = preview(qtbot, window, survey, monkeypatch)
    assert dialog.link.startswith("http://127.0.0.1:")
    assert THIS_COMPUTER in words_in(dialog)
    fix = set_up_button(dialog)
    assert fix is not None
    fix.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert_public_host_is_shown(qtbot, window)


# -- a LAN address: the limits are said, codes can still be saved ---------------------------


def test_a_lan_address_says_the_limits_and_qr_and_poster_still_save(
    qtbot, window: MainWindow, koe_app: KoeApp, monkeypatch, tmp_path: Path
):
    page, _survey, link = surveys_page_at(qtbot, window, koe_app, LAN_URL)
    pane = words_in(page.detail)
    assert SHOPS_WIFI in pane and "only while Koe runs on this computer" in pane
    assert THIS_COMPUTER not in pane and set_up_button(page.detail) is not None
    assert "phones on your shop's Wi-Fi can scan it" in pane

    assert save_qr(qtbot, page, monkeypatch, tmp_path / "counter.png") == link
    assert SHOPS_WIFI in shown(page.notice)

    dialog = open_poster(qtbot, page)
    assert SHOPS_WIFI in words_in(dialog)
    target = tmp_path / "poster.pdf"
    save_poster(qtbot, dialog, target)
    assert target.stat().st_size > 0 and SHOPS_WIFI in shown(page.notice)

    page.actions_by_name["copy_link"].trigger()
    assert QGuiApplication.clipboard().text() == link and SHOPS_WIFI in shown(page.notice)


def test_the_designer_preview_on_a_lan_address_says_the_limits(
    qtbot, window: MainWindow, koe_app: KoeApp, monkeypatch
):
    set_public_url(qtbot, koe_app, LAN_URL)
    survey = make_survey(koe_app.workspace, "ces", status=SurveyStatus.DRAFT)
    dialog = preview(qtbot, window, survey, monkeypatch)
    assert dialog.link.startswith(f"{LAN_URL}/preview/")
    assert SHOPS_WIFI in words_in(dialog)


def test_while_the_site_listens_on_the_network_links_use_that_address(
    qtbot, workspace, tmp_path: Path
):
    """No public address, the LAN switch on: the Surveys pane's link and QR code are on the
    network address (phones on the Wi-Fi can open them), not on 127.0.0.1's loopback port."""
    make_survey(workspace, "nps")
    koe = KoeApp(workspace, port=0, lan_host=lambda: "127.0.0.1", lan_port=0)
    try:
        koe.start_server()
        window = koe.build_window()
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(koe.context.lan_changed, timeout=10_000):
            koe.context.save_settings(lan_enabled=True)
        lan_url = koe.context.lan_url
        assert lan_url and lan_url != koe.context.server_url
        page = window.pages["surveys"]
        assert isinstance(page, SurveysPage)
        qtbot.waitUntil(lambda: page.detail.link_edit.text().startswith(f"{lan_url}/s/"))
    finally:
        koe.shutdown()


# -- a public address: nothing to warn about -----------------------------------------------


def test_a_public_address_gives_links_without_warnings(
    qtbot, window: MainWindow, koe_app: KoeApp, monkeypatch, tmp_path: Path
):
    page, survey, link = surveys_page_at(qtbot, window, koe_app, PUBLIC_URL)
    pane = words_in(page.detail)
    assert set_up_button(page.detail) is None
    assert THIS_COMPUTER not in pane and SHOPS_WIFI not in pane
    assert "Print it on receipts, menus or a card on the counter." in pane

    page.actions_by_name["copy_link"].trigger()
    assert shown(page.notice) == f"Link copied: {link}" and page.notice.kind() == "info"
    assert set_up_button(page.notice) is None
    assert save_qr(qtbot, page, monkeypatch, tmp_path / "qr.png") == link
    assert page.notice.kind() == "info"

    dialog = open_poster_dialog(page, koe_app.context, survey, page.notice)
    assert dialog is not None and set_up_button(dialog) is None
    save_poster(qtbot, dialog, tmp_path / "poster.pdf")
    assert shown(page.notice).startswith("Poster saved to") and page.notice.kind() == "info"

    draft = make_survey(koe_app.workspace, "csat", status=SurveyStatus.DRAFT)
    preview_dialog = preview(qtbot, window, draft, monkeypatch)
    assert preview_dialog.link.startswith(f"{PUBLIC_URL}/preview/")
    assert set_up_button(preview_dialog) is None and THIS_COMPUTER not in words_in(preview_dialog)
    token = survey_store.get(koe_app.workspace.db(), draft.id).extra["preview_token"]
    assert preview_dialog.link == f"{PUBLIC_URL}/preview/{token}"
