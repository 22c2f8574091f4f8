"""A contact list file read as a table of text: CSV, tab-separated text, or .xlsx.

The encoding is found from the bytes: a BOM (UTF-8, UTF-16 LE/BE: Excel's
"Unicode text"), else UTF-16 without BOM when every other byte is NUL, else
strict UTF-8, else whichever of UTF-8 and CP932 (Japanese Excel) leaves fewer
bytes unread. Bytes the encoding does not define are never replaced: a cell
keeps them as ``\\udcXX`` and the preview names the row and column
(``undefined_characters``). CP932's private-use characters (外字, and the bytes
Microsoft maps there) count as undefined too: no other computer shows them.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contacts.model import ImportFileError, Table
from surveys.problems import QT_TRANSLATE_NOOP, Problem
from surveys.untrusted_text import marked_control_characters

ENCODINGS = ("utf-8", "utf-8-sig", "cp932", "utf-16-le", "utf-16-be")
DELIMITERS = (",", "\t", ";")

# Lone surrogates (bytes the decoder kept back) and the private-use area.
_UNDEFINED = re.compile("[\udc80-\udcff\ue000-\uf8ff]")
# An explicit encoding that leaves more rows than this unreadable is the wrong one.
_WRONG_ENCODING_SHARE = 0.2


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a list is read: reading 50,000 rows makes
    some 700,000 small objects (no cycles among them), and the collector, woken every
    700 allocations to walk them all, took more than half the time (measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def detect_encoding(data: bytes) -> str:
    """The encoding ``data`` was most likely written in (see the module's words)."""
    return _detect(data)[0]


def _detect(data: bytes) -> tuple[str, str | None]:
    """The encoding, and the text when a strict decode found it (not decoded twice)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", None
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", None
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 > len(sample):
        # UTF-16 without a BOM: the NUL is the high byte of each ASCII character.
        wide = "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
        return wide, None
    for strict in ("utf-8", "cp932"):
        try:
            return strict, data.decode(strict)
        except UnicodeDecodeError:
            continue
    # Neither reads every byte: the one that leaves fewer unread.
    utf8 = len(_UNDEFINED.findall(data.decode("utf-8", "surrogateescape")))
    cp932 = len(_UNDEFINED.findall(data.decode("cp932", "surrogateescape")))
    return ("utf-8" if utf8 < cp932 else "cp932"), None


def is_excel(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def read_table(path: Path, encoding: str | None = None) -> Table:
    """Read a CSV (comma, tab or semicolon separated) or .xlsx file;
    ``encoding`` overrides detection."""
    if is_excel(path):
        return _read_xlsx(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        words = QT_TRANSLATE_NOOP("Problems", "cannot read {name}: {detail}")
        raise ImportFileError(
            Problem(words, {"name": path.name, "detail": str(error.strerror or error)})
        ) from None
    return parse_csv_bytes(data, encoding, file_name=path.name)


def _text(data: bytes, chosen: str) -> str:
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE}  # fmt: skip
    bom = boms.get(chosen.replace("_", "-").lower().removesuffix("-sig"), b"")
    if bom and data.startswith(bom):
        data = data[len(bom) :]
    return data.decode(chosen, "surrogateescape")


def parse_csv_bytes(data: bytes, encoding: str | None = None, *, file_name: str = "") -> Table:
    chosen, text = (encoding, None) if encoding else _detect(data)
    try:
        codecs.lookup(chosen)
    except LookupError:
        words = QT_TRANSLATE_NOOP("Problems", "unknown encoding {encoding}")
        raise ImportFileError(Problem(words, {"encoding": repr(chosen)})) from None
    if text is None:
        text = _text(data, chosen)
    first_line = text[: text.find("\n")]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        with collector_paused():
            rows = list(reader)
    except csv.Error as error:
        words = QT_TRANSLATE_NOOP("Problems", "the file is not a readable CSV: {detail}")
        raise ImportFileError(Problem(words, {"detail": str(error)})) from None
    table = _table(rows, chosen, file_name)
    if encoding is not None:
        _refuse_wrong_encoding(table, chosen)
    return table


def _refuse_wrong_encoding(table: Table, chosen: str) -> None:
    """An encoding the owner chose that cannot read the header, or most rows, is wrong:
    say so for the whole file rather than row by row."""
    unreadable = sum(1 for row in table.rows if any(_UNDEFINED.search(c) for c in row))
    header = any(_UNDEFINED.search(c) for c in table.header)
    if header or (unreadable and unreadable >= max(1, len(table.rows) * _WRONG_ENCODING_SHARE)):
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "the file is not {encoding} (rows that cannot be read: {rows}); choose another"
            " encoding",
        )
        raise ImportFileError(Problem(words, {"encoding": chosen, "rows": unreadable + header}))


def undefined_characters(text: str, encoding: str = "") -> str:
    """The bytes of ``text`` no one can read, as the file has them ("0x85 0xFD");
    a private character of a file not read from bytes as U+E000. Empty when none."""
    shown = []
    for char in _UNDEFINED.findall(text):
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the decoder kept back
            shown.append(f"0x{code - 0xDC00:02X}")
            continue
        try:  # CP932 maps 0xA0, 0xFD-0xFF and its 外字 rows to private characters
            raw = char.encode(encoding) if encoding and encoding != "xlsx" else b""
        except (UnicodeEncodeError, LookupError):
            raw = b""
        shown.append(" ".join(f"0x{byte:02X}" for byte in raw) or f"U+{code:04X}")
    return " ".join(shown)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: only Excel files need it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        words = QT_TRANSLATE_NOOP("Problems", "cannot read {name} as an Excel file: {detail}")
        raise ImportFileError(Problem(words, {"name": path.name, "detail": str(error)})) from None
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(rows, "xlsx", path.name)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        # A phone stored as a number comes back as 9012345678.0.
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()  # type: ignore[attr-defined]
        return str(text).removesuffix("T00:00:00")
    return str(value)


def _table(rows: list[list[str]], encoding: str, file_name: str) -> Table:
    # Leading blank lines are skipped; the first non-blank row is the header.
    start = 0
    while start < len(rows) and not any(cell.strip() for cell in rows[start]):
        start += 1
    if start == len(rows):
        raise ImportFileError(Problem(QT_TRANSLATE_NOOP("Problems", "the file is empty")))
    # A column's name is shown and kept as an attribute's: what cannot be read in it
    # is shown as U+FFFD (the values of the column are reported row by row).
    header = [marked_control_characters(_UNDEFINED.sub("\ufffd", cell)).strip()
              for cell in rows[start]]  # fmt: skip
    while header and not header[-1]:
        header.pop()
    return Table(header, rows[start + 1 :], encoding, start + 2, file_name)
