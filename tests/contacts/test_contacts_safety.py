"""Contacts out and back in: an export no spreadsheet runs as formulas (LibreOffice is
the judge), that imports back to the same contacts, and that survives control
characters already stored; an import that sets such characters aside, row by row."""

from __future__ import annotations

import csv
import io

import contacts as contact_files
from contacts import propose_mapping, read_table, write_report
from storage import contacts as contact_store
from storage.workspace import Workspace
from tests.helpers import libreoffice_csv
from tests.test_cli import koe

HOSTILE_LIST = (
    "name,phone,email,language\r\n"
    '"=HYPERLINK(""https://evil.example/?"",""Click"")",090-1111-2222,a@example.jp,ja\r\n'
    "-Taro,+81 90 3333 4444,,en\r\n"
    "@mention,,=x@example.com,\r\n"
    "'=quoted,080-5555-6666,,\r\n"
    "'Tis Sam,080-7777-8888,,en\r\n"
    "+plus,080 1234 0000,-dash@example.jp,ja\r\n"
)


def people(folder) -> set[tuple]:
    with Workspace.open_read_only(folder) as workspace:
        return {
            (c.name, c.phone, c.phone_kind, c.email, c.language)
            for c in contact_store.iterate_all(workspace.db())
        }


def test_export_is_never_run_as_formulas_and_imports_back_the_same(tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(HOSTILE_LIST, encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    koe("contacts", "import", "--data-dir", str(first), str(source))
    with Workspace.open(first) as workspace:  # typed in the app, its quote its own
        contact_store.add(workspace.db(), name="'-kept", phone="+818011110000", phone_kind="mobile")
    exported = tmp_path / "contacts.csv"
    koe("contacts", "export", "--data-dir", str(first), "--out", str(exported))

    with exported.open(newline="", encoding="utf-8-sig") as stream:
        rows = {r["name"]: r for r in csv.DictReader(stream)}
    assert set(rows) == {
        '\'=HYPERLINK("https://evil.example/?","Click")',
        "'-Taro",
        "'@mention",
        "'=quoted",  # the file's ' was a spreadsheet's mark: the import took it off
        "''-kept",  # its own quote, and one more that the import takes off
        "'Tis Sam",  # a quote before no formula start: left alone
        "'+plus",
    }
    # An E.164 number begins with +, a formula start: Excel would take +8190… for a sum.
    assert rows["'-Taro"]["phone"] == "'+819033334444"
    assert rows["'@mention"]["email"] == "'=x@example.com"
    assert rows["'+plus"]["email"] == "'-dash@example.jp"

    shown = libreoffice_csv(exported, tmp_path)
    with exported.open(newline="", encoding="utf-8-sig") as stream:
        assert shown == list(csv.reader(stream))  # every cell shows what the file holds

    koe("contacts", "import", "--data-dir", str(second), str(exported))
    assert people(second) == people(first)
    assert ("-Taro", "+819033334444", "mobile", None, "en") in people(second)
    assert ("=quoted", "+818055556666", "mobile", None, None) in people(second)
    assert ("'-kept", "+818011110000", "mobile", None, None) in people(second)


def test_export_survives_control_characters_already_stored(tmp_path):
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        contact_store.add(
            workspace.db(),
            name="Taro\x00 Yamada\x1b[2J",
            phone="+819012345678",
            attributes={"note": "bell\x07"},
        )

    exported = koe("contacts", "export", "--data-dir", str(folder)).stdout

    assert not [c for c in exported if ord(c) < 32 and c not in "\r\n"]
    row = next(csv.DictReader(io.StringIO(exported)))
    assert row["name"] == "Taro\ufffd Yamada\ufffd[2J"
    assert row["attributes"] == '{"note": "bell\\u0007"}'  # JSON says it in words


def test_import_sets_aside_values_holding_control_characters(tmp_path, workspace):
    source = tmp_path / "list.csv"
    source.write_text(
        "name,phone,email,store\r\n"
        "Taro\x1b[31m,090-1234-5678,,Shibuya\r\n"
        "Hanako,090\x00-9999-8888,,Umeda\r\n"
        "Jiro,080-2222-3333,,Ume\x07da\r\n",
        encoding="utf-8",
    )
    table = read_table(source)

    outcome = contact_files.run_import(workspace.db(), table, propose_mapping(table.header), "JP")

    stored = {c.phone: c for c in contact_store.iterate_all(workspace.db())}
    assert set(stored) == {"+819012345678", "+818022223333"}  # Hanako has no usable phone
    assert stored["+819012345678"].name == ""  # the name was set aside, the contact kept
    assert stored["+819012345678"].attributes == {"store": "Shibuya"}
    assert stored["+818022223333"].attributes == {}
    said = [
        (i.row, i.column, i.value, i.rejected) for i in outcome.problems if "control" in i.reason
    ]
    assert said == [
        (2, "name", "Taro\ufffd[31m", False),
        (3, "phone", "090\ufffd-9999-8888", True),
        (4, "store", "Ume\ufffdda", False),
    ]
    assert outcome.rejected_rows == 1

    report = io.StringIO()
    write_report(outcome.problems, report)
    assert "Taro\ufffd[31m" in report.getvalue()
    assert not [c for c in report.getvalue() if ord(c) < 32 and c not in "\r\n"]
