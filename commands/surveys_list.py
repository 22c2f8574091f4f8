"""``surveys list``: one tab-separated line a survey.

The lines are a contract (DESIGN.md); a link that no customer could open is said
on standard error, one line, so scripts reading standard output see no change.
Archived surveys are left out, as in the app's list, unless ``--archived``
(they are closed: their status reads "closed").
"""

from __future__ import annotations

import sys
from typing import TextIO

from channels.links import public_link
from channels.reach import Reach, classify
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace

_WARNINGS = {
    Reach.THIS_COMPUTER: (
        "warning: these links open only on this computer ({base}), not on customers' "
        "phones; set a public address (serve --public-url, or Settings ▸ Public host)"
    ),
    Reach.LOCAL_NETWORK: (
        "warning: these links open only on this local network ({base}), not for SMS, "
        "email or codes that leave the shop; set up a public host to reach customers anywhere"
    ),
    Reach.NONE: "warning: the public address {base} is not one phones can open",
}


def _clean(text: str) -> str:
    # A title with a tab or newline would break the one-line-a-survey contract.
    return " ".join(text.split())


def run(
    workspace: Workspace, out: TextIO, err: TextIO | None = None, *, archived: bool = False
) -> int:
    db = workspace.db()
    base = settings_store.load(db).base_url()
    summaries = [s for s in survey_store.list_all(db) if archived or not s.archived]
    for summary in summaries:
        title = summary.title.get_for(summary.languages[0])
        fields = [
            str(summary.id),
            str(summary.kind),
            str(summary.status),
            _clean(title),
            public_link(base, summary.slug),
        ]
        out.write("\t".join(fields) + "\n")
    warning = _WARNINGS.get(classify(base))
    if summaries and warning:
        (err or sys.stderr).write(warning.format(base=base) + "\n")
    return 0
