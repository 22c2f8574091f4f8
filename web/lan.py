"""This computer's address on its local network, for a QR code on a shop's counter.

Found without sending anything: ``connect()`` on a UDP socket only asks the
operating system which of its addresses it would send from (the route to a
documentation address that is never contacted); no packet leaves.
"""

from __future__ import annotations

import ipaddress
import socket

# TEST-NET-3 (RFC 5737): routed like any public address, used by no one.
_PROBE = ("203.0.113.1", 9)


def lan_address() -> str | None:
    """The IPv4 address other devices on the network reach this computer at, or None."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return None  # no network, or no route out of this computer
    return address if is_lan_address(address) else None


def is_lan_address(text: str) -> bool:
    """True for an address another device could reach: not loopback, link-local or 0.0.0.0."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return not (address.is_loopback or address.is_link_local or address.is_unspecified)


def lan_url(address: str, port: int) -> str:
    shown = f"[{address}]" if ":" in address else address
    return f"http://{shown}:{port}"
