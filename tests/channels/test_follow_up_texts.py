"""The owner's own follow-up texts per band and language, and a passive's way to talk.

A passive is asked to talk: the message says how, and that way reaches a person —
an SMS reply to our own number where two-way SMS exists (kept and listed for the
owner), otherwise the business's page; with neither, nobody is asked to reply.
"""

from __future__ import annotations

from channels import follow_ups
from channels.follow_ups import queue_follow_ups
from channels.links import new_token
from channels.outbox import Dispatcher, Timing
from storage import contacts as contact_store
from storage import deliveries, responses
from storage import outbox as store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.model import Survey
from surveys.sms import sms_segments
from tests.channels.conftest import OUR_NUMBER, sms_channel
from tests.twilio_server import TwilioServer

PUBLIC_URL = "https://survey.example-shop.jp"
REPLY_PAGE = "https://cafe-koe.example.jp/contact"
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0, status_every=0.0)


def settings(workspace: Workspace, **changes: object) -> settings_store.Settings:
    values: dict[str, object] = {
        "auto_follow_up": True,
        "referral_url": "https://cafe-koe.example.jp/friends",
        "business_name": "珈琲こえ",
        "public_url": PUBLIC_URL,
        "twilio_sender": OUR_NUMBER,
    }
    values.update(changes)
    return settings_store.save(workspace.db(), **values)


def answered(
    workspace: Workspace, survey: Survey, score: int, *, phone: str, language: str, name: str
) -> tuple[int, str]:
    """A contact who answered an SMS invitation; returns (contact id, delivery token)."""
    db = workspace.db()
    contact = contact_store.add(db, name=name, phone=phone, language=language)
    contact_store.give_consent(db, contact, "sms", "form")
    token = new_token()
    delivery = deliveries.create(
        db, survey_id=survey.id, token=token, channel="sms", contact_id=contact
    )
    responses.record(db, survey, {"nps": score}, language=language, delivery=delivery)
    return contact, token


def queued(workspace: Workspace) -> list[tuple[str, str | None, str]]:
    return (
        workspace.db()
        .execute(
            "SELECT recipient, subject, body FROM outbox WHERE purpose = 'follow_up' ORDER BY id"
        )
        .fetchall()
    )


def test_the_owners_text_replaces_koes_for_its_band_and_language_only(
    workspace: Workspace, nps_survey: Survey
) -> None:
    own = "{name}様、{company}の店長です。ご不便をおかけしました。お電話いたします。"
    on = settings(workspace, follow_up_texts=[["detractor", "ja", "お詫び", own]])
    answered(workspace, nps_survey, 2, phone="+819011110001", language="ja", name="山田")
    answered(workspace, nps_survey, 2, phone="+14155550101", language="en", name="Ann")
    answered(workspace, nps_survey, 10, phone="+819011110002", language="ja", name="佐藤")
    assert [o.outcome for o in queue_follow_ups(workspace.db(), on)] == ["queued"] * 3
    japanese, english, promoter = queued(workspace)
    assert japanese[2].startswith("山田様、珈琲こえの店長です。ご不便をおかけしました。")
    assert "We are sorry we fell short" in english[2]  # Koe's text, as before
    assert promoter[2].startswith("珈琲こえへの温かいご回答をありがとうございました。")
    assert "https://cafe-koe.example.jp/friends" in promoter[2]
    # Kept across a reload of the settings, as the desktop and serve read them.
    stored = settings_store.load(workspace.db()).follow_up_texts
    assert stored == (("detractor", "ja", "お詫び", own),)


def test_a_passive_texted_in_japan_is_given_a_page_that_reaches_a_person(
    workspace: Workspace, nps_survey: Survey
) -> None:
    on = settings(workspace, reply_url=REPLY_PAGE)
    _, token = answered(workspace, nps_survey, 8, phone="+819011110003", language="ja", name="")
    assert [o.outcome for o in queue_follow_ups(workspace.db(), on)] == ["queued"]
    ((_, _, body),) = queued(workspace)
    assert f"こちらからご連絡ください: {REPLY_PAGE}" in body
    assert "返信" not in body  # nobody can answer an SMS in Japan
    assert body.endswith(f"\n配信停止 {PUBLIC_URL}/u/{token}")  # made final like invitations
    assert sms_segments(body).segments <= 3


def test_with_no_way_to_reply_a_passive_is_not_asked_to(
    workspace: Workspace, nps_survey: Survey
) -> None:
    # No page to write to; Japan has no two-way SMS, and a sender ID cannot be answered.
    named = settings(workspace, twilio_sender="CafeKoe")
    answered(workspace, nps_survey, 7, phone="+819011110004", language="ja", name="")
    answered(workspace, nps_survey, 7, phone="+14155550102", language="en", name="Bo")
    assert [o.outcome for o in queue_follow_ups(workspace.db(), named)] == ["no_reply_way"] * 2
    assert queued(workspace) == []


def test_a_passive_texted_in_a_two_way_country_replies_and_the_reply_is_kept(
    workspace: Workspace, nps_survey: Survey, twilio: TwilioServer
) -> None:
    on = settings(workspace, reply_url=REPLY_PAGE)
    phone = "+14155550103"
    answered(workspace, nps_survey, 8, phone=phone, language="en", name="Ann")
    assert [o.outcome for o in queue_follow_ups(workspace.db(), on)] == ["queued"]
    dispatcher = Dispatcher(workspace.db_path, {"sms": sms_channel(twilio)}, timing=FAST)
    dispatcher.run_until_idle()
    (sent,) = twilio.state.outbound()
    assert "Simply reply to this message." in sent.body and REPLY_PAGE not in sent.body
    assert sent.body.endswith("\nReply STOP to opt out")
    twilio.state.add_inbound(phone, OUR_NUMBER, "Coffee was cold. Call me after 6?")
    dispatcher.check_now()
    (reply,) = store.sms_replies(workspace.db())
    assert (reply.contact_name, reply.sender, reply.body) == (
        "Ann",
        phone,
        "Coffee was cold. Call me after 6?",
    )


def test_unknown_placeholders_are_found_for_the_owner() -> None:
    assert follow_ups.unknown_placeholders("Hi {nmae}, from {company}: {reply} {}") == [
        "{nmae}",
        "{}",
    ]
    assert follow_ups.unknown_placeholders(follow_ups.DEFAULT_TEXTS[("passive", "ja")][1]) == []
