"""A workspace written before the opt-out ledger and outbox.response_id, opened by this Koe:
its opt-outs still hold, its owners' alerts are found as being about their contact, and its
queued messages still go as they were written."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlite_utils import Database

from channels.links import new_slug, new_token
from channels.outbox import Dispatcher, Timing
from storage import contact_deletion, opt_outs, schema
from storage import contacts as contact_store
from storage.database import to_text, utc_now
from storage.workspace import Workspace
from tests.channels.conftest import SmtpPeer

PRIVACY = "contact_privacy"  # the migration's name holds this


def old_survey(db: Database, stamp: str) -> int:
    """An open NPS survey with its one question, written as that Koe did (the code of
    today writes what later migrations added, such as the wording history)."""
    survey = db.execute(
        "INSERT INTO surveys (slug, kind, status, title, languages, created_at, updated_at,"
        " opened_at) VALUES (?, 'nps', 'open', '{\"en\": \"NPS\"}', '[\"en\"]', ?, ?, ?)",
        [new_slug(), stamp, stamp, stamp],
    ).lastrowid
    db.execute(
        "INSERT INTO questions (survey_id, qid, position, type, text, config)"
        " VALUES (?, 'nps', 0, 'nps', '{\"en\": \"How likely…?\"}', '{}')",
        [survey],
    )
    return survey


@pytest.fixture
def old_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace at the migration before the ledger, with a contact who opted out of
    SMS, answered, and was the subject of an alert to two owners (written as that Koe did)."""
    known = schema.migrations._migrations
    (index,) = [i for i, m in enumerate(known) if PRIVACY in m.name]
    before = known[:index]  # the migrations after it may build on it (outbox.response_id)
    monkeypatch.setattr(schema.migrations, "_migrations", before)
    folder = tmp_path / "old"
    with Workspace.open(folder) as ws:
        db = ws.db()
        assert "opted_in_at" not in db["opt_outs"].columns_dict
        stamp = to_text(utc_now())
        survey = old_survey(db, stamp)
        contact = db.execute(
            "INSERT INTO contacts (name, phone, email, created_at, updated_at)"
            " VALUES ('Aoi', '+819011112222', 'a@x.jp', ?, ?)",
            [stamp, stamp],
        ).lastrowid
        db.execute(
            "INSERT INTO opt_outs (contact_id, channel, source, created_at) VALUES (?, ?, ?, ?)",
            [contact, "sms", "reply", stamp],
        )
        delivery_id = db.execute(
            "INSERT INTO deliveries (survey_id, contact_id, channel, token, created_at)"
            " VALUES (?, ?, 'email', ?, ?)",
            [survey, contact, new_token(), stamp],
        ).lastrowid
        response = db.execute(
            "INSERT INTO responses (uid, survey_id, delivery_id, channel, language, created_at,"
            " completed_at, updated_at) VALUES (?, ?, ?, 'email', 'en', ?, ?, ?)",
            [uuid.uuid4().hex, survey, delivery_id, stamp, stamp, stamp],
        ).lastrowid
        db.execute(
            "INSERT INTO answers (response_id, question_id, value_num)"
            " SELECT ?, id, 1 FROM questions WHERE survey_id = ?",
            [response, survey],
        )
        ids = []
        for owner in ("one@shop.example", "two@shop.example"):
            cursor = db.execute(
                "INSERT INTO outbox (purpose, channel, recipient, subject, body, status,"
                " created_at, updated_at) VALUES ('owner_alert', 'email', ?, 'alert',"
                " 'From: Aoi', 'queued', ?, ?)",
                [owner, stamp, stamp],
            )
            ids.append(cursor.lastrowid)
        db.execute(
            "INSERT INTO response_messages (response_id, purpose, outbox_id, outcome, created_at)"
            " VALUES (?, 'owner_alert', ?, 'queued', ?)",
            [response, ids[0], stamp],
        )
        db.execute(
            "INSERT INTO outbox (purpose, channel, recipient, body, status, created_at,"
            " updated_at) VALUES ('test', 'email', 'b@x.jp', 'Hi, how did we do?', 'queued', ?, ?)",
            [stamp, stamp],
        )
    monkeypatch.undo()
    return folder


def test_an_old_workspace_keeps_its_opt_outs_and_its_alerts_are_found(
    old_workspace: Path, smtp: SmtpPeer
) -> None:
    with Workspace.open(old_workspace) as ws:
        db = ws.db()
        (contact,) = contact_store.iterate_all(db)
        assert contact.opt_outs == {"sms": "reply"}
        assert opt_outs.is_opted_out(db, contact.id, "sms")
        alerts = db.execute(
            "SELECT response_id FROM outbox WHERE purpose = 'owner_alert'"
        ).fetchall()
        assert len(alerts) == 2 and all(row[0] is not None for row in alerts)
        # A second opt-out of the same channel is not a second row in force.
        assert not opt_outs.opt_out(db, contact.id, "sms")

        assert contact_deletion.delete(db, contact.id)
        bodies = db.execute("SELECT body FROM outbox WHERE purpose = 'owner_alert'").fetchall()
        assert [row[0] for row in bodies] == ["", ""]
        # The message queued by the old Koe still goes, as written.
        Dispatcher(
            ws.db_path, {"email": smtp.channel(user="")}, timing=Timing(idle=0.01)
        ).run_until_idle(timeout=5)
        assert smtp.sink.count("b@x.jp") == 1
        assert smtp.sink.count("one@shop.example") == 0  # about a deleted contact: not sent
