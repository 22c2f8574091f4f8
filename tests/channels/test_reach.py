"""Which addresses reach a customer's phone: channels.reach.classify."""

from __future__ import annotations

import pytest

from channels.reach import Reach, classify


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://127.5.5.5",
        "http://localhost:8765",
        "http://LOCALHOST.",
        "http://koe.localhost",
        "http://[::1]:8765",
        "http://0.0.0.0:8765",
        "http://[::ffff:127.0.0.1]",
    ],
)
def test_loopback_reaches_this_computer_only(url: str):
    assert classify(url) is Reach.THIS_COMPUTER


@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.1.23:8765",
        "http://10.0.0.5",
        "http://172.16.4.2:8765",
        "http://172.31.255.254",
        "http://169.254.10.1",
        "http://100.64.1.1",
        "http://[fd12:3456::1]:8765",
        "http://[fe80::1%25eth0]:8765",
        "http://shop-pc:8765",
        "http://shop-pc.local:8765",
        "http://koe.lan",
        "http://nas.home.arpa",
    ],
)
def test_private_addresses_and_local_names_reach_the_shops_wifi_only(url: str):
    reach = classify(url)
    assert reach is Reach.LOCAL_NETWORK


@pytest.mark.parametrize(
    "url",
    [
        "https://survey.example.com",
        "https://koe.example.co.jp/",
        "http://8.8.8.8:8765",
        "https://[2606:4700:4700::1111]",
        "https://アンケート.example.jp",
        "https://172.32.0.1",  # just outside 172.16.0.0/12
    ],
)
def test_public_addresses_reach_anywhere(url: str):
    assert classify(url) is Reach.INTERNET


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "survey.example.com",
        "ftp://example.com",
        "https://",
        "http://[::1",
        "https://224.0.0.1",
    ],
)
def test_what_is_not_an_address_reaches_no_one(url: str):
    assert classify(url) is Reach.NONE
