"""The shop's brand colour: WCAG contrast, and the light and dark shades the
respondent page can use of it.

The respondent page draws its buttons, the chosen answer and links in one
accent colour, with text on it (white in light mode, near-black in dark mode)
and itself as text on the page. WCAG 2 AA asks 4.5:1 for normal text, so a
shade is used only when both hold; a colour that fails is darkened (light
mode) or lightened (dark mode) keeping its hue and saturation until it passes,
and the owner is told which shade is used.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

AA_TEXT = 4.5
# The page's own backgrounds (web/static/koe.css): the card and the page around it.
LIGHT_BACKGROUNDS = ("#ffffff", "#f3f2ee")
DARK_BACKGROUNDS = ("#1d1e22", "#121316")
LIGHT_ON_ACCENT = "#ffffff"
DARK_ON_ACCENT = "#121316"
INK_LIGHT = "#1d1d1f"
INK_DARK = "#f1f1f3"

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


class ColourError(ValueError):
    """Text that is not a colour Koe can use (it wants #rrggbb)."""


def parse_hex(text: str) -> str:
    """``text`` as ``#rrggbb`` (lower case); "#abc" and "abc" are accepted too."""
    match = _HEX.fullmatch(text.strip())
    if match is None:
        raise ColourError(f"not a colour: {text.strip()[:20]!r} (expected #rrggbb)")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def _rgb(colour: str) -> tuple[float, float, float]:
    value = parse_hex(colour)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black … 1 white)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, 1 … 21 (order does not matter)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _passes(colour: str, others: tuple[str, ...]) -> bool:
    return all(contrast(colour, other) >= AA_TEXT for other in others)


def _shade(colour: str, others: tuple[str, ...], darker: bool) -> str:
    """``colour`` itself when it passes against ``others``, else the nearest lightness
    (same hue and saturation) that does, found by bisection."""
    if _passes(colour, others):
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    low, high = (0.0, lightness) if darker else (lightness, 1.0)
    # The end of the range (black or white) always passes against these backgrounds.
    for _ in range(30):
        middle = (low + high) / 2
        candidate = _hex(colorsys.hls_to_rgb(hue, middle, saturation))
        if _passes(candidate, others) == darker:
            low = middle
        else:
            high = middle
    best = _hex(colorsys.hls_to_rgb(hue, low if darker else high, saturation))
    if not _passes(best, others):  # rounding to 8 bits may land just short
        best = _hex(colorsys.hls_to_rgb(hue, 0.0 if darker else 1.0, saturation))
    return best


def _mix(colour: str, base: str, amount: float) -> str:
    """``amount`` of ``colour`` over ``base`` (a tint for the chosen-answer background)."""
    pairs = zip(_rgb(colour), _rgb(base), strict=True)
    return _hex(tuple(a * amount + b * (1 - amount) for a, b in pairs))  # type: ignore[arg-type]


@dataclass(frozen=True)
class BrandShades:
    """The shades of a brand colour the respondent page uses, each AA-checked.

    ``light``/``dark``: the accent in light and dark mode (text on it and it on the
    page's backgrounds both reach 4.5:1); ``light_chosen``/``dark_chosen``: the
    chosen answer's background, a tint on which the page's text keeps 4.5:1.
    """

    chosen: str  # what the owner picked, as #rrggbb
    light: str
    dark: str
    light_chosen: str
    dark_chosen: str

    @property
    def adjusted_light(self) -> bool:
        return self.light != self.chosen

    @property
    def adjusted_dark(self) -> bool:
        return self.dark != self.chosen


def _tint(accent: str, base: str, ink: str, amount: float) -> str:
    tint = _mix(accent, base, amount)
    while contrast(tint, ink) < AA_TEXT and amount > 0:
        amount = round(amount - 0.02, 2)
        tint = _mix(accent, base, amount)
    return tint


def brand_shades(colour: str) -> BrandShades:
    """The light and dark shades of ``colour`` (ColourError when it is not one)."""
    chosen = parse_hex(colour)
    light = _shade(chosen, (LIGHT_ON_ACCENT, *LIGHT_BACKGROUNDS), darker=True)
    dark = _shade(chosen, (DARK_ON_ACCENT, *DARK_BACKGROUNDS), darker=False)
    return BrandShades(
        chosen=chosen,
        light=light,
        dark=dark,
        light_chosen=_tint(light, LIGHT_BACKGROUNDS[0], INK_LIGHT, 0.12),
        dark_chosen=_tint(dark, DARK_BACKGROUNDS[0], INK_DARK, 0.2),
    )
