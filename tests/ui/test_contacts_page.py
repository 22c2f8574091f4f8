"""The Contacts page over a real workspace: lazy loading of 50,000 contacts, search,
editing, deleting with all personal data, segments, and importing a file with
the mapping step, progress, cancel and the rejection report."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from channels.links import new_token
from contacts import ContactDraft
from storage import contact_imports, deliveries, opt_outs
from storage import contacts as contact_store
from storage import segments as segment_store
from storage.workspace import Workspace
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
from ui.contacts import prompts as contact_prompts
from ui.contacts.contact_dialog import ContactDialog
from ui.contacts.page import ContactsPage
from ui.contacts.segment_dialog import SegmentDialog
from ui.contacts.table_model import (
    COL_ATTRIBUTES,
    COL_NAME,
    COL_SMS,
    PAGE_SIZE,
    ContactTableModel,
)

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def many(workspace: Workspace, count: int) -> None:
    rows = [
        ContactDraft(
            row=i + 2,
            name=f"Customer {i:05d}",
            phone=f"+8190{10_000_000 + i}",
            phone_kind="mobile",
            email=f"c{i}@example.com" if i % 2 else "",
            language="ja",
            attributes={"store": ("shibuya", "shinjuku", "ikebukuro")[i % 3], "plan": "basic"},
            consent={"sms"} if i % 5 == 0 else set(),
        )
        for i in range(count)
    ]
    contact_imports.store(workspace.db(), rows)


def names(page: ContactsPage) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def test_model_passes_the_model_tester(qtbot, qtmodeltester, context, workspace):
    many(workspace, 450)
    model = ContactTableModel(context.worker)
    with qtbot.waitSignal(model.loaded):
        model.set_query()
    assert model.rowCount() == PAGE_SIZE and model.total == 450
    # The tester asks for more itself; the page arrives later and is checked as inserted.
    with qtbot.waitSignal(model.fetched):
        qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 * PAGE_SIZE
    with qtbot.waitSignal(model.fetched):
        model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()


def test_empty_workspace_says_what_to_do(make_page):
    page = make_page()
    assert page.stack.currentIndex() == 1
    assert "CSV or Excel" in page.empty_state.text.text()
    assert not page.toolbar.isVisible()


def test_fifty_thousand_contacts_load_a_page_at_a_time(qtbot, make_page, workspace, monkeypatch):
    many(workspace, 50_000)
    page = make_page()
    assert page.stack.currentIndex() == 0
    assert page.model.total == 50_000
    assert page.model.rowCount() == PAGE_SIZE  # only the first page
    assert page.count_label.text() == "Contacts: 50,000"
    # Scrolling to the bottom asks for the next page.
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE_SIZE)
    assert page.model.index(PAGE_SIZE, COL_NAME).data() == f"Customer {PAGE_SIZE:05d}"
    assert page.model.index(0, COL_SMS).data() == "Consent"
    assert page.model.index(1, COL_SMS).data() == "No consent"
    assert "store: shibuya" in page.model.index(0, COL_ATTRIBUTES).data()
    # Deleting a contact far down keeps what is loaded (and the user's place).
    page.table.selectRow(PAGE_SIZE + 5)
    target = page.selected_contact()
    assert target is not None
    monkeypatch.setattr(contact_prompts, "confirm_delete", lambda _parent, _name: True)
    with qtbot.waitSignal(page.model.rowsRemoved):
        page.delete_selected()
    assert page.model.rowCount() == 2 * PAGE_SIZE - 1 and page.model.total == 49_999
    assert page.count_label.text() == "Contacts: 49,999"


def test_search_as_you_type(qtbot, make_page, workspace):
    many(workspace, 2000)
    page = make_page()
    with qtbot.waitSignal(page.model.loaded, timeout=3000):
        qtbot.keyClicks(page.search, "Customer 01999")
    assert names(page) == ["Customer 01999"]
    assert page.count_label.text() == "Matching contacts: 1"
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("090 1000 0042")  # a phone as people type it
    assert names(page) == ["Customer 00042"]
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("no one like this")
    assert page.model.rowCount() == 0 and page.stack.currentIndex() == 0  # not the empty state
    with qtbot.waitSignal(page.model.loaded):
        page.search.clear()
    with qtbot.waitSignal(page.model.loaded):
        page.status.setCurrentIndex(page.status.findData(contact_store.FILTER_SMS_CONSENT))
    assert page.model.total == 400


def test_search_reads_kana_and_full_width_digits_as_typed(qtbot, make_page, workspace):
    contact_imports.store(workspace.db(), [
        ContactDraft(row=2, name="山田 花子", furigana="ヤマダ ハナコ", phone="+819022223333",
                     phone_kind="mobile"),
        ContactDraft(row=3, name="さくら", email="sakura@example.jp"),
        ContactDraft(row=4, name="鈴木 一郎", furigana="スズキ イチロウ", phone="+818011112222",
                     phone_kind="mobile"),
    ])  # fmt: skip
    page = make_page()
    assert names(page) == ["さくら", "鈴木 一郎", "山田 花子"]  # サ, ス, ヤ: 五十音順
    for typed, found in (("やまだ", "山田 花子"), ("サクラ", "さくら"),
                         ("０８０ー１１１１", "鈴木 一郎")):  # fmt: skip
        with qtbot.waitSignal(page.model.loaded):
            page.search.setText(typed)
        assert names(page) == [found], typed


@OFFSCREEN_DIALOG
def test_edit_a_contact_and_it_persists(qtbot, make_page, workspace):
    contact_id = contact_store.add(workspace.db(), name="Aoi", phone="+819012345678")
    page = make_page()
    page.table.selectRow(0)
    dialog = page.edit_selected()
    assert isinstance(dialog, ContactDialog)
    dialog.region = "JP"  # the page's default follows the locale
    dialog.name.setText("Aoi Tanaka")
    dialog.phone.setText("０８０－１１１１－２２２２")
    dialog.email.setText("not an email")
    dialog.check_and_accept()
    assert dialog.error.isVisible() and "Email address" in dialog.error.text()
    dialog.email.setText("aoi@example.com")
    dialog.consent["email"].setChecked(True)
    dialog.opt_out["sms"].setChecked(True)
    dialog.add_attribute("store", "ebisu")
    # The row is updated in place: no new query, the user's place in the list stays.
    with qtbot.waitSignal(page.model.dataChanged):
        dialog.check_and_accept()
    stored = contact_store.get(workspace.db(), contact_id)
    assert (stored.name, stored.phone, stored.email) == (
        "Aoi Tanaka",
        "+818011112222",
        "aoi@example.com",
    )
    assert stored.attributes == {"store": "ebisu"}
    assert stored.consents["email"].source == "manual" and "sms" in stored.opt_outs
    assert names(page) == ["Aoi Tanaka"]
    assert page.model.index(0, COL_SMS).data() == "Opted out"


@OFFSCREEN_DIALOG
def test_the_owner_corrects_the_reading_and_the_numbers_an_import_kept(qtbot, make_page, workspace):
    """An import stored a wrong reading, a landline and a second address: the dialog
    shows them; the reading is typed anew (in hiragana), the landline corrected, the
    address removed, a wrong number refused until it is right."""
    from contacts import EmailEntry, PhoneEntry

    draft = ContactDraft(
        row=2, name="山田 花子", furigana="ヤマタ ハナコ", phone="+819012345678",
        phone_kind="mobile", email="hanako@example.jp",
        phones=[PhoneEntry("+81312345678", "landline", "自宅")],
        emails=[EmailEntry("old@example.jp", "PCメール")],
    )  # fmt: skip
    contact_imports.store(workspace.db(), [draft])
    page = make_page()
    page.table.selectRow(0)
    dialog = page.edit_selected()
    dialog.region = "JP"
    others = dialog.others
    assert dialog.furigana.text() == "ヤマタ ハナコ"
    rows = [[others.cell(r, c) for c in range(3)] for r in range(others.table.rowCount())]
    assert rows == [
        ["+81312345678", "Landline (no SMS)", "自宅"],
        ["old@example.jp", "Email", "PCメール"],
    ]
    dialog.furigana.setText("やまだ はなこ")
    others.table.item(0, 0).setText("03-1234-9999")
    assert others.cell(0, 1) == "Landline (no SMS)"  # the kind follows the number
    others.table.selectRow(1)
    others.remove_button.click()
    others.add_button.click()
    others.table.item(1, 0).setText("12")
    dialog.check_and_accept()
    assert dialog.isVisible() and "12" in dialog.error.text()
    others.table.item(1, 0).setText("080-2222-3333")
    with qtbot.waitSignal(dialog.finished):
        dialog.check_and_accept()
    stored = contact_store.get(workspace.db(), draft_id(workspace))
    assert stored.furigana == "ヤマダ ハナコ"
    assert stored.phones == (("+81312349999", "landline", "自宅"), ("+818022223333", "mobile", ""))
    assert stored.emails == ()
    assert (stored.phone, stored.email) == ("+819012345678", "hanako@example.jp")


def draft_id(workspace: Workspace) -> int:
    return workspace.db().execute("SELECT id FROM contacts").fetchone()[0]


@OFFSCREEN_DIALOG
def test_adding_a_contact_with_a_taken_number_says_so(qtbot, make_page, workspace):
    contact_store.add(workspace.db(), name="Aoi", phone="+819012345678")
    page = make_page()
    dialog = page.add_contact()
    dialog.region = "JP"
    dialog.name.setText("Ren")
    dialog.phone.setText("090-1234-5678")
    dialog.check_and_accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "already has this phone number" in dialog.error.text()
    dialog.phone.setText("090-9999-0000")
    with qtbot.waitSignal(page.model.loaded):
        dialog.check_and_accept()
    assert contact_store.count(workspace.db()) == 2


def test_delete_removes_personal_data(qtbot, make_page, workspace, nps_survey, monkeypatch):
    db = workspace.db()
    contact_id = contact_store.add(db, name="Aoi", phone="+819012345678", email="a@example.com")
    deliveries.create(
        db, survey_id=nps_survey.id, token=new_token(), channel="sms", contact_id=contact_id
    )
    opt_outs.opt_out(db, contact_id, "email")
    page = make_page()
    page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(contact_prompts, "confirm_delete", lambda _p, name: asked.append(name))
    page.delete_selected()  # the user says no
    assert asked == ["Aoi"] and contact_store.count(db) == 1
    monkeypatch.setattr(contact_prompts, "confirm_delete", lambda _p, _name: True)
    with qtbot.waitSignal(page.model.rowsRemoved):
        page.delete_selected()
    assert contact_store.count(db) == 0
    assert db.execute("SELECT contact_id FROM deliveries").fetchone()[0] is None
    assert db.execute("SELECT count(*) FROM opt_outs").fetchone()[0] == 0
    assert page.stack.currentIndex() == 1  # the empty state again


@OFFSCREEN_DIALOG
def test_segment_editor_counts_live_and_filters_the_table(qtbot, make_page, workspace):
    many(workspace, 30)
    page = make_page()
    page.edit_segment()
    qtbot.waitUntil(lambda: page.segment_dialog is not None)
    dialog = page.segment_dialog
    assert isinstance(dialog, SegmentDialog)
    dialog.name.setText("Shibuya")
    attribute, op, values, _remove = dialog.rows[0]
    attribute.setCurrentIndex(attribute.findData("store"))
    op.setCurrentIndex(op.findData(segment_store.OP_IN))
    values.setText("shibuya")
    qtbot.waitUntil(lambda: dialog.count_label.text() == "Matching contacts: 10")
    values.setText("shibuya, shinjuku")
    qtbot.waitUntil(lambda: dialog.count_label.text() == "Matching contacts: 20")
    with qtbot.waitSignal(page.model.loaded):
        dialog.save()
    assert page.segment.currentText() == "Shibuya"
    assert page.model.total == 20
    [saved] = segment_store.list_all(workspace.db())
    assert saved.conditions[0].values == ("shibuya", "shinjuku")


def open_segment_editor(qtbot, page: ContactsPage) -> SegmentDialog:
    old = page.segment_dialog
    page.edit_segment()
    qtbot.waitUntil(lambda: page.segment_dialog is not old)
    dialog = page.segment_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


SEGMENT_CLOSES = close_ways("cancel_button")


@under_the_app_error_hook
@after_each_outcome(SEGMENT_CLOSES)
def test_segment_editor_closes_and_opens_again_after_each_outcome(
    qtbot, make_page, workspace, monkeypatch, unexpected_errors, outcome, close
):
    many(workspace, 9)
    page = make_page()
    dialog = open_segment_editor(qtbot, page)
    dialog.name.setText("Everyone")
    if outcome == "success":
        with qtbot.waitSignal(page.model.loaded):
            dialog.save_button.click()  # it closes itself
    elif outcome == "failure":
        with monkeypatch.context() as patch:
            patch.setattr(segment_store, "save", full_disk)
            dialog.save_button.click()
            qtbot.waitUntil(dialog.error.isVisible)
        assert "disk is full" in dialog.error.text()
        the_user_reads(qtbot)
        SEGMENT_CLOSES[close](dialog)
    else:  # closed while the live count is still running
        with monkeypatch.context() as patch:
            gate = held(patch, contact_store, "count_matching")
            dialog.rows[0][2].setText("changed")
            dialog.recount()
            qtbot.waitUntil(gate.reached.is_set)
            SEGMENT_CLOSES[close](dialog)
            gate.set()
            qtbot.waitUntil(lambda: page.context.worker.pending == 0)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)

    again = open_segment_editor(qtbot, page)
    again.name.setText("Again")
    with qtbot.waitSignal(page.model.loaded):
        again.save_button.click()
    assert_closed_cleanly(qtbot, again, unexpected_errors)
    assert "Again" in [s.name for s in segment_store.list_all(workspace.db())]
    assert page.segment.currentText() == "Again"


@under_the_app_error_hook
@CLOSED_MIDWAY
def test_segment_editor_stays_until_its_save_is_written(
    qtbot, make_page, workspace, monkeypatch, unexpected_errors, close
):
    page = make_page()
    dialog = open_segment_editor(qtbot, page)
    dialog.name.setText("Saved anyway")
    gate = held(monkeypatch, segment_store, "save")
    dialog.save_button.click()
    qtbot.waitUntil(gate.reached.is_set)
    close(dialog)
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        gate.set()
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    assert page.segment.currentText() == "Saved anyway"  # the page learned of it


CONTACT_CLOSES = close_ways(lambda d: d.buttons.button(QDialogButtonBox.StandardButton.Cancel))


@under_the_app_error_hook
@after_each_outcome(CONTACT_CLOSES)
def test_contact_dialog_closes_and_opens_again_after_each_outcome(
    qtbot, make_page, workspace, monkeypatch, unexpected_errors, outcome, close
):
    contact_store.add(workspace.db(), name="Aoi", phone="+819012345678")
    page = make_page()
    dialog = page.add_contact()
    dialog.region = "JP"
    dialog.name.setText("Ren")
    if outcome == "success":
        dialog.phone.setText("090-2222-0000")
        with qtbot.waitSignal(page.model.loaded):
            dialog.check_and_accept()  # it closes itself
    elif outcome == "failure":
        dialog.phone.setText("090-1234-5678")  # Aoi's number
        dialog.check_and_accept()
        qtbot.waitUntil(dialog.error.isVisible)
        the_user_reads(qtbot)
        CONTACT_CLOSES[close](dialog)
    else:  # closed while the contact is being written
        dialog.phone.setText("090-2222-0000")
        with monkeypatch.context() as patch:
            gate = held(patch, contact_store, "save")
            dialog.check_and_accept()
            qtbot.waitUntil(gate.reached.is_set)
            CONTACT_CLOSES[close](dialog)
            with qtbot.waitSignal(page.model.loaded, timeout=10_000):
                gate.set()
        assert "Ren" in names(page)  # written after all, and the list shows it
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)

    again = page.add_contact()
    again.region = "JP"
    again.name.setText("Sora")
    again.phone.setText("090-3333-0000")
    with qtbot.waitSignal(page.model.loaded):
        again.check_and_accept()
    assert_closed_cleanly(qtbot, again, unexpected_errors)
    assert "Sora" in names(page)
