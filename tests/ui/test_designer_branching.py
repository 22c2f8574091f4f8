"""The designer's branching editor: "Show this question only if…", what ends the survey,
the paths in words, and the checker's findings when a condition cannot come true."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.branching import Condition, Match
from tests.surveys.branching_samples import branching_survey
from tests.ui import designer_helpers
from tests.ui.designer_helpers import rule_ids, type_into, wait_checked, wait_saved
from ui.common import i18n
from ui.designer.branching_section import BranchingSection

context = designer_helpers.context
open_designer = designer_helpers.open_designer
SHOTS = Path(os.environ.get("KOE_SHOTS", Path(__file__).parents[2] / "test-artifacts" / "ui"))


def unbranched(workspace: Workspace) -> int:
    """The sample survey as a draft, with "shop" shown to all and nothing ending it."""
    survey = branching_survey()
    survey.questions = [
        replace(q, show_if=None)
        if q.qid == "shop"
        else replace(q, ends_if=None)
        if q.qid == "visit"
        else q
        for q in survey.questions
    ]
    return survey_store.create(workspace.db(), survey).id or 0


def section(page) -> BranchingSection:
    return next(s for s in page.editor.sections if isinstance(s, BranchingSection))


def select(page, qid: str) -> BranchingSection:
    page.list_view.setCurrentIndex(page.model.index_of(qid))
    return section(page)


def test_a_condition_and_an_ending_are_set_seen_as_paths_and_saved(
    qtbot, workspace: Workspace, open_designer
):
    survey_id = unbranched(workspace)
    page = open_designer(survey_id)

    branching = select(page, "shop")
    combo = branching.source_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "score", "visit"]
    combo.setCurrentIndex(combo.findData("visit"))
    combo.activated.emit(combo.currentIndex())
    assert page.draft.question("shop").show_if == Condition("visit", Match(codes=("shop",)))
    branching = section(page)
    assert branching.show_editor is not None
    branching.show_editor.option_boxes["web"].click()
    assert page.draft.question("shop").show_if == Condition("visit", Match(codes=("shop", "web")))

    branching = select(page, "visit")
    branching.ends_box.click()
    assert page.draft.question("visit").ends_if == Match(codes=("phone",))
    assert branching.paths_label.text().splitlines() == [
        "• Question 2 is shown only when question 1 is 0–6.",
        "• Question 3 is shown only when question 1 is Promoters (9–10).",
        "• Question 4: “By phone” ends the survey.",
        "• Question 5 is shown only when question 4 is “In the shop” or “On the web”.",
    ]

    wait_saved(qtbot, page)
    stored = survey_store.get(workspace.db(), survey_id)
    assert stored.question("shop").show_if == Condition("visit", Match(codes=("shop", "web")))
    assert stored.question("visit").ends_if == Match(codes=("phone",))

    page.undo_action.trigger()
    assert page.draft.question("visit").ends_if is None


def test_a_score_range_that_cannot_come_true_is_reported(qtbot, workspace, open_designer):
    page = open_designer(unbranched(workspace))
    branching = select(page, "low")
    editor = branching.show_editor
    assert editor is not None and editor.how_combo.currentData() == "range"
    assert (editor.low_spin.value(), editor.high_spin.value()) == (0, 6)
    editor.low_spin.setValue(8)
    editor.high_spin.setValue(3)
    assert page.draft.question("low").show_if == Condition("score", Match(low=8, high=3))
    wait_checked(qtbot, page)
    assert "branch-unreachable" in rule_ids(page)
    # Groups instead of a range: the promoters' box starts the detractors ticked.
    editor = section(page).show_editor
    editor.how_combo.setCurrentIndex(editor.how_combo.findData("bands"))
    editor.how_combo.activated.emit(editor.how_combo.currentIndex())
    assert page.draft.question("low").show_if.match.kind == "bands"
    wait_checked(qtbot, page)
    assert "branch-unreachable" not in rule_ids(page)


def test_screenshots_in_english_and_japanese(qtbot, qapp, workspace, open_designer):
    survey = branching_survey()
    survey_id = survey_store.create(workspace.db(), survey).id or 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for language, chooses in (("en", "Question 4 is answered"), ("ja", "質問4")):
            assert i18n.install_translator(qapp, language) == language
            page = open_designer(survey_id)
            branching = select(page, "shop")
            assert branching.source_combo.currentText().startswith(chooses)
            qtbot.waitUntil(branching.paths_label.isVisible)
            page.editor.ensureWidgetVisible(branching.paths_label)
            qtbot.wait(50)  # the scroll and the new editor's layout settle
            page.window().grab().save(str(SHOTS / f"designer_branching_{language}.png"))
        assert "表示" in branching.paths_label.text()
    finally:
        i18n.install_translator(qapp, "en")


def test_rewording_an_option_a_rule_names_keeps_its_code_and_the_rule_holds(
    qtbot, workspace: Workspace, open_designer
):
    survey_id = unbranched(workspace)
    page = open_designer(survey_id)
    branching = select(page, "shop")
    combo = branching.source_combo
    combo.setCurrentIndex(combo.findData("visit"))
    combo.activated.emit(combo.currentIndex())  # "shop" shown when "visit" is "In the shop"
    select(page, "visit")
    options = next(s for s in page.editor.sections if hasattr(s, "option_fields"))
    codes = [o.code for o in page.draft.question("visit").options]
    row_shop, row_web = codes.index("shop"), codes.index("web")

    type_into(qtbot, options.option_fields[(row_shop, "en")], "At the counter")
    type_into(qtbot, options.option_fields[(row_web, "en")], "Online shop")

    visit = page.draft.question("visit")
    assert visit.options[row_shop].code == "shop"  # named by the rule: kept
    assert visit.options[row_shop].text["en"] == "At the counter"
    assert visit.options[row_web].code == "online_shop"  # named by none: follows the words
    assert page.draft.question("shop").show_if == Condition("visit", Match(codes=("shop",)))
    wait_checked(qtbot, page)
    assert not [f.rule_id for f in page.draft.findings if f.rule_id.startswith("branch-")]
