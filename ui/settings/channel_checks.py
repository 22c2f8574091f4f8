"""Settings ▸ Messages, beyond the form: the checks that stop a save, and the test
message (sent on the worker, its outcome in plain words). The words keep the
``ChannelSettingsPanel`` translation context they had in the panel.
"""

from __future__ import annotations

import re
import zoneinfo
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QTime
from sqlite_utils import Database

from channels import trial_message
from storage import secrets
from storage.secrets import SecretStore
from storage.settings import Settings
from ui.common.problem_words import problem_text

translate = QCoreApplication.translate

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_ALPHA_ID = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$")
_SERVICE_SID = re.compile(r"^MG[0-9a-fA-F]{32}$")
_ACCOUNT_SID = re.compile(r"^AC[0-9a-fA-F]{32}$")


def sender_problem(sender: str) -> str:
    """'' when ``sender`` is a From number, an alphanumeric sender ID or a Messaging Service SID."""
    if not sender or _E164.match(sender) or _ALPHA_ID.match(sender) or _SERVICE_SID.match(sender):
        return ""
    return "sender"


def form_problems(values: dict[str, object], quiet_start: QTime, quiet_end: QTime) -> list[str]:
    """What stops saving the form's ``values`` (and sending hours), in plain words."""
    found = []
    sid = str(values["twilio_account_sid"])
    if sid and not _ACCOUNT_SID.match(sid):
        found.append(
            translate(
                "ChannelSettingsPanel",
                "The account SID starts with AC followed by 32 letters and digits.",
            )
        )
    if sender_problem(str(values["twilio_sender"])):
        found.append(
            translate(
                "ChannelSettingsPanel",
                "The sender must be a number such as +15551234567, a sender ID of up to 11 "
                "letters and digits, or a Messaging Service SID (MG…).",
            )
        )
    try:
        Decimal(str(values["sms_price_per_segment"]))
    except InvalidOperation:
        found.append(
            translate(
                "ChannelSettingsPanel", "The price per segment must be a number such as 0.0079."
            )
        )
    sender = str(values["smtp_from"])
    if sender and ("@" not in sender or " " in sender):
        found.append(
            translate("ChannelSettingsPanel", "The From address must be an email address.")
        )
    if quiet_start >= quiet_end:
        found.append(
            translate("ChannelSettingsPanel", "The sending hours must start before they end.")
        )
    if str(values["time_zone"]) not in zoneinfo.available_timezones():
        found.append(
            translate("ChannelSettingsPanel", "Choose a time zone from the list, e.g. Asia/Tokyo.")
        )
    return found


def send_trial_message(
    db: Database,
    channel: str,
    settings: Settings,
    store: SecretStore,
    recipient: str,
    language: str,
) -> trial_message.TrialOutcome:
    """Send one test message on ``channel`` (sms, email) with the saved settings (worker)."""
    if channel == "sms":
        made = trial_message.sms_channel(settings, store.get(secrets.TWILIO_AUTH_TOKEN) or "")
    else:
        made = trial_message.email_channel(settings, store.get(secrets.SMTP_PASSWORD) or "")
    return trial_message.send_trial(db, made, recipient, language=language)  # type: ignore[arg-type]


def trial_outcome_text(outcome: trial_message.TrialOutcome, recipient: str) -> str:
    """How the test message to ``recipient`` went, in plain words."""
    texts = {
        "sent": translate(
            "ChannelSettingsPanel", "The test message was sent to {to}. Check that it arrived."
        ),
        "queued": translate(
            "ChannelSettingsPanel", "The test message to {to} is with the sender; it goes shortly."
        ),
        "unknown": translate(
            "ChannelSettingsPanel",
            "It is not known whether the test message to {to} went: {error}",
        ),
        "failed": translate(
            "ChannelSettingsPanel", "The test message to {to} could not be sent: {error}"
        ),
    }
    error = problem_text(outcome.problem) if outcome.problem else outcome.error
    return texts.get(outcome.status, texts["failed"]).format(to=recipient, error=error)
