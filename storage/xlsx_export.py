"""A survey's responses as an Excel workbook: Responses, Summary, Tags, one sheet
per question, and the Codebook.

openpyxl's write-only mode streams rows to the file as they are read, so a
million responses take bounded memory. The Responses sheet has the same stable
columns as the CSV (exports.columns), numbers as numbers and timestamps as
dates (UTC, without a zone: Excel has none).

Every text is written as a string cell (openpyxl would take a leading ``=`` for
a formula and ``#N/A`` for an error), after ``spreadsheet_text``: the ``'`` before
a formula-like text and U+FFFD for a control character, as in the CSV. Text in
a sheet comes only through ``_append``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlite_utils import Database

from storage import analytics, exports, responses
from storage.comments import tag_scores
from storage.database import from_text
from storage.export_summary import (
    ExportCancelled,
    Progress,
    band_rows,
    headline_kind_name,
    question_summary,
    share,
)
from surveys.band_names import band_name
from surveys.model import Survey
from surveys.tags import tag_label
from surveys.untrusted_text import spreadsheet_text

DATE_COLUMNS = ("created_at", "completed_at")
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
PROGRESS_EVERY = 2000
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _text(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A string cell, whatever the text looks like."""
    cell = WriteOnlyCell(sheet, value=spreadsheet_text(value))
    cell.data_type = "s"
    return cell


def _append(sheet: WriteOnlyWorksheet, values: Sequence[object]) -> None:
    """A row: texts as string cells, numbers, dates and cells as they are."""
    sheet.append([_text(sheet, v) if type(v) is str else v for v in values])


def _date(value: object) -> datetime | None:
    moment = from_text(value) if isinstance(value, str) else None
    return None if moment is None else moment.replace(tzinfo=None)


def _write_responses(
    sheet: WriteOnlyWorksheet, db: Database, survey: Survey, progress: Progress | None
) -> int:
    names = exports.columns(survey)
    _append(sheet, names)
    total = responses.count(db, survey.id or 0)
    count = 0
    for row in responses.iter_rows(db, survey):
        values: list[object] = []
        for name in names:
            value = row[name]
            if name in DATE_COLUMNS and value is not None:
                cell = WriteOnlyCell(sheet, value=_date(value))
                cell.number_format = DATE_FORMAT
                values.append(cell)
            else:
                values.append(value)
        _append(sheet, values)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0 and not progress(count, total):
            raise ExportCancelled
    return count


def _write_summary(sheet: WriteOnlyWorksheet, results: analytics.SurveyResults) -> None:
    survey = results.survey
    _append(sheet, ["survey", survey.title.get_for(survey.default_language)])
    _append(sheet, ["responses", results.responses])
    question = survey.headline_question
    score = results.score
    if question is None or score is None:
        return
    _append(sheet, ["headline question", question.qid])
    _append(
        sheet, [headline_kind_name(score), None if score.value is None else round(score.value, 2)]
    )
    _append(sheet, ["answers to the headline question", score.count])
    _append(sheet, ())
    _append(sheet, ["band", "count", "share %"])
    for row in band_rows(results):
        percent = share(row.count, score.count)
        name = band_name(row.kind, row.band, "en", plural=True)
        _append(sheet, [name, row.count, None if percent is None else round(percent, 2)])
    _append(sheet, ())
    _append(sheet, ["score", "count"])
    for point, n in results.distribution.items():
        _append(sheet, [point, n])


def _write_tags(
    sheet: WriteOnlyWorksheet, db: Database, survey: Survey, results: analytics.SurveyResults
) -> None:
    """Every tag of the survey's comments, most frequent first.

    The first column is the stored key ("price"), the same whatever the language
    of the person exporting, so a formula or a script reading several exports
    finds the same tag; the labels beside it (Price, 価格) are what people read.
    """
    score = results.score
    heading = ["tag", "label (en)", "label (ja)", "comments"]
    if score is not None:
        heading.append(headline_kind_name(score))
    _append(sheet, heading)
    for stat in tag_scores(db, survey):
        row: list[object] = [
            stat.tag,
            tag_label(stat.tag, "en"),
            tag_label(stat.tag, "ja"),
            stat.comments,
        ]
        if score is not None:
            value = None if stat.score is None else stat.score.value
            row.append(None if value is None else round(value, 2))
        _append(sheet, row)


def sheet_title(qid: str, taken: set[str]) -> str:
    """A valid, unique sheet title for a question id (31 characters, no []:*?/\\)."""
    base = _SHEET_BAD.sub("_", qid)[:28] or "q"
    title, n = base, 2
    while title.lower() in taken:
        title, n = f"{base[:26]}~{n}", n + 1
    taken.add(title.lower())
    return title


def _write_question(sheet: WriteOnlyWorksheet, db: Database, survey: Survey, qid: str) -> None:
    question = next(q for q in survey.questions if q.qid == qid)
    summary = question_summary(db, survey.id or 0, question)
    _append(sheet, ["question", question.qid])
    _append(sheet, ["type", str(question.type)])
    _append(sheet, ["wording (en)", question.text.get("en", "")])
    _append(sheet, ["wording (ja)", question.text.get("ja", "")])
    _append(sheet, ["answered", summary.answered])
    if not summary.counts:
        return
    _append(sheet, ())
    labels = {o.code: o.text.get_for("en") for o in question.options}
    if question.scale is not None:
        _append(sheet, ["score", "count", "share %"])
    else:
        _append(sheet, ["code", "option", "count", "share %"])
    for key, n in summary.counts.items():
        percent = share(n, summary.answered)
        rounded = None if percent is None else round(percent, 2)
        if question.scale is not None:
            _append(sheet, [int(key), n, rounded])
        else:
            _append(sheet, [key, labels.get(key, key), n, rounded])


def _discard(workbook: Workbook) -> None:
    """Finish and delete the sheets' temporary files after a failed or cancelled export."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        try:
            if not sheet.closed:
                sheet.close()
        except Exception:  # best effort: the export already failed
            pass
        writer.cleanup()


def write_xlsx(db: Database, survey: Survey, out: Path, *, progress: Progress | None = None) -> int:
    """Write the workbook to ``out`` atomically; returns the number of responses.

    ``progress`` is called every few thousand rows; when it returns False the
    export stops with ExportCancelled and leaves no file behind.
    """
    partial = out.with_name(out.name + ".partial")
    workbook = Workbook(write_only=True)
    try:
        count = _write_responses(workbook.create_sheet("Responses"), db, survey, progress)
        results = analytics.results(db, survey.id or 0)
        _write_summary(workbook.create_sheet("Summary"), results)
        _write_tags(workbook.create_sheet("Tags"), db, survey, results)
        taken = {"responses", "summary", "tags", "codebook"}
        for question in survey.questions:
            sheet = workbook.create_sheet(sheet_title(question.qid, taken))
            _write_question(sheet, db, survey, question.qid)
        codebook = workbook.create_sheet("Codebook")
        _append(codebook, exports.CODEBOOK_HEADER)
        for row in exports.codebook_rows(survey):
            _append(codebook, row)
        workbook.save(partial)
    except BaseException:
        _discard(workbook)
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    if progress is not None:
        progress(count, count)
    return count
