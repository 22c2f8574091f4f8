"""Draw Koe's application icon: resources/koe.svg, koe.png (1024 px), koe.ico, koe.icns.

    uv run python tools/app_icon.py

A speech bubble holding 声 ("koe", voice) on the respondent site's accent blue. The
kanji is a path taken from Noto Sans CJK JP Bold (SIL OFL 1.1), so the SVG needs no font.
The app sets the SVG as its window icon; packaging/koe.spec gives the .ico (Windows, and
the installer, packaging/windows/koe.iss) and the .icns (macOS) to PyInstaller, made here
from the PNG with Pillow. The outputs are committed; run this again only to change the
drawing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
SVG = ROOT / "resources" / "koe.svg"
PNG = ROOT / "resources" / "koe.png"
ICO = ROOT / "resources" / "koe.ico"
ICNS = ROOT / "resources" / "koe.icns"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
SIZE = 1024
ACCENT = "#0f5fa6"  # web/static/koe.css --accent
BUBBLE = (168, 184, 856, 736)  # left, top, right, bottom of the bubble's body


def kanji_path(character: str = "声", height: float = 430.0) -> str:
    """The glyph's outline as SVG path data, centred in the bubble."""
    font = TTFont(BOLD, fontNumber=0)
    glyphs = font.getGlyphSet()
    name = font.getBestCmap()[ord(character)]
    units = font["head"].unitsPerEm
    scale = height / units
    left, top, right, bottom = BUBBLE
    # Font units grow upwards; SVG's y grows down: flip, then centre on the body.
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    width = glyphs[name].width * scale
    ascent, descent = 880, -120  # Noto CJK's ideographic em box, in units
    baseline = centre_y + (ascent + descent) / 2 * scale
    pen = SVGPathPen(glyphs)
    transform = (scale, 0, 0, -scale, centre_x - width / 2, baseline)
    glyphs[name].draw(TransformPen(pen, transform))
    return pen.getCommands()


def svg() -> str:
    left, top, right, bottom = BUBBLE
    tail = (
        f"M {left + 120} {bottom - 10} L {left + 70} {bottom + 150} L {left + 300} {bottom - 10} Z"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}">\n'
        f'  <rect width="{SIZE}" height="{SIZE}" rx="224" fill="{ACCENT}"/>\n'
        f'  <rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" '
        f'rx="150" fill="#ffffff"/>\n'
        f'  <path d="{tail}" fill="#ffffff"/>\n'
        f'  <path d="{kanji_path()}" fill="{ACCENT}"/>\n'
        "</svg>\n"
    )


def render_png(source: Path, target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(source)).render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")


def main() -> int:
    if not BOLD.is_file():
        print(f"{BOLD} not found: install fonts-noto-cjk", file=sys.stderr)
        return 1
    SVG.write_text(svg(), encoding="utf-8")
    render_png(SVG, PNG)
    from PIL import Image

    with Image.open(PNG) as image:
        image.save(ICO, sizes=ICO_SIZES)
        image.save(ICNS)
    names = ", ".join(str(p.relative_to(ROOT)) for p in (SVG, PNG, ICO, ICNS))
    print(f"wrote {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
