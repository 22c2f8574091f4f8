"""Settings ▸ Your shop's look: a logo chosen is stored, a hostile file is refused with its
reason and nothing changes, the colour is checked as it is typed and saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from storage import settings as settings_store
from storage import site_logo
from storage.workspace import Workspace
from surveys.colours import brand_shades
from ui.common import i18n
from ui.settings.shop_look_section import ShopLookSection

# The section is shown as its own window offscreen, which says this on showing.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
SHOTS = Path(os.environ["KOE_SHOTS"]) if os.environ.get("KOE_SHOTS") else None


@pytest.fixture
def section(qtbot, context) -> ShopLookSection:
    made = ShopLookSection(context)
    qtbot.addWidget(made)
    made.resize(760, 460)
    made.show()
    qtbot.waitUntil(lambda: context.worker.pending == 0)
    return made


def _settle(qtbot, section: ShopLookSection) -> None:
    qtbot.waitUntil(lambda: section.context.worker.pending == 0)


def test_a_logo_is_stored_and_a_hostile_file_changes_nothing(
    qtbot, section: ShopLookSection, workspace: Workspace, tmp_path
):
    Image.new("RGBA", (1000, 500), (10, 120, 80, 255)).save(tmp_path / "logo.png")
    section.use_logo_file(tmp_path / "logo.png")
    _settle(qtbot, section)
    assert section.logo_status.text() == "Logo saved. Every survey page shows it now."
    stored = site_logo.load(workspace.db())
    assert stored is not None and (stored.width, stored.height) == (192, 96)
    assert not section.phone.logo_label.isHidden()

    (tmp_path / "invoice.png").write_bytes(b"MZ\x90\x00" + b"\x00" * 4000)
    section.use_logo_file(tmp_path / "invoice.png")
    _settle(qtbot, section)
    assert section.logo_status.text() == (
        "Not used: This file is not a PNG, JPEG or SVG picture. Your logo is unchanged."
    )
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    section.use_logo_file(tmp_path / "logo.svg")
    _settle(qtbot, section)
    assert "scripts, links or other active parts" in section.logo_status.text()
    assert site_logo.load(workspace.db()) == stored

    qtbot.mouseClick(section.remove_logo_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, section)
    assert site_logo.load(workspace.db()) is None
    assert section.phone.logo_label.isHidden()


def test_a_colour_that_fails_aa_is_explained_and_the_adjusted_shade_previewed(
    qtbot, section: ShopLookSection, workspace: Workspace
):
    section.colour_edit.setText("orange")
    assert section.colour_status.text() == "Type a colour as #rrggbb, for example #0f5fa6."
    assert not section.save_colour_button.isEnabled()

    section.colour_edit.setText("#FFD700")
    shades = brand_shades("#ffd700")
    words = section.colour_status.text()
    assert "#ffd700 is too light for white text (contrast 1.4:1" in words
    assert f"the darker {shades.light}" in words and f"the lighter {shades.dark}" not in words
    assert section.phone.accent == shades.light

    qtbot.mouseClick(section.save_colour_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings_store.load(workspace.db()).brand_colour == "#ffd700")
    qtbot.waitUntil(lambda: not section.save_colour_button.isEnabled())

    section.colour_edit.setText("#0f5fa6")
    assert section.colour_status.text().startswith("Readable on light screens as it is.")
    if SHOTS:
        section.grab().save(str(SHOTS / "shop-look-en.png"))


def test_shown_in_japanese(qtbot, qapp, context, tmp_path):
    i18n.install_translator(qapp, "ja")
    made = ShopLookSection(context)
    qtbot.addWidget(made)
    made.resize(760, 460)
    made.show()
    made.colour_edit.setText("#ff8800")
    assert "#ff8800" in made.colour_status.text()
    assert "white text" not in made.colour_status.text()  # translated
    if SHOTS:
        qapp.processEvents()
        made.grab().save(str(SHOTS / "shop-look-ja.png"))
