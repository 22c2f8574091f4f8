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

Every cell goes through ``surveys.untrusted_text.spreadsheet_text``, as in the
workbook and the contacts export: a respondent's ``=HYPERLINK(...)`` arrives as
the text ``'=HYPERLINK(...)``, never as a formula, and the codebook says so.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Mapping
from itertools import islice
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from storage import responses
from storage.database import to_text
from storage.export_summary import ExportCancelled
from storage.surveys import Wording, wording_history
from surveys.model import Survey
from surveys.questions import NONE, OTHER, Question, QuestionType
from surveys.untrusted_text import REPLACEMENT, csv_may_need_marks, spreadsheet_row

METADATA_COLUMNS: dict[str, str] = {
    "response_id": "Response number, unique in this workspace",
    "created_at": "When the answer was first received (UTC, ISO 8601)",
    "completed_at": "When the response was completed (UTC, ISO 8601)",
    "language": "Language the respondent answered in (ja, en)",
    "channel": "How the respondent came: link (public link or QR), sms, email",
    "source": "Source tag of the public link (?src=), if any",
}
CODEBOOK_HEADER = ["column", "type", "wording_en", "wording_ja", "required", "values"]
# Said of every column that holds text from outside (answers, the source tag).
OUTSIDE_TEXT_NOTE = (
    "A ' was put before a text that began with = + - @ ＝ ＋ － ＠, tab or CR (or with '"
    " then one of them), so that a spreadsheet shows it as text and never runs it as a"
    " formula; remove that first ' to get the text as typed. A control character"
    f" (NUL, ESC…) reads as {REPLACEMENT}."
)


def columns(survey: Survey, reworded: Collection[str] = ()) -> list[str]:
    return responses.row_columns(survey, reworded)


def default_file_name(title: str, survey_id: int, suffix: str) -> str:
    """A file name after the survey's title, safe on every desktop's file system."""
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "-", title).strip("-") or "survey"
    return f"{stem}-{survey_id}.{suffix}"


def codebook_path(out: Path) -> Path:
    """The codebook that goes beside ``out``: FILE's name + ".codebook.csv"."""
    return out.with_name(out.name + ".codebook.csv")


def _values(question: Question) -> str:
    if question.is_choice:
        codes = [f"{o.code} = {o.text.get_for('en')}" for o in question.options]
        if question.other_option:
            codes.append(f"{OTHER} = Other (text in {question.qid}_other)")
        if question.none_option:
            codes.append(f"{NONE} = None of these")
        joined = "; ".join(codes)
        if question.type is QuestionType.MULTIPLE_CHOICE:
            return f"codes separated by ';': {joined}"
        return joined
    scale = question.scale
    if scale is None:
        return f"free text, up to {question.max_length} characters. {OUTSIDE_TEXT_NOTE}"
    low = question.low_label.get_for("en")
    high = question.high_label.get_for("en")
    ends = f" ({scale.minimum} = {low}; {scale.maximum} = {high})" if low or high else ""
    return f"whole number {scale.minimum}–{scale.maximum}{ends}"


def codebook_rows(
    survey: Survey, history: Mapping[str, list[Wording]] | None = None
) -> list[list[str]]:
    """One row per column of the export. A reworded question (``history``, by qid:
    storage.surveys.wording_history) is followed by a row per wording it had, from
    the first: "wording 1", "wording 2"…, each with the moment it came into force."""
    history = history or {}
    rows = [
        [name, "metadata", text, "", "", OUTSIDE_TEXT_NOTE if name == "source" else ""]
        for name, text in METADATA_COLUMNS.items()
    ]
    for question in survey.questions:
        rows.append(
            [
                question.qid,
                str(question.type),
                question.text.get("en", ""),
                question.text.get("ja", ""),
                "yes" if question.required else "no",
                _values(question),
            ]
        )
        wordings = history.get(question.qid, [])
        column = question.qid + responses.WORDING_COLUMN_SUFFIX
        for wording in wordings:
            current = " (the current wording)" if wording is wordings[-1] else ""
            rows.append(
                [
                    question.qid,
                    f"wording {wording.version}",
                    wording.text.get("en", ""),
                    wording.text.get("ja", ""),
                    "",
                    f"in force from {_moment(wording)}{current}: the answers whose {column} "
                    f"is {wording.version} were given to this wording",
                ]
            )
        if question.other_option:
            other = question.qid + responses.OTHER_COLUMN_SUFFIX
            note = f"free text. {OUTSIDE_TEXT_NOTE}"
            rows.append([other, "text", f'"Other" text of {question.qid}', "", "no", note])
    for question in survey.questions:
        wordings = history.get(question.qid, [])
        if wordings:
            rows.append(
                [
                    question.qid + responses.WORDING_COLUMN_SUFFIX,
                    "wording version",
                    f"Which wording of {question.qid} the answer was given to",
                    "",
                    "no",
                    f"whole number {wordings[0].version}–{wordings[-1].version}: "
                    f'the rows "wording N" of {question.qid} above',
                ]
            )
    return rows


def _moment(wording: Wording) -> str:
    """When a wording came into force: UTC, ISO 8601, like the other times of an export."""
    return to_text(wording.valid_from) or ""


PROGRESS_EVERY = 2000


def write_csv(
    db: Database,
    survey: Survey,
    stream: TextIO,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write every response of ``survey`` as CSV to ``stream``; returns the row count.

    ``progress(done, total)`` is called every few thousand rows; when it returns
    False the export stops with ExportCancelled.
    """
    reworded = responses.reworded_qids(db, survey)
    csv.writer(stream).writerow(spreadsheet_row(columns(survey, reworded)))
    total = responses.count(db, survey.id) if progress is not None and survey.id else 0
    rows = responses.iter_values(db, survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    count = 0
    # csv writes None as an empty cell; batches keep the loop in C between progress calls.
    while batch := list(islice(rows, PROGRESS_EVERY)):
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
    *,
    bom: bool = False,
    history: Mapping[str, list[Wording]] | None = None,
) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(CODEBOOK_HEADER)
        writer.writerows(map(spreadsheet_row, codebook_rows(survey, history)))
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
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
            count = write_csv(db, survey, stream, progress)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    history = wording_history(db, survey.id) if survey.id is not None else {}
    return count, write_codebook(survey, codebook_path(out), bom=bom, history=history)
