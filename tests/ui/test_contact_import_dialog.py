"""The import dialog driven as an owner drives it, on files laid out as the tools shops
use export them (tests/contacts/fixtures): the file read off the GUI thread, the
mapping step, the preview before anything is written, the import in one transaction,
the remembered mapping, the report in both languages, cancel and closing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import shiboken6

import contacts as cf
from storage import contacts as contact_store
from storage.workspace import Workspace
from tests.contacts.test_layouts import EXPECTED, FIXTURES, stored
from tests.ui.closing import (
    CLOSED_MIDWAY,
    Gate,
    after_each_outcome,
    assert_closed_cleanly,
    close_ways,
    full_disk,
    held,
    the_user_reads,
    under_the_app_error_hook,
)
from tests.ui.import_steps import import_shown, line_of, open_import, select_columns, show_preview
from tests.ui.showing import translated
from ui.contacts import prompts as contact_prompts
from ui.contacts.import_dialog import (
    STEP_MAPPING,
    STEP_REPORT,
    STEP_WORKING,
    ContactImportDialog,
)

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
pytestmark = OFFSCREEN_DIALOG

RESERVATIONS_HEADER = ["予約者姓", "予約者名", "電話番号", "メールアドレス", "人数"]


def fields_of(dialog: ContactImportDialog) -> dict[str, str]:
    assert dialog.table is not None
    return dict(zip(dialog.table.header, dialog.chosen_mapping(), strict=True))


def preview_lines(dialog: ContactImportDialog) -> list[str]:
    step = dialog.preview_step
    return [line_of(step.rows, r) for r in range(step.rows.rowCount())]


def issue_lines(dialog: ContactImportDialog) -> list[str]:
    issues = dialog.preview_step.issues
    return [line_of(issues, r) for r in range(issues.rowCount())]


def write_reservations(path: Path, people: list[tuple[str, str, str, str, str]]) -> Path:
    """A reservation system's list: the family and given name in columns of their own
    whose headers no tool's layout uses (予約者姓 is not known; 予約者名 reads as the name)."""
    with path.open("w", encoding="cp932", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(RESERVATIONS_HEADER)
        writer.writerows(people)
    return path


def test_a_google_contacts_file_is_mapped_previewed_and_imported(qtbot, make_page, workspace):
    page = make_page()
    dialog = open_import(qtbot, page, FIXTURES / "google_contacts.csv")
    fields = fields_of(dialog)
    assert (fields["First Name"], fields["Last Name"]) == (cf.GIVEN_NAME, cf.FAMILY_NAME)
    assert (fields["Phonetic First Name"], fields["Phonetic Last Name"]) == (
        cf.GIVEN_FURIGANA, cf.FAMILY_FURIGANA)  # fmt: skip
    assert fields["Phone 1 - Value"] == fields["Phone 2 - Value"] == cf.PHONE
    assert fields["E-mail 1 - Value"] == cf.EMAIL and fields["Labels"] == cf.TAGS
    # Each column: its header, a couple of its values, and what it becomes.
    columns = dialog.mapping.columns
    phone = dialog.table.header.index("Phone 1 - Value")
    assert columns.item(phone, 0).text() == "Phone 1 - Value"
    assert columns.item(phone, 1).text() == "090-1234-5678 ::: 03-3123-4567   ·   +81 80-2345-6789"
    assert columns.cellWidget(phone, 2).currentText() == "Other phone"
    assert dialog.mapping.first_contact.text() == (
        "Row 2 becomes: 山田 太郎  ·  ヤマダ タロウ  ·  +819012345678  ·  taro.yamada@example.jp"
    )
    assert not dialog.mapping.remembered_note.isVisible()
    # Google's file has no consent column: the owner is asked, and says everyone agreed to SMS.
    assert dialog.mapping.consent_box.isVisible()
    dialog.mapping.consent_sms.setChecked(True)

    show_preview(qtbot, dialog)
    assert contact_store.count(workspace.db()) == 0  # nothing written before "Import"
    lines = preview_lines(dialog)
    assert lines[0] == (
        "2 | New | 山田 太郎 | ヤマダ タロウ | +819012345678 | +81331234567 (no SMS) | "
        "taro.yamada@example.jp, t.yamada@example.co.jp | SMS: yes"
    )
    assert lines[4] == "6 | Merged into row 3 |  |  |  |  |  | "
    assert lines[5] == "7 | Not imported |  |  |  |  |  | "
    assert issue_lines(dialog) == [
        "6 |  |  | row 6 merged into row 3: same mobile; email emily@example.com kept,"
        " emily.clark@example.org added as a second email",
        "7 | Phone 1 - Value | 090-12 | too short to be a phone number",
        "7 |  |  | Row not imported: no usable phone number or email address (see above)",
    ]
    assert dialog.preview_step.summary.text() == (
        "Rows read: 6 · Contacts to import: 4 (new: 4, already saved: 0) · "
        "Rows merged into another: 1 · Rows not imported: 1"
    )
    assert dialog.preview_step.consent.text() == (
        "Consent: the file has no consent column; consent to SMS will be recorded for "
        "everyone, as you confirmed."
    )
    assert dialog.import_button.text() == "Import 4 contacts"

    import_shown(qtbot, page, dialog)
    assert "Contacts added: 4. Updated: 0. Rows merged into another: 1." in dialog.summary.text()
    assert "Consent recorded: SMS 4, email 0." in dialog.summary.text()
    _region, people = EXPECTED["google_contacts.csv"]
    assert stored(workspace) == [(*p[:4], {"sms"}, set()) for p in people]
    consents = workspace.db().execute("SELECT DISTINCT source, detail FROM consents").fetchall()
    assert consents == [("import", "google_contacts.csv")]
    qtbot.waitUntil(lambda: page.model.total == 4)
    dialog.close_button.click()


def test_a_cp932_pos_file_is_mapped_previewed_and_imported(qtbot, make_page, workspace):
    page = make_page()
    dialog = open_import(qtbot, page, FIXTURES / "pos_airregi_cp932.csv")
    assert dialog.mapping.encoding.currentData() == "cp932"
    fields = fields_of(dialog)
    assert [fields[h] for h in ("姓", "名", "セイ", "メイ", "電話番号", "携帯番号")] == [
        cf.FAMILY_NAME, cf.GIVEN_NAME, cf.FAMILY_FURIGANA, cf.GIVEN_FURIGANA, cf.PHONE,
        cf.MOBILE]  # fmt: skip
    assert fields["メール配信"] == cf.CONSENT_EMAIL
    assert not dialog.mapping.consent_box.isVisible()  # the file says it

    show_preview(qtbot, dialog)
    lines = preview_lines(dialog)
    assert lines[0] == (
        "2 | New | 山田 花子 | ヤマダ ハナコ | +819011110001 | +81311112222 (no SMS) | "
        "hanako@example.jp, hanako.yamada@example.jp | Email: yes"
    )
    assert lines[1].endswith("| 鈴木 一郎 | スズキ イチロウ | +818011110002 |  | "
                             "ichiro@example.jp | Email: no (opt-out)")  # fmt: skip
    # Row 6's family name holds a byte CP932 does not define: set aside, said, not garbled.
    assert lines[4].startswith("6 | Imported; see the notes | 翔 |")
    assert (
        "6 | 姓 | 渡\ufffd@辺 | holds bytes that cp932 does not define (0x85): set aside; is the"
        " file in another encoding?"
    ) in issue_lines(dialog)
    assert dialog.preview_step.consent.text().startswith(
        "Consent from the file: SMS yes 0, no 0 · email yes 3, no 2"
    )

    import_shown(qtbot, page, dialog)
    assert stored(workspace) == EXPECTED["pos_airregi_cp932.csv"][1]
    hanako = contact_store.get(workspace.db(), 1)
    assert (hanako.furigana, hanako.phones) == (
        "ヤマダ ハナコ", (("+81311112222", "landline", "電話番号"),))  # fmt: skip
    dialog.close_button.click()


def test_combining_two_columns_into_the_name_changes_the_preview(
    qtbot, make_page, workspace, tmp_path
):
    source = write_reservations(
        tmp_path / "予約一覧.csv",
        [("山田", "花子", "090-1111-2222", "hanako@example.jp", "2"),
         ("鈴木", "一郎", "080-3333-4444", "", "4")],
    )  # fmt: skip
    page = make_page()
    dialog = open_import(qtbot, page, source)
    assert dialog.chosen_mapping() == [cf.ATTRIBUTE, cf.NAME, cf.PHONE, cf.EMAIL, cf.ATTRIBUTE]
    show_preview(qtbot, dialog)
    assert preview_lines(dialog)[0].startswith("2 | New | 花子 |")  # the family name is lost

    dialog.back_button.click()
    assert dialog.step == STEP_MAPPING
    select_columns(dialog.mapping, [0, 1])
    assert dialog.mapping.combine_button.isEnabled()
    dialog.mapping.combine_button.click()
    assert dialog.chosen_mapping() == [cf.NAME, cf.NAME, cf.PHONE, cf.EMAIL, cf.ATTRIBUTE]
    assert dialog.mapping.first_contact.text().startswith("Row 2 becomes: 山田 花子  ·  ")
    show_preview(qtbot, dialog)
    assert preview_lines(dialog)[0] == (
        "2 | New | 山田 花子 |  | +819011112222 |  | hanako@example.jp | "
    )
    import_shown(qtbot, page, dialog)
    saved = contact_store.get(workspace.db(), 1)
    assert (saved.name, saved.attributes) == ("山田 花子", {"人数": "2"})
    dialog.close_button.click()


def test_the_mapping_is_remembered_for_the_next_file_with_the_same_header(
    qtbot, make_page, workspace, tmp_path
):
    april = write_reservations(
        tmp_path / "4月.csv", [("山田", "花子", "090-1111-2222", "hanako@example.jp", "2")]
    )
    may = write_reservations(tmp_path / "5月.csv", [("佐藤", "健", "070-5555-6666", "", "3")])
    page = make_page()
    dialog = open_import(qtbot, page, april)
    select_columns(dialog.mapping, [0, 1])
    dialog.mapping.combine_button.click()
    dialog.set_field(4, cf.IGNORE)
    corrected = dialog.chosen_mapping()
    show_preview(qtbot, dialog)
    import_shown(qtbot, page, dialog)
    dialog.close_button.click()

    again = open_import(qtbot, page, may)
    assert again.chosen_mapping() == corrected
    assert again.mapping.remembered_note.isVisible()
    assert again.mapping.remembered_note.text().startswith(
        "The columns are set as you chose for the last file with the same columns."
    )
    show_preview(qtbot, again)
    import_shown(qtbot, page, again)
    sato = contact_store.get(workspace.db(), 2)
    assert (sato.name, sato.attributes) == ("佐藤 健", {})
    again.close_button.click()


# (language, the refused row's lines, the merge's line, the row's state): in the preview,
# what the import will do; then, in the report after it, what it did.
REPORTED = {
    "en": (
        [
            "7 | Phone 1 - Value | 090-12 | too short to be a phone number",
            "7 |  |  | Row not imported: no usable phone number or email address (see above)",
        ],
        "6 |  |  | row 6 merged into row 3: same mobile; email emily@example.com kept,"
        " emily.clark@example.org added as a second email",
        "Not imported",
    ),
    "ja": (
        [
            "7 | Phone 1 - Value | 090-12 | 電話番号としては短すぎます",
            "7 |  |  | この行は取り込みません: "
            "使える電話番号もメールアドレスもありません（上記参照）",
        ],
        "6 |  |  | 6 行目を 3 行目にまとめます（携帯電話番号が同じ）。メールアドレス "
        "emily@example.com はそのまま、emily.clark@example.org を2つ目のメールアドレスとして"
        "追加します",
        "取り込みません",
    ),
}
REPORTED_AFTER = {
    "en": REPORTED["en"][:2],
    "ja": (
        [
            "7 | Phone 1 - Value | 090-12 | 電話番号としては短すぎます",
            "7 |  |  | この行は取り込みませんでした: "
            "使える電話番号もメールアドレスもありません（上記参照）",
        ],
        "6 |  |  | 6 行目を 3 行目にまとめました（携帯電話番号が同じ）。メールアドレス "
        "emily@example.com はそのまま、emily.clark@example.org を2つ目のメールアドレスとして"
        "追加しました",
    ),
}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_problem_row_is_shown_with_its_row_and_reason_in_the_owners_language(
    qtbot, make_page, language
):
    refused, merged, state = REPORTED[language]
    with translated(language):
        page = make_page()
        dialog = open_import(qtbot, page, FIXTURES / "google_contacts.csv")
        show_preview(qtbot, dialog)
        lines = issue_lines(dialog)
        assert lines[1:] == refused
        assert lines[0] == merged
        assert preview_lines(dialog)[5].startswith(f"7 | {state} |")
        import_shown(qtbot, page, dialog)
        report = [line_of(dialog.report, r) for r in range(dialog.report.rowCount())]
        refused, merged = REPORTED_AFTER[language]
        assert report == [merged, *refused]
        dialog.reject()


def test_the_address_checkers_reasons_are_shown_in_japanese(qtbot, make_page, tmp_path):
    """email-validator explains in English; the Japanese preview says the same in
    Japanese, the reasons the window knows word for word, any other after a Japanese
    sentence that says what it is about."""
    source = tmp_path / "顧客.csv"
    source.write_text(
        "氏名,携帯番号,メールアドレス\r\n"
        "山田,090-1111-2222,yamada@example\r\n"
        "佐藤,090-1111-3333,sato.example.jp\r\n"
        "鈴木,090-1111-4444,suzuki..k@example.jp\r\n"
        "田中,090-1111-5555,tanaka@example.invalid\r\n",
        encoding="utf-8",
    )
    with translated("ja"):
        page = make_page()
        dialog = open_import(qtbot, page, source)
        show_preview(qtbot, dialog)
        lines = issue_lines(dialog)
        dialog.reject()
    said = [line.split(" | ", 3) for line in lines]
    assert [line[:3] for line in said] == [
        ["2", "メールアドレス", "yamada@example"],
        ["3", "メールアドレス", "sato.example.jp"],
        ["4", "メールアドレス", "suzuki..k@example.jp"],
        ["5", "メールアドレス", "tanaka@example.invalid"],
    ]
    assert [line[3] for line in said[:3]] == [
        "@ の後ろには、example.com のようにピリオド（.）が必要です。",
        "メールアドレスには @ が必要です。",
        "メールアドレスにピリオド（.）を 2 つ続けることはできません。",
    ]
    assert said[3][3].startswith("メールアドレスの形式が正しくありません（")  # then the checker's


# -- cancel and closing ----------------------------------------------------------------------


def write_shop_list(path: Path, rows: int) -> Path:
    with path.open("w", encoding="cp932", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["氏名", "携帯番号", "メールアドレス", "店舗"])
        for i in range(rows):
            writer.writerow([f"顧客{i}", f"090-{1000 + i // 10000}-{i % 10000:04d}", "", "渋谷"])
        writer.writerow(["間違い", "12", "nope", "渋谷"])
    return path


def nothing_written(workspace: Workspace) -> bool:
    db = workspace.db()
    tables = ("contacts", "consents", "opt_outs", "import_mappings")
    return all(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in tables)


def gated(monkeypatch, name: str) -> Gate:
    """``cf.<name>`` (preview, apply) holds at each progress report until the test sets
    the gate; called without progress (the mapping step's first contact), it runs."""
    gate = Gate()
    original = getattr(cf, name)

    def slow(*args, progress=None, **kwargs):
        if progress is None:
            return original(*args, **kwargs)

        def held_report(done, total):
            gate.hold()
            return progress(done, total)

        return original(*args, progress=held_report, **kwargs)

    monkeypatch.setattr(cf, name, slow)
    return gate


@pytest.fixture
def preview_gate(monkeypatch) -> Gate:
    return gated(monkeypatch, "preview")


@pytest.fixture
def import_gate(monkeypatch) -> Gate:
    return gated(monkeypatch, "apply")


def test_cancel_while_the_file_is_checked_writes_nothing(
    qtbot, make_page, workspace, tmp_path, preview_gate
):
    page = make_page()
    dialog = open_import(qtbot, page, write_shop_list(tmp_path / "顧客.csv", 20_000))
    dialog.preview_button.click()
    qtbot.waitUntil(preview_gate.reached.is_set, timeout=20_000)
    assert dialog.step == STEP_WORKING and dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    preview_gate.set()
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=20_000)
    assert dialog.mapping.error.text() == "Preview cancelled. Nothing was imported."
    assert nothing_written(workspace)
    # The owner may still look at the file: nothing was lost.
    preview_gate.shut()
    preview_gate.set()
    show_preview(qtbot, dialog)
    assert "Contacts to import: 20,000" in dialog.preview_step.summary.text()
    dialog.reject()


def test_cancel_while_the_file_is_read_closes_and_writes_nothing(
    qtbot, make_page, workspace, tmp_path, monkeypatch
):
    gate = held(monkeypatch, cf, "read_table")
    page = make_page()
    dialog = page.import_file(FIXTURES / "google_contacts.csv")
    qtbot.waitUntil(gate.reached.is_set)
    assert dialog.isVisible() and dialog.step == STEP_WORKING
    assert dialog.progress_label.text() == "Reading google_contacts.csv…"
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert nothing_written(workspace)


def test_a_file_that_cannot_be_read_says_why_and_offers_another(
    qtbot, make_page, tmp_path, monkeypatch
):
    broken = tmp_path / "顧客.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    page = make_page()
    dialog = page.import_file(broken)
    qtbot.waitUntil(lambda: dialog.step == STEP_REPORT)
    assert dialog.summary.text().startswith("顧客.xlsx cannot be imported: cannot read 顧客.xlsx")
    assert dialog.again_button.isVisible()
    monkeypatch.setattr(
        contact_prompts, "ask_import_path", lambda _p: FIXTURES / "shopify_customers.csv"
    )
    dialog.again_button.click()
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING)
    assert fields_of(dialog)["Accepts SMS Marketing"] == cf.CONSENT_SMS
    dialog.reject()


def test_a_wrong_encoding_is_refused_until_a_right_one_is_chosen(qtbot, make_page, tmp_path):
    page = make_page()
    dialog = open_import(qtbot, page, FIXTURES / "pos_airregi_cp932.csv")
    encoding = dialog.mapping.encoding
    encoding.setCurrentIndex(encoding.findData("utf-8"))
    encoding.activated.emit(encoding.currentIndex())
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING and dialog.mapping.error.isVisible())
    assert "is not utf-8" in dialog.mapping.error.text()
    assert not dialog.preview_button.isEnabled()
    encoding.setCurrentIndex(encoding.findData("cp932"))
    encoding.activated.emit(encoding.currentIndex())
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING and dialog.preview_button.isEnabled())
    assert not dialog.mapping.error.isVisible()
    dialog.reject()


def test_the_report_is_saved_with_every_problem_and_merge(qtbot, make_page, tmp_path, monkeypatch):
    page = make_page()
    dialog = open_import(qtbot, page, FIXTURES / "google_contacts.csv")
    show_preview(qtbot, dialog)
    report = tmp_path / "report.csv"
    monkeypatch.setattr(contact_prompts, "ask_report_path", lambda _p, _s: report)
    dialog.preview_save_button.click()
    qtbot.waitUntil(lambda: dialog.preview_step.more.text().startswith("Report saved"))
    lines = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == ["row", "column", "value", "outcome", "reason"]
    assert [line[:4] for line in lines[1:]] == [
        ["6", "", "", "merged"],
        ["7", "Phone 1 - Value", "090-12", "rejected"],
        ["7", "", "", "rejected"],
    ]
    dialog.reject()


def import_to(qtbot, dialog, outcome, gate, monkeypatch) -> None:
    """Run the import to ``outcome``; the dialog shows its report, still open."""
    show_preview(qtbot, dialog)
    if outcome != "cancel":
        gate.set()
    if outcome == "failure":
        monkeypatch.setattr(cf, "apply", full_disk)
    dialog.import_button.click()
    if outcome == "cancel":
        qtbot.waitUntil(gate.reached.is_set, timeout=20_000)
        dialog.cancel_button.click()
        gate.set()
    qtbot.waitUntil(lambda: dialog.step == STEP_REPORT, timeout=20_000)
    expected = {"success": "Contacts added: 20.", "failure": "disk is full",
                "cancel": "nothing was saved"}[outcome]  # fmt: skip
    assert expected in dialog.summary.text()
    assert dialog.isVisible()


IMPORT_CLOSES = close_ways("close_button")  # on the report page


@under_the_app_error_hook
@after_each_outcome(IMPORT_CLOSES, success_closes=False)
def test_import_closes_and_opens_again_after_each_outcome(
    qtbot, make_page, workspace, tmp_path, import_gate, monkeypatch, unexpected_errors,
    outcome, close,
):  # fmt: skip
    source = write_shop_list(tmp_path / "shops.csv", 20)
    page = make_page()
    dialog = open_import(qtbot, page, source)
    import_to(qtbot, dialog, outcome, import_gate, monkeypatch)
    if outcome != "success":
        assert contact_store.count(workspace.db()) == 0
    the_user_reads(qtbot)
    IMPORT_CLOSES[close](dialog)
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    monkeypatch.undo()  # the disk has room again, and nothing is slow
    again = open_import(qtbot, page, source)
    assert again is not dialog
    show_preview(qtbot, again)
    import_shown(qtbot, page, again)
    assert contact_store.count(workspace.db()) == 20
    the_user_reads(qtbot)
    IMPORT_CLOSES[close](again)
    assert_closed_cleanly(qtbot, again, unexpected_errors)


@under_the_app_error_hook
@CLOSED_MIDWAY
@pytest.mark.parametrize("stage", ["preview", "apply"])
def test_closing_mid_work_stops_it_then_closes(
    qtbot, make_page, workspace, tmp_path, monkeypatch, unexpected_errors, close, stage
):
    gate = gated(monkeypatch, stage)
    page = make_page()
    dialog = open_import(qtbot, page, write_shop_list(tmp_path / "shops.csv", 20))
    if stage == "apply":
        show_preview(qtbot, dialog)
        dialog.import_button.click()
    else:
        dialog.preview_button.click()
    qtbot.waitUntil(gate.reached.is_set, timeout=20_000)
    close(dialog)
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()  # winding down
    gate.set()
    assert_closed_cleanly(qtbot, dialog, unexpected_errors)
    assert nothing_written(workspace)  # the import rolled back
