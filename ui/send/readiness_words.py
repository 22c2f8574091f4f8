"""Words for a channel's readiness and for why a queued message waits (channels/readiness.py).

The review step, the Send page's banner and the progress rows all take their
words from here, so the same state always reads the same.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QObject

from channels import readiness as r
from channels.readiness import ChannelState, Waiting
from ui.send.labels import channel_name

# What the button beside a problem does: open Settings ▸ Messages, unlock, restart.
FIX_SETTINGS, FIX_UNLOCK, FIX_RESTART = "settings", "unlock", "restart"
_FIX = {
    r.NOT_SET_UP: FIX_SETTINGS,
    r.NO_SECRET: FIX_SETTINGS,
    r.WRONG_CREDENTIALS: FIX_SETTINGS,
    r.SENDER_REFUSED: FIX_SETTINGS,
    r.UNTESTED: FIX_SETTINGS,
    r.SECRETS_LOCKED: FIX_UNLOCK,
    r.SENDER_STOPPED: FIX_RESTART,
}


def fix_of(state: ChannelState) -> str:
    """Which fix the state's problem needs ("" for none, or one that only time fixes)."""
    return _FIX.get(state.problem, "")


def fix_label(fix: str) -> str:
    return {
        FIX_SETTINGS: QCoreApplication.translate("Readiness", "Open Settings ▸ Messages…"),
        FIX_UNLOCK: QCoreApplication.translate("Readiness", "Unlock…"),
        FIX_RESTART: QCoreApplication.translate("Readiness", "Start sending again"),
    }.get(fix, "")


def problem_text(state: ChannelState) -> str:
    """The state's problem in a sentence ("Ready." when there is none)."""
    return problem_words(state.problem, state.channel)


def problem_words(problem: str, channel: str) -> str:
    """A channel problem key (channels.readiness) in a sentence."""
    sms = channel == r.SMS
    texts = {
        r.NOT_SET_UP: QCoreApplication.translate(
            "Readiness", "SMS is not set up: the Twilio account SID and sender are missing."
        )
        if sms
        else QCoreApplication.translate(
            "Readiness", "Email is not set up: the mail server and From address are missing."
        ),
        r.NO_SECRET: QCoreApplication.translate(
            "Readiness", "The Twilio auth token has not been saved."
        )
        if sms
        else QCoreApplication.translate("Readiness", "The email password has not been saved."),
        r.SECRETS_LOCKED: QCoreApplication.translate(
            "Readiness", "The encrypted secrets file is locked: unlock it with its passphrase."
        ),
        r.SENDER_STOPPED: QCoreApplication.translate(
            "Readiness", "The sender is not running for {channel}."
        ),
        r.WRONG_CREDENTIALS: QCoreApplication.translate(
            "Readiness", "Twilio refused the account SID or auth token."
        )
        if sms
        else QCoreApplication.translate(
            "Readiness", "The mail server refused the user name or password."
        ),
        r.SENDER_REFUSED: QCoreApplication.translate(
            "Readiness", "Twilio refused the sender (From number, sender ID or service)."
        )
        if sms
        else QCoreApplication.translate("Readiness", "The mail server refused the From address."),
        r.CHANNEL_DOWN: QCoreApplication.translate(
            "Readiness", "Twilio cannot be reached just now; messages wait until it answers."
        )
        if sms
        else QCoreApplication.translate(
            "Readiness",
            "The mail server cannot be reached just now; messages wait until it answers.",
        ),
        r.UNTESTED: QCoreApplication.translate(
            "Readiness", "Not tested yet: send a test message in Settings ▸ Messages."
        ),
        "": QCoreApplication.translate("Readiness", "Ready."),
    }
    return texts.get(problem, problem).format(channel=channel_name(channel))


def checklist(state: ChannelState, zone: tzinfo) -> list[tuple[bool, str]]:
    """The four things a channel needs, each (fine?, words)."""
    if state.tested_at is not None:
        tested = QCoreApplication.translate("Readiness", "Tested {when}").format(
            when=_when(state.tested_at, zone)
        )
    else:
        tested = QCoreApplication.translate("Readiness", "Not tested yet")
    if not state.needs_secret:
        secrets = (True, QCoreApplication.translate("Readiness", "No secret needed"))
    elif state.secrets_unlocked:
        secrets = (True, QCoreApplication.translate("Readiness", "Secrets unlocked"))
    else:
        secrets = (False, QCoreApplication.translate("Readiness", "Secrets locked"))
    return [
        (
            state.set_up,
            QCoreApplication.translate("Readiness", "Set up")
            if state.set_up
            else QCoreApplication.translate("Readiness", "Not set up"),
        ),
        (state.tested_at is not None, tested),
        secrets,
        (
            state.sender_running,
            QCoreApplication.translate("Readiness", "Sender running")
            if state.sender_running
            else QCoreApplication.translate("Readiness", "Sender not running"),
        ),
    ]


def waiting_text(waiting: Waiting, channel: str, zone: tzinfo, now: datetime) -> str:
    """Why one queued message of ``channel`` waits, for its row in the progress table."""
    when = _when(waiting.until, zone, now) if waiting.until is not None else ""
    texts = {
        r.QUIET_HOURS: QCoreApplication.translate("Readiness", "Quiet hours: waits until {when}"),
        r.SCHEDULED: QCoreApplication.translate("Readiness", "Waits until {when}"),
        r.RATE_LIMITED: QCoreApplication.translate(
            "Readiness", "Twilio asked Koe to slow down: tries again at {when}"
        ),
        r.RETRY: QCoreApplication.translate("Readiness", "Tries again at {when}: {detail}"),
    }
    if waiting.kind in texts:
        return texts[waiting.kind].format(when=when, detail=waiting.detail)
    return QCoreApplication.translate("Readiness", "Waiting: {why}").format(
        why=problem_words(waiting.kind, channel)
    )


class ReadinessCounts(QObject):
    """The wordings with a count: lupdate reads the plural forms of ``self.tr`` only, not
    of ``QCoreApplication.translate``."""

    def waiting(self, count: int) -> str:
        return self.tr("{channel}: %n message(s) waiting. {why}", "", count)


def channel_waiting_text(state: ChannelState, count: int) -> str:
    """A banner line: how many messages of a channel wait, and why."""
    words = ReadinessCounts().waiting(count)
    return words.format(channel=channel_name(state.channel), why=problem_text(state))


def _when(moment: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """HH:MM in the workspace's time zone; the date too unless it is today there."""
    local = moment.astimezone(zone)
    if now is not None and local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
