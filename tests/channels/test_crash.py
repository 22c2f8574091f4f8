"""Crash tests: the sending process is SIGKILLed at random moments, again and again.

A separate process (forked, so that it starts in milliseconds) opens the
workspace as the sender does — taking its lock — and runs the dispatcher
against the local Twilio-compatible server and aiosmtpd, which live in this
process and count what reaches them. It is killed with SIGKILL at a random
moment at least 50 times, then allowed to finish. In the end every SMS
recipient got exactly one SMS, and every email went once or is reported
'unknown' (never twice, never silently lost).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from dataclasses import replace
from pathlib import Path

from channels.email import SmtpEmail
from channels.outbox import Dispatcher, Timing
from channels.sms import TwilioSettings, TwilioSms
from storage import outbox as store
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.channels.conftest import MailSink, SmtpPeer, twilio_settings
from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation
from tests.conftest import make_survey
from tests.twilio_server import TwilioServer

KILLS = 50


def twilio_settings_for(base_url: str, **changes: object) -> TwilioSettings:
    return replace(twilio_settings(_Url(base_url)), **changes)  # type: ignore[arg-type]


class _Url:
    """Stands in for a TwilioServer where only its address is known."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url


SMS_RECIPIENTS = 120
EMAIL_RECIPIENTS = 80


def _sender(folder: Path, twilio_url: str, smtp_port: int, ready: object) -> None:
    """The sending process: open the workspace (lock), recover, send everything due."""
    workspace = Workspace.open(folder, lock_timeout=10)
    ready.set()  # type: ignore[attr-defined]
    channels = {
        "sms": TwilioSms(
            # In flight for at most 0.25 s (the server answers in 0.05 s), so a
            # restart may ask Twilio about an SMS 0.25 s after its attempt began.
            twilio_settings_for(twilio_url, rate_per_second=25.0, timeout=0.25)
        ),
        "email": SmtpEmail(SmtpPeer(MailSink(), smtp_port).settings()),
    }
    Dispatcher(workspace.db_path, channels, timing=Timing(idle=0.01)).run_until_idle()
    workspace.close()


def test_sigkill_at_random_moments_sends_each_sms_once_and_no_email_twice(
    tmp_path: Path, twilio: TwilioServer, smtp: SmtpPeer
) -> None:
    folder = tmp_path / "workspace"
    workspace = Workspace.open(folder)
    db = workspace.db()
    settings_store.save(db, public_url=PUBLIC_URL)
    survey = make_survey(workspace)
    assert survey.id is not None
    phones = [f"+1555200{n:04d}" for n in range(SMS_RECIPIENTS)]
    emails = [f"person{n}@example.jp" for n in range(EMAIL_RECIPIENTS)]
    for phone in phones:
        queue_invitation(db, survey.id, "sms", phone)
    for email in emails:
        queue_invitation(db, survey.id, "email", email)
    workspace.close()  # the sender process holds the lock from now on
    twilio.state.latency = 0.05  # kills land while requests are in flight
    smtp.sink.delay = 0.05  # and while a message is being handed over

    # Children come from a forkserver: a process without threads (forking this one,
    # which runs the servers' threads, can deadlock the child), with the imports
    # done once, so a restart takes milliseconds rather than a second.
    fork = multiprocessing.get_context("forkserver")
    fork.set_forkserver_preload([__name__, "twilio.rest.api.v2010.account"])
    rng = random.Random(5)
    kills = finished = 0
    while kills < KILLS or finished == 0:
        ready = fork.Event()
        child = fork.Process(target=_sender, args=(folder, twilio.base_url, smtp.port, ready))
        child.start()
        assert ready.wait(10), "the sender did not start"
        if kills < KILLS:
            time.sleep(rng.uniform(0.02, 0.15))
            if child.exitcode is None:
                os.kill(child.pid or 0, signal.SIGKILL)
                kills += 1
            child.join(10)
        else:
            child.join(60)
            assert child.exitcode == 0
            finished += 1

    check = Workspace.open(folder)
    try:
        db = check.db()
        counts = twilio.state.counts()
        assert {phone: counts[phone] for phone in phones} == dict.fromkeys(phones, 1)
        rows = {row.recipient: row for row in store.in_status(db, "sent")}
        unknown = {row.recipient: row for row in store.unknown(db)}
        for email in emails:
            received = smtp.sink.count(email)
            if email in unknown:
                assert received <= 1
            else:
                assert email in rows, f"{email} neither sent nor reported unknown"
                assert received == 1
        # Kills landed mid-send: SMS were looked for at Twilio before anything was resent.
        lookups = [r for r in twilio.state.requests if r[0] == "GET" and "To" in r[2]]
        assert len(lookups) >= 5
        print(f"{len(lookups)} SMS reconciled, {len(unknown)} emails unknown")
        assert store.status_counts(db)["queued"] == 0
        assert store.status_counts(db)["sending"] == 0
    finally:
        check.close()
