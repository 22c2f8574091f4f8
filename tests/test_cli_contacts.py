"""``contacts import`` and ``contacts export`` run as a user or a script would."""

from __future__ import annotations

import csv
import io
import json

from tests.test_cli import koe

SHOP_LIST = (
    "氏名,電話番号,メールアドレス,店舗,SMS同意\r\n"
    "山田 太郎,０９０－１２３４－５６７８,taro@example.jp,渋谷,はい\r\n"
    "佐藤 花子,03-1234-5678,,新宿,\r\n"
    "間違い,12,not-an-email,渋谷,\r\n"
)


def test_import_then_export(tmp_path):
    source = tmp_path / "顧客.csv"
    source.write_bytes(SHOP_LIST.encode("cp932"))
    folder = tmp_path / "ws"
    result = koe("contacts", "import", "--data-dir", str(folder), str(source))
    assert "2 contacts added, 0 updated, 1 rows rejected (encoding cp932)" in result.stdout
    # Each rejected row and why, in plain words, on stderr.
    assert (
        "row 4, column 電話番号: rejected ('12'): too short to be a phone number" in result.stderr
    )
    assert "row 4: rejected: no usable phone number or email address" in result.stderr
    assert "row 3, column 電話番号: imported ('03-1234-5678'): a landline" in result.stderr

    exported = koe("contacts", "export", "--data-dir", str(folder)).stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    # E.164 with the ' that keeps a spreadsheet from reading +8190… as a sum.
    assert [r["phone"] for r in rows] == ["'+819012345678", "'+81312345678"]
    assert rows[0]["email"] == "taro@example.jp"
    assert json.loads(rows[0]["attributes"]) == {"店舗": "渋谷"}
    assert rows[0]["sms_consent"].startswith("import ")
    assert rows[1]["phone_kind"] == "landline" and rows[1]["sms_consent"] == ""

    out = tmp_path / "out.csv"
    written = koe("contacts", "export", "--data-dir", str(folder), "--out", str(out))
    assert "2 contacts written" in written.stdout
    # The file opens in Japanese Excel as UTF-8: it begins with a BOM.
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_text(encoding="utf-8-sig") == exported


def test_import_with_region_and_encoding_override(tmp_path):
    source = tmp_path / "us.csv"
    source.write_bytes("name,phone\nSam,(415) 555-2671\n".encode("cp932"))
    folder = tmp_path / "ws"
    koe(
        "contacts",
        "import",
        "--data-dir",
        str(folder),
        str(source),
        "--region",
        "US",
        "--encoding",
        "utf-8",
    )
    exported = koe("contacts", "export", "--data-dir", str(folder)).stdout
    assert "+14155552671" in exported


def test_an_import_that_stores_nothing_exits_1(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("name,phone\nNobody,12\n", encoding="utf-8")
    result = koe("contacts", "import", "--data-dir", str(tmp_path / "ws"), str(source), check=False)
    assert result.returncode == 1
    assert "0 contacts added" in result.stdout
    missing = koe(
        "contacts",
        "import",
        "--data-dir",
        str(tmp_path / "ws"),
        str(tmp_path / "none.csv"),
        check=False,
    )
    assert missing.returncode == 1 and "no such file" in missing.stderr
    sjis = tmp_path / "sjis.csv"
    sjis.write_bytes(SHOP_LIST.encode("cp932"))
    wrong = koe(
        "contacts",
        "import",
        "--data-dir",
        str(tmp_path / "ws"),
        str(sjis),
        "--encoding",
        "utf-8",
        check=False,
    )
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1
    assert "not utf-8" in wrong.stderr
