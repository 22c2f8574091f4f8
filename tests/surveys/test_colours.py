"""The brand colour's contrast maths (WCAG 2's published formula) and the shades Koe uses."""

import pytest

from surveys.colours import (
    DARK_BACKGROUNDS,
    DARK_ON_ACCENT,
    INK_DARK,
    INK_LIGHT,
    LIGHT_BACKGROUNDS,
    LIGHT_ON_ACCENT,
    ColourError,
    brand_shades,
    contrast,
    parse_hex,
    relative_luminance,
)


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic "just fails AA" grey
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
        ("#ffffff", "#0f5fa6", 6.54),  # Koe's own accent, with white text on it
    ],
)
def test_contrast_matches_wcag_published_figures(first, second, ratio):
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast(second, first) == pytest.approx(ratio, abs=0.01)


def test_relative_luminance_ends():
    assert relative_luminance("#000") == 0
    assert relative_luminance("#fff") == pytest.approx(1)


@pytest.mark.parametrize("text", ["", "red", "#12345", "#gggggg", "rgb(0,0,0)", "#1234567"])
def test_a_non_colour_is_refused(text):
    with pytest.raises(ColourError):
        parse_hex(text)


def test_short_and_bare_hex_are_read():
    assert parse_hex(" ABC ") == "#aabbcc"
    assert parse_hex("#0F5FA6") == "#0f5fa6"


def _assert_aa(shades):
    for background in (LIGHT_ON_ACCENT, *LIGHT_BACKGROUNDS):
        assert contrast(shades.light, background) >= 4.5
    for background in (DARK_ON_ACCENT, *DARK_BACKGROUNDS):
        assert contrast(shades.dark, background) >= 4.5
    assert contrast(shades.light_chosen, INK_LIGHT) >= 4.5
    assert contrast(shades.dark_chosen, INK_DARK) >= 4.5


def test_a_dark_enough_colour_is_kept_in_light_mode_and_lightened_for_dark():
    shades = brand_shades("#0f5fa6")
    assert shades.light == "#0f5fa6" and not shades.adjusted_light
    assert shades.adjusted_dark
    _assert_aa(shades)


@pytest.mark.parametrize("colour", ["#ffd700", "#777777", "#ff0000", "#00ff00", "#ffffff", "#000"])
def test_a_failing_colour_is_adjusted_until_it_passes_aa(colour):
    shades = brand_shades(colour)
    _assert_aa(shades)


def test_adjustment_keeps_the_hue_and_stays_close():
    import colorsys

    shades = brand_shades("#ff8800")  # orange: too light for white text
    assert shades.adjusted_light

    def hue(c):
        return colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]

    assert hue(shades.light) == pytest.approx(hue("#ff8800"), abs=0.01)
    # The nearest passing shade, not black: a little lighter would fail.
    assert 4.5 <= contrast(shades.light, "#f3f2ee") < 4.7
