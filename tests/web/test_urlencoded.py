"""web.urlencoded reads a form body exactly as urllib.parse.parse_qsl would, errors included."""

from __future__ import annotations

import random
from urllib.parse import parse_qsl, quote_plus, urlencode

import pytest

from web.urlencoded import parse_pairs

SAMPLES = [
    "",
    "a=1",
    "a=1&b=",
    "a",
    "a=1&&b=2",
    "&",
    "=",
    "a==b",
    "a=%zz&b=%4",
    "a=%E3%81%82%e3%81%84+x",
    "a=%E3%81",  # cut inside a character
    "a=%FF",
    "%E5%90%8D=%E5%80%A4",
    "a=caf\u00e9%20bar",  # a raw non-ASCII character beside an escape
    "reason=" + quote_plus("スタッフの対応が丁寧で、おいしかったです。 Friendly staff.&=%+"),
    urlencode({"nps": "9", "reason": "改行\r\nと\tタブ", "_all": "1", "_csrf": "x" * 86}),
]
ALPHABET = ["a", "b", "=", "&", "+", "%", "2", "F", "e", "3", "8", "1", "%E3", "%81", "%82", "é"]


def _outcome(text: str, strict: bool, max_fields: int, ours: bool) -> object:
    try:
        if ours:
            return parse_pairs(text, strict=strict, max_fields=max_fields)
        return parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=strict,
            errors="strict",
            max_num_fields=max_fields,
        )
    except ValueError as error:
        return type(error).__name__


@pytest.mark.parametrize("strict", [True, False])
def test_the_same_pairs_and_errors_as_parse_qsl(strict: bool):
    chance = random.Random(18)
    bodies = SAMPLES + [
        "".join(chance.choice(ALPHABET) for _ in range(chance.randint(0, 30))) for _ in range(3000)
    ]
    for body in bodies:
        for max_fields in (200, 2):
            expected = _outcome(body, strict, max_fields, ours=False)
            assert _outcome(body, strict, max_fields, ours=True) == expected, body
