"""Words for campaign codes: why a contact is left out, channel modes, statuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from surveys import campaigns as c
from surveys.campaigns import Reason


def channel_name(channel: str) -> str:
    return {
        c.SMS: QCoreApplication.translate("SendLabels", "SMS"),
        c.EMAIL: QCoreApplication.translate("SendLabels", "Email"),
        c.SMS_ELSE_EMAIL: QCoreApplication.translate("SendLabels", "SMS, else email"),
    }.get(channel, channel)


def reason_text(reason: Reason) -> str:
    """One reason a contact is left out, in plain words."""
    channel = channel_name(reason.channel)
    since = (
        QLocale().toString(reason.since.date(), QLocale.FormatType.ShortFormat)
        if reason.since
        else ""
    )
    texts = {
        c.OPTED_OUT: QCoreApplication.translate("SendLabels", "Opted out of {channel}"),
        c.NO_CONSENT: QCoreApplication.translate("SendLabels", "No consent recorded for {channel}"),
        c.ANSWERED_RECENTLY: QCoreApplication.translate(
            "SendLabels", "Answered a survey recently ({date}): frequency cap"
        ),
        c.INVITED_RECENTLY: QCoreApplication.translate(
            "SendLabels", "Invited recently without answering ({date}): frequency cap"
        ),
        c.NO_PHONE: QCoreApplication.translate("SendLabels", "No usable phone number"),
        c.LANDLINE: QCoreApplication.translate("SendLabels", "Landline: cannot receive SMS"),
        c.NO_EMAIL: QCoreApplication.translate("SendLabels", "No usable email address"),
    }
    return texts.get(reason.code, reason.code).format(channel=channel, date=since)


def status_name(status: str) -> str:
    return {
        "queued": QCoreApplication.translate("SendLabels", "Queued"),
        "paused": QCoreApplication.translate("SendLabels", "Paused"),
        "sending": QCoreApplication.translate("SendLabels", "Sending"),
        "sent": QCoreApplication.translate("SendLabels", "Sent"),
        "delivered": QCoreApplication.translate("SendLabels", "Delivered"),
        "failed": QCoreApplication.translate("SendLabels", "Failed"),
        "undelivered": QCoreApplication.translate("SendLabels", "Undelivered"),
        "unknown": QCoreApplication.translate("SendLabels", "Unknown"),
        "answered": QCoreApplication.translate("SendLabels", "Answered"),
        "canceled": QCoreApplication.translate("SendLabels", "Canceled"),
        "skipped": QCoreApplication.translate("SendLabels", "Skipped"),
        "active": QCoreApplication.translate("SendLabels", "Active"),
        "done": QCoreApplication.translate("SendLabels", "Done"),
    }.get(status, status)
