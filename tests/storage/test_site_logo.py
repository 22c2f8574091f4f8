"""The shop's logo: resized and stored in the workspace; hostile files refused, nothing changed."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from storage import site_logo
from storage.logo_files import MAX_HEIGHT, MAX_LOGO_BYTES, MAX_WIDTH, LogoError, read_logo_file


def _png_file(path: Path, size=(1200, 600), mode="RGBA", colour=(200, 30, 30, 255)) -> Path:
    Image.new(mode, size, colour).save(path, "PNG")
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_a_large_png_is_resized_to_twice_its_display_size_and_stored(tmp_path, workspace):
    prepared = read_logo_file(_png_file(tmp_path / "logo.png"))
    assert (prepared.width, prepared.height) == (MAX_HEIGHT * 2, MAX_HEIGHT)  # 2:1 kept
    assert prepared.width <= MAX_WIDTH and prepared.media_type == "image/png"
    stored = site_logo.save(workspace.db(), prepared)
    again = site_logo.load(workspace.db())
    assert again == stored
    with Image.open(io.BytesIO(again.content)) as image:
        assert image.size == (192, 96) and image.mode == "RGBA"


def test_a_small_logo_is_inlined_and_a_large_one_gets_a_hashed_address(tmp_path, workspace):
    small = site_logo.save(workspace.db(), read_logo_file(_png_file(tmp_path / "a.png")))
    assert small.address.startswith("data:image/png;base64,")
    noisy = Image.effect_noise((400, 96), 100).convert("RGB")
    noisy.save(tmp_path / "photo.jpg", "JPEG")
    big = site_logo.save(workspace.db(), read_logo_file(tmp_path / "photo.jpg"))
    assert len(big.content) > site_logo.INLINE_LIMIT
    assert big.address == f"/static/logo-{big.digest}.jpg" and big.media_type == "image/jpeg"
    site_logo.remove(workspace.db())
    assert site_logo.load(workspace.db()) is None


def _hostile_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    huge = tmp_path / "huge.png"
    with huge.open("wb") as out:  # 50 MB, sparse: never read whole
        out.truncate(50 * 1024 * 1024)
    files["huge"] = huge
    # A PNG bomb: a 100,000 × 100,000 header over a tiny, valid stream of zeros.
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 6, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
    bomb += _chunk(b"IDAT", zlib.compress(b"\0" * 100_000)) + _chunk(b"IEND", b"")
    (tmp_path / "bomb.png").write_bytes(bomb)
    files["bomb"] = tmp_path / "bomb.png"
    # A real decompression bomb, drawn by Pillow: 10,000 × 10,000 one-bit pixels.
    Image.new("1", (10_000, 10_000)).save(tmp_path / "zeros.png")
    files["zeros"] = tmp_path / "zeros.png"
    (tmp_path / "setup.png").write_bytes(b"MZ\x90\x00\x03" + bytes(range(256)) * 40)
    files["exe"] = tmp_path / "setup.png"
    whole = _png_file(tmp_path / "whole.png", size=(300, 300), mode="RGB").read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])
    files["cut"] = tmp_path / "cut.png"
    (tmp_path / "empty.png").write_bytes(b"")
    files["empty"] = tmp_path / "empty.png"
    Image.new("RGB", (40, 40)).save(tmp_path / "logo.gif", "GIF")
    files["gif"] = tmp_path / "logo.gif"
    files["missing"] = tmp_path / "missing.png"
    return files


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("huge", "50 MB"),
        ("bomb", "far larger than a logo needs"),
        ("zeros", "far larger than a logo needs"),
        ("exe", "not a PNG, JPEG or SVG"),
        ("cut", "damaged"),
        ("empty", "empty"),
        ("gif", "not a PNG, JPEG or SVG"),
        ("missing", "could not be read"),
    ],
)
def test_a_hostile_or_damaged_file_is_refused_and_the_logo_stays(tmp_path, workspace, kind, words):
    before = site_logo.save(workspace.db(), read_logo_file(_png_file(tmp_path / "ok.png")))
    with pytest.raises(LogoError, match=words):
        read_logo_file(_hostile_files(tmp_path)[kind])
    assert site_logo.load(workspace.db()) == before


CLEAN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' viewBox="0 0 300 100"><defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
    '</defs><style>.a{fill:url(#g)}</style><rect class="a" width="300" height="100"/>'
    '<use xlink:href="#g"/><text x="10" y="60">Café</text></svg>'
)


def test_a_clean_svg_is_kept_as_it_is(tmp_path):
    path = tmp_path / "logo.svg"
    path.write_text(CLEAN_SVG, encoding="utf-8")
    prepared = read_logo_file(path)
    assert prepared.media_type == "image/svg+xml"
    assert prepared.content == CLEAN_SVG.encode()
    assert (prepared.width, prepared.height) == (288, 96)


@pytest.mark.parametrize(
    ("inside", "words"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect width="1" height="1" onclick="alert(1)"/>', "event handler"),
        ('<rect width="1" height="1" ONLOAD="alert(1)"/>', "event handler"),
        (
            '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
            "foreignObject",
        ),
        ('<image href="https://tracker.example/p.png"/>', "<image>"),
        ('<use href="https://evil.example/x.svg#a"/>', "outside itself"),
        ('<a href="javascript:alert(1)"><rect/></a>', "<a>"),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "<set>"),
        ("<style>@import url(https://evil.example/x.css);</style>", "elsewhere"),
        ('<rect style="fill:url(https://evil.example/t)"/>', "elsewhere"),
    ],
)
def test_an_svg_with_anything_active_is_refused(tmp_path, inside, words):
    path = tmp_path / "logo.svg"
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{inside}</svg>',
        encoding="utf-8",
    )
    with pytest.raises(LogoError, match=words):
        read_logo_file(path)


def test_an_svg_with_entities_is_refused_before_parsing(tmp_path):
    path = tmp_path / "laughs.svg"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
        encoding="utf-8",
    )
    with pytest.raises(LogoError, match="DOCTYPE"):
        read_logo_file(path)


def test_a_detailed_transparent_logo_is_made_to_fit_the_page_and_the_host(tmp_path):
    # Fine detail over a fading transparency: resized as it is, its PNG weighs 65 KB.
    detail = Image.effect_noise((1600, 400), 120).convert("RGBA")
    detail.putalpha(Image.linear_gradient("L").resize((1600, 400)))
    detail.save(tmp_path / "detail.png")

    logo = read_logo_file(tmp_path / "detail.png")

    assert len(logo.content) <= MAX_LOGO_BYTES and logo.media_type == "image/png"
    with Image.open(io.BytesIO(logo.content)) as image:
        assert image.has_transparency_data  # still see-through over the page's colour
        assert image.size == (logo.width, logo.height) == (4 * MAX_HEIGHT, MAX_HEIGHT)  # not shrunk


def test_an_svg_heavier_than_a_logo_may_be_is_refused(tmp_path):
    paths = "".join(f'<path d="M{i} 0 L{i} 10"/>' for i in range(2500))
    heavy = tmp_path / "heavy.svg"
    heavy.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">{paths}</svg>'
    )
    assert heavy.stat().st_size > MAX_LOGO_BYTES
    with pytest.raises(LogoError) as refused:
        read_logo_file(heavy)
    assert refused.value.reason == "too_large" and "32 KB" in str(refused.value)


def test_a_logo_no_encoding_can_lighten_enough_is_made_smaller_until_it_fits(tmp_path):
    # Random pixels: even at 256 colours a 384 × 96 PNG of them is 37 KB.
    static = Image.frombytes("RGBA", (384, 96), random.Random(7).randbytes(384 * 96 * 4))
    static.save(tmp_path / "static.png")

    logo = read_logo_file(tmp_path / "static.png")

    assert len(logo.content) <= MAX_LOGO_BYTES and logo.media_type == "image/png"
    assert logo.width < 384 and logo.width / logo.height == pytest.approx(4, rel=0.05)
