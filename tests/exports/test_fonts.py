"""Koe's own Japanese font: a PDF reads in Japanese on a computer without a Japanese font,
every Japanese text Koe writes into a PDF has its glyphs, and a character outside the
subset comes from the system's CJK font when there is one."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from exports import fonts, poster

ROOT = Path(__file__).resolve().parents[2]
URL = "https://koe.example.com/s/AbC123"
# Where a PDF's Japanese text comes from: the report's and the poster's labels, the
# survey templates, business kinds, tags, band names and periods, the demo's comments.
PDF_SOURCES = (
    "exports/report_pdf.py",
    "exports/poster.py",
    "surveys/templates.py",
    "surveys/business.py",
    "surveys/tags.py",
    "surveys/band_names.py",
    "surveys/times.py",
    "exports/words.py",
    "commands/demo.py",
)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def japanese_characters(path: Path) -> set[str]:
    """Every kana and kanji in the string constants of a Python file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found |= {
                c for c in node.value if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"
            }
    return found


def bundled_characters() -> set[int]:
    with TTFont(fonts.BUNDLED_FONT) as font:
        return set(font.getBestCmap())


def embedded_fonts(path: Path) -> list[str]:
    """(name, embedded?) lines of pdffonts, without its two heading lines."""
    return run("pdffonts", str(path)).splitlines()[2:]


def poster_file(tmp_path: Path, question_ja: str) -> Path:
    return poster.save_poster(
        tmp_path / "poster.pdf", question={"ja": question_ja, "en": "How was it?"}, url=URL
    )


def test_every_japanese_text_koe_writes_in_a_pdf_has_its_glyphs():
    drawn = bundled_characters()
    sources = [ROOT / name for name in PDF_SOURCES]
    missing = {
        str(path.relative_to(ROOT)): "".join(sorted(c for c in chars if ord(c) not in drawn))
        for path in sources
        if (chars := japanese_characters(path))
    }
    assert len(missing) == len(PDF_SOURCES)  # each of them holds Japanese text
    assert {path: text for path, text in missing.items() if text} == {}


def test_a_poster_reads_in_japanese_without_any_font_of_the_computer(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "system_cjk_font", lambda: None)
    path = poster_file(tmp_path, "本日のご来店、誠にありがとうございました。")
    text = "".join(run("pdftotext", str(path), "-").split())
    assert "本日のご来店、誠にありがとうございました。" in text
    assert "スマートフォンのカメラで読み取ってください" in text
    lines = embedded_fonts(path)
    assert len(lines) == 1 and "KoeSansJP" in lines[0]
    assert lines[0].split()[-5] == "yes"  # embedded: the reader needs no font either


def test_a_rare_kanji_and_korean_come_from_the_system_font(tmp_path):
    assert fonts.system_cjk_font() is not None, "this test needs fonts-noto-cjk"
    rare = "𠮷野家と髙橋さん、감사합니다"  # 𠮷 and 髙 are outside JIS X 0208
    drawn = bundled_characters()
    assert ord("𠮷") not in drawn and ord("髙") not in drawn and ord("감") not in drawn
    path = poster_file(tmp_path, rare)
    assert rare in "".join(run("pdftotext", str(path), "-").split())
    names = " ".join(line.split()[0] for line in embedded_fonts(path))
    assert "KoeSansJP" in names and "NotoSansCJK" in names


def test_fontconfig_names_the_japanese_font_of_this_computer():
    path, face = fonts.system_cjk_font()
    assert path.is_file()
    with TTFont(path, fontNumber=face, lazy=True) as font:
        assert font["name"].getDebugName(1) == "Noto Sans CJK JP"


def test_a_font_fontconfig_picks_without_japanese_is_not_taken(tmp_path, monkeypatch):
    # A computer with no CJK font: fc-match still answers, with a Latin font.
    latin = tmp_path / "DejaVuSans.ttf"
    latin.write_bytes(b"not used")
    fake = tmp_path / "bin" / "fc-match"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n0\\nen|fr|de' '{latin}'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(fonts, "LINUX_FONTS", ())
    assert fonts.system_cjk_font() is None


def test_an_unreadable_system_font_leaves_the_bundled_one(tmp_path, monkeypatch):
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"\0" * 64)
    monkeypatch.setattr(fonts, "system_cjk_font", lambda: (broken, 0))
    path = poster_file(tmp_path, "ご意見をお聞かせください")
    assert "ご意見をお聞かせください" in "".join(run("pdftotext", str(path), "-").split())


def test_without_its_own_font_koe_says_to_reinstall(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "BUNDLED_FONT", tmp_path / "gone.otf")
    with pytest.raises(poster.PosterError, match="Reinstall Koe"):
        poster_file(tmp_path, "ご意見")
