"""A survey's responses as an Excel workbook: Responses, Summary, Tags, one sheet
per question, and the Codebook.

exports/xlsx_writer.py streams rows into the file as they are read, so a
million responses take bounded memory, and makes no object per cell (faster
than openpyxl's write-only mode or XlsxWriter's constant memory:
bench/export_xlsx.py). The Responses sheet has the CSV's columns
(exports.columns) in the same order, numbers as numbers and times as real
dates: the local date and time in the workspace's time zone, which the heading
names (Excel has no time zones; the CSV keeps each offset).

Sheet names, headings and labels follow the export's language
(exports/words.py); question ids, codes and tag keys do not. Columns
are as wide as their numbers and dates need (exports/xlsx_layout.py), so no
cell shows ``###``.

Every text is written as a string cell (the writer has no formula or error
cells at all), after ``spreadsheet_text``: the ``'`` before a formula-like text
and U+FFFD for a control character, as in the CSV, so that it stays a text when
copied out. Text in a sheet comes only through ``spreadsheet_row`` (``_append``, and
the Responses sheet's loop).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from sqlite_utils import Database

from exports import responses_csv as exports
from exports.words import CODEBOOK_HEADINGS, language_of, word, zone_text
from exports.xlsx_layout import DATE_FORMAT, DATE_WIDTH, column_width, fit
from exports.xlsx_writer import Book, Sheet
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
from surveys.untrusted_text import spreadsheet_row

DATE_COLUMNS = ("created_at", "completed_at")
PROGRESS_EVERY = 2000
TEXT_WIDTH = 40  # a free-text answer's column: most comments read whole
CODE_WIDTH = 10  # a column of short codes (ja, email, a;b) or a source tag
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

Row = Sequence[object]


def _append(sheet: Sheet, values: Row) -> None:
    """A row: texts made safe as spreadsheet cells, numbers and dates as they are."""
    sheet.append(spreadsheet_row(values))


def _table(book: Book, title: str, rows: Sequence[Row]) -> None:
    """A small sheet: its columns sized to what they hold, then its rows."""
    sheet = book.sheet(title, fit(rows))
    for row in rows:
        _append(sheet, row)


def _date(value: object, zone: tzinfo) -> datetime | None:
    """A stored UTC text as the local date and time in ``zone`` (a date cell)."""
    if not isinstance(value, str) or not value:
        return None
    return wall_clock(value, zone)


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
    book: Book,
    title: str,
    db: Database,
    survey: Survey,
    zone: tzinfo,
    language: str,
    progress: Progress | None,
) -> int:
    reworded = responses.reworded_qids(db, survey)
    names = exports.columns(survey, reworded)
    heads = headings(survey, zone, language, reworded)
    total = responses.count(db, survey.id or 0)
    widths = _response_widths(db, survey, names, heads)
    # The headings stay in sight while scrolling.
    sheet = book.sheet(title, widths, freeze_heading=True, cells=total * len(names))
    _append(sheet, heads)
    dates = [i for i, name in enumerate(names) if name in DATE_COLUMNS]
    count = 0
    for values in responses.iter_values(db, survey):  # in ``names``' order
        row = spreadsheet_row(values)
        for i in dates:
            row[i] = _date(row[i], zone)
        sheet.append(row)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0 and not progress(count, total):
            raise ExportCancelled
    return count


def _summary_rows(
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
        rows.append([word("first response", language), _date(period.first, zone)])
        rows.append([word("last response", language), _date(period.last, zone)])
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
    names = {key: word(key, language) for key in ("Responses", "Summary", "Tags", "Codebook")}
    with Book(partial, date_format=DATE_FORMAT) as book:
        count = _write_responses(book, names["Responses"], db, survey, zone, language, progress)
        results = analytics.results(db, survey.id or 0)
        period = response_period(db, survey.id or 0)
        _table(book, names["Summary"], _summary_rows(results, period, zone, language))
        _table(book, names["Tags"], _tag_rows(db, survey, results, language))
        taken = {name.lower() for name in names.values()}
        for question in survey.questions:
            _table(
                book,
                sheet_title(question.qid, taken),
                _question_rows(db, survey, question, language),
            )
        codebook = _codebook_rows(survey, zone, language, wording_history(db, survey.id or 0))
        _table(book, names["Codebook"], codebook)
    partial.replace(out)
    if progress is not None:
        progress(count, count)
    return count
