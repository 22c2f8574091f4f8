"""``contacts import`` and ``contacts export`` (DESIGN.md, command-line contract)."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path
from typing import TextIO

from channels import contacts_io
from channels.contacts_import import (
    ImportFileError,
    default_region,
    propose_mapping,
    read_table,
    report_lines,
)
from commands.errors import CommandError
from storage import settings as settings_store
from storage.workspace import Workspace


def system_region(workspace: Workspace) -> str:
    """JP when the workspace's language is Japanese, else from the system locale."""
    if settings_store.load(workspace.db()).language == "ja":
        return "JP"
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return default_region(name)


def run_import(
    workspace: Workspace,
    path: Path,
    region: str | None,
    encoding: str | None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Import ``path`` with the proposed mapping; 0 when committed, 1 when nothing was."""
    if not path.is_file():
        raise CommandError(f"no such file: {path}")
    try:
        table = read_table(path, encoding)
    except ImportFileError as error:
        raise CommandError(str(error)) from None
    mapping = propose_mapping(table.header)
    outcome = contacts_io.run_import(
        workspace.db(), table, mapping, region or system_region(workspace)
    )
    for row, column, value, what, reason in report_lines(outcome.issues):
        where = f"row {row}" + (f", column {column}" if column else "")
        shown = f" ({value!r})" if value else ""
        print(f"{where}: {what}{shown}: {reason}", file=err)
    created, updated = outcome.result.created, outcome.result.updated
    print(
        f"{created} contacts added, {updated} updated, {outcome.rejected_rows} rows rejected "
        f"(encoding {table.encoding})",
        file=out,
    )
    return 0 if created + updated else 1


def run_export(workspace: Workspace, out_path: Path | None) -> int:
    if out_path is None:
        contacts_io.export_csv(workspace.db(), sys.stdout)
        return 0
    try:
        with out_path.open("w", encoding="utf-8", newline="") as out:
            count = contacts_io.export_csv(workspace.db(), out)
    except OSError as error:
        raise CommandError(f"cannot write {out_path}: {error.strerror or error}") from None
    print(f"{count} contacts written to {out_path}")
    return 0
