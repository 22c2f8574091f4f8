"""``serve`` on a workspace with contacts runs its programmes: an event starts a send,
the sender's process queues and sends it, and a restart sends nothing twice."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import contact_events
from storage import contacts as contact_store
from storage import programmes as store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.programmes import Programme
from tests.channels.conftest import SmtpPeer
from tests.channels.test_serve_sender import _serve, _stop
from tests.conftest import make_survey


def _noon_somewhere() -> str:
    """A zone where it is now about noon, so the sending window is open."""
    offset = 12 - datetime.now(UTC).hour
    return f"Etc/GMT{-offset:+d}"


def test_serve_queues_and_sends_a_programme_once_across_restarts(
    tmp_path: Path, smtp: SmtpPeer
) -> None:
    folder = tmp_path / "workspace"
    now = datetime.now(UTC)
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        settings_store.save(
            db,
            public_url="https://koe.example.com",
            smtp_host="127.0.0.1",
            smtp_port=smtp.port,
            smtp_security="none",
            smtp_from="survey@shop.example",
            time_zone=_noon_somewhere(),
        )
        contact = contact_store.add(db, name="Aiko", email="aiko@example.jp")
        survey = make_survey(workspace, "csat")
        assert survey.id is not None
        store.create(
            db,
            Programme(
                survey_id=survey.id,
                name="After a purchase",
                kind="event",
                mode="email",
                event_name="purchase",
                reminders=0,
                starts_at=now - timedelta(days=1),
            ),
        )
        contact_events.add(db, contact, "purchase", now - timedelta(minutes=5), "till")

    for _ in range(2):  # started, stopped, started again
        process = _serve(folder)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and smtp.sink.count("aiko@example.jp") == 0:
            time.sleep(0.05)
        out = _stop(process)
        assert smtp.sink.count("aiko@example.jp") == 1, out
    with Workspace.open(folder) as workspace:
        assert store.stats(workspace.db(), 1).sent == 1
