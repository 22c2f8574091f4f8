"""Importing contacts from real-world files: Japanese Excel's CP932, BOMs, quoted
newlines, ragged rows, numbers Excel stored as numbers, landlines, bad values,
duplicates, re-imports that fill blanks, and 50,000 rows in one transaction."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

import contacts as contact_files
from contacts import (
    ATTRIBUTE,
    CONSENT_EMAIL,
    CONSENT_SMS,
    EMAIL,
    LANGUAGE,
    MOBILE,
    NAME,
    PHONE,
    PHONE_LANDLINE,
    PHONE_MOBILE,
    ImportCancelled,
    ImportFileError,
    PhoneError,
    default_region,
    detect_encoding,
    normalise_phone,
    propose_mapping,
    read_table,
    write_report,
)
from storage import contact_deletion, opt_outs
from storage import contacts as contact_store
from storage.workspace import Workspace

JAPANESE_EXCEL = (
    "氏名,電話番号,メールアドレス,店舗\r\n"
    "山田 太郎,０９０－１２３４－５６７８,taro@example.jp,渋谷\r\n"
    "佐藤 花子,080 9876 5432,HANAKO@Example.JP,新宿\r\n"
    "鈴木 一郎,(03) 1234-5678,,渋谷\r\n"
    "高橋,+81 70-1111-2222,takahashi@example.jp,池袋\r\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def import_file(workspace: Workspace, path: Path, region: str = "JP", encoding: str | None = None):
    table = read_table(path, encoding)
    return contact_files.run_import(workspace.db(), table, propose_mapping(table.header), region)


def by_phone(workspace: Workspace) -> dict[str, contact_store.Contact]:
    return {c.phone: c for c in contact_store.iterate_all(workspace.db()) if c.phone}


def test_a_cp932_export_from_japanese_excel(tmp_path, workspace):
    path = write(tmp_path, "顧客.csv", JAPANESE_EXCEL.encode("cp932"))
    assert read_table(path).encoding == "cp932"
    outcome = import_file(workspace, path)
    assert (outcome.created, outcome.updated, outcome.rejected_rows) == (4, 0, 0)
    contacts = by_phone(workspace)
    assert set(contacts) == {"+819012345678", "+818098765432", "+81312345678", "+817011112222"}
    yamada = contacts["+819012345678"]
    assert (yamada.name, yamada.email, yamada.phone_kind) == (
        "山田 太郎",
        "taro@example.jp",
        "mobile",
    )
    assert yamada.attributes == {"店舗": "渋谷"}
    assert contacts["+818098765432"].email == "HANAKO@example.jp"  # the domain folded
    # The landline is kept, flagged, and the report says why.
    assert contacts["+81312345678"].phone_kind == PHONE_LANDLINE
    [note] = outcome.problems
    assert (note.row, note.column, note.rejected) == (4, "電話番号", False)
    assert "landline" in note.reason and "SMS" in note.reason


def test_encodings_are_detected_and_can_be_overridden(tmp_path):
    text = "name,phone\nアオイ,09012345678\n"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode()) == "utf-8-sig"
    assert detect_encoding(text.encode()) == "utf-8"
    assert detect_encoding(text.encode("cp932")) == "cp932"
    bom = read_table(write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + text.encode()))
    assert bom.header == ["name", "phone"]  # no BOM glued to the first header
    wrong = write(tmp_path, "sjis.csv", text.encode("cp932"))
    with pytest.raises(ImportFileError, match="not utf-8"):
        read_table(wrong, "utf-8")
    # A BOM read with an explicit plain utf-8 still loses the BOM.
    plain = read_table(write(tmp_path, "bom2.csv", b"\xef\xbb\xbf" + text.encode()), "utf-8")
    assert plain.header == ["name", "phone"]


def test_headers_in_both_languages_are_mapped():
    header = ["お名前", "携帯番号", "E-mail", "言語", "SMS同意", "メール配信同意", "プラン", ""]
    assert propose_mapping(header) == [
        NAME,
        MOBILE,
        EMAIL,
        LANGUAGE,
        CONSENT_SMS,
        CONSENT_EMAIL,
        ATTRIBUTE,
        "ignore",
    ]
    english = ["Full Name", "Mobile", "Email Address", "Store", "TEL"]
    # A second phone column is a phone too: every number is kept.
    assert propose_mapping(english) == [NAME, MOBILE, EMAIL, ATTRIBUTE, PHONE]
    assert propose_mapping(["名前", "電話", "メール"]) == [NAME, PHONE, EMAIL]
    # A mobile's address (携帯メール, ケータイのメールアドレス) is an address, not a phone.
    addresses = [
        "携帯メール",
        "メールアドレス(携帯)",
        "メールアドレス（PC）",
        "メールアドレス2",
        "PCメール",
    ]
    assert propose_mapping(["携帯電話", *addresses]) == [MOBILE, *[EMAIL] * len(addresses)]


@pytest.mark.parametrize(
    ("typed", "e164", "kind"),
    [
        ("090-1234-5678", "+819012345678", PHONE_MOBILE),
        ("０９０（１２３４）５６７８", "+819012345678", PHONE_MOBILE),
        ("+81 90 1234 5678", "+819012345678", PHONE_MOBILE),
        ("9012345678", "+819012345678", PHONE_MOBILE),  # Excel dropped the leading 0
        ("0081-90-1234-5678", "+819012345678", PHONE_MOBILE),
        ("03-1234-5678", "+81312345678", PHONE_LANDLINE),
        ("06 6123 4567", "+81661234567", PHONE_LANDLINE),
    ],
)
def test_phones_as_people_type_them(typed, e164, kind):
    phone = normalise_phone(typed, "JP")
    assert (phone.e164, phone.kind) == (e164, kind)


@pytest.mark.parametrize("typed", ["12", "090-1234", "call me", "+81 1234", "03-1234-56789012"])
def test_numbers_that_are_not_numbers_are_refused_in_plain_words(typed):
    with pytest.raises(PhoneError) as caught:
        normalise_phone(typed, "JP")
    assert "phone number" in str(caught.value)


def test_default_region_follows_the_locale():
    assert default_region("ja_JP.UTF-8") == "JP"
    assert default_region("en_US.UTF-8") == "US"
    assert default_region("en_GB") == "GB"
    assert default_region("C.UTF-8") == "JP"


def test_quoted_newlines_ragged_rows_and_bad_values(tmp_path, workspace):
    data = (
        "name,phone,email,note\n"
        '"Aoi Tanaka",090-1111-2222,aoi@example.com,"first line\nsecond line"\n'
        "Short Row,090-3333-4444\n"  # ragged: fewer cells
        "Long Row,090-5555-6666,long@example.com,n,extra,cells\n"
        "Bad Email,090-7777-8888,not-an-email,\n"
        "Nobody,12345,also bad,\n"
        ",,,\n"  # a blank line is no one and no error
        "Only Mail,,only@example.com,\n"
    )
    outcome = import_file(workspace, write(tmp_path, "ragged.csv", data.encode()))
    assert outcome.created == 5
    contacts = {c.name: c for c in contact_store.iterate_all(workspace.db())}
    assert contacts["Aoi Tanaka"].attributes == {"note": "first line\nsecond line"}
    assert contacts["Short Row"].email is None
    assert contacts["Bad Email"].phone == "+819077778888" and contacts["Bad Email"].email is None
    assert contacts["Only Mail"].phone is None
    assert "Nobody" not in contacts
    report = {(i.row, i.column): i for i in outcome.problems}
    assert report[(4, "")].reason.startswith("more cells")
    assert not report[(5, "email")].rejected and "@" in report[(5, "email")].reason
    assert report[(6, "phone")].rejected and report[(6, "")].rejected
    assert outcome.rejected_rows == 1
    out = io.StringIO()
    write_report(outcome.problems, out)
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    assert lines[0] == ["row", "column", "value", "outcome", "reason"]
    assert lines[-3][:4] == ["6", "phone", "12345", "rejected"]


def test_numeric_phone_cells_in_an_xlsx(tmp_path, workspace):
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["氏名", "携帯電話", "メール", "プラン", "登録日"])
    sheet.append(["山田", 9012345678, "yamada@example.jp", "premium", None])
    sheet.append(["田中", 8011112222.0, None, "standard", None])
    sheet.append(["固定", 312345678, None, "standard", None])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    outcome = import_file(workspace, path)
    assert outcome.created == 3
    contacts = by_phone(workspace)
    assert contacts["+819012345678"].attributes == {"プラン": "premium"}
    assert contacts["+818011112222"].name == "田中"
    assert contacts["+81312345678"].phone_kind == PHONE_LANDLINE


def test_duplicates_merge_and_a_reimport_fills_blanks_without_erasing(tmp_path, workspace):
    first = (
        "name,phone,email,store,plan\n"
        "Aoi,090-1234-5678,,shibuya,\n"
        "Aoi T.,+819012345678,aoi@example.com,,premium\n"  # same phone: one contact
        "Ren,,ren@example.com,shinjuku,basic\n"
        "Ren Again,,REN@example.com,,\n"  # same email, other case
    )
    outcome = import_file(workspace, write(tmp_path, "one.csv", first.encode()))
    assert (outcome.created, outcome.updated) == (2, 0)
    [aoi, ren] = list(contact_store.iterate_all(workspace.db()))
    assert (aoi.name, aoi.email) == ("Aoi T.", "aoi@example.com")
    assert aoi.attributes == {"store": "shibuya", "plan": "premium"}
    assert ren.name == "Ren Again" and ren.attributes == {"store": "shinjuku", "plan": "basic"}

    again = (
        "name,phone,email,store,plan,time zone\n"
        ",090-1234-5678,,,standard,Asia/Tokyo\n"  # blanks erase nothing
        "Ren,080-2222-3333,ren@example.com,,,\n"  # matched by email, gets a phone
    )
    outcome = import_file(workspace, write(tmp_path, "two.csv", again.encode()))
    assert (outcome.created, outcome.updated) == (0, 2)
    aoi2, ren2 = (contact_store.get(workspace.db(), c.id) for c in (aoi, ren))
    assert (aoi2.name, aoi2.email) == ("Aoi T.", "aoi@example.com")
    assert aoi2.attributes == {"store": "shibuya", "plan": "standard", "time zone": "Asia/Tokyo"}
    assert ren2.phone == "+818022223333" and ren2.attributes["store"] == "shinjuku"


def test_consent_columns_are_recorded_as_imported(tmp_path, workspace):
    data = (
        "name,phone,email,SMS consent,メール配信同意\n"
        "A,09011112222,a@example.com,yes,はい\n"
        "B,09033334444,,no,\n"
    )
    import_file(workspace, write(tmp_path, "consent.csv", data.encode()))
    a, b = contact_store.iterate_all(workspace.db())
    assert set(a.consents) == {"sms", "email"}
    assert a.consents["sms"].source == contact_store.CONSENT_IMPORT
    assert b.consents == {}
    db = workspace.db()
    assert contact_store.count_matching(db, status=contact_store.FILTER_NO_CONSENT) == 1
    assert contact_store.count_matching(db, status=contact_store.FILTER_SMS_CONSENT) == 1


def test_an_import_is_one_transaction_and_a_cancel_stores_nothing(tmp_path, workspace):
    rows = "\n".join(f"P{i},090{10_000_000 + i}," for i in range(3000))
    path = write(tmp_path, "many.csv", ("name,phone,email\n" + rows).encode())
    table = read_table(path)
    seen = []

    def cancel_late(done: int, total: int) -> None:
        seen.append(done)
        if done > total * 0.9:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        contact_files.run_import(
            workspace.db(), table, propose_mapping(table.header), "JP", cancel_late
        )
    assert contact_store.count(workspace.db()) == 0
    assert max(seen) > 0.9 * len(table.rows)


def test_fifty_thousand_rows(tmp_path, workspace):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["氏名", "電話番号", "メールアドレス", "店舗", "プラン"])
    for i in range(50_000):
        email = f"c{i}@example.jp" if i % 3 else ""
        writer.writerow(
            [f"顧客{i}", f"090-{1000 + i // 10000:04d}-{i % 10000:04d}", email, f"s{i % 7}", "p"]
        )
    writer.writerow(["dup", "090-1000-0001", "", "", ""])  # a duplicate of row 3
    path = write(tmp_path, "big.csv", out.getvalue().encode("cp932"))
    outcome = import_file(workspace, path)
    assert outcome.created == 50_000
    db = workspace.db()
    assert contact_store.count(db) == 50_000
    assert contact_store.get(db, 2).name == "dup"
    assert contact_store.count_matching(db, search="顧客4999") == 11  # 4999, 49990…49999
    # Deleting a contact with opt-outs and consent leaves nothing of them.
    opt_outs.opt_out(db, 5, "sms")
    contact_store.give_consent(db, 5, "email", contact_store.CONSENT_FORM)
    assert contact_deletion.delete(db, 5)
    assert db.execute("SELECT count(*) FROM opt_outs WHERE contact_id = 5").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM consents WHERE contact_id = 5").fetchone()[0] == 0
