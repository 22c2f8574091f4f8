"""Translations: both catalogues complete, placeholders kept, Japanese really shown."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from storage import responses
from storage.dashboard import Filters
from tests.conftest import make_survey
from tests.ui.showing import open_responses, shown_results_page
from ui.common import i18n
from ui.main_window import MainWindow

TS_FILES = [i18n.ts_path(language) for language in i18n.LANGUAGES]
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        found += [(name, message) for message in context.iter("message")]
    return found


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture
def english(qapp):
    """Leave the app in English, whatever a test installed."""
    yield
    i18n.install_translator(qapp, "en")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path):
    assert ts.is_file()
    unfinished = [
        f"[{context}] {message.findtext('source')!r}"
        for context, message in messages(ts)
        if message.find("translation").get("type") == "unfinished"
        or not all(text.strip() for text in translations(message))
    ]
    assert unfinished == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_placeholders_are_kept(ts: Path):
    wrong = []
    for context, message in messages(ts):
        source = message.findtext("source", "")
        expected = Counter(PLACEHOLDER.findall(source))
        for text in translations(message):
            got = Counter(PLACEHOLDER.findall(text))
            if got != expected:
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_english_translations_are_the_source_text():
    for _context, message in messages(i18n.ts_path("en")):
        if message.get("numerus") != "yes":
            assert translations(message) == [message.findtext("source")]


def test_english_counts_have_a_singular_and_a_plural():
    """ "%n answer(s)" reads "1 answer", "2 answers": no English form keeps the "(s)"."""
    counts = [m for _c, m in messages(i18n.ts_path("en")) if m.get("numerus") == "yes"]
    assert len(counts) >= 20
    for message in counts:
        source = message.findtext("source", "")
        forms = translations(message)
        assert len(forms) == 2 and not any("(s)" in form for form in forms), source
        if "(s)" in source:
            assert forms[0] != forms[1], source


def test_counts_read_as_english_plurals(qtbot, qapp, context, english):
    """The same count, one and then two, on the Results page: singular, then plural."""
    assert i18n.install_translator(qapp, "en") == "en"
    survey = make_survey(context.workspace, "nps")
    qid = survey.headline_question.qid
    responses.record(context.workspace.db(), survey, {qid: 9}, language="en")
    window, page = shown_results_page(qtbot, context, survey.id or 0)
    page.apply_filters(Filters(), days=30)
    qtbot.waitUntil(lambda: "answer" in page.extra.period_label.text())
    open_responses(qtbot, page)
    qtbot.waitUntil(lambda: page.responses.count.text() == "1 response")
    assert "(1 answer)" in page.extra.period_label.text()
    assert "(0 answers)" in page.extra.period_label.text()

    responses.record(context.workspace.db(), survey, {qid: 3}, language="en")
    context.responses_changed.emit(survey.id)
    qtbot.waitUntil(lambda: page.responses.count.text() == "2 responses")
    qtbot.waitUntil(lambda: "(2 answers)" in page.extra.period_label.text())
    window.close()


def test_the_app_shows_japanese_when_the_language_is_ja(qtbot, qapp, koe_app, english):
    assert i18n.install_translator(qapp, "ja") == "ja"
    window = MainWindow(koe_app.context)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["アンケート", "連絡先", "送信", "結果", "コメント", "設定"]
    assert window.pages["settings"].save_button.text() == "保存"


def test_english_is_the_source(qtbot, qapp, koe_app, english):
    assert i18n.install_translator(qapp, "en") == "en"
    window = MainWindow(koe_app.context)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Surveys"


def test_explicit_languages_resolve_to_themselves():
    assert i18n.resolve_language("ja") == "ja"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("") in i18n.LANGUAGES


def test_a_stale_catalogue_is_compiled_again(tmp_path, monkeypatch):
    folder = tmp_path / "i18n"
    folder.mkdir()
    ts = folder / "koe_ja.ts"
    ts.write_bytes(i18n.ts_path("ja").read_bytes())
    monkeypatch.setattr(i18n, "I18N_DIR", folder)
    qm = i18n.qm_path("ja")
    assert qm == folder / "koe_ja.qm"
    assert qm.stat().st_size > 0
    first = qm.stat().st_mtime_ns
    os.utime(ts, ns=(first + 10**9, first + 10**9))
    assert i18n.qm_path("ja").stat().st_mtime_ns > first


def test_an_installed_bundle_uses_its_compiled_catalogue(qapp, tmp_path, monkeypatch):
    # packaging/koe.spec ships koe_ja.qm without the .ts sources (and without lrelease).
    folder = tmp_path / "i18n"
    i18n.compile_ts(i18n.ts_path("ja"), folder / "koe_ja.qm")
    monkeypatch.setattr(i18n, "I18N_DIR", folder)
    monkeypatch.setattr(i18n, "qt_tool_command", lambda name: pytest.fail("compiled again"))
    try:
        assert i18n.install_translator(qapp, "ja") == "ja"
        assert QCoreApplication.translate("MainWindow", "Surveys") == "アンケート"
    finally:
        i18n.install_translator(qapp, "en")


def test_a_read_only_install_compiles_into_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(i18n, "_writable", lambda folder: False)
    monkeypatch.setattr(i18n, "cache_dir", lambda: cache)
    qm = i18n.qm_path("en")
    assert qm == cache / "koe_en.qm"
    assert qm.is_file()
