"""The rate limiter and the client address it counts, without a server."""

from __future__ import annotations

import pytest

from web.ratelimit import RateLimiter, client_address, limit_key, parse_networks

PROXIES = parse_networks(["127.0.0.1", "10.0.0.0/8", "2001:db8:f::/48", "not an address"])


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("198.51.100.7", None, "198.51.100.7"),
        ("198.51.100.7", "203.0.113.1", "198.51.100.7"),  # not a proxy: header ignored
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "203.0.113.1", "203.0.113.1"),
        ("127.0.0.1", "6.6.6.6, 203.0.113.1", "203.0.113.1"),  # the left part is the client's
        ("127.0.0.1", "203.0.113.1, 10.0.0.5", "203.0.113.1"),  # through a second proxy
        ("127.0.0.1", "10.0.0.9, 10.0.0.5", "10.0.0.9"),  # all proxies: the left-most
        ("127.0.0.1", "203.0.113.1:5555", "203.0.113.1:5555"),
        ("127.0.0.1", " , ", "127.0.0.1"),
        ("::ffff:127.0.0.1", "203.0.113.1", "203.0.113.1"),  # IPv4 seen through IPv6
        ("2001:db8:f::1", "2001:db8:1::2", "2001:db8:1::2"),
        ("127.0.0.1", "[2001:db8:f::9]:443, 2001:db8:2::1", "2001:db8:2::1"),
        (None, "203.0.113.1", "unknown"),
    ],
)
def test_client_address(peer, forwarded, client):
    assert client_address(peer, forwarded, PROXIES) == client


def test_bad_proxy_entries_are_skipped():
    assert [str(network) for network in PROXIES] == [
        "127.0.0.1/32",
        "10.0.0.0/8",
        "2001:db8:f::/48",
    ]


def test_ipv6_clients_count_by_their_64():
    assert limit_key("2001:db8:1:2:aaaa::1") == limit_key("2001:db8:1:2:bbbb::2")
    assert limit_key("2001:db8:1:2::1") != limit_key("2001:db8:1:3::1")
    assert limit_key("203.0.113.1") == "203.0.113.1"
    assert limit_key("::ffff:203.0.113.1") == "203.0.113.1"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_is_a_sliding_minute_and_refusals_are_not_counted():
    clock = Clock()
    limiter = RateLimiter(clock=clock)

    assert [limiter.hit("a", 3) for _ in range(3)] == [0, 0, 0]
    clock.now += 20
    assert limiter.hit("a", 3) == 40  # wait until the first post is a minute old
    assert limiter.hit("b", 3) == 0  # another address has its own count
    clock.now += 40
    assert limiter.hit("a", 3) == 0
    assert limiter.hit("a", 3) == 0
    assert limiter.hit("a", 3) == 0
    assert limiter.hit("a", 3) >= 1


def test_memory_is_bounded():
    clock = Clock()
    limiter = RateLimiter(max_clients=100, clock=clock)

    for n in range(1000):
        limiter.hit(f"198.51.{n // 256}.{n % 256}", 5)
        clock.now += 0.01

    assert len(limiter) <= 100
    clock.now += 61
    limiter.hit("203.0.113.1", 5)
    assert len(limiter) <= 100
