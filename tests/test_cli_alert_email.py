"""``main.py alert-email``: an operator gives a public host its email server for alerts.

Run as the operator runs it, on a machine without a keyring: the server is
checked against a real aiosmtpd, then kept in the workspace's encrypted
secrets file, which ``serve`` opens with the same passphrase. Bad input says
what is wrong in one line and saves nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from channels.host_alerts import load_server
from storage.secrets import FALLBACK_FILE, EncryptedFileSecrets
from storage.workspace import Workspace
from tests.channels.conftest import SMTP_PASSWORD, SMTP_USER, SmtpPeer, smtp  # noqa: F401
from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "operator's passphrase"


@pytest.fixture
def host_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "host"
    Workspace.open(folder).close()
    (tmp_path / "passphrase").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "password").write_text(SMTP_PASSWORD + "\n", encoding="utf-8")
    return folder


def alert_email(
    folder: Path, *args: str, env: dict[str, str] | None = None, passphrase: bool = True
) -> subprocess.CompletedProcess[str]:
    secrets = ["--secrets-passphrase-file", str(folder.parent / "passphrase")] if passphrase else []
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KOE_")}
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "alert-email", "--data-dir", str(folder),
         *secrets, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env={**environment, **(env or {})},
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def server_args(port: int, *extra: str) -> list[str]:
    return [
        "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--security", "none",
        "--from", "alerts@host.example", *extra,
    ]  # fmt: skip


def with_login(folder: Path, password_file: Path | None = None) -> list[str]:
    return [
        "--user",
        SMTP_USER,
        "--password-file",
        str(password_file or folder.parent / "password"),
    ]


def test_the_server_is_checked_then_kept_encrypted(host_dir: Path, smtp: SmtpPeer):  # noqa: F811
    done = alert_email(host_dir, *server_args(smtp.port, *with_login(host_dir)))
    assert done.returncode == 0, done.stderr
    assert "127.0.0.1" in done.stdout and "Restart serve" in done.stdout
    assert SMTP_PASSWORD not in done.stdout + done.stderr
    stored = (host_dir / FALLBACK_FILE).read_bytes()
    assert SMTP_PASSWORD.encode() not in stored and b"alerts@host.example" not in stored
    server = load_server(EncryptedFileSecrets(host_dir, PASSPHRASE))
    assert server is not None
    assert (server.host, server.port, server.user, server.password, server.from_address) == (
        "127.0.0.1",
        smtp.port,
        SMTP_USER,
        SMTP_PASSWORD,
        "alerts@host.example",
    )

    gone = alert_email(host_dir, "--off")
    assert gone.returncode == 0, gone.stderr
    assert load_server(EncryptedFileSecrets(host_dir, PASSPHRASE)) is None


def test_a_wrong_password_is_said_and_nothing_is_saved(host_dir: Path, smtp: SmtpPeer):  # noqa: F811
    wrong = host_dir.parent / "wrong"
    wrong.write_text("not the password\n", encoding="utf-8")
    done = alert_email(host_dir, *server_args(smtp.port, *with_login(host_dir, wrong)))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "refused the user name or password" in done.stderr and "Nothing was saved" in done.stderr
    assert not (host_dir / FALLBACK_FILE).exists()


def test_a_server_that_does_not_answer_is_said(host_dir: Path):
    done = alert_email(host_dir, *server_args(free_port()))
    assert done.returncode == 1
    assert "Cannot reach the mail server 127.0.0.1" in done.stderr
    assert not (host_dir / FALLBACK_FILE).exists()
    saved = alert_email(host_dir, *server_args(free_port(), "--no-check"))  # set up ahead
    assert saved.returncode == 0, saved.stderr


def test_a_wrong_passphrase_leaves_the_secrets_file_as_it_was(
    host_dir: Path,
    smtp: SmtpPeer,  # noqa: F811
):
    assert alert_email(host_dir, *server_args(smtp.port)).returncode == 0
    before = (host_dir / FALLBACK_FILE).read_bytes()
    (host_dir.parent / "passphrase").write_text("another passphrase\n", encoding="utf-8")
    done = alert_email(host_dir, *server_args(smtp.port))
    assert done.returncode == 1
    assert "passphrase does not open the secrets file" in done.stderr
    assert (host_dir / FALLBACK_FILE).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "alerts@host.example"], "Give the mail server with --smtp-host"),
        (["--smtp-host", "127.0.0.1"], "Give the address the alerts come from with --from"),
        (["--smtp-host", "127.0.0.1", "--from", "not an address"], "is not an email address"),
        (["--smtp-host", "h", "--from", "a@b.jp", "--smtp-port", "70000"], "not a port number"),
        (["--smtp-host", "h", "--from", "a@b.jp", "--user", "u"], "the mail server's password"),
        (["--smtp-host", "h", "--from", "a@b.jp", "--user", "u", "--password-file", "/nope"],
         "Cannot read the password file /nope"),
    ],
)  # fmt: skip
def test_bad_input_is_named_in_one_line(host_dir: Path, args: list[str], words: str):
    done = alert_email(host_dir, *args)
    assert done.returncode == 1 and words in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and not (host_dir / FALLBACK_FILE).exists()


def test_without_a_keyring_the_passphrase_is_asked_for(host_dir: Path):
    done = alert_email(host_dir, *server_args(free_port()), passphrase=False)
    assert done.returncode == 1 and "$KOE_SECRETS_PASSPHRASE" in done.stderr
    by_env = alert_email(
        host_dir,
        *server_args(free_port(), "--no-check"),
        passphrase=False,
        env={"KOE_SECRETS_PASSPHRASE": PASSPHRASE},
    )
    assert by_env.returncode == 0, by_env.stderr
    assert load_server(EncryptedFileSecrets(host_dir, PASSPHRASE)) is not None


def test_a_folder_without_a_workspace_is_refused(tmp_path: Path):
    (tmp_path / "passphrase").write_text(PASSPHRASE, encoding="utf-8")
    done = alert_email(tmp_path / "typo", *server_args(free_port()))
    assert done.returncode == 1 and "There is no Koe workspace in" in done.stderr
    assert not (tmp_path / "typo").exists()
