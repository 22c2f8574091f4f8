"""Channels set up as a user would in Settings ▸ Messages, against the real local peers:
the Twilio-compatible server (tests/twilio_server.py) and aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from storage import secrets
from storage import settings as settings_store
from storage.database import to_text, utc_now
from storage.secrets import SecretStore
from tests.channels.conftest import OUR_NUMBER, SMTP_PASSWORD, SMTP_USER, SmtpPeer
from tests.twilio_server import ACCOUNT_SID, AUTH_TOKEN, TwilioServer

PUBLIC_URL = "https://koe.example.jp"


def set_up_sms(db: Database, server: TwilioServer, *, tested: bool = True) -> None:
    """Twilio's settings for the local server; tested: a test SMS went with them."""
    settings_store.save(
        db,
        public_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_sender=OUR_NUMBER,
        twilio_api_url=server.base_url,
        sms_per_second=50.0,
        sms_tested_at=to_text(utc_now()) if tested else "",
    )


def set_up_email(db: Database, smtp: SmtpPeer, *, tested: bool = True) -> None:
    """SMTP settings for the local aiosmtpd (with a login: the password is a secret)."""
    settings_store.save(
        db,
        public_url=PUBLIC_URL,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_user=SMTP_USER,
        smtp_from="survey@shop.example",
        postal_address="1-2-3 Shibuya, Tokyo",
        email_tested_at=to_text(utc_now()) if tested else "",
    )


def type_smtp(panel: Any, smtp: SmtpPeer) -> None:
    """Type the local aiosmtpd's settings into Settings ▸ Messages (not saved yet)."""
    panel.smtp_host.setText("127.0.0.1")
    panel.smtp_port.setValue(smtp.port)
    panel.security.setCurrentIndex(panel.security.findData("none"))
    panel.smtp_user.setText(SMTP_USER)
    panel.smtp_password.setText(SMTP_PASSWORD)
    panel.smtp_from.setText("survey@shop.example")


def store_secrets(store: SecretStore, *, sms: bool = True, email: bool = True) -> None:
    if sms:
        store.set(secrets.TWILIO_AUTH_TOKEN, AUTH_TOKEN)
    if email:
        store.set(secrets.SMTP_PASSWORD, SMTP_PASSWORD)


def keyring_secrets(folder: Path, **which: bool) -> None:
    """The secrets in the (in-memory test) keyring, as Settings saves them."""
    store_secrets(secrets.KeyringSecrets(folder), **which)
