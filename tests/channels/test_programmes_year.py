"""A recurring programme over a simulated year: every N days per contact, never inside
the frequency cap, first sends spread, quiet hours kept, opted-out contacts left alone."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from storage import opt_outs
from storage import programmes as store
from storage.database import from_text
from tests.channels.programme_helpers import (
    START,
    Sender,
    add_contacts,
    answer,
    fake_clock,  # noqa: F401 (the fixture "clock")
    invitations,
    programme,
    set_up,
)

TOKYO = ZoneInfo("Asia/Tokyo")
EVERY = 60


def test_a_year_of_a_recurring_programme(workspace, nps_survey, smtp, clock):
    db = workspace.db()
    set_up(db)
    ids = add_contacts(db, 12)
    opted_out = ids[-1]
    opt_outs.opt_out(db, opted_out, "email")
    answering = set(ids[0:3])  # these answer each invitation the next day
    made = store.create(
        db, programme(nps_survey.id, "recurring", every_days=EVERY, spread_days=14, reminders=1)
    )
    sender = Sender(db, workspace.db_path, smtp, clock)

    for now in sender.run(days=365, step_hours=3):
        for row in invitations(db, made.id):
            went = from_text(row["not_before"])
            waiting = row["contact_id"] in answering and row["status"] == "sent"
            if waiting and not row["answered_at"] and now >= went + timedelta(days=1):
                answer(db, row["delivery_id"], went + timedelta(days=1))

    rows = invitations(db, made.id)
    by_contact = defaultdict(list)
    for row in rows:
        assert row["status"] in ("sent", "answered"), row
        by_contact[row["contact_id"]].append(row)

    # Each message reached the mail server once.
    for n, contact_id in enumerate(ids, start=1):
        sent = by_contact[contact_id]
        reminders = db.execute(
            "SELECT count(*) FROM outbox o JOIN deliveries d ON d.id = o.delivery_id"
            " WHERE d.contact_id = ? AND o.purpose = 'reminder' AND o.status = 'sent'",
            [contact_id],
        ).fetchone()[0]
        assert smtp.sink.count(f"c{n}@example.com") == len(sent) + reminders

    assert by_contact[opted_out] == []
    assert smtp.sink.count(f"c{len(ids)}@example.com") == 0
    first_days = []
    year_end = START + timedelta(days=365)
    for contact_id in ids[:-1]:
        moments = [from_text(r["not_before"]) for r in by_contact[contact_id]]
        first_days.append((moments[0] - START).days)
        for moment in moments:
            assert 9 <= moment.astimezone(TOKYO).hour < 20  # inside the quiet hours
        gaps = [b - a for a, b in itertools.pairwise(moments)]
        if contact_id in answering:
            # The cap holds them 90 days after each answer (a day after the invitation).
            assert len(moments) >= 3 and moments[-1] + timedelta(days=92) > year_end
            assert all(timedelta(days=91) <= gap <= timedelta(days=92) for gap in gaps)
        else:
            # Every 60 days (to the hour the tick saw it), none missed before the year's end.
            assert len(moments) >= 6 and moments[-1] + timedelta(days=EVERY + 1) > year_end
            assert all(timedelta(days=EVERY) <= gap < timedelta(days=EVERY + 1) for gap in gaps)
            # Their reminders went three days after each invitation (not answered).
            reminders = db.execute(
                "SELECT count(*) FROM outbox o JOIN deliveries d ON d.id = o.delivery_id"
                " WHERE d.contact_id = ? AND o.purpose = 'reminder' AND o.status = 'sent'",
                [contact_id],
            ).fetchone()[0]
            assert reminders == sum(1 for m in moments if m + timedelta(days=3) < clock())
    # The first sends were spread over the 14-day window, not all on the first morning.
    assert max(first_days) <= 14 and len(set(first_days)) >= 8
    # The opted-out contact is in the ledger as skipped, each time round.
    ledger = store.history(db, made.id, limit=1000)
    skipped = [row for row in ledger if row.contact_id == opted_out]
    assert skipped and {row.status for row in skipped} == {"skipped"}
    assert {row.reason for row in skipped} == {"opted_out"}
    # The answering contacts were held by the cap, then sent: the ledger says so.
    stats = store.stats(db, made.id)
    assert stats.sent == len(rows)
    # Held by the cap now: only answering contacts, and each is in the ledger once.
    held = [row.contact_id for row in ledger if row.status == "capped"]
    assert set(held) <= answering and len(held) == len(set(held))
    assert stats.answered == sum(len(by_contact[c]) for c in answering)
    capped_then_sent = db.execute(
        "SELECT count(*) FROM programme_sends WHERE programme_id = ? AND status = 'queued'"
        " AND sent_at > date(due_at, '+1 day')",
        [made.id],
    ).fetchone()[0]
    assert capped_then_sent >= 6  # the answering contacts' sends after the first
