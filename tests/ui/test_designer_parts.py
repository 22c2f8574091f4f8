"""The designer's parts on their own: the list model, the undo commands, the editors per
type, survey settings with the SMS count, follow-ups, the preview."""

from __future__ import annotations

import json

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import SurveyStatus
from surveys.questions import Band, QuestionType
from surveys.templates import survey_from_template
from tests.conftest import make_survey
from tests.ui import designer_helpers
from tests.ui.designer_helpers import type_into, wait_checked, wait_saved
from ui.designer import prompts
from ui.designer.commands import MoveQuestion, QuestionEdit
from ui.designer.draft import Draft
from ui.designer.follow_up_section import FollowUpSection
from ui.designer.list_model import MIME_TYPE, QuestionListModel
from ui.designer.question_ops import code_from_text, starter_question

context = designer_helpers.context
open_designer = designer_helpers.open_designer
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def draft(qapp) -> Draft:
    survey = survey_from_template("churn_exit", languages=("en", "ja"))
    survey.questions.insert(0, survey_from_template("nps").questions[0])
    draft = Draft()
    draft.load(survey, {"nps": 3})
    return draft


def test_the_list_model_passes_the_model_tester(qtmodeltester, draft: Draft):
    model = QuestionListModel(draft)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    draft.set_findings([])
    qtmodeltester.check(model, force_py=True)


def test_drag_data_and_moves_follow_qt_conventions(draft: Draft):
    model = QuestionListModel(draft)
    data = model.mimeData([model.index(1, 0)])
    assert json.loads(bytes(data.data(MIME_TYPE)).decode()) == ["leave_reason"]
    moves: list[tuple[int, int]] = []
    model.move_requested.connect(lambda source, final: moves.append((source, final)))
    # destinationChild counts rows before the move: row 0 "before row 3" ends up last.
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert not model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 2)  # onto itself
    assert not model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 3)  # one at a time
    assert moves == [(0, 2)]
    # A drop of the drag data does the same: the last row dropped at the top.
    dragged = model.mimeData([model.index(2, 0)])
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(dragged, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert moves == [(0, 2), (2, 0)]


def test_moves_merge_when_made_by_keyboard(draft: Draft):
    model = QuestionListModel(draft)
    stack = QUndoStack()
    stack.push(MoveQuestion(model, 0, 1, "Move", merge=True))
    stack.push(MoveQuestion(model, 1, 2, "Move", merge=True))
    assert [q.qid for q in draft.questions] == ["leave_reason", "win_back", "nps"]
    assert stack.count() == 1
    stack.undo()
    assert [q.qid for q in draft.questions] == ["nps", "leave_reason", "win_back"]
    # Back where it started: the step disappears rather than undoing nothing.
    stack.push(MoveQuestion(model, 0, 1, "Move", merge=True))
    stack.push(MoveQuestion(model, 1, 0, "Move", merge=True))
    assert stack.count() == 0


def test_typing_back_to_the_start_leaves_no_undo_step(draft: Draft):
    stack = QUndoStack()
    before = draft.question("win_back")
    assert before is not None
    changed = starter_question(draft.survey, QuestionType.SHORT_TEXT)  # type: ignore[arg-type]
    changed.qid = before.qid
    stack.push(QuestionEdit(draft, before, changed, "Edit", "k"))
    stack.push(QuestionEdit(draft, changed, before, "Edit", "k"))
    assert stack.count() == 0
    assert draft.question("win_back") == before


def test_option_codes_come_from_the_english_wording():
    assert code_from_text("Too expensive!", set()) == "too_expensive"
    assert code_from_text("Too expensive", {"too_expensive"}) == "too_expensive_2"
    assert code_from_text("Other", set()) == "other_2"  # other/none are reserved
    assert code_from_text("料金が高い", set()) is None
    long = code_from_text("a" * 40, {"a" * 32})
    assert long is not None and len(long) <= 32


def test_new_standard_questions_start_with_the_standard_wording(workspace: Workspace):
    survey = survey_from_template("churn_exit", languages=("ja", "en"))
    question = starter_question(survey, QuestionType.CES, "Café Koe")
    assert question.text["en"] == "Café Koe made it easy for me to handle my issue."
    assert question.low_label == {"ja": "まったくそう思わない", "en": "Strongly disagree"}
    assert question.required
    assert not starter_question(survey, QuestionType.OPEN_TEXT).required
    assert len(starter_question(survey, QuestionType.SINGLE_CHOICE).options) == 2


def test_scale_labels_and_faces(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "csat", languages=("en",), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    scale = page.editor.sections[0]
    assert set(scale.label_fields) == {("low_label", "en"), ("high_label", "en")}
    type_into(qtbot, scale.label_fields[("low_label", "en")], "")
    wait_checked(qtbot, page)
    card = next(c for c in page.checklist.cards if c.finding.rule_id == "scale-labels")
    page.list_view.setFocus()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert scale.label_fields[("low_label", "en")].hasFocus()
    type_into(qtbot, scale.label_fields[("low_label", "en")], "Very unsatisfied")
    wait_checked(qtbot, page)
    assert "scale-labels" not in [c.finding.rule_id for c in page.checklist.cards]

    page.edits.add_question(QuestionType.SMILEY)
    faces = page.editor.sections[0]
    assert faces.points_buttons[5].isChecked()
    faces.points_buttons[3].click()
    assert page.draft.question(page.current_qid()).points == 3
    page.undo_action.trigger()
    assert faces.points_buttons[5].isChecked()


def test_follow_up_wording_by_score_and_who_is_asked(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    page.list_view.setCurrentIndex(page.model.index_of("reason"))
    follow = next(s for s in page.editor.sections if isinstance(s, FollowUpSection))
    assert follow.follows_combo.currentData() == "nps"
    assert follow.everyone_button.isChecked()
    assert [b.text() for b in follow.band_boxes.values()] == [
        "Promoters (9–10)",
        "Passives (7–8)",
        "Detractors (0–6)",
    ]
    follow.some_button.click()
    follow.band_boxes[Band.PROMOTER].click()
    assert page.draft.question("reason").show_for == (Band.PASSIVE, Band.DETRACTOR)
    type_into(qtbot, follow.variant_fields[(Band.DETRACTOR, "en")], "What went wrong?")
    wait_saved(qtbot, page)
    stored = survey_store.get(workspace.db(), survey.id).question("reason")
    assert stored.show_for == (Band.PASSIVE, Band.DETRACTOR)
    assert stored.variants[Band.DETRACTOR]["en"] == "What went wrong?"
    # Not a follow-up any more: the band settings go (and undo brings them back).
    follow.follows_combo.setCurrentIndex(0)
    follow.follows_combo.activated.emit(0)
    assert page.draft.question("reason").follow_up_of is None
    assert page.draft.question("reason").variants == {}
    page.undo_action.trigger()
    assert page.draft.question("reason").show_for == (Band.PASSIVE, Band.DETRACTOR)


def test_survey_settings_languages_channels_and_the_sms_count(
    qtbot, workspace: Workspace, open_designer
):
    survey = make_survey(workspace, "nps", languages=("en",), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    page.actions_by_name["settings"].trigger()
    settings = page.settings_editor
    assert page.centre.currentWidget() is settings
    combo = settings.language_combo
    combo.setCurrentIndex(combo.findData("en,ja"))
    combo.activated.emit(combo.currentIndex())
    assert page.draft.languages == ("en", "ja")
    assert set(settings.title_fields) == {"en", "ja"}
    wait_checked(qtbot, page)
    # Questions without Japanese wording are now reported.
    missing = [c for c in page.checklist.cards if c.finding.rule_id == "empty-text"]
    assert {c.finding.place.language for c in missing} == {"ja"}

    settings.channel_boxes["sms"].click()
    assert page.draft.survey.channels == ("sms",)
    type_into(qtbot, settings.invitation_fields["en"], "Hi {name}, how did we do? {link}")
    assert settings.sms_labels["en"].text() == "1 SMS segment: 106 of 160 characters."
    type_into(qtbot, settings.invitation_fields["en"], "Hi {name}, how did we do? " * 6 + "{link}")
    assert settings.sms_labels["en"].text() == "2 SMS segments: 251 characters, 153 a segment."
    wait_checked(qtbot, page)
    sms = next(c for c in page.checklist.cards if c.finding.rule_id == "sms-segments")
    qtbot.mouseClick(sms, Qt.MouseButton.LeftButton)
    assert settings.invitation_fields["en"].hasFocus()


@OFFSCREEN_DIALOG
def test_the_add_menu_explains_why_there_are_no_grids(qtbot, workspace: Workspace, open_designer):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    names = [a.objectName() for a in page.add_menu.actions() if a.objectName()]
    assert names[:3] == ["add_nps", "add_csat", "add_ces"] and len(names) == 11
    next(a for a in page.add_menu.actions() if a.objectName() == "why_no_grids").trigger()
    dialog = page.rules.dialog
    assert dialog is not None
    assert dialog.title_label.text() == "A grid in disguise"
    assert "Koe offers no grids or matrices, on purpose." in dialog.help_label.text()
    dialog.close()


@OFFSCREEN_DIALOG
def test_preview_saves_makes_a_token_and_shows_the_link_and_qr(
    qtbot, workspace: Workspace, open_designer, context, monkeypatch
):
    context.server_url = "http://127.0.0.1:8765"
    opened: list[str] = []
    monkeypatch.setattr(prompts, "open_in_browser", lambda url: opened.append(url) or True)
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    type_into(qtbot, page.editor.wording_fields["en"], "How likely are you to recommend us?")
    page.actions_by_name["preview"].trigger()
    qtbot.waitUntil(lambda: page.preview.dialog is not None, timeout=5000)
    token = survey_store.get(workspace.db(), survey.id).extra["preview_token"]
    link = f"http://127.0.0.1:8765/preview/{token}"
    assert opened == [link]
    dialog = page.preview.dialog
    assert dialog.link_edit.text() == link
    png = dialog.qr_label.pixmap().toImage()
    png.save(str(workspace.folder / "qr.png"))
    decoded = zxingcpp.read_barcodes(Image.open(workspace.folder / "qr.png"))
    assert [code.text for code in decoded] == [link]
    # The draft was saved before the preview: the page shows the latest wording.
    stored = survey_store.get(workspace.db(), survey.id)
    assert stored.questions[0].text["en"] == "How likely are you to recommend us?"
    # A second preview keeps the same token.
    dialog.close()
    page.actions_by_name["preview"].trigger()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5000)
    assert opened[1] == link
