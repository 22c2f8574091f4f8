"""SMS segment counting: GSM-7 (160/153, extension characters count twice) and UCS-2 (70/67)."""

from __future__ import annotations

import pytest

from surveys.sms import SmsCount, non_gsm_characters, sms_segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SmsCount("GSM-7", 0, 0)),
        ("a" * 160, SmsCount("GSM-7", 160, 1)),
        ("a" * 161, SmsCount("GSM-7", 161, 2)),
        ("a" * 306, SmsCount("GSM-7", 306, 2)),
        ("a" * 307, SmsCount("GSM-7", 307, 3)),
        ("Price: ¥1,500 @ Café Koe! Ü ñ £ $", SmsCount("GSM-7", 33, 1)),
        ("€" * 80, SmsCount("GSM-7", 160, 1)),  # extension characters count twice
        ("€" * 81, SmsCount("GSM-7", 162, 2)),
        ("あ" * 70, SmsCount("UCS-2", 70, 1)),
        ("あ" * 71, SmsCount("UCS-2", 71, 2)),
        ("あ" * 134, SmsCount("UCS-2", 134, 2)),
        ("あ" * 135, SmsCount("UCS-2", 135, 3)),
        ("😀" * 35, SmsCount("UCS-2", 70, 1)),  # an emoji is two UTF-16 code units
        ("😀" * 36, SmsCount("UCS-2", 72, 2)),
    ],
)
def test_segments(text, expected):
    assert sms_segments(text) == expected


def test_a_pair_is_never_split_across_segments():
    # 152 septets then an escape pair: the pair cannot take the 153rd septet.
    assert sms_segments("a" * 152 + "€" + "a" * 152).segments == 3
    assert sms_segments("a" * 151 + "€" + "a" * 153).segments == 2
    # 66 code units then an emoji: its surrogate pair moves to the next part.
    assert sms_segments("あ" * 66 + "😀" + "あ" * 66).segments == 3
    assert sms_segments("あ" * 65 + "😀" + "あ" * 67).segments == 2


def test_one_stray_character_makes_english_ucs2():
    text = "We’d love your feedback"
    assert sms_segments(text).encoding == "UCS-2"
    assert non_gsm_characters(text) == ["’"]
    assert sms_segments(text.replace("’", "'")).encoding == "GSM-7"


def test_per_segment_capacity():
    assert sms_segments("a").per_segment == 160
    assert sms_segments("a" * 200).per_segment == 153
    assert sms_segments("あ").per_segment == 70
    assert sms_segments("あ" * 80).per_segment == 67
