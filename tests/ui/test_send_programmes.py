"""The Send page's programmes: the list with each one's response rate, its next sends
and history, the editor, pause and resume."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from channels import programmes as runner
from storage import contacts as contact_store
from storage import programmes as store
from storage import settings as settings_store
from surveys.programmes import Programme
from ui.common import i18n
from ui.send.page import SendPage

# An offscreen dialog says so; nothing is wrong.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
NOW = datetime(2030, 1, 15, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo


@pytest.fixture
def shop(workspace, nps_survey):
    db = workspace.db()
    settings_store.save(db, public_url="https://survey.example.jp", time_zone="Asia/Tokyo")
    for n, name in enumerate(("山田 花子", "Ann Lee", "Bob Stone"), start=1):
        contact_store.add(
            db, name=name, email=f"p{n}@example.com", attributes={"入会日": "2029-12-20"}
        )
    made = store.create(
        db,
        Programme(
            survey_id=nps_survey.id,
            name="Quarterly NPS",
            kind="recurring",
            mode="email",
            every_days=90,
            spread_days=0,
            starts_at=NOW - timedelta(days=1),
        ),
    )
    runner.tick(db, NOW)  # three sends queued
    return made


def _page(qtbot, context) -> SendPage:
    window = QWidget()
    window.resize(1100, 700)
    page = SendPage(context, window)
    page.resize(window.size())
    page.programmes.clock = lambda: NOW
    page.holder = window  # type: ignore[attr-defined]  # the window lives as long as the page
    qtbot.addWidget(window)
    window.show()
    page.tabs.setCurrentWidget(page.programmes)
    qtbot.waitUntil(lambda: page.programmes.data is not None and context.worker.pending == 0)
    return page


def test_a_programme_shows_its_sends_and_pauses_and_resumes(qtbot, context, workspace, shop):
    page = _page(qtbot, context)
    view = page.programmes
    assert view.list.count() == 1
    assert view.list.item(0).text() == "Quarterly NPS\nEvery 90 days · Active · response rate 0%"
    assert "3 sent" in view.summary.text()
    assert view.history.rowCount() == 3
    assert {view.history.item(r, 2).text() for r in range(3)} == {"Sent"}
    assert view.upcoming.rowCount() == 3  # each contact's next, 90 days on
    assert view.upcoming.item(0, 1).text().startswith("2030-04-15")
    page.grab().save("/tmp/programmes_en.png")

    view.pause_button.click()
    qtbot.waitUntil(lambda: view.pause_button.text() == "Resume" and context.worker.pending == 0)
    rows = workspace.db().execute("SELECT DISTINCT status FROM outbox").fetchall()
    assert rows == [("paused",)]
    assert "paused: nothing is sent until you resume" in view.summary.text()
    with qtbot.waitSignal(view.messages_queued):
        view.pause_button.click()
    qtbot.waitUntil(lambda: view.pause_button.text() == "Pause" and context.worker.pending == 0)
    statuses = workspace.db().execute("SELECT DISTINCT status FROM outbox").fetchall()
    assert statuses == [("queued",)]


def test_the_editor_makes_a_date_programme(qtbot, context, workspace, shop):
    view = _page(qtbot, context).programmes
    dialog = view.edit(None)
    assert dialog is not None
    dialog.accept()  # nothing filled in: said, not closed
    assert dialog.isVisible() and dialog.problem.text() == "Give the programme a name."
    dialog.name.setText("30 days after joining")
    dialog.kind.setCurrentIndex(dialog.kind.findData("date"))
    dialog.date_field.setEditText("")
    dialog.accept()
    assert dialog.problem.text() == "Choose the date the programme counts from."
    dialog.date_field.setCurrentIndex(dialog.date_field.findData("入会日"))
    dialog.offset.setValue(30)
    dialog.accept()
    qtbot.waitUntil(lambda: view.list.count() == 2 and context.worker.pending == 0)
    made = [p for p in store.list_all(workspace.db()) if p.kind == "date"]
    assert [(p.name, p.date_field, p.offset_days, p.mode) for p in made] == [
        ("30 days after joining", "入会日", 30, "sms_else_email")
    ]


def test_the_programmes_read_in_japanese(qtbot, qapp, context, shop):
    i18n.install_translator(qapp, "ja")
    page = _page(qtbot, context)
    view = page.programmes
    assert page.tabs.tabText(1) == "プログラム"
    assert view.pause_button.text() == "一時停止"
    assert "90日ごと" in view.list.item(0).text()
    page.grab().save("/tmp/programmes_ja.png")
    dialog = view.edit(None)
    assert dialog is not None
    dialog.grab().save("/tmp/programme_dialog_ja.png")
    dialog.reject()


def test_the_events_folder_is_chosen_and_its_files_shown(qtbot, context, workspace, shop, tmp_path):
    view = _page(qtbot, context).programmes
    row = view.events_folder
    assert row.folder_label.text().startswith("No events folder")
    assert not row.stop_button.isVisibleTo(view)
    row.use_folder(str(tmp_path))
    qtbot.waitUntil(lambda: row.folder == str(tmp_path) and context.worker.pending == 0)
    assert settings_store.load(workspace.db()).events_folder == str(tmp_path)
    assert row.folder_label.text() == f"Customer events are read from {tmp_path}"
    (tmp_path / "till.csv").write_text("email,event,date\np1@example.com,visit,later\n")
    runner.tick(workspace.db(), NOW, settle=0)
    view.reload()
    qtbot.waitUntil(lambda: row.files.text() != "" and context.worker.pending == 0)
    assert row.files.text() == "Not read: till.csv: not read, 1 bad rows (lines 2)"
    row.stop_button.click()
    qtbot.waitUntil(lambda: row.folder == "" and context.worker.pending == 0)
    assert settings_store.load(workspace.db()).events_folder == ""


def test_the_first_programme_can_be_made_from_the_empty_send_page(
    qtbot, context, workspace, nps_survey
):
    contact_store.add(workspace.db(), name="山田 花子", email="hanako@example.com")
    window = QWidget()
    window.resize(1100, 700)
    page = SendPage(context, window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: page.data is not None and context.worker.pending == 0)
    # No campaign and no programme yet: the page says what to do, both ways.
    assert page.stack.currentWidget() is page.empty
    assert page.programme_action.isVisible()

    page.programme_action.click()
    assert page.stack.currentWidget() is page.main
    assert page.tabs.currentWidget() is page.programmes
    qtbot.waitUntil(lambda: page.programmes.dialog is not None)
    assert page.programmes.dialog.isVisible()
    page.programmes.dialog.reject()


def test_without_a_public_address_the_programmes_say_why_nothing_goes(
    qtbot, context, workspace, shop
):
    page = _page(qtbot, context)
    context.adopt_settings(settings_store.load(workspace.db()))
    assert page.programmes.reach_notice.isHidden()  # https://survey.example.jp reaches anyone

    settings_store.save(workspace.db(), public_url="")
    context.adopt_settings(settings_store.load(workspace.db()))
    notice = page.programmes.reach_notice
    assert not notice.isHidden()
    assert "SMS" in notice.label.text() or "email" in notice.label.text()
