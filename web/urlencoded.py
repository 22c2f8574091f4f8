"""A form post's body (application/x-www-form-urlencoded) as name/value pairs, quickly.

The same result, and the same errors, as ``urllib.parse.parse_qsl(text,
keep_blank_values=True, strict_parsing=..., errors="strict", max_num_fields=...)``
(tests/web/test_urlencoded.py compares them). Python 3.11's ``unquote`` decodes a
percent escape at a time in Python; a browser escapes every byte of Japanese text
(a comment of 100 characters is 300 escapes), which made reading the form the
largest single cost of an answer post. Here each run of escapes is turned into
bytes in one C call.
"""

from __future__ import annotations

import binascii
import re
from urllib.parse import unquote

_ESCAPES = re.compile(rb"(?:%[0-9A-Fa-f]{2})+")


def _run(match: re.Match[bytes]) -> bytes:
    return binascii.unhexlify(match.group().replace(b"%", b""))


def unquote_plus(text: str) -> str:
    """``urllib.parse.unquote(text.replace("+", " "), errors="strict")``."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    if not text.isascii():  # not what a browser sends: the library's own way
        return unquote(text, errors="strict")
    return _ESCAPES.sub(_run, text.encode("ascii")).decode("utf-8")


def parse_pairs(text: str, *, strict: bool, max_fields: int) -> list[tuple[str, str]]:
    """The body's (name, value) pairs in order; ValueError for a malformed one."""
    if text and max_fields < 1 + text.count("&"):
        raise ValueError("Max number of fields exceeded")
    pairs: list[tuple[str, str]] = []
    for field in text.split("&") if text else []:
        if not field and not strict:
            continue
        name, equals, value = field.partition("=")
        if not equals and strict:
            raise ValueError(f"bad query field: {field!r}")
        pairs.append((unquote_plus(name), unquote_plus(value)))
    return pairs
