"""CSV export of a million responses, against Python's csv module writing the same rows.

Run: ``uv run python bench/export_csv.py [--responses N]`` (N defaults to 1,000,000).

1. Builds a workspace with an NPS survey and N responses (``build`` from
   bench/analytics.py: a score each, a comment on every tenth).
2. Koe: ``exports.export_csv`` on a read-only workspace, as ``main.py export
   --format csv --out FILE`` runs it (the stable columns, ``None`` as an empty
   cell, a .partial file renamed, the codebook beside it).
3. The ceiling, in the same run on the same file: one plain ``sqlite3`` query
   that fetches the same values (a LEFT JOIN per question; SQLite's strftime
   writes each time in the workspace's zone) and ``csv.writer`` writing them.
   The two files are compared byte for byte, so the ceiling cannot be fast by
   writing less. Koe also looks for cells a spreadsheet would
   run as formulas (surveys/untrusted_text.py); these answers hold none, so the
   files stay the same and the ratio shows what the looking costs.
4. Memory: the peak of Python allocations (tracemalloc) during a Koe export, and
   the maximum resident set of ``main.py export --format csv`` run as its own
   process. Neither grows with N when the export streams.
5. For information: the Excel export (``xlsx_export.write_xlsx``) of the same survey
   (bench/export_xlsx.py compares it with openpyxl and XlsxWriter).
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.analytics import build  # noqa: E402
from exports import responses_csv as exports  # noqa: E402
from exports import responses_xlsx as xlsx_export  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.settings import Settings  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import Survey  # noqa: E402
from surveys.times import offset_text, zone_named, zone_offsets  # noqa: E402


def koe_export(folder: Path, survey_id: int, out: Path) -> tuple[float, int]:
    """Seconds and rows of Koe's CSV export, the command line's code path."""
    workspace = Workspace.open_read_only(folder)
    try:
        db = workspace.db()
        survey = survey_store.get(db, survey_id)
        started = time.perf_counter()
        count, _codebook = exports.export_csv(db, survey, out)
        return time.perf_counter() - started, count
    finally:
        workspace.close()


def ceiling_export(folder: Path, survey: Survey, out: Path) -> float:
    """Seconds for a bare query and ``csv.writer`` to write the same file."""
    conn = sqlite3.connect(f"file:{folder / 'koe.sqlite3'}?mode=ro", uri=True)
    ids = {
        qid: row_id
        for qid, row_id in conn.execute(
            "SELECT qid, id FROM questions WHERE survey_id = ?", [survey.id]
        )
    }
    values, joins, params = [], [], []
    for i, question in enumerate(survey.questions):
        values.append(f"coalesce(a{i}.value_num, a{i}.value_text)")
        joins.append(f"LEFT JOIN answers a{i} ON a{i}.response_id = r.id AND a{i}.question_id = ?")
        params.append(ids[question.qid])
        if question.other_option:
            values.append(f"a{i}.value_other")
    # The workspace's zone (Tokyo, the default) keeps one offset all year: SQLite
    # itself can write each time in it, as Koe's export does in Python.
    zone = zone_named(Settings().time_zone)
    standard, summer = zone_offsets(zone, 2026)
    assert standard == summer, "the ceiling's SQL needs a zone without summer time"
    shift = f"'{int(standard.total_seconds())} seconds'"
    offset = f"'{offset_text(standard).removeprefix('UTC')}'"
    local = "strftime('%Y-%m-%dT%H:%M:%S', {column}, " + shift + ") || " + offset
    sql = (
        f"SELECT r.id, {local.format(column='r.created_at')},"
        f" {local.format(column='r.completed_at')}, r.language, r.channel, r.source, "
        + ", ".join(values)
        + " FROM responses r "
        + " ".join(joins)
        + " WHERE r.survey_id = ? ORDER BY r.id"
    )
    started = time.perf_counter()
    with out.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(exports.columns(survey))
        writer.writerows(conn.execute(sql, [*params, survey.id]))
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def python_peak(folder: Path, survey_id: int, out: Path) -> float:
    """MB: the peak of Python allocations during a Koe export (tracemalloc slows it down)."""
    tracemalloc.start()
    try:
        koe_export(folder, survey_id, out)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def cli_max_rss(folder: Path, survey_id: int, out: Path) -> tuple[float, float]:
    """(seconds, MB): ``main.py export --format csv`` as its own process, and its
    maximum resident set (the largest of the children waited for so far: this is the first)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--data-dir", str(folder),
         "--survey", str(survey_id), "--format", "csv", "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Koe's CSV export against sqlite3 + the csv module writing the same"
        " bytes (the ceiling), its memory, and the Excel export's time."
    )
    parser.add_argument(
        "--responses", type=int, default=1_000_000, help="responses built (default 1,000,000)"
    )
    count = parser.parse_args().responses
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        survey_id, _qid = build(folder, count)
        size = (folder / "koe.sqlite3").stat().st_size / 1e6
        print(f"built {count:,} responses in {time.perf_counter() - started:.1f} s ({size:.0f} MB)")
        with Workspace.open_read_only(folder) as workspace:
            survey = survey_store.get(workspace.db(), survey_id)

        koe_out, bare_out = folder / "koe.csv", folder / "bare.csv"
        # Best of two each, alternating, so neither side alone gets a warm cache.
        koe_s, bare_s, rows = float("inf"), float("inf"), 0
        for _ in range(2):
            elapsed, rows = koe_export(folder, survey_id, koe_out)
            koe_s = min(koe_s, elapsed)
            bare_s = min(bare_s, ceiling_export(folder, survey, bare_out))
        same = filecmp.cmp(koe_out, bare_out, shallow=False)
        megabytes = koe_out.stat().st_size / 1e6
        cli_s, rss = cli_max_rss(folder, survey_id, folder / "cli.csv")
        peak = python_peak(folder, survey_id, koe_out)
        xlsx_started = time.perf_counter()
        with Workspace.open_read_only(folder) as workspace:
            xlsx_export.write_xlsx(workspace.db(), survey, folder / "koe.xlsx")
        xlsx_s = time.perf_counter() - xlsx_started
        xlsx_mb = (folder / "koe.xlsx").stat().st_size / 1e6

    koe_rate, bare_rate = rows / koe_s, rows / bare_s
    print(f"rows:              {rows:,} ({megabytes:.0f} MB of CSV)")
    print(f"same bytes:        {same} (Koe's file and the ceiling's)")
    print(f"Koe CSV export:    {koe_s:6.2f} s  {koe_rate:10,.0f} rows/s")
    print(f"ceiling:           {bare_s:6.2f} s  {bare_rate:10,.0f} rows/s (sqlite3 + csv module)")
    print(f"ratio:             {koe_s / bare_s:.2f}× the ceiling's time")
    print(f"main.py export:    {cli_s:6.2f} s as its own process, max RSS {rss:.0f} MB")
    print(f"Python peak:       {peak:.1f} MB during the export (tracemalloc)")
    print(f"Excel export:      {xlsx_s:6.2f} s  {rows / xlsx_s:10,.0f} rows/s ({xlsx_mb:.0f} MB)")
    print(f"load average:      {os.getloadavg()[0]:.2f}")
    if not same:
        sys.exit("the ceiling's file differs from Koe's: the comparison is not fair")


if __name__ == "__main__":
    main()
