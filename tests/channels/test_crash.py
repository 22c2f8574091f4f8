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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from channels.email import SmtpEmail
from channels.links import new_token, personal_link, unsubscribe_link
from channels.outbox import Dispatcher, Timing
from channels.sms import TwilioSettings, TwilioSms
from storage import deliveries
from storage import outbox as store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.messages import sms_text
from tests.channels.conftest import MailSink, SmtpPeer, twilio_settings
from tests.channels.outbox_helpers import PUBLIC_URL, add_contact, queue_invitation
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


def _workspace(tmp_path: Path, public_url: str) -> tuple[Path, Workspace, int]:
    """A new workspace with this public address and an open survey (folder, it, survey id)."""
    folder = tmp_path / "workspace"
    workspace = Workspace.open(folder)
    settings_store.save(workspace.db(), public_url=public_url)
    survey = make_survey(workspace)
    assert survey.id is not None
    return folder, workspace, survey.id


def _kill_and_restart(
    folder: Path,
    twilio: TwilioServer,
    smtp: SmtpPeer,
    *,
    kills: int,
    seed: int,
    between: Callable[[int], None] | None = None,
) -> None:
    """Start the sender process, SIGKILL it at a random moment ``kills`` times
    (``between(kills so far)`` runs while it is down), then let one finish."""
    # Children come from a forkserver: a process without threads (forking this one,
    # which runs the servers' threads, can deadlock the child), with the imports
    # done once, so a restart takes milliseconds rather than a second.
    fork = multiprocessing.get_context("forkserver")
    fork.set_forkserver_preload([__name__, "twilio.rest.api.v2010.account"])
    rng = random.Random(seed)
    killed = finished = 0
    while killed < kills or finished == 0:
        ready = fork.Event()
        child = fork.Process(target=_sender, args=(folder, twilio.base_url, smtp.port, ready))
        child.start()
        assert ready.wait(10), "the sender did not start"
        if killed < kills:
            time.sleep(rng.uniform(0.02, 0.15))
            if child.exitcode is None:
                os.kill(child.pid or 0, signal.SIGKILL)
                killed += 1
            child.join(10)
            if between is not None:
                between(killed)
        else:
            child.join(60)
            assert child.exitcode == 0
            finished += 1


def test_sigkill_at_random_moments_sends_each_sms_once_and_no_email_twice(
    tmp_path: Path, twilio: TwilioServer, smtp: SmtpPeer
) -> None:
    folder, workspace, survey_id = _workspace(tmp_path, PUBLIC_URL)
    db = workspace.db()
    phones = [f"+1555200{n:04d}" for n in range(SMS_RECIPIENTS)]
    emails = [f"person{n}@example.jp" for n in range(EMAIL_RECIPIENTS)]
    for phone in phones:
        queue_invitation(db, survey_id, "sms", phone)
    for email in emails:
        queue_invitation(db, survey_id, "email", email)
    workspace.close()  # the sender process holds the lock from now on
    twilio.state.latency = 0.05  # kills land while requests are in flight
    smtp.sink.delay = 0.05  # and while a message is being handed over

    _kill_and_restart(folder, twilio, smtp, kills=KILLS, seed=5)

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


OLD_ADDRESS = "http://127.0.0.1:8765"
NEW_ADDRESS = "https://koe-new.example.jp"
JAPANESE_RECIPIENTS = 40
ADDRESS_KILLS = 25


def _queue_japanese_invitation(db: Database, survey_id: int, phone: str) -> str:
    """An SMS invitation to a +81 number as a campaign writes it: the link and the
    opt-out line built on today's public address. Returns the delivery's token."""
    token = new_token()
    contact_id = add_contact(db, phone=phone)
    delivery = deliveries.create(
        db, survey_id=survey_id, token=token, channel="sms", contact_id=contact_id
    )
    body = sms_text(
        f"アンケートにご協力ください。{personal_link(OLD_ADDRESS, token)}",
        language="ja",
        recipient=phone,
        unsubscribe_url=unsubscribe_link(OLD_ADDRESS, token),
    )
    store.enqueue(
        db,
        channel="sms",
        recipient=phone,
        body=body,
        purpose="invitation",
        delivery_id=delivery.id,
    )
    return token


def test_public_address_changed_mid_campaign_every_recipient_gets_one_sms_with_one_opt_out_line(
    tmp_path: Path, twilio: TwilioServer, smtp: SmtpPeer
) -> None:
    folder, workspace, survey_id = _workspace(tmp_path, OLD_ADDRESS)
    db = workspace.db()
    phones = [f"+8190{n:08d}" for n in range(JAPANESE_RECIPIENTS)]
    tokens = {phone: _queue_japanese_invitation(db, survey_id, phone) for phone in phones}
    workspace.close()
    twilio.state.latency = 0.05

    def change_address(killed: int) -> None:
        if killed == 3:  # a few messages went on the old address, the rest go after
            moved = Workspace.open(folder, lock_timeout=10)
            settings_store.save(moved.db(), public_url=NEW_ADDRESS)
            moved.close()

    _kill_and_restart(folder, twilio, smtp, kills=ADDRESS_KILLS, seed=11, between=change_address)

    received = {
        phone: [m.body for m in twilio.state.outbound() if m.to == phone] for phone in phones
    }
    twice = sorted(phone for phone, bodies in received.items() if len(bodies) != 1)
    assert twice == [], f"{len(twice)} of {len(phones)} recipients did not get exactly one SMS"
    for phone, (body,) in received.items():
        assert body.count("配信停止") == 1, body
        # The message as written: its link and its opt-out link on the address it was
        # queued with, never a second link built on the new one.
        assert f"{OLD_ADDRESS}/r/{tokens[phone]}" in body
        assert f"{OLD_ADDRESS}/u/{tokens[phone]}" in body
        assert NEW_ADDRESS not in body
    check = Workspace.open(folder)
    try:
        rows = store.in_status(check.db(), "sent")
        assert len(rows) == len(phones)
        sent = {m.sid: m.body for m in twilio.state.outbound()}
        # What the outbox row holds is exactly what Twilio got.
        assert all(sent[row.provider_id or ""] == row.body for row in rows)
    finally:
        check.close()
