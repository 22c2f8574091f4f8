"""``export``: a survey's responses as CSV (with its codebook) or Excel.

``--language`` (ja, en; the survey's language by default) is the language of
the workbook's sheet names, headings and labels and of the PDF report. The CSV
has none: its header is the stable column names, its codebook gives both.

The PDF report draws charts with Qt, so main.py routes ``--format pdf`` to
ui/ before it reaches this module, which stays Qt-free.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from commands.errors import CommandError, not_yet_available
from exports import responses_csv as exports
from exports import responses_xlsx as xlsx_export
from exports.responses_csv import default_file_name
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey

# Writes the PDF report (db, survey, out, language) → responses; main.py sets it to
# ui's writer, which draws the charts with Qt. None: the PDF is not available.
PdfWriter = Callable[[Database, Survey, Path, str], int]
pdf_writer: PdfWriter | None = None


def run(
    workspace: Workspace,
    survey_id: int,
    fmt: str,
    out: Path | None,
    bom: bool,
    language: str | None = None,
) -> int:
    if fmt not in ("csv", "xlsx") and not (fmt == "pdf" and pdf_writer is not None):
        raise not_yet_available(f"export --format {fmt}")
    db = workspace.db()
    try:
        survey = survey_store.get(db, survey_id)
    except survey_store.SurveyNotFound:
        raise CommandError(
            f"there is no survey with id {survey_id} (see: main.py surveys list)"
        ) from None
    language = language or survey.default_language
    if fmt == "xlsx":
        return _run_xlsx(db, survey, out, language)
    if fmt == "pdf":
        return _run_pdf(db, survey, out, language)
    if out is None:
        # csv writes its own \r\n line ends; UTF-8 whatever the console's code page.
        sys.stdout.reconfigure(newline="", encoding="utf-8")  # type: ignore[union-attr]
        if bom:
            sys.stdout.write("\ufeff")
        exports.write_csv(db, survey, sys.stdout)
        sys.stdout.flush()
        print("codebook not written: it is written beside a file given with --out", file=sys.stderr)
        return 0
    try:
        count, codebook = exports.export_csv(db, survey, out, bom=bom)
    except OSError as error:
        raise CommandError(f"cannot write {out}: {error.strerror or error}") from error
    print(f"{count} responses written to {out} (codebook: {codebook})", file=sys.stderr)
    return 0


def default_out(survey: Survey, suffix: str) -> Path:
    """Where an xlsx or pdf goes without --out: named after the survey, in the current folder."""
    title = survey.title.get_for(survey.default_language)
    return Path.cwd() / default_file_name(title, survey.id or 0, suffix)


def _run_xlsx(db: Database, survey: Survey, out: Path | None, language: str) -> int:
    target = out if out is not None else default_out(survey, "xlsx")
    try:
        count = xlsx_export.write_xlsx(db, survey, target, language=language)
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
    print(target)
    print(f"{count} responses written to {target}", file=sys.stderr)
    return 0


def _run_pdf(db: Database, survey: Survey, out: Path | None, language: str) -> int:
    assert pdf_writer is not None
    target = out if out is not None else default_out(survey, "pdf")
    try:
        count = pdf_writer(db, survey, target, language)
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from error
    print(target)
    print(f"report of {count} responses written to {target}", file=sys.stderr)
    return 0
