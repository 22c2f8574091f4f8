"""The generic webhook's signature (docs/webhooks.md tells receivers how to check it).

Each request carries:

- ``Koe-Timestamp``: seconds since the epoch when this attempt was signed;
- ``Koe-Signature``: ``v1=`` + hex HMAC-SHA256, keyed with the destination's
  signing secret, over ``"{timestamp}.{body}"`` (the raw body bytes);
- ``Koe-Idempotency-Id``: the same for every attempt of one message, so a
  receiver drops a message it has seen (a retry after a timeout).

A receiver rejects a timestamp more than ``TOLERANCE`` seconds from its clock,
so a captured request cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TIMESTAMP_HEADER = "Koe-Timestamp"
SIGNATURE_HEADER = "Koe-Signature"
IDEMPOTENCY_HEADER = "Koe-Idempotency-Id"
EVENT_HEADER = "Koe-Event"
TOLERANCE = 300  # seconds


def new_secret() -> str:
    """A signing secret for a new destination (shown once to the owner to copy)."""
    return "koe_whsec_" + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "v1=" + digest.hexdigest()


def headers(secret: str, timestamp: int, body: bytes, idempotency_id: str) -> dict[str, str]:
    """The signing headers of one attempt."""
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
        IDEMPOTENCY_HEADER: idempotency_id,
    }
