"""Segment counts agree with Twilio's own segment calculator, emoji sequences included.

The expected values were generated with Twilio's calculator, the npm package
``sms-segments-calculator`` 1.3.0 (github.com/TwilioDevEd/message-segment-calculator),
by running for each text below, in node::

    const m = new SegmentedMessage(text);
    [m.encodingName, m.messageSize / (m.encodingName === "GSM-7" ? 7 : 16), m.segmentsCount]

(messageSize is the message's bits without the part headers: divided by 7 or
16 it is the septets or UTF-16 code units). The calculator keeps each
grapheme whole: a flag, a family joined by zero-width joiners, an emoji with
its skin tone never straddles two parts.
"""

from __future__ import annotations

import pytest

from surveys.sms import graphemes, sms_segments

FLAG = "\U0001f1ef\U0001f1f5"  # 🇯🇵: two regional indicators, 4 code units
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦: 11 units
THUMB = "\U0001f44d\U0001f3fd"  # 👍🏽: an emoji and its skin tone, 4 units
RAINBOW = "\U0001f3f3\ufe0f\u200d\U0001f308"  # 🏳️‍🌈: 6 units
KEYCAP = "1\ufe0f\u20e3"  # 1️⃣: 3 units
SMILE = "\U0001f600"
A = "あ"

CALCULATOR = [
    # (name, text, encoding, units, segments) — from sms-segments-calculator 1.3.0
    ("flag_fits_70", A * 66 + FLAG, "UCS-2", 70, 1),
    ("flag_over_70", A * 67 + FLAG, "UCS-2", 71, 2),
    ("flag_across_boundary", A * 65 + FLAG + A * 65, "UCS-2", 134, 3),
    ("flag_after_boundary", A * 65 + FLAG + A * 63, "UCS-2", 132, 2),
    ("flag_at_66", A * 66 + FLAG + A * 64, "UCS-2", 134, 3),
    ("flags_row", FLAG * 17 + "a", "UCS-2", 69, 1),
    ("flags_row_18", FLAG * 18, "UCS-2", 72, 2),
    ("family_across_boundary", A * 60 + FAMILY + A * 60, "UCS-2", 131, 3),
    ("family_fits", A * 56 + FAMILY + A * 60, "UCS-2", 127, 2),
    ("family_exact_67", A * 56 + FAMILY + A * 67, "UCS-2", 134, 2),
    ("family_alone", FAMILY * 6, "UCS-2", 66, 1),
    ("family_7", FAMILY * 7, "UCS-2", 77, 2),
    ("skin_across_boundary", A * 64 + THUMB + A * 66, "UCS-2", 134, 3),
    ("skin_fits", A * 63 + THUMB + A * 67, "UCS-2", 134, 2),
    ("skin_split_pair", A * 65 + THUMB + A * 65, "UCS-2", 134, 3),
    ("skin_split_pair_fits", A * 65 + THUMB + A * 63, "UCS-2", 132, 2),
    ("skin_english", "Thanks " + THUMB + " " + "a" * 60, "UCS-2", 72, 2),
    ("rainbow_across", A * 63 + RAINBOW + A * 64, "UCS-2", 133, 3),
    ("keycap_across", A * 65 + KEYCAP + A * 66, "UCS-2", 134, 3),
    ("smile_65", A * 65 + SMILE + A * 67, "UCS-2", 134, 2),
    ("smile_66", A * 66 + SMILE + A * 66, "UCS-2", 134, 3),
    ("gsm_euro_152", "a" * 152 + "€" + "a" * 152, "GSM-7", 306, 3),
    ("gsm_euro_151", "a" * 151 + "€" + "a" * 153, "GSM-7", 306, 2),
    ("gsm_euro_158", "a" * 158 + "€", "GSM-7", 160, 1),
    ("gsm_euro_159", "a" * 159 + "€", "GSM-7", 161, 2),
    ("gsm_braces_boundary", "a" * 152 + "{}" + "a" * 150, "GSM-7", 306, 3),
    ("gsm_caret_306", "a" * 305 + "^", "GSM-7", 307, 3),
    ("combining_accent", "Cafe\u0301 " + "a" * 70, "UCS-2", 76, 2),
]


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [case[1:] for case in CALCULATOR],
    ids=[case[0] for case in CALCULATOR],
)
def test_counts_agree_with_twilios_calculator(text, encoding, units, segments):
    count = sms_segments(text)
    assert (count.encoding, count.characters, count.segments) == (encoding, units, segments)


def test_a_sequence_drawn_as_one_symbol_is_one_grapheme():
    text = f"a{FLAG}{FAMILY}{THUMB}{RAINBOW}{KEYCAP}e\u0301\n"
    assert graphemes(text) == ["a", FLAG, FAMILY, THUMB, RAINBOW, KEYCAP, "e\u0301", "\n"]
    # Two flags side by side are two flags, not a flag and two halves.
    assert graphemes(FLAG * 2) == [FLAG, FLAG]
