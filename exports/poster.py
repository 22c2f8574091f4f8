"""Printable QR posters (A4 and A6 PDF): the question, the QR code of the survey's public
link and the short URL, in Japanese and English, with a Japanese font embedded.

Made with fpdf2, which embeds and subsets an OpenType CJK font (Noto Sans CJK
is CFF-based; reportlab refuses CFF outlines, and Qt's PDF writer belongs in ui/).
The font is Koe's own (exports/fonts.py).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from fpdf import FPDF

from channels import qr
from exports.fonts import FontMissing, add_cjk_fonts

SIZES = {"A4": (210.0, 297.0), "A6": (105.0, 148.0)}

SCAN = {"ja": "スマートフォンのカメラで読み取ってください", "en": "Scan with your phone's camera"}
OR_VISIT = {"ja": "または", "en": "or visit"}


class PosterError(Exception):
    """A poster that cannot be made; the message says why in plain words."""


def poster_pdf(
    *,
    question: Mapping[str, str],
    url: str,
    size: str = "A4",
    business_name: str = "",
    font: tuple[Path, int] | None = None,
) -> bytes:
    """A one-page PDF poster; ``question`` holds the wording by language ("ja", "en")."""
    if size not in SIZES:
        raise PosterError(f"unknown poster size {size!r}: choose A4 or A6")
    width, height = SIZES[size]
    scale = width / SIZES["A4"][0]
    pdf = FPDF(unit="mm", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(14 * scale, 14 * scale, 14 * scale)
    pdf.add_page()
    pdf.set_title(question.get("ja") or question.get("en") or "Koe")
    pdf.set_creator("Koe")
    try:
        family = add_cjk_fonts(pdf, font)
    except FontMissing as error:
        raise PosterError(str(error)) from error
    text_width = width - 28 * scale

    y = 18 * scale
    if business_name:
        pdf.set_font(family, size=16 * scale)
        pdf.set_xy(14 * scale, y)
        pdf.multi_cell(text_width, 8 * scale, business_name, align="C")
        y = pdf.get_y() + 6 * scale
    languages = [lang for lang in ("ja", "en") if question.get(lang)]
    for number, language in enumerate(languages):
        pdf.set_font(family, size=(26 if number == 0 else 18) * scale)
        pdf.set_xy(14 * scale, y)
        pdf.multi_cell(
            text_width, (12 if number == 0 else 9) * scale, question[language], align="C"
        )
        y = pdf.get_y() + 5 * scale

    side = min(120 * scale, height - y - 60 * scale)
    image = io.BytesIO(qr.png(url, box_size=12))
    pdf.image(image, x=(width - side) / 2, y=y + 4 * scale, w=side, h=side)
    y += side + 10 * scale

    pdf.set_font(family, size=13 * scale)
    for language in ("ja", "en"):
        pdf.set_xy(14 * scale, y)
        pdf.multi_cell(text_width, 6.5 * scale, SCAN[language], align="C")
        y = pdf.get_y() + 1 * scale
    pdf.set_xy(14 * scale, y + 3 * scale)
    pdf.set_font(family, size=14 * scale)
    pdf.multi_cell(text_width, 7 * scale, f"{OR_VISIT['ja']} / {OR_VISIT['en']}  {url}", align="C")
    return bytes(pdf.output())


def save_poster(path: Path, **kwargs: object) -> Path:
    """Write ``poster_pdf(**kwargs)`` to ``path``."""
    data = poster_pdf(**kwargs)  # type: ignore[arg-type]
    Path(path).write_bytes(data)
    return Path(path)
