"""Contact lists laid out as the tools shops use export them (README.md says which
documentation each follows): every person imported with their name, the mobile SMS
go to in E.164, their email, and consent as the file says; each problem row reported
with its row and column; the command line's output."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

import contacts as cf
from storage import contacts as contact_store
from storage import opt_outs
from storage.workspace import Workspace
from tests.test_cli import koe

FIXTURES = Path(__file__).parent / "fixtures"

# name, the number SMS go to (E.164), its kind, email, consent, opt-outs — per person.
EXPECTED = {
    "google_contacts.csv": (
        "JP",
        [
            ("山田 太郎", "+819012345678", "mobile", "taro.yamada@example.jp", set(), set()),
            ("Emily Clark", "+818023456789", "mobile", "emily@example.com", set(), set()),
            ("佐藤 花子", "+817034567890", "mobile", "hanako@example.jp", set(), set()),
            ("Ken Ito", "+819022223333", "mobile", None, set(), set()),
        ],
    ),
    "outlook_contacts.csv": (
        "JP",
        [
            ("渡辺 健二", "+818011112222", "mobile", "kenji@example.jp", set(), set()),
            ("Mary Ann Johnson", "+14155552671", "mobile", "mary.johnson@example.com", set(),
             set()),
            ("小林 恵", "+81333334444", "landline", "megumi@example.jp", set(), set()),
        ],
    ),
    "shopify_customers.csv": (
        "JP",
        [
            ("田中 愛子", "+819011112222", "mobile", "aiko@example.jp", {"sms", "email"}, set()),
            ("John Smith", "+14155552671", "mobile", "john@example.com", set(),
             {"sms", "email"}),
            ("中村 翔", None, None, "sho@example.jp", {"email"}, {"sms"}),
            ("松本 美穂", "+818033334444", "mobile", None, {"sms"}, {"email"}),
        ],
    ),
    "square_customers.csv": (
        "GB",
        [
            ("Oliver Smith", "+447911123456", "mobile", "oliver@example.co.uk", {"email"}, set()),
            ("Amelia Jones", "+447911123457", "mobile", "amelia@example.co.uk", set(),
             {"email"}),
            ("Harry Brown", "+447911123458", "mobile", None, set(), set()),
            ("Isla Taylor", "+447911123459", "mobile", None, {"email"}, set()),
        ],
    ),
    "pos_airregi_cp932.csv": (
        "JP",
        [
            ("山田 花子", "+819011110001", "mobile", "hanako@example.jp", {"email"}, set()),
            ("鈴木 一郎", "+818011110002", "mobile", "ichiro@example.jp", set(), {"email"}),
            ("髙橋 誠", "+817011110003", "mobile", None, {"email"}, set()),
            ("伊藤 さくら", "+819011110004", "mobile", "sakura@example.jp", set(), {"email"}),
            ("翔", "+819011110005", "mobile", "sho.w@example.jp", {"email"}, set()),
        ],
    ),
    "excel_unicode_text.txt": (
        "JP",
        [
            ("木村 拓也", "+819022220001", "mobile", "takuya@example.jp", {"email"}, set()),
            ("林 美咲", "+818022220002", "mobile", "misaki@example.jp", set(), {"email"}),
            ("森 健", "+817022220003", "mobile", "ken@example.jp", {"email"}, set()),
            ("", "+819022220004", "mobile", "tsubasa@example.jp", set(), {"email"}),
            ("池田 陽子", "+819022220005", "mobile", "yoko@example.jp", {"email"}, set()),
        ],
    ),
    "libreoffice_members.xlsx": (
        "JP",
        [
            ("Sato Yuki", "+819033330001", "mobile", "yuki@example.jp", {"sms"}, {"email"}),
            ("Kato Ren", "+819033330002", "mobile", "ren@example.jp", {"email"}, {"sms"}),
            ("Ogawa Mei", "+819033330003", "mobile", "mei@example.jp", {"sms", "email"}, set()),
            ("Goto Sho", "+819033330004", "mobile", None, {"sms"}, {"email"}),
        ],
    ),
}  # fmt: skip

# (row, column, refused, words in the reason) — every problem each file has, no more.
PROBLEMS = {
    "google_contacts.csv": [
        (7, "Phone 1 - Value", True, "too short"),
        (7, "", True, "no usable phone number or email address"),
    ],
    "outlook_contacts.csv": [
        (3, "Home Phone", False, "not a valid phone number for its country"),
        (4, "Home Phone", False, "a landline: kept, but it cannot receive SMS"),
    ],
    "shopify_customers.csv": [
        (6, "Email", True, "must have an @-sign"),
        (6, "", True, "no usable phone number or email address"),
    ],
    "square_customers.csv": [(5, "Email Address", False, "should have a period")],
    "pos_airregi_cp932.csv": [(6, "姓", False, "bytes that cp932 does not define (0x85)")],
    "excel_unicode_text.txt": [(5, "氏名", False, "control characters")],
    "libreoffice_members.xlsx": [],
}
MERGES = {
    "google_contacts.csv": [
        "row 6 merged into row 3: same mobile; email emily@example.com kept,"
        " emily.clark@example.org added as a second email"
    ],
    "pos_airregi_cp932.csv": [
        "row 7 merged into row 2: same mobile; last visit 2024-05-01 replaced by 2024-05-03;"
        " email hanako@example.jp kept, hanako.yamada@example.jp added as a second email;"
        " お客様番号 0001 replaced by 0006; 来店回数 12 replaced by 13"
    ],
}
ENCODINGS = {
    "google_contacts.csv": "utf-8-sig",
    "outlook_contacts.csv": "utf-8",
    "shopify_customers.csv": "utf-8",
    "square_customers.csv": "utf-8",
    "pos_airregi_cp932.csv": "cp932",
    "excel_unicode_text.txt": "utf-16-le",
    "libreoffice_members.xlsx": "xlsx",
}


def import_fixture(workspace: Workspace, name: str) -> cf.ImportOutcome:
    region, _people = EXPECTED[name]
    table = cf.read_table(FIXTURES / name)
    mapping = cf.propose_mapping(table.header)
    options = cf.ImportOptions(region=region, file_name=name)
    return cf.run_import(workspace.db(), table, mapping, options)


def stored(workspace: Workspace) -> list[tuple]:
    return [
        (c.name, c.phone, c.phone_kind, c.email, set(c.consents), set(c.opt_outs))
        for c in contact_store.iterate_all(workspace.db())
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_person_is_imported_as_the_file_says(workspace, name):
    outcome = import_fixture(workspace, name)

    assert stored(workspace) == EXPECTED[name][1]
    assert outcome.encoding == ENCODINGS[name]
    said = [(p.row, p.column, p.rejected, p.reason) for p in outcome.problems]
    assert len(said) == len(PROBLEMS[name])
    for (row, column, refused, reason), (e_row, e_column, e_refused, words) in zip(
        said, PROBLEMS[name], strict=True
    ):
        assert (row, column, refused) == (e_row, e_column, e_refused)
        assert words in reason
    assert [m.reason for m in outcome.merges] == MERGES.get(name, [])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_consent_and_opt_outs_name_the_file(workspace, name):
    import_fixture(workspace, name)
    db = workspace.db()
    consents = db.execute("SELECT DISTINCT source, detail FROM consents").fetchall()
    ledger = db.execute("SELECT DISTINCT source, detail FROM opt_outs").fetchall()
    people = EXPECTED[name][1]
    assert consents == ([("import", name)] if any(p[4] for p in people) else [])
    assert ledger == ([("import", name)] if any(p[5] for p in people) else [])
    for contact in contact_store.iterate_all(db):
        for channel in contact.opt_outs:
            assert opt_outs.is_opted_out(db, contact.id, channel)


def test_the_kept_numbers_addresses_readings_dates_and_tags(workspace):
    import_fixture(workspace, "google_contacts.csv")
    import_fixture(workspace, "excel_unicode_text.txt")
    contacts = {c.phone: c for c in contact_store.iterate_all(workspace.db())}
    taro = contacts["+819012345678"]
    assert (taro.furigana, taro.birthday, taro.tags) == ("ヤマダ タロウ", "1985-04-12", ("VIP",))
    assert taro.phones == (("+81331234567", "landline", "Mobile"),)
    assert taro.emails == (("t.yamada@example.co.jp", "Work"),)
    emily = contacts["+818023456789"]
    assert (emily.birthday, emily.emails) == ("--07-14", (("emily.clark@example.org", "Work"),))
    hanako = contacts["+817034567890"]  # the mobile in Phone 2 takes SMS, not Phone 1's landline
    assert hanako.phones == (("+81661234567", "landline", "Home"),)
    kimura = contacts["+819022220001"]
    assert (kimura.furigana, kimura.birthday, kimura.tags) == (
        "キムラ タクヤ", "1975-11-13", ("VIP", "常連"))  # fmt: skip
    assert contacts["+818022220002"].birthday == "1990-03-04"  # 平成2年
    assert contacts["+817022220003"].birthday == "1990-01-02"  # Excel's serial day 32875
    ikeda = contacts["+819022220005"]
    assert ikeda.phones == (
        ("+818022220055", "mobile", "携帯電話"),
        ("+81322220005", "landline", "自宅電話 ext. 12"),
    )


def test_the_xlsx_really_holds_numbers(tmp_path):
    """The fixture is what the test claims: LibreOffice stored the phones as numbers."""
    book = openpyxl.load_workbook(FIXTURES / "libreoffice_members.xlsx")
    sheet = book.worksheets[0]
    assert [sheet.cell(row, 2).value for row in range(2, 6)] == [
        9033330001, 819033330002, 819033330003, 9033330004]  # fmt: skip
    assert sheet.cell(2, 4).value == "TRUE"  # Calc keeps a TRUE typed in a CSV as text
    assert sheet.cell(2, 6).is_date


def test_japanese_names_sort_by_their_reading(workspace):
    import_fixture(workspace, "pos_airregi_cp932.csv")
    ordered = [c.name for c in contact_store.page_by_name(workspace.db())]
    # イトウ, スズキ, タカハシ, ヤマダ, ワタナベ: 五十音順, not the characters' code order.
    assert ordered == ["伊藤 さくら", "鈴木 一郎", "髙橋 誠", "山田 花子", "翔"]


def test_the_command_line_says_what_it_did(tmp_path):
    source = tmp_path / "pos.csv"
    shutil.copy(FIXTURES / "pos_airregi_cp932.csv", source)
    result = koe("contacts", "import", "--data-dir", str(tmp_path / "ws"), str(source))
    assert result.stdout.strip() == (
        "5 contacts added, 0 updated, 0 rows rejected (encoding cp932); 1 rows merged;"
        " consent recorded: 3 email; opt-outs recorded: 2 email"
    )
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "row 6, column 姓: imported ('渡\ufffd@辺'): holds bytes that cp932 does not define"
        " (0x85): set aside; is the file in another encoding?"
    )
    assert lines[1].startswith("row 7 merged into row 2: same mobile;")
    assert lines[2] == "The file says nothing about consent to sms: none recorded for it."
