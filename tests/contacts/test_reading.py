"""Files in every encoding shops' tools write: detected, and bytes an encoding does not
define reported row by row (never a garbled name with "0 rows rejected")."""

from __future__ import annotations

import codecs

import pytest

import contacts as cf
from contacts.reading import parse_csv_bytes

LIST = "name,mobile,email\r\n山田 太郎,090-1234-5678,taro@example.jp\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LIST.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + LIST.encode("utf-8"), "utf-8-sig"),
        (LIST.encode("cp932"), "cp932"),
        (codecs.BOM_UTF16_LE + LIST.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + LIST.encode("utf-16-be"), "utf-16-be"),
        (LIST.encode("utf-16-le"), "utf-16-le"),  # no BOM: the NULs tell
        (LIST.replace(",", "\t").encode("utf-16-le"), "utf-16-le"),  # Excel's Unicode text
    ],
)
def test_each_encoding_is_read_to_the_same_table(data, encoding):
    table = parse_csv_bytes(data)
    assert table.encoding == encoding
    assert table.header == ["name", "mobile", "email"]
    assert table.rows == [["山田 太郎", "090-1234-5678", "taro@example.jp"]]


def test_bytes_cp932_does_not_define_are_a_problem_of_their_row_and_column():
    good = "name,mobile\r\n佐藤,090-1111-2222\r\n鈴木,090-3333-4444\r\n".encode("cp932")
    data = good + "高".encode("cp932") + b"\xfd" + ",090-5555-6666\r\n".encode("cp932")
    table = parse_csv_bytes(data)
    assert table.encoding == "cp932"
    work = cf.preview(table, cf.propose_mapping(table.header), cf.ImportOptions())
    [problem] = work.problems
    assert (problem.row, problem.column, problem.rejected) == (4, "name", False)
    assert problem.value == "高\ufffd"  # shown, never as a guessed character
    assert "does not define (0xFD)" in problem.reason and "cp932" in problem.reason
    # The row is kept (its mobile is good), without the unreadable name.
    assert [(c.name, c.phone) for c in work.contacts][-1] == ("", "+819055556666")


def test_a_mostly_utf8_file_with_one_bad_byte_stays_utf8():
    data = LIST.encode() + b"Bad \xff byte,090-2222-3333,bad@example.jp\r\n"
    table = parse_csv_bytes(data)
    assert table.encoding == "utf-8"  # not CP932, which would garble every name
    work = cf.preview(table, cf.propose_mapping(table.header), cf.ImportOptions())
    assert work.contacts[0].name == "山田 太郎"
    [problem] = work.problems
    assert (problem.row, problem.column) == (3, "name") and "0xFF" in problem.reason


def test_an_encoding_chosen_that_cannot_read_the_file_is_refused_whole():
    with pytest.raises(cf.ImportFileError, match="not utf-8"):
        parse_csv_bytes(LIST.encode("cp932"), "utf-8")


def test_control_characters_are_refused_row_by_row():
    data = b"name,mobile\r\nTa\x00ro,090-1234-5678\r\nJiro,080\x1b-1111-2222\r\n"
    table = parse_csv_bytes(data)
    work = cf.preview(table, cf.propose_mapping(table.header), cf.ImportOptions())
    said = [(p.row, p.column, p.value, p.rejected) for p in work.problems]
    assert said == [
        (2, "name", "Ta\ufffdro", False),
        (3, "mobile", "080\ufffd-1111-2222", True),
        (3, "", "", True),
    ]
    assert [c.name for c in work.contacts] == [""]  # nothing of the NUL stored


def test_an_unreadable_column_name_is_shown_not_stored_as_garbage(workspace):
    data = "name,mobile,".encode("cp932") + b"\x85\x40x\r\n"
    data += "佐藤,090-1111-2222,渋谷\r\n".encode("cp932")
    table = parse_csv_bytes(data)
    assert table.header == ["name", "mobile", "\ufffd@x"]
    outcome = cf.run_import(workspace.db(), table, cf.propose_mapping(table.header), "JP")
    assert outcome.created == 1  # the attribute's name is storable text
