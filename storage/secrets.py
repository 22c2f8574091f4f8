"""Secrets (the Twilio auth token, the SMTP password, a public host's email server for
alerts): in the OS keyring, or where the machine has none, in a file in the workspace
encrypted with a passphrase.

Never in SQLite, settings files or logs. A headless Linux has no usable keyring:
``keyring`` alone gives ``keyring.backends.fail.Keyring`` (every call raises),
and ``keyrings.alt``'s default ``PlaintextKeyring`` only base64-encodes — both
count as unusable here. The fallback file holds a Fernet token (AES-128-CBC
with HMAC-SHA256) whose key is derived from the passphrase with scrypt and a
random salt kept beside it; a wrong passphrase is refused, not guessed around.
"""

from __future__ import annotations

import base64
import json
import os
import secrets as random
from pathlib import Path
from typing import Protocol

import keyring
import keyring.errors
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

SERVICE = "Koe"
TWILIO_AUTH_TOKEN = "twilio_auth_token"
SMTP_PASSWORD = "smtp_password"
NAMES = (TWILIO_AUTH_TOKEN, SMTP_PASSWORD)
# A public host's own email server for the owners' alerts (channels.host_alerts), as JSON.
HOST_ALERT_SMTP = "host_alert_smtp"
FALLBACK_FILE = "secrets.enc"

# Backends that keep secrets in the clear or not at all (by class path).
_UNUSABLE = {
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.Gnome.Keyring",
}
_SCRYPT = {"length": 32, "n": 2**15, "r": 8, "p": 1}


class SecretsError(Explained):
    """A secret could not be read or written; its problem says why in plain words."""


class WrongPassphrase(SecretsError):
    pass


_NOT_WRITTEN = QT_TRANSLATE_NOOP("Problems", "the system keyring could not be written: {detail}")


class SecretStore(Protocol):
    kind: str  # "keyring" | "file"

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


def _path_of(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_usable(backend: object | None = None) -> bool:
    """True when the OS keyring keeps secrets safely (not the fail, null or plaintext backends)."""
    backend = backend if backend is not None else keyring.get_keyring()
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring's ChainerBackend
        return bool(inner) and any(keyring_usable(b) for b in inner)
    return _path_of(backend) not in _UNUSABLE


class KeyringSecrets:
    """Secrets in the OS keyring, one entry per workspace and name."""

    kind = "keyring"

    def __init__(self, workspace_folder: Path) -> None:
        self._prefix = str(Path(workspace_folder).resolve())

    def _user(self, name: str) -> str:
        return f"{self._prefix}:{name}"

    def get(self, name: str) -> str | None:
        try:
            return keyring.get_password(SERVICE, self._user(name))
        except keyring.errors.KeyringError as error:
            words = QT_TRANSLATE_NOOP("Problems", "the system keyring could not be read: {detail}")
            raise SecretsError(Problem(words, {"detail": str(error)})) from None

    def set(self, name: str, value: str) -> None:
        try:
            keyring.set_password(SERVICE, self._user(name), value)
        except keyring.errors.KeyringError as error:
            raise SecretsError(Problem(_NOT_WRITTEN, {"detail": str(error)})) from None

    def delete(self, name: str) -> None:
        try:
            keyring.delete_password(SERVICE, self._user(name))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise SecretsError(Problem(_NOT_WRITTEN, {"detail": str(error)})) from None


def _key(passphrase: str, salt: bytes) -> bytes:
    return base64.urlsafe_b64encode(Scrypt(salt=salt, **_SCRYPT).derive(passphrase.encode()))


class EncryptedFileSecrets:
    """Secrets in ``secrets.enc`` in the workspace, encrypted with a key from a passphrase.

    Opening checks the passphrase against the file when it exists (WrongPassphrase).
    """

    kind = "file"

    def __init__(self, workspace_folder: Path, passphrase: str) -> None:
        if not passphrase:
            words = QT_TRANSLATE_NOOP(
                "Problems", "a passphrase is needed to open the encrypted secrets file"
            )
            raise SecretsError(Problem(words))
        self.path = Path(workspace_folder) / FALLBACK_FILE
        self._passphrase = passphrase
        self._values: dict[str, str] = {}
        self._salt = random.token_bytes(16)
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._salt = base64.b64decode(data["salt"])
            token = data["token"].encode()
        except (OSError, ValueError, KeyError) as error:
            words = QT_TRANSLATE_NOOP(
                "Problems", "the encrypted secrets file cannot be read: {detail}"
            )
            raise SecretsError(Problem(words, {"detail": str(error)})) from None
        try:
            plain = Fernet(_key(self._passphrase, self._salt)).decrypt(token)
        except InvalidToken:
            words = QT_TRANSLATE_NOOP("Problems", "the passphrase does not open the secrets file")
            raise WrongPassphrase(Problem(words)) from None
        self._values = json.loads(plain)

    def _save(self) -> None:
        token = Fernet(_key(self._passphrase, self._salt)).encrypt(
            json.dumps(self._values).encode()
        )
        text = json.dumps(
            {
                "version": 1,
                "kdf": "scrypt",
                "salt": base64.b64encode(self._salt).decode(),
                "token": token.decode(),
            }
        )
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.path)

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value
        self._save()

    def delete(self, name: str) -> None:
        if self._values.pop(name, None) is not None:
            self._save()


def open_store(workspace_folder: Path, passphrase: str | None = None) -> SecretStore:
    """The keyring when it is usable, else the encrypted file (which needs ``passphrase``)."""
    if keyring_usable():
        return KeyringSecrets(workspace_folder)
    if passphrase is None:
        words = QT_TRANSLATE_NOOP(
            "Problems",
            "this computer has no usable system keyring; a passphrase is needed to keep "
            "secrets in an encrypted file in the workspace",
        )
        raise SecretsError(Problem(words))
    return EncryptedFileSecrets(workspace_folder, passphrase)


def has_fallback_file(workspace_folder: Path) -> bool:
    return (Path(workspace_folder) / FALLBACK_FILE).exists()
