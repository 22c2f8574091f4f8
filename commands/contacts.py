"""``contacts import`` and ``contacts export`` (DESIGN.md, command-line contract)."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path
from typing import TextIO

import contacts as cf
from commands.errors import CommandError
from storage import settings as settings_store
from storage.workspace import Workspace

CONSENT_CHOICES = {"none": frozenset(), "sms": frozenset({"sms"}),
                   "email": frozenset({"email"}), "both": frozenset({"sms", "email"})}  # fmt: skip


def system_region(workspace: Workspace) -> str:
    """JP when the workspace's language is Japanese, else from the system locale."""
    if settings_store.load(workspace.db()).language == "ja":
        return "JP"
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return cf.default_region(name)


def run_import(
    workspace: Workspace,
    path: Path,
    region: str | None,
    encoding: str | None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    consent: str = "none",
) -> int:
    """Import ``path`` with the mapping remembered for its header (else the proposed
    one); 0 when committed, 1 when nothing was. ``consent``: what a file without a
    consent column means (none, sms, email, both)."""
    if not path.is_file():
        raise CommandError(f"no such file: {path}")
    try:
        table = cf.read_table(path, encoding)
    except cf.ImportFileError as error:
        raise CommandError(str(error)) from None
    db = workspace.db()
    mapping, _remembered = cf.mapping_for(db, table.header)
    for problem in cf.mapping_problems(mapping):
        raise CommandError(f"{path.name}: {problem}")
    options = cf.ImportOptions(
        region=(region or system_region(workspace)).upper(),
        file_name=path.name,
        consent_without_column=CONSENT_CHOICES[consent],
    )
    outcome = cf.run_import(db, table, mapping, options)
    details, summary = cf.outcome_lines(outcome)
    for line in details:
        print(line, file=err)
    print(summary, file=out)
    return 0 if outcome.created + outcome.updated else 1


def run_export(workspace: Workspace, out_path: Path | None) -> int:
    if out_path is None:
        cf.export_csv(workspace.db(), sys.stdout)
        return 0
    try:
        count = cf.export_contacts(workspace.db(), out_path)
    except OSError as error:
        raise CommandError(f"cannot write {out_path}: {error.strerror or error}") from None
    print(f"{count} contacts written to {out_path}")
    return 0
