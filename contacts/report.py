"""The import's report in English: the command line's lines and the CSV the owner
saves (the window words the same ``Problem`` values in its own language)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from contacts.model import ImportOutcome, MergeReport, RowProblem
from surveys.untrusted_text import spreadsheet_row

REPORT_HEADER = ("row", "column", "value", "outcome", "reason")


def problem_line(problem: RowProblem) -> str:
    where = f"row {problem.row}" + (f", column {problem.column}" if problem.column else "")
    shown = f" ({problem.value!r})" if problem.value else ""
    what = "rejected" if problem.rejected else "imported"
    return f"{where}: {what}{shown}: {problem.reason}"


def report_rows(
    problems: Iterable[RowProblem], merges: Iterable[MergeReport] = ()
) -> list[tuple[str, str, str, str, str]]:
    """Every problem and merge in row order, as the report's rows."""
    lines = [
        (p.row, 0, (str(p.row), p.column, p.value, "rejected" if p.rejected else "imported",
                    p.reason))
        for p in problems
    ] + [(m.row, 1, (str(m.row), "", "", "merged", m.reason)) for m in merges]  # fmt: skip
    return [line for _row, _order, line in sorted(lines, key=lambda item: item[:2])]


def outcome_lines(outcome: ImportOutcome) -> tuple[list[str], str]:
    """The report's lines (for stderr) and the one-line summary (for stdout)."""
    details = [problem_line(p) for p in outcome.problems]
    details += [m.reason for m in outcome.merges]
    details += [str(note) for note in outcome.notes]
    consent = ", ".join(f"{n} {c}" for c, n in sorted(outcome.consent_recorded.items()))
    opt_outs = ", ".join(f"{n} {c}" for c, n in sorted(outcome.opt_outs_recorded.items()))
    summary = (
        f"{outcome.created} contacts added, {outcome.updated} updated, "
        f"{outcome.rejected_rows} rows rejected (encoding {outcome.encoding}); "
        f"{outcome.merged_rows} rows merged; consent recorded: {consent or 'none'}; "
        f"opt-outs recorded: {opt_outs or 'none'}"
    )
    if outcome.opt_outs_kept:
        summary += f"; {outcome.opt_outs_kept} consents not recorded: opted out before"
    return details, summary


def write_report(
    problems: Iterable[RowProblem], out: TextIO, merges: Iterable[MergeReport] = ()
) -> None:
    """The report as CSV; a value quoted from the file is made safe, as in every export."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    writer.writerows(map(spreadsheet_row, report_rows(problems, merges)))
