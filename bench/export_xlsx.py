"""Excel export of a survey's responses, against openpyxl and XlsxWriter writing the same rows.

Run: ``uv run python bench/export_xlsx.py [--responses N] [--repeat R]``.

1. Builds a workspace with an NPS survey and N responses (``build`` from
   bench/analytics.py: a score each, a comment on every tenth).
2. Koe: ``exports.responses_xlsx.write_xlsx``, the whole workbook as the
   command line writes it (Responses, Summary, Tags, a sheet per question,
   Codebook; every text checked for formulas; times as local dates).
3. The peers, in the same run on the same file: one plain ``sqlite3`` query
   fetching the same values (SQLite's strftime writing each time in the
   workspace's zone, parsed to a ``datetime`` for a date cell), written as the
   Responses sheet only (the same headings, widths, frozen heading row and
   date format) by

   - openpyxl in ``write_only`` mode (with lxml installed, its fast path), and
   - XlsxWriter in ``constant_memory`` mode (its streaming mode).

   Each library's documented fastest streaming mode with the rows handed to it
   as tuples: that is the shortest path to the same cells with either library.
   The peers write one sheet and check no text; Koe also writes the small sheets
   (and runs the queries behind them), so the comparison leans against Koe.

Prints seconds and rows per second for each and Koe's time against the faster
peer (the goal of issue 18: ≤ 1.0).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import xlsxwriter  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from openpyxl.xml import LXML  # noqa: E402

from bench.analytics import build  # noqa: E402
from exports import responses_csv as exports  # noqa: E402
from exports import responses_xlsx as xlsx_export  # noqa: E402
from exports.xlsx_layout import DATE_FORMAT  # noqa: E402
from storage.settings import Settings  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import Survey  # noqa: E402
from surveys.times import zone_named, zone_offsets  # noqa: E402


def koe_export(folder: Path, survey: Survey, out: Path) -> tuple[float, int]:
    with Workspace.open_read_only(folder) as workspace:
        started = time.perf_counter()
        count = xlsx_export.write_xlsx(workspace.db(), survey, out)
        return time.perf_counter() - started, count


def peer_rows(folder: Path, survey: Survey) -> Callable[[], Iterator[tuple]]:
    """The Responses sheet's rows by one plain query: the same values Koe writes."""
    conn = sqlite3.connect(f"file:{folder / 'koe.sqlite3'}?mode=ro", uri=True)
    ids = dict(conn.execute("SELECT qid, id FROM questions WHERE survey_id = ?", [survey.id]))
    values, joins, params = [], [], []
    for i, question in enumerate(survey.questions):
        values.append(f"coalesce(a{i}.value_num, a{i}.value_text)")
        joins.append(f"LEFT JOIN answers a{i} ON a{i}.response_id = r.id AND a{i}.question_id = ?")
        params.append(ids[question.qid])
    standard, summer = zone_offsets(zone_named(Settings().time_zone), 2026)
    assert standard == summer, "the peers' SQL needs a zone without summer time"
    local = "strftime('%Y-%m-%d %H:%M:%S', {}, '" + f"{int(standard.total_seconds())} seconds')"
    sql = (
        f"SELECT r.id, {local.format('r.created_at')}, {local.format('r.completed_at')},"
        f" r.language, r.channel, r.source, {', '.join(values)} FROM responses r"
        f" {' '.join(joins)} WHERE r.survey_id = ? ORDER BY r.id"
    )
    parse = datetime.fromisoformat

    def rows() -> Iterator[tuple]:
        for row in conn.execute(sql, [*params, survey.id]):
            created, completed = row[1], row[2]
            yield (
                row[0],
                parse(created) if created else None,
                parse(completed) if completed else None,
                *row[3:],
            )

    return rows


def openpyxl_export(rows, heads: list[str], widths: list[float], out: Path) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Responses")
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(heads)
    for row in rows():
        sheet.append(row)
    book.save(out)
    return time.perf_counter() - started


def xlsxwriter_export(rows, heads: list[str], widths: list[float], out: Path) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    book = xlsxwriter.Workbook(
        str(out), {"constant_memory": True, "default_date_format": DATE_FORMAT}
    )
    sheet = book.add_worksheet("Responses")
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, heads)
    for number, row in enumerate(rows(), start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Koe's Excel export against openpyxl write_only (lxml) and XlsxWriter"
        " constant_memory writing the same rows, in the same run."
    )
    parser.add_argument("--responses", type=int, default=200_000, help="(default 200,000)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, in turn; best shown")
    arguments = parser.parse_args()
    count = arguments.responses
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        survey_id, _qid = build(folder, count)
        print(f"built {count:,} responses in {time.perf_counter() - started:.1f} s")
        with Workspace.open_read_only(folder) as workspace:
            db = workspace.db()
            survey = xlsx_export.survey_store.get(db, survey_id)
            zone = xlsx_export.workspace_zone(db)
            heads = xlsx_export.headings(survey, zone, "en")
            names = exports.columns(survey)
            widths = [round(w, 1) for w in xlsx_export._response_widths(db, survey, names, heads)]
        rows = peer_rows(folder, survey)
        times: dict[str, float] = {"koe": 1e9, "openpyxl": 1e9, "xlsxwriter": 1e9}
        sizes: dict[str, float] = {}
        written = 0
        for _ in range(max(1, arguments.repeat)):
            for name in times:
                out = folder / f"{name}.xlsx"
                if name == "koe":
                    elapsed, written = koe_export(folder, survey, out)
                elif name == "openpyxl":
                    elapsed = openpyxl_export(rows, heads, widths, out)
                else:
                    elapsed = xlsxwriter_export(rows, heads, widths, out)
                times[name] = min(times[name], elapsed)
                sizes[name] = out.stat().st_size / 1e6
    assert written == count
    labels = {
        "koe": "Koe write_xlsx (whole workbook)",
        "openpyxl": f"openpyxl write_only{' + lxml' if LXML else ' (no lxml!)'}",
        "xlsxwriter": "XlsxWriter constant_memory",
    }
    print(f"{'':34}{'seconds':>9}{'rows/s':>11}{'MB':>7}")
    for name, label in labels.items():
        print(f"{label:34}{times[name]:>9.2f}{count / times[name]:>11,.0f}{sizes[name]:>7.1f}")
    faster = min(times["openpyxl"], times["xlsxwriter"])
    print(f"Koe's time / the faster peer's:   {times['koe'] / faster:.2f} (goal ≤ 1.00)")
    print(f"load average:                     {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
