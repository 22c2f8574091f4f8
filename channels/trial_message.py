"""Settings' "Send a test message": one message through the outbox, now, and what happened.

The message is an outbox row (purpose 'test') before any network call, as
every outgoing message is; it is then claimed and sent at once, on its own,
so a test never flushes the campaigns waiting in the queue. If the sender
claimed it first, it goes with the sender's next batch. A test is not
retried: its error is shown in plain words for the user to fix the settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from channels.base import Channel, ChannelProblem, OutcomeUnknown, OutgoingMessage
from channels.email import SmtpEmail, SmtpSettings
from channels.sender import sender_fields
from channels.sms import TwilioSettings, TwilioSms
from storage import outbox as outbox_store
from storage.settings import Settings
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

TEXT = {
    "en": "This is a test message from Koe. Your {channel} settings work.",
    "ja": "Koeからのテストメッセージです。{channel}の設定は正しく動作しています。",
}
SUBJECT = {"en": "Koe test message", "ja": "Koeテストメッセージ"}


@dataclass(frozen=True)
class TrialOutcome:
    outbox_id: int
    status: str  # sent | failed | unknown | queued (the sender took it)
    error: str = ""  # in English, with the provider's code
    problem: Problem | None = None  # the error as the window words it (surveys.problems)


def sms_channel(settings: Settings, auth_token: str) -> TwilioSms:
    """The Twilio channel from the workspace's settings and the token from the keyring."""
    sender = settings.twilio_sender
    if not settings.twilio_account_sid or not auth_token or not sender:
        raise Explained(
            Problem(
                QT_TRANSLATE_NOOP(
                    "Problems", "Fill in the account SID, the auth token and the sender first."
                )
            )
        )
    return TwilioSms(
        TwilioSettings(
            account_sid=settings.twilio_account_sid,
            auth_token=auth_token,
            rate_per_second=settings.sms_per_second,
            # Where the sender's SMS go (channels.sender): a test goes the same way.
            base_url=settings.twilio_api_url or None,
            **sender_fields(sender),
        )
    )


def email_channel(settings: Settings, password: str) -> SmtpEmail:
    if not settings.smtp_host or not settings.smtp_from:
        raise Explained(
            Problem(QT_TRANSLATE_NOOP("Problems", "Fill in the server and the From address first."))
        )
    return SmtpEmail(
        SmtpSettings(
            host=settings.smtp_host,
            port=settings.smtp_port,
            from_address=settings.smtp_from,
            security=settings.smtp_security,
            user=settings.smtp_user,
            password=password,
            from_name=settings.business_name,
            business_address=settings.postal_address,
        )
    )


def send_trial(
    db: Database, channel: Channel, recipient: str, *, language: str = "en"
) -> TrialOutcome:
    """Queue one test message to ``recipient`` and send it now through ``channel``."""
    lang = language if language in TEXT else "en"
    words = {"sms": "SMS", "email": "email" if lang == "en" else "メール"}
    body = TEXT[lang].format(channel=words.get(channel.name, channel.name))
    subject = SUBJECT[lang] if channel.name == "email" else None
    outbox_id = outbox_store.enqueue(
        db, channel=channel.name, recipient=recipient, body=body, subject=subject, purpose="test"
    )
    if not outbox_store.claim(db, outbox_id, body=body):
        return TrialOutcome(outbox_id, "queued")
    message = OutgoingMessage(
        outbox_id=outbox_id, recipient=recipient, body=body, subject=subject, language=lang
    )
    try:
        result = channel.send(message)
    except OutcomeUnknown as error:
        outbox_store.mark_unknown(db, outbox_id, error.problem)
        return TrialOutcome(outbox_id, "unknown", str(error), error.problem)  # type: ignore[arg-type]
    except ChannelProblem as error:
        outbox_store.mark_failed(db, outbox_id, error.problem, error.code)
        return TrialOutcome(outbox_id, "failed", str(error), error.problem)  # type: ignore[arg-type]
    finally:
        close = getattr(channel, "close", None)
        if close is not None:
            close()
    outbox_store.mark_sent(db, outbox_id, result.provider_id)
    return TrialOutcome(outbox_id, "sent")
