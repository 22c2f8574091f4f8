"""The designer in the main window: opened from the Surveys page, kept while visiting other
pages, closed by Back; new surveys from every template (or blank) open in it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from storage import surveys as survey_store
from surveys.model import SurveyStatus
from surveys.questions import QuestionType
from surveys.templates import TEMPLATES
from tests.conftest import make_survey
from tests.ui.designer_helpers import type_into, wait_saved
from ui.designer.page import DesignerPage
from ui.main_window import MainWindow
from ui.surveys.new_survey_dialog import NewSurveyDialog
from ui.surveys.template_list import BLANK, DESCRIPTION_ROLE, KEY_ROLE

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def surveys_page_loaded(qtbot, window: MainWindow, survey_id: int) -> None:
    page = window.pages["surveys"]
    page.refresh()  # the survey was made after the window
    qtbot.waitUntil(lambda: page.loaded and page.selected_survey_id() == survey_id)


def open_from_surveys(qtbot, window: MainWindow) -> DesignerPage:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    designer = window.designer
    assert designer is not None
    if designer.draft.survey is None:
        with qtbot.waitSignal(designer.loaded):
            pass
    return designer


def test_ctrl_e_opens_the_designer_and_back_returns(qtbot, window: MainWindow, workspace):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    surveys_page_loaded(qtbot, window, survey.id)
    designer = open_from_surveys(qtbot, window)
    assert window.stack.currentWidget() is designer
    assert window.current_page_key() == "surveys"
    assert [q.qid for q in designer.draft.questions] == ["nps", "reason"]

    # Other pages can be visited; Surveys brings the designer back, as it was.
    type_into(qtbot, designer.settings_editor.title_fields["en"], "Spring NPS")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["results"]
    wait_saved(qtbot, designer)  # leaving the page saved it
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is designer

    designer.actions_by_name["back"].trigger()
    qtbot.waitUntil(lambda: window.designer is None)
    assert window.stack.currentWidget() is window.pages["surveys"]
    page = window.pages["surveys"]
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() == "Spring NPS")


def test_double_click_opens_the_designer(qtbot, window: MainWindow, workspace):
    survey = make_survey(workspace, "csat")
    surveys_page_loaded(qtbot, window, survey.id)
    page = window.pages["surveys"]
    index = page.table.model().index(0, 0)
    rect = page.table.visualRect(index)
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.designer is not None
    assert window.designer.survey_id == survey.id


def test_closing_the_window_saves_the_last_change_first(qtbot, window: MainWindow, workspace):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    surveys_page_loaded(qtbot, window, survey.id)
    designer = open_from_surveys(qtbot, window)
    designer.edits.add_question(QuestionType.THUMBS)
    assert designer.saver.dirty
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    stored = survey_store.get(workspace.db(), survey.id)
    assert [q.type for q in stored.questions][1] is QuestionType.THUMBS


@OFFSCREEN_DIALOG
def test_the_new_survey_dialog_offers_every_template_and_a_blank_survey(qtbot):
    dialog = NewSurveyDialog("ja", "")
    qtbot.addWidget(dialog)
    rows = dialog.template_list
    keys = [rows.item(row).data(KEY_ROLE) for row in range(rows.count())]
    assert keys == [*TEMPLATES, BLANK]
    assert len(TEMPLATES) == 10
    # Each template speaks for itself, in the UI language.
    churn = rows.item(keys.index("churn_exit"))
    assert churn.text() == "ご解約の理由"
    assert churn.data(DESCRIPTION_ROLE) == "解約・退会されたときに、その理由を聞きます。"
    # The lifecycle moments (issue 16) each say when to use them.
    when = {
        key: rows.item(keys.index(key)).data(DESCRIPTION_ROLE)
        for key in ("ces_onboarding", "renewal_intent", "csat_support")
    }
    assert when == {
        "ces_onboarding": "導入完了時に（CES）：利用開始までが簡単だったかを聞きます。",
        "renewal_intent": "契約や会員期間の更新の90〜120日前に、更新のご意向を聞きます。",
        "csat_support": "お問い合わせの対応完了時に（CSAT）：サポートの満足度を聞きます。",
    }
    dialog.template_list.select(BLANK)
    assert dialog.title()["ja"] == "新しいアンケート"
    survey = dialog.survey()
    assert survey.questions == [] and survey.kind.value == "custom"


@OFFSCREEN_DIALOG
def test_a_blank_survey_opens_in_the_designer(qtbot, window: MainWindow):
    page = window.pages["surveys"]
    qtbot.waitUntil(lambda: page.loaded)
    dialog = page.new_survey()
    dialog.template_list.select(BLANK)
    dialog.title_edits["en"].setText("Opening hours")
    dialog.accept()
    qtbot.waitUntil(lambda: window.designer is not None, timeout=5000)
    designer = window.designer
    qtbot.waitUntil(lambda: designer.draft.survey is not None)
    assert designer.draft.questions == []
    assert designer.centre.currentWidget() is designer.empty_state
    assert designer.toolbar.title_label.text() == "Opening hours"
    # The empty state's button offers the question types.
    assert designer.empty_state.button.menu() is designer.add_menu
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    designer.edits.add_question(QuestionType.SINGLE_CHOICE)
    assert designer.centre.currentWidget() is designer.editor
    assert QApplication.focusWidget() is designer.editor.wording_fields["en"]
