"""Koe's icons: Lucide SVGs from ``resources/icons`` drawn in the palette's colours.

The SVGs stroke with ``currentColor``; we substitute the palette's text colour
before rendering so that the same file reads on light and dark system themes.
Call ``icon()`` again after a palette change (widgets get a PaletteChange event).

An icon is drawn when Qt first asks for it, at the size and mode it asks
for, and kept (``_LucideEngine``): making one costs nothing, so a window
with many buttons shows as fast as one without.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
# Koe's own icon (tools/app_icon.py draws it; the bundle's .ico/.icns come from its PNG).
APP_ICON = ICON_DIR.parent / "koe.svg"


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
def _rendered(name: str, rgba: int, width: int, height: int) -> QPixmap:
    """``name`` in the colour ``rgba`` at this many device pixels, drawn once per process."""
    # SVG colours have no alpha channel (#aarrggbb would not parse): the colour
    # goes into the text, its alpha into the painter's opacity.
    color = QColor.fromRgba(rgba)
    svg = _svg_text(name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(color.alphaF())
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class _LucideEngine(QIconEngine):
    """Draws one Lucide icon in one colour per mode, at whatever size Qt asks for."""

    def __init__(self, name: str, colours: dict[QIcon.Mode, int]) -> None:
        super().__init__()
        self._name = name
        self._colours = colours

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if size.isEmpty():
            return QPixmap()
        rgba = self._colours.get(mode, self._colours[QIcon.Mode.Normal])
        return QPixmap(_rendered(self._name, rgba, size.width(), size.height()))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.pixmap(rect.size() * scale, mode, state)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return _LucideEngine(self._name, dict(self._colours))

    def key(self) -> str:
        return "koe-lucide"


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The Lucide icon ``name`` coloured for ``palette`` (the application's by default).

    Normal pixmaps use the text colour, selected ones the highlighted-text colour
    (navigation lists), disabled ones the disabled text colour.
    """
    _svg_text(name)  # an unknown name fails here, not later at a paint
    pal = palette if palette is not None else QGuiApplication.palette()
    colours = {
        QIcon.Mode.Normal: pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text),
        QIcon.Mode.Active: pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text),
        QIcon.Mode.Selected: pal.color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
        ),
        QIcon.Mode.Disabled: pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
    }
    return QIcon(_LucideEngine(name, {mode: colour.rgba() for mode, colour in colours.items()}))
