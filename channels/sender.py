"""Starting the workspace's one sender (DESIGN.md, "One seat, one sender").

``configured_channels`` builds the SMS and email channels the settings and the
secret store describe (a channel with anything missing is left out);
``start_sender`` starts a ``Dispatcher`` over them in the process that holds
the workspace lock: the desktop app while it runs, or ``main.py serve`` on a
workspace that holds contacts (a public host synced with a desktop holds none,
and never sends).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from storage import settings as settings_store

# A channel's library (Twilio, smtplib) and the dispatcher are imported when a
# channel is configured: the desktop starts its sender at every start, most
# often with nothing to send through.
if TYPE_CHECKING:
    from channels.base import Channel
    from channels.outbox import Dispatcher, Timing
    from storage.secrets import SecretStore
    from storage.workspace import Workspace

log = logging.getLogger(__name__)


def sender_fields(sender: str) -> dict[str, str]:
    """A Twilio sender as typed: an E.164 number, a Messaging Service SID, or a sender ID."""
    sender = sender.strip()
    if sender.startswith("+"):
        return {"from_number": sender}
    if sender.startswith("MG") and len(sender) == 34:
        return {"messaging_service_sid": sender}
    return {"sender_id": sender}


def configured_channels(settings: Any, secret: Callable[[str], str | None]) -> dict[str, Channel]:
    """The channels ``settings`` (storage.settings.Settings) and ``secret`` (name → value) allow."""
    from storage.secrets import SMTP_PASSWORD, TWILIO_AUTH_TOKEN

    channels: dict[str, Channel] = {}
    sid = getattr(settings, "twilio_account_sid", "")
    sender = getattr(settings, "twilio_sender", "")
    token = secret(TWILIO_AUTH_TOKEN) if sid and sender else None
    if sid and sender and token:
        from channels.sms import TwilioSettings, TwilioSms

        channels["sms"] = TwilioSms(
            TwilioSettings(
                account_sid=sid,
                auth_token=token,
                rate_per_second=float(getattr(settings, "sms_per_second", 1.0) or 1.0),
                base_url=getattr(settings, "twilio_api_url", "") or None,
                **sender_fields(sender),
            )
        )
    host, sender_address = getattr(settings, "smtp_host", ""), getattr(settings, "smtp_from", "")
    user = getattr(settings, "smtp_user", "")
    # A login without its password (never saved, or the secrets file locked) cannot send.
    password = (secret(SMTP_PASSWORD) or "") if user else ""
    if host and sender_address and (password or not user):
        from channels.email import SmtpEmail, SmtpSettings

        channels["email"] = SmtpEmail(
            SmtpSettings(
                host=host,
                port=int(getattr(settings, "smtp_port", 587)),
                from_address=sender_address,
                security=getattr(settings, "smtp_security", "starttls"),
                user=user,
                password=password,
                from_name=getattr(settings, "business_name", ""),
                business_address=getattr(settings, "postal_address", ""),
            )
        )
    return channels


def has_contacts(workspace: Workspace) -> bool:
    from storage import contacts as contact_store

    return contact_store.count(workspace.db()) > 0


def start_sender(
    workspace: Workspace,
    *,
    passphrase: str | None = None,
    store: SecretStore | None = None,
    on_change: Callable[[], None] | None = None,
    timing: Timing | None = None,
) -> Dispatcher | None:
    """Start sending this workspace's outbox, if a channel is configured; None otherwise.

    The secrets come from ``store`` when given (the desktop's unlocked store), else from
    the keyring or the encrypted file opened with ``passphrase``.
    """
    from storage.secrets import SecretsError, open_store

    if workspace.read_only:
        return None
    if store is None:
        try:
            store = open_store(workspace.folder, passphrase)
        except SecretsError as error:
            # Without secrets a channel that needs none (SMTP without login) still sends.
            log.warning("secrets unavailable: %s", error)
            store = None

    def secret(name: str) -> str | None:
        if store is None:
            return None
        try:
            return store.get(name)
        except SecretsError as error:
            log.warning("cannot read the %s: %s", name, error)
            return None

    channels = configured_channels(settings_store.load(workspace.db()), secret)
    from storage import webhooks as webhook_store

    if webhook_store.count(workspace.db()):  # chats and webhooks (channels.webhooks)
        from channels.webhooks.channel import WebhookChannel

        channels[webhook_store.CHANNEL] = WebhookChannel(workspace.db_path, secret)
    if not channels:
        return None
    from channels.outbox import Dispatcher

    dispatcher = Dispatcher(workspace.db_path, channels, on_change=on_change, timing=timing)
    dispatcher.start()
    # Programmes queue their sends in the process that sends them (docs/programmes.md).
    from channels.programmes import ProgrammeRunner

    runner = ProgrammeRunner(workspace, wake=dispatcher.wake)
    runner.start()
    dispatcher.companions.append(runner)
    log.info("sending through %s", ", ".join(sorted(channels)))
    return dispatcher
