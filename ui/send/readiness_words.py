"""Words for a channel's readiness and for why a queued message waits (channels/readiness.py).

The review step, the Send page's banner and the progress rows all take their
words from here, so the same state always reads the same.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Readiness", text)


def fix_of(state: ChannelState) -> str:
    """Which fix the state's problem needs ("" for none, or one that only time fixes)."""
    return _FIX.get(state.problem, "")


def fix_label(fix: str) -> str:
    return {
        FIX_SETTINGS: _tr("Open Settings ▸ Messages…"),
        FIX_UNLOCK: _tr("Unlock…"),
        FIX_RESTART: _tr("Start sending again"),
    }.get(fix, "")


def problem_text(state: ChannelState) -> str:
    """The state's problem in a sentence ("Ready." when there is none)."""
    return problem_words(state.problem, state.channel)


def problem_words(problem: str, channel: str) -> str:
    """A channel problem key (channels.readiness) in a sentence."""
    sms = channel == r.SMS
    texts = {
        r.NOT_SET_UP: _tr("SMS is not set up: the Twilio account SID and sender are missing.")
        if sms
        else _tr("Email is not set up: the mail server and From address are missing."),
        r.NO_SECRET: _tr("The Twilio auth token has not been saved.")
        if sms
        else _tr("The email password has not been saved."),
        r.SECRETS_LOCKED: _tr(
            "The encrypted secrets file is locked: unlock it with its passphrase."
        ),
        r.SENDER_STOPPED: _tr("The sender is not running for {channel}."),
        r.WRONG_CREDENTIALS: _tr("Twilio refused the account SID or auth token.")
        if sms
        else _tr("The mail server refused the user name or password."),
        r.SENDER_REFUSED: _tr("Twilio refused the sender (From number, sender ID or service).")
        if sms
        else _tr("The mail server refused the From address."),
        r.CHANNEL_DOWN: _tr("Twilio cannot be reached just now; messages wait until it answers.")
        if sms
        else _tr("The mail server cannot be reached just now; messages wait until it answers."),
        r.UNTESTED: _tr("Not tested yet: send a test message in Settings ▸ Messages."),
        "": _tr("Ready."),
    }
    return texts.get(problem, problem).format(channel=channel_name(channel))


def checklist(state: ChannelState, zone: tzinfo) -> list[tuple[bool, str]]:
    """The four things a channel needs, each (fine?, words)."""
    if state.tested_at is not None:
        tested = _tr("Tested {when}").format(when=_when(state.tested_at, zone))
    else:
        tested = _tr("Not tested yet")
    if not state.needs_secret:
        secrets = (True, _tr("No secret needed"))
    elif state.secrets_unlocked:
        secrets = (True, _tr("Secrets unlocked"))
    else:
        secrets = (False, _tr("Secrets locked"))
    return [
        (state.set_up, _tr("Set up") if state.set_up else _tr("Not set up")),
        (state.tested_at is not None, tested),
        secrets,
        (
            state.sender_running,
            _tr("Sender running") if state.sender_running else _tr("Sender not running"),
        ),
    ]


def waiting_text(waiting: Waiting, channel: str, zone: tzinfo, now: datetime) -> str:
    """Why one queued message of ``channel`` waits, for its row in the progress table."""
    when = _when(waiting.until, zone, now) if waiting.until is not None else ""
    texts = {
        r.QUIET_HOURS: _tr("Quiet hours: waits until {when}"),
        r.SCHEDULED: _tr("Waits until {when}"),
        r.RATE_LIMITED: _tr("Twilio asked Koe to slow down: tries again at {when}"),
        r.RETRY: _tr("Tries again at {when}: {detail}"),
    }
    if waiting.kind in texts:
        return texts[waiting.kind].format(when=when, detail=waiting.detail)
    return _tr("Waiting: {why}").format(why=problem_words(waiting.kind, channel))


def channel_waiting_text(state: ChannelState, count: int) -> str:
    """A banner line: how many messages of a channel wait, and why."""
    words = QCoreApplication.translate(
        "Readiness", "{channel}: %n message(s) waiting. {why}", "", count
    )
    return words.format(channel=channel_name(state.channel), why=problem_text(state))


def _when(moment: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """HH:MM in the workspace's time zone; the date too unless it is today there."""
    local = moment.astimezone(zone)
    if now is not None and local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
