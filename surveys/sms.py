"""SMS length: how many segments (billed parts) a text is sent as.

An SMS carries 140 bytes. Text that fits the GSM 03.38 alphabet is packed as
7-bit "GSM-7": 160 characters in one SMS, or 153 per part when split (the rest
holds the header that joins the parts). Characters of the GSM extension table
(``{ } [ ] ~ \\ | ^ €``) take an escape and so count twice. Any other character
— Japanese, emoji, curly quotes — makes the whole message UCS-2 (UTF-16):
70 code units in one SMS, 67 per part; an emoji outside the Basic
Multilingual Plane is a surrogate pair and counts twice.

A part never ends inside a character as the reader sees it: an escape pair, a
surrogate pair, or a sequence drawn as one symbol (a flag's two regional
indicators, a family joined by zero-width joiners, an emoji and its skin tone,
a letter and its accent). Such a sequence counts all its UTF-16 code units and
moves whole to the next part, as Twilio's segment calculator splits.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

Encoding = Literal["GSM-7", "UCS-2"]
LIMITS: dict[str, tuple[int, int]] = {"GSM-7": (160, 153), "UCS-2": (70, 67)}

ZWJ = "\u200d"


@dataclass(frozen=True)
class SmsCount:
    """A text's SMS encoding, its length in that encoding's units, and its segments.

    ``characters`` counts what the limits count: septets for GSM-7 (an
    extension character is 2) and UTF-16 code units for UCS-2 (an emoji is 2,
    a flag 4, a family of four 11).
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


def _regional(c: str) -> bool:
    return "\U0001f1e6" <= c <= "\U0001f1ff"


def _extends(c: str) -> bool:
    """Joins the character before it (Unicode's Extend, SpacingMark and ZWJ classes)."""
    if c == ZWJ or "\U0001f3fb" <= c <= "\U0001f3ff" or "\U000e0020" <= c <= "\U000e007f":
        return True  # skin tones and emoji tag characters (subdivision flags)
    return unicodedata.category(c) in ("Mn", "Me", "Mc")


def _pictographic(c: str) -> bool:
    return unicodedata.category(c) == "So" or "\U0001f000" <= c <= "\U0001faff"


def graphemes(text: str) -> list[str]:
    """``text`` as the reader sees its characters (UAX #29 clusters, the cases SMS meets).

    A line break stays alone (Twilio's calculator splits CR LF too); a mark,
    a skin tone or a joiner stays with what it follows; a pictograph after a
    joiner joins the sequence; regional indicators pair into flags.
    """
    clusters: list[str] = []
    for c in text:
        if clusters and c not in "\r\n":
            last = clusters[-1]
            if last[-1] not in "\r\n" and (
                _extends(c)
                or (last[-1] == ZWJ and _pictographic(c))
                or (_regional(c) and _regional(last[-1]) and _open_flag(last))
            ):
                clusters[-1] = last + c
                continue
        clusters.append(c)
    return clusters


def _open_flag(cluster: str) -> bool:
    """Whether ``cluster`` ends in an odd run of regional indicators (a flag half made)."""
    run = len(cluster) - len(cluster.rstrip("".join(map(chr, range(0x1F1E6, 0x1F200)))))
    return run % 2 == 1


def _utf16(text: str) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def _units(text: str) -> tuple[Encoding, list[int]]:
    if non_gsm_characters(text):
        return "UCS-2", [_utf16(g) for g in graphemes(text)]
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
        if used + size > split and used:  # a character is never cut across two parts
            segments, used = segments + 1, 0
        used += size
    return SmsCount(encoding, total, segments)
