"""Koe's icons: Lucide SVGs from ``resources/icons`` drawn in the palette's colours.

The SVGs stroke with ``currentColor``; we substitute the palette's text colour
before rendering so that the same file reads on light and dark system themes.
Call ``icon()`` again after a palette change (widgets get a PaletteChange event).

Each size of an icon in a colour is drawn once per process (a cached QImage; a
QImage, unlike a QPixmap, may be made off the GUI thread): the same icon on many
buttons, pages built again after a language switch, or a palette change cost no drawing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
# Koe's own icon (tools/app_icon.py draws it; the bundle's .ico/.icns come from its PNG).
APP_ICON = ICON_DIR.parent / "koe.svg"

# Rendered sizes: small buttons, the navigation list, and their 2x versions.
_SIZES = (16, 20, 24, 32, 40, 48)


def app_icon() -> QIcon:
    """The icon of Koe's windows and of its entry in the taskbar or dock."""
    return QIcon(str(APP_ICON))


def icon_path(name: str) -> Path:
    return ICON_DIR / f"{name}.svg"


@cache
def _svg_text(name: str) -> str:
    path = icon_path(name)
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} in {ICON_DIR}")
    return path.read_text(encoding="utf-8")


@cache
def _image(name: str, rgba: int, size: int) -> QImage:
    """The icon drawn once per colour and size: every window and page built again (a
    language switch, a second window, each test) reuses it."""
    # SVG colours have no alpha channel (#aarrggbb would not parse): the colour
    # goes into the text, its alpha into the painter's opacity.
    color = QColor.fromRgba(rgba)
    svg = _svg_text(name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(color.alphaF())
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _pixmap(name: str, color: QColor, size: int) -> QPixmap:
    return QPixmap.fromImage(_image(name, color.rgba(), size))


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The Lucide icon ``name`` coloured for ``palette`` (the application's by default).

    Normal pixmaps use the text colour, selected ones the highlighted-text colour
    (navigation lists), disabled ones the disabled text colour.
    """
    pal = palette if palette is not None else QGuiApplication.palette()
    colours = {
        QIcon.Mode.Normal: pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text),
        QIcon.Mode.Active: pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text),
        QIcon.Mode.Selected: pal.color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
        ),
        QIcon.Mode.Disabled: pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
    }
    result = QIcon()
    for mode, colour in colours.items():
        for size in _SIZES:
            result.addPixmap(_pixmap(name, colour, size), mode, QIcon.State.Off)
    return result
