"""Small helpers for tests: free ports on 127.0.0.1, an owner's edits of a contact."""

from __future__ import annotations

import socket

from sqlite_utils import Database

from storage import contacts as contact_store


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lift_opt_outs(db: Database, contact_id: int) -> None:
    """The owner opts a contact back in on every channel (they asked for surveys again)."""
    contact = contact_store.get(db, contact_id)
    contact_store.update(
        db,
        contact_id,
        name=contact.name,
        phone=contact.phone,
        phone_kind=contact.phone_kind,
        email=contact.email,
        language=contact.language,
        attributes=contact.attributes,
        opt_outs=[],
    )
