"""SMS length: how many segments (billed parts) a text is sent as.

An SMS carries 140 bytes. Text that fits the GSM 03.38 alphabet is packed as
7-bit "GSM-7": 160 characters in one SMS, or 153 per part when split (the rest
holds the header that joins the parts). Characters of the GSM extension table
(``{ } [ ] ~ \\ | ^ €``) take an escape and so count twice. Any other character
— Japanese, emoji, curly quotes — makes the whole message UCS-2 (UTF-16):
70 code units in one SMS, 67 per part; an emoji outside the Basic
Multilingual Plane is a surrogate pair and counts twice. A part never ends in
the middle of an escape pair or a surrogate pair, as carriers and Twilio split.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

Encoding = Literal["GSM-7", "UCS-2"]
LIMITS: dict[str, tuple[int, int]] = {"GSM-7": (160, 153), "UCS-2": (70, 67)}


@dataclass(frozen=True)
class SmsCount:
    """A text's SMS encoding, its length in that encoding's units, and its segments.

    ``characters`` counts what the limits count: septets for GSM-7 (an
    extension character is 2) and UTF-16 code units for UCS-2 (an emoji is 2).
    """

    encoding: Encoding
    characters: int
    segments: int

    @property
    def per_segment(self) -> int:
        """How many units each segment holds: 160/70 alone, 153/67 when split."""
        single, split = LIMITS[self.encoding]
        return single if self.segments <= 1 else split


def non_gsm_characters(text: str) -> list[str]:
    """The characters that force ``text`` into UCS-2, each once, in order of appearance."""
    return list(dict.fromkeys(c for c in text if c not in GSM_BASIC and c not in GSM_EXTENSION))


def _units(text: str) -> tuple[Encoding, list[int]]:
    if non_gsm_characters(text):
        return "UCS-2", [2 if ord(c) > 0xFFFF else 1 for c in text]
    return "GSM-7", [2 if c in GSM_EXTENSION else 1 for c in text]


def sms_segments(text: str) -> SmsCount:
    """How ``text`` is sent by SMS: its encoding, its length and its number of segments."""
    encoding, units = _units(text)
    total = sum(units)
    single, split = LIMITS[encoding]
    if total == 0:
        return SmsCount(encoding, 0, 0)
    if total <= single:
        return SmsCount(encoding, total, 1)
    segments, used = 1, 0
    for size in units:
        if used + size > split:  # a pair is never cut across two parts
            segments, used = segments + 1, 0
        used += size
    return SmsCount(encoding, total, segments)
