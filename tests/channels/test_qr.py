"""QR codes scan back to the link they were made from."""

import io

import zxingcpp
from PIL import Image

from channels import qr

URL = "https://koe.example.com/s/AbC123?src=counter"


def test_png_decodes_back_to_the_link(tmp_path):
    path = qr.save(URL, tmp_path / "code.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    results = zxingcpp.read_barcodes(Image.open(path))
    assert [r.text for r in results] == [URL]


def test_svg_is_a_vector_image_of_the_same_code(tmp_path):
    path = qr.save(URL, tmp_path / "code.svg")
    text = path.read_text()
    assert text.startswith("<?xml") and "<svg" in text and "<path" in text


def test_png_bytes_in_memory_scan():
    image = Image.open(io.BytesIO(qr.png(URL, box_size=4)))
    assert zxingcpp.read_barcodes(image)[0].text == URL
