"""Icons: the Lucide set with its licence, drawn in the palette's colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette

from ui.common.icons import ICON_DIR, icon

SVGS = sorted(ICON_DIR.glob("*.svg"))


def test_the_licence_and_origin_are_recorded():
    assert "ISC License" in (ICON_DIR / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    readme = (ICON_DIR / "README.md").read_text(encoding="utf-8")
    assert "lucide-static" in readme
    assert "1.62.0" in readme


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.stem)
def test_each_icon_draws_in_the_text_colour(qapp, path):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#123456"))
    image = icon(path.stem, palette).pixmap(24, 24).toImage()
    inked = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert inked, f"{path.name} drew nothing"
    assert {c.name() for c in inked} == {"#123456"}


def test_selected_and_disabled_modes_follow_the_palette(qapp):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#999999"))
    drawn = icon("settings", palette)

    def colours(mode: QIcon.Mode) -> set[str]:
        image = drawn.pixmap(24, 24, mode).toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() == 255
        }

    assert colours(QIcon.Mode.Selected) == {"#ffffff"}
    assert colours(QIcon.Mode.Disabled) == {"#999999"}


def test_an_unknown_icon_is_an_error(qapp):
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")
