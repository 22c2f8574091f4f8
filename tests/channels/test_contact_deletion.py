"""Deleting a contact deletes all their personal data, wherever the file holds it.

The contact goes through everything a real one does — imported from a CSV with
the number as typed, invited by SMS through the local Twilio server, an email
held as fallback, a reply and HELP by SMS, an answer with a comment that names
them, the owners' detractor alert (aiosmtpd), a follow-up, a case note, a test
message — then is deleted. Every column of every table of the file (virtual
tables and FTS shadow tables included, text and blobs) is searched for their
name, number (E.164, as typed, national digits) and email address: a table added
later that keeps any of them fails this test without being named here.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from channels import replies
from channels.base import InboundMessage
from channels.follow_ups import queue_follow_ups
from channels.links import new_token, personal_link, unsubscribe_link
from channels.outbox import Dispatcher, Timing
from channels.owner_alerts import queue_owner_alerts
from contacts import propose_mapping, read_table, run_import
from storage import campaigns as campaign_store
from storage import comment_index, contact_deletion, contact_imports, follow_up, opt_outs, responses
from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import settings as settings_store
from storage.contact_deletion import DELETED
from storage.deliveries import find_by_token
from storage.workspace import Workspace
from surveys.campaign_plan import PlannedDelivery, PlannedMessage
from surveys.model import Survey
from tests.channels.conftest import SmtpPeer, sms_channel
from tests.twilio_server import TwilioServer

NAME = "山田花子"
TYPED_PHONE = "090-1234-5678"
PHONE = "+819012345678"
EMAIL = "Hanako.Yamada@example.jp"
# What the import keeps beside them: the reading of the name, a second mobile and a
# second address, a birthday, a last visit, a tag, consent from a column (with the
# file's name as its detail).
FURIGANA = "ヤマダハナコ"
SECOND_TYPED_PHONE = "080-5555-6666"
SECOND_PHONE = "+818055556666"
SECOND_EMAIL = "hanako@work.example.jp"
BIRTHDAY = "1985-04-12"
LAST_VISIT = "2024-05-03"
TAG = "花組VIP"
NEEDLES = (NAME, TYPED_PHONE, PHONE, "09012345678", EMAIL, FURIGANA, SECOND_TYPED_PHONE,
           SECOND_PHONE, "08055556666", SECOND_EMAIL, BIRTHDAY, LAST_VISIT, TAG)  # fmt: skip
OTHER = "佐藤一郎"  # another contact, kept: proves the search finds what is there
PUBLIC_URL = "https://koe.example.jp"
OWNER = "owner@shop.example"
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0)
CSV = (
    "氏名,フリガナ,電話番号,携帯電話2,メールアドレス,PCメールアドレス,誕生日,最終来店日,タグ,"
    "メール配信\r\n"
    f"{NAME},{FURIGANA},{TYPED_PHONE},{SECOND_TYPED_PHONE},{EMAIL},{SECOND_EMAIL},{BIRTHDAY},"
    f"{LAST_VISIT},{TAG},する\r\n"
    f"{OTHER},,080-9999-0000,,ichiro@example.jp,,,,,\r\n"
)


def holding(db_path: Path, needles: tuple[str, ...]) -> dict[str, set[str]]:
    """{"table.column": needles found} over every table and column of the file."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        found: dict[str, set[str]] = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes):
                        text = value.decode("utf-8", "replace").lower()
                    elif isinstance(value, str):
                        text = value.lower()
                    else:
                        continue
                    hits = {n for n in needles if n.lower() in text}
                    if hits:
                        found.setdefault(f"{table}.{column}", set()).update(hits)
        return found
    finally:
        conn.close()


@pytest.fixture
def settings(workspace: Workspace, smtp: SmtpPeer):
    return settings_store.save(
        workspace.db(),
        public_url=PUBLIC_URL,
        business_name="Test Shop",
        owners=["店長"],
        owner_emails=[("店長", OWNER)],
        alert_email=True,
        auto_follow_up=True,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="koe@shop.example",
    )


def _import(workspace: Workspace, tmp_path: Path, text: str = CSV, phone: str = PHONE) -> int:
    path = tmp_path / "顧客.csv"
    path.write_bytes(text.encode("cp932"))
    table = read_table(path)
    outcome = run_import(workspace.db(), table, propose_mapping(table.header), "JP")
    assert outcome.created + outcome.updated == text.count("\n") - 1
    (contact,) = [c for c in contact_store.iterate_all(workspace.db()) if c.phone == phone]
    return contact.id


def _campaign(db, survey: Survey, contact_id: int) -> str:
    """An SMS invitation and reminder naming the contact, and the fallback email."""
    token = new_token()
    link, unsubscribe = personal_link(PUBLIC_URL, token), unsubscribe_link(PUBLIC_URL, token)
    now = datetime.now(UTC)
    later = now + timedelta(days=3)
    messages = (
        PlannedMessage(
            "invitation", "sms", PHONE, None, f"{NAME}様 {link}\n配信停止: {unsubscribe}", now
        ),
        PlannedMessage("reminder", "sms", PHONE, None, f"{NAME}様、再送 {link}", later),
        PlannedMessage("invitation", "email", EMAIL, f"{NAME}様へ", f"{NAME}様\n{link}", now, True),
    )
    campaign_store.create(
        db,
        survey_id=survey.id,
        name="Spring",
        settings={},
        deliveries=[PlannedDelivery(contact_id, "sms", token, "ja", messages)],
    )
    return token


def _send(workspace: Workspace, twilio: TwilioServer, smtp: SmtpPeer) -> None:
    Dispatcher(
        workspace.db_path,
        {"sms": sms_channel(twilio), "email": smtp.channel(user="")},
        timing=FAST,
    ).run_until_idle(timeout=10)


def _reply(db, sid: str, body: str) -> str | None:
    return replies.handle(db, InboundMessage(sid, PHONE, body, datetime.now(UTC)))


def test_deleting_a_contact_leaves_nothing_of_them_in_any_table(
    workspace: Workspace,
    nps_survey: Survey,
    twilio: TwilioServer,
    smtp: SmtpPeer,
    settings,
    tmp_path: Path,
) -> None:
    db = workspace.db()
    contact_id = _import(workspace, tmp_path)
    imported = contact_store.get(db, contact_id)
    assert (imported.furigana, imported.birthday, imported.last_visit, imported.tags) == (
        FURIGANA,
        BIRTHDAY,
        LAST_VISIT,
        (TAG,),
    )
    assert [p[0] for p in imported.phones] == [SECOND_PHONE]
    assert [e[0] for e in imported.emails] == [SECOND_EMAIL]
    contact_store.give_consent(db, contact_id, "sms", contact_store.CONSENT_FORM)
    opt_outs.opt_out(db, contact_id, "email")
    token = _campaign(db, nps_survey, contact_id)
    _send(workspace, twilio, smtp)
    assert twilio.state.counts() == {PHONE: 1}

    assert _reply(db, "SMhelp", "HELP") == "help"
    assert _reply(db, "SMtext", f"{NAME}です。{TYPED_PHONE}に電話ください") == "ignored"
    # From their second mobile, a message they sent to their second address earlier.
    replies.handle(db, InboundMessage("SMsecond", SECOND_PHONE, "別の番号です", datetime.now(UTC)))
    outbox_store.enqueue(db, channel="email", recipient=SECOND_EMAIL, body="以前のお知らせ")
    delivery = find_by_token(db, token)
    comment = (
        f"{NAME}（{FURIGANA}）です。{TYPED_PHONE}（{PHONE}）か {EMAIL.lower()}、"
        f"または {SECOND_TYPED_PHONE}・{SECOND_EMAIL} までご連絡ください。"
    )
    response_id = responses.record(
        db, nps_survey, {"nps": 2, "reason": comment}, language="ja", delivery=delivery
    )
    assert [o.outcome for o in queue_owner_alerts(db, settings, 0, "ja")] == ["queued"]
    assert [o.outcome for o in queue_follow_ups(db, settings)] == ["queued"]
    follow_up.save(db, response_id, status="contacted", owner="店長", note=f"{NAME}様に電話済み")
    outbox_store.enqueue(db, channel="sms", recipient=PHONE, body=f"テスト {NAME}様")
    _send(workspace, twilio, smtp)
    assert smtp.sink.count(OWNER) == 1  # the alert went, naming the contact
    alert_id = db.execute("SELECT id FROM outbox WHERE purpose = 'owner_alert'").fetchone()[0]
    outbox_store.enqueue(  # a second owner's alert about them, still waiting
        db, channel="email", recipient="late@shop.example", body=f"From: {NAME}",
        subject="alert", purpose="owner_alert", response_id=response_id,
    )  # fmt: skip
    outbox_store.enqueue(db, channel="sms", recipient=PHONE, body=f"{NAME}様、もう一通")

    comment_index.catch_up(db)  # the comment is in the search index, as once searched
    before = holding(workspace.db_path, NEEDLES)
    # The contact really is everywhere this test says: the search is not vacuous.
    places = ["contacts.name", "contacts.phone", "contacts.email", "outbox.body", "outbox.subject",
              "outbox.recipient", "sms_inbound.sender", "sms_inbound.body", "answers.value_text",
              "comments_fts_content.c0", "detractor_cases.note", "contacts.furigana",
              "contacts.sort_key", "contacts.birthday", "contacts.last_visit", "contacts.tags",
              "contact_addresses.value"]  # fmt: skip
    assert [place for place in places if place not in before] == []
    assert before["contact_addresses.value"] == {SECOND_PHONE, SECOND_EMAIL}
    assert {SECOND_PHONE, SECOND_EMAIL} <= before["outbox.recipient"] | before["sms_inbound.sender"]
    kept_with_them = ("consents", "opt_outs", "contact_addresses")
    counts = {t: db.execute(f"SELECT count(*) FROM {t} WHERE contact_id = ?", [contact_id])
              .fetchone()[0] for t in kept_with_them}  # fmt: skip
    assert counts == {"consents": 2, "opt_outs": 1, "contact_addresses": 2}
    assert contact_imports.consent_details(db, contact_id) == {"email": "顧客.csv"}
    assert NAME in (outbox_store.get(db, alert_id).body)

    assert contact_deletion.delete(db, contact_id)

    assert holding(workspace.db_path, NEEDLES) == {}
    counts = {t: db.execute(f"SELECT count(*) FROM {t} WHERE contact_id = ?", [contact_id])
              .fetchone()[0] for t in kept_with_them}  # fmt: skip
    assert counts == dict.fromkeys(kept_with_them, 0)
    assert holding(workspace.db_path, (OTHER,)) == {
        "contacts.name": {OTHER},
        "contacts.sort_key": {OTHER},  # the other contact, kept: it sorts by its name
    }
    # The answer stays, anonymous: its score, and its comment with them blanked out.
    stored = db.execute(
        "SELECT a.value_num, r.delivery_id FROM answers a JOIN responses r ON r.id = a.response_id"
        " WHERE r.id = ? AND a.value_num IS NOT NULL",
        [response_id],
    ).fetchone()
    assert tuple(stored) == (2, delivery.id)
    assert db.execute("SELECT contact_id FROM deliveries").fetchone()[0] is None
    assert (
        "までご連絡ください"
        in db.execute("SELECT value_text FROM answers WHERE value_text IS NOT NULL").fetchone()[0]
    )
    # What had not gone yet never will; the sender has nothing left to send.
    deleted = {r.purpose for r in outbox_store.in_status(db, "skipped") if r.error == DELETED}
    assert deleted == {"test", "owner_alert"}
    assert outbox_store.status_counts(db)["queued"] == 0
    _send(workspace, twilio, smtp)
    assert smtp.sink.count("late@shop.example") == 0
    assert twilio.state.counts()[PHONE] == 4  # invitation, HELP text, follow-up, test: no more
    # A reply polled again is still known (and not handled again).
    assert _reply(db, "SMtext", "STOP") is None


def test_a_deleted_contact_who_opted_out_is_not_invited_again_when_imported_again(
    workspace: Workspace, tmp_path: Path
) -> None:
    db = workspace.db()
    contact_id = _import(workspace, tmp_path)
    opt_outs.opt_out(db, contact_id, "sms", source="reply")
    assert contact_deletion.delete(db, contact_id)
    assert holding(workspace.db_path, NEEDLES) == {}

    again = _import(workspace, tmp_path)
    contact = contact_store.get(db, again)
    assert contact.opt_outs == {"sms": opt_outs.SOURCE_KEPT}
    assert campaign_store.audience(db, [again])[0].opted_out == frozenset({"sms"})
    # START from that number later: they may be messaged again, and deleting and
    # importing them once more does not bring the old opt-out back.
    assert _reply(db, "SMstart", "START") == "opt_in"
    assert contact_store.get(db, again).opt_outs == {}
    assert contact_deletion.delete(db, again)
    third = _import(workspace, tmp_path)
    assert contact_store.get(db, third).opt_outs == {}


def test_an_opt_out_is_kept_for_every_number_and_address_of_a_deleted_contact(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Deleted with a second mobile and a second address kept by the import, the person
    comes back in a file with only those: still opted out of both channels, and the
    file holds no trace of either (a digest only)."""
    db = workspace.db()
    contact_id = _import(workspace, tmp_path)
    opt_outs.opt_out(db, contact_id, "sms", source="reply")
    opt_outs.opt_out(db, contact_id, "email", source="link")
    assert contact_deletion.delete(db, contact_id)
    assert holding(workspace.db_path, NEEDLES) == {}

    back = f"氏名,携帯番号,メールアドレス\r\n山田 花子,{SECOND_TYPED_PHONE},{SECOND_EMAIL}\r\n"
    again = _import(workspace, tmp_path, back, SECOND_PHONE)
    assert contact_store.get(db, again).opt_outs == {
        "sms": opt_outs.SOURCE_KEPT,
        "email": opt_outs.SOURCE_KEPT,
    }
    # Typed in the contact dialog instead, the second address alone is enough too.
    assert contact_deletion.delete(db, again)
    typed = contact_store.save(
        db, None, name="花子", phone=None, phone_kind=None, email=SECOND_EMAIL.upper(),
        language="ja", attributes={}, consents=[], opt_outs=[],
    )  # fmt: skip
    assert typed.opt_outs == {"email": opt_outs.SOURCE_KEPT}
