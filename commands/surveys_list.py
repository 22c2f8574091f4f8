"""``surveys list``: one tab-separated line a survey."""

from __future__ import annotations

from typing import TextIO

from channels.links import public_link
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import Workspace


def _clean(text: str) -> str:
    # A title with a tab or newline would break the one-line-a-survey contract.
    return " ".join(text.split())


def run(workspace: Workspace, out: TextIO) -> int:
    db = workspace.db()
    base = settings_store.load(db).base_url()
    for summary in survey_store.list_all(db):
        title = summary.title.get_for(summary.languages[0])
        fields = [
            str(summary.id),
            str(summary.kind),
            str(summary.status),
            _clean(title),
            public_link(base, summary.slug),
        ]
        out.write("\t".join(fields) + "\n")
    return 0
