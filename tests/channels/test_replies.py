"""SMS replies polled from the local Twilio-compatible server and handled once each."""

from __future__ import annotations

import csv
import io

import pytest

from channels.outbox import Dispatcher, Timing
from channels.replies import keyword
from channels.sms import replies_available, with_opt_out_link
from contacts import export_csv
from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import opt_outs
from storage import outbox as store
from storage import responses as response_store
from storage import settings as settings_store
from storage.deliveries import find_by_token
from storage.workspace import Workspace
from surveys.model import Survey
from tests.channels.conftest import OUR_NUMBER, sms_channel
from tests.channels.outbox_helpers import PUBLIC_URL, add_contact, queue_invitation
from tests.twilio_server import TwilioServer

FAST = Timing(idle=0.01, retry_base=0.0)
PHONE = "+15550007777"


@pytest.fixture(autouse=True)
def public_url(workspace: Workspace) -> None:
    settings_store.save(workspace.db(), public_url=PUBLIC_URL, business_name="Test Shop")


def _poll(workspace: Workspace, twilio: TwilioServer) -> Dispatcher:
    dispatcher = Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST)
    dispatcher.run_until_idle()  # sends what is queued (invitations)
    dispatcher.check_now()
    dispatcher.run_until_idle()  # and what replies queued (help texts)
    return dispatcher


@pytest.mark.parametrize(
    "reply",
    ["STOP", "stop", " Stop. ", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
     "OPTOUT", "停止", "配信停止", "ＳＴＯＰ"],
)  # fmt: skip
def test_opt_out_keywords(workspace: Workspace, twilio: TwilioServer, reply: str) -> None:
    contact = add_contact(workspace.db(), phone=PHONE)
    twilio.state.add_inbound(PHONE, OUR_NUMBER, reply)
    _poll(workspace, twilio)
    assert opt_outs.is_opted_out(workspace.db(), contact, "sms")


def test_start_opts_back_in_and_each_reply_counts_once(
    workspace: Workspace, twilio: TwilioServer
) -> None:
    db = workspace.db()
    contact = add_contact(db, phone=PHONE)
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "STOP")
    _poll(workspace, twilio)
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "start")
    _poll(workspace, twilio)
    assert not opt_outs.is_opted_out(db, contact, "sms")
    _poll(workspace, twilio)  # the STOP is listed again by Twilio: handled already
    assert not opt_outs.is_opted_out(db, contact, "sms")
    actions = [r["action"] for r in db.query("SELECT action FROM sms_inbound ORDER BY rowid")]
    assert actions == ["opt_out", "opt_in"]


def test_start_keeps_the_opt_out_as_history_and_a_later_stop_counts_again(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    contact = add_contact(db, phone=PHONE)
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "STOP")
    _poll(workspace, twilio)
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "START")
    _poll(workspace, twilio)

    # The opt-out is kept, closed by the opt-in; nothing reads them as opted out.
    kept = db.execute("SELECT source FROM opt_outs WHERE contact_id = ?", [contact]).fetchall()
    assert [tuple(row) for row in kept] == [("reply",)]
    (first,) = opt_outs.history(db, contact)
    assert (first.source, first.opted_in_source) == ("reply", "reply")
    assert first.opted_in_at is not None and first.opted_in_at >= first.created_at
    assert opt_outs.list_for_contact(db, contact) == []
    assert contact_store.get(db, contact).opt_outs == {}
    assert campaign_store.audience(db, [contact])[0].opted_out == frozenset()
    assert contact_store.count_matching(db, status=contact_store.FILTER_OPTED_OUT) == 0
    exported = io.StringIO()
    export_csv(db, exported)
    row = next(csv.DictReader(io.StringIO(exported.getvalue())))
    assert (row["sms_opt_out"], row["email_opt_out"]) == ("", "")
    invited, _ = queue_invitation(db, nps_survey.id, "sms", PHONE, contact_id=contact)
    _poll(workspace, twilio)
    assert store.get(db, invited).status == "sent"  # they can be messaged again

    twilio.state.add_inbound(PHONE, OUR_NUMBER, "STOP")
    _poll(workspace, twilio)
    history = opt_outs.history(db, contact)
    assert [o.opted_in_at is None for o in history] == [False, True]
    assert opt_outs.is_opted_out(db, contact, "sms")
    again, _ = queue_invitation(db, nps_survey.id, "sms", PHONE, contact_id=contact)
    _poll(workspace, twilio)
    assert store.get(db, again).status == "skipped"


def test_unticking_an_opt_out_by_hand_keeps_it_as_history(workspace: Workspace) -> None:
    db = workspace.db()
    contact = add_contact(db, phone=PHONE)
    opt_outs.opt_out(db, contact, "sms", source="link")
    stored = contact_store.get(db, contact)
    fields = {
        "name": stored.name, "phone": stored.phone, "phone_kind": None, "email": None,
        "language": None, "attributes": {},
    }  # fmt: skip
    assert contact_store.update(db, contact, **fields, opt_outs=[]).opt_outs == {}
    (closed,) = opt_outs.history(db, contact)
    assert (closed.source, closed.opted_in_source) == ("link", "manual")
    assert contact_store.update(db, contact, **fields, opt_outs=["sms"]).opt_outs == {
        "sms": "manual"
    }
    assert len(opt_outs.history(db, contact)) == 2


def test_help_gets_the_help_text(workspace: Workspace, twilio: TwilioServer) -> None:
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "HELP")
    _poll(workspace, twilio)
    (sent,) = twilio.state.outbound()
    assert sent.to == PHONE and "Test Shop" in sent.body and "STOP" in sent.body


def test_help_before_the_business_has_a_name_names_no_one_else(
    workspace: Workspace, twilio: TwilioServer
) -> None:
    settings_store.save(workspace.db(), business_name="")
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "HELP")
    _poll(workspace, twilio)
    (sent,) = twilio.state.outbound()
    # Not "Koe: …": the customer knows the business, not the app it uses.
    assert sent.body.startswith("Customer survey messages.") and "Koe" not in sent.body


def test_a_bare_number_answers_the_latest_open_delivery(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    db = workspace.db()
    assert nps_survey.id is not None
    contact = add_contact(db, phone=PHONE)
    _, token = queue_invitation(db, nps_survey.id, "sms", PHONE, contact_id=contact)
    _poll(workspace, twilio)  # the invitation goes
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "11")  # out of 0–10: ignored
    twilio.state.add_inbound(PHONE, OUR_NUMBER, "９")  # full-width 9
    _poll(workspace, twilio)
    delivery = find_by_token(db, token)
    assert delivery is not None and delivery.answered
    assert response_store.count(db, nps_survey.id) == 1
    (row,) = store.in_status(db, "answered")
    assert row.delivery_id == delivery.id


def test_no_replies_from_japan_so_the_link_is_there() -> None:
    assert not replies_available("+819012345678")
    assert replies_available("+14155550100")
    url = f"{PUBLIC_URL}/u/abcdefgh12345678"
    assert with_opt_out_link("アンケート", "+819012345678", url).endswith(f"配信停止 {url}")
    assert with_opt_out_link("Survey", "+14155550100", url) == "Survey"
    assert keyword(" ｓｔｏｐ！") == "STOP"
