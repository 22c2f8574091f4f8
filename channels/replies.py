"""SMS replies, where two-way SMS exists (not Japan: see ``channels.sms.replies_available``).

Twilio's opt-out keywords and 停止 / 配信停止 opt the sender out of SMS;
START / UNSTOP opt back in; HELP gets the help text (queued in the outbox like
every message); a bare number in range answers the headline (first scale)
question of the sender's latest open SMS delivery. Anything else is a person's
own words (action "ignored": Koe does nothing with it): kept, and listed on the
Send page ("SMS replies") for someone to answer. Each inbound message is
handled once (by Twilio's SID).
"""

from __future__ import annotations

import unicodedata

from sqlite_utils import Database

from channels.base import InboundMessage
from storage import opt_outs
from storage import outbox as store
from storage import responses as response_store
from storage import surveys as survey_store
from storage.database import writing
from storage.deliveries import get as get_delivery
from storage.responses import AlreadyAnswered

OPT_OUT = frozenset(
    {
        "STOP",
        "STOPALL",
        "UNSUBSCRIBE",
        "CANCEL",
        "END",
        "QUIT",
        "REVOKE",
        "OPTOUT",
        "停止",
        "配信停止",
    }
)
OPT_IN = frozenset({"START", "UNSTOP"})
HELP = frozenset({"HELP", "INFO", "ヘルプ"})
SOURCE_REPLY = "reply"

HELP_TEXT = {
    "en": "{name}: customer survey messages. Reply STOP to opt out, START to opt back in.",
    "ja": "{name}からのアンケートのご案内です。配信停止は「停止」と返信してください。",
}
# Before the business has a name: the same without one (never Koe's name: the
# customer does not know Koe, only the business).
HELP_TEXT_UNNAMED = {
    "en": "Customer survey messages. Reply STOP to opt out, START to opt back in.",
    "ja": "アンケートのご案内です。配信停止は「停止」と返信してください。",
}


def keyword(body: str) -> str:
    """The reply as a keyword: full-width folded, trimmed, upper case, end punctuation gone."""
    text = unicodedata.normalize("NFKC", body).strip().upper()
    return text.rstrip(".!。！")


def handle(db: Database, message: InboundMessage, *, business_name: str = "") -> str | None:
    """Act on one inbound SMS; returns the action, or None if it was handled before."""
    if store.inbound_seen(db, message.sid):
        return None
    word = keyword(message.body)
    delivery_id: int | None = None
    with writing(db):
        if word in OPT_OUT:
            action = "opt_out"
            for contact_id in store.contacts_by_phone(db, message.sender):
                opt_outs.opt_out(db, contact_id, "sms", source=SOURCE_REPLY)
        elif word in OPT_IN:
            action = "opt_in"
            store.opt_in_sms(db, message.sender)
        elif word in HELP:
            action = "help"
            language = "ja" if message.sender.startswith("+81") else "en"
            store.enqueue(
                db,
                channel="sms",
                recipient=message.sender,
                body=HELP_TEXT[language].format(name=business_name.strip())
                if business_name.strip()
                else HELP_TEXT_UNNAMED[language],
                purpose="reply",
            )
        elif word.isdigit() and (found := store.latest_open_sms_delivery(db, message.sender)):
            delivery_id, survey_id = found
            action = "answer" if _answer(db, delivery_id, survey_id, int(word)) else "ignored"
        else:
            action = "ignored"
        store.record_inbound(
            db,
            sid=message.sid,
            sender=message.sender,
            body=message.body,
            received_at=message.received_at,
            action=action,
            delivery_id=delivery_id,
        )
    return action


def _answer(db: Database, delivery_id: int, survey_id: int, score: int) -> bool:
    survey = survey_store.get(db, survey_id)
    headline = survey.headline_question
    scale = headline.scale if headline is not None else None
    delivery = get_delivery(db, delivery_id)
    if headline is None or scale is None or score not in scale or delivery is None:
        return False
    try:
        response_store.record(
            db, survey, {headline.qid: score}, language=survey.default_language, delivery=delivery
        )
    except AlreadyAnswered:
        return False
    return True
