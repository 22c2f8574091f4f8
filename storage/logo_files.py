"""Turning a logo file the owner chose into one the respondent page can show.

PNG and JPEG are decoded by Pillow (only those two decoders are tried), refused
when they claim more pixels than a logo ever needs (a "PNG bomb" is refused
from its header, before anything is decompressed), and re-encoded at most
twice their display size, which also drops EXIF and other metadata, and made
to fit ``MAX_LOGO_BYTES`` (fewer colours for a detailed PNG, then a smaller
picture; a JPEG at a lower quality, then smaller).

SVG is never rewritten: a file with anything active or outside itself is
refused whole, with the reason (scripts, event handlers, ``foreignObject``,
links or images by address, animation, CSS ``@import``/``url()``, a DOCTYPE or
entities). What remains can only draw.
"""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# The page shows the logo at most 48 px high and 200 px wide (CSS px); kept at 2×.
DISPLAY_HEIGHT, DISPLAY_WIDTH = 48, 200
MAX_HEIGHT, MAX_WIDTH = 2 * DISPLAY_HEIGHT, 2 * DISPLAY_WIDTH
MAX_FILE_BYTES = 10 * 1024 * 1024  # a chosen file larger than this is not read at all
# What a logo may weigh as stored: the page loads it once (then from cache), and it
# travels to a public host inside the sync API's 64 KB body (storage.sync_desktop).
MAX_LOGO_BYTES = 32 * 1024
MAX_PIXELS = 40_000_000  # 40 MP: more than any camera photo of a sign; a bomb claims far more

SVG_NS = "http://www.w3.org/2000/svg"
_XLINK = "{http://www.w3.org/1999/xlink}href"
_DRAWING = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "defs", "symbol", "use", "title", "desc", "metadata",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "style",
    "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
    "feColorMatrix", "feMerge", "feMergeNode", "switch",
}  # fmt: skip
# url(#id) points inside the file; any other url(), and @import, reach outside.
_OUTSIDE_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)|expression\s*\(", re.IGNORECASE)


class LogoError(ValueError):
    """A file that cannot be the logo; the message says why, in plain words, and
    ``reason`` names the kind of problem (REASONS) for a translated message."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


# too_large: the file or its pixels; not_picture: not PNG/JPEG/SVG; damaged: cannot be
# decoded; unreadable: cannot be opened; active: an SVG with something active or outside.
REASONS = ("too_large", "not_picture", "damaged", "unreadable", "empty", "active")


@dataclass(frozen=True)
class PreparedLogo:
    """A logo ready to store: its bytes, media type and pixel size."""

    content: bytes
    media_type: str  # image/png, image/jpeg or image/svg+xml
    width: int
    height: int


def read_logo_file(path: Path) -> PreparedLogo:
    """The logo in ``path``, checked and resized; LogoError says what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LogoError(
                f"The file is {size // (1024 * 1024)} MB; a logo must be under "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB.",
                "too_large",
            )
        data = path.read_bytes()
    except OSError as error:
        raise LogoError(
            f"The file could not be read: {error.strerror or error}.", "unreadable"
        ) from None
    return prepare_logo(data)


def prepare_logo(data: bytes) -> PreparedLogo:
    """``data`` as a logo: PNG/JPEG resized, SVG checked; LogoError when it cannot be one."""
    if len(data) > MAX_FILE_BYTES:
        raise LogoError("The file is too large for a logo.", "too_large")
    if not data:
        raise LogoError("The file is empty.", "empty")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype")):
        return _svg(data)
    return _raster(data)


def _raster(data: bytes) -> PreparedLogo:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as image:
                width, height = image.size
                if width * height > MAX_PIXELS or width > 20_000 or height > 20_000:
                    raise LogoError(
                        f"The picture is {width} × {height} pixels: far larger than a logo "
                        "needs. Choose a smaller picture.",
                        "too_large",
                    )
                image.load()
                return _resized(ImageOps.exif_transpose(image))
    except LogoError:
        raise
    except UnidentifiedImageError:
        raise LogoError("This file is not a PNG, JPEG or SVG picture.", "not_picture") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LogoError(
            "The picture is far larger than a logo needs. Choose a smaller picture.", "too_large"
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        # Pillow reports a cut-short or damaged file as one of these.
        raise LogoError(
            f"The picture is damaged and cannot be read ({error}).", "damaged"
        ) from None


def _resized(image: Image.Image) -> PreparedLogo:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_WIDTH, MAX_HEIGHT), Image.Resampling.LANCZOS)
    while True:
        content, media_type = _smallest(image, has_alpha)
        if len(content) <= MAX_LOGO_BYTES or image.width <= 16 or image.height <= 16:
            return PreparedLogo(content, media_type, image.width, image.height)
        # Still too heavy (a photo, or noise): a smaller picture, sharp at its own size.
        size = (max(1, image.width * 4 // 5), max(1, image.height * 4 // 5))
        image = image.resize(size, Image.Resampling.LANCZOS)


def _smallest(image: Image.Image, has_alpha: bool) -> tuple[bytes, str]:
    """The picture as PNG, or as a lighter encoding when the PNG is over the limit."""
    png = _encoded(image, "PNG", optimize=True)
    if len(png) <= MAX_LOGO_BYTES:
        return png, "image/png"
    if has_alpha:
        # 256 colours keep the transparency and usually quarter the weight.
        palette = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
        return min(png, _encoded(palette, "PNG", optimize=True), key=len), "image/png"
    for quality in (85, 70, 55):  # a photo-like logo is much lighter as a JPEG
        jpeg = _encoded(image, "JPEG", quality=quality, optimize=True)
        if len(jpeg) <= MAX_LOGO_BYTES:
            break
    return jpeg, "image/jpeg"


def _encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def _svg(data: bytes) -> PreparedLogo:
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            f"The SVG file is over {MAX_LOGO_BYTES // 1024} KB: too large for a logo. "
            "Simplify it, or choose the logo as a PNG.",
            "too_large",
        )
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise LogoError(
            "The SVG file declares a DOCTYPE or entities; save it without them.", "active"
        )
    if b"<?xml-stylesheet" in lowered:
        raise LogoError("The SVG file loads a stylesheet from elsewhere.", "active")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise LogoError(
            f"The SVG file is damaged and cannot be read ({error}).", "damaged"
        ) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise LogoError("This file is not an SVG picture.", "not_picture")
    for element in root.iter():
        _check_svg_element(element)
    width, height = _svg_size(root)
    return PreparedLogo(data, "image/svg+xml", width, height)


def _check_svg_element(element: ElementTree.Element) -> None:
    namespace, _, name = str(element.tag).rpartition("}")
    if namespace != "{" + SVG_NS or name not in _DRAWING:
        raise LogoError(
            f"The SVG file holds <{name}>, which Koe does not show (only shapes, text "
            "and gradients: no scripts, embedded pages, images or animation).",
            "active",
        )
    if name == "style" and _OUTSIDE_CSS.search(element.text or ""):
        raise LogoError("The SVG file's style loads something from elsewhere.", "active")
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2].lower()
        if local.startswith("on"):
            raise LogoError(
                f"The SVG file has an event handler ({local}): it could run code.", "active"
            )
        if local == "href" or attribute == _XLINK:
            if not value.strip().startswith("#"):
                raise LogoError("The SVG file links to something outside itself.", "active")
        elif _OUTSIDE_CSS.search(value):
            raise LogoError("The SVG file loads something from elsewhere.", "active")


def _svg_size(root: ElementTree.Element) -> tuple[int, int]:
    """The logo's shape as display pixels at most DISPLAY_HEIGHT × DISPLAY_WIDTH, 2×."""
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            width, height = float(box[2]), float(box[3])
        else:
            width = float(re.sub(r"px$", "", root.get("width", "")))
            height = float(re.sub(r"px$", "", root.get("height", "")))
    except ValueError:
        width, height = MAX_WIDTH, MAX_HEIGHT  # no size given: the page's box decides
    if width <= 0 or height <= 0:
        raise LogoError("The SVG file has no size (its viewBox is empty).", "damaged")
    scale = min(MAX_WIDTH / width, MAX_HEIGHT / height)
    return max(1, round(width * scale)), max(1, round(height * scale))
