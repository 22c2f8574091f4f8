"""``serve``: the respondent site without a window, for a public host or a shop's PC.

With a sync key (``--sync-key-file FILE`` or ``$KOE_SYNC_KEY``) it is a public
host: it also answers the desktop's sync API (web.sync.api). It holds surveys
and delivery tokens, never contacts, and never writes to a customer; it emails
the owners' detractor alerts when the owner chose so and the host has an email
server of its own (``main.py alert-email``; channels.host_alerts). ``--tls-cert`` and
``--tls-key`` serve HTTPS directly; the usual host sits behind Caddy or nginx
instead (docs/deploy.md), named with ``--trusted-proxy``.

On a machine without a usable keyring the Twilio auth token, the SMTP
password and a host's email server for alerts are in the workspace's encrypted
secrets file (storage.secrets); its
passphrase comes from ``$KOE_SECRETS_PASSPHRASE`` or ``--secrets-passphrase-file
FILE`` (never a command-line value, which other users can see in ``ps``), and is
never printed or logged.

While it serves it takes the daily backup, as the desktop does (storage.
backup_schedule), and copies it to the second folder given once with
``--backup-copy-to DIR`` (remembered in the workspace's settings).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from pathlib import Path

from channels.answer_watch import AnswerWatch
from channels.digest import DigestSchedule
from channels.host_alerts import HostAlerts, start_host_alerts
from channels.sender import has_contacts, start_sender
from commands.errors import CommandError
from storage import settings as settings_store
from storage.backup_schedule import BackupSchedule
from storage.backups import BackupOutcome
from storage.workspace import Workspace
from web.app import create_app
from web.server import ServerError, TlsFiles, serve_forever
from web.sync.api import SyncKeyError, check_key

log = logging.getLogger(__name__)

ENV_SYNC_KEY = "KOE_SYNC_KEY"
ENV_SECRETS_PASSPHRASE = "KOE_SECRETS_PASSPHRASE"


def read_secrets_passphrase(passphrase_file: Path | None) -> str | None:
    """The encrypted secrets file's passphrase: from ``passphrase_file`` (its first line),
    else $KOE_SECRETS_PASSPHRASE, else None (secrets only from the keyring)."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"Cannot read the secrets passphrase file {passphrase_file}: {error.strerror}"
            ) from None
        passphrase = text.splitlines()[0] if text.splitlines() else ""
        if not passphrase:
            raise CommandError(f"The secrets passphrase file {passphrase_file} is empty.")
        return passphrase
    return os.environ.get(ENV_SECRETS_PASSPHRASE) or None


def read_sync_key(key_file: Path | None) -> str | None:
    """The host's sync key: from ``key_file``, else $KOE_SYNC_KEY, else None (no sync)."""
    if key_file is not None:
        try:
            text = key_file.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read the sync key file {key_file}: {error}") from None
    elif os.environ.get(ENV_SYNC_KEY):
        text = os.environ[ENV_SYNC_KEY]
    else:
        return None
    try:
        return check_key(text)
    except SyncKeyError as error:
        raise CommandError(str(error)) from None


def check_proxy(entry: str) -> str:
    """An address or network (``127.0.0.1``, ``10.0.0.0/8``), or CommandError."""
    try:
        return str(ipaddress.ip_network(entry.strip(), strict=False))
    except ValueError:
        raise CommandError(f"{entry!r} is not an address or network.") from None


def tls_files(cert: Path | None, key: Path | None) -> TlsFiles | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise CommandError("Give both --tls-cert and --tls-key, or neither.")
    for path in (cert, key):
        if not path.is_file():
            raise CommandError(f"There is no file {path}.")
    return TlsFiles(cert, key)


def report_backup(outcome: BackupOutcome | None, error: str) -> None:
    """One line a backup taken (stdout) or failed (stderr), for the host's journal."""
    if outcome is None:
        print(f"koe: {error}", file=sys.stderr, flush=True)
        return
    if outcome.path is not None:
        copied = f" and copied to {outcome.copy.parent}" if outcome.copy else ""
        print(f"Daily backup written to {outcome.path}{copied}.", flush=True)
    if outcome.copy_error:
        print(f"koe: {outcome.copy_error}", file=sys.stderr, flush=True)


def second_backup_folder(entry: Path) -> str:
    folder = entry.expanduser().resolve()
    if not folder.is_dir():
        raise CommandError(f"There is no folder {folder} to copy backups to.")
    return str(folder)


def run(
    workspace: Workspace,
    host: str,
    port: int | None,
    public_url: str | None,
    *,
    sync_key_file: Path | None = None,
    trusted_proxies: list[str] | None = None,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    secrets_passphrase_file: Path | None = None,
    backup_copy_to: Path | None = None,
) -> int:
    sync_key = read_sync_key(sync_key_file)
    passphrase = read_secrets_passphrase(secrets_passphrase_file)
    tls = tls_files(tls_cert, tls_key)
    db = workspace.db()
    if public_url is not None:
        # Links printed by `surveys list` and sent later are built on this address.
        settings_store.save(db, public_url=public_url.rstrip("/"))
    if trusted_proxies is not None:
        # Behind nginx or Caddy every post comes from the proxy: the rate limit
        # counts the address it forwards, and only from these addresses.
        settings_store.save(db, trusted_proxies=[check_proxy(entry) for entry in trusted_proxies])
    if backup_copy_to is not None:
        settings_store.save(db, backup_second_folder=second_backup_folder(backup_copy_to))
    settings = settings_store.load(db)
    chosen_port = port if port is not None else settings.port
    scheme = "https" if tls else "http"
    base = settings.public_url or f"{scheme}://{host}:{chosen_port}"
    print(
        f"Koe is serving {workspace.folder} on {scheme}://{host}:{chosen_port} "
        f"(links use {base}); press Ctrl+C to stop",
        flush=True,
    )
    if sync_key is not None:
        print("The sync API is on: a desktop with the same key can sync here.", flush=True)
    log.info("serving on %s:%s (sync %s)", host, chosen_port, "on" if sync_key else "off")
    # The one sender (DESIGN.md): a workspace with contacts sends its outbox here; a
    # public host synced with a desktop holds no contacts and never writes to a
    # customer: it may email the owners' alerts, and nothing else.
    holds_contacts = has_contacts(workspace)
    sender = start_sender(workspace, passphrase=passphrase) if holds_contacts else None
    if sender is not None:
        print(f"Sending queued messages through {', '.join(sorted(sender.channels))}.", flush=True)
    alerts = _host_alerts(workspace, passphrase) if sync_key and not holds_contacts else None
    on_response = alerts.wake if alerts is not None else None
    # What a new answer sets off (alerts, follow-ups, chats, escalation) goes from here
    # when this process holds the contacts and the sender (channels.answer_watch).
    answers_watch = (
        AnswerWatch(workspace.db, settings_store.load, lambda: _language(workspace))
        if holds_contacts
        else None
    )
    if answers_watch is not None:
        answers_watch.start()
        on_response = answers_watch.wake
    backups = BackupSchedule(workspace, report=report_backup)
    backups.start()
    # The owners' weekly digest goes from the process that sends the outbox.
    digests = DigestSchedule(workspace, lambda: _language(workspace)) if holds_contacts else None
    if digests is not None:
        digests.start()
    try:
        app = create_app(workspace, sync_key=sync_key, on_response=on_response)
        serve_forever(app, host, chosen_port, tls=tls)
    except ServerError as error:
        raise CommandError(str(error)) from error
    finally:
        if alerts is not None:
            alerts.stop()
        if answers_watch is not None:
            answers_watch.stop()
        backups.stop()
        if digests is not None:
            digests.stop()
        if sender is not None:
            sender.stop()
    return 0


def _language(workspace: Workspace) -> str:
    """The workspace's language for owners who chose none (no window to ask the system)."""
    chosen = settings_store.load(workspace.db()).language
    return chosen if chosen in ("ja", "en") else "ja"


def _host_alerts(workspace: Workspace, passphrase: str | None) -> HostAlerts | None:
    started = start_host_alerts(workspace, passphrase)
    if isinstance(started, str):
        print(
            f"Owners' alerts are not emailed from here ({started}): "
            "the desktop sends them at its next sync.",
            flush=True,
        )
        return None
    server = started.server
    print(
        f"Owners' alerts, when the desktop turns them on, go through {server.host}:{server.port}.",
        flush=True,
    )
    return started
