"""Rate limits on public-link posts, per client address, kept in memory only.

A public link (a QR code on a counter, a link on social media) can be
answered by anyone, so a script could fill a survey with made-up answers.
Each client address may post a limited number of times a minute (a setting,
20 by default). Personal links are not limited by address: their token
already allows one response.

Behind a reverse proxy every request comes from the proxy's address, so the
client's address is read from ``X-Forwarded-For``, but only when the request
comes from a proxy listed in the settings: anyone can send that header. The
right-most address that is not a listed proxy is the client (the ones to its
left were written by the client itself and may be anything). IPv6 clients
are counted by their /64 network, which one household or phone holds whole.

Nothing here is written to disk or logs: addresses live in memory for a
minute and are forgotten.
"""

from __future__ import annotations

import functools
import ipaddress
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable

WINDOW_SECONDS = 60.0
MAX_CLIENTS = 20_000  # addresses remembered at once; beyond it the least recent are dropped

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries: Iterable[str]) -> list[Network]:
    """The trusted proxies as networks; an address is a network of one. Bad entries are skipped."""
    networks: list[Network] = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.9:5555"
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted(text: str | None, networks: list[Network]) -> bool:
    """Whether ``text`` is an address within one of ``networks``."""
    if not text:
        return False
    address = _address(text)
    return address is not None and any(address in network for network in networks)


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    """The address a post came from, as the rate limit counts it.

    ``peer`` is the TCP peer; ``forwarded_for`` the ``X-Forwarded-For``
    header, believed only when the peer is in ``trusted``.
    """
    peer = peer or "unknown"
    if not forwarded_for or not is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop[:64]
    return hops[0][:64] if hops else peer


@functools.lru_cache(maxsize=4096)  # parsing was most of a post's rate-limit cost
def limit_key(address: str) -> str:
    """What the limit counts: the address, or its /64 for IPv6."""
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed) if parsed is not None else address


class RateLimiter:
    """A sliding one-minute window of posts per key; thread-safe (endpoints run on threads)."""

    def __init__(
        self,
        window: float = WINDOW_SECONDS,
        max_clients: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window = window
        self.max_clients = max_clients
        self.clock = clock
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int) -> int:
        """Count a post by ``key``: 0 when allowed, else the seconds to wait (at least 1).

        A refused post is not counted, so a client that waits gets through.
        """
        now = self.clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                self._forget_some(now)
                hits = self._hits[key] = deque()
            else:
                self._hits.move_to_end(key)
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= max(limit, 1):
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return 0

    def __len__(self) -> int:
        return len(self._hits)

    def _forget_some(self, now: float) -> None:
        if len(self._hits) < self.max_clients:
            return
        for key in [
            k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window
        ]:
            del self._hits[key]
        while len(self._hits) >= self.max_clients:
            self._hits.popitem(last=False)
