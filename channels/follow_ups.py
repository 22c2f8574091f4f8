"""Automatic follow-up by category, written to the outbox (purpose 'follow_up').

Once per response, ever: the claim is a row of ``response_messages`` (its
primary key is the response and the purpose), written in the same transaction
as the outbox row, and written too when nothing is sent (with the reason), so
a response is never looked at twice. Promoters are thanked and invited to the
referral programme (``settings.referral_url``), passives thanked and invited
to a short conversation, detractors told that someone will be in touch: Koe's
texts, or the owner's own per band and language (``Settings.follow_up_texts``).

A passive asked to talk is told how ({reply}): by answering the email, by
answering the SMS where two-way SMS reaches our own number (the reply shows on
the Send page), else through the business's page (``settings.reply_url``);
with none of these, no message asks them to reply ("no_reply_way"). An SMS is
made final by ``surveys.messages.sms_text`` (its opt-out line), as invitations are.

Only a contact reached through a personal link can be followed up (public
links are anonymous). Opt-outs always hold; consent on the channel is needed
whenever the workspace requires it, and always for a referral ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from channels.links import unsubscribe_link
from channels.sms import replies_available
from storage import comments, follow_up
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import outbox as outbox_store
from storage.database import to_text, utc_now, writing
from storage.settings import Settings
from surveys.business import fill_company
from surveys.messages import sms_text

PURPOSE = "follow_up"
BANDS = ("promoter", "passive", "detractor")
LANGUAGES = ("ja", "en")
PLACEHOLDERS = ("{name}", "{company}", "{referral}", "{reply}")
# What a band's text cannot do without: a promoter is offered the referral programme,
# a passive is asked to talk and so must be told how ({reply}: see reply_way).
REQUIRED = {"promoter": "{referral}", "passive": "{reply}"}

# Koe's texts, by band and language: (subject, body). The owner's own replace them
# per band and language (Settings.follow_up_texts, edited in Settings).
DEFAULT_TEXTS = {
    ("promoter", "en"): (
        "Thank you!",
        "Thank you for your kind answer to {company}. If you would like to recommend a friend,"
        " the referral programme is here: {referral}",
    ),
    ("promoter", "ja"): (
        "ありがとうございます",
        "{company}への温かいご回答をありがとうございました。お知り合いにもご紹介いただける方は、"
        "こちらの紹介プログラムをご覧ください: {referral}",
    ),
    ("passive", "en"): (
        "Thank you for your answer",
        "Thank you for your answer to {company}. We would love a short conversation about"
        " what we could do better for you. {reply}",
    ),
    ("passive", "ja"): (
        "ご回答ありがとうございました",
        "{company}へのご回答ありがとうございました。より良くするために、少しお話を伺えれば幸いです。"
        "{reply}",
    ),
    ("detractor", "en"): (
        "We hear you",
        "Thank you for telling {company}. We are sorry we fell short; someone from the team"
        " will be in touch with you soon.",
    ),
    ("detractor", "ja"): (
        "ご意見ありがとうございます",
        "{company}への率直なご意見をありがとうございました。ご期待に沿えず申し訳ありません。"
        "担当者より近日中にご連絡いたします。",
    ),
}

# How a customer asked to talk reaches a person ({reply}): by answering the message
# where that works (an email reaches the sender's mailbox; an SMS our own number where
# two-way SMS exists, and shows in the app), else through the business's own page.
REPLY_WORDS = {
    "sms": {"en": "Simply reply to this message.", "ja": "このメッセージにご返信ください。"},
    "email": {"en": "Simply reply to this email.", "ja": "このメールにご返信ください。"},
    "link": {
        "en": "You can write to the team here: {url}",
        "ja": "こちらからご連絡ください: {url}",
    },
}


@dataclass(frozen=True)
class Outcome:
    response_id: int
    # queued | no_contact | opted_out | no_consent | no_address | no_referral | no_reply_way
    outcome: str
    outbox_id: int | None = None


def text_for(band: str, language: str, settings: Settings) -> tuple[str, str]:
    """The (subject, body) template of a band in a language: the owner's, else Koe's."""
    lang = "ja" if language == "ja" else "en"
    for row_band, row_language, subject, body in settings.follow_up_texts:
        if (row_band, row_language) == (band, lang) and body.strip():
            return subject, body
    return DEFAULT_TEXTS[(band, lang)]


def reply_way(channel: str, recipient: str, language: str, settings: Settings) -> str | None:
    """How this customer can answer a person, in words for {reply}; None when there is no
    way (an SMS that cannot be answered and no page to write to)."""
    lang = "ja" if language == "ja" else "en"
    if channel == "email":
        return REPLY_WORDS["email"][lang]
    if settings.twilio_sender.startswith("+") and replies_available(recipient):
        return REPLY_WORDS["sms"][lang]  # answered to our own number: shown in the app
    if settings.reply_url:
        return REPLY_WORDS["link"][lang].format(url=settings.reply_url)
    return None


def fill(template: str, *, language: str, name: str, settings: Settings, reply: str) -> str:
    """A follow-up template with its placeholders filled; other braces stay as they are."""
    lang = "ja" if language == "ja" else "en"
    # Without a name, a plain phrase for the kind of business ("this shop"), never "us".
    named = fill_company(template, settings.business_name, settings.business_kind, lang)
    return (
        named.replace("{name}", name.strip() or ("お客" if lang == "ja" else "there"))
        .replace("{referral}", settings.referral_url)
        .replace("{reply}", reply)
    )


def unknown_placeholders(text: str) -> list[str]:
    """``{words}`` in ``text`` that are not placeholders (a typo the customer would read)."""
    found = re.findall(r"\{[^{}\s]*\}", text)
    return list(dict.fromkeys(p for p in found if p not in PLACEHOLDERS))


def message(
    band: str,
    language: str,
    settings: Settings,
    *,
    channel: str = "email",
    recipient: str = "",
    name: str = "",
    unsubscribe_url: str = "",
) -> tuple[str, str] | None:
    """The subject and body as sent (an SMS with its opt-out line, through
    ``surveys.messages.sms_text``); None when the text asks for a reply that this
    customer has no way to give."""
    subject, body = text_for(band, language, settings)
    reply = ""
    if "{reply}" in body:
        way = reply_way(channel, recipient, language, settings)
        if way is None:
            return None
        reply = way
    filled = fill(body, language=language, name=name, settings=settings, reply=reply)
    if channel == "sms":
        filled = sms_text(
            filled, language=language, recipient=recipient, unsubscribe_url=unsubscribe_url
        )
    return subject, filled


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
    unsubscribe = unsubscribe_link(settings.base_url(), delivery.token) if delivery.token else ""
    written = message(
        band,
        language,
        settings,
        channel=channel,
        recipient=recipient,
        name=contact.name,
        unsubscribe_url=unsubscribe,
    )
    if written is None:
        return done("no_reply_way")
    subject, body = written
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
