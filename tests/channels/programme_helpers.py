"""A workspace set up for programme tests, the runner's tick and the real dispatcher,
all on one fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from channels import lane
from channels import programmes as runner
from channels.outbox import Dispatcher, Timing
from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import programmes as store
from storage import settings as settings_store
from storage.database import to_text, writing
from surveys.programmes import Programme
from tests.channels.conftest import SmtpPeer
from tests.clock import FakeClock

# After the contacts' real created_at, so a programme starting then counts from its start.
START = datetime(2027, 1, 4, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo


def set_up(db: Database, **settings: object) -> None:
    values: dict[str, object] = {
        "public_url": "https://koe.example.com",
        "business_name": "Test Shop",
        "time_zone": "Asia/Tokyo",
        "quiet_start": "09:00",
        "quiet_end": "20:00",
        "cap_answer_days": 90,
        "cap_invitation_days": 30,
    }
    values.update(settings)
    settings_store.save(db, **values)


def add_contacts(db: Database, count: int, **attributes_of: dict[str, str]) -> list[int]:
    ids = []
    with writing(db):
        for n in range(1, count + 1):
            ids.append(
                contact_store.add(
                    db,
                    name=f"Customer {n}",
                    email=f"c{n}@example.com",
                    attributes=attributes_of.get(f"c{n}", {}),
                )
            )
    return ids


def programme(survey_id: int, kind: str, **fields: object) -> Programme:
    return replace(
        Programme(survey_id=survey_id, name=f"{kind} programme", kind=kind, starts_at=START),
        mode="email",
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture(name="clock")
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """One fake clock for the runner and the dispatcher's "what is due"."""
    fake = FakeClock(START)
    monkeypatch.setattr(lane, "utc_now", fake)
    monkeypatch.setattr(store, "utc_now", fake)
    return fake


class Sender:
    """The runner's tick and the real dispatcher sending through aiosmtpd."""

    def __init__(self, db: Database, db_path: object, smtp: SmtpPeer, clock: FakeClock) -> None:
        self.db = db
        self.clock = clock
        self.dispatcher = Dispatcher(
            db_path,  # type: ignore[arg-type]
            {"email": smtp.channel()},
            timing=Timing(idle=0.01),
        )

    def tick(self) -> int:
        queued = runner.tick(self.db, self.clock(), settle=0)
        if outbox_store.due(self.db, "email", now=self.clock(), limit=1):
            self.dispatcher.run_until_idle(30)
        return queued

    def run(self, *, days: float, step_hours: float = 1.0) -> Iterator[datetime]:
        end = self.clock() + timedelta(days=days)
        while self.clock() < end:
            self.tick()
            yield self.clock()
            self.clock.advance(hours=step_hours)


def invitations(db: Database, programme_id: int) -> list[dict]:
    """The programme's invitation rows, oldest first, with their contact."""
    return list(
        db.query(
            "SELECT o.*, d.contact_id, d.answered_at FROM outbox o"
            " JOIN deliveries d ON d.id = o.delivery_id"
            " WHERE d.programme_id = ? AND o.purpose = 'invitation' ORDER BY o.not_before, o.id",
            [programme_id],
        )
    )


def answer(db: Database, delivery_id: int, when: datetime) -> None:
    with writing(db):
        db.execute(
            "UPDATE deliveries SET answered_at = ?, status = 'answered' WHERE id = ?",
            [to_text(when), delivery_id],
        )
