"""QR posters: Japanese text in the PDF, the CJK font embedded, the code scans, A4 and A6."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from exports import poster

URL = "https://koe.example.com/s/AbC123?src=counter"
QUESTION = {
    "ja": "さくらベーカリーを友人や同僚に薦める可能性はどのくらいありますか？",
    "en": "How likely are you to recommend Sakura Bakery to a friend or colleague?",
}


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture(params=["A4", "A6"])
def pdf(request, tmp_path) -> tuple[str, Path]:
    path = poster.save_poster(
        tmp_path / f"poster-{request.param}.pdf",
        question=QUESTION,
        url=URL,
        size=request.param,
        business_name="さくらベーカリー",
    )
    return request.param, path


def test_the_question_is_in_the_pdf_in_both_languages(pdf):
    _, path = pdf
    text = "".join(run("pdftotext", str(path), "-").split())
    assert "".join(QUESTION["ja"].split()) in text
    assert "HowlikelyareyoutorecommendSakuraBakery" in text
    assert "さくらベーカリー" in text
    assert "koe.example.com/s/AbC123" in text


def test_the_japanese_font_is_embedded(pdf):
    _, path = pdf
    lines = run("pdffonts", str(path)).splitlines()[2:]
    assert lines, "the PDF names no font"
    for line in lines:
        assert "KoeSansJP" in line  # Koe's own subset of Noto Sans CJK JP
        columns = line.split()
        assert columns[-5] == "yes"  # emb


def test_the_page_size(pdf):
    size, path = pdf
    points = {"A4": "595.28 x 841.89 pts", "A6": "297.64 x 419.53 pts"}[size]
    assert points in run("pdfinfo", str(path))


def test_the_qr_code_scans(pdf, tmp_path):
    _, path = pdf
    run("pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(tmp_path / "page"))
    results = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [r.text for r in results] == [URL]


def test_unknown_size_says_why():
    with pytest.raises(poster.PosterError, match="A4 or A6"):
        poster.poster_pdf(question=QUESTION, url=URL, size="Letter")
