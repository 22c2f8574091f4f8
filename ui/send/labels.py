"""Words for campaign codes: why a contact is left out, channel modes, statuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from surveys import campaigns as c
from surveys.campaigns import Reason


def _tr(text: str) -> str:
    return QCoreApplication.translate("SendLabels", text)


def channel_name(channel: str) -> str:
    return {
        c.SMS: _tr("SMS"),
        c.EMAIL: _tr("Email"),
        c.SMS_ELSE_EMAIL: _tr("SMS, else email"),
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
        c.OPTED_OUT: _tr("Opted out of {channel}"),
        c.NO_CONSENT: _tr("No consent recorded for {channel}"),
        c.ANSWERED_RECENTLY: _tr("Answered a survey recently ({date}): frequency cap"),
        c.INVITED_RECENTLY: _tr("Invited recently without answering ({date}): frequency cap"),
        c.NO_PHONE: _tr("No usable phone number"),
        c.LANDLINE: _tr("Landline: cannot receive SMS"),
        c.NO_EMAIL: _tr("No usable email address"),
    }
    return texts.get(reason.code, reason.code).format(channel=channel, date=since)


def status_name(status: str) -> str:
    return {
        "queued": _tr("Queued"),
        "paused": _tr("Paused"),
        "sending": _tr("Sending"),
        "sent": _tr("Sent"),
        "delivered": _tr("Delivered"),
        "failed": _tr("Failed"),
        "undelivered": _tr("Undelivered"),
        "unknown": _tr("Unknown"),
        "answered": _tr("Answered"),
        "canceled": _tr("Canceled"),
        "skipped": _tr("Skipped"),
        "active": _tr("Active"),
        "done": _tr("Done"),
    }.get(status, status)
