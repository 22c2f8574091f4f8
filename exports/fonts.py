"""The fonts Koe embeds in its PDFs (the report and the QR posters).

Koe ships its own Japanese font, a subset of Noto Sans CJK JP (resources/fonts, SIL Open
Font License 1.1, made by tools/font_subset.py): every computer, the installed bundle
included, writes the same PDF without a font of its own. A character outside the subset
(a rare kanji in a name, Korean, Chinese) is drawn from the system's CJK font when there
is one: fontconfig's choice for Japanese on Linux, the known font folders on Windows and
macOS. Without it such a character shows as an empty box and the rest of the PDF is
unchanged.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

log = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parent.parent / "resources" / "fonts"
BUNDLED_FONT = BUNDLED / "KoeSansJP-Regular.otf"
FAMILY = "KoeCJK"
SYSTEM_FAMILY = "KoeCJKSystem"

# Where Windows and macOS keep a Japanese font, and where Linux distributions put Noto
# CJK when fontconfig cannot be asked. The face of a collection: 0 is JP in Noto's.
WINDOWS_FONTS = ("YuGothR.ttc", "YuGothM.ttc", "meiryo.ttc", "msgothic.ttc")
MACOS_FONTS = (
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
LINUX_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)


class FontMissing(Exception):
    """Koe's own font is not where it belongs (a damaged installation)."""


def bundled_font() -> Path:
    if not BUNDLED_FONT.is_file():
        raise FontMissing(
            f"Koe's Japanese font is missing ({BUNDLED_FONT}). Reinstall Koe to restore it."
        )
    return BUNDLED_FONT


def _fontconfig_choice() -> tuple[Path, int] | None:
    """The font fontconfig picks for Japanese, when it covers Japanese at all
    (fc-match always answers with something, a Latin-only font included)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}\n%{index}\n%{lang}", "sans-serif:lang=ja"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("fc-match did not answer: %s", error)
        return None
    if len(found) < 3 or "ja" not in found[2].split("|") or not found[1].isdigit():
        return None
    return Path(found[0]), int(found[1])


def _known_paths() -> list[Path]:
    if sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"]
        if "LOCALAPPDATA" in os.environ:  # fonts installed for this user only
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft/Windows/Fonts")
        return [folder / name for folder in folders for name in WINDOWS_FONTS]
    if sys.platform == "darwin":
        return [Path(path) for path in MACOS_FONTS]
    return [Path(path) for path in LINUX_FONTS]


def system_cjk_font() -> tuple[Path, int] | None:
    """A full CJK font of this computer's (file, face), or None."""
    if sys.platform not in ("win32", "darwin"):
        chosen = _fontconfig_choice()
        if chosen is not None and chosen[0].is_file():
            return chosen
    return next(((path, 0) for path in _known_paths() if path.is_file()), None)


def _font_file_reads(path: Path, index: int) -> bool:
    """Whether the file is a font with a character map. Checked on a file this function
    closes: fpdf2 and fontTools leave a file they cannot read open."""
    try:
        with path.open("rb") as file:
            return "cmap" in TTFont(file, fontNumber=index, lazy=True)
    except Exception as error:  # fontTools raises many kinds on a damaged file
        log.warning("system font %s not usable in PDFs: %s", path, error)
        return False


def add_cjk_fonts(pdf: FPDF, font: tuple[Path, int] | None = None) -> str:
    """Add the Japanese font (``font`` or Koe's own) to ``pdf``, with the system's CJK font
    as the fallback for characters it lacks; return the family name for ``set_font``."""
    path, index = font or (bundled_font(), 0)
    pdf.add_font(FAMILY, fname=str(path), collection_font_number=index)
    fallback = system_cjk_font()
    if fallback is None or not _font_file_reads(*fallback):
        return FAMILY
    try:
        pdf.add_font(SYSTEM_FAMILY, fname=str(fallback[0]), collection_font_number=fallback[1])
    except Exception as error:  # a font file fpdf2 cannot read: the bundled one suffices
        log.warning("system font %s not usable in PDFs: %s", fallback[0], error)
        return FAMILY
    pdf.set_fallback_fonts([SYSTEM_FAMILY])
    return FAMILY
