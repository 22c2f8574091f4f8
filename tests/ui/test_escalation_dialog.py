"""The escalation rules dialog and the follow-up tasks list (pytest-qt, offscreen),
in English and Japanese, against a real workspace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import escalation, follow_up_tasks, responses, segments
from storage import settings as settings_store
from surveys.escalation import RuleKind
from surveys.questions import Choice
from tests.conftest import make_survey
from ui.comments.escalation_dialog import EscalationDialog
from ui.comments.tasks_dialog import TasksDialog
from ui.common import i18n

# An offscreen dialog cannot pass size hints to a window manager: Qt says so, harmlessly.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

WORDS = {
    "en": {
        "option": "Unlikely to renew (How likely are you to renew when your plan ends?)",
        "why": "Chose “Unlikely to renew”",
        "rule": "Unlikely to renew (1 survey) → Ken",
        "kind": "An answer chooses an option",
    },
    "ja": {
        "option": "更新しない可能性が高い"
        "（プランの期間終了時に、更新される可能性はどのくらいありますか？）",
        "why": "「更新しない可能性が高い」を選択",
        "rule": "更新しない可能性が高い（1件のアンケート）→ Ken",
        "kind": "回答で特定の選択肢が選ばれたとき",
    },
}


# Before ``context``: the dialogs read the language from its settings.
@pytest.fixture(params=["en", "ja"])
def language(request, qapp, workspace):
    settings_store.save(workspace.db(), owners=["佐藤", "Ken"], language=request.param)
    i18n.install_translator(qapp, request.param)
    return request.param


@pytest.fixture
def renewal(workspace, language):
    survey = make_survey(workspace, "renewal_intent", languages=("ja", "en"))
    db = workspace.db()
    earlier = responses.record(db, survey, {"renewal": Choice(("unlikely",))}, language="ja")
    return survey, earlier


def test_a_rule_for_unlikely_to_renew_is_made_in_the_dialog(
    qtbot, language, renewal, context, workspace
):
    survey, earlier = renewal
    dialog = EscalationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.option.count() == 3, timeout=5000)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuleKind.OPTION.value))
    assert dialog.kind.currentText() == WORDS[language]["kind"]
    assert dialog.option.itemText(0) == WORDS[language]["option"]  # the template's first
    assert dialog.option.isVisible() and not dialog.wait.isVisible()
    dialog.surveys.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.owner.setCurrentText("Ken")
    dialog.grab().save(f"/tmp/escalation_dialog_{language}.png")

    dialog.save()
    qtbot.waitUntil(lambda: dialog.rule_list.count() == 1, timeout=5000)
    assert dialog.rule_list.item(0).text() == WORDS[language]["rule"]
    dialog.grab().save(f"/tmp/escalation_saved_{language}.png")
    (rule,) = escalation.rules(workspace.db())
    assert (rule.kind, rule.qid, rule.option_code, rule.owner) == (
        RuleKind.OPTION, "renewal", "unlikely", "Ken"
    )  # fmt: skip
    assert rule.survey_ids == (survey.id,)
    # Started from now: the answer already in made no task.
    assert follow_up_tasks.list_tasks(workspace.db()) == []

    db = workspace.db()
    later = responses.record(db, survey, {"renewal": Choice(("unlikely",))}, language="ja")
    from channels.escalation import escalate

    escalate(db, settings_store.load(db))
    tasks = TasksDialog(context)
    qtbot.addWidget(tasks)
    tasks.show()
    qtbot.waitUntil(lambda: tasks.table.rowCount() == 1, timeout=5000)
    row = [tasks.table.item(0, c).text() for c in range(6)]
    assert row[1] == "Ken" and row[2] == WORDS[language]["why"]
    tasks.grab().save(f"/tmp/tasks_dialog_{language}.png")
    assert follow_up_tasks.list_tasks(db)[0].response_id == later != earlier


def test_no_answer_needs_an_important_segment_and_says_so(qtbot, language, context, workspace):
    gold = [segments.Condition("plan", "in", ("gold",))]
    segment = segments.save(workspace.db(), "大口顧客", gold)
    dialog = EscalationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.segments.count() == 1, timeout=5000)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuleKind.NO_ANSWER.value))
    assert dialog.wait.isVisible() and not dialog.option.isVisible()
    dialog.save()
    assert dialog.problem.text()  # refused in words, nothing stored
    assert escalation.rules(workspace.db()) == []

    dialog.segments.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.wait.setValue(5)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.rule_list.count() == 1, timeout=5000)
    (rule,) = escalation.rules(workspace.db())
    assert (rule.kind, rule.wait_days, rule.owner) == (RuleKind.NO_ANSWER, 5, "佐藤")
    assert escalation.important_segments(workspace.db()) == [segment.id]


def test_a_task_moves_on_the_closed_loop(qtbot, language, context, workspace):
    survey = make_survey(workspace, "nps")
    db = workspace.db()
    from channels.escalation import escalate
    from surveys.escalation import Rule

    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    responses.record(db, survey, {"nps": 2}, language="ja")
    (task_id,) = escalate(db, settings_store.load(db))
    tasks = TasksDialog(context)
    qtbot.addWidget(tasks)
    tasks.show()
    qtbot.waitUntil(lambda: tasks.table.rowCount() == 1, timeout=5000)
    tasks.table.setCurrentCell(0, 0)
    tasks.status.setCurrentIndex(tasks.status.findData("contacted"))
    tasks.note.setText("電話しました")
    tasks.save_task()
    qtbot.waitUntil(lambda: follow_up_tasks.get(db, task_id).status == "contacted", timeout=5000)
    assert follow_up_tasks.get(db, task_id).note == "電話しました"


def test_the_window_escalates_an_answer_posted_to_its_site(qtbot, nps_survey, workspace, window):
    """Where owner alerts are evaluated (the window's look at new answers), rules make
    their tasks too; the Comments page's button counts the open ones."""
    import httpx

    from surveys.escalation import Rule
    from tests.web.conftest import answer

    db = workspace.db()
    escalation.save(db, Rule(RuleKind.DETRACTOR, owner="佐藤"))
    qtbot.waitUntil(lambda: window.alerts._after is not None)
    with httpx.Client(base_url=window.context.server_url, follow_redirects=True) as client:
        assert answer(client, f"/s/{nps_survey.slug}", {"nps": "1"}).status_code == 200
    qtbot.waitUntil(lambda: follow_up_tasks.open_count(db) == 1, timeout=60_000)
    (task,) = follow_up_tasks.list_tasks(db)
    assert (task.owner, task.reason, task.detail["score"]) == ("佐藤", "detractor", 1)
