"""Automatic follow-up by category, written to the outbox (purpose 'follow_up').

Once per response, ever: the claim is a row of ``response_messages`` (its
primary key is the response and the purpose), written in the same transaction
as the outbox row, and written too when nothing is sent (with the reason), so
a response is never looked at twice. Promoters are thanked and invited to the
referral programme (``settings.referral_url``), passives thanked and invited
to a short conversation, detractors told that someone will be in touch.

Only a contact reached through a personal link can be followed up (public
links are anonymous). Opt-outs always hold; consent on the channel is needed
whenever the workspace requires it, and always for a referral ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from storage import comments, follow_up
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import outbox as outbox_store
from storage.database import to_text, utc_now, writing
from storage.settings import Settings

PURPOSE = "follow_up"

# {business} is " to <name>" / "<name>への" with a business name, nothing without
# one; no text stands "us" in for the name, so each reads whole either way.
_TEMPLATES = {
    ("promoter", "en"): (
        "Thank you!",
        "Thank you for your kind answer{business}. If you would like to recommend a friend,"
        " the referral programme is here: {referral}",
    ),
    ("promoter", "ja"): (
        "ありがとうございます",
        "{business}温かいご回答をありがとうございました。お知り合いにもご紹介いただける方は、"
        "こちらの紹介プログラムをご覧ください: {referral}",
    ),
    ("passive", "en"): (
        "Thank you for your answer",
        "Thank you for answering{business}. We would love a short conversation about what"
        " we could do better for you: simply reply to this message.",
    ),
    ("passive", "ja"): (
        "ご回答ありがとうございました",
        "{business}ご回答ありがとうございました。より良くするために、少しお話を伺えれば幸いです。"
        "このメッセージにご返信ください。",
    ),
    ("detractor", "en"): (
        "We hear you",
        "Thank you for your honest answer{business}. We are sorry we fell short; someone from"
        " the team will be in touch with you soon.",
    ),
    ("detractor", "ja"): (
        "ご意見ありがとうございます",
        "{business}率直なご意見をありがとうございました。ご期待に沿えず申し訳ありません。"
        "担当者より近日中にご連絡いたします。",
    ),
}


@dataclass(frozen=True)
class Outcome:
    response_id: int
    outcome: str  # queued | no_contact | opted_out | no_consent | no_address | no_referral
    outbox_id: int | None = None


def message(band: str, language: str, settings: Settings) -> tuple[str, str]:
    """The subject and body for a band in a language (ja or en)."""
    lang = "ja" if language == "ja" else "en"
    subject, body = _TEMPLATES[(band, lang)]
    name = settings.business_name
    business = (f"{name}への" if lang == "ja" else f" to {name}") if name else ""
    return subject, body.format(business=business, referral=settings.referral_url)


def _claim(db: Database, response_id: int, outcome: str, outbox_id: int | None, now: str) -> bool:
    return follow_up.claim_message(db, response_id, PURPOSE, outcome, outbox_id, now)


def _already(db: Database, response_id: int) -> bool:
    return follow_up.has_message(db, response_id, PURPOSE)


def queue_follow_ups(
    db: Database, settings: Settings, after_id: int = 0, now: datetime | None = None
) -> list[Outcome]:
    """Write the follow-ups of responses after ``after_id`` not yet followed up."""
    if not settings.auto_follow_up:
        return []
    moment = now or utc_now()
    stamp = to_text(moment) or ""
    outcomes = []
    for response_id, _survey_id, _score, band, _comment in comments.headline_scores(db, after_id):
        if _already(db, response_id):
            continue
        with writing(db):
            outcome = _one(db, settings, response_id, band, stamp)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _one(
    db: Database, settings: Settings, response_id: int, band: str, stamp: str
) -> Outcome | None:
    delivery_id, response_language = follow_up.origin(db, response_id)
    delivery = delivery_store.get(db, delivery_id) if delivery_id else None

    def done(outcome: str, outbox_id: int | None = None) -> Outcome | None:
        if _claim(db, response_id, outcome, outbox_id, stamp):
            return Outcome(response_id, outcome, outbox_id)
        return None

    if delivery is None or delivery.contact_id is None:
        return done("no_contact")
    contact = contact_store.get(db, delivery.contact_id)
    channel = delivery.channel if delivery.channel in ("sms", "email") else "email"
    recipient = contact.phone if channel == "sms" else contact.email
    if not recipient:
        return done("no_address")
    if channel in contact.opt_outs:
        return done("opted_out")
    asks = band == "promoter"  # a referral ask always needs consent
    if (asks or settings.consent_required) and channel not in contact.consents:
        return done("no_consent")
    if asks and not settings.referral_url:
        return done("no_referral")
    language = contact.language or response_language
    subject, body = message(band, language, settings)
    if _already(db, response_id):
        return None
    outbox_id = outbox_store.enqueue(
        db,
        channel=channel,
        recipient=recipient,
        body=body,
        subject=subject if channel == "email" else None,
        purpose=PURPOSE,
        delivery_id=delivery.id,
        response_id=response_id,
    )
    return done("queued", outbox_id)
