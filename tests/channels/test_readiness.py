"""channels/readiness.py: what a channel lacks, first thing first, and why a message waits.

The lane problems come from a real sender against the local Twilio server and aiosmtpd.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from channels import readiness as r
from channels.outbox import Dispatcher, Timing
from storage import outbox as store
from storage import secrets
from storage import settings as settings_store
from storage.settings import Settings
from tests.channels.conftest import SmtpPeer, sms_channel
from tests.channels.outbox_helpers import queue_invitation
from tests.twilio_server import TwilioServer

TOKEN, PASSWORD = secrets.TWILIO_AUTH_TOKEN, secrets.SMTP_PASSWORD
UNLOCKED = r.SecretsState("keyring", True, frozenset({TOKEN, PASSWORD}))
SMS_SET_UP = Settings(
    twilio_account_sid="AC" + "0" * 32,
    twilio_sender="+15005550006",
    sms_tested_at="2030-01-01T00:00:00+00:00",
)


class Lanes:
    """A sender's state as the readiness reads it (a running Dispatcher's attributes)."""

    def __init__(self, *running: str, problems: dict[str, tuple[str, str | None]] | None = None):
        self.running = set(running)
        self.problems = {name: words for name, (words, _) in (problems or {}).items()}
        self.problem_codes = {name: code for name, (_, code) in (problems or {}).items()}

    def lane_running(self, name: str) -> bool:
        return name in self.running


@pytest.mark.parametrize(
    ("settings", "secrets_state", "sender", "problem"),
    [
        (Settings(), UNLOCKED, Lanes("sms"), r.NOT_SET_UP),
        (SMS_SET_UP, r.SecretsState("file", False), Lanes(), r.SECRETS_LOCKED),
        (SMS_SET_UP, r.SecretsState("none", False), None, r.SECRETS_LOCKED),
        (SMS_SET_UP, r.SecretsState("keyring", True, frozenset({PASSWORD})), None, r.NO_SECRET),
        (SMS_SET_UP, UNLOCKED, None, r.SENDER_STOPPED),
        (SMS_SET_UP, UNLOCKED, Lanes(), r.SENDER_STOPPED),
        (SMS_SET_UP, UNLOCKED, Lanes("sms", problems={"sms": ("x", "20003")}), r.WRONG_CREDENTIALS),
        (SMS_SET_UP, UNLOCKED, Lanes("sms", problems={"sms": ("x", "21606")}), r.SENDER_REFUSED),
        (SMS_SET_UP, UNLOCKED, Lanes("sms", problems={"sms": ("x", None)}), r.CHANNEL_DOWN),
        (SMS_SET_UP, UNLOCKED, Lanes(problems={"sms": ("x", "stopped")}), r.SENDER_STOPPED),
        (replace(SMS_SET_UP, sms_tested_at=""), UNLOCKED, Lanes("sms"), r.UNTESTED),
        (SMS_SET_UP, UNLOCKED, Lanes("sms"), ""),
    ],
)
def test_a_channel_state_names_the_first_thing_to_fix(settings, secrets_state, sender, problem):
    state = r.channel_state("sms", settings, secrets_state, sender)
    assert state.problem == problem
    assert state.can_send == (problem not in r.BLOCKING)
    assert state.ready == (problem in ("", r.UNTESTED))


def test_email_needs_a_password_only_with_a_user_name():
    email = Settings(smtp_host="mail.example.jp", smtp_from="koe@example.jp")
    locked = r.SecretsState("file", False)
    assert r.channel_state("email", email, locked, Lanes("email")).problem == r.UNTESTED
    with_login = replace(email, smtp_user="shop")
    state = r.channel_state("email", with_login, locked, Lanes("email"))
    assert state.problem == r.SECRETS_LOCKED and state.needs_secret
    empty = r.SecretsState("keyring", True)
    state = r.channel_state("email", with_login, empty, Lanes("email"))
    assert state.problem == r.NO_SECRET and state.missing == (PASSWORD,)


def test_the_secrets_state_is_read_without_revealing_them(workspace, memory_keyring):
    assert r.read_secrets(workspace.folder, None) == r.SecretsState("keyring", True)
    secrets.KeyringSecrets(workspace.folder).set(TOKEN, "a-token")
    found = r.read_secrets(workspace.folder, None)
    assert found.present == {TOKEN} and "a-token" not in repr(found)


def test_without_a_keyring_the_file_is_locked_until_opened(workspace, no_keyring):
    assert r.read_secrets(workspace.folder, None) == r.SecretsState("none", False)
    opened = secrets.EncryptedFileSecrets(workspace.folder, "a passphrase")
    opened.set(PASSWORD, "mail-password")
    assert r.read_secrets(workspace.folder, None) == r.SecretsState("file", False)
    assert r.read_secrets(workspace.folder, opened).present == {PASSWORD}


@pytest.fixture
def no_keyring():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2030, 1, 15, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo


def waits(*, state=None, not_before=None, error="", code=None, status="queued"):
    return r.waiting_reason(
        status=status,
        not_before=not_before,
        error=error,
        error_code=code,
        state=state,
        quiet_start="09:00",
        zone=TOKYO,
        now=NOW,
    )


def test_why_a_message_waits():
    ready = r.channel_state("sms", SMS_SET_UP, UNLOCKED, Lanes("sms"))
    down = r.channel_state("sms", SMS_SET_UP, UNLOCKED, Lanes("sms", problems={"sms": ("x", None)}))
    morning = datetime(2030, 1, 16, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    later = NOW + timedelta(minutes=5)
    assert waits(state=ready) is None  # due, nothing in the way: it goes
    assert waits(state=ready, error="old words of a try that failed") is None
    assert waits(state=down, not_before=morning) == r.Waiting(r.CHANNEL_DOWN, detail="x")
    assert waits(state=down, status="sent") is None
    assert waits(state=ready, not_before=morning) == r.Waiting(r.QUIET_HOURS, morning)
    assert waits(state=ready, not_before=later) == r.Waiting(r.SCHEDULED, later)
    slow = waits(state=ready, not_before=later, error="Twilio asked us to slow down.", code="20429")
    assert slow == r.Waiting(r.RATE_LIMITED, later, "Twilio asked us to slow down.")
    assert waits(state=ready, not_before=later, error="Oops", code="500").kind == r.RETRY


def test_a_rate_limited_sms_says_when_it_is_tried_again(
    workspace, nps_survey, twilio: TwilioServer
):
    """Twilio answers 429 to every try: the message waits for its retry, and says so."""
    db = workspace.db()
    settings = settings_store.save(
        db,
        public_url="https://koe.example.jp",
        twilio_account_sid="AC" + "0" * 32,
        twilio_sender="+15005550006",
        sms_tested_at="2030-01-01T00:00:00+00:00",
    )
    outbox_id, _ = queue_invitation(db, nps_survey.id, "sms", "+819012345678")
    twilio.state.fail_next = [429] * 10
    sender = Dispatcher(
        workspace.db_path, {"sms": sms_channel(twilio, retries=1)}, timing=Timing(idle=0.05)
    )
    sender.start()
    try:
        deadline = datetime.now(UTC) + timedelta(seconds=10)
        while (row := store.get(db, outbox_id)).error_code != "20429":
            assert datetime.now(UTC) < deadline
            time.sleep(0.02)
        state = r.channel_state("sms", settings, UNLOCKED, sender)
        assert state.problem == ""  # being told to slow down is not a broken channel
        waiting = r.waiting_reason(
            status=row.status,
            not_before=row.not_before,
            error=row.error or "",
            error_code=row.error_code,
            state=state,
            quiet_start=settings.quiet_start,
            zone=TOKYO,
            now=datetime.now(UTC),
        )
        assert waiting is not None and waiting.kind == r.RATE_LIMITED
        assert waiting.until == row.not_before and row.not_before > datetime.now(UTC)
        assert twilio.state.counts() == {}
    finally:
        sender.stop()


def test_a_lane_problem_clears_once_a_message_goes(workspace, nps_survey, smtp: SmtpPeer):
    """Wrong password → the email lane reports it; the right one → the problem is gone."""
    db = workspace.db()
    settings_store.save(db, public_url="https://koe.example.jp")
    queue_invitation(db, nps_survey.id, "email", "ann@example.com")
    wrong = smtp.channel(password="not-it")
    sender = Dispatcher(workspace.db_path, {"email": wrong}, timing=Timing(idle=0.05))
    sender.run_until_idle(timeout=10)
    assert sender.problem_codes["email"] == "535"
    assert r.problem_kind("email", "535") == r.WRONG_CREDENTIALS
    sender.channels["email"] = smtp.channel()
    sender.run_until_idle(timeout=10)
    assert "email" not in sender.problems and "email" not in sender.problem_codes
    assert smtp.sink.count("ann@example.com") == 1
