"""``programmes list``: one tab-separated line a programme (docs/programmes.md).

Columns: id, kind (recurring|date|event), state (active|paused), name, invitations
sent, answered, response rate (percent, "-" before any send), waiting on the
frequency cap, and when its next send is due (ISO 8601, UTC; "-" when none).
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TextIO

from channels import programmes as runner
from storage import programmes as store
from storage.database import to_text, utc_now
from storage.workspace import Workspace


def run(workspace: Workspace, out: TextIO = sys.stdout, now: datetime | None = None) -> int:
    db = workspace.db()
    moment = now or utc_now()
    for programme in store.list_all(db):
        stats = store.stats(db, programme.id)
        rate = "-" if stats.response_rate is None else f"{stats.response_rate:.0%}"
        upcoming = runner.next_sends(db, programme, moment, limit=1)
        following = to_text(upcoming[0].due_at) if upcoming else "-"
        state = "paused" if programme.paused else "active"
        fields = (programme.id, programme.kind, state, programme.name, stats.sent,
                  stats.answered, rate, stats.capped, following)  # fmt: skip
        print("\t".join(str(field) for field in fields), file=out)
    return 0
