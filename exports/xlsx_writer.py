"""A streaming .xlsx writer: rows go straight into the zip as SpreadsheetML text.

Only what Koe's workbook needs: several sheets, numbers, texts, dates shown
with one date format, column widths and a frozen heading row. Each row is one
string built from its cells and written to the sheet's deflated zip member, so a
million rows take the memory of one batch, and no object is made per cell
(openpyxl makes a cell object and an XML element per value, which is where its
time goes).

A text is always an inline string cell: this writer cannot write a formula or an
error cell at all, whatever the text looks like (the caller still makes it safe
for whoever copies it out: surveys.untrusted_text.spreadsheet_text). Dates are
Excel serial numbers in the 1900 date system with the date style, as Excel and
LibreOffice read them: the local wall time, without a zone.
"""

from __future__ import annotations

import contextlib
import math
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's 1900 system (with its 1900 leap day)
BATCH = 500  # rows joined before a write: fewer calls into the compressor
DATE_STYLE = 1  # the index of the date format in styles.xml's cellXfs
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_ESCAPES = {"\r": "&#13;"}  # a bare CR would be read back as a line feed


def _text(value: str) -> str:
    return escape(value, _ESCAPES) if ("&" in value or "<" in value or ">" in value
                                       or "\r" in value) else value  # fmt: skip


def excel_serial(moment: datetime | date) -> float:
    """Days since Excel's epoch, the fraction the time of day (to the microsecond)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    delta = moment.replace(tzinfo=None) - EPOCH
    return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400


def _cells(letters: Sequence[str], number: int, values: Iterable[object]) -> str:
    parts = [f'<row r="{number}">']
    append = parts.append
    for letter, value in zip(letters, values, strict=False):
        kind = type(value)
        if value is None:
            continue
        if kind is int or (kind is float and math.isfinite(value)):  # type: ignore[arg-type]
            append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        elif kind is str:
            append(
                f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">'
                f"{_text(value)}</t></is></c>"  # type: ignore[arg-type]
            )
        elif kind is bool:
            append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')  # type: ignore[call-overload]
        elif isinstance(value, datetime | date):
            append(f'<c r="{letter}{number}" s="{DATE_STYLE}"><v>{excel_serial(value)!r}</v></c>')
        else:  # a float that is not finite, or anything else: shown as its text
            append(f'<c r="{letter}{number}" t="inlineStr"><is><t>{_text(str(value))}</t></is></c>')
    append("</row>")
    return "".join(parts)


class Sheet:
    """One worksheet being written: ``append`` rows, then the book closes it."""

    def __init__(self, stream: IO[bytes], widths: Sequence[float], freeze_heading: bool) -> None:
        self._stream = stream
        self._rows: list[str] = []
        self._number = 0
        self._letters: list[str] = []
        head = [_XML, f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}">']
        if freeze_heading:
            head.append(
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
                ' activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"'
                ' activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            )
        if widths:
            head.append("<cols>")
            head += [
                f'<col min="{n}" max="{n}" width="{round(w, 1)}" customWidth="1"/>'
                for n, w in enumerate(widths, start=1)
            ]
            head.append("</cols>")
        head.append("<sheetData>")
        stream.write("".join(head).encode())

    def append(self, values: Sequence[object]) -> None:
        while len(self._letters) < len(values):
            self._letters.append(get_column_letter(len(self._letters) + 1))
        self._number += 1
        self._rows.append(_cells(self._letters, self._number, values))
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._stream.write("".join(self._rows).encode("utf-8", "replace"))
        self._rows.clear()

    def close(self) -> None:
        self._flush()
        self._stream.write(b"</sheetData></worksheet>")
        self._stream.close()


class Book:
    """A workbook written to ``path`` one sheet after the other; ``close`` finishes it.

    Use as a context manager: on an error the zip is closed and ``path`` deleted.
    """

    def __init__(self, path: Path, *, date_format: str) -> None:
        self._path = path
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self._titles: list[str] = []
        self._sheet: Sheet | None = None
        self._date_format = date_format

    def sheet(
        self,
        title: str,
        widths: Sequence[float] = (),
        *,
        freeze_heading: bool = False,
        cells: int = 0,
    ) -> Sheet:
        """A new sheet after the others (the previous one is finished first).

        ``widths`` in characters, from column A; the heading row stays in sight
        when ``freeze_heading``. ``cells``, how many it will about hold: a sheet
        that may pass 2 GB is written as Zip64 (only then: older Excel warns about it).
        """
        self._finish_sheet()
        self._titles.append(title)
        name = f"xl/worksheets/sheet{len(self._titles)}.xml"
        stream = self._zip.open(name, "w", force_zip64=cells * 64 >= 2**31)
        self._sheet = Sheet(stream, widths, freeze_heading)
        return self._sheet

    def _finish_sheet(self) -> None:
        if self._sheet is not None:
            self._sheet.close()
            self._sheet = None

    def close(self) -> None:
        self._finish_sheet()
        write = self._zip.writestr
        count = len(self._titles)
        write("[Content_Types].xml", _content_types(count))
        write("_rels/.rels", _XML + f'<Relationships xmlns="{_PACKAGE_RELS}">'
              f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
              "</Relationships>")  # fmt: skip
        write("xl/workbook.xml", _workbook(self._titles))
        write("xl/_rels/workbook.xml.rels", _workbook_rels(count))
        write("xl/styles.xml", _styles(self._date_format))
        self._zip.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                self.close()
            except BaseException:
                self._abandon()
                raise
            return
        self._abandon()

    def _abandon(self) -> None:
        """Close what is open, as far as it can be (a full disk may refuse the last
        bytes), and delete the unfinished file."""
        try:
            if self._sheet is not None:
                with contextlib.suppress(Exception):
                    self._sheet._stream.close()
            try:
                self._zip.close()
            except Exception:
                if self._zip.fp is not None:
                    self._zip.fp.close()
        finally:
            self._path.unlink(missing_ok=True)


def _content_types(count: int) -> str:
    types = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
        for n in range(1, count + 1)
    )
    return (
        _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{types}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{types}.styles+xml"/>'
        f"{sheets}</Types>"
    )


def _workbook(titles: Sequence[str]) -> str:
    sheets = "".join(
        f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
        for n, title in enumerate(titles, start=1)
    )
    return (
        _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/>'
        f"</bookViews><sheets>{sheets}</sheets></workbook>"
    )


def _workbook_rels(count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    styles = f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
    return _XML + f'<Relationships xmlns="{_PACKAGE_RELS}">{sheets}{styles}</Relationships>'


def _styles(date_format: str) -> str:
    return (
        _XML + f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164"'
        f" formatCode={quoteattr(date_format)}/></numFmts>"
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
        '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border>'
        "<left/><right/><top/><bottom/><diagonal/></border></borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0"'
        ' borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"'
        ' xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle'
        ' name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
