"""Who can open a link built on an address: the one place that decides it.

A link that reaches no customer is worse than no link. Every surface that
gives a link out (Copy link, QR codes, posters, the designer's preview QR,
SMS and email campaigns) asks ``classify`` about the address the link is
built on, and warns or refuses by the answer:

- ``Reach.NONE``: no address at all (nothing can be built);
- ``Reach.THIS_COMPUTER``: loopback (``127.0.0.1``, ``localhost``, ``::1``):
  only a browser on this computer opens it, never a customer's phone;
- ``Reach.LOCAL_NETWORK``: a private or link-local address, or a name only a
  local network resolves (``shop-pc``, ``*.local``, ``*.lan``, ``*.home.arpa``):
  phones on the same Wi-Fi while Koe runs, enough for a QR code on the counter,
  never for an SMS or an email;
- ``Reach.INTERNET``: any other address: a public host.

It looks at the address only: no DNS look-up, no connection (a name that
resolves to a private address is taken at its word; verifying a host end to
end is the public-host set-up's job).
"""

from __future__ import annotations

import ipaddress
from enum import Enum
from urllib.parse import urlsplit

# Names that only a local network resolves (RFC 6762 .local, RFC 8375 .home.arpa,
# and the suffixes home routers hand out).
_LOCAL_SUFFIXES = (".local", ".lan", ".home", ".home.arpa", ".internal", ".localdomain")
# 100.64.0.0/10 is a carrier's shared address space: not reachable from the internet.
_SHARED = ipaddress.ip_network("100.64.0.0/10")


class Reach(Enum):
    NONE = "none"
    THIS_COMPUTER = "this_computer"
    LOCAL_NETWORK = "local_network"
    INTERNET = "internet"


def classify(url: str) -> Reach:
    """How far a link built on ``url`` (``https://survey.example.com``, ``http://192.168.1.5:8765``)
    reaches; an address that is not an http(s) URL with a host reaches no one."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return Reach.NONE
    if parts.scheme not in ("http", "https") or not host:
        return Reach.NONE
    host = host.rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return _classify_name(host)
    return _classify_address(address)


def _classify_name(host: str) -> Reach:
    if host == "localhost" or host.endswith(".localhost"):
        return Reach.THIS_COMPUTER
    if "." not in host or host.endswith(_LOCAL_SUFFIXES):
        return Reach.LOCAL_NETWORK
    return Reach.INTERNET


def _classify_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> Reach:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified:
        return Reach.THIS_COMPUTER
    if address.is_private or address.is_link_local or address in _SHARED:
        return Reach.LOCAL_NETWORK
    if address.is_global and not (address.is_multicast or address.is_reserved):
        return Reach.INTERNET
    return Reach.NONE  # multicast, reserved, documentation ranges: no one's phone
