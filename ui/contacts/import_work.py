"""The contact import's three steps as work for a LongJob (its own thread and database
connection): read the file and find its mapping, work the whole file out, write it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import contacts as cf
from contacts import ImportCancelled, ImportOptions, ImportOutcome, Preview, Table
from storage.workspace import Workspace
from ui.common.long_job import Progress
from ui.contacts.import_preview_step import Figures, figures

Read = tuple[Table, list[str], bool]  # the table, its mapping, whether it was remembered
Checked = tuple[Preview, Figures]


def reading_work(
    workspace: Workspace, path: Path, encoding: str | None
) -> Callable[[Progress], Read]:
    """Read ``path`` and find its mapping, as a LongJob's work (its own connection)."""

    def work(progress: Progress) -> Read:
        progress(0, 0)
        table = cf.read_table(path, encoding)
        if not progress(0, 0):  # reading cannot stop midway: its result is dropped
            raise ImportCancelled
        try:
            mapping, remembered = cf.mapping_for(workspace.db(), table.header)
        finally:
            workspace.close_thread_connection()
        return table, mapping, remembered

    return work


def checking_work(
    workspace: Workspace, table: Table, mapping: list[str], options: ImportOptions
) -> Callable[[Progress], Checked]:
    """The whole file worked out (nothing written) and counted, as a LongJob's work."""

    def work(progress: Progress) -> Checked:
        try:
            found = cf.preview(table, mapping, options, db=workspace.db(), progress=progress)
        finally:
            workspace.close_thread_connection()
        return found, figures(found)

    return work


def importing_work(workspace: Workspace, preview: Preview) -> Callable[[Progress], ImportOutcome]:
    """The preview written in one transaction (a cancel rolls it back), as a LongJob's work."""

    def work(progress: Progress) -> ImportOutcome:
        try:
            return cf.apply(workspace.db(), preview, progress=progress)
        finally:
            workspace.close_thread_connection()

    return work
