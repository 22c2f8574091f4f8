"""The designer's "On the customer's page" section: heading, intro, thank-you message and
the page after thanks, saved with the survey, with a live phone sketch in the shop's look."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor

from storage import settings as settings_store
from storage import site_logo
from storage import surveys as survey_store
from storage.logo_files import read_logo_file
from storage.workspace import Workspace
from surveys.colours import brand_shades
from surveys.model import SurveyStatus
from tests.conftest import make_survey
from tests.ui import designer_helpers
from tests.ui.designer_helpers import type_into, wait_saved
from ui.common import i18n

context = designer_helpers.context
open_designer = designer_helpers.open_designer
SHOTS = Path(os.environ.get("KOE_SHOTS", "")) if os.environ.get("KOE_SHOTS") else None


def _pixel(widget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(x, y)


def test_page_texts_are_saved_and_the_phone_shows_them_in_the_shops_look(
    qtbot, workspace: Workspace, context, open_designer, tmp_path
):
    Image.new("RGB", (300, 100), (200, 40, 40)).save(tmp_path / "logo.png")
    site_logo.save(workspace.db(), read_logo_file(tmp_path / "logo.png"))
    context.save_settings(brand_colour="#ff8800", business_name="Hinata Coffee")
    survey = make_survey(workspace, "nps", languages=("en", "ja"), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    page.actions_by_name["settings"].trigger()
    texts = page.settings_editor.page_texts
    phone = texts.phone
    qtbot.waitUntil(lambda: not phone.logo_label.isHidden())
    assert phone.logo_label.pixmap().height() == 32
    shades = brand_shades("#ff8800")
    assert phone.accent == shades.light  # the adjusted shade, as the page uses it
    assert phone.heading_label.text() == "Customer survey"

    type_into(qtbot, texts.heading_fields["en"], "How was your visit?")
    type_into(qtbot, texts.intro_fields["en"], "Two quick questions.")
    type_into(qtbot, texts.thanks_fields["en"], "See you soon!")
    type_into(qtbot, texts.heading_fields["ja"], "ご来店の感想")
    assert phone.heading_label.text() == "ご来店の感想"  # follows the language being typed
    type_into(qtbot, texts.redirect_field, "http://hinata.example")
    assert "https://" in texts.redirect_problem.text()
    type_into(qtbot, texts.redirect_field, "https://hinata.example/menu")
    assert texts.redirect_problem.text() == ""
    wait_saved(qtbot, page)

    stored = survey_store.get(workspace.db(), survey.id)
    assert stored.heading == {"en": "How was your visit?", "ja": "ご来店の感想"}
    assert stored.intro["en"] == "Two quick questions."
    assert stored.thanks["en"] == "See you soon!"
    assert stored.redirect_url == "https://hinata.example/menu"

    type_into(qtbot, texts.heading_fields["en"], "How was your visit?!")
    assert phone.heading_label.text() == "How was your visit?!"
    assert phone.intro_label.text() == "Two quick questions."
    send = phone.send
    colour = _pixel(send, send.width() // 2, 3)
    assert colour.name() == shades.light
    phone.dark_box.setChecked(True)
    assert phone.accent == shades.dark
    assert _pixel(send, send.width() // 2, 3).name() == shades.dark

    # The shop's colour changed in Settings shows at once.
    context.save_settings(brand_colour="#0f5fa6")
    phone.dark_box.setChecked(False)
    qtbot.waitUntil(lambda: phone.accent == "#0f5fa6")
    if SHOTS:
        page.settings_editor.ensureWidgetVisible(texts.phone)
        page.grab().save(str(SHOTS / "designer-page-texts.png"))
    assert settings_store.load(workspace.db()).brand_colour == "#0f5fa6"


def test_the_section_speaks_japanese(qtbot, qapp, workspace: Workspace, context, open_designer):
    i18n.install_translator(qapp, "ja")
    context.save_settings(brand_colour="#2e7d32", business_name="ひなた珈琲")
    survey = make_survey(workspace, "nps", languages=("ja", "en"), status=SurveyStatus.DRAFT)
    page = open_designer(survey.id)
    page.actions_by_name["settings"].trigger()
    texts = page.settings_editor.page_texts
    type_into(qtbot, texts.heading_fields["ja"], "ご来店の感想")
    type_into(qtbot, texts.intro_fields["ja"], "本日のご来店について2問です。")
    qtbot.waitUntil(lambda: texts.phone.name_label.text() == "ひなた珈琲")
    assert texts.phone.send.text() == "送信"
    assert texts.phone.heading_label.text() == "ご来店の感想"
    type_into(qtbot, texts.redirect_field, "example.com")
    assert "https://" in texts.redirect_problem.text() and "入力" in texts.redirect_problem.text()
    if SHOTS:
        page.settings_editor.ensureWidgetVisible(texts.phone)
        qapp.processEvents()
        page.grab().save(str(SHOTS / "designer-page-texts-ja.png"))
