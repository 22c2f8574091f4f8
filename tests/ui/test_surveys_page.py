"""The Surveys page over a real workspace: create, open, close, copy the link, save the QR."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from channels.links import public_link
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyKind, SurveyStatus
from tests.conftest import make_survey
from ui.context import AppContext
from ui.surveys import prompts as survey_prompts
from ui.surveys.new_survey_dialog import NewSurveyDialog
from ui.surveys.page import SurveysPage
from ui.surveys.table_model import (
    COL_KIND,
    COL_RESPONSES,
    COL_STATUS,
    COL_TITLE,
    SURVEY_ID_ROLE,
    SurveyTableModel,
)

# The offscreen platform warns when a dialog window's size limits change as
# its contents change (a real platform simply applies them).
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def make_page(qtbot, context: AppContext) -> Iterator[Callable[[], SurveysPage]]:
    """Builds the page inside a shown window, as in the app, once its list has loaded."""
    windows: list[QWidget] = []

    def make() -> SurveysPage:
        # A page shown as a top-level window would resize that window as its
        # toolbar comes and goes (which the offscreen platform warns about).
        window = QWidget()
        window.resize(1000, 640)
        page = SurveysPage(context, window)
        page.resize(window.size())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitUntil(lambda: page.loaded)
        return page

    yield make


def table_texts(page: SurveysPage, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def wait_for_detail(qtbot, page: SurveysPage, survey_id: int) -> None:
    qtbot.waitUntil(
        lambda: page.shown_survey_id() == survey_id and page.context.worker.pending == 0
    )


def test_model_passes_the_model_tester(qtmodeltester, workspace: Workspace):
    make_survey(workspace, "nps")
    make_survey(workspace, "csat", status=SurveyStatus.DRAFT)
    model = SurveyTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(survey_store.list_all(workspace.db()), "en")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_empty_workspace_shows_the_invitation(qtbot, context: AppContext, make_page):
    page = make_page()
    assert page.stack.currentWidget() is page.empty_state
    assert "first survey" in page.empty_state.text.text()
    assert not page.toolbar.isVisible()


@OFFSCREEN_DIALOG
def test_create_a_survey_from_the_nps_template(qtbot, context: AppContext, make_page):
    context.settings = context.settings.__class__(business_name="Café Koe")
    page = make_page()
    # The big button of the empty state opens the dialog, like Ctrl+N.
    qtbot.mouseClick(page.empty_state.button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(NewSurveyDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.template_list.select("csat")
    assert dialog.title_edits["en"].text() == "Customer satisfaction"
    dialog.template_list.select("nps")
    assert dialog.title_edits["en"].text() == "Net Promoter Score"
    assert "Café Koe" in dialog.preview.text()
    dialog.title_edits["en"].clear()
    qtbot.keyClicks(dialog.title_edits["en"], "Spring NPS")
    with qtbot.waitSignal(context.surveys_changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert table_texts(page, COL_TITLE) == ["Spring NPS"]
    assert table_texts(page, COL_KIND) == ["NPS"]
    assert table_texts(page, COL_STATUS) == ["Draft"]
    assert page.stack.currentWidget() is not page.empty_state
    stored = survey_store.list_all(context.workspace.db())[0]
    assert stored.kind is SurveyKind.NPS and stored.status is SurveyStatus.DRAFT
    survey = survey_store.get(context.workspace.db(), stored.id)
    assert "Café Koe" in survey.questions[0].text["en"]
    # The new survey is selected, and its link section says a draft's link waits.
    wait_for_detail(qtbot, page, stored.id)
    assert "once the survey is opened" in page.detail.link_note.text()
    assert page.actions_by_name["open_survey"].isEnabled()
    assert not page.actions_by_name["close_survey"].isEnabled()


@OFFSCREEN_DIALOG
def test_new_survey_dialog_prefills_titles_per_language(qtbot):
    dialog = NewSurveyDialog("ja", "")
    qtbot.addWidget(dialog)
    both = dialog.language_combo.findData("ja,en")
    dialog.language_combo.setCurrentIndex(both)
    dialog.template_list.select("ces")
    assert dialog.title() == {"ja": "顧客努力指標", "en": "Customer effort"}
    dialog.title_edits["ja"].setText("")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    survey = dialog.survey()
    assert survey.languages == ("ja", "en")


@OFFSCREEN_DIALOG
def test_open_with_an_end_date_then_close(qtbot, context: AppContext, make_page, monkeypatch):
    draft = make_survey(context.workspace, "nps", status=SurveyStatus.DRAFT)
    page = make_page()
    wait_for_detail(qtbot, page, draft.id)

    dialog = page.open_selected()
    assert dialog is not None
    dialog.end_check.setChecked(True)
    end = QDateTime.currentDateTime().addDays(3)
    dialog.end_edit.setDateTime(end)
    with qtbot.waitSignal(context.surveys_changed):
        dialog.accept()
    qtbot.waitUntil(lambda: table_texts(page, COL_STATUS)[0].startswith("Open until"))
    stored = survey_store.get(context.workspace.db(), draft.id)
    assert stored.status is SurveyStatus.OPEN
    assert stored.closes_at is not None
    expected = datetime.fromtimestamp(end.toSecsSinceEpoch(), UTC)
    assert abs(stored.closes_at - expected) < timedelta(seconds=1)
    assert "is open" in page.notice.text()
    qtbot.waitUntil(lambda: page.actions_by_name["close_survey"].isEnabled())

    asked: list[str] = []
    monkeypatch.setattr(
        survey_prompts, "confirm_close", lambda _p, title: asked.append(title) or True
    )
    with qtbot.waitSignal(context.surveys_changed):
        page.actions_by_name["close_survey"].trigger()
    assert asked == ["Net Promoter Score"]
    qtbot.waitUntil(lambda: table_texts(page, COL_STATUS) == ["Closed"])
    assert survey_store.get(context.workspace.db(), draft.id).status is SurveyStatus.CLOSED
    qtbot.waitUntil(lambda: page.actions_by_name["open_survey"].text() == "Reopen survey…")


def test_declining_the_close_keeps_the_survey_open(
    qtbot, context: AppContext, make_page, monkeypatch
):
    survey = make_survey(context.workspace, "csat")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    monkeypatch.setattr(survey_prompts, "confirm_close", lambda _p, _t: False)
    page.close_selected()
    qtbot.wait(50)
    assert context.worker.pending == 0
    assert survey_store.get(context.workspace.db(), survey.id).status is SurveyStatus.OPEN


def test_copy_link_puts_the_public_link_on_the_clipboard(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    link = public_link(context.base_url(), survey.slug)
    assert page.detail.link_edit.text() == link
    assert not page.detail.qr_label.pixmap().isNull()
    QGuiApplication.clipboard().clear()
    page.actions_by_name["copy_link"].trigger()
    assert QGuiApplication.clipboard().text() == link
    assert page.actions_by_name["copy_link"].shortcut().toString() == "Ctrl+Shift+C"


def test_save_qr_writes_a_png_that_scans_to_the_link(
    qtbot, context: AppContext, make_page, monkeypatch, tmp_path: Path
):
    survey = make_survey(context.workspace, "nps", languages=("ja",))
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    target = tmp_path / "counter.png"
    suggested: list[Path] = []

    def fake_ask(_parent, _caption, default: Path) -> Path:
        suggested.append(default)
        return target

    monkeypatch.setattr(survey_prompts, "ask_save_path", fake_ask)
    page.actions_by_name["save_qr"].trigger()
    qtbot.waitUntil(lambda: "QR code saved" in page.notice.text())
    assert suggested[0].name == "ネット・プロモーター・スコア QR.png"
    codes = zxingcpp.read_barcodes(Image.open(target))
    assert [code.text for code in codes] == [public_link(context.base_url(), survey.slug)]


def test_save_qr_as_svg(qtbot, context: AppContext, make_page, monkeypatch, tmp_path: Path):
    survey = make_survey(context.workspace, "ces")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    target = tmp_path / "code.svg"
    monkeypatch.setattr(survey_prompts, "ask_save_path", lambda *_args: target)
    page.save_qr()
    qtbot.waitUntil(lambda: "QR code saved" in page.notice.text())
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_see_results_emits_the_selected_survey(qtbot, context: AppContext, make_page):
    first = make_survey(context.workspace, "nps")
    second = make_survey(context.workspace, "csat")
    page = make_page()
    # Newest first: the CSAT survey is on top and selected.
    assert [page.model.index(r, 0).data(SURVEY_ID_ROLE) for r in range(2)] == [
        second.id,
        first.id,
    ]
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(1, 0)).row())
    assert page.selected_survey_id() == first.id
    with qtbot.waitSignal(page.show_results) as blocker:
        page.actions_by_name["see_results"].trigger()
    assert blocker.args == [first.id]


def test_counts_follow_responses_changed(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    assert table_texts(page, COL_RESPONSES) == ["0"]
    from storage import responses

    responses.record(context.workspace.db(), survey, {"nps": 9}, language="en")
    context.responses_changed.emit(survey.id)
    qtbot.waitUntil(lambda: table_texts(page, COL_RESPONSES) == ["1"])


@OFFSCREEN_DIALOG
def test_keyboard_shortcuts(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()

    QGuiApplication.clipboard().clear()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == page.detail.link_edit.text()

    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(NewSurveyDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_links_follow_the_public_url_setting(qtbot, context: AppContext, make_page):
    survey = make_survey(context.workspace, "csat")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    context.settings = replace(context.settings, public_url="https://answers.example.jp/")
    context.settings_changed.emit(context.settings)
    expected = f"https://answers.example.jp/s/{survey.slug}"
    qtbot.waitUntil(lambda: page.detail.link_edit.text() == expected)


def test_a_change_made_elsewhere_is_reported_in_plain_words(
    qtbot, context: AppContext, make_page, monkeypatch
):
    survey = make_survey(context.workspace, "nps")
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    # Closed behind the page's back (say, by its end date), so the page's list is stale.
    survey_store.set_status(context.workspace.db(), survey.id, SurveyStatus.CLOSED)
    monkeypatch.setattr(survey_prompts, "confirm_close", lambda _p, _t: True)
    page.close_selected()
    qtbot.waitUntil(lambda: page.notice.kind() == "error" and bool(page.notice.text()))
    assert "cannot be closed now" in page.notice.text()
    qtbot.waitUntil(lambda: table_texts(page, COL_STATUS) == ["Closed"])


def test_save_qr_proposes_a_folder_that_exists_and_says_why_it_failed(
    qtbot, home_without_documents, context: AppContext, make_page, monkeypatch, tmp_path: Path
):
    survey = make_survey(context.workspace, "nps", languages=("ja",))
    page = make_page()
    wait_for_detail(qtbot, page, survey.id)
    gone = tmp_path / "USB stick"
    suggested: list[Path] = []

    def fake_ask(_parent, _caption, default: Path) -> Path:
        suggested.append(default)
        return gone / "counter.png"  # chosen, then the stick was pulled out

    monkeypatch.setattr(survey_prompts, "ask_save_path", fake_ask)
    page.save_qr()
    assert suggested[0].parent == home_without_documents  # no ~/Pictures here
    qtbot.waitUntil(lambda: "could not be saved" in page.notice.text())
    assert f"The folder {gone} does not exist" in page.notice.text()
    assert "Errno" not in page.notice.text()
