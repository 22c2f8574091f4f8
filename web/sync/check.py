"""Checking a public host end to end before the desktop connects to it: ``check_host``.

The settings page runs it on a thread of its own, with progress and Cancel
(ui/settings/sync_panel.py); nothing is kept on this side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from web.sync.errors import SyncError
from web.sync.host import HostClient, normalize_host_url
from web.sync.protocol import PROTOCOL_VERSION, mismatch_message, up_to_date

log = logging.getLogger(__name__)

CHECK_TIMEOUT = httpx.Timeout(20.0, connect=10.0)
CHECK_STEPS = ("address", "status", "publish", "pull")
"""What ``check_host`` does, in order (its ``step`` callback names each as it starts)."""


class CheckCancelled(Exception):
    """The check stopped because it was asked to (nothing was kept)."""


@dataclass(frozen=True)
class HostCheck:
    """A host that passed every check: its address, as normalised, and what it said."""

    url: str
    protocol: str
    host_id: str


def check_host(
    url: str,
    key: str,
    site: dict[str, Any],
    *,
    ca_file: Path | None = None,
    timeout: httpx.Timeout = CHECK_TIMEOUT,
    step: Callable[[str], bool] = lambda _name: True,
) -> HostCheck:
    """Check the host at ``url`` end to end before anything is kept; SyncError says what failed.

    In order: the address (https://, except to this computer itself); the
    connection and the HTTPS certificate; the host's status, which needs the
    key and names the protocol, at least this app's version (``up_to_date``);
    a publish (``site``: what the pages show of the business, which the first
    sync publishes anyway) and a pull (the first page of changes, not applied).
    Nothing is written on this side. ``step(name)`` is called before each of
    CHECK_STEPS; when it returns False the check stops with CheckCancelled.
    """

    def begin(name: str) -> None:
        if not step(name):
            raise CheckCancelled

    begin("address")
    url = normalize_host_url(url)
    if not key.strip():
        raise SyncError("no_key", "Paste the key from the host's key file.")
    with HostClient(url, key, ca_file=ca_file, timeout=timeout) as client:
        begin("status")
        status = client.status()
        if not up_to_date(PROTOCOL_VERSION, status.protocol):
            raise SyncError(
                "version",
                mismatch_message(PROTOCOL_VERSION, status.protocol),
                host_protocol=status.protocol,
            )
        begin("publish")
        client.put_site(site)
        begin("pull")
        client.changes(0, 1)
    log.info("host %s checked: protocol %s", url, status.protocol)
    return HostCheck(url=url, protocol=status.protocol, host_id=status.host_id)
