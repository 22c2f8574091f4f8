"""A survey's responses as an Excel workbook: Responses, Summary, Tags, one sheet
per question, and the Codebook.

openpyxl's write-only mode streams rows to the file as they are read, so a
million responses take bounded memory. The Responses sheet has the CSV's
columns (exports.columns) in the same order, numbers as numbers and times as
real dates: the local date and time in the workspace's time zone, which the
heading names (Excel has no time zones; the CSV keeps each offset).

Sheet names, headings and labels follow the export's language
(exports/words.py); question ids, codes and tag keys do not. Columns
are as wide as their numbers and dates need (exports/xlsx_layout.py), so no
cell shows ``###``.

Every text is written as a string cell (openpyxl would take a leading ``=`` for
a formula and ``#N/A`` for an error), after ``spreadsheet_text``: the ``'`` before
a formula-like text and U+FFFD for a control character, as in the CSV. Text in
a sheet comes only through ``_append``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import tzinfo
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlite_utils import Database

from exports import responses_csv as exports
from exports.words import CODEBOOK_HEADINGS, language_of, word, zone_text
from exports.xlsx_layout import DATE_FORMAT, DATE_WIDTH, column_width, fit, set_widths
from storage import analytics, responses
from storage import surveys as survey_store
from storage.comments import tag_scores
from storage.database import utc_now
from storage.export_summary import (
    ExportCancelled,
    Period,
    Progress,
    band_rows,
    headline_kind_name,
    question_summary,
    response_period,
    share,
)
from storage.settings import workspace_zone
from storage.surveys import Wording, wording_history
from surveys.band_names import band_name
from surveys.model import Survey
from surveys.questions import Question
from surveys.tags import tag_label
from surveys.times import wall_clock, zone_name
from surveys.untrusted_text import spreadsheet_text

DATE_COLUMNS = ("created_at", "completed_at")
PROGRESS_EVERY = 2000
TEXT_WIDTH = 40  # a free-text answer's column: most comments read whole
CODE_WIDTH = 10  # a column of short codes (ja, email, a;b) or a source tag
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

Row = Sequence[object]


def _text(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A string cell, whatever the text looks like."""
    cell = WriteOnlyCell(sheet, value=spreadsheet_text(value))
    cell.data_type = "s"
    return cell


def _append(sheet: WriteOnlyWorksheet, values: Row) -> None:
    """A row: texts as string cells, numbers, dates and cells as they are."""
    sheet.append([_text(sheet, v) if type(v) is str else v for v in values])


def _table(sheet: WriteOnlyWorksheet, rows: Sequence[Row]) -> None:
    """A small sheet: its columns sized to what they hold, then its rows."""
    set_widths(sheet, fit(rows))
    for row in rows:
        _append(sheet, row)


def _date(sheet: WriteOnlyWorksheet, value: object, zone: tzinfo) -> WriteOnlyCell | None:
    """A stored UTC text as a date cell showing the local date and time in ``zone``."""
    if not isinstance(value, str) or not value:
        return None
    cell = WriteOnlyCell(sheet, value=wall_clock(value, zone))
    cell.number_format = DATE_FORMAT
    return cell


def headings(
    survey: Survey, zone: tzinfo, language: str, reworded: Collection[str] = ()
) -> list[str]:
    """The Responses sheet's headings: the metadata in ``language`` (times with their
    zone, "received (Asia/Tokyo)"), then the question ids as the CSV has them (and the
    ``<qid>_wording`` columns of the ``reworded`` questions)."""
    metadata = set(responses.METADATA)
    return [
        word(name, language).format(zone=zone_name(zone)) if name in metadata else name
        for name in exports.columns(survey, reworded)
    ]


def _longest_numbers(db: Database, survey: Survey) -> dict[str, int]:
    """Column → characters of its widest number (the response number, the scores)."""
    found = {"response_id": len(str(responses.largest_response_id(db)))}
    question_ids = survey_store.question_ids(db, survey.id or 0)
    for question in survey.questions:
        if question.scale is None:
            continue
        ends = responses.score_extents(db, question_ids[question.qid])
        found[question.qid] = max(len(str(v)) for v in (*ends, question.scale.maximum))
    return found


def _response_widths(
    db: Database, survey: Survey, names: list[str], heads: list[str]
) -> list[float]:
    """Widths before the first row: numbers from the data's extremes, dates as their
    format shows them, texts from the kind of column."""
    numbers = _longest_numbers(db, survey)
    texts = {q.qid: TEXT_WIDTH for q in survey.questions if q.is_text}
    widths = []
    for name, head in zip(names, heads, strict=True):
        if name in DATE_COLUMNS:
            content = DATE_WIDTH
        else:
            content = numbers.get(name) or texts.get(name, CODE_WIDTH)
        widths.append(column_width(head, content))
    return widths


def _write_responses(
    sheet: WriteOnlyWorksheet,
    db: Database,
    survey: Survey,
    zone: tzinfo,
    language: str,
    progress: Progress | None,
) -> int:
    reworded = responses.reworded_qids(db, survey)
    names = exports.columns(survey, reworded)
    heads = headings(survey, zone, language, reworded)
    set_widths(sheet, _response_widths(db, survey, names, heads))
    sheet.freeze_panes = "A2"  # the headings stay in sight while scrolling
    _append(sheet, heads)
    total = responses.count(db, survey.id or 0)
    count = 0
    for row in responses.iter_rows(db, survey):
        values: list[object] = [
            _date(sheet, row[name], zone) if name in DATE_COLUMNS else row[name] for name in names
        ]
        _append(sheet, values)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0 and not progress(count, total):
            raise ExportCancelled
    return count


def _summary_rows(
    sheet: WriteOnlyWorksheet,
    results: analytics.SurveyResults,
    period: Period | None,
    zone: tzinfo,
    language: str,
) -> list[Row]:
    survey = results.survey
    rows: list[Row] = [
        [word("survey", language), survey.title.get_for(language)],
        [word("responses", language), results.responses],
    ]
    if period is not None:
        rows.append([word("first response", language), _date(sheet, period.first, zone)])
        rows.append([word("last response", language), _date(sheet, period.last, zone)])
    rows.append([word("time zone", language), zone_text(zone, language, utc_now().year)])
    question = survey.headline_question
    score = results.score
    if question is None or score is None:
        return rows
    value = None if score.value is None else round(score.value, 2)
    rows += [
        [word("headline question", language), question.qid],
        [word(headline_kind_name(score), language), value],
        [word("answers to the headline question", language), score.count],
        (),
        [word("band", language), word("count", language), word("share %", language)],
    ]
    for row in band_rows(results):
        percent = share(row.count, score.count)
        name = band_name(row.kind, row.band, language, plural=True)
        rows.append([name, row.count, None if percent is None else round(percent, 2)])
    rows += [(), [word("score", language), word("count", language)]]
    rows += [[point, n] for point, n in results.distribution.items()]
    return rows


def _tag_rows(
    db: Database, survey: Survey, results: analytics.SurveyResults, language: str
) -> list[Row]:
    """Every tag of the survey's comments, most frequent first.

    The first column is the stored key ("price"), the same whatever the language
    of the export, so a formula or a script reading several exports finds the
    same tag; the labels beside it (Price, 価格) are what people read.
    """
    score = results.score
    heading = [word(w, language) for w in ("tag", "label (en)", "label (ja)", "comments")]
    if score is not None:
        heading.append(word(headline_kind_name(score), language))
    rows: list[Row] = [heading]
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
        rows.append(row)
    return rows


def sheet_title(qid: str, taken: set[str]) -> str:
    """A valid, unique sheet title for a question id (31 characters, no []:*?/\\)."""
    base = _SHEET_BAD.sub("_", qid)[:28] or "q"
    title, n = base, 2
    while title.lower() in taken:
        title, n = f"{base[:26]}~{n}", n + 1
    taken.add(title.lower())
    return title


def _question_rows(db: Database, survey: Survey, question: Question, language: str) -> list[Row]:
    summary = question_summary(db, survey.id or 0, question)
    rows: list[Row] = [
        [word("question", language), question.qid],
        [word("type", language), str(question.type)],
        [word("wording (en)", language), question.text.get("en", "")],
        [word("wording (ja)", language), question.text.get("ja", "")],
        [word("answered", language), summary.answered],
    ]
    if not summary.counts:
        return rows
    rows.append(())
    labels = {o.code: o.text.get_for(language) for o in question.options}
    share_word, count_word = word("share %", language), word("count", language)
    if question.scale is not None:
        rows.append([word("score", language), count_word, share_word])
    else:
        rows.append([word("code", language), word("option", language), count_word, share_word])
    for key, n in summary.counts.items():
        percent = share(n, summary.answered)
        rounded = None if percent is None else round(percent, 2)
        if question.scale is not None:
            rows.append([int(key), n, rounded])
        else:
            rows.append([key, labels.get(key, key), n, rounded])
    return rows


def _codebook_rows(
    survey: Survey, zone: tzinfo, language: str, history: Mapping[str, list[Wording]]
) -> list[Row]:
    """The CSV's codebook with the Responses sheet's heading of each column before it."""
    names = exports.columns(survey, history)
    shown = dict(zip(names, headings(survey, zone, language, history), strict=True))
    rows: list[Row] = [CODEBOOK_HEADINGS[language]]
    codebook = exports.codebook_rows(
        survey, zone, language=language, local_times=True, history=history
    )
    for row in codebook:
        rows.append([shown.get(row[0], row[0]), *row])
    return rows


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


def write_xlsx(
    db: Database,
    survey: Survey,
    out: Path,
    *,
    language: str = "en",
    progress: Progress | None = None,
) -> int:
    """Write the workbook to ``out`` atomically, in ``language``; returns the number
    of responses.

    ``progress`` is called every few thousand rows; when it returns False the
    export stops with ExportCancelled and leaves no file behind.
    """
    language = language_of(language)
    zone = workspace_zone(db)
    partial = out.with_name(out.name + ".partial")
    workbook = Workbook(write_only=True)
    names = {key: word(key, language) for key in ("Responses", "Summary", "Tags", "Codebook")}
    try:
        sheet = workbook.create_sheet(names["Responses"])
        count = _write_responses(sheet, db, survey, zone, language, progress)
        results = analytics.results(db, survey.id or 0)
        period = response_period(db, survey.id or 0)
        sheet = workbook.create_sheet(names["Summary"])
        _table(sheet, _summary_rows(sheet, results, period, zone, language))
        _table(workbook.create_sheet(names["Tags"]), _tag_rows(db, survey, results, language))
        taken = {name.lower() for name in names.values()}
        for question in survey.questions:
            sheet = workbook.create_sheet(sheet_title(question.qid, taken))
            _table(sheet, _question_rows(db, survey, question, language))
        codebook = _codebook_rows(survey, zone, language, wording_history(db, survey.id or 0))
        _table(workbook.create_sheet(names["Codebook"]), codebook)
        workbook.save(partial)
    except BaseException:
        _discard(workbook)
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    if progress is not None:
        progress(count, count)
    return count
