"""Exports of a survey's responses: CSV with its codebook.

Columns are stable: the response metadata, then one column per question id in
the survey's question order, whatever the newest responses contain. The
codebook says what each column holds, so a file can be read without Koe.

A question reworded after answers came in (a correction: surveys.rewording)
keeps its column; the codebook lists each wording it had with the moment it
came into force, and a column ``<qid>_wording`` at the end says which wording
each answer was given to.

Comment tags are not a column here, by choice: a row is a response and its
columns are question ids that scripts rely on, while tags belong to comments
and change whenever the keyword lists are edited. They go to the Excel
workbook's Tags sheet (under their stable keys, labels beside them) and to the
PDF report (labels in the report's language).

Times: each one is ISO 8601 with the UTC offset of the workspace's time zone
(``surveys.times``), the same instant as the stored UTC text, read as the shop's
wall time: ``2026-12-03T07:30:00+09:00``. The header does not change with the
zone or the language; the codebook names the zone.

Every cell goes through ``surveys.untrusted_text.spreadsheet_text``, as in the
workbook and the contacts export: a respondent's ``=HYPERLINK(...)`` arrives as
the text ``'=HYPERLINK(...)``, never as a formula, and the codebook says so.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Mapping
from datetime import tzinfo
from itertools import islice
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from exports.words import (
    CODEBOOK,
    LANGUAGES,
    iso_time_note,
    language_of,
    local_time_note,
)
from storage import responses
from storage.database import utc_now
from storage.export_summary import ExportCancelled
from storage.settings import workspace_zone
from storage.surveys import Wording, wording_history
from surveys.model import Survey
from surveys.questions import NONE, OTHER, Question, QuestionType
from surveys.times import iso_text, iso_texts
from surveys.untrusted_text import csv_may_need_marks, spreadsheet_row

CODEBOOK_HEADER = ["column", "type", "wording_en", "wording_ja", "required", "values"]
# Said of every column that holds text from outside (answers, the source tag).
OUTSIDE_TEXT_NOTE = CODEBOOK["en"]["outside text"]


def columns(survey: Survey, reworded: Collection[str] = ()) -> list[str]:
    return responses.row_columns(survey, reworded)


def default_file_name(title: str, survey_id: int, suffix: str) -> str:
    """A file name after the survey's title, safe on every desktop's file system."""
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "-", title).strip("-") or "survey"
    return f"{stem}-{survey_id}.{suffix}"


def codebook_path(out: Path) -> Path:
    """The codebook that goes beside ``out``: FILE's name + ".codebook.csv"."""
    return out.with_name(out.name + ".codebook.csv")


def _values(question: Question, language: str) -> str:
    words = CODEBOOK[language]
    if question.is_choice:
        codes = [f"{o.code} = {o.text.get_for(language)}" for o in question.options]
        if question.other_option:
            other = words["other code"].format(column=question.qid + responses.OTHER_COLUMN_SUFFIX)
            codes.append(f"{OTHER} = {other}")
        if question.none_option:
            codes.append(f"{NONE} = {words['none code']}")
        joined = "; ".join(codes)
        if question.type is QuestionType.MULTIPLE_CHOICE:
            return words["codes"].format(codes=joined)
        return joined
    scale = question.scale
    if scale is None:
        return words["free text"].format(n=question.max_length, note=words["outside text"])
    low = question.low_label.get_for(language)
    high = question.high_label.get_for(language)
    ends = ""
    if low or high:
        ends = words["ends"].format(
            low=scale.minimum, low_label=low, high=scale.maximum, high_label=high
        )
    return words["whole number"].format(low=scale.minimum, high=scale.maximum, ends=ends)


def codebook_rows(
    survey: Survey,
    zone: tzinfo,
    *,
    language: str = "en",
    local_times: bool = False,
    history: Mapping[str, list[Wording]] | None = None,
) -> list[list[str]]:
    """What each column holds: [column, type, wording_en, wording_ja, required, values].

    Descriptions are given in both languages, as the questions' wordings are; the
    type, required and values columns are in ``language``. ``local_times``: the
    times are the workbook's local dates, not the CSV's ISO 8601 texts.

    A reworded question (``history``, by qid: storage.surveys.wording_history) is
    followed by a row per wording it had, from the first: "wording 1", "wording 2"…,
    each with the moment it came into force (ISO 8601 in ``zone``, with its offset);
    its ``<qid>_wording`` column is described after the questions'.
    """
    history = history or {}
    language = language_of(language)
    words = CODEBOOK[language]
    note = words["outside text"]
    year = utc_now().year
    time_note = local_time_note if local_times else iso_time_note
    rows = []
    for name in responses.METADATA:
        described = [
            CODEBOOK[lang][name].format(when=time_note(zone, lang, year)) for lang in LANGUAGES
        ]
        rows.append([name, words["metadata"], *described, "", note if name == "source" else ""])
    for question in survey.questions:
        rows.append(
            [
                question.qid,
                str(question.type),
                question.text.get("en", ""),
                question.text.get("ja", ""),
                words["yes"] if question.required else words["no"],
                _values(question, language),
            ]
        )
        rows += _wording_rows(question.qid, history.get(question.qid, []), zone, language)
        if question.other_option:
            other = question.qid + responses.OTHER_COLUMN_SUFFIX
            wording = [CODEBOOK[lang]["other text"].format(qid=question.qid) for lang in LANGUAGES]
            values = words["other free text"].format(note=note)
            rows.append([other, words["text"], *wording, words["no"], values])
    rows += _wording_columns(survey, history, language)
    return rows


def _wording_rows(
    qid: str, wordings: list[Wording], zone: tzinfo, language: str
) -> list[list[str]]:
    """A row per wording ``qid`` had, oldest first, each with when it came into force."""
    words = CODEBOOK[language]
    column = qid + responses.WORDING_COLUMN_SUFFIX
    rows = []
    for wording in wordings:
        values = words["wording in force"].format(
            when=iso_text(wording.valid_from, zone),
            current=words["current wording"] if wording is wordings[-1] else "",
            column=column,
            n=wording.version,
        )
        name = words["wording n"].format(n=wording.version)
        rows.append([qid, name, wording.text.get("en", ""), wording.text.get("ja", ""), "", values])
    return rows


def _wording_columns(
    survey: Survey, history: Mapping[str, list[Wording]], language: str
) -> list[list[str]]:
    """The ``<qid>_wording`` columns at the end of the export, one per reworded question."""
    words = CODEBOOK[language]
    rows = []
    for question in survey.questions:
        wordings = history.get(question.qid, [])
        if not wordings:
            continue
        described = [CODEBOOK[lang]["wording of"].format(qid=question.qid) for lang in LANGUAGES]
        values = words["wording values"].format(
            low=wordings[0].version, high=wordings[-1].version, qid=question.qid
        )
        column = question.qid + responses.WORDING_COLUMN_SUFFIX
        rows.append([column, words["wording version"], *described, words["no"], values])
    return rows


PROGRESS_EVERY = 2000


def write_csv(
    db: Database,
    survey: Survey,
    stream: TextIO,
    progress: Callable[[int, int], bool] | None = None,
    *,
    zone: tzinfo | None = None,
) -> int:
    """Write every response of ``survey`` as CSV to ``stream``; returns the row count.

    Times are ISO 8601 with the UTC offset of ``zone`` (the workspace's time
    zone unless told): ``2026-12-03T07:30:00+09:00`` is the instant a program
    needs and the Tokyo wall time a person reads, in one column.

    ``progress(done, total)`` is called every few thousand rows; when it returns
    False the export stops with ExportCancelled.
    """
    local = iso_texts(zone or workspace_zone(db))
    reworded = responses.reworded_qids(db, survey)
    csv.writer(stream).writerow(spreadsheet_row(columns(survey, reworded)))
    total = responses.count(db, survey.id) if progress is not None and survey.id else 0
    rows = responses.iter_values(db, survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    count = 0
    # csv writes None as an empty cell; batches keep the loop in C between progress calls.
    while stored := list(islice(rows, PROGRESS_EVERY)):
        # response_id, created_at, completed_at, then the rest (responses.METADATA).
        # A response answered on one page was completed as it came: one conversion.
        batch = [
            (r[0], (at := local(r[1])), at if r[2] == r[1] else local(r[2]), *r[3:]) for r in stored
        ]
        writer.writerows(batch)
        # Checking each cell in Python would cost half as much again as the whole
        # export: one search over the batch's text finds the rare batch to redo.
        if csv_may_need_marks(buffer.getvalue()):
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(map(spreadsheet_row, batch))
        stream.write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
        count += len(batch)
        if progress is not None and len(batch) == PROGRESS_EVERY and not progress(count, total):
            raise ExportCancelled
    return count


def write_codebook(
    survey: Survey,
    path: Path,
    zone: tzinfo,
    *,
    bom: bool = False,
    history: Mapping[str, list[Wording]] | None = None,
) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(CODEBOOK_HEADER)
        writer.writerows(map(spreadsheet_row, codebook_rows(survey, zone, history=history)))
    return path


def export_csv(
    db: Database,
    survey: Survey,
    out: Path,
    *,
    bom: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> tuple[int, Path]:
    """Write the CSV to ``out`` (atomically) and its codebook beside it.

    Returns the number of responses written and the codebook's path. A failed
    or cancelled export leaves no file behind.
    """
    zone = workspace_zone(db)
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
            count = write_csv(db, survey, stream, progress, zone=zone)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    history = wording_history(db, survey.id) if survey.id is not None else {}
    return count, write_codebook(survey, codebook_path(out), zone, bom=bom, history=history)
