"""`main.py serve` sends the outbox of a workspace that holds contacts, and only then."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from channels.host_alerts import save_server
from storage import outbox as store
from storage import settings as settings_store
from storage.secrets import TWILIO_AUTH_TOKEN, EncryptedFileSecrets
from storage.workspace import Workspace
from tests.channels.conftest import OUR_NUMBER, SmtpPeer
from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.twilio_server import ACCOUNT_SID, AUTH_TOKEN, TwilioServer

ROOT = Path(__file__).resolve().parents[2]


def _serve(
    folder: Path, extra: list[str] | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env_extra or {})}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--data-dir", str(folder),
         "--port", str(free_port()), *(extra or [])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )  # fmt: skip


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    try:
        out, _ = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    return out


def _workspace(folder: Path, smtp: SmtpPeer, *, with_contact: bool) -> None:
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        settings_store.save(
            db,
            public_url=PUBLIC_URL,
            smtp_host="127.0.0.1",
            smtp_port=smtp.port,
            smtp_security="none",
            smtp_from="survey@shop.example",
        )
        if with_contact:
            survey = make_survey(workspace)
            assert survey.id is not None
            queue_invitation(db, survey.id, "email", "served@example.jp")


def test_serve_sends_for_a_workspace_with_contacts(tmp_path: Path, smtp: SmtpPeer) -> None:
    folder = tmp_path / "workspace"
    _workspace(folder, smtp, with_contact=True)
    process = _serve(folder)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and smtp.sink.count("served@example.jp") == 0:
        time.sleep(0.05)
    out = _stop(process)
    assert smtp.sink.count("served@example.jp") == 1, out
    assert "Sending queued messages through email." in out
    with Workspace.open(folder) as workspace:
        assert store.status_counts(workspace.db())["sent"] == 1


def test_a_host_without_contacts_never_sends(tmp_path: Path, smtp: SmtpPeer) -> None:
    folder = tmp_path / "workspace"
    _workspace(folder, smtp, with_contact=False)
    with Workspace.open(folder) as workspace:  # a stray message, but no contacts: not sent
        store.enqueue(workspace.db(), channel="email", recipient="x@example.jp", body="hi")
    process = _serve(folder)
    assert process.stdout is not None
    first = process.stdout.readline()  # serving: the sender would have started by now
    time.sleep(1)
    out = first + _stop(process)
    assert "Koe is serving" in out and "Sending" not in out
    assert smtp.sink.received == []


@pytest.mark.parametrize("how", ["environment", "file"])
def test_serve_unlocks_the_encrypted_secrets_file_to_send_sms(
    tmp_path: Path, twilio: TwilioServer, how: str
) -> None:
    """No keyring: the Twilio token exists only in the encrypted file, unlocked headless."""
    folder = tmp_path / "workspace"
    passphrase = "correct horse battery staple"
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        settings_store.save(
            db,
            public_url=PUBLIC_URL,
            twilio_account_sid=ACCOUNT_SID,
            twilio_sender=OUR_NUMBER,
            twilio_api_url=twilio.base_url,
            sms_per_second=50.0,
        )
        EncryptedFileSecrets(folder, passphrase).set(TWILIO_AUTH_TOKEN, AUTH_TOKEN)
        survey = make_survey(workspace)
        assert survey.id is not None
        queue_invitation(db, survey.id, "sms", "+15552000001")
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    extra: list[str] = []
    if how == "environment":
        env["KOE_SECRETS_PASSPHRASE"] = passphrase
    else:
        secret_file = tmp_path / "passphrase.txt"
        secret_file.write_text(passphrase + "\n", encoding="utf-8")
        extra = ["--secrets-passphrase-file", str(secret_file)]
    process = _serve(folder, extra, env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and twilio.state.counts()["+15552000001"] == 0:
        time.sleep(0.05)
    out = _stop(process)
    assert twilio.state.counts()["+15552000001"] == 1, out
    assert "Sending queued messages through sms." in out
    assert passphrase not in out
    assert passphrase not in "".join(p.read_text() for p in folder.rglob("*.log"))


def test_serve_on_a_workspace_with_contacts_stays_its_one_sender(
    tmp_path: Path, smtp: SmtpPeer
) -> None:
    """The desktop's own workspace served headless (even with a sync key and an email
    server for alerts in its secrets) is its sender as before, not a public host."""
    folder = tmp_path / "workspace"
    _workspace(folder, smtp, with_contact=True)
    passphrase = "another passphrase for tests"
    save_server(
        EncryptedFileSecrets(folder, passphrase), smtp.settings(from_address="alerts@host.example")
    )
    (tmp_path / "sync.key").write_text("k" * 32, encoding="utf-8")
    (tmp_path / "passphrase").write_text(passphrase, encoding="utf-8")
    extra = ["--sync-key-file", str(tmp_path / "sync.key"),
             "--secrets-passphrase-file", str(tmp_path / "passphrase")]  # fmt: skip
    process = _serve(folder, extra, {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and smtp.sink.count("served@example.jp") == 0:
        time.sleep(0.05)
    out = _stop(process)
    assert smtp.sink.count("served@example.jp") == 1, out
    assert "Sending queued messages through email." in out
    assert "Owners' alerts" not in out  # no host's alert service beside the sender
