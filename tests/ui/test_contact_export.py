"""Contacts out of the app and back: the Contacts page's Export… (button and shortcut),
Excel-safe, off the GUI thread with progress and Cancel, a plain error when the file
cannot be written; the export read back by the import dialog gives the same contacts.
And the Contacts page showing what an import brings (furigana, kept numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

import contacts as cf
from storage import contact_imports
from storage import contacts as contact_store
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.contacts.test_layouts import EXPECTED, FIXTURES
from tests.ui.closing import Gate
from tests.ui.import_steps import import_shown, line_of, open_import, show_preview
from ui.common.worker import DbWorker
from ui.contacts import prompts as contact_prompts
from ui.contacts.page import ContactsPage
from ui.contacts.table_model import COL_FURIGANA, COL_NAME, COL_PHONE
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
FORMULA = '=HYPERLINK("http://example.com","click")'


def import_all_layouts(workspace: Workspace) -> None:
    for name, (region, _people) in EXPECTED.items():
        table = cf.read_table(FIXTURES / name)
        options = cf.ImportOptions(region=region, file_name=name)
        cf.run_import(workspace.db(), table, cf.propose_mapping(table.header), options)
    contact_store.add(workspace.db(), name=FORMULA, phone="+819099998888", phone_kind="mobile")


def everything(workspace: Workspace) -> list[tuple]:
    """Every contact with every field the import understands, in a stable order (the
    labels of the kept numbers and addresses, "Work", "自宅", are not in the export)."""
    return sorted(
        (
            c.name, c.furigana, c.phone or "", c.phone_kind or "", c.email or "",
            tuple(p[:2] for p in c.phones), tuple(e[0] for e in c.emails), c.language or "",
            c.birthday or "", c.last_visit or "", c.tags, tuple(sorted(c.attributes.items())),
            tuple(sorted(c.consents)), tuple(sorted(c.opt_outs)),
        )
        for c in contact_store.iterate_all(workspace.db())
    )  # fmt: skip


def wait_for_notice(qtbot, page: ContactsPage, start: str) -> str:
    qtbot.waitUntil(lambda: page.notice.text().startswith(start), timeout=30_000)
    return page.notice.text()


@pytest.fixture
def other_page(qtbot, tmp_path) -> Iterator[ContactsPage]:
    """The Contacts page of another, empty workspace (another shop's computer)."""
    workspace = Workspace.open(tmp_path / "other")
    worker = DbWorker(workspace)
    context = AppContext(workspace, worker)
    window = QWidget()
    window.resize(1100, 640)
    page = ContactsPage(context, window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: page.loaded and worker.pending == 0)
    yield page
    qtbot.waitUntil(lambda: worker.pending == 0)
    worker.stop()
    workspace.close()


def test_an_export_imports_back_to_the_same_contacts(
    qtbot, make_page, workspace, other_page, tmp_path
):
    import_all_layouts(workspace)
    page = make_page()
    target = tmp_path / "contacts.csv"
    page.export_contacts(target)
    count = contact_store.count(workspace.db())
    assert wait_for_notice(qtbot, page, f"{count} contacts exported") == (
        f"{count} contacts exported to {target}"
    )
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its BOM
    assert f"'{FORMULA}".replace('"', '""') in data.decode("utf-8-sig")  # not a live formula

    dialog = open_import(qtbot, other_page, target)
    assert cf.ATTRIBUTE not in dialog.chosen_mapping()  # every column is understood
    assert not dialog.mapping.consent_box.isVisible()
    show_preview(qtbot, dialog)
    issues = dialog.preview_step.issues
    assert [line_of(issues, r) for r in range(issues.rowCount())] == [
        "8 | phone | +81333334444 | a landline: kept, but it cannot receive SMS"
    ]  # nothing refused, nothing merged: only what the owner should know
    import_shown(qtbot, other_page, dialog)
    assert everything(other_page.context.workspace) == everything(workspace)
    dialog.close_button.click()


def test_the_shortcut_exports_into_a_folder_that_exists(
    qtbot, make_page, workspace, home_without_documents, monkeypatch
):
    contact_store.add(workspace.db(), name="Aoi", phone="+819012345678", phone_kind="mobile")
    proposed: list[Path] = []

    def ask(_parent, suggested: Path) -> Path:
        proposed.append(suggested)
        return suggested

    monkeypatch.setattr(contact_prompts, "ask_export_path", ask)
    page = make_page()
    QTest.keyClick(
        page.window(), Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(proposed))
    assert proposed[0].parent == home_without_documents  # no ~/Documents here
    assert proposed[0].name.startswith("contacts ") and proposed[0].suffix == ".csv"
    wait_for_notice(qtbot, page, "1 contacts exported")
    assert proposed[0].read_text(encoding="utf-8-sig").splitlines()[1].startswith("Aoi,")
    assert "Ctrl+Shift+E" in page.actions_by_name["export"].toolTip()


def test_a_file_that_cannot_be_written_is_said_plainly(qtbot, make_page, workspace, tmp_path):
    contact_store.add(workspace.db(), name="Aoi", phone="+819012345678", phone_kind="mobile")
    page = make_page()
    target = tmp_path / "gone" / "contacts.csv"
    page.export_contacts(target)
    text = wait_for_notice(qtbot, page, "The contacts could not be exported")
    assert text == (
        f"The contacts could not be exported: The folder {target.parent} does not exist. "
        "Choose another folder."
    )
    assert page.actions_by_name["export"].isEnabled()  # the owner may try again


def test_a_large_export_shows_progress_and_cancel_leaves_no_file(
    qtbot, make_page, workspace, tmp_path, monkeypatch
):
    people = [
        cf.ContactDraft(row=i + 2, name=f"Customer {i:05d}", phone=f"+8190{10_000_000 + i}",
                        phone_kind="mobile")
        for i in range(3000)
    ]  # fmt: skip
    contact_imports.store(workspace.db(), people)
    gate = Gate()
    original = cf.export_contacts

    def slow_export(db, path, progress=None):
        def held(done, total):
            going_on = progress(done, total)
            if done == 0:
                return going_on
            gate.hold()
            return progress(done, total)  # asked again: Cancel came meanwhile

        return original(db, path, held)

    monkeypatch.setattr(cf, "export_contacts", slow_export)
    page = make_page()
    target = tmp_path / "contacts.csv"
    page.export_contacts(target)
    qtbot.waitUntil(gate.reached.is_set)
    progress = page.exporter.progress
    qtbot.waitUntil(progress.isVisible)  # the list takes more than a moment
    assert progress.maximum() == 3000 and progress.value() > 0
    assert not page.actions_by_name["export"].isEnabled()  # one export at a time
    progress.findChild(QPushButton).click()  # its Cancel button
    gate.set()
    assert wait_for_notice(qtbot, page, "Export cancelled") == (
        "Export cancelled: no file was written."
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "workspace"]  # no file, no half file


def test_the_contacts_page_sorts_by_furigana_and_shows_the_kept_numbers(
    qtbot, make_page, context, workspace
):
    table = cf.read_table(FIXTURES / "pos_airregi_cp932.csv")
    cf.run_import(workspace.db(), table, cf.propose_mapping(table.header), "JP")
    context.settings = settings_store.save(workspace.db(), language="ja")
    page = make_page()
    model = page.model
    names = [model.index(r, COL_NAME).data() for r in range(model.rowCount())]
    assert names == ["伊藤 さくら", "鈴木 一郎", "髙橋 誠", "山田 花子", "翔"]  # 五十音順
    assert not page.table.isColumnHidden(COL_FURIGANA)
    assert model.index(3, COL_FURIGANA).data() == "ヤマダ ハナコ"
    assert model.index(3, COL_PHONE).data() == "+819011110001"
    assert model.index(3, COL_PHONE).data(Qt.ItemDataRole.ToolTipRole) == (
        "SMS go to this number.\nAlso +81311112222 電話番号 (no SMS)"
    )


def test_in_english_the_furigana_is_the_names_tooltip(qtbot, make_page, workspace):
    table = cf.read_table(FIXTURES / "pos_airregi_cp932.csv")
    cf.run_import(workspace.db(), table, cf.propose_mapping(table.header), "JP")
    page = make_page()
    assert page.table.isColumnHidden(COL_FURIGANA)
    assert page.model.index(0, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == "イトウ サクラ"
