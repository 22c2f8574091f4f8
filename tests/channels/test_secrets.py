"""Secrets: the keyring when usable, else an encrypted file; never plaintext."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from storage import secrets
from tests.conftest import MemoryKeyring


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The backend a headless Linux has: every call fails."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_fail_backend_is_not_usable():
    assert not secrets.keyring_usable(fail.Keyring())
    assert secrets.keyring_usable(MemoryKeyring())


def test_a_plaintext_backend_is_not_usable():
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    assert not secrets.keyring_usable(PlaintextKeyring())


def test_keyring_store(tmp_path, memory_keyring):
    store = secrets.open_store(tmp_path)
    assert store.kind == "keyring"
    store.set(secrets.TWILIO_AUTH_TOKEN, "tok-123")
    assert store.get(secrets.TWILIO_AUTH_TOKEN) == "tok-123"
    assert list(memory_keyring.passwords.values()) == ["tok-123"]
    store.delete(secrets.TWILIO_AUTH_TOKEN)
    store.delete(secrets.TWILIO_AUTH_TOKEN)
    assert store.get(secrets.TWILIO_AUTH_TOKEN) is None


def test_without_a_keyring_a_passphrase_is_needed(tmp_path, no_keyring):
    with pytest.raises(secrets.SecretsError, match="no usable system keyring"):
        secrets.open_store(tmp_path)


def test_encrypted_file(tmp_path, no_keyring):
    store = secrets.open_store(tmp_path, "correct horse")
    assert store.kind == "file"
    store.set(secrets.SMTP_PASSWORD, "s3cret-smtp")
    raw = (tmp_path / secrets.FALLBACK_FILE).read_bytes()
    assert b"s3cret" not in raw and b"smtp" not in raw.lower().replace(b"scrypt", b"")
    again = secrets.open_store(tmp_path, "correct horse")
    assert again.get(secrets.SMTP_PASSWORD) == "s3cret-smtp"
    with pytest.raises(secrets.WrongPassphrase):
        secrets.open_store(tmp_path, "wrong")
    with pytest.raises(secrets.SecretsError):
        secrets.EncryptedFileSecrets(tmp_path, "")
