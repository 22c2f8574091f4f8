"""``contacts events import FILE``: customer events from a CSV (docs/programmes.md).

The file needs a contact column (phone, email or customer id), an event column and
a date column. Every bad row is printed on stderr with its line number and nothing
is stored (exit 1); otherwise the events are stored in one transaction, the rows
that name no known contact are listed, and the summary goes to stdout (exit 0).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from commands.contacts import system_region
from commands.errors import CommandError
from storage import contact_events
from storage.workspace import Workspace


def run_import(
    workspace: Workspace,
    path: Path,
    region: str | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    if not path.is_file():
        raise CommandError(f"no such file: {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    outcome = contact_events.store_file(
        workspace.db(), data, path.name, region=(region or system_region(workspace)).upper()
    )
    if outcome.error:
        raise CommandError(f"{path.name}: {outcome.error}")
    for problem in outcome.problems:
        print(f"row {problem.line}: {problem.words}", file=err)
    if outcome.problems:
        print(f"{path.name}: nothing imported: {len(outcome.problems)} bad rows", file=err)
        return 1
    for line in outcome.unknown_contacts:
        print(f"row {line}: no contact with this phone, email or customer id", file=err)
    print(
        f"{outcome.stored} events added, {outcome.known} already known, "
        f"{len(outcome.unknown_contacts)} rows name no contact",
        file=out,
    )
    return 0
