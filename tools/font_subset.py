"""Make resources/fonts/KoeSansJP-Regular.otf: the Japanese font Koe embeds in PDFs.

    uv run python tools/font_subset.py [SOURCE.ttc]   # default: Debian's fonts-noto-cjk

Koe's PDF report and QR posters need a font with Japanese glyphs on every computer, the
installed bundle included, so one ships with Koe: the Japanese face of Noto Sans CJK
(SIL Open Font License 1.1, resources/fonts/LICENSE-OFL.txt) cut down to what Japanese
text uses: ASCII and Latin-1, punctuation, kana, full-width forms and the 6,355 kanji of
JIS X 0208 (levels 1 and 2: every kanji of Shift_JIS). That is 3.5 MB against the
collection's 19 MB. A rarer character (a name's variant kanji, Korean, Chinese) is drawn
from a system font when one is found (exports/fonts.py).

A modified font should not pass for the original, so the subset is named Koe Sans JP
(the Reserved Font Name of the original, 'Source', is not used either); its copyright
and licence records are kept.

The output is committed; run this again only to change what the subset holds. It takes
about a minute.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
JAPANESE_FACE = 0  # Noto Sans CJK collections hold JP, KR, SC, TC, HK in this order
OUTPUT = ROOT / "resources" / "fonts" / "KoeSansJP-Regular.otf"
FAMILY = "Koe Sans JP"
POSTSCRIPT_NAME = "KoeSansJP-Regular"

# Code point ranges kept whole: ASCII, Latin-1 and Latin Extended-A (names on a receipt),
# punctuation, currency, letter-like and maths symbols (≥ in a period), arrows, technical
# symbols, enclosed numbers, shapes, dingbats (★ ● ✓ in labels), CJK symbols, kana, the
# half- and full-width forms Japanese keyboards type, and � (what a control character
# exports as).
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x23FF),
    (0x2460, 0x27BF),
    (0x3000, 0x30FF),
    (0x31F0, 0x31FF),
    (0xFF00, 0xFFEF),
    (0xFFFD, 0xFFFD),
)


def jis_x_0208() -> set[int]:
    """Every character of JIS X 0208 (the two-byte half of EUC-JP)."""
    found: set[int] = set()
    for first in range(0xA1, 0xFF):
        for second in range(0xA1, 0xFF):
            try:
                found.update(ord(c) for c in bytes((first, second)).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return found


def wanted() -> set[int]:
    points = {p for low, high in RANGES for p in range(low, high + 1)}
    return points | jis_x_0208()


def rename(font: TTFont) -> None:
    """Name the subset Koe Sans JP in every name record that names the font."""
    names = font["name"]
    version = names.getDebugName(5) or ""
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            full = f"{FAMILY} Regular"
            names.setName(full, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            unique = f"{POSTSCRIPT_NAME};{version};subset of Noto Sans CJK JP"
            names.setName(unique, 3, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(POSTSCRIPT_NAME, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (17, 20):  # CID font name, typographic subfamily
            names.removeNames(nameID=record.nameID)
    font["CFF "].cff.fontNames = [POSTSCRIPT_NAME]
    top = font["CFF "].cff.topDictIndex[0]
    top.FullName = f"{FAMILY} Regular"
    top.FamilyName = FAMILY


def make_subset(source: Path, output: Path) -> int:
    """Write the subset; return how many characters it can draw."""
    font = TTFont(source, fontNumber=JAPANESE_FACE)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CFF hints are of little use in a PDF, and cost space
    # Kerning, proportional punctuation and vertical forms; no more is used in a PDF.
    options.layout_features = ["kern", "palt", "vert", "liga", "locl", "ccmp"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    rename(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    return len(font.getBestCmap())


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    if not source.is_file():
        print(f"{source} not found: install fonts-noto-cjk or name the .ttc", file=sys.stderr)
        return 1
    count = make_subset(source, OUTPUT)
    size = OUTPUT.stat().st_size / 1e6
    print(f"{OUTPUT.relative_to(ROOT)}: {count} characters, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
