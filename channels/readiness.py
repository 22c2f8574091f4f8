"""Whether a channel can send now, and why a queued message waits: the one place that says so.

The Send wizard's review step, the Send page's banner and each waiting row of a
campaign's progress all ask here, so the three never disagree. A channel's
state is made of four things a user can fix, checked in this order:

1. set up: the settings name a server or an account and a sender;
2. secrets unlocked: the encrypted secrets file (where the machine has no
   keyring) was opened with its passphrase; the keyring is always open;
3. the secret itself: the Twilio auth token, or the SMTP password when a user
   name is set;
4. the sender (``channels.outbox.Dispatcher``) runs a lane for the channel, and
   that lane reports no problem (``problems``: wrong credentials, a refused
   sender, a server that cannot be reached).

"Tested" (a test message went with the current settings) is shown too, but an
untested channel may still send: it is a warning, not a refusal. Nothing here
touches Qt; ``read_secrets`` is the only function that does I/O (the keyring).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from pathlib import Path
from typing import Any, Protocol

from channels.outbox import STOPPED
from storage import secrets
from storage.database import from_text

SMS, EMAIL = "sms", "email"
CHANNELS = (SMS, EMAIL)
# The settings field holding when a test message last went through each channel.
TESTED_AT = {SMS: "sms_tested_at", EMAIL: "email_tested_at"}
# The settings each channel's test depends on: changing one makes the channel untested.
TESTED_WITH = {
    SMS: ("twilio_account_sid", "twilio_sender", "twilio_api_url"),
    EMAIL: ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_from"),
}
SECRET_OF = {SMS: secrets.TWILIO_AUTH_TOKEN, EMAIL: secrets.SMTP_PASSWORD}

# A channel's problem, most fundamental first ("" when it is ready).
NOT_SET_UP = "not_set_up"  # settings missing
SECRETS_LOCKED = "secrets_locked"  # the encrypted secrets file is not unlocked
NO_SECRET = "no_secret"  # the auth token or password was never saved
SENDER_STOPPED = "sender_stopped"  # no lane sends this channel
WRONG_CREDENTIALS = "wrong_credentials"  # the provider refused the account or password
SENDER_REFUSED = "sender_refused"  # the provider refused the From number or address
CHANNEL_DOWN = "channel_down"  # the server cannot be reached now; messages wait for it
UNTESTED = "untested"  # may well send; no test message went with these settings
# Problems that mean nothing would go: the wizard refuses to queue to such a channel.
BLOCKING = frozenset(
    {NOT_SET_UP, SECRETS_LOCKED, NO_SECRET, SENDER_STOPPED, WRONG_CREDENTIALS, SENDER_REFUSED}
)

# Provider codes a lane reports with a channel-wide problem (channels/sms.py, channels/email.py).
_CREDENTIAL_CODES = {SMS: {"20003", "20404", "20008"}, EMAIL: {"535"}}
_SENDER_CODES = {SMS: {"21606", "21212", "21603", "21604"}}
RATE_CODES = frozenset({"20429"})  # Twilio's "too many requests"


@dataclass(frozen=True)
class SecretsState:
    """What is known of the secrets without revealing them.

    ``kind``: "keyring", "file" (the encrypted file, which exists or will) or
    "none" (no keyring and no file yet). ``present``: the names that hold a value
    (empty while the file is locked: nobody can know).
    """

    kind: str
    unlocked: bool
    present: frozenset[str] = frozenset()

    @property
    def locked(self) -> bool:
        return not self.unlocked


def read_secrets(folder: Path, store: secrets.SecretStore | None) -> SecretsState:
    """The secrets' state for the workspace in ``folder``; ``store`` is the opened store, if any.

    Reads the keyring (or the unlocked file's values): call it off the GUI thread.
    """
    if store is None and secrets.keyring_usable():
        store = secrets.KeyringSecrets(folder)
    if store is None:
        kind = "file" if secrets.has_fallback_file(folder) else "none"
        return SecretsState(kind, unlocked=False)
    present = set()
    for name in secrets.NAMES:
        try:
            if store.get(name):
                present.add(name)
        except secrets.SecretsError:
            return SecretsState(store.kind, unlocked=False)
    return SecretsState(store.kind, unlocked=True, present=frozenset(present))


class SenderLike(Protocol):
    """What is read of a running ``channels.outbox.Dispatcher``."""

    problems: dict[str, str]
    problem_codes: dict[str, str | None]

    def lane_running(self, name: str) -> bool: ...


@dataclass(frozen=True)
class ChannelState:
    """One channel's readiness; ``problem`` is one of the keys above, "" when ready.

    ``missing``: the settings fields (and secret name) still to fill in.
    ``detail``: the provider's own words for a lane's problem (English, for the log
    and the curious; the UI says it in plain words by ``problem``).
    """

    channel: str
    set_up: bool
    missing: tuple[str, ...]
    tested_at: datetime | None
    needs_secret: bool
    secrets_unlocked: bool
    sender_running: bool
    problem: str
    detail: str = ""

    @property
    def can_send(self) -> bool:
        return self.problem not in BLOCKING

    @property
    def ready(self) -> bool:
        return self.problem in ("", UNTESTED)


def problem_kind(channel: str, code: str | None) -> str:
    """The problem key for what a lane reported with this provider code."""
    if code == STOPPED:
        return SENDER_STOPPED
    if code in _CREDENTIAL_CODES.get(channel, ()):
        return WRONG_CREDENTIALS
    if code in _SENDER_CODES.get(channel, ()):
        return SENDER_REFUSED
    if channel == EMAIL and code and code.startswith("5"):
        return SENDER_REFUSED  # the only 5xx an SMTP lane reports as channel-wide
    return CHANNEL_DOWN


def _missing_settings(channel: str, settings: Any) -> list[str]:
    if channel == SMS:
        names = ("twilio_account_sid", "twilio_sender")
    else:
        names = ("smtp_host", "smtp_from")
    return [name for name in names if not getattr(settings, name, "")]


def channel_state(
    channel: str, settings: Any, secrets_state: SecretsState, sender: SenderLike | None
) -> ChannelState:
    """The readiness of ``channel`` from the settings (storage.settings.Settings), the
    secrets' state and the running sender (None when none runs)."""
    missing = _missing_settings(channel, settings)
    needs_secret = channel == SMS or bool(getattr(settings, "smtp_user", ""))
    secret = SECRET_OF[channel]
    no_secret = needs_secret and secrets_state.unlocked and secret not in secrets_state.present
    if no_secret:
        missing.append(secret)
    tested_at = from_text(getattr(settings, TESTED_AT[channel], "") or None)
    running = sender is not None and sender.lane_running(channel)
    detail = sender.problems.get(channel, "") if sender is not None else ""
    if _missing_settings(channel, settings):
        problem = NOT_SET_UP
    elif needs_secret and secrets_state.locked:
        problem = SECRETS_LOCKED
    elif no_secret:
        problem = NO_SECRET
    elif detail and sender is not None:
        problem = problem_kind(channel, sender.problem_codes.get(channel))
    elif not running:
        problem = SENDER_STOPPED
    elif tested_at is None:
        problem = UNTESTED
    else:
        problem = ""
    return ChannelState(
        channel=channel,
        set_up=not missing,
        missing=tuple(missing),
        tested_at=tested_at,
        needs_secret=needs_secret,
        secrets_unlocked=secrets_state.unlocked,
        sender_running=running,
        problem=problem,
        detail=detail if problem not in (NOT_SET_UP, SECRETS_LOCKED, NO_SECRET) else "",
    )


def channel_states(
    settings: Any, secrets_state: SecretsState, sender: SenderLike | None
) -> dict[str, ChannelState]:
    """``channel_state`` of every channel, by name."""
    return {name: channel_state(name, settings, secrets_state, sender) for name in CHANNELS}


# Why one queued message waits ----------------------------------------------------------

QUIET_HOURS = "quiet_hours"  # held until the sending hours begin
SCHEDULED = "scheduled"  # its time (the campaign's start, a reminder's day) has not come
RATE_LIMITED = "rate_limited"  # the provider asked to slow down; tried again at ``until``
RETRY = "retry"  # a passing failure; tried again at ``until``


@dataclass(frozen=True)
class Waiting:
    """Why a queued message has not gone: a channel problem key or one of the four above."""

    kind: str
    until: datetime | None = None
    detail: str = ""


def waiting_reason(
    *,
    status: str,
    not_before: datetime | None,
    error: str,
    error_code: str | None,
    state: ChannelState | None,
    quiet_start: str,
    zone: tzinfo,
    now: datetime,
) -> Waiting | None:
    """Why a message with this outbox ``status`` has not gone yet; None when it is not waiting
    (or goes as soon as the sender reaches it).

    A channel's problem comes first: it holds every message of the channel, and once
    it clears, the reason goes with it (a stale error of an earlier try is not shown).
    ``quiet_start`` ("HH:MM") and ``zone`` (the workspace's) tell a quiet-hours hold
    from a later start.
    """
    if status not in ("queued", "sending"):
        return None
    if state is not None and not state.ready:
        return Waiting(state.problem, detail=state.detail)
    if not_before is None or not_before <= now:
        return None
    if error_code in RATE_CODES:
        return Waiting(RATE_LIMITED, not_before, error)
    if error:
        return Waiting(RETRY, not_before, error)
    local = not_before.astimezone(zone)
    if local.time().replace(second=0, microsecond=0) == _clock(quiet_start):
        return Waiting(QUIET_HOURS, not_before)
    return Waiting(SCHEDULED, not_before)


def _clock(text: str) -> time | None:
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None
