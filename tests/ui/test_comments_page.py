"""The Comments page: the list loads lazily, search finds 価格, a detractor's case persists."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import comments as comment_store
from storage import follow_up, responses
from storage import settings as settings_store
from tests.ui.closing import (
    CLOSED_MIDWAY,
    after_each_outcome,
    assert_closed_cleanly,
    close_ways,
    full_disk,
    held,
    the_user_reads,
    under_the_app_error_hook,
)
from ui.comments.keywords_dialog import KeywordsDialog
from ui.comments.model import COL_DATE, COL_TAGS, COL_TEXT, CommentsModel
from ui.common.i18n import install_translator
from ui.main_window import MainWindow

TEXTS = [
    (2, "価格が高すぎます"),
    (4, "サポートの対応が遅い"),
    (10, "スタッフがとても親切でした"),
    (8, "The price is fair"),
]


@pytest.fixture
def commented(workspace, nps_survey):
    db = workspace.db()
    settings_store.save(db, owners=["佐藤", "Tanaka"], language="en")
    for score, text in TEXTS:
        answers = nps_survey.parse_answers({"nps": str(score), "reason": text})
        responses.record(db, nps_survey, answers, language="ja")
    return nps_survey


def shown_texts(page) -> list[str]:
    model = page.model
    return [model.index(r, COL_TEXT).data() for r in range(model.rowCount())]


def open_page(qtbot, window: MainWindow):
    page = window.pages["comments"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        window.show_page("comments")
    return page


def test_the_list_shows_every_comment_and_search_finds_two_character_words(
    qtbot, window, commented
):
    page = open_page(qtbot, window)
    assert len(shown_texts(page)) == 4
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("価格")
    assert shown_texts(page) == ["価格が高すぎます"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("対応")
    assert shown_texts(page) == ["サポートの対応が遅い"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.setText("price")
    assert shown_texts(page) == ["The price is fair"]


def test_tags_are_applied_and_counted(qtbot, window, commented, koe_app):
    page = open_page(qtbot, window)
    qtbot.waitUntil(lambda: page.stats.topLevelItemCount() > 0, timeout=5000)
    tags = {
        page.stats.topLevelItem(i).text(0): page.stats.topLevelItem(i).text(1)
        for i in range(page.stats.topLevelItemCount())
    }
    assert tags["Price"] == "2" and tags["Support"] == "1" and tags["Staff"] == "1"


def test_a_detractors_status_change_persists(qtbot, commented, workspace, window):
    page = open_page(qtbot, window)
    row = shown_texts(page).index("価格が高すぎます")
    page.table.selectRow(row)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.case_box.isEnabled() and detail.case_box.isVisible())
    detail.status.setCurrentIndex(detail.status.findData("contacted"))
    detail.owner.setCurrentIndex(detail.owner.findData("佐藤"))
    detail.note.setPlainText("電話しました")
    with qtbot.waitSignal(detail.case_saved, timeout=5000):
        detail.save_button.click()
    response_id = page.model.comment(row).response_id
    case = follow_up.get(workspace.db(), response_id)
    assert (case.status, case.owner, case.note) == ("contacted", "佐藤", "電話しました")
    # Shown again as stored when the comment is selected anew.
    page.table.selectRow(shown_texts(page).index("The price is fair"))
    assert not detail.case_box.isVisible()
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: detail.case_box.isEnabled())
    assert detail.status.currentData() == "contacted" and detail.owner.currentData() == "佐藤"


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, koe_app, commented):
    model = CommentsModel(koe_app.worker)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    assert model.rowCount() == 4
    qtmodeltester.check(model)


@pytest.fixture
def japanese_owner(commented, workspace):
    """The owner chose Japanese for the app (read by KoeApp when it starts)."""
    settings_store.save(workspace.db(), language="ja")
    return commented


def stat_rows(page) -> dict[str, str]:
    return {
        page.stats.topLevelItem(i).text(0): page.stats.topLevelItem(i).text(1)
        for i in range(page.stats.topLevelItemCount())
    }


def test_built_in_tags_read_in_japanese_and_filter_by_their_key(
    qtbot, japanese_owner, window, workspace
):
    page = open_page(qtbot, window)
    qtbot.waitUntil(lambda: page.stats.topLevelItemCount() > 0, timeout=5000)
    stats = stat_rows(page)
    assert stats["価格"] == "2" and stats["サポート"] == "1" and stats["スタッフ"] == "1"
    assert "price" not in stats and "Price" not in stats
    choices = [page.tag.itemText(i) for i in range(page.tag.count())]
    assert "価格" in choices and "price" not in choices
    # Picking 価格 filters by the stored key: both comments about the price.
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.tag.setCurrentIndex(page.tag.findText("価格"))
    assert sorted(shown_texts(page)) == ["The price is fair", "価格が高すぎます"]
    row = shown_texts(page).index("価格が高すぎます")
    assert page.model.index(row, COL_TAGS).data() == "価格"
    # Typing the label 価格 in the detail tags the built-in tag, not a new "価格" one.
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.tag.setCurrentIndex(0)
    page.table.selectRow(shown_texts(page).index("スタッフがとても親切でした"))
    detail = page.detail
    detail.tag_edit.setCurrentText("価格")
    with qtbot.waitSignal(detail.tags_changed, timeout=5000):
        detail.add_button.click()
    assert "価格" in detail.tags.text() and "price" not in detail.tags.text()
    tags = workspace.db().execute("SELECT DISTINCT tag FROM comment_tags").fetchall()
    assert "価格" not in {t for (t,) in tags}
    qtbot.waitUntil(lambda: stat_rows(page).get("価格") == "3", timeout=5000)


# 07:30 on 3 December in Tokyo is still the 2nd in UTC, the stored time.
TOKYO_MORNING = datetime(2026, 12, 2, 22, 30, tzinfo=UTC)


@pytest.fixture(params=["en", "ja"])
def tokyo_morning(request, qapp, workspace, nps_survey) -> Iterator[str]:
    """A Tokyo shop's owner (the app in English or Japanese) and an answer from 07:30 on 3 Dec."""
    db = workspace.db()
    settings_store.save(db, time_zone="Asia/Tokyo", language=request.param)
    answers = nps_survey.parse_answers({"nps": "3", "reason": "朝一番に電話したが繋がらない"})
    responses.record(db, nps_survey, answers, language="ja", now=TOKYO_MORNING)
    install_translator(qapp, request.param)
    yield request.param
    install_translator(qapp, "en")


def test_a_tokyo_morning_answer_reads_on_its_own_day(qtbot, tokyo_morning, window, koe_app):
    page = open_page(qtbot, window)
    assert page.model.index(0, COL_DATE).data() == "2026-12-03"
    page.table.selectRow(0)
    assert page.detail.meta.text().startswith("2026-12-03 07:30 · 3 · ")
    window.resize(1100, 520)
    shot = Path(tempfile.gettempdir()) / f"koe-comments-times-{tokyo_morning}.png"
    page.grab().save(str(shot))
    # Another zone chosen in the settings: the same answer reads on its New York day.
    koe_app.context.save_settings(time_zone="America/New_York")
    qtbot.waitUntil(lambda: page.model.index(0, COL_DATE).data() == "2026-12-02")
    assert page.detail.meta.text().startswith("2026-12-02 17:30 · ")


def test_the_keywords_dialog_shows_labels_and_keeps_the_keys(
    qtbot, japanese_owner, koe_app, workspace
):
    from ui.comments.keywords_dialog import KeywordsDialog

    dialog = KeywordsDialog(koe_app.context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert shown[:3] == ["価格", "サポート", "UI"]
    dialog.add_row("要対応", "至急")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    stored = comment_store.keywords(workspace.db())
    assert "price" in stored and "価格" not in stored and stored["要対応"] == ["至急"]


# -- the keywords dialog closes and opens again after each outcome --------------------

KEYWORDS_CLOSES = close_ways("cancel_button")


def open_keywords(qtbot, page) -> KeywordsDialog:
    dialog = page.edit_keywords()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    return dialog


@under_the_app_error_hook
@after_each_outcome(KEYWORDS_CLOSES)
def test_the_keywords_dialog_closes_and_opens_again_after_each_outcome(
    qtbot, window, commented, koe_app, workspace, monkeypatch, unexpected_errors, outcome, close
):
    page = open_page(qtbot, window)
    if outcome == "success":
        dialog = open_keywords(qtbot, page)
        dialog.add_row("要対応", "至急")
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            dialog.save()  # it closes itself
    elif outcome == "failure":
        dialog = open_keywords(qtbot, page)
        with monkeypatch.context() as patch:
            patch.setattr(comment_store, "set_keywords", full_disk)
            with qtbot.waitSignal(koe_app.worker.failed, timeout=5000):
                dialog.save()  # the window says so ("Something went wrong.")
        assert dialog.isVisible() and dialog.cancel_button.isEnabled()
        the_user_reads(qtbot)
        KEYWORDS_CLOSES[close](dialog)
    else:  # closed while the lists are still loading
        with monkeypatch.context() as patch:
            gate = held(patch, comment_store, "keywords")
            dialog = page.edit_keywords()
            qtbot.waitUntil(gate.reached.is_set)
            KEYWORDS_CLOSES[close](dialog)
            gate.set()
            qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)

    again = open_keywords(qtbot, page)
    again.add_row("再訪", "また来")
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.save()
    assert_closed_cleanly(qtbot, again, unexpected_errors)
    assert comment_store.keywords(workspace.db())["再訪"] == ["また来"]


@under_the_app_error_hook
@CLOSED_MIDWAY
def test_the_keywords_dialog_stays_until_its_save_is_written(
    qtbot, window, commented, koe_app, monkeypatch, unexpected_errors, close
):
    page = open_page(qtbot, window)
    dialog = open_keywords(qtbot, page)
    dialog.add_row("要対応", "至急")
    gate = held(monkeypatch, comment_store, "set_keywords")
    dialog.save()
    qtbot.waitUntil(gate.reached.is_set)
    close(dialog)
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        gate.set()
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)


@pytest.fixture(params=["en", "ja"])
def silent_tokyo_detractor(request, qapp, workspace, nps_survey) -> Iterator[str]:
    """A Tokyo shop (the app in English or Japanese) and a detractor who gave a 1 at 07:30
    on 3 Dec and wrote nothing."""
    db = workspace.db()
    settings_store.save(db, time_zone="Asia/Tokyo", language=request.param)
    responses.record(db, nps_survey, {"nps": 1}, language="ja", now=TOKYO_MORNING)
    install_translator(qapp, request.param)
    yield request.param
    install_translator(qapp, "en")


def test_a_detractor_without_a_comment_reads_on_its_own_day(qtbot, silent_tokyo_detractor, window):
    page = open_page(qtbot, window)
    assert page.model.rowCount() == 0  # no comment to list until the detractors are chosen
    detractors = next(i for i in range(page.band.count()) if page.band.itemData(i) == "detractor")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.band.setCurrentIndex(detractors)
    assert page.model.index(0, COL_DATE).data() == "2026-12-03"
    page.table.selectRow(0)
    no_comment = {"en": "(no comment)", "ja": "（コメントなし）"}[silent_tokyo_detractor]
    detractor = {"en": "Detractor", "ja": "批判者"}[silent_tokyo_detractor]
    assert page.detail.meta.text() == f"2026-12-03 07:30 · 1 · {detractor}"
    assert page.detail.text.text() == no_comment
    window.resize(1100, 520)
    shot = Path(tempfile.gettempdir()) / f"koe-comments-silent-{silent_tokyo_detractor}.png"
    page.grab().save(str(shot))
