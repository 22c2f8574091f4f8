"""Adding, editing and removing a destination: its row (storage.webhooks) and its
secrets (the keyring, storage.secrets) together, and checking what the owner typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlite_utils import Database

from channels.webhooks import signing
from channels.webhooks.channel import read_secret
from storage import webhooks as store
from storage.secrets import SecretStore
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

NEEDS_HTTPS = QT_TRANSLATE_NOOP(
    "Problems", "The address must be a full https:// web address, as the service gave it."
)
NEEDS_TOKEN = QT_TRANSLATE_NOOP("Problems", "Chatwork needs an API token and a room id.")
BAD_ROOM = QT_TRANSLATE_NOOP("Problems", "A Chatwork room id is a number, such as 123456789.")
NEEDS_EVENT = QT_TRANSLATE_NOOP("Problems", "Choose at least one thing to send.")


class InvalidDestination(Explained):
    """What the owner typed cannot be used; its problem says why."""


@dataclass(frozen=True)
class Typed:
    """A destination as the Settings dialog has it. ``url``/``token`` empty on an edit:
    keep the stored one."""

    kind: str
    name: str
    events: tuple[str, ...]
    send_comments: bool
    language: str
    url: str = ""
    token: str = ""
    room_id: str = ""


def check(typed: Typed, editing: bool = False) -> None:
    """Raise ``InvalidDestination`` for something that cannot work."""
    if not typed.events:
        raise InvalidDestination(Problem(NEEDS_EVENT))
    if typed.kind == "chatwork":
        if not typed.room_id.strip().isdigit():
            raise InvalidDestination(Problem(BAD_ROOM))
        if not typed.token.strip() and not editing:
            raise InvalidDestination(Problem(NEEDS_TOKEN))
        return
    url = typed.url.strip()
    if not url and editing:
        return
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in url):
        raise InvalidDestination(Problem(NEEDS_HTTPS))


def save(
    db: Database, secrets: SecretStore, typed: Typed, webhook_id: int | None = None
) -> store.Destination:
    """Store a new destination (``webhook_id`` None) or change one; its secrets go to
    the keyring first, so a row never exists without them."""
    check(typed, editing=webhook_id is not None)
    fields = {
        "name": typed.name.strip() or typed.kind,
        "events": typed.events,
        "send_comments": typed.send_comments,
        "language": typed.language,
        "room_id": typed.room_id.strip(),
    }
    if webhook_id is None:
        destination = store.add(db, kind=typed.kind, **fields)  # type: ignore[arg-type]
        values = {"signing_secret": signing.new_secret()} if typed.kind == "generic" else {}
    else:
        found = store.update(db, webhook_id, **fields)  # type: ignore[arg-type]
        if found is None:
            raise KeyError(webhook_id)
        destination = found
        values = read_secret(secrets.get, webhook_id)
    if typed.url.strip():
        values["url"] = typed.url.strip()
    if typed.token.strip():
        values["token"] = typed.token.strip()
    try:
        secrets.set(store.secret_name(destination.id), json.dumps(values))
    except Exception:
        if webhook_id is None:  # no row without its secrets
            store.remove(db, destination.id)
        raise
    return destination


def remove(db: Database, secrets: SecretStore, webhook_id: int) -> int:
    """Delete a destination and its secrets; its messages not sent yet are canceled."""
    canceled = store.remove(db, webhook_id)
    secrets.delete(store.secret_name(webhook_id))
    return canceled


def signing_secret(secrets: SecretStore, webhook_id: int) -> str:
    """A generic destination's signing secret, for the owner to copy to the receiver."""
    return read_secret(secrets.get, webhook_id).get("signing_secret", "")
