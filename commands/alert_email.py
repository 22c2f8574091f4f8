"""``alert-email``: the email server a public host emails the owners' alerts through.

Run on the host, on the workspace ``serve`` uses, with the same secrets
passphrase (``$KOE_SECRETS_PASSPHRASE`` or ``--secrets-passphrase-file``): it
checks that the server answers and takes the login, then keeps it in the host's
secret store (the encrypted secrets file where there is no keyring;
storage.secrets). ``serve`` reads it when it starts, so restart it afterwards.
The password comes from ``--password-file FILE``, else ``$KOE_SMTP_PASSWORD``,
else a prompt; never from the command line, which other users see in ``ps``.
``--off`` forgets the server: the desktop then sends the alerts at its next sync.

It does not take the workspace's lock (``serve`` may run meanwhile): it
writes only the secrets file.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from channels.base import ChannelProblem
from channels.email import SmtpEmail, SmtpSettings
from channels.host_alerts import save_server
from commands.errors import CommandError
from commands.serve import ENV_SECRETS_PASSPHRASE, read_secrets_passphrase
from storage.secrets import (
    HOST_ALERT_SMTP,
    SecretsError,
    SecretStore,
    keyring_usable,
    open_store,
)
from storage.settings import normalise_email
from storage.workspace import DB_NAME

ENV_SMTP_PASSWORD = "KOE_SMTP_PASSWORD"


def run(
    folder: Path,
    *,
    smtp_host: str | None,
    port: int,
    security: str,
    user: str,
    from_address: str | None,
    password_file: Path | None,
    passphrase_file: Path | None,
    check: bool = True,
    off: bool = False,
) -> int:
    if not (folder / DB_NAME).is_file():
        raise CommandError(
            f"There is no Koe workspace in {folder}: give serve's --data-dir "
            "(or start serve there once)."
        )
    store = _store(folder, passphrase_file)
    if off:
        _write(lambda: store.delete(HOST_ALERT_SMTP))
        print("The host no longer emails alerts; restart serve. The desktop sends them instead.")
        return 0
    server = _server(smtp_host, port, security, user, from_address, password_file)
    if check:
        try:
            SmtpEmail(server).check()
        except ChannelProblem as error:
            raise CommandError(f"{error} Nothing was saved.") from None
    _write(lambda: save_server(store, server))
    checked = " (it answered and took the login)" if check else ""
    print(
        f"Saved: owners' alerts from this host go through {server.host}:{server.port}"
        f" as {server.from_address}{checked}. Restart serve to use it.",
        flush=True,
    )
    return 0


def _store(folder: Path, passphrase_file: Path | None) -> SecretStore:
    passphrase = read_secrets_passphrase(passphrase_file)
    if passphrase is None and not keyring_usable():
        raise CommandError(
            "This machine has no keyring: give the encrypted secrets file's passphrase in "
            f"${ENV_SECRETS_PASSPHRASE} or with --secrets-passphrase-file FILE (serve needs "
            "the same)."
        )
    try:
        return open_store(folder, passphrase)
    except SecretsError as error:
        raise CommandError(f"The secrets cannot be opened: {error}.") from None


def _write(action: Callable[[], None]) -> None:
    try:
        action()
    except (SecretsError, OSError) as error:
        raise CommandError(f"The secrets cannot be written: {error}.") from None


def _server(
    host: str | None,
    port: int,
    security: str,
    user: str,
    from_address: str | None,
    password_file: Path | None,
) -> SmtpSettings:
    if not host or not host.strip():
        raise CommandError("Give the mail server with --smtp-host (for example smtp.example.com).")
    if not from_address:
        raise CommandError("Give the address the alerts come from with --from.")
    try:
        sender = normalise_email(from_address)
    except ValueError as error:
        raise CommandError(f"{from_address!r} is not an email address: {error}") from None
    if not 0 < port < 65536:
        raise CommandError(f"{port} is not a port number.")
    return SmtpSettings(
        host=host.strip(),
        port=port,
        security=security,
        user=user.strip(),
        password=_password(password_file) if user.strip() else "",
        from_address=sender,
        timeout=15.0,
    )


def _password(password_file: Path | None) -> str:
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(
                f"Cannot read the password file {password_file}: {error.strerror}"
            ) from None
        if not lines or not lines[0]:
            raise CommandError(f"The password file {password_file} is empty.")
        return lines[0]
    if os.environ.get(ENV_SMTP_PASSWORD):
        return os.environ[ENV_SMTP_PASSWORD]
    if sys.stdin.isatty():
        return getpass.getpass("The mail server's password: ")
    raise CommandError(
        f"Give the mail server's password with --password-file FILE or ${ENV_SMTP_PASSWORD}."
    )
