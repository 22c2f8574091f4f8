"""The designer's owner tools: the anonymous switch says what it changes (and the site then
ties no answer to a contact), and rewording an answered question tells a correction (saved,
as a new wording) from a change of meaning (refused, with "Add as a new question")."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt

from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import responses
from storage import surveys as survey_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.ui import designer_helpers
from tests.ui.designer_helpers import type_into, wait_saved
from ui.designer.saver import SaveState
from web.app import create_app
from web.server import EmbeddedServer

context = designer_helpers.context
open_designer = designer_helpers.open_designer

FIXED = "How likely are you to recommend Test Shop to a friend or a colleague?"
OTHER = "How happy were you with our delivery today?"


def answer_personal_link(workspace: Workspace, token: str, fields: dict[str, str]) -> None:
    """Answer through the real respondent site, as a phone's browser would."""
    server = EmbeddedServer(create_app(workspace), port=free_port())
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            page = client.get(f"/r/{token}")
            assert page.status_code == 200
            csrf = page.text.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
            posted = client.post(f"/r/{token}", data={**fields, "_csrf": csrf})
            assert posted.status_code == 303, posted.text[:300]
    finally:
        server.stop()


def test_the_anonymous_switch_says_what_it_changes_and_unties_personal_answers(
    qtbot, workspace: Workspace, open_designer
):
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    page = open_designer(survey.id)
    page.show_settings()
    box = page.settings_editor.anonymous_box
    hint = page.settings_editor.anonymous_hint
    assert box.isVisible() and not box.isChecked()
    assert "linked to the contact who got it, so you see who answered" in hint.text()

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    wait_saved(qtbot, page)

    assert box.isChecked()
    assert "are not linked to the contact who got it" in hint.text()
    assert "no follow-up message goes to the person" in hint.text()
    assert "applies to answers from now on" in hint.text()
    assert survey_store.get(db, survey.id).anonymous
    # A personal link now stores the answer without the delivery, so without the contact.
    contact = contact_store.add(db, name="Hanako Sato", email="hanako@example.com")
    delivery = delivery_store.create(
        db, survey_id=survey.id, token="Tok3nForHanako", channel="email", contact_id=contact
    )
    answer_personal_link(workspace, delivery.token, {"nps": "3"})
    assert db.execute("SELECT delivery_id FROM responses").fetchall() == [(None,)]
    assert delivery_store.get(db, delivery.id).answered  # reminders stop all the same

    page.undo_action.trigger()  # the switch is an edit like any other
    wait_saved(qtbot, page)
    assert not box.isChecked() and not survey_store.get(db, survey.id).anonymous


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_rewording_an_answered_question_a_correction_saves_a_change_of_meaning_does_not(
    qtbot, workspace: Workspace, open_designer
):
    db = workspace.db()
    survey = make_survey(workspace, "nps")
    responses.record(db, survey, {"nps": 9}, language="en")
    page = open_designer(survey.id)
    editor = page.editor
    assert page.current_qid() == "nps" and not editor.reword_banner.isVisible()
    field = editor.wording_fields["en"]

    type_into(qtbot, field, FIXED)
    wait_saved(qtbot, page)
    assert editor.reword_banner.isVisible()
    assert editor.reword_label.text().startswith("A correction (")
    assert not editor.new_question_button.isVisible()
    assert survey_store.get(db, survey.id).questions[0].text["en"] == FIXED
    responses.record(db, survey_store.get(db, survey.id), {"nps": 4}, language="en")

    type_into(qtbot, field, OTHER)
    qtbot.waitUntil(lambda: page.saver.state is SaveState.REFUSED, timeout=5000)
    assert "This changes" in editor.reword_label.text()
    assert "Add a new question instead" in editor.reword_label.text()
    assert editor.new_question_button.isVisible()
    assert "the new wording asks something else: add it as a new question instead" in (
        page.notice.text()
    )
    assert survey_store.get(db, survey.id).questions[0].text["en"] == FIXED  # not saved

    qtbot.mouseClick(editor.new_question_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, page)

    stored = survey_store.get(db, survey.id)
    assert [q.text["en"] for q in stored.questions] == [
        FIXED,
        OTHER,
        survey.questions[1].text["en"],
    ]
    assert stored.questions[1].type is stored.questions[0].type
    assert stored.questions[1].qid not in survey_store.answered_qids(db, survey.id)
    history = survey_store.wording_history(db, survey.id)["nps"]
    assert [w.text["en"] for w in history] == [survey.questions[0].text["en"], FIXED]
    answered = db.execute(
        "SELECT a.value_num, a.wording FROM answers a ORDER BY a.value_num"
    ).fetchall()
    assert answered == [(4, 2), (9, 1)]  # each answer tied to the wording it was given to
    reason = survey.questions[1].text["en"]
    page.undo_action.trigger()  # one step back: the new wording on the question, no new one
    assert [q.text["en"] for q in page.draft.questions] == [OTHER, reason]
    page.redo_action.trigger()
    assert [q.text["en"] for q in page.draft.questions] == [FIXED, OTHER, reason]


def test_the_checklist_asks_for_a_question_when_there_is_none(
    qtbot, workspace: Workspace, open_designer
):
    from channels.links import new_slug
    from surveys.model import Survey, SurveyKind
    from surveys.text import LocalText

    blank = Survey(kind=SurveyKind.CUSTOM, title=LocalText(en="Visit"), questions=[])
    blank.slug = new_slug()
    stored = survey_store.create(workspace.db(), blank)
    page = open_designer(stored.id)

    cards = page.checklist.cards
    assert [card.finding.rule_id for card in cards] == ["no-questions"]
    assert cards[0].fix_label.text() == "Add a question: a survey cannot be opened without one."
    cards[0].activated.emit(cards[0].finding)
    assert page.centre.currentWidget() is page.empty_state
